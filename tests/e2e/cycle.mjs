// cycle.mjs - the whole scoring cycle as the analysts' network walks it,
// once per viewport (phone 390x844, desktop 1440x900) and language: the
// chair opens scoring and assigns two analysts; one analyst scores with
// the one form and one save (a quantity and the keyboard included), the
// other starts from the consolidated scores; the chair sees who has
// scored what and the spread, consolidates a changed rationale without
// losing the quantity beside it, and publishes after confirming; the
// viewer reads the published edition and downloads the report. Every page
// is checked for its width (go() in lib.mjs) and its accessibility.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import {
	ANALYST, ANALYST2, BASE, CHAIR, ROOT, apiCall, apiLogin, checkA11y, checkWidth, go, ready, test
} from './lib.mjs';

const SCENARIO = 'solar-storm';
// examples/nrb-2012.yaml, solar-storm: 3.1 is a quantity of 7e9 euros
// (class D) with limits C and E; 5.3 is C+ (B-D)
const COSTS = {
	ev: { value: 7e9 }, ll: 'C', ul: 'E',
	why: 'Replacing satellites, lost transport and trade and disrupted financial and telecom ' +
		'services cost about 7 billion euros to the Netherlands\' share.'
};
const CRITERIA = 11;          // the likelihood and nrb-2008's ten criteria

// What the interface says, written by hand in both languages.
const TEXT = {
	en: {
		editions: 'Editions', scoring: 'scoring', consolidation: 'consolidation', published: 'published',
		saved: n => new RegExp(`^Saved ${n} changed scores\\.`), assigned: /^Assigned: /,
		leave: 'Leave without saving?', progress: 'Scoring progress', of: (n, total) => `${n} of ${total}`,
		complete: 'complete', pairs: '1 of 2 assignments are fully scored.', missing: 'not scored yet',
		flagged: 'differs by two classes or more', spread: 'Spread between analysts',
		publish: 'Publish this edition?', costs: 'D (7,000,000,000 euro) (C–E)', filled: /consolidated scores/
	},
	nl: {
		editions: 'Edities', scoring: 'scoren', consolidation: 'consolidatie', published: 'gepubliceerd',
		saved: n => new RegExp(`^${n} gewijzigde scores opgeslagen\\.`), assigned: /^Toegewezen: /,
		leave: 'Weggaan zonder op te slaan?', progress: 'Voortgang van het scoren',
		of: (n, total) => `${n} van ${total}`, complete: 'volledig',
		pairs: '1 van 2 toewijzingen zijn volledig gescoord.', missing: 'nog niet gescoord',
		flagged: 'verschilt twee klassen of meer', spread: 'Spreiding tussen analisten',
		publish: 'Deze editie publiceren?', costs: 'D (7.000.000.000 euro) (C–E)', filled: /geconsolideerde scores/
	}
};

// Waits until the element ID's text matches PATTERN.
async function textMatches(page, id, pattern) {
	await page.waitForFunction(([where, re]) => new RegExp(re).test(document.getElementById(where).textContent),
		[id, pattern.source]);
}

// Saves the scoring form PREFIX and waits for its message (PATTERN);
// returns the paths of the PUT requests the save sent.
async function saveForm(page, prefix, pattern) {
	const sent = [];
	const listen = request => {
		if (request.method() === 'PUT')
			sent.push(new URL(request.url()).pathname);
	};
	page.on('request', listen);
	try {
		await page.click(`#${prefix}-save`);
		await textMatches(page, `${prefix}-status`, pattern);
	} finally {
		page.off('request', listen);
	}
	return sent;
}

// Every user's page at the cycle's size and in its language.
async function prepare(users, viewport, lang) {
	for (const user of users) {
		await user.page.setViewportSize({ width: viewport.width, height: viewport.height });
		await go(user.page, '/', 'main h1');
		if (await user.page.inputValue('#lang-select') !== lang) {
			await user.page.selectOption('#lang-select', lang);
			await user.page.waitForFunction(text => document.querySelector('main h1')?.textContent === text,
				TEXT[lang].editions);
			await ready(user.page);
		}
	}
}

