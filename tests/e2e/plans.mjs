// plans.mjs - an edition's plan in the web UI, once per viewport and
// language: the chair imports examples/plan-2012.yaml (after confirming)
// and assigns an expert; the expert gives their levels without seeing the
// other experts'; the chair sees the spread and sets the agreed levels,
// edits a measure (what the form does not show is kept), adds an advice,
// records the cabinet's decision and deletes the advice after confirming;
// the plan file downloaded imports again to the same plan; and a reader
// whose clearance is too low sees neither a confidential scenario's
// capability nor its measure (a restricted chair who does not chair the
// edition), nor a restricted one's (the public analyst).

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import {
	ANALYST, CHAIR, CHAIR2, ROOT, apiCall, apiLogin, checkA11y, expectHttp, go, ready, test
} from './lib.mjs';

const PLAN = ROOT + '/examples/plan-2012.yaml';
const CAPABILITY = 'solar-warning';       // public: its scenario is solar-storm
const RESTRICTED = 'network-attack-detection';   // names cyber-espionage (restricted)
const MEASURE = 'solar-alarm';
// examples/plan-2012.yaml has 13 capabilities; 2 name the restricted
// scenario cyber-espionage (network-attack-detection, infosec-baseline)
const CAPABILITIES = 13;
const PUBLIC_CAPABILITIES = 11;

// What the interface says, written by hand in both languages.
const TEXT = {
	en: {
		editions: 'Editions', imported: 'The plan was imported.', replace: 'Replace the plan?',
		experts: `Experts: ${ANALYST.name}.`, levels: 'Your levels are saved: current 0, target 4.',
		agreed: 'Agreed: current 1, target 3.', agreedShown: `current 1, target 3 (by ${CHAIR.name})`,
		ownOnly: /only your own levels/, flagged: 'experts differ by two levels or more',
		saved: 'Saved An alarm function for solar storms.', added: 'Added Test advice on solar storms.',
		decision: 'The decision on Test advice on solar storms is recorded: rejected.',
		deleteAsk: 'Delete Test advice on solar storms?', deleted: 'Deleted Test advice on solar storms.',
		notFound: 'Not found', phase: 'preparation', aftercare: 'aftercare', addedCap: 'Added Test capability.',
		notCleared: `analyst '${ANALYST.name}' is not cleared for this capability`,
		leave: 'Leave without saving?'
	},
	nl: {
		editions: 'Edities', imported: 'Het plan is geïmporteerd.', replace: 'Het plan vervangen?',
		experts: `Deskundigen: ${ANALYST.name}.`, levels: 'Uw niveaus zijn opgeslagen: huidig 0, gewenst 4.',
		agreed: 'Vastgesteld: huidig 1, gewenst 3.', agreedShown: `huidig 1, gewenst 3 (door ${CHAIR.name})`,
		ownOnly: /alleen uw eigen niveaus/, flagged: 'deskundigen verschillen twee niveaus of meer',
		saved: 'An alarm function for solar storms opgeslagen.', added: 'Test advice on solar storms toegevoegd.',
		decision: 'Het besluit over Test advice on solar storms is vastgelegd: afgewezen.',
		deleteAsk: 'Test advice on solar storms verwijderen?', deleted: 'Test advice on solar storms verwijderd.',
		notFound: 'Niet gevonden', phase: 'preparatie', aftercare: 'nazorg', addedCap: 'Test capability toegevoegd.',
		notCleared: `analist '${ANALYST.name}' heeft geen veiligheidsmachtiging voor deze capaciteit`,
		leave: 'Weggaan zonder op te slaan?'
	}
};

async function textIs(page, selector, want) {
	await page.waitForFunction(([sel, text]) => document.querySelector(sel)?.textContent.trim() === text,
		[selector, want]);
}

// Every user's page at this size and in this language.
async function prepare(users, viewport, lang) {
	for (const page of users) {
		await page.setViewportSize({ width: viewport.width, height: viewport.height });
		await go(page, '/', 'main h1');
		if (await page.inputValue('#lang-select') !== lang) {
			await page.selectOption('#lang-select', lang);
			await textIs(page, 'main h1', TEXT[lang].editions);
			await ready(page);
		}
	}
}

