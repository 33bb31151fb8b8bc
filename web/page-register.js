// page-register.js - an edition's register of progress on adopted
// measures (docs/server.md, "The register"): per adopted advice, measure
// and action its status on a day, since when and whether it is overdue,
// filtered by owner and status, with the counts per owner; the edition's
// chairs and admins download the progress letter (HTML or ODT, English
// or Dutch). An owner sees the same page with their own organisations'
// actions, as the server sends them.

import * as api from './api.js';
import { h, replace, announce, scrollBox, labelledSelect } from './dom.js';
import { t } from './i18n.js';
import { managesEdition } from './edition-manage.js';
import { titleOf } from './plan-common.js';

export const ACTION_STATUSES = ['planned', 'on-track', 'late', 'done', 'dropped'];

export function statusName(status) {
	return t('astatus.' + status);
}

// The register's rows: one per action of each adopted advice.
export function registerRows(register) {
	const rows = [];
	for (const advice of register.advice || [])
		for (const measure of advice.measures || [])
			for (const action of measure.actions || [])
				rows.push({ advice: advice.id, measure: measure.id, action });
	return rows;
}

// The action's own text ("what") in PLAN's measures, or its id.
export function actionWhat(plan, measureId, actionId) {
	const measure = (plan.measures || []).find(m => m.id === measureId);
	const action = measure && (measure.actions || []).find(a => a.id === actionId);
	return action ? action.what : actionId;
}

function row(plan, r) {
	const a = r.action;
	return h('tr', {
		'data-action': r.measure + '/' + a.id, 'data-status': a.status,
		'data-overdue': a.overdue ? 'true' : 'false', class: a.overdue ? 'flagged' : null
	},
	h('td', null, titleOf(plan.advice || [], r.advice)),
	h('td', null, titleOf(plan.measures || [], r.measure)),
	h('th', { scope: 'row' }, actionWhat(plan, r.measure, a.id)),
	h('td', null, a.deadline),
	h('td', null, statusName(a.status)),
	h('td', null, a.since || '–'),
	h('td', null, a.overdue ? h('span', { class: 'badge flag' }, t('reg.overdue')) : '–'));
}

function registerTable(plan, register) {
	const rows = registerRows(register);
	if (!rows.length)
		return h('p', { class: 'empty', id: 'register-none' }, t('reg.none'));
	return scrollBox(h('table', { id: 'register-table', class: 'data' },
		h('caption', null, t('reg.caption')),
		h('thead', null, h('tr', null,
			['col.advice', 'col.measure', 'col.what', 'col.deadline', 'col.status', 'col.since',
			 'col.overdue'].map(k => h('th', { scope: 'col' }, t(k))))),
		h('tbody', null, rows.map(r => row(plan, r)))), t('reg.caption'));
}

function ownersTable(plan, register) {
	const owners = Object.entries(register.owners || {});
	if (!owners.length)
		return null;
	return scrollBox(h('table', { id: 'owners-table', class: 'data' },
		h('caption', null, t('reg.ownersCaption')),
		h('thead', null, h('tr', null,
			['col.owner', 'col.actions', 'col.done', 'col.overdue'].map(k => h('th', { scope: 'col' }, t(k))))),
		h('tbody', null, owners.map(([id, n]) => h('tr', { 'data-owner': id },
			h('th', { scope: 'row' }, titleOf(plan.organisations || [], id)),
			h('td', { class: 'num' }, String(n.actions)),
			h('td', { class: 'num' }, String(n.done)),
			h('td', { class: 'num' }, String(n.overdue)))))), t('reg.ownersCaption'));
}

// The four letters: HTML and ODT, English and Dutch, on the day chosen.
function letterLinks(base, on) {
	const links = [['html', 'en', 'reg.letterHtmlEn'], ['html', 'nl', 'reg.letterHtmlNl'],
		['odt', 'en', 'reg.letterOdtEn'], ['odt', 'nl', 'reg.letterOdtNl']];
	return h('section', { 'aria-labelledby': 'letter-heading' },
		h('h2', { id: 'letter-heading' }, t('reg.letter')),
		h('ul', { class: 'actions-list', id: 'letter-links' }, links.map(([format, lng, key]) =>
			h('li', null, h('a', {
				id: 'letter-' + format + '-' + lng,
				href: base + '/register/letter.' + format + api.q({ on, lang: lng }),
				download: 'progress-letter-' + (on || 'today') + '-' + lng + '.' + format
			}, t(key))))));
}

export async function renderRegister(ctx) {
	const id = ctx.params.edition;
	const base = '/api/assessments/' + id;
	const [edition, plan] = await Promise.all([api.get(base), api.get(base + '/plan')]);
	if (!ctx.alive())
		return;
	const chair = managesEdition(ctx.session, edition);
	const filters = { owner: '', status: '', on: '' };
	const owner = labelledSelect(t('reg.owner'),
		[{ value: '', label: t('reg.ownerAll') }].concat((plan.organisations || []).map(o =>
			({ value: o.id, label: o.title }))), '', { id: 'filter-owner', name: 'owner' });
	const status = labelledSelect(t('reg.status'),
		[{ value: '', label: t('reg.statusAll') }].concat(ACTION_STATUSES.map(s =>
			({ value: s, label: statusName(s) }))).concat([{ value: 'overdue', label: t('reg.overdue') }]),
		'', { id: 'filter-status', name: 'status' });
	const onInput = h('input', { type: 'date', id: 'filter-on', name: 'on' });
	const result = h('div', { id: 'register-result' });
	const letters = h('div', { id: 'letters' });
	const form = h('form', { id: 'register-filters', class: 'filters', 'aria-label': t('reg.filters') },
		owner.field, status.field,
		h('div', { class: 'field' }, h('label', { for: 'filter-on' }, t('reg.on')), onInput),
		h('button', { type: 'submit' }, t('reg.apply')));

	async function load() {
		const register = await api.get(base + '/register' + api.q(filters));
		if (!ctx.alive())
			return;
		replace(result, registerTable(plan, register),
			h('h2', null, t('reg.owners')), ownersTable(plan, register));
		if (chair)
			replace(letters, letterLinks(base, filters.on));
		return registerRows(register).length;
	}
	form.addEventListener('submit', async e => {
		e.preventDefault();
		filters.owner = owner.select.value;
		filters.status = status.select.value;
		filters.on = onInput.value;
		const n = await load();
		announce(t('reg.shown', { n }));
	});

	replace(ctx.main,
		h('h1', null, t('reg.title', { title: edition.title })),
		h('p', { class: 'intro' }, t('reg.intro')),
		h('p', null, h('a', { href: '#/editions/' + id }, edition.title)),
		form, letters, result);
	await load();
}