async function statusTo(page, status, text) {
	await page.selectOption('#status-select', status);
	await page.click('#status-submit');
	await page.waitForFunction(want => document.getElementById('edition-status').textContent === want, text);
}

async function ownScores(user, edition) {
	const api = await apiLogin(user);
	const r = await apiCall(api, 'GET', `/api/assessments/${edition}/scenarios/${SCENARIO}/scores`);
	const out = {};
	for (const [id, entry] of Object.entries(r.json.analysts[user.name] || {}))
		out[id] = entry.score;
	return out;
}

export async function cycle(users, viewport, lang) {
	const { chair, ann, bob, viewer } = users;
	const L = TEXT[lang];
	const name = `[${viewport.name}, ${lang}]`;
	const api = await apiLogin(CHAIR);
	let E = null;
	let path = null;

	await test(`${name} the chair opens scoring and assigns two analysts`, async () => {
		const made = await apiCall(api, 'POST', '/api/assessments',
			await readFile(ROOT + '/examples/nrb-2012.yaml', 'utf8'), 'application/yaml');
		assert.equal(made.status, 201, made.text);
		E = made.json.id;
		path = `/editions/${E}/scenarios/${SCENARIO}`;
		await prepare([chair, ann, bob, viewer], viewport, lang);
		const page = chair.page;
		await go(page, `/editions/${E}`, '#diagram svg');
		await checkA11y(page, 'the edition (chair)');
		await statusTo(page, 'scoring', L.scoring);
		await page.click(`#ranked tr[data-scenario="${SCENARIO}"] a`);
		await page.waitForSelector('#assign-form');
		await ready(page);
		await checkWidth(page, 'the scenario (chair)');
		await page.check(`#assign-names input[value="${ANALYST.name}"]`);
		await page.check(`#assign-names input[value="${ANALYST2.name}"]`);
		await page.click('#assign-submit');
		await textMatches(page, 'assign-status', L.assigned);
		assert.match(await page.textContent('#assign-status'), new RegExp(`${ANALYST.name}, ${ANALYST2.name}`));
	});

	await test(`${name} an analyst scores with one form and one save, a quantity included`, async () => {
		const page = ann.page;
		await go(page, path, '#score-form');
		await checkA11y(page, 'the scoring form');
		await page.selectOption('#score-likelihood-ll', 'B');
		await page.selectOption('#score-likelihood-ev', 'C');
		await page.selectOption('#score-likelihood-ul', 'D');
		// costs as a quantity: the form shows its class
		await page.selectOption('#score-3_1-ev', '#');
		await page.fill('#score-3_1-ev-q', '8000000000');
		assert.match(await page.textContent('#score-3_1-ev-q-class'), /D$/);
		await page.selectOption('#score-3_1-ll', 'C');
		await page.selectOption('#score-3_1-ul', 'E');
		await page.fill('#score-3_1-why', 'About eight billion euros.');
		// 5.3 by keyboard alone: focus, type the class, Tab on
		await page.focus('#score-5_3-ll');
		for (const [key, next] of [['D', 'score-5_3-ev'], ['E', 'score-5_3-ul'], ['E', 'score-5_3-why']]) {
			await page.keyboard.press(key);
			await page.keyboard.press('Tab');
			assert.equal(await page.evaluate(() => document.activeElement.id), next);
		}
		await page.keyboard.type('Months of disruption feed lasting distrust.');
		// leaving with unsaved scores asks first; staying keeps them
		await page.click('#back-link');
		await page.waitForSelector('#confirm-dialog[open]');
		assert.equal(await page.textContent('#confirm-title'), L.leave);
		await page.click('#confirm-cancel');
		await page.waitForSelector('#confirm-dialog', { state: 'detached' });
		assert.match(page.url(), new RegExp(`#${path}$`));
		assert.equal(await page.inputValue('#score-5_3-ev'), 'E');
		const sent = await saveForm(page, 'score', L.saved(3));
		assert.deepEqual(sent, [`/api/assessments/${E}/scenarios/${SCENARIO}/scores`], 'one request');
		assert.deepEqual(await ownScores(ANALYST, E), {
			likelihood: { ev: 'C', ll: 'B', ul: 'D' },
			'3.1': { ev: { value: 8e9 }, ll: 'C', ul: 'E', why: 'About eight billion euros.' },
			'5.3': { ev: 'E', ll: 'D', ul: 'E', why: 'Months of disruption feed lasting distrust.' }
		});
		// saved: the page may go without asking
		await go(page, `/editions/${E}`, '#ranked');
	});

	await test(`${name} the second analyst starts from the consolidated scores`, async () => {
		const page = bob.page;
		await go(page, path, '#score-form');
		await page.click('#score-from-consolidated');
		await textMatches(page, 'score-status', L.filled);
		assert.equal(await page.inputValue('#score-3_1-ev'), '#');
		assert.equal(await page.inputValue('#score-3_1-ev-q'), '7000000000');
		assert.equal(await page.inputValue('#score-5_3-ev'), 'C+');
		await page.selectOption('#score-5_3-ll', 'A');
		await page.selectOption('#score-5_3-ev', 'B');
		await page.selectOption('#score-5_3-ul', 'B');
		// closing the tab with unsaved scores asks first
		const asked = page.waitForEvent('dialog');
		await page.close({ runBeforeUnload: true });
		const dialog = await asked;
		assert.equal(dialog.type(), 'beforeunload');
		await dialog.dismiss();
		assert.equal(page.isClosed(), false, 'the tab stays open');
		const sent = await saveForm(page, 'score', L.saved(CRITERIA));
		assert.equal(sent.length, 1, 'one request for every criterion');
		const mine = await ownScores(ANALYST2, E);
		assert.equal(Object.keys(mine).length, CRITERIA);
		assert.deepEqual(mine['3.1'], COSTS, 'the consolidated quantity, exactly');
		assert.deepEqual([mine['5.3'].ev, mine['5.3'].ll, mine['5.3'].ul], ['B', 'A', 'B']);
		assert.deepEqual(mine['4.1'], { ev: 'X', ll: 'X', ul: 'X' }, 'what the consolidated scores leave out is X');
	});

	await test(`${name} the chair sees who has scored what, and the spread`, async () => {
		const page = chair.page;
		await go(page, `/editions/${E}`, '#scoring-link');
		await page.click('#scoring-link');
		await page.waitForSelector('#progress-table');
		await ready(page);
		await checkWidth(page, 'the scoring progress');
		await checkA11y(page, 'the scoring progress');
		assert.equal((await page.textContent('main h1')).trim(), L.progress);
		const row = page.locator(`#progress-table tr[data-scenario="${SCENARIO}"]`);
		const them = row.locator(`li[data-analyst="${ANALYST.name}"]`);
		assert.equal(await them.getAttribute('data-scored'), '3');
		assert.match(await them.textContent(), new RegExp(L.of(3, CRITERIA)));
		assert.match(await row.locator(`li[data-analyst="${ANALYST2.name}"]`).textContent(),
			new RegExp(`${L.of(CRITERIA, CRITERIA)}.*${L.complete}`));
		assert.equal(await page.textContent('#progress-summary'), L.pairs);
		await page.click('#progress-spread-link');
		await page.waitForSelector('#spread-table');
		await ready(page);
		await checkWidth(page, 'the spread');
		await checkA11y(page, 'the spread');
		assert.equal((await page.textContent('main h1')).trim(), L.spread);
		const at = c => page.locator(`#spread-table tr[data-scenario="${SCENARIO}"][data-criterion="${c}"]`);
		assert.equal(await at('5.3').getAttribute('data-flagged'), 'true');
		const flagged = await at('5.3').textContent();
		for (const part of [L.flagged, `${ANALYST.name}: E (D–E)`, `${ANALYST2.name}: B (A–B)`, 'C+ (B–D)'])
			assert.ok(flagged.includes(part), `the 5.3 row shows ${part}: ${flagged}`);
		// 1.2: bob scored it, ann has not
		const missing = at('1.2').locator(`[data-analyst="${ANALYST.name}"][data-missing="true"]`);
		assert.equal(await missing.textContent(), `${ANALYST.name}: ${L.missing}`);
		assert.equal(await at('3.1').locator('td.consolidated').textContent(), L.costs);
	});

	await test(`${name} the chair consolidates: a changed rationale keeps the quantity`, async () => {
		const page = chair.page;
		await go(page, `/editions/${E}`, '#status-select');
		await statusTo(page, 'consolidation', L.consolidation);
		await go(page, path, '#consol-form');
		await checkA11y(page, 'the consolidation form');
		assert.equal(await page.inputValue('#consol-3_1-ev-q'), '7000000000');
		const why = 'Re-estimated in the workshop: still about 7 billion euros.';
		await page.fill('#consol-3_1-why', why);
		await page.click(`#adopt-5_3-${ANALYST.name}`);
		assert.equal(await page.inputValue('#consol-5_3-ev'), 'E');
		const sent = await saveForm(page, 'consol', L.saved(2));
		assert.deepEqual(sent, [`/api/assessments/${E}/scenarios/${SCENARIO}/consolidated`], 'one request');
		const stored = (await apiCall(api, 'GET', `/api/assessments/${E}/scenarios/${SCENARIO}`)).json;
		assert.deepEqual(stored.impact['3.1'], { ...COSTS, why });
		assert.deepEqual(stored.impact['5.3'],
			{ ev: 'E', ll: 'D', ul: 'E', why: 'Months of disruption feed lasting distrust.' });
		assert.equal(await page.inputValue('#consol-3_1-ev'), '#', 'the form still shows a quantity');
	});

	await test(`${name} publishing asks first, by keyboard`, async () => {
		const page = chair.page;
		await go(page, `/editions/${E}`, '#status-select');
		await page.selectOption('#status-select', 'published');
		await page.click('#status-submit');
		await page.waitForSelector('#confirm-dialog[open]');
		assert.equal(await page.textContent('#confirm-title'), L.publish);
		await checkWidth(page, 'the publication dialog');
		await page.keyboard.press('Escape');
		await page.waitForSelector('#confirm-dialog', { state: 'detached' });
		assert.equal(await page.textContent('#edition-status'), L.consolidation);
		assert.equal((await apiCall(api, 'GET', `/api/assessments/${E}`)).json.status, 'consolidation');
		await page.click('#status-submit');
		await page.waitForSelector('#confirm-dialog[open]');
		await page.keyboard.press('Tab');
		assert.equal(await page.evaluate(() => document.activeElement.id), 'confirm-ok');
		await page.keyboard.press('Enter');
		await page.waitForFunction(want => document.getElementById('edition-status').textContent === want,
			L.published);
		assert.equal((await apiCall(api, 'GET', `/api/assessments/${E}`)).json.status, 'published');
	});

	await test(`${name} the viewer reads the published edition and downloads the report`, async () => {
		const page = viewer.page;
		await go(page, `/editions/${E}`, `#ranked tr[data-scenario="${SCENARIO}"]`);
		await page.waitForSelector('#diagram svg');
		await checkA11y(page, 'the edition (viewer)');
		await go(page, path, '#consolidated-table');
		assert.equal(await page.locator('#score-form, #consol-form, #assign-form').count(), 0);
		const costs = await page.textContent('#consolidated-table tr[data-criterion="3.1"]');
		assert.ok(costs.includes(L.costs), costs);
		await go(page, `/editions/${E}`, '#report-link');
		const [download] = await Promise.all([page.waitForEvent('download'), page.click('#report-link')]);
		const html = await readFile(await download.path(), 'utf8');
		assert.match(html, new RegExp(`^<!DOCTYPE html>\\n<html lang="${lang}">`, 'i'));
		assert.match(html, /National Risk Assessment 2012/);
		if (viewport.width >= 1440) {
			// the report itself has no sideways scroll at 1440 px
			await page.goto(BASE + (await page.getAttribute('#report-link', 'href')));
			await checkWidth(page, 'the report');
			await go(page, `/editions/${E}`, '#ranked');
		}
	});
}
