// accounts.mjs - accounts and who manages an edition, per viewport and
// language: a user changes their own password from the header (a wrong
// current password, two different new ones, a short one and the throttle
// each say so) and signs in with the new one; the admin enables a disabled
// user and sets a new password, each after confirming; a second chair who
// does not chair an edition sees who does and no management controls,
// until the edition's chair makes them co-chair; the chair links the
// edition to the 2011 edition and the live diagram draws the arrows, the
// report lists the movements, and every reader sees what it follows. And
// a viewer's empty list before anything is published.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import {
	ADMIN, ANALYST, BASE, CHAIR, CHAIR2, PHONE, PREVIOUS, ROOT, apiCall, apiLogin, checkA11y, checkWidth,
	expectHttp, go, h1, newUser, open, ready, setLang, signIn, test
} from './lib.mjs';

const SCENARIO = 'solar-storm';
const PREVIOUS_TITLE = 'National Risk Assessment 2011';

// What the interface says, written by hand in both languages.
const TEXT = {
	en: {
		editions: 'Editions', password: 'Change your password',
		wrong: 'The current password is wrong; your password was not changed.',
		mismatch: 'The two new passwords differ; type the same one twice.',
		short: 'The new password is too short: it needs at least 8 characters.',
		throttled: 'Too many attempts; wait a moment and try again.',
		changed: 'Your password was changed.', loginFailed: /wrong/,
		users: 'Users', active: 'active', inactive: 'disabled',
		enable: name => `Enable ${name}?`, reset: name => `Set a new password for ${name}?`,
		resetDone: name => `${name} has a new password.`,
		chairedBy: names => `Chaired by ${names}`,
		notChair: names => `You do not chair this edition: it is chaired by ${names}. Only its chairs and ` +
			'admins change its status, scenarios, assignments and consolidation.',
		progress: 'Scoring progress', leave: 'Stop chairing this edition?',
		follows: `Follows: ${PREVIOUS_TITLE} (2011)`,
		linked: `The diagram now shows the movements since ${PREVIOUS_TITLE} (2011).`,
		nonePublished: 'No editions have been published yet. You can read an edition once its chairs publish it.'
	},
	nl: {
		editions: 'Edities', password: 'Uw wachtwoord wijzigen',
		wrong: 'Het huidige wachtwoord is onjuist; uw wachtwoord is niet gewijzigd.',
		mismatch: 'De twee nieuwe wachtwoorden verschillen; typ twee keer hetzelfde.',
		short: 'Het nieuwe wachtwoord is te kort: het moet ten minste 8 tekens hebben.',
		throttled: 'Te veel pogingen; wacht even en probeer het opnieuw.',
		changed: 'Uw wachtwoord is gewijzigd.', loginFailed: /onjuist/,
		users: 'Gebruikers', active: 'actief', inactive: 'uitgeschakeld',
		enable: name => `${name} inschakelen?`, reset: name => `Een nieuw wachtwoord instellen voor ${name}?`,
		resetDone: name => `${name} heeft een nieuw wachtwoord.`,
		chairedBy: names => `Voorgezeten door ${names}`,
		notChair: names => `U bent geen voorzitter van deze editie: zij wordt voorgezeten door ${names}. ` +
			'Alleen haar voorzitters en beheerders wijzigen haar status, scenario\'s, toewijzingen en consolidatie.',
		progress: 'Voortgang van het scoren', leave: 'Geen voorzitter meer van deze editie?',
		follows: `Volgt op: ${PREVIOUS_TITLE} (2011)`,
		linked: `Het diagram toont nu de verschuivingen sinds ${PREVIOUS_TITLE} (2011).`,
		nonePublished: 'Er zijn nog geen edities gepubliceerd. U kunt een editie lezen zodra haar voorzitters ' +
			'haar publiceren.'
	}
};

const MANAGEMENT = '#manage, #status-form, #chairs-form, #previous-form, #scoring-link, #spread-link';

async function text(page, selector) {
	return (await page.textContent(selector)).trim();
}

// Waits until SELECTOR's text is WANT.
async function textIs(page, selector, want) {
	await page.waitForFunction(([s, w]) => document.querySelector(s)?.textContent.trim() === w, [selector, want]);
}

