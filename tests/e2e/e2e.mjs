// e2e.mjs URL - the web UI end to end in headless Chromium (playwright-core).
// run.sh prepares the store and the server; the users come from E2E_*.
//
// The tests run in order and build on each other: the chair opens scoring
// and assigns the analysts, an analyst scores with the keyboard, the chair
// consolidates and sees the point move in the live diagram, the spread
// flags the disagreement, and so on. Every page fails the run on a
// JavaScript error, a CSP violation or an unexpected console error.

import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import assert from 'node:assert/strict';

const BASE = (process.argv[2] || '').replace(/\/$/, '');
if (!BASE) {
	console.error('usage: node e2e.mjs URL');
	process.exit(2);
}
const env = (name, fallback) => process.env[name] || fallback;
const CHAIR = { name: env('E2E_CHAIR', 'chair'), password: env('E2E_CHAIR_PW', '') };
const ANALYST = { name: env('E2E_ANALYST', 'ann'), password: env('E2E_ANALYST_PW', '') };
const ANALYST2 = { name: env('E2E_ANALYST2', 'bob'), password: env('E2E_ANALYST2_PW', '') };
const VIEWER = { name: env('E2E_VIEWER', 'vera'), password: env('E2E_VIEWER_PW', '') };
const ADMIN = { name: env('E2E_ADMIN', 'root'), password: env('E2E_ADMIN_PW', '') };
const ROOT = env('E2E_ROOT', new URL('../..', import.meta.url).pathname);
const ARTIFACTS = env('E2E_ARTIFACTS', '/tmp');
const EDITION = 1;
const PUBLIC_SCENARIO = 'solar-storm';
const RESTRICTED_SCENARIO = 'cyber-espionage';
// made by the server when the chair adds it (its title and six characters)
let SECRET_SCENARIO = '';
const CRITERION = '5.3';
const CRITERION_ID = '5_3';          // as the UI writes it in element ids
const TIMEOUT = 10000;

// The whole run must end well within a minute.
const watchdog = setTimeout(() => {
	console.error('e2e: timed out after 90 s');
	process.exit(1);
}, 90000);

// ------------------------------------------------------------ the API

async function apiLogin(user) {
	const response = await fetch(BASE + '/api/session', {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({ username: user.name, password: user.password })
	});
	assert.equal(response.status, 200, 'API sign-in of ' + user.name);
	const cookie = response.headers.get('set-cookie').split(';')[0];
	const body = await response.json();
	return { cookie, csrf: body.csrf };
}

async function apiCall(session, method, path, body) {
	const headers = { Cookie: session.cookie, 'X-CSRF-Token': session.csrf };
	if (body !== undefined)
		headers['Content-Type'] = 'application/json';
	const response = await fetch(BASE + path, {
		method, headers, body: body === undefined ? undefined : JSON.stringify(body)
	});
	const text = await response.text();
	let json = null;
	try {
		json = JSON.parse(text);
	} catch {
		json = null;
	}
	return { status: response.status, json, text };
}

// ------------------------------------------------------------ the browser

const browser = await chromium.launch({
	executablePath: env('CHROMIUM', '/usr/bin/chromium'),
	args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
		'--disable-background-networking', '--disable-component-update', '--disable-sync',
		'--disable-dev-shm-usage']
});

const problems = [];          // console errors, page errors, CSP violations
// The browser logs every HTTP error as a console error: 401 (not signed in
// yet, a wrong password) and 404 (what a user may not see) are part of the
// flows; a test that provokes another one says so in expectHttp.
const expectHttp = new Set([401, 404]);
const HTTP_ERROR = /Failed to load resource: the server responded with a status of (\d+)/;

async function newUser(label) {
	const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, acceptDownloads: true });
	context.setDefaultTimeout(TIMEOUT);
	// reported as console errors, whatever the browser's own wording
	await context.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', e => {
			console.error('CSP violation: ' + e.violatedDirective + ' ' + (e.blockedURI || '') +
				' ' + (e.sourceFile || '') + ':' + (e.lineNumber || ''));
		});
	});
	context.on('page', page => watch(page, label));
	const page = await context.newPage();
	return { context, page };
}

