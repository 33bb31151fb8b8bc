// portfolio.mjs - the chair's portfolio page (#/editions/ID/plan/
// portfolio), once per viewport and language: the chair makes an edition
// of tests/data/residual/base.yaml with the plan tests/data/portfolio/
// plan.yaml, opens the page from the plan, sets a budget of 5 with a
// sweep of 4 budgets and 20 robustness draws, and sees the optimum, the
// frontier chart with its table and the acceptabilities; a chair who
// does not chair the edition is refused. Every figure is worked out by
// hand in plan.yaml's comments: at a budget of 5 the best set is {d, f}
// (d costs 3 + 1 a year, f 1), reducing the total risk value 5184.47 by
// 2817.588 + 800 = 3617.588 to 1566.88; the measures cost 18 together,
// so the sweep's budgets are 0, 6, 12 and 18; b2 ties with b and h is b
// dearer, and i changes nothing, so no draw's best set holds them. Then
// the chair picks the weight profile "physical" (2.1-2.3 count three
// times, the rest once: a total weight of 16), under which by hand s1 is
// worth 10^2.5 * (81 + 27) / 16 = 2134.54, s2 10^3.5 * 9 / 16 = 1778.78
// and s3 4000 * 3 / 16 = 750, 4663.32 in all; the best set at 5 is then
// {b, d}: b (1) takes s1 to 10^2.5 * 54 / 16, a reduction of 1067.27,
// d (4) s2 to 10^1.5 * 9 / 16, 1760.99; 2828.26 in all, to 1835.06.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import {
	CHAIR, ROOT, apiCall, apiLogin, checkA11y, checkWidth, go, ready, test
} from './lib.mjs';

const TEXT = {
	en: {
		editions: 'Editions', done: 'The best set was computed.',
		summary: 'The best set holds 2 measures and costs 5 euro of the budget of 5 euro; ' +
			'it lowers the total risk value from 5,184.47 to 1,566.88 (a reduction of 3,617.59).',
		physical: 'The best set holds 2 measures and costs 5 euro of the budget of 5 euro; ' +
			'it lowers the total risk value from 4,663.32 to 1,835.06 (a reduction of 2,828.26).',
		yes: 'yes', no: 'no', zero: '0.0 %', budgets: ['0', '6', '12', '18']
	},
	nl: {
		editions: 'Edities', done: 'De beste set is berekend.',
		summary: 'De beste set bevat 2 maatregelen en kost 5 euro van het budget van 5 euro; ' +
			'hij verlaagt de totale risicowaarde van 5.184,47 naar 1.566,88 (een verlaging met 3.617,59).',
		physical: 'De beste set bevat 2 maatregelen en kost 5 euro van het budget van 5 euro; ' +
			'hij verlaagt de totale risicowaarde van 4.663,32 naar 1.835,06 (een verlaging met 2.828,26).',
		yes: 'ja', no: 'nee', zero: '0,0 %', budgets: ['0', '6', '12', '18']
	}
};

const MEASURES = ['a', 'b', 'b2', 'h', 'c', 'd', 'g', 'e', 'f', 'i'];

async function textIs(page, selector, want) {
	await page.waitForFunction(([sel, text]) => document.querySelector(sel)?.textContent.trim() === text,
		[selector, want]);
}

async function prepare(page, viewport, lang) {
	await page.setViewportSize({ width: viewport.width, height: viewport.height });
	await go(page, '/', 'main h1');
	if (await page.inputValue('#lang-select') !== lang) {
		await page.selectOption('#lang-select', lang);
		await textIs(page, 'main h1', TEXT[lang].editions);
		await ready(page);
	}
}

// The edition and its plan, through the API; the edition's id.
async function edition(api) {
	const made = await apiCall(api, 'POST', '/api/assessments',
		await readFile(ROOT + '/tests/data/residual/base.yaml', 'utf8'), 'application/yaml');
	assert.equal(made.status, 201, made.text);
	const plan = await apiCall(api, 'POST', `/api/assessments/${made.json.id}/plan`,
		await readFile(ROOT + '/tests/data/portfolio/plan.yaml', 'utf8'), 'application/yaml');
	assert.equal(plan.status, 200, plan.text);
	return made.json.id;
}