// The cells of the capabilities table's row of ID, by column class.
async function row(page, id) {
	return page.evaluate(cap => {
		const tr = document.querySelector(`#capabilities-table tr[data-capability="${cap}"]`);
		if (!tr)
			return null;
		const cells = [...tr.children].map(c => c.textContent.trim());
		return {
			phase: cells[0], experts: cells[3], current: cells[4], target: cells[5], gap: cells[6],
			agreed: cells[7], flagged: tr.dataset.flagged === 'true',
			analysts: [...tr.querySelectorAll('.expert-levels li')].map(li => li.textContent.trim())
		};
	}, id);
}

async function capabilityIds(page) {
	return page.$$eval('#capabilities-table tr[data-capability]', trs => trs.map(tr => tr.dataset.capability));
}

async function setStatus(api, edition, status) {
	const r = await apiCall(api, 'PUT', `/api/assessments/${edition}/status`, { status });
	assert.equal(r.status, 200, r.text);
}

// A confidential scenario, a capability naming it and a measure for that
// capability, added through the API: returns their ids.
async function addSecret(api, edition) {
	const base = `/api/assessments/${edition}`;
	const scenario = await apiCall(api, 'POST', base + '/scenarios', {
		title: 'Secret plot against the state', kind: 'threat', classification: 'confidential',
		likelihood: 'B', impact: { '5.2': 'D' }
	});
	assert.equal(scenario.status, 201, scenario.text);
	const cap = await apiCall(api, 'POST', base + '/plan/capabilities', {
		title: 'Secret watch', phase: 'preparation', scenarios: [scenario.json.id]
	});
	assert.equal(cap.status, 201, cap.text);
	const measure = await apiCall(api, 'POST', base + '/plan/measures', {
		title: 'Secret countermeasure', capabilities: [cap.json.id], owners: ['venj']
	});
	assert.equal(measure.status, 201, measure.text);
	return { capability: cap.json.id, measure: measure.json.id };
}

