// page-actions.js - an owner's own actions: in every published edition,
// the actions their organisations own (the server's register, filtered to
// them), each with its status, deadline and log, and a form to report a
// new status with a note. A report is added to the action's log; nothing
// earlier changes. The reminders (overdue, due within 30 days) head the
// page.

import * as api from './api.js';
import { h, replace, onSubmit, labelledSelect, id as newId } from './dom.js';
import { t } from './i18n.js';
import { ACTION_STATUSES, statusName, registerRows, actionWhat } from './page-register.js';

function logList(log) {
	return h('ol', { class: 'action-log' }, log.map(e => h('li', null,
		(e.by ? t('mine.by', { date: e.date, status: statusName(e.status), by: e.by })
			: t('mine.fromPlan', { date: e.date, status: statusName(e.status) })) +
		(e.note ? ' – ' + e.note : ''))));
}

function stateLine(action) {
	return h('p', { class: 'meta action-state' },
		t('mine.statusNow', { status: statusName(action.status) }),
		action.since ? ' ' + t('mine.sinceDate', { date: action.since }) : '',
		action.overdue ? h('span', { class: 'badge flag' }, ' ' + t('reg.overdue')) : null);
}

// One action: what it is, its state and log, and the status form.
function actionCard(base, plan, row) {
	const what = actionWhat(plan, row.measure, row.action.id);
	const path = base + '/register/' + api.enc(row.measure) + '/' + api.enc(row.action.id);
	const key = row.measure + '/' + row.action.id;
	const state = h('div', null, stateLine(row.action));
	const logBox = h('div', { class: 'log-box' });
	const select = labelledSelect(t('mine.newStatus'), ACTION_STATUSES.map(s =>
		({ value: s, label: statusName(s) })), row.action.status, { name: 'status' });
	const noteId = newId('note');
	const note = h('textarea', { id: noteId, name: 'note', rows: '3', maxlength: '2000' });
	const status = h('p', { class: 'form-status', role: 'status' });
	const form = h('form', { class: 'status-form' },
		h('fieldset', null, h('legend', null, t('mine.report')),
			select.field,
			h('div', { class: 'field' }, h('label', { for: noteId }, t('mine.note')), note),
			h('button', { type: 'submit' }, t('mine.submit'))),
		status);
	async function showLog() {
		const answer = await api.get(path);
		replace(logBox, h('h4', null, t('mine.log')), logList(answer.log));
		return answer;
	}
	onSubmit(form, status, async () => {
		const body = { status: select.select.value };
		if (note.value.trim())
			body.note = note.value.trim();
		const answer = await api.post(path, body);
		note.value = '';
		const last = answer.log[answer.log.length - 1];
		row.action.status = last.status;
		row.action.since = last.date;
		replace(state, stateLine(row.action));
		replace(logBox, h('h4', null, t('mine.log')), logList(answer.log));
		return t('mine.saved', { what, status: statusName(last.status) });
	});
	showLog().catch(() => null);
	return h('article', { class: 'action-card', 'data-action': key },
		h('h3', null, what),
		h('p', { class: 'meta' }, (plan.measures.find(m => m.id === row.measure) || {}).title || row.measure,
			' – ', t('mine.due', { due: row.action.due, deadline: row.action.deadline })),
		state, logBox, form);
}

async function editionSection(edition) {
	const base = '/api/assessments/' + edition.id;
	const [plan, register] = await Promise.all([api.get(base + '/plan'), api.get(base + '/register')]);
	const rows = registerRows(register);
	if (!rows.length)
		return null;
	// an action under two adopted advices is one action: one card
	const seen = new Set();
	const cards = rows.filter(r => {
		const key = r.measure + '/' + r.action.id;
		return !seen.has(key) && seen.add(key);
	}).map(r => actionCard(base, plan, r));
	return h('section', { class: 'edition-actions', 'data-edition': String(edition.id) },
		h('h2', null, t('mine.edition', { title: edition.title })), cards);
}

function remindersLine(reminders) {
	let overdue = 0, due = 0;
	for (const lists of Object.values(reminders.owners || {})) {
		overdue += lists.overdue.length;
		due += lists.due.length;
	}
	return h('p', { id: 'reminders', class: overdue ? 'warning' : 'meta' },
		t('mine.reminders', { overdue, due }));
}

export async function renderActions(ctx) {
	const [me, editions, reminders] = await Promise.all([
		api.get('/api/session'), api.get('/api/assessments'), api.get('/api/reminders')]);
	if (!ctx.alive())
		return;
	const orgs = me.organisations || [];
	if (!orgs.length) {
		replace(ctx.main, h('h1', null, t('mine.title')), h('p', { id: 'no-organisations' }, t('mine.noOrgs')));
		return;
	}
	const published = editions.filter(e => e.status === 'published');
	const sections = (await Promise.all(published.map(editionSection))).filter(Boolean);
	if (!ctx.alive())
		return;
	replace(ctx.main,
		h('h1', null, t('mine.title')),
		h('p', { class: 'intro' }, t('mine.intro', { orgs: orgs.join(', ') })),
		remindersLine(reminders),
		sections.length ? sections : h('p', { class: 'empty', id: 'actions-none' }, t('mine.none')));
}
