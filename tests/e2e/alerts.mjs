// alerts.mjs - the alerts page: the edition's chair issues an Exercise
// alert about a scenario and then a Test update of it from the form, and
// the page lists the chain with its history; a viewer sees the (public)
// chain and no form; the anonymous Atom feed carries both messages; the
// viewer makes a feed link of their own, which reads the feed without a
// session, and a second link ends the first.

import assert from 'node:assert/strict';
import {
	BASE, CHAIR, DESKTOP, apiCall, apiLogin, checkA11y, go, h1, ready, test
} from './lib.mjs';

// What the interface says, written by hand in both languages.
const TEXT = {
	en: { title: 'Alerts', made: 'A new feed link was made; the previous one no longer works.', issued: /^Issued (Alert|Update) natrisk-[0-9a-f]{12}-\d{8}T\d{6}Z \((Exercise|Test)\)\.$/ },
	nl: { title: 'Alerts', made: 'Er is een nieuwe feedlink gemaakt; de vorige werkt niet meer.', issued: /^(Alert|Update) natrisk-[0-9a-f]{12}-\d{8}T\d{6}Z uitgegeven \((Exercise|Test)\)\.$/ }
};

async function prepare(page, lang) {
	await page.setViewportSize({ width: DESKTOP.width, height: DESKTOP.height });
	await go(page, '/', 'main h1');
	if (await page.inputValue('#lang-select') !== lang) {
		await page.selectOption('#lang-select', lang);
		await ready(page);
	}
}

// Fills and submits the form; returns the status line.
async function issue(page, fields) {
	for (const [selector, value] of Object.entries(fields)) {
		if (await page.$eval(selector, el => el.tagName) === 'SELECT')
			await page.selectOption(selector, value);
		else
			await page.fill(selector, value);
	}
	await page.evaluate(() => { document.getElementById('alert-form-status').textContent = ''; });
	await page.click('#alert-submit');
	await page.waitForFunction(() => document.getElementById('alert-form-status')?.textContent.trim());
	return (await page.textContent('#alert-form-status')).trim();
}

export async function alerts({ chair, viewer }, lang) {
	const session = await apiLogin(CHAIR);
	const editions = (await apiCall(session, 'GET', '/api/assessments')).json;
	const edition = editions.find(e => e.title.includes('2012'));
	const headline = `Storm drill ${lang} ${Date.now()}`;
	let chainId = null;
	await test(`alerts (${lang}): the chair issues an Exercise alert and a Test update`, async () => {
		const page = chair.page;
		await prepare(page, lang);
		await go(page, '/alerts', '#alert-form');
		assert.equal(await h1(page), TEXT[lang].title);
		await checkA11y(page, 'alerts');
		const said = await issue(page, {
			'#alert-edition': String(edition.id), '#alert-type': 'Alert', '#alert-status': 'Exercise',
			'#alert-scenarios': 'solar-storm', '#alert-event': 'Geomagnetic storm drill',
			'#alert-severity': 'Minor', '#alert-headline-en': headline,
			'#alert-headline-nl': 'Oefening ' + headline
		});
		assert.match(said, TEXT[lang].issued);
		chainId = said.match(/natrisk-[0-9a-f]{12}-\d{8}T\d{6}Z/)[0];
		// the list is drawn again with the new chain
		const chain = `section[data-chain="${chainId}"]`;
		await page.waitForSelector(chain);
		assert.equal(await page.$$eval(chain + ' tbody tr', rows => rows.length), 1);
		const options = await page.$$eval('#alert-references option', os => os.map(o => o.textContent));
		const ref = options.findIndex(o => o.startsWith(headline));
		assert.ok(ref >= 0, 'the new alert can be updated: ' + options.join(' | '));
		const value = await page.$$eval('#alert-references option', (os, k) => os[k].value, ref);
		const again = await issue(page, {
			'#alert-edition': String(edition.id), '#alert-type': 'Update', '#alert-status': 'Test',
			'#alert-references': value, '#alert-event': 'Geomagnetic storm drill',
			'#alert-severity': 'Moderate', '#alert-headline-en': headline + ' (update)'
		});
		assert.match(again, TEXT[lang].issued);
		await page.waitForFunction(s => document.querySelectorAll(s + ' tbody tr').length === 2, chain);
		const cells = await page.$$eval(chain + ' tbody tr', rows => rows.map(r =>
			[...r.querySelectorAll('td')].slice(1, 3).map(c => c.textContent)));
		assert.deepEqual(cells, [['Alert', 'Exercise'], ['Update', 'Test']]);
	});
	await test(`alerts (${lang}): a viewer reads the chain, without the form; the Atom feed has it`, async () => {
		const page = viewer.page;
		await prepare(page, lang);
		await go(page, '/alerts', '#alerts-list');
		await page.waitForSelector(`section[data-chain="${chainId}"]`);
		assert.equal(await page.$('#alert-form'), null, 'no form for a viewer');
		const atom = await (await fetch(BASE + '/alerts.atom')).text();
		assert.ok(atom.includes(chainId), 'the anonymous Atom feed lists the public alert');
		assert.ok(atom.includes(headline + ' (update)'), 'and its update');
	});
	await test(`alerts (${lang}): a viewer makes a feed link of their own; a new one ends it`, async () => {
		const page = viewer.page;
		const make = async () => {
			await page.evaluate(() => { document.getElementById('feed-link-status').textContent = ''; });
			await page.click('#feed-link-make');
			await page.waitForFunction(() => document.getElementById('feed-link-status')?.textContent.trim());
			assert.equal((await page.textContent('#feed-link-status')).trim(), TEXT[lang].made);
			return page.inputValue('#feed-link');
		};
		const first = await make();
		assert.match(first, /\/alerts\.atom\?token=[A-Za-z0-9_-]{43}$/);
		assert.ok(first.startsWith(BASE), 'an absolute link: ' + first);
		const feed = await fetch(first); // no cookie: the token alone
		assert.equal(feed.status, 200);
		assert.ok((await feed.text()).includes(chainId), 'the link reads the feed');
		const second = await make();
		assert.notEqual(second, first);
		assert.equal((await fetch(first)).status, 401, 'the first link has ended');
		assert.equal((await fetch(second)).status, 200, 'the second works');
		await checkA11y(page, 'alerts with a feed link');
	});
}
