// basics.mjs - the web UI's tests outside the scoring cycle (cycle.mjs),
// on an edition the chair uploads (so that the chair is its own): the
// strings of both languages, signing in (a wrong password, the keyboard alone), what an
// analyst may not see, the language switch, the live diagram, the upload
// of an assessment file, and the admin's users (disabling one asks
// first).

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import {
	ADMIN, ANALYST, BASE, CHAIR, ROOT, apiCall, apiLogin, checkA11y, checkWidth, expectHttp, go, h1, newUser,
	open, ready, signIn, test
} from './lib.mjs';

const PUBLIC_SCENARIO = 'solar-storm';
const RESTRICTED_SCENARIO = 'cyber-espionage';
let EDITION = null;           // the chair's upload of the 2012 example
let SECRET_SCENARIO = null;   // a confidential scenario the chair adds

// The confidential scenario, added through the API (no UI adds one); the
// server makes its id: the title and six random characters.
async function addSecret(api) {
	const path = `/api/assessments/${EDITION}/scenarios`;
	const added = await apiCall(api, 'POST', path, {
		title: 'Secret plot against the state', kind: 'threat', classification: 'confidential',
		likelihood: 'B', impact: { '5.2': 'D' }
	});
	assert.equal(added.status, 201, added.text);
	assert.match(added.json.id, /^secret-plot-against-the-state-[a-z0-9]{6}$/);
	return added.json.id;
}

// The diagram's point of a scenario: {cx, cy}, or null.
async function point(page, scenario) {
	return page.evaluate(id => {
		const c = document.querySelector(`#diagram circle.point[data-scenario="${id}"]`);
		return c ? { cx: Number(c.getAttribute('cx')), cy: Number(c.getAttribute('cy')) } : null;
	}, scenario);
}

