// signals.mjs - horizon scanning in the web UI, at phone size, once in
// English and once in Dutch: a reporter (restricted clearance) lands on
// the signals page, submits a signal that names a scenario and a theme of
// a published edition (offered no classification above their own), and
// edits it; the public analyst triages it on the triage page, proposing a
// change to the scenario, and sees the decision in the history; the
// reporter then sees the decision and can no longer edit. A signal that
// names a restricted scenario is on the confidential chair's triage page
// and not on the public analyst's; proposed as a new scenario of a draft
// edition, the chair makes it one from the card, and the scenario is
// classified as the signal.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import {
	BASE, CHAIR, PHONE, REPORTER, ROOT, apiCall, apiLogin, checkA11y, checkWidth, go, newUser, ready, test
} from './lib.mjs';

const SCENARIO = 'solar-storm';          // public in examples/nrb-2012.yaml
const THEME = 'space-weather';           // public: solar-storm's theme
const RESTRICTED = 'cyber-espionage';    // restricted

// What the interface says, written by hand in both languages.
const TEXT = {
	en: {
		title: 'Signals', submit: 'Submit a signal', edit: 'Edit your signal',
		submitted: 'The signal is submitted.', saved: 'The signal is saved.',
		new: 'new', proposed: 'proposed', restricted: 'restricted',
		triaged: 'The decision is recorded: propose a scenario.',
		change: `proposes to change ${SCENARIO}: Longer satellite outages`
	},
	nl: {
		title: 'Signalen', submit: 'Een signaal melden', edit: 'Uw signaal wijzigen',
		submitted: 'Het signaal is gemeld.', saved: 'Het signaal is opgeslagen.',
		new: 'nieuw', proposed: 'voorgesteld', restricted: 'departementaal vertrouwelijk',
		triaged: 'Het besluit is vastgelegd: een scenario voorstellen.',
		change: `stelt voor ${SCENARIO} te wijzigen: Longer satellite outages`
	}
};

async function textIs(page, selector, want) {
	await page.waitForFunction(([sel, text]) => document.querySelector(sel)?.textContent.trim() === text,
		[selector, want]);
}

// PAGE at phone size, in LANG, on ROUTE (waiting for WAIT).
async function open(page, lang, route, wait) {
	await page.setViewportSize({ width: PHONE.width, height: PHONE.height });
	await go(page, route, wait);
	if (await page.inputValue('#lang-select') !== lang) {
		await page.selectOption('#lang-select', lang);
		await ready(page);
		await page.waitForFunction(l => document.documentElement.lang === l, lang);
		await page.waitForSelector(wait);
	}
	await checkWidth(page, route);
}

// A published copy of the 2012 example, for the reporter's links.
async function publishedEdition() {
	const chair = await apiLogin(CHAIR);
	const yaml = await readFile(ROOT + '/examples/nrb-2012.yaml', 'utf8');
	const made = await apiCall(chair, 'POST', '/api/assessments', yaml, 'application/yaml');
	assert.equal(made.status, 201, 'upload: ' + made.text);
	const published = await apiCall(chair, 'PUT', `/api/assessments/${made.json.id}/status`,
		{ status: 'published' });
	assert.equal(published.status, 200, 'publish: ' + published.text);
	return made.json.id;
}

async function cardText(page, key) {
	return (await page.textContent(`article[data-signal="${key}"]`)).replace(/\s+/g, ' ');
}