function watch(page, label) {
	page.on('console', message => {
		if (message.type() !== 'error' && message.type() !== 'warning')
			return;
		const text = message.text();
		const http = text.match(HTTP_ERROR);
		if (message.type() === 'error' && http && expectHttp.has(Number(http[1])))
			return;
		if (message.type() === 'warning' && !/Content.Security|CSP|Refused/i.test(text))
			return;
		problems.push(`[${label}] console ${message.type()}: ${text}`);
	});
	page.on('pageerror', error => problems.push(`[${label}] page error: ${error.message}`));
}

async function ready(page) {
	await page.waitForSelector('body[data-ready="true"]');
	await page.waitForFunction(() => !document.getElementById('main').hasAttribute('aria-busy'));
}

async function go(page, hash) {
	await page.goto(BASE + '/#' + hash);
	await ready(page);
}

async function signIn(page, user) {
	await page.goto(BASE + '/');
	await page.waitForSelector('#login-user');
	await page.fill('#login-user', user.name);
	await page.fill('#login-password', user.password);
	await page.click('#login-submit');
	await page.waitForSelector('#editions-table');
	await ready(page);
}

async function h1(page) {
	return (await page.textContent('main h1')).trim();
}

// The diagram's point of a scenario: {cx, cy}, or null.
async function point(page, scenario) {
	return page.evaluate(id => {
		const c = document.querySelector(`#diagram circle.point[data-scenario="${id}"]`);
		return c ? { cx: Number(c.getAttribute('cx')), cy: Number(c.getAttribute('cy')) } : null;
	}, scenario);
}

// Basic accessibility of the page as it stands: every form control has an
// accessible label, one h1, a language, unique ids, named buttons and
// links, a skip link first.
async function checkA11y(page, where) {
	const found = await page.evaluate(() => {
		const out = [];
		const controls = document.querySelectorAll('input:not([type=hidden]), select, textarea');
		for (const el of controls) {
			const labelled = (el.labels && [...el.labels].some(l => l.textContent.trim())) ||
				(el.getAttribute('aria-label') || '').trim() ||
				(el.getAttribute('aria-labelledby') || '').split(/\s+/).some(id =>
					id && document.getElementById(id) && document.getElementById(id).textContent.trim());
			if (!labelled)
				out.push('control without a label: ' + el.outerHTML.slice(0, 120));
		}
		const h1s = document.querySelectorAll('h1');
		if (h1s.length !== 1)
			out.push(h1s.length + ' h1 elements');
		if (!document.documentElement.lang)
			out.push('no lang on <html>');
		const ids = new Map();
		for (const el of document.querySelectorAll('[id]'))
			ids.set(el.id, (ids.get(el.id) || 0) + 1);
		for (const [id, n] of ids)
			if (n > 1)
				out.push(`id "${id}" used ${n} times`);
		for (const el of document.querySelectorAll('button, a[href]'))
			if (!el.textContent.trim() && !(el.getAttribute('aria-label') || '').trim())
				out.push('unnamed ' + el.outerHTML.slice(0, 120));
		for (const el of document.querySelectorAll('img'))
			if (!el.hasAttribute('alt'))
				out.push('img without alt');
		for (const el of document.querySelectorAll('[style]'))
			out.push('inline style attribute on ' + el.tagName);
		const first = document.querySelector('a[href], button, input, select, textarea, [tabindex]');
		if (!first || !first.classList.contains('skip-link'))
			out.push('the first focusable element is not the skip link');
		if (!document.querySelector('[aria-live]'))
			out.push('no aria-live region');
		// heading levels never skip (h1 → h3)
		let last = 0;
		for (const hd of document.querySelectorAll('main h1, main h2, main h3, main h4')) {
			const level = Number(hd.tagName[1]);
			if (last && level > last + 1)
				out.push(`heading level skips from h${last} to h${level}: ${hd.textContent}`);
			last = level;
		}
		return out;
	});
	assert.deepEqual(found, [], `accessibility problems on ${where}`);
}

// ------------------------------------------------------------ the tests

