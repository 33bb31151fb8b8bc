// page-spread.js - the chair's view of where the analysts disagree: per
// scenario and criterion every analyst's expected value, flagged when the
// lowest and the highest lie two classes or more apart.

import * as api from './api.js';
import { h, replace } from './dom.js';
import { t } from './i18n.js';
import { criterionName } from './score.js';

export async function renderSpread(ctx) {
	const id = ctx.params.edition;
	const base = '/api/assessments/' + id;
	const edition = await api.get(base);
	const [method, spread] = await Promise.all([
		api.get('/api/methods/' + api.enc(edition.method)),
		api.get(base + '/spread')
	]);
	if (!ctx.alive())
		return;
	const titles = new Map(edition.scenarios.map(s => [s.id, s.title]));
	// the edition's order of scenarios; the likelihood first, then the
	// method's order of criteria
	const scenarioOrder = new Map(edition.scenarios.map((s, k) => [s.id, k]));
	const criterionOrder = new Map(['likelihood', ...method.criteria.map(c => c.id)].map((c, k) => [c, k]));
	const position = (map, key) => map.has(key) ? map.get(key) : map.size;
	spread.sort((a, b) =>
		position(scenarioOrder, a.scenario) - position(scenarioOrder, b.scenario) ||
		position(criterionOrder, a.criterion) - position(criterionOrder, b.criterion));
	const flaggedCount = spread.filter(r => r.flagged).length;
	const only = h('input', { id: 'spread-only-flagged', type: 'checkbox', name: 'only-flagged' });
	const rows = spread.map(r => h('tr', {
		'data-scenario': r.scenario, 'data-criterion': r.criterion,
		'data-flagged': r.flagged ? 'true' : 'false', class: r.flagged ? 'flagged' : null
	},
	h('th', { scope: 'row' },
		h('a', { href: '#/editions/' + id + '/scenarios/' + r.scenario }, titles.get(r.scenario) || r.scenario)),
	h('td', null, criterionName(method, r.criterion)),
	h('td', null, Object.entries(r.analysts).map(([name, v]) => name + ': ' + v.ev).join(', ')),
	h('td', { class: 'num' }, r.low),
	h('td', { class: 'num' }, r.high),
	h('td', { class: 'flag-cell' }, r.flagged
		? h('span', { class: 'badge flag' }, '⚑ ' + t('spread.flagged'))
		: t('spread.ok'))));
	only.addEventListener('change', () => {
		for (const row of rows)
			row.hidden = only.checked && row.dataset.flagged !== 'true';
	});
	replace(ctx.main,
		h('h1', null, t('spread.title')),
		h('p', { class: 'meta' }, h('a', { href: '#/editions/' + id }, t('scenario.back') + ': ' + edition.title)),
		h('p', null, t('spread.intro')),
		spread.length ? [
			h('p', { id: 'spread-count' }, t('spread.count', { n: flaggedCount, total: spread.length })),
			h('div', { class: 'field checkbox' }, only,
				h('label', { for: 'spread-only-flagged' }, t('spread.onlyFlagged'))),
			h('table', { id: 'spread-table', class: 'data' },
				h('caption', null, t('spread.caption')),
				h('thead', null, h('tr', null,
					['col.scenario', 'col.criterion', 'col.analysts', 'col.low', 'col.high', 'col.flag']
						.map(k => h('th', { scope: 'col' }, t(k))))),
				h('tbody', null, rows))
		] : h('p', { id: 'spread-empty' }, t('spread.none')));
}