export async function signals({ chair, ann }) {
	let edition = 0, reporter = null, restricted = null;
	await test('a reporter signs in and lands on the signals page', async () => {
		edition = await publishedEdition();
		reporter = await newUser('reporter', PHONE);
		const page = reporter.page;
		await page.goto(BASE + '/');
		await page.waitForSelector('#login-user');
		await page.fill('#login-user', REPORTER.name);
		await page.fill('#login-password', REPORTER.password);
		await page.click('#login-submit');
		await page.waitForSelector('#signal-form');
		await ready(page);
		await checkA11y(page, 'the reporter\'s landing page');
		await checkWidth(page, 'the reporter\'s landing page');
		const api = await apiLogin(REPORTER);
		const made = await apiCall(api, 'POST', '/api/signals', {
			text: 'Probes of ministry networks', source: 'Institute', observed: '2025-11-01',
			confidence: 'low', edition, scenarios: [RESTRICTED]
		});
		assert.equal(made.status, 201, made.text);
		assert.equal(made.json.classification, 'restricted');
		restricted = made.json.id;
	});
	for (const lang of ['en', 'nl']) {
		const L = TEXT[lang];
		let key = null;
		const words = `Satellite operators report anomalies (${lang})`;
		await test(`[phone ${lang}] the reporter submits a signal`, async () => {
			const page = reporter.page;
			await open(page, lang, '/', '#signal-form');
			await textIs(page, 'main h1', L.title);
			await textIs(page, '#signal-form-heading', L.submit);
			const levels = await page.$$eval('#signal-classification option', os => os.map(o => o.value));
			assert.deepEqual(levels, ['public', 'restricted'], 'nothing above the reporter\'s clearance');
			await page.fill('#signal-text', words);
			await page.fill('#signal-source', 'Embassy Washington');
			await page.selectOption('#signal-confidence', 'high');
			await page.selectOption('#signal-edition', String(edition));
			await page.check(`#signal-scenarios input[value="${SCENARIO}"]`);
			await page.check(`#signal-themes input[value="${THEME}"]`);
			assert.equal(await page.$(`#signal-scenarios input[value="${RESTRICTED}"]`) !== null, true,
				'the restricted scenario is offered to a restricted reporter');
			await checkA11y(page, 'the filled signal form');
			await page.click('#signal-submit');
			await textIs(page, '#signal-status', L.submitted);
			key = await page.$$eval('article[data-signal]', (cards, w) =>
				cards.find(c => c.textContent.includes(w))?.dataset.signal, words);
			assert.ok(key, 'the new signal is listed');
			const text = await cardText(page, key);
			assert.ok(text.includes(L.new) && text.includes(`${SCENARIO}, ${THEME}`), text);
			await checkWidth(page, 'the reporter\'s signals');
		});
		await test(`[phone ${lang}] the reporter edits it until it is triaged`, async () => {
			const page = reporter.page;
			await page.click(`#edit-${key}`);
			await textIs(page, '#signal-form-heading', L.edit);
			assert.equal(await page.inputValue('#signal-text'), words);
			await page.fill('#signal-text', words + ', edited');
			await page.click('#signal-submit');
			await textIs(page, '#signal-status', L.saved);
			assert.ok((await cardText(page, key)).includes(words + ', edited'));
			await textIs(page, '#signal-form-heading', L.submit);
		});
		await test(`[phone ${lang}] the public analyst triages it: a change to the scenario`, async () => {
			const page = ann.page;
			await open(page, lang, '/signals', '#signals-list');
			await textIs(page, 'main h1', L.title);
			await page.waitForSelector(`article[data-signal="${key}"]`);
			assert.equal(await page.$(`article[data-signal="${restricted}"]`), null,
				'the restricted signal does not exist for the public analyst');
			await checkA11y(page, 'the triage page');
			const levels = await page.$$eval(`#tclass-${key} option`, os => os.map(o => o.value));
			assert.deepEqual(levels, ['public'], 'a public analyst classifies a decision public only');
			await page.selectOption(`#decision-${key}`, 'propose');
			await page.fill(`#ptitle-${key}`, 'Longer satellite outages');
			await page.selectOption(`#pscenario-${key}`, SCENARIO);
			await page.fill(`#note-${key}`, 'Matches the solar cycle');
			await checkWidth(page, 'the triage form');
			await page.click(`#triage-submit-${key}`);
			await textIs(page, '#status', L.triaged);
			// the filter shows new signals: this one has gone to "proposed"
			await page.waitForSelector(`article[data-signal="${key}"]`, { state: 'detached' });
			await page.selectOption('#signals-filter', 'proposed');
			const text = await cardText(page, key);
			assert.ok(text.includes(L.proposed) && text.includes(L.change) &&
				text.includes('Matches the solar cycle'), text);
		});
		await test(`[phone ${lang}] the reporter sees the decision and can no longer edit`, async () => {
			const page = reporter.page;
			await open(page, lang, '/signals', `article[data-signal="${key}"]`);
			const text = await cardText(page, key);
			assert.ok(text.includes(L.proposed), text);
			assert.ok(!text.includes('Matches the solar cycle'), 'no triage notes for the reporter');
			assert.equal(await page.$(`#edit-${key}`), null, 'no edit once triaged');
		});
	}
	await test('the confidential chair sees the restricted signal', async () => {
		const page = chair.page;
		await open(page, 'en', '/signals', '#signals-list');
		const text = await cardText(page, restricted);
		assert.ok(text.includes(TEXT.en.restricted) && text.includes(RESTRICTED), text);
		await reporter.context.close();
	});
	await test('the chair makes the proposal of a new scenario a scenario, from the card', async () => {
		const api = await apiLogin(CHAIR);
		const yaml = await readFile(ROOT + '/examples/nrb-2012.yaml', 'utf8');
		const draft = await apiCall(api, 'POST', '/api/assessments', yaml, 'application/yaml');
		assert.equal(draft.status, 201, draft.text);
		const D = draft.json.id;
		const proposed = await apiCall(api, 'POST', `/api/signals/${restricted}/triage`, {
			decision: 'propose', proposal: {
				title: 'Ministry network probes', edition: D,
				description: 'Probing of ministry networks by a state actor.'
			}
		});
		assert.equal(proposed.status, 201, proposed.text);
		const page = chair.page;
		// away and back: the page reads the signals again, with the proposal
		await go(page, '/', 'main h1');
		await open(page, 'en', '/signals', '#signals-list');
		await page.selectOption('#signals-filter', 'proposed');
		await page.waitForSelector(`#adopt-${restricted}`);
		await checkA11y(page, 'the triage page with the adopt form');
		await checkWidth(page, 'the adopt form');
		await page.selectOption(`#akind-${restricted}`, 'threat');
		await page.selectOption(`#alikelihood-${restricted}`, 'B');
		await page.click(`#adopt-submit-${restricted}`);
		await page.waitForSelector(`#adopted-${restricted} a`);
		const sid = (await page.textContent(`#adopted-${restricted} a`)).trim();
		assert.match(sid, /^ministry-network-probes-[a-z0-9]{6}$/);
		// announced a moment later (dom.js: a fresh text node)
		await textIs(page, '#status', `The proposal is now scenario ${sid}.`);
		assert.equal(await page.$(`#adopt-${restricted}`), null, 'no second adoption offered');
		const got = await apiCall(api, 'GET', `/api/assessments/${D}/scenarios/${sid}`);
		assert.equal(got.status, 200, got.text);
		assert.deepEqual([got.json.title, got.json.description, got.json.kind, got.json.classification,
			got.json.likelihood.ev], ['Ministry network probes',
			'Probing of ministry networks by a state actor.', 'threat', 'restricted', 'B']);
		await page.click(`#adopted-${restricted} a`);
		await page.waitForFunction(id => location.hash.endsWith('/scenarios/' + id), sid);
	});
}