export async function plans(users, viewport, lang) {
	const { chair, ann, cleo } = users;
	const L = TEXT[lang];
	const name = `[plan, ${viewport.name}, ${lang}]`;
	const api = await apiLogin(CHAIR);
	let E = null;
	let base = null;
	let secret = null;

	await test(`${name} the chair imports the plan file and assigns an expert`, async () => {
		const made = await apiCall(api, 'POST', '/api/assessments',
			await readFile(ROOT + '/examples/nrb-2012.yaml', 'utf8'), 'application/yaml');
		assert.equal(made.status, 201, made.text);
		E = made.json.id;
		base = `/api/assessments/${E}`;
		await prepare([chair.page, ann.page, cleo.page], viewport, lang);
		const page = chair.page;
		await go(page, `/editions/${E}`, '#plan-link');
		await page.click('#plan-link');
		await page.waitForSelector('#plan-import-form');
		await ready(page);
		assert.equal(await page.$('#capabilities-table'), null, 'no capabilities before the import');
		await page.setInputFiles('#plan-file', PLAN);
		await page.click('#plan-import-submit');
		await page.waitForSelector('#confirm-dialog[open]');
		assert.equal(await page.textContent('#confirm-title'), L.replace);
		await page.click('#confirm-ok');
		await textIs(page, '#plan-status', L.imported);
		await page.waitForSelector('#capabilities-table');
		await checkA11y(page, 'the plan (chair)');
		assert.equal((await capabilityIds(page)).length, CAPABILITIES);
		// before any expert of ours: the file's experts, medians by hand
		// (currents 1 and 2, targets 3 and 3)
		const before = await row(page, CAPABILITY);
		assert.deepEqual([before.phase, before.current, before.target, before.flagged],
			[L.phase, lang === 'nl' ? '1,5' : '1.5', '3', false]);
		secret = await addSecret(api, E);
		await setStatus(api, E, 'scoring');
		await go(page, `/editions/${E}/plan/capabilities/${CAPABILITY}`, '#experts-form');
		await checkA11y(page, 'a capability (chair)');
		await page.check(`#experts-names input[value="${ANALYST.name}"]`);
		await page.click('#experts-save');
		await textIs(page, '#experts-status', L.experts);
		const cap = await apiCall(api, 'GET', `${base}/plan/capabilities/${CAPABILITY}`);
		assert.deepEqual(cap.json.experts, [ANALYST.name]);
		// a public analyst cannot judge a capability of a restricted scenario
		// (409, in the interface's language)
		expectHttp.add(409);
		try {
			await go(page, `/editions/${E}/plan/capabilities/${RESTRICTED}`, '#experts-form');
			await page.check(`#experts-names input[value="${ANALYST.name}"]`);
			await page.click('#experts-save');
			await page.waitForSelector('#experts-status.error');
			assert.equal(await page.textContent('#experts-status'), L.notCleared);
		} finally {
			expectHttp.delete(409);
		}
		const restricted = await apiCall(api, 'GET', `${base}/plan/capabilities/${RESTRICTED}`);
		assert.ok(!restricted.json.experts.includes(ANALYST.name));
	});

	await test(`${name} the expert gives their levels, independently`, async () => {
		const page = ann.page;
		await go(page, `/editions/${E}/plan`, '#capabilities-table');
		await checkA11y(page, 'the plan (expert)');
		assert.match(await page.textContent('#plan-own-only'), L.ownOnly);
		assert.equal(await page.getAttribute(`tr[data-capability="${CAPABILITY}"]`, 'class'), 'mine');
		// the file's experts' levels are not the expert's to see
		assert.deepEqual((await row(page, CAPABILITY)).current, '–');
		await page.click(`tr[data-capability="${CAPABILITY}"] a`);
		await page.waitForSelector('#levels-form');
		await ready(page);
		await checkA11y(page, 'a capability (expert)');
		assert.equal(await page.$('#cap-levels'), null, 'no other expert\'s levels');
		assert.equal(await page.$('#experts-form'), null, 'no choice of experts');
		// by keyboard: the current level, Tab, the target level, Tab, the rationale
		await page.focus('#levels-current');
		await page.keyboard.press('0');
		await page.keyboard.press('Tab');
		assert.equal(await page.evaluate(() => document.activeElement.id), 'levels-target');
		await page.keyboard.press('4');
		await page.keyboard.press('Tab');
		assert.equal(await page.evaluate(() => document.activeElement.id), 'levels-why');
		await page.keyboard.type('No warning chain reaches the operators yet.');
		// leaving with unsaved levels asks first; staying keeps them
		await page.click('#cap-back');
		await page.waitForSelector('#confirm-dialog[open]');
		assert.equal(await page.textContent('#confirm-title'), L.leave);
		await page.click('#confirm-cancel');
		await page.waitForSelector('#confirm-dialog', { state: 'detached' });
		assert.equal(await page.inputValue('#levels-target'), '4');
		await page.click('#levels-save');
		await textIs(page, '#levels-status', L.levels);
		const own = await apiCall(await apiLogin(ANALYST), 'GET', `${base}/plan/capabilities/${CAPABILITY}/levels`);
		const mine = own.json.experts[ANALYST.name];
		assert.deepEqual(mine.map(l => [l.current, l.target, l.why]),
			[[0, 4, 'No warning chain reaches the operators yet.']]);
		assert.deepEqual(Object.keys(own.json.experts), [ANALYST.name], 'the expert sees only their own');
		// the expert's figures are their own levels alone
		await go(page, `/editions/${E}/plan`, '#capabilities-table');
		const seen = await row(page, CAPABILITY);
		assert.deepEqual([seen.current, seen.target, seen.gap, seen.flagged], ['0', '4', '4', false]);
	});

	await test(`${name} the chair sees the spread and sets the agreed levels`, async () => {
		const page = chair.page;
		await go(page, `/editions/${E}/plan`, '#capabilities-table');
		// currents 1, 2, 0: median 1, two apart; targets 3, 3, 4: median 3
		const seen = await row(page, CAPABILITY);
		assert.deepEqual([seen.current, seen.target, seen.gap, seen.flagged], ['1', '3', '2', true]);
		assert.deepEqual(seen.analysts, ['expert-a: 1 → 3', 'expert-d: 2 → 3', `${ANALYST.name}: 0 → 4`]);
		assert.ok((await page.textContent(`tr[data-capability="${CAPABILITY}"] .flag-cell`)).includes(L.flagged));
		await setStatus(api, E, 'consolidation');
		await go(page, `/editions/${E}/plan/capabilities/${CAPABILITY}`, '#agreed-form');
		assert.deepEqual(await page.$$eval('#cap-levels tbody tr', trs => trs.map(tr => tr.dataset.analyst)),
			['expert-a', 'expert-d', ANALYST.name]);
		await page.selectOption('#agreed-current', '1');
		await page.selectOption('#agreed-target', '3');
		await page.fill('#agreed-why', 'The warning exists; it does not reach the operators.');
		await page.click('#agreed-save');
		await textIs(page, '#agreed-status', L.agreed);
		await textIs(page, '#cap-agreed', L.agreedShown);
		await go(page, `/editions/${E}/plan`, '#capabilities-table');
		assert.equal((await row(page, CAPABILITY)).agreed, '1 → 3');
		const cap = await apiCall(api, 'GET', `${base}/plan/capabilities/${CAPABILITY}`);
		assert.deepEqual([cap.json.agreed.current, cap.json.agreed.target, cap.json.agreed.by], [1, 3, CHAIR.name]);
	});

	await test(`${name} the chair edits a measure, adds an advice and records the decision`, async () => {
		const page = chair.page;
		const before = (await apiCall(api, 'GET', `${base}/plan/measures/${MEASURE}`)).json;
		await page.click(`#measures-${MEASURE}-edit`);
		await page.fill(`#measures-${MEASURE}-once`, '2500000');
		await page.click(`#measures-${MEASURE}-save`);
		await textIs(page, '#plan-status', L.saved);
		const after = (await apiCall(api, 'GET', `${base}/plan/measures/${MEASURE}`)).json;
		// only the one-off cost changed: effects, actions, requires kept
		assert.deepEqual(after, { ...before, cost: { once: 2500000, yearly: 300000 } });

		// a capability added, then deleted from its own page after confirming
		await page.click('#capabilities-add summary');
		await page.fill('#capabilities-new-title', 'Test capability');
		await page.selectOption('#capabilities-new-phase', 'aftercare');
		await page.check('#capabilities-new-form input[name="scenarios"][value="solar-storm"]');
		await page.click('#capabilities-new-save');
		await textIs(page, '#plan-status', L.addedCap);
		const made = (await apiCall(api, 'GET', `${base}/plan/capabilities`)).json
			.find(c => c.title === 'Test capability');
		assert.deepEqual([made.phase, made.scenarios], ['aftercare', ['solar-storm']]);
		assert.equal((await row(page, made.id)).phase, L.aftercare);
		await page.click(`tr[data-capability="${made.id}"] a`);
		await page.waitForSelector(`#capabilities-${made.id}-delete`);
		await ready(page);
		await page.click(`#capabilities-${made.id}-delete`);
		await page.click('#confirm-ok');
		await page.waitForSelector('#capabilities-table');
		await ready(page);
		assert.equal(await row(page, made.id), null);
		assert.equal((await apiCall(api, 'GET', `${base}/plan/capabilities/${made.id}`)).status, 404);

		await page.click('#advice-add summary');
		await page.fill('#advice-new-title', 'Test advice on solar storms');
		await page.check('#advice-new-form input[name="owners"][value="ienm"]');
		await page.check(`#advice-new-form input[name="measures"][value="${MEASURE}"]`);
		await page.click('#advice-new-save');
		await textIs(page, '#plan-status', L.added);
		const added = (await apiCall(api, 'GET', `${base}/plan/advice`)).json
			.find(a => a.title === 'Test advice on solar storms');
		assert.deepEqual([added.owners, added.measures], [['ienm'], [MEASURE]]);
		const prefix = `#decision-${added.id}`;
		await page.selectOption(`${prefix}-status`, 'rejected');
		await page.fill(`${prefix}-date`, '2012-09-01');
		await page.click(`${prefix}-save`);
		await textIs(page, `${prefix}-saved`, L.decision);
		const decided = (await apiCall(api, 'GET', `${base}/plan/advice/${added.id}`)).json;
		assert.deepEqual(decided.decision, { status: 'rejected', date: '2012-09-01' });

		// deleting asks first; cancelling keeps it
		await page.click(`#advice-${added.id}-delete`);
		await page.waitForSelector('#confirm-dialog[open]');
		assert.equal(await page.textContent('#confirm-title'), L.deleteAsk);
		assert.equal(await page.evaluate(() => document.activeElement.id), 'confirm-cancel');
		await page.keyboard.press('Escape');
		await page.waitForSelector('#confirm-dialog', { state: 'detached' });
		assert.equal((await apiCall(api, 'GET', `${base}/plan/advice/${added.id}`)).status, 200);
		await page.click(`#advice-${added.id}-delete`);
		await page.click('#confirm-ok');
		await textIs(page, '#plan-status', L.deleted);
		assert.equal((await apiCall(api, 'GET', `${base}/plan/advice/${added.id}`)).status, 404);
	});

	await test(`${name} the plan file downloaded imports again to the same plan`, async () => {
		const page = chair.page;
		const [download] = await Promise.all([page.waitForEvent('download'), page.click('#plan-export')]);
		const file = await readFile(await download.path(), 'utf8');
		assert.match(file, /^# CONFIDENTIAL - status: consolidation - /);
		assert.match(file, /solar-alarm/);
		const plan = (await apiCall(api, 'GET', `${base}/plan`)).json;
		const again = await apiCall(api, 'POST', `${base}/plan`, file, 'application/yaml');
		assert.equal(again.status, 200, again.text);
		// field by field (docs/server.md); a number written through the API
		// (2500000) comes back from the loader as 2500000.0, the same value
		assert.deepEqual((await apiCall(api, 'GET', `${base}/plan`)).json, plan);
		const exported = (await apiCall(api, 'GET', `${base}/plan.yaml`)).text;
		assert.equal(exported.replace(/\.0\b/g, ''), file.replace(/\.0\b/g, ''));
	});

	await test(`${name} a reader sees no capability or measure above their clearance`, async () => {
		// a restricted chair who does not chair the edition reads it
		let page = cleo.page;
		await go(page, `/editions/${E}/plan`, '#capabilities-table');
		await checkA11y(page, 'the plan (restricted reader)');
		const ids = await capabilityIds(page);
		assert.equal(ids.length, CAPABILITIES, 'every capability but the confidential one');
		assert.ok(ids.includes(RESTRICTED));
		assert.ok(!ids.includes(secret.capability));
		assert.equal(await page.$(`#measures-${secret.measure}`), null);
		assert.ok(!(await page.textContent('main')).includes('Secret'));
		assert.equal(await page.$('#plan-import-form'), null, 'no import for a reader');
		const file = await apiCall(await apiLogin(CHAIR2), 'GET', `${base}/plan.yaml`);
		assert.match(file.text, /^# RESTRICTED - /);
		assert.ok(!file.text.includes('Secret'));
		await go(page, `/editions/${E}/plan/capabilities/${secret.capability}`, 'main h1');
		assert.equal((await page.textContent('main h1')).trim(), L.notFound);
		// the public analyst sees neither the confidential nor the restricted ones
		page = ann.page;
		await go(page, `/editions/${E}/plan`, '#capabilities-table');
		const seen = await capabilityIds(page);
		assert.equal(seen.length, PUBLIC_CAPABILITIES);
		assert.ok(!seen.includes(RESTRICTED) && !seen.includes(secret.capability));
		assert.equal(await page.$('#measures-detection-network'), null);
	});
}