const results = [];
let failures = 0;
async function test(name, body) {
	const started = Date.now();
	try {
		await body();
		const before = problems.length;
		if (before)
			throw new Error('console/page errors:\n  ' + problems.splice(0).join('\n  '));
		results.push(`ok   ${name} (${Date.now() - started} ms)`);
		console.log(`ok   ${name} (${Date.now() - started} ms)`);
	} catch (error) {
		failures += 1;
		problems.splice(0);
		console.log(`FAIL ${name}: ${error.stack || error.message}`);
		for (const page of open.filter(p => !p.isClosed())) {
			const file = `${ARTIFACTS}/fail-${failures}-${open.indexOf(page)}.png`;
			await page.screenshot({ path: file, fullPage: true }).catch(() => {});
			console.log(`     screenshot: ${file} (${page.url()})`);
		}
	}
}

mkdirSync(ARTIFACTS, { recursive: true });
const chair = await newUser('chair');
const analyst = await newUser('analyst');
const open = [chair.page, analyst.page];
let before = null;           // the point before consolidation

await test('i18n: every UI string exists in English and Dutch', async () => {
	const page = chair.page;
	await page.goto(BASE + '/');
	await ready(page);
	const missing = await page.evaluate(async () => (await import('./i18n.js')).missingKeys());
	assert.deepEqual(missing, []);
});

