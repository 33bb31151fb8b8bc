// register.mjs - progress on adopted measures in the web UI, once per
// viewport and language: the chair publishes an edition with the 2012
// plan (through the API), opens its register from the edition's page,
// filters it by owner and status (the rows are those the API gives for
// the same filters), and downloads the progress letter as ODT in both
// languages and as HTML; an admin adds an owner of the ministry of
// foreign affairs (bz) through the users page; the owner finds "My
// actions", reports a status with a note, sees it in the action's log,
// and the chair's register shows it.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import {
	ADMIN, CHAIR, ROOT, apiCall, apiLogin, checkA11y, checkWidth, go, newUser, ready, signIn, test
} from './lib.mjs';

const ORG = 'bz';
const ACTION = 'interests-abroad-strategy/report-next-year';

// What the interface says, written by hand in both languages.
const TEXT = {
	en: { register: /^Progress register: /, mine: 'My actions', done: 'done',
		saved: /^Reported: .* is done\.$/, added: name => `Added ${name}.` },
	nl: { register: /^Voortgangsregister: /, mine: 'Mijn acties', done: 'gereed',
		saved: /^Gemeld: .* is gereed\.$/, added: name => `${name} toegevoegd.` }
};

async function setLanguage(page, lang) {
	if (await page.inputValue('#lang-select') !== lang) {
		await page.selectOption('#lang-select', lang);
		await ready(page);
	}
}

async function rowKeys(page) {
	return page.$$eval('#register-table tr[data-action]', trs => trs.map(tr => tr.dataset.action));
}

// The "measure/action" keys of the API's register for QUERY.
async function apiKeys(api, base, query) {
	const r = await apiCall(api, 'GET', base + '/register' + query);
	assert.equal(r.status, 200, r.text);
	const keys = [];
	for (const a of r.json.advice)
		for (const m of a.measures)
			for (const x of m.actions)
				keys.push(m.id + '/' + x.id);
	return keys;
}

// A published edition of the 2012 example with its plan; its id.
async function publishedEdition(api) {
	const made = await apiCall(api, 'POST', '/api/assessments',
		await readFile(ROOT + '/examples/nrb-2012.yaml', 'utf8'), 'application/yaml');
	assert.equal(made.status, 201, made.text);
	const base = `/api/assessments/${made.json.id}`;
	const plan = await apiCall(api, 'POST', base + '/plan',
		await readFile(ROOT + '/examples/plan-2012.yaml', 'utf8'), 'application/yaml');
	assert.equal(plan.status, 200, plan.text);
	const published = await apiCall(api, 'PUT', base + '/status', { status: 'published' });
	assert.equal(published.status, 200, published.text);
	return made.json.id;
}

