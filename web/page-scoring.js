// page-scoring.js - the chair's overview of who has scored what: per
// scenario, each assigned analyst (and any other who scored it) with how
// many of the criteria they have scored, so that the chair sees at a
// glance whom to remind before consolidation.

import * as api from './api.js';
import { h, replace, scrollBox } from './dom.js';
import { t } from './i18n.js';
import { refuseUnmanaged } from './edition-manage.js';

function analystItem(name, entry, total) {
	const complete = entry.scored >= total;
	return h('li', {
		'data-analyst': name, 'data-scored': String(entry.scored),
		class: complete ? 'complete' : entry.scored ? 'partial' : 'missing'
	},
	h('span', { class: 'who-name' }, name), ': ',
	t('progress.of', { n: entry.scored, total }),
	complete ? h('span', { class: 'badge done' }, ' ' + t('progress.complete')) : null,
	entry.assigned ? null : h('span', { class: 'note' }, ' (' + t('progress.notAssigned') + ')'));
}

function scenarioRow(id, s, total) {
	const names = Object.keys(s.analysts);
	return h('tr', { 'data-scenario': s.id },
		h('th', { scope: 'row' }, h('a', { href: '#/editions/' + id + '/scenarios/' + s.id }, s.title)),
		h('td', null, t('class.' + s.classification)),
		h('td', null, names.length
			? h('ul', { class: 'progress-list' }, names.map(n => analystItem(n, s.analysts[n], total)))
			: h('span', { class: 'empty' }, t('progress.none'))));
}

export async function renderScoring(ctx) {
	const id = ctx.params.edition;
	const base = '/api/assessments/' + id;
	const edition = await api.get(base);
	if (refuseUnmanaged(ctx, edition, t('progress.title')))
		return;
	const overview = await api.get(base + '/scoring');
	if (!ctx.alive())
		return;
	const total = overview.criteria.length;
	let pairs = 0;
	let done = 0;
	for (const s of overview.scenarios)
		for (const name of s.assigned) {
			pairs += 1;
			done += s.analysts[name].scored >= total ? 1 : 0;
		}
	replace(ctx.main,
		h('h1', null, t('progress.title')),
		h('p', { class: 'meta' }, h('a', { href: '#/editions/' + id }, t('scenario.back') + ': ' + edition.title)),
		h('p', null, t('progress.intro', { n: total })),
		h('p', { id: 'progress-summary' }, t('progress.summary', { done, total: pairs })),
		h('p', null, h('a', { href: '#/editions/' + id + '/spread', id: 'progress-spread-link' },
			t('edition.spread'))),
		scrollBox(h('table', { id: 'progress-table', class: 'data' },
			h('caption', null, t('progress.caption')),
			h('thead', null, h('tr', null,
				['col.scenario', 'col.classification', 'col.progress'].map(k => h('th', { scope: 'col' }, t(k))))),
			h('tbody', null, overview.scenarios.map(s => scenarioRow(id, s, total)))), t('progress.caption')));
}