await test('login: a wrong password shows an error; the skip link and labels work', async () => {
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

await test('chair moves the edition to scoring and assigns analysts (UI)', async () => {
	const page = chair.page;
	await page.click(`#editions-table a[href="#/editions/${EDITION}"]`);
	await page.waitForSelector('#diagram svg');
	await ready(page);
	await checkA11y(page, 'the edition overview (chair)');
	await page.selectOption('#status-select', 'scoring');
	await page.click('#status-submit');
	await page.waitForFunction(() => document.getElementById('edition-status').textContent === 'scoring');
	await page.waitForFunction(() => /scoring/.test(document.getElementById('status').textContent));
	await page.click(`#ranked tr[data-scenario="${PUBLIC_SCENARIO}"] a`);
	await page.waitForSelector('#assign-form');
	await ready(page);
	await checkA11y(page, 'the scenario page (chair)');
	// one box per analyst account, with its clearance
	assert.equal(await page.locator('#assign-names input[type=checkbox]').count(), 2);
	await page.getByLabel(`${ANALYST.name} (public)`).check();
	await page.getByLabel(`${ANALYST2.name} (public)`).focus();
	await page.keyboard.press('Space');
	await page.click('#assign-submit');
	await page.waitForFunction(() => /Assigned:/.test(document.getElementById('assign-status').textContent));
	assert.match(await page.textContent('#assign-status'), new RegExp(`${ANALYST.name}, ${ANALYST2.name}`));
	// a restricted scenario: analysts with public clearance cannot be chosen
	await go(page, `/editions/${EDITION}/scenarios/${RESTRICTED_SCENARIO}`);
	await page.waitForSelector('#assign-form');
	const boxes = page.locator('#assign-names input[type=checkbox]');
	assert.equal(await boxes.count(), 2);
	for (let k = 0; k < 2; k++)
		assert.equal(await boxes.nth(k).isDisabled(), true);
	assert.match(await page.textContent('#assign-names'), /too low for this scenario/);
	await go(page, `/editions/${EDITION}/scenarios/${PUBLIC_SCENARIO}`);
	await page.waitForSelector('#assign-form');
	assert.equal(await page.getByLabel(`${ANALYST.name} (public)`).isChecked(), true);
	// the confidential scenario of the later tests (no UI adds scenarios)
	const api = await apiLogin(CHAIR);
	const added = await apiCall(api, 'POST', `/api/assessments/${EDITION}/scenarios`, {
		title: 'Secret plot against the state', kind: 'threat',
		classification: 'confidential', likelihood: 'B', impact: { '5.2': 'D' }
	});
	assert.equal(added.status, 201, added.text);
	SECRET_SCENARIO = added.json.id;
	assert.match(SECRET_SCENARIO, /^secret-plot-against-the-state-[a-z0-9]{6}$/);
});

await test('analyst scores a criterion with the keyboard and sees it saved', async () => {
	const page = analyst.page;
	await signIn(page, ANALYST);
	await page.click(`#editions-table a[href="#/editions/${EDITION}"]`);
	await page.waitForSelector('#ranked');
	const mine = page.locator(`#ranked tr[data-scenario="${PUBLIC_SCENARIO}"]`);
	assert.match(await mine.textContent(), /assigned to you/);
	await mine.locator('a').click();
	await page.waitForSelector(`#score-${CRITERION_ID}-form`);
	await ready(page);
	await checkA11y(page, 'the scenario page (analyst)');
	// the method's class descriptions are there as help
	const form = page.locator(`#score-${CRITERION_ID}-form`);
	await form.locator('summary').click();
	assert.match(await form.locator('.class-help').textContent(), /catastrophic/);
	// LL, EV and UL by keyboard: focus, type the class, Tab on
	await page.focus(`#score-${CRITERION_ID}-ll`);
	await page.keyboard.press('D');
	await page.keyboard.press('Tab');
	assert.equal(await page.evaluate(() => document.activeElement.id), `score-${CRITERION_ID}-ev`);
	await page.keyboard.press('E');
	await page.keyboard.press('Tab');
	assert.equal(await page.evaluate(() => document.activeElement.id), `score-${CRITERION_ID}-ul`);
	await page.keyboard.press('E');
	await page.keyboard.press('Tab');
	assert.equal(await page.evaluate(() => document.activeElement.id), `score-${CRITERION_ID}-why`);
	assert.equal(await page.inputValue(`#score-${CRITERION_ID}-ll`), 'D');
	assert.equal(await page.inputValue(`#score-${CRITERION_ID}-ev`), 'E');
	assert.equal(await page.inputValue(`#score-${CRITERION_ID}-ul`), 'E');
	await page.keyboard.type('Months of disruption feed lasting distrust of the authorities.');
	await page.keyboard.press('Tab');
	assert.equal(await page.evaluate(() => document.activeElement.id), `score-${CRITERION_ID}-save`);
	await page.keyboard.press('Enter');
	await page.waitForFunction(id => /^Saved your score/.test(document.getElementById(id).textContent),
		`score-${CRITERION_ID}-status`);
	await page.waitForFunction(() => /Saved your score/.test(document.getElementById('status').textContent));
	// an impossible order is refused before it is sent
	await page.selectOption('#score-likelihood-ll', 'E');
	await page.selectOption('#score-likelihood-ev', 'B');
	await page.click('#score-likelihood-save');
	await page.waitForFunction(() => /LL ≤ EV ≤ UL/.test(document.getElementById('score-likelihood-status').textContent));
	// the store holds exactly what was picked
	const api = await apiLogin(CHAIR);
	const scores = await apiCall(api, 'GET', `/api/assessments/${EDITION}/scenarios/${PUBLIC_SCENARIO}/scores`);
	assert.deepEqual(scores.json.analysts[ANALYST.name][CRITERION].score,
		{ ev: 'E', ll: 'D', ul: 'E', why: 'Months of disruption feed lasting distrust of the authorities.' });
	// the second analyst disagrees by three classes; both score the likelihood close together
	const second = await apiLogin(ANALYST2);
	const put = (s, crit, body) => apiCall(s, 'PUT',
		`/api/assessments/${EDITION}/scenarios/${PUBLIC_SCENARIO}/scores/${crit}`, body);
	assert.equal((await put(second, CRITERION, 'B')).status, 200);
	assert.equal((await put(second, 'likelihood', 'C')).status, 200);
	assert.equal((await put(await apiLogin(ANALYST), 'likelihood', { ev: 'C', ll: 'B', ul: 'C' })).status, 200);
});

await test('chair consolidates the score and the point moves up in the live diagram', async () => {
	const overview = chair.page;
	await go(overview, `/editions/${EDITION}`);
	await overview.waitForSelector(`#diagram circle.point[data-scenario="${PUBLIC_SCENARIO}"]`);
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
	before = await point(overview, PUBLIC_SCENARIO);
	const old = results.scenarios.find(s => s.id === PUBLIC_SCENARIO);

	await overview.selectOption('#status-select', 'consolidation');
	await overview.click('#status-submit');
	await overview.waitForFunction(() => document.getElementById('edition-status').textContent === 'consolidation');

	// a second tab consolidates; the first one, left open, redraws by itself
	const page = await chair.context.newPage();
	open.push(page);
	await go(page, `/editions/${EDITION}/scenarios/${PUBLIC_SCENARIO}`);
	await page.waitForSelector(`#consol-${CRITERION_ID}-form`);
	assert.equal(await page.inputValue(`#consol-${CRITERION_ID}-ev`), 'C+');
	const adopt = page.locator(`#adopt-${CRITERION_ID}-${ANALYST.name}`);
	assert.match(await adopt.textContent(), new RegExp(`Adopt ${ANALYST.name}`));
	await adopt.click();
	assert.equal(await page.inputValue(`#consol-${CRITERION_ID}-ll`), 'D');
	assert.equal(await page.inputValue(`#consol-${CRITERION_ID}-ev`), 'E');
	assert.equal(await page.inputValue(`#consol-${CRITERION_ID}-ul`), 'E');
	await page.click(`#consol-${CRITERION_ID}-save`);
	await page.waitForFunction(id => /^Consolidated/.test(document.getElementById(id).textContent),
		`consol-${CRITERION_ID}-status`);
	await checkA11y(page, 'the consolidation page');

	// the live diagram of the first tab
	await overview.waitForFunction(([id, cy]) => {
		const c = document.querySelector(`#diagram circle.point[data-scenario="${id}"]`);
		return c && Number(c.getAttribute('cy')) !== cy;
	}, [PUBLIC_SCENARIO, before.cy], { timeout: 12000 });
	const after = await point(overview, PUBLIC_SCENARIO);
	assert.ok(after.cy < before.cy, `the point moves up: cy ${before.cy} → ${after.cy}`);
	assert.equal(after.cx, before.cx, 'the likelihood did not change');
	const now = await overview.evaluate(async id =>
		(await fetch(`/api/assessments/${id}/results`)).json(), EDITION);
	const fresh = now.scenarios.find(s => s.id === PUBLIC_SCENARIO);
	assert.ok(fresh.impact.ev.total > old.impact.ev.total, 'the impact total rose');
	const row = overview.locator(`#ranked tr[data-scenario="${PUBLIC_SCENARIO}"]`);
	await row.waitFor();
	assert.match(await row.textContent(), new RegExp(fresh.impact.ev.total.toFixed(2)));
	await page.close();
	open.pop();
});

await test('spread view flags the criterion where analysts differ by two classes or more', async () => {
	const page = chair.page;
	await go(page, `/editions/${EDITION}`);
	await page.click('#spread-link');
	await page.waitForSelector('#spread-table');
	await ready(page);
	assert.equal(await h1(page), 'Spread between analysts');
	await checkA11y(page, 'the spread view');
	const flagged = page.locator(`#spread-table tr[data-scenario="${PUBLIC_SCENARIO}"][data-criterion="${CRITERION}"]`);
	assert.equal(await flagged.getAttribute('data-flagged'), 'true');
	assert.match(await flagged.textContent(), /differs by two classes or more/);
	assert.match(await flagged.textContent(), new RegExp(`${ANALYST.name}: E`));
	assert.match(await flagged.textContent(), new RegExp(`${ANALYST2.name}: B`));
	const calm = page.locator(`#spread-table tr[data-scenario="${PUBLIC_SCENARIO}"][data-criterion="likelihood"]`);
	assert.equal(await calm.getAttribute('data-flagged'), 'false');
	assert.match(await calm.textContent(), /within one class/);
	await page.check('#spread-only-flagged');
	assert.equal(await calm.isVisible(), false);
	assert.equal(await flagged.isVisible(), true);
});

await test('an analyst cannot see the confidential (or restricted) scenario', async () => {
	const page = analyst.page;
	await go(page, `/editions/${EDITION}`);
	await page.waitForSelector('#diagram svg');
	await page.waitForSelector('#ranked');
	await checkA11y(page, 'the edition overview (analyst)');
	for (const hidden of [SECRET_SCENARIO, RESTRICTED_SCENARIO]) {
		assert.equal(await page.locator(`#ranked tr[data-scenario="${hidden}"]`).count(), 0, 'not in the table');
		assert.equal(await page.locator(`#diagram [data-scenario="${hidden}"]`).count(), 0, 'not in the diagram');
	}
	const text = await page.textContent('main');
	assert.doesNotMatch(text, /Secret plot|Cyber espionage/);
	assert.equal(await page.locator('#spread-link').count(), 0, 'no spread view for analysts');
	assert.ok(await page.locator(`#ranked tr[data-scenario="${PUBLIC_SCENARIO}"]`).count(), 'the public one is there');
	// the chair does see it
	await go(chair.page, `/editions/${EDITION}`);
	await chair.page.waitForSelector(`#ranked tr[data-scenario="${SECRET_SCENARIO}"]`);
	await chair.page.waitForSelector(`#diagram circle.point[data-scenario="${SECRET_SCENARIO}"]`);
	// its URL says "not found"
	await go(page, `/editions/${EDITION}/scenarios/${SECRET_SCENARIO}`);
	assert.equal(await h1(page), 'Not found');
	await checkA11y(page, 'the not-found page');
	const direct = await page.evaluate(async path => (await fetch(path)).status,
		`/api/assessments/${EDITION}/scenarios/${SECRET_SCENARIO}`);
	assert.equal(direct, 404);
});

await test('the language switch turns the interface into Dutch', async () => {
	const page = chair.page;
	await go(page, `/editions/${EDITION}`);
	await page.waitForSelector('#diagram svg');
	assert.equal(await page.textContent('#diagram-heading'), 'Risk diagram');
	await page.getByLabel('Language').selectOption('nl');
	await page.waitForFunction(() => document.getElementById('diagram-heading')?.textContent === 'Risicodiagram');
	await page.waitForSelector('#diagram svg');
	await ready(page);
	assert.equal(await page.getAttribute('html', 'lang'), 'nl');
	assert.equal(await page.textContent('#lang-label'), 'Taal');
	assert.equal(await page.textContent('#logout'), 'Afmelden');
	assert.equal(await page.textContent('#ranked-heading'), 'Scenario\'s op volgorde');
	assert.match(await page.textContent('#site-nav'), /Edities/);
	assert.match(await page.getAttribute('#report-link', 'href'), /lang=nl/);
	// the diagram comes in Dutch from the engine
	await page.waitForFunction(() => /zeer onwaarschijnlijk/.test(document.querySelector('#diagram svg').textContent));
	// the scoring form too, with the method's Dutch class names
	await go(page, `/editions/${EDITION}/scenarios/${PUBLIC_SCENARIO}`);
	assert.equal(await page.textContent(`label[for="consol-${CRITERION_ID}-ll"]`), 'Ondergrens (OG)');
	assert.match(await page.textContent(`#consol-${CRITERION_ID}-ev`), /catastrofaal/);
	await checkA11y(page, 'the scenario page in Dutch');
	// the choice survives a reload; back to English
	await page.reload();
	await ready(page);
	assert.equal(await page.inputValue('#lang-select'), 'nl');
	await page.selectOption('#lang-select', 'en');
	await page.waitForFunction(() => document.getElementById('consolidation-heading')?.textContent === 'Consolidation');
});

await test('the report download link gives the HTML report', async () => {
	const page = chair.page;
	await go(page, `/editions/${EDITION}`);
	await page.waitForSelector('#report-link');
	const href = await page.getAttribute('#report-link', 'href');
	assert.match(href, new RegExp(`^/api/assessments/${EDITION}/report\\.html\\?lang=en$`));
	const [download] = await Promise.all([page.waitForEvent('download'), page.click('#report-link')]);
	const file = await download.path();
	const html = await readFile(file, 'utf8');
	assert.match(html, /^<!DOCTYPE html>/i);
	assert.match(html, /National Risk Assessment 2012/);
	assert.match(html, /Secret plot against the state/, 'the chair\'s report has the confidential scenario');
	const response = await page.evaluate(async path => {
		const r = await fetch(path);
		return { status: r.status, type: r.headers.get('content-type') };
	}, href);
	assert.equal(response.status, 200);
	assert.match(response.type, /^text\/html/);
	// another weight profile redraws the diagram and changes the link
	await page.selectOption('#weights-select', 'physical');
	await page.waitForFunction(() => /weights physical/.test(document.querySelector('#diagram svg').textContent));
	assert.match(await page.getAttribute('#report-link', 'href'), /weights=physical/);
	// the analyst's report leaves it out
	const theirs = await analyst.page.evaluate(async id =>
		(await fetch(`/api/assessments/${id}/report.html`)).text(), EDITION);
	assert.doesNotMatch(theirs, /Secret plot|Cyber espionage/);
});

await test('a viewer reads, without scoring or consolidation forms', async () => {
	// viewers read published editions only: the chair publishes it first
	const api = await apiLogin(CHAIR);
	const published = await apiCall(api, 'PUT', `/api/assessments/${EDITION}/status`,
		{ status: 'published' });
	assert.equal(published.status, 200, published.text);
	const { context, page } = await newUser('viewer');
	open.push(page);
	try {
		await signIn(page, VIEWER);
		await go(page, `/editions/${EDITION}/scenarios/${PUBLIC_SCENARIO}`);
		await page.waitForSelector('#consolidated-table');
		assert.equal(await page.locator('#scoring, #consolidation, #assign-form, select').count(), 1,
			'only the language select');
		const row = page.locator(`#consolidated-table tr[data-criterion="${CRITERION}"]`);
		assert.match(await row.textContent(), /E \(D–E\)/);
		// the theme by its title, as the edition file names it
		assert.match(await page.textContent('dl.details'), /Space weather \(natural hazard\) \(space-weather\)/);
		await checkA11y(page, 'the scenario page (viewer)');
		await go(page, `/editions/${EDITION}`);
		await page.waitForSelector('#ranked');
		assert.match(await page.textContent(`#ranked tr[data-scenario="${PUBLIC_SCENARIO}"]`),
			/Space weather \(natural hazard\)/);
		// signing out goes back to the login page
		await page.click('#logout');
		await page.waitForSelector('#login-form');
		const status = await page.evaluate(async () => (await fetch('/api/session')).status);
		assert.equal(status, 401);
	} finally {
		open.pop();
		await context.close();
	}
});

await test('chair uploads an assessment file: errors with line and column, then a new edition', async () => {
	const page = chair.page;
	await go(page, '/');
	await page.waitForSelector('#upload-form');
	const broken = 'natrisk: 1\ntitle: Broken\nmethod: nrb-2008\nscenarios:\n  - id: a\n' +
		'    title: A\n    kind: hazard\n    likelyhood: C\n';
	await page.getByLabel('Assessment file (YAML)').setInputFiles({
		name: 'broken.yaml', mimeType: 'application/yaml', buffer: Buffer.from(broken)
	});
	expectHttp.add(422);
	await page.click('#upload-submit');
	await page.waitForSelector('#upload-result .error-list li');
	assert.match(await page.textContent('#upload-result'), /line 8, column \d+: .*likelyhood/);
	const good = await readFile(ROOT + '/examples/nrb-2011.yaml');
	await page.getByLabel('Assessment file (YAML)').setInputFiles({
		name: 'nrb-2011.yaml', mimeType: 'application/yaml', buffer: good
	});
	await page.click('#upload-submit');
	await page.waitForFunction(() => /^#\/editions\/\d+$/.test(location.hash) && location.hash !== '#/editions/1');
	await page.waitForSelector('#diagram svg');
	assert.equal(await h1(page), 'National Risk Assessment 2011');
	await go(page, '/');
	assert.equal(await page.locator('#editions-table tbody tr').count(), 2);
	expectHttp.delete(422);
});

await test('admin lists and adds users', async () => {
	const { context, page } = await newUser('admin');
	open.push(page);
	try {
		await signIn(page, ADMIN);
		await page.click('#site-nav a[href="#/users"]');
		await page.waitForSelector('#users-table');
		await ready(page);
		await checkA11y(page, 'the users page');
		for (const user of [CHAIR, ANALYST, ANALYST2, VIEWER])
			assert.equal(await page.locator(`#users-table tr[data-user="${user.name}"]`).count(), 1);
		await page.getByLabel('User name').fill('carl');
		await page.getByLabel('Role').selectOption('analyst');
		await page.getByLabel('Clearance').selectOption('restricted');
		await page.getByLabel('Password').fill('carl-pass-1');
		await page.getByRole('button', { name: 'Add user' }).click();
		await page.waitForSelector('#users-table tr[data-user="carl"]');
		assert.match(await page.textContent('#users-table tr[data-user="carl"]'), /analyst.*restricted.*active/);
		// a chair has no users page
		await go(chair.page, '/users');
		assert.equal(await h1(chair.page), 'Not found');
	} finally {
		open.pop();
		await context.close();
	}
});

await browser.close();
clearTimeout(watchdog);
console.log(`e2e: ${results.length} passed, ${failures} failed`);
process.exit(failures ? 1 : 0);