// A new browser context for USER at VIEWPORT in LANG, signed in.
async function signedIn(label, user, viewport, lang) {
	const who = await newUser(label, viewport);
	await who.page.goto(BASE + '/');
	await setLang(who.page, lang);
	await signIn(who.page, user);
	return who;
}

async function close(who) {
	open.splice(open.indexOf(who.page), 1);
	await who.context.close();
}

// A page the test already has, at VIEWPORT and in LANG.
async function prepare(page, viewport, lang) {
	await page.setViewportSize({ width: viewport.width, height: viewport.height });
	await go(page, '/', 'main h1');
	if (await page.inputValue('#lang-select') !== lang) {
		await page.selectOption('#lang-select', lang);
		await page.waitForFunction(want => document.querySelector('main h1')?.textContent === want, TEXT[lang].editions);
		await ready(page);
	}
}

// Submits the password form and waits for its answer, the status text.
async function submitPassword(page, current, fresh, again, want) {
	await page.fill('#password-current', current);
	await page.fill('#password-new', fresh);
	await page.fill('#password-again', again === undefined ? fresh : again);
	await page.evaluate(() => { document.getElementById('password-status').textContent = ''; });
	await page.click('#password-submit');
	await textIs(page, '#password-status', want);
}

async function confirmWith(page, title, key) {
	await page.waitForSelector('#confirm-dialog[open]');
	assert.equal(await text(page, '#confirm-title'), title);
	assert.equal(await page.evaluate(() => document.activeElement.id), 'confirm-cancel', 'the safe choice first');
	if (key === 'Escape') {
		await page.keyboard.press('Escape');
	} else {
		await page.click('#confirm-ok');
	}
	await page.waitForSelector('#confirm-dialog', { state: 'detached' });
}

async function apiStatus(name, password) {
	const response = await fetch(BASE + '/api/session', {
		method: 'POST', headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({ username: name, password })
	});
	return response.status;
}

// Before anything is published, a viewer's list says so, in both languages.
export async function viewerEmpty(viewer) {
	await test('a viewer with no published edition is told so, in English and Dutch', async () => {
		const page = viewer.page;
		for (const lang of ['en', 'nl']) {
			await prepare(page, PHONE, lang);
			assert.equal(await text(page, '#no-editions'), TEXT[lang].nonePublished);
			assert.equal(await page.locator('#editions-table, #upload-form').count(), 0);
			await checkWidth(page, 'the viewer\'s empty list');
			await checkA11y(page, 'the viewer\'s empty list');
		}
	});
}