export async function basics(chair, analyst) {
	await test('i18n: every UI string exists in English and Dutch', async () => {
		const page = chair.page;
		await page.goto(BASE + '/');
		await ready(page);
		const missing = await page.evaluate(async () => (await import('./i18n.js')).missingKeys());
		assert.deepEqual(missing, []);
	});

	await test('login: a wrong password shows an error; the labels work', async () => {
		const page = chair.page;
		await page.goto(BASE + '/');
		await page.waitForSelector('#login-form');
		await ready(page);
		assert.equal(await h1(page), 'Sign in');
		await checkA11y(page, 'the login page');
		await page.getByLabel('User name').fill(CHAIR.name);
		await page.getByLabel('Password').fill('not-the-password');
		await page.getByRole('button', { name: 'Sign in' }).click();
		const error = page.locator('#login-error');
		await error.waitFor({ state: 'visible' });
		assert.match(await error.textContent(), /wrong/);
		assert.equal(await page.locator('#editions-table').count(), 0);
		assert.match(page.url(), /#\/login$/);
	});

	await test('login by keyboard only lands on the editions list', async () => {
		const page = chair.page;
		await page.goto(BASE + '/#/login');
		await page.reload();
		await ready(page);
		await page.waitForSelector('#login-user');
		// the skip link comes first and moves focus to the main content
		await page.keyboard.press('Tab');
		assert.equal(await page.evaluate(() => document.activeElement.className), 'skip-link');
		const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
		assert.notEqual(outline, 'none', 'focus is visible');
		await page.keyboard.press('Enter');
		assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
		assert.match(page.url(), /#\/login$/, 'the skip link keeps the route');
		let steps = 0;
		while (await page.evaluate(() => document.activeElement.id) !== 'login-user') {
			assert.ok(++steps < 15, 'the user name field is reachable by Tab');
			await page.keyboard.press('Tab');
		}
		await page.keyboard.type(CHAIR.name);
		await page.keyboard.press('Tab');
		assert.equal(await page.evaluate(() => document.activeElement.id), 'login-password');
		await page.keyboard.type(CHAIR.password);
		await page.keyboard.press('Enter');
		await page.waitForSelector('#editions-table');
		await ready(page);
		assert.equal(await h1(page), 'Editions');
		assert.match(await page.textContent('#who'), new RegExp(CHAIR.name));
		await checkA11y(page, 'the editions list');
		// a reload keeps the session (GET /api/session gives back the CSRF token)
		await page.reload();
		await ready(page);
		await page.waitForSelector('#editions-table');
	});

	await test('an analyst cannot see the confidential (or restricted) scenario', async () => {
		const api = await apiLogin(CHAIR);
		const made = await apiCall(api, 'POST', '/api/assessments',
			await readFile(ROOT + '/examples/nrb-2012.yaml', 'utf8'), 'application/yaml');
		assert.equal(made.status, 201, made.text);
		EDITION = made.json.id;
		SECRET_SCENARIO = await addSecret(api);
		const page = analyst.page;
		await signIn(page, ANALYST);
		await go(page, `/editions/${EDITION}`, '#ranked');
		await page.waitForSelector('#diagram svg');
		await checkA11y(page, 'the edition overview (analyst)');
		for (const hidden of [SECRET_SCENARIO, RESTRICTED_SCENARIO]) {
			assert.equal(await page.locator(`#ranked tr[data-scenario="${hidden}"]`).count(), 0, 'not in the table');
			assert.equal(await page.locator(`#diagram [data-scenario="${hidden}"]`).count(), 0, 'not in the diagram');
		}
		assert.doesNotMatch(await page.textContent('main'), /Secret plot|Cyber espionage/);
		assert.equal(await page.locator('#spread-link, #scoring-link').count(), 0, 'no chair views for analysts');
		assert.ok(await page.locator(`#ranked tr[data-scenario="${PUBLIC_SCENARIO}"]`).count(), 'the public one is');
		// the chair does see it
		await go(chair.page, `/editions/${EDITION}`, `#ranked tr[data-scenario="${SECRET_SCENARIO}"]`);
		await chair.page.waitForSelector(`#diagram circle.point[data-scenario="${SECRET_SCENARIO}"]`);
		// its URL says "not found"
		await go(page, `/editions/${EDITION}/scenarios/${SECRET_SCENARIO}`);
		assert.equal(await h1(page), 'Not found');
		await checkA11y(page, 'the not-found page');
		const direct = await page.evaluate(async path => (await fetch(path)).status,
			`/api/assessments/${EDITION}/scenarios/${SECRET_SCENARIO}`);
		assert.equal(direct, 404);
		const theirs = await page.evaluate(async id =>
			(await fetch(`/api/assessments/${id}/report.html`)).text(), EDITION);
		assert.doesNotMatch(theirs, /Secret plot|Cyber espionage/, 'nor in their report');
	});

	await test('the live diagram redraws when another tab consolidates a score', async () => {
		const overview = chair.page;
		await go(overview, `/editions/${EDITION}`, `#diagram circle.point[data-scenario="${PUBLIC_SCENARIO}"]`);
		// the axes: likelihood grows to the right, impact upwards (smaller cy)
		const results = await overview.evaluate(async id =>
			(await fetch(`/api/assessments/${id}/results`)).json(), EDITION);
		const points = [];
		for (const s of results.scenarios) {
			const p = await point(overview, s.id);
			assert.ok(p, 'a point for ' + s.id);
			points.push({ ...p, x: s.likelihood.ev.position, y: s.impact.ev.position });
		}
		for (const a of points)
			for (const b of points) {
				if (a.x < b.x)
					assert.ok(a.cx < b.cx, 'likelihood runs left to right');
				if (a.y < b.y)
					assert.ok(a.cy > b.cy, 'impact runs bottom to top');
			}
		const before = await point(overview, PUBLIC_SCENARIO);
		// a second tab consolidates (the edition is in draft); the first redraws by itself
		const page = await chair.context.newPage();
		open.push(page);
		await go(page, `/editions/${EDITION}/scenarios/${PUBLIC_SCENARIO}`, '#consol-form');
		assert.equal(await page.inputValue('#consol-5_3-ev'), 'C+');
		await page.selectOption('#consol-5_3-ll', 'D');
		await page.selectOption('#consol-5_3-ev', 'E');
		await page.selectOption('#consol-5_3-ul', 'E');
		await page.click('#consol-save');
		await page.waitForFunction(() => /^Saved 1 /.test(document.getElementById('consol-status').textContent));
		await checkA11y(page, 'the consolidation form');
		await overview.waitForFunction(([id, cy]) => {
			const c = document.querySelector(`#diagram circle.point[data-scenario="${id}"]`);
			return c && Number(c.getAttribute('cy')) !== cy;
		}, [PUBLIC_SCENARIO, before.cy], { timeout: 12000 });
		const after = await point(overview, PUBLIC_SCENARIO);
		assert.ok(after.cy < before.cy, `the point moves up: cy ${before.cy} → ${after.cy}`);
		assert.equal(after.cx, before.cx, 'the likelihood did not change');
		await page.close();
		open.pop();
	});

	await test('the language switch turns the interface into Dutch, and stays', async () => {
		const page = chair.page;
		await go(page, `/editions/${EDITION}`, '#diagram svg');
		assert.equal(await page.textContent('#diagram-heading'), 'Risk diagram');
		await page.getByLabel('Language').selectOption('nl');
		await page.waitForFunction(() => document.getElementById('diagram-heading')?.textContent === 'Risicodiagram');
		await page.waitForSelector('#diagram svg');
		await ready(page);
		assert.equal(await page.getAttribute('html', 'lang'), 'nl');
		assert.equal(await page.textContent('#lang-label'), 'Taal');
		assert.equal(await page.textContent('#logout'), 'Afmelden');
		assert.match(await page.textContent('#who'), /veiligheidsmachtiging staatsgeheim confidentieel/);
		assert.match(await page.getAttribute('#report-link', 'href'), /lang=nl/);
		// the diagram comes in Dutch from the engine, its subtitle without ids
		await page.waitForFunction(() => /zeer onwaarschijnlijk/.test(document.querySelector('#diagram svg').textContent));
		const subtitle = await page.evaluate(() => document.querySelectorAll('#diagram svg text.title')[1].textContent);
		assert.equal(subtitle, 'Nationale Risicobeoordeling, methode 2008 · gewichtenset: Gelijke gewichten');
		await page.reload();
		await ready(page);
		assert.equal(await page.inputValue('#lang-select'), 'nl');
		await page.selectOption('#lang-select', 'en');
		await page.waitForFunction(() => document.getElementById('diagram-heading')?.textContent === 'Risk diagram');
		await checkWidth(page, 'the edition in English again');
	});

	await test('chair uploads an assessment file: errors with line and column, then a new edition', async () => {
		const page = chair.page;
		await go(page, '/', '#upload-form');
		const broken = 'natrisk: 1\ntitle: Broken\nmethod: nrb-2008\nscenarios:\n  - id: a\n' +
			'    title: A\n    kind: hazard\n    likelyhood: C\n';
		await page.getByLabel('Assessment file (YAML)').setInputFiles({
			name: 'broken.yaml', mimeType: 'application/yaml', buffer: Buffer.from(broken)
		});
		expectHttp.add(422);
		await page.click('#upload-submit');
		await page.waitForSelector('#upload-result .error-list li');
		assert.match(await page.textContent('#upload-result'), /line 8, column \d+: .*likelyhood/);
		expectHttp.delete(422);
		const before = await page.locator('#editions-table tbody tr').count();
		const good = await readFile(ROOT + '/examples/nrb-2011.yaml');
		await page.getByLabel('Assessment file (YAML)').setInputFiles({
			name: 'nrb-2011.yaml', mimeType: 'application/yaml', buffer: good
		});
		await page.click('#upload-submit');
		await page.waitForFunction(id => /^#\/editions\/\d+$/.test(location.hash) &&
			location.hash !== '#/editions/' + id, EDITION);
		await page.waitForSelector('#diagram svg');
		assert.equal(await h1(page), 'National Risk Assessment 2011');
		await go(page, '/', '#editions-table');
		assert.equal(await page.locator('#editions-table tbody tr').count(), before + 1);
	});

	await test('admin adds a user, and disables one after confirming', async () => {
		const { context, page } = await newUser('admin');
		try {
			await signIn(page, ADMIN);
			await page.click('#site-nav a[href="#/users"]');
			await page.waitForSelector('#users-table');
			await ready(page);
			await checkA11y(page, 'the users page');
			await page.getByLabel('User name').fill('carl');
			await page.getByLabel('Role').selectOption('analyst');
			await page.getByLabel('Clearance').selectOption('restricted');
			await page.getByLabel('Password', { exact: true }).fill('carl-pass-1');
			await page.getByRole('button', { name: 'Add user' }).click();
			await page.waitForSelector('#users-table tr[data-user="carl"]');
			const row = page.locator('#users-table tr[data-user="carl"]');
			assert.match(await row.textContent(), /analyst.*restricted.*active/);
			// disabling asks first: Escape keeps the user, the keyboard confirms
			await page.click('#disable-carl');
			await page.waitForSelector('#confirm-dialog[open]');
			assert.match(await page.textContent('#confirm-title'), /Disable carl\?/);
			assert.equal(await page.evaluate(() => document.activeElement.id), 'confirm-cancel');
			await checkA11y(page, 'the confirmation dialog');
			await page.keyboard.press('Escape');
			await page.waitForSelector('#confirm-dialog', { state: 'detached' });
			assert.match(await row.textContent(), /active/);
			const api = await apiLogin(ADMIN);
			let users = (await apiCall(api, 'GET', '/api/users')).json;
			assert.equal(users.find(u => u.name === 'carl').disabled, false, 'not disabled on Escape');
			await page.click('#disable-carl');
			await page.waitForSelector('#confirm-dialog[open]');
			await page.keyboard.press('Tab');
			assert.equal(await page.evaluate(() => document.activeElement.id), 'confirm-ok');
			await page.keyboard.press('Enter');
			await page.waitForFunction(() =>
				/disabled/.test(document.querySelector('#users-table tr[data-user="carl"]').textContent));
			users = (await apiCall(api, 'GET', '/api/users')).json;
			assert.equal(users.find(u => u.name === 'carl').disabled, true, 'disabled after confirming');
			// a chair has no users page
			await go(chair.page, '/users');
			assert.equal(await h1(chair.page), 'Not found');
		} finally {
			open.splice(open.indexOf(page), 1);
			await context.close();
		}
	});
}