export async function register(chair, viewport, lang) {
	const L = TEXT[lang];
	const name = `[register, ${viewport.name}, ${lang}]`;
	const api = await apiLogin(CHAIR);
	const owner = { name: `owen-${viewport.name}-${lang}`, password: 'owner-pass-' + lang };
	let E = null;
	let base = null;

	await test(`${name} the chair filters the register and downloads the letter`, async () => {
		E = await publishedEdition(api);
		base = `/api/assessments/${E}`;
		const page = chair.page;
		await page.setViewportSize({ width: viewport.width, height: viewport.height });
		await go(page, `/editions/${E}`, '#register-link');
		await setLanguage(page, lang);
		await page.click('#register-link');
		await page.waitForSelector('#register-table');
		await ready(page);
		assert.match((await page.textContent('main h1')).trim(), L.register);
		await checkWidth(page, 'the register');
		await checkA11y(page, 'the register');
		assert.deepEqual(await rowKeys(page), await apiKeys(api, base, ''), 'every action of the register');
		await page.selectOption('#filter-owner', ORG);
		await page.click('#register-filters button[type="submit"]');
		await page.waitForFunction(a => document.querySelectorAll('#register-table tr[data-action]').length &&
			[...document.querySelectorAll('#register-table tr[data-action]')].every(tr => tr.dataset.action === a),
		ACTION);
		assert.deepEqual(await rowKeys(page), [ACTION], 'the foreign ministry owns one action');
		await page.selectOption('#filter-owner', '');
		await page.selectOption('#filter-status', 'done');
		await page.click('#register-filters button[type="submit"]');
		const done = await apiKeys(api, base, '?status=done');
		await page.waitForFunction(n => document.querySelectorAll('#register-table tr[data-action]').length === n,
			done.length);
		assert.deepEqual(await rowKeys(page), done, 'the done actions, as the API gives them');
		assert.ok((await page.$$eval('#register-table tr[data-action]', trs =>
			trs.every(tr => tr.dataset.status === 'done'))), 'all done');
		await checkWidth(page, 'the filtered register');
		for (const lng of ['en', 'nl']) {
			const [download] = await Promise.all([page.waitForEvent('download'),
				page.click(`#letter-odt-${lng}`)]);
			const bytes = await readFile(await download.path());
			assert.equal(bytes.subarray(0, 2).toString(), 'PK', 'the ODT is a zip');
			assert.ok(bytes.includes('application/vnd.oasis.opendocument.text'), 'an OpenDocument text');
		}
		const href = await page.getAttribute('#letter-html-nl', 'href');
		const html = await apiCall(api, 'GET', href);
		assert.equal(html.status, 200, 'the HTML letter');
		assert.ok(html.text.includes('lang="nl"'), 'in Dutch');
	});

	await test(`${name} an admin adds an owner of an organisation`, async () => {
		const admin = await newUser('admin-' + lang, viewport);
		await signIn(admin.page, ADMIN);
		await setLanguage(admin.page, lang);
		await go(admin.page, '/users', '#user-form');
		await admin.page.fill('#user-name', owner.name);
		await admin.page.selectOption('#user-role', 'owner');
		await admin.page.selectOption('#user-clearance', 'confidential');
		await admin.page.fill('#user-password', owner.password);
		await admin.page.fill('#user-organisations', ORG);
		await admin.page.click('#user-form button[type="submit"]');
		await admin.page.waitForFunction(n => document.getElementById('user-status').textContent.trim() === n,
			L.added(owner.name));
		const cell = await admin.page.textContent(`#users-table tr[data-user="${owner.name}"] td.organisations`);
		assert.equal(cell.trim(), ORG);
		await checkWidth(admin.page, 'the users page');
		await admin.context.close();
	});

	await test(`${name} the owner reports a status with a note`, async () => {
		const user = await newUser('owner-' + lang, viewport);
		const page = user.page;
		await signIn(page, owner);
		await setLanguage(page, lang);
		await page.click('#actions-link');
		await page.waitForSelector(`.action-card[data-action="${ACTION}"]`);
		await ready(page);
		assert.equal((await page.textContent('main h1')).trim(), L.mine);
		await checkWidth(page, 'my actions');
		await checkA11y(page, 'my actions');
		const card = `.edition-actions[data-edition="${E}"] .action-card[data-action="${ACTION}"]`;
		await page.selectOption(card + ' select[name="status"]', 'done');
		await page.fill(card + ' textarea[name="note"]', 'Reported to parliament ' + lang);
		await page.click(card + ' button[type="submit"]');
		await page.waitForFunction(sel => /\S/.test(document.querySelector(sel + ' .form-status').textContent),
			card);
		assert.match((await page.textContent(card + ' .form-status')).trim(), L.saved);
		const log = await page.$$eval(card + ' .action-log li', lis => lis.map(li => li.textContent));
		assert.ok(log.at(-1).includes(owner.name) && log.at(-1).includes('Reported to parliament ' + lang) &&
			log.at(-1).includes(L.done), 'the log ends with the report: ' + log.at(-1));
		await checkWidth(page, 'my actions after a report');
		const r = await apiCall(api, 'GET', base + '/register/' + ACTION);
		const last = r.json.log.at(-1);
		assert.deepEqual([last.status, last.note, last.by], ['done', 'Reported to parliament ' + lang, owner.name]);
		await user.context.close();
		// from the edition's page: the register drawn afresh, unfiltered
		await go(chair.page, `/editions/${E}`, '#register-link');
		await chair.page.click('#register-link');
		await chair.page.waitForSelector(`#register-table tr[data-action="${ACTION}"]`);
		const status = await chair.page.getAttribute(`#register-table tr[data-action="${ACTION}"]`, 'data-status');
		assert.equal(status, 'done', 'the chair\'s register shows the report');
	});
}
