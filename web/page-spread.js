// page-spread.js - the chair's view of where the analysts disagree: per
// scenario and criterion every analyst's score (EV with its LL-UL range),
// the assigned analysts who have not scored it yet, the consolidated
// score beside them, flagged when the expected values lie two classes or
// more apart (the server's /spread), from the overview of /scoring.

import * as api from './api.js';
import { h, replace, scrollBox } from './dom.js';
import { t } from './i18n.js';
import { criterionName, scoreText } from './score.js';
import { refuseUnmanaged } from './edition-manage.js';

// The rows: every criterion someone scored and, for a scenario with
// analysts assigned, every criterion, so that what is missing shows.
function spreadRows(overview, spread) {
	const flags = new Map(spread.map(e => [e.scenario + '\n' + e.criterion, e]));
	const rows = [];
	for (const s of overview.scenarios)
		for (const criterion of overview.criteria) {
			const scored = Object.entries(s.analysts).filter(([, a]) => a.scores[criterion]);
			const missing = s.assigned.filter(name => !s.analysts[name].scores[criterion]);
			if (!scored.length && !s.assigned.length)
				continue;
			rows.push({ scenario: s, criterion, scored, missing,
				spread: flags.get(s.id + '\n' + criterion) || null });
		}
	return rows;
}

function row(id, method, r) {
	const criterion = method.criteria.find(c => c.id === r.criterion) || null;
	const flagged = !!(r.spread && r.spread.flagged);
	const consolidated = r.scenario.consolidated[r.criterion];
	return h('tr', {
		'data-scenario': r.scenario.id, 'data-criterion': r.criterion,
		'data-flagged': flagged ? 'true' : 'false', class: flagged ? 'flagged' : null
	},
	h('th', { scope: 'row' },
		h('a', { href: '#/editions/' + id + '/scenarios/' + r.scenario.id }, r.scenario.title)),
	h('td', null, criterionName(method, r.criterion)),
	h('td', { class: 'analyst-list' },
		r.scored.map(([name, a]) => h('span', { class: 'analyst', 'data-analyst': name },
			name + ': ' + scoreText(a.scores[r.criterion], criterion, method))),
		r.missing.map(name => h('span', { class: 'analyst missing', 'data-analyst': name, 'data-missing': 'true' },
			name + ': ' + t('spread.missing')))),
	h('td', { class: 'consolidated' }, consolidated ? scoreText(consolidated, criterion, method)
		: r.criterion === 'likelihood' ? '–' : t('form.na')),
	h('td', { class: 'num' }, r.spread ? r.spread.low : '–'),
	h('td', { class: 'num' }, r.spread ? r.spread.high : '–'),
	h('td', { class: 'flag-cell' }, flagged
		? h('span', { class: 'badge flag' }, '⚑ ' + t('spread.flagged'))
		: r.scored.length > 1 ? t('spread.ok') : '–'));
}

export async function renderSpread(ctx) {
	const id = ctx.params.edition;
	const base = '/api/assessments/' + id;
	const edition = await api.get(base);
	if (refuseUnmanaged(ctx, edition, t('spread.title')))
		return;
	const [method, spread, overview] = await Promise.all([
		api.get('/api/methods/' + api.enc(edition.method)),
		api.get(base + '/spread'),
		api.get(base + '/scoring')
	]);
	if (!ctx.alive())
		return;
	const found = spreadRows(overview, spread);
	const rows = found.map(r => row(id, method, r));
	const flaggedCount = found.filter(r => r.spread && r.spread.flagged).length;
	const missingCount = found.reduce((n, r) => n + r.missing.length, 0);
	const only = h('input', { id: 'spread-only-flagged', type: 'checkbox', name: 'only-flagged' });
	only.addEventListener('change', () => {
		for (const tr of rows)
			tr.hidden = only.checked && tr.dataset.flagged !== 'true';
	});
	replace(ctx.main,
		h('h1', null, t('spread.title')),
		h('p', { class: 'meta' }, h('a', { href: '#/editions/' + id }, t('scenario.back') + ': ' + edition.title)),
		h('p', null, t('spread.intro')),
		rows.length ? [
			h('p', { id: 'spread-count' }, t('spread.count', { n: flaggedCount, total: rows.length }) + ' ' +
				t('spread.missingCount', { n: missingCount })),
			h('div', { class: 'field checkbox' }, only,
				h('label', { for: 'spread-only-flagged' }, t('spread.onlyFlagged'))),
			scrollBox(h('table', { id: 'spread-table', class: 'data' },
				h('caption', null, t('spread.caption')),
				h('thead', null, h('tr', null,
					['col.scenario', 'col.criterion', 'col.analysts', 'col.consolidated', 'col.low', 'col.high',
					 'col.flag'].map(k => h('th', { scope: 'col' }, t(k))))),
				h('tbody', null, rows)), t('spread.caption'))
		] : h('p', { id: 'spread-empty' }, t('spread.none')));
}