async function measureRows(page) {
	return page.$$eval('#portfolio-measures tbody tr', trs => trs.map(tr => ({
		id: tr.dataset.measure, selected: tr.dataset.selected,
		cells: [...tr.children].map(c => c.textContent.trim())
	})));
}

export async function portfolio(users, viewport, lang) {
	const { chair, cleo } = users;
	const L = TEXT[lang];
	const name = `[portfolio, ${viewport.name}, ${lang}]`;
	const api = await apiLogin(CHAIR);
	let E = null;

	await test(`${name} the chair computes the best set, the frontier and the acceptabilities`, async () => {
		E = await edition(api);
		const page = chair.page;
		await prepare(page, viewport, lang);
		await go(page, `/editions/${E}/plan`, '#plan-portfolio');
		await page.click('#plan-portfolio');
		await page.waitForSelector('#portfolio-form');
		await ready(page);
		await checkA11y(page, 'the portfolio page');
		await page.fill('#portfolio-budget', '5');
		await page.fill('#portfolio-sweep', '4');
		await page.fill('#portfolio-robust', '20');
		await page.click('#portfolio-submit');
		await textIs(page, '#portfolio-status', L.done);
		await page.waitForSelector('#portfolio-chart svg');
		assert.equal((await page.textContent('#portfolio-summary')).trim(), L.summary);
		const rows = await measureRows(page);
		assert.deepEqual(rows.map(r => r.id), MEASURES);
		assert.deepEqual(rows.filter(r => r.selected === 'true').map(r => r.id), ['d', 'f']);
		const cell = id => rows.find(r => r.id === id).cells;
		assert.deepEqual(cell('d').slice(1, 4), ['4', lang === 'nl' ? '2.817,59' : '2,817.59', L.yes]);
		assert.deepEqual(cell('f').slice(1, 4), ['1', '800', L.yes]);
		assert.equal(cell('a')[3], L.no);
		for (const id of ['b2', 'h', 'i'])
			assert.equal(cell(id)[4], L.zero, `no draw's best set holds ${id}`);
		for (const r of rows)
			assert.equal(r.cells.length, 5, 'an acceptability for every measure');
		const budgets = await page.$$eval('#portfolio-frontier tbody tr', trs =>
			trs.map(tr => tr.children[0].textContent.trim()));
		assert.deepEqual(budgets, L.budgets);
		// the last point, the best set at 18, by the enumeration of
		// tests/cli/portfolio_enum.py: a, c, d, g and e (cost 12: b adds
		// nothing beside a, e excludes f and reduces more)
		const last = await page.$eval('#portfolio-frontier tbody tr:last-child td:last-child',
			td => td.textContent.trim());
		assert.equal(last, 'a, c, d, g, e');
		await checkA11y(page, 'the portfolio page with its results');
		await checkWidth(page, 'the portfolio page with its results');
		// the same budget under the physical profile
		assert.equal(await page.inputValue('#portfolio-weights'), 'equal', 'the default first');
		await page.selectOption('#portfolio-weights', 'physical');
		await page.click('#portfolio-submit');
		await textIs(page, '#portfolio-summary', L.physical);
		const chosen = (await measureRows(page)).filter(r => r.selected === 'true').map(r => r.id);
		assert.deepEqual(chosen, ['b', 'd'], 'b and d under the physical profile');
	});

	await test(`${name} a chair who does not chair the edition is refused`, async () => {
		const page = cleo.page;
		await prepare(page, viewport, lang);
		await go(page, `/editions/${E}/plan/portfolio`, '#chair-note');
		assert.equal(await page.$('#portfolio-form'), null, 'no form');
	});
}