export async function accounts(chair, viewport, lang) {
	const L = TEXT[lang];
	const name = `[${viewport.name}, ${lang}]`;
	const admin = await apiLogin(ADMIN);
	const api = await apiLogin(CHAIR);
	let E = null;
	let cleo = null;

	await test(`${name} a user changes their own password, and signs in with the new one`, async () => {
		const user = { name: 'pw-' + lang, password: 'first-pass-1' };
		const made = await apiCall(admin, 'POST', '/api/users', { ...user, role: 'analyst' });
		assert.equal(made.status, 201, made.text);
		const who = await signedIn('pw', user, viewport, lang);
		const page = who.page;
		[403, 422, 429].forEach(s => expectHttp.add(s));
		try {
			await page.click('#password-link');
			await page.waitForSelector('#password-form');
			await ready(page);
			assert.equal(await h1(page), L.password);
			await checkWidth(page, 'the password page');
			await checkA11y(page, 'the password page');
			await submitPassword(page, 'not-my-password', 'second-pass-2', undefined, L.wrong);
			assert.equal(await page.getAttribute('#password-status', 'class'), 'form-status error');
			assert.equal(await page.evaluate(() => document.activeElement.id), 'password-current');
			await submitPassword(page, user.password, 'second-pass-2', 'second-pass-3', L.mismatch);
			await submitPassword(page, user.password, 'short', undefined, L.short);
			await submitPassword(page, user.password, 'second-pass-2', undefined, L.changed);
			assert.equal(await page.inputValue('#password-current'), '', 'the form is emptied');
			// signed out, the old password fails and the new one works
			await page.click('#logout');
			await page.waitForSelector('#login-form');
			await page.fill('#login-user', user.name);
			await page.fill('#login-password', user.password);
			await page.click('#login-submit');
			await page.waitForSelector('#login-error:not([hidden])');
			assert.match(await text(page, '#login-error'), L.loginFailed);
			await signIn(page, { name: user.name, password: 'second-pass-2' });
			assert.match(await text(page, '#who'), new RegExp(user.name));
			// five wrong current passwords, then the throttle answers (429)
			await go(page, '/password', '#password-form');
			for (let k = 0; k < 5; k++)
				await submitPassword(page, 'guess-' + k, 'third-pass-3', undefined, L.wrong);
			await submitPassword(page, 'guess-5', 'third-pass-3', undefined, L.throttled);
			// the throttle's first wait is 2 s; a right password then frees the address again
			await page.waitForTimeout(3100);
			await submitPassword(page, 'second-pass-2', 'third-pass-3', undefined, L.changed);
			assert.equal(await apiStatus(user.name, 'third-pass-3'), 200);
		} finally {
			[403, 422, 429].forEach(s => expectHttp.delete(s));
			await close(who);
		}
	});

	await test(`${name} the admin enables a disabled user and sets a password, each after confirming`, async () => {
		const user = 'rs-' + lang;
		const users = async () => (await apiCall(admin, 'GET', '/api/users')).json.find(u => u.name === user);
		assert.equal((await apiCall(admin, 'POST', '/api/users',
			{ name: user, role: 'viewer', password: 'first-pass-1' })).status, 201);
		assert.equal((await apiCall(admin, 'PUT', `/api/users/${user}/disabled`, { disabled: true })).status, 200);
		const who = await signedIn('admin', ADMIN, viewport, lang);
		const page = who.page;
		expectHttp.add(422);
		try {
			await page.click('#site-nav a[href="#/users"]');
			await page.waitForSelector('#users-table');
			await ready(page);
			assert.equal(await h1(page), L.users);
			await checkWidth(page, 'the users page');
			await checkA11y(page, 'the users page');
			const row = `#users-table tr[data-user="${user}"]`;
			assert.match(await text(page, row), new RegExp(L.inactive));
			// enabling asks first: Escape keeps the user disabled
			await page.click(`#enable-${user}`);
			await confirmWith(page, L.enable(user), 'Escape');
			assert.equal((await users()).disabled, true, 'still disabled after Escape');
			await page.click(`#enable-${user}`);
			await confirmWith(page, L.enable(user), 'ok');
			await page.waitForSelector(`#disable-${user}`);
			assert.match(await text(page, row), new RegExp(`${L.active}`));
			assert.equal((await users()).disabled, false, 'enabled after confirming');
			// a new password asks first too; a short one is refused
			await page.selectOption('#reset-user', user);
			await page.fill('#reset-password', 'reset-pass-2');
			await page.click('#reset-submit');
			await confirmWith(page, L.reset(user), 'Escape');
			assert.equal(await text(page, '#reset-status'), '');
			await page.fill('#reset-password', 'short');
			await page.click('#reset-submit');
			await confirmWith(page, L.reset(user), 'ok');
			await textIs(page, '#reset-status', L.short);
			await page.fill('#reset-password', 'reset-pass-2');
			await page.click('#reset-submit');
			await confirmWith(page, L.reset(user), 'ok');
			await textIs(page, '#reset-status', L.resetDone(user));
			assert.equal(await apiStatus(user, 'first-pass-1'), 401, 'the old password fails');
			assert.equal(await apiStatus(user, 'reset-pass-2'), 200, 'the new one signs in');
		} finally {
			expectHttp.delete(422);
			await close(who);
		}
	});

	await test(`${name} a chair who does not chair the edition sees who does, and no management`, async () => {
		const made = await apiCall(api, 'POST', '/api/assessments',
			await readFile(ROOT + '/examples/nrb-2012.yaml', 'utf8'), 'application/yaml');
		assert.equal(made.status, 201, made.text);
		E = made.json.id;
		cleo = await signedIn('cleo', CHAIR2, viewport, lang);
		const page = cleo.page;
		await go(page, `/editions/${E}/scenarios/${SCENARIO}`, '#consolidated-table');
		assert.equal(await text(page, '#chair-note'), L.notChair(CHAIR.name));
		assert.equal(await page.locator('#assign-form, #edit-form, #consol-form').count(), 0);
		await go(page, `/editions/${E}/scoring`, '#chair-note');
		assert.equal(await h1(page), L.progress);
		assert.equal(await page.locator('#progress-table').count(), 0);
		await go(page, `/editions/${E}`, '#diagram svg');
		await checkA11y(page, 'the edition (another chair)');
		assert.equal(await text(page, '#edition-chairs'), L.chairedBy(CHAIR.name));
		assert.equal(await text(page, '#chair-note'), L.notChair(CHAIR.name));
		assert.equal(await page.locator(MANAGEMENT).count(), 0, 'no management controls');
	});

	await test(`${name} the edition's chair adds a co-chair, who then manages it`, async () => {
		const page = chair.page;
		await prepare(page, viewport, lang);
		await go(page, `/editions/${E}`, '#chairs-form');
		await checkA11y(page, 'the edition\'s management');
		assert.equal(await page.locator('#chair-note').count(), 0);
		const box = name => page.locator(`#chairs-names input[value="${name}"]`);
		assert.equal(await box(CHAIR.name).isChecked(), true);
		assert.equal(await box(CHAIR2.name).isChecked(), false);
		// leaving the chairs asks first
		await box(CHAIR.name).uncheck();
		await page.click('#chairs-submit');
		await confirmWith(page, L.leave, 'Escape');
		await box(CHAIR.name).check();
		await box(CHAIR2.name).check();
		await page.click('#chairs-submit');
		const both = L.chairedBy(`${CHAIR.name}, ${CHAIR2.name}`);
		await textIs(page, '#chairs-status', both);
		assert.equal(await text(page, '#edition-chairs'), both);
		assert.deepEqual((await apiCall(api, 'GET', `/api/assessments/${E}`)).json.chairs,
			[CHAIR.name, CHAIR2.name]);
		// the co-chair's open page redraws with the controls (the live poll)
		await cleo.page.waitForSelector('#status-form', { timeout: 12000 });
		await ready(cleo.page);
		assert.equal(await cleo.page.locator('#chair-note').count(), 0);
		assert.equal(await cleo.page.locator('#scoring-link, #chairs-form, #previous-form').count(), 3);
		assert.equal(await text(cleo.page, '#edition-chairs'), both);
		await checkWidth(cleo.page, 'the edition (co-chair)');
		await go(cleo.page, `/editions/${E}/scenarios/${SCENARIO}`, '#consol-form');
		assert.equal(await cleo.page.locator('#assign-form').count(), 1);
	});

	await test(`${name} the chair links the edition to the previous one; the diagram shows the movements`, async () => {
		const page = chair.page;
		await go(page, `/editions/${E}`, '#previous-form');
		await page.waitForSelector('#diagram svg');
		assert.equal(await page.locator('#diagram .arrow').count(), 0, 'no arrows before');
		assert.equal(await page.isHidden('#edition-previous'), true);
		await page.selectOption('#previous-select', String(PREVIOUS));
		await page.click('#previous-submit');
		await textIs(page, '#previous-status', L.linked);
		await page.waitForSelector('#diagram circle.previous');
		assert.ok(await page.locator('#diagram .arrow').count() > 0, 'arrows in the live diagram');
		assert.equal(await text(page, '#edition-previous').then(s => s.split(' – ')[0]), L.follows);
		assert.equal((await apiCall(api, 'GET', `/api/assessments/${E}`)).json.previous, PREVIOUS);
		// another reader: what it follows, the arrows, and the movements in the report
		const reader = await signedIn('ann', ANALYST, viewport, lang);
		try {
			await go(reader.page, `/editions/${E}`, '#diagram circle.previous');
			assert.equal(await text(reader.page, '#previous-link'), `${PREVIOUS_TITLE} (2011)`);
			assert.equal(await reader.page.locator(MANAGEMENT).count(), 0);
			const report = await reader.page.evaluate(async href => (await fetch(href)).text(),
				await reader.page.getAttribute('#report-link', 'href'));
			assert.match(report, /<section id="movements"/);
			await checkA11y(reader.page, 'the edition that follows another (analyst)');
		} finally {
			await close(reader);
			await close(cleo);
		}
	});
}
