// page-signals.js - horizon scanning (#/signals). A reporter's landing
// page: the form to submit a signal and the reporter's own signals with
// their status, each editable until it is triaged. For analysts, chairs
// and admins the triage page: the signals within their clearance, by
// status, each with its history and a form to dismiss, watch or propose
// a new or changed scenario; under a proposal of a new scenario, a
// chair's form that makes it one (POST /api/signals/ID/adopt: its kind,
// a first likelihood and its theme; the analysts score its impact), and
// once made, a link to it. Viewers and owners have no signals (the
// server answers 403); the page is not theirs.

import * as api from './api.js';
import { h, replace, announce, onSubmit, labelledSelect } from './dom.js';
import { t, dateTime } from './i18n.js';
import { signalForm } from './signal-form.js';

const STATUSES = ['new', 'watching', 'proposed', 'dismissed'];
const DECISIONS = ['watch', 'dismiss', 'propose'];

function links(signal) {
	const names = signal.scenarios.concat(signal.themes);
	if (!signal.edition || !names.length)
		return null;
	return h('p', { class: 'signal-links' }, t('signals.links', { edition: signal.edition, links: names.join(', ') }));
}

function historyEntry(entry) {
	const p = entry.proposal;
	return h('li', null,
		t('signals.historyEntry', { decision: t('decided.' + entry.decision), by: entry.by, at: dateTime(entry.at) }),
		p ? h('div', null, p.scenario ? t('signals.proposalChange', { scenario: p.scenario, title: p.title })
			: t('signals.proposalNew', { title: p.title })) : null,
		p && p.description ? h('div', { class: 'note' }, p.description) : null,
		entry.note ? h('div', { class: 'note' }, entry.note) : null);
}

const CLEARANCES = ['public', 'restricted', 'confidential'];

// The form that records a decision on SIGNAL, classified at most at the
// reader's CLEARANCE; ON_DONE(signal, message) after.
function triageForm(signal, clearance, onDone) {
	const key = signal.id;
	const level = labelledSelect(t('signals.noteClassification'),
		CLEARANCES.slice(0, CLEARANCES.indexOf(clearance) + 1).map(c => ({ value: c, label: t('class.' + c) })),
		'public', { id: 'tclass-' + key });
	const decision = labelledSelect(t('signals.decision'),
		DECISIONS.map(d => ({ value: d, label: t('decision.' + d) })), 'watch', { id: 'decision-' + key });
	const note = h('textarea', { id: 'note-' + key, rows: 2, maxlength: 5000 });
	const title = h('input', { id: 'ptitle-' + key, type: 'text', maxlength: 200 });
	const text = h('textarea', { id: 'ptext-' + key, rows: 3 });
	const scenario = labelledSelect(t('signals.proposalScenario'),
		[{ value: '', label: t('signals.proposalNewOption') }].concat(
			signal.scenarios.map(s => ({ value: s, label: s }))), '', { id: 'pscenario-' + key });
	const proposal = h('div', { class: 'proposal', hidden: true },
		h('div', { class: 'field wide' }, h('label', { for: 'ptitle-' + key }, t('signals.proposalTitle')), title),
		h('div', { class: 'field wide' }, h('label', { for: 'ptext-' + key }, t('signals.proposalText')), text),
		signal.scenarios.length ? scenario.field : null);
	decision.select.addEventListener('change', () => {
		proposal.hidden = decision.select.value !== 'propose';
	});
	const status = h('p', { class: 'form-status', id: 'triage-status-' + key });
	const form = h('form', { class: 'triage-form', id: 'triage-' + key, novalidate: true },
		decision.field,
		h('div', { class: 'field wide' }, h('label', { for: 'note-' + key }, t('signals.note')), note),
		level.field,
		proposal,
		h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'triage-submit-' + key }, t('signals.triage'))),
		status);
	onSubmit(form, status, async () => {
		const body = { decision: decision.select.value, note: note.value || null,
			classification: level.select.value };
		if (body.decision === 'propose')
			body.proposal = { title: title.value, description: text.value || null,
				scenario: scenario.select.value || null };
		const saved = await api.post('/api/signals/' + api.enc(key) + '/triage', body);
		const message = t('signals.triaged', { decision: t('decision.' + body.decision) });
		onDone(saved, message);
		return message;
	});
	return form;
}

// The newest decision, when it proposes a new scenario.
function newScenarioProposal(signal) {
	const last = signal.triage && signal.triage[signal.triage.length - 1];
	return last && last.decision === 'propose' && last.proposal && !last.proposal.scenario
		? last.proposal : null;
}

// Where the signal's proposal went, for those who triage.
function adoptedNote(signal) {
	const a = signal.adopted;
	return a ? h('p', { class: 'signal-adopted', id: 'adopted-' + signal.id },
		t('signals.adopted', { edition: a.edition }), ' ',
		h('a', { href: '#/editions/' + a.edition + '/scenarios/' + encodeURIComponent(a.scenario) },
			a.scenario)) : null;
}

// A chair's form that makes the proposal of SIGNAL a scenario of the
// edition it names; ON_DONE(signal, message) after. The server decides
// whether the chair chairs that edition.
function adoptForm(signal, onDone) {
	const key = signal.id;
	const kind = labelledSelect(t('signals.adoptKind'),
		['threat', 'hazard'].map(k => ({ value: k, label: t('kind.' + k) })), 'threat', { id: 'akind-' + key });
	const likelihood = labelledSelect(t('signals.adoptLikelihood'),
		['A', 'B', 'C', 'D', 'E'].map(c => ({ value: c, label: c })), 'C', { id: 'alikelihood-' + key });
	const theme = h('input', { id: 'atheme-' + key, type: 'text', maxlength: 64, autocomplete: 'off' });
	const status = h('p', { class: 'form-status', id: 'adopt-status-' + key, role: 'status' });
	const form = h('form', { class: 'adopt-form', id: 'adopt-' + key, novalidate: true },
		h('h4', null, t('signals.adoptHeading')),
		h('p', { class: 'note' }, t('signals.adoptIntro')),
		kind.field, likelihood.field,
		h('div', { class: 'field' }, h('label', { for: 'atheme-' + key }, t('signals.adoptTheme')), theme),
		h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'adopt-submit-' + key },
			t('signals.adoptSubmit'))),
		status);
	onSubmit(form, status, async () => {
		const body = { kind: kind.select.value, likelihood: likelihood.select.value, impact: {}, new: true };
		if (theme.value.trim())
			body.theme = theme.value.trim();
		const saved = await api.post('/api/signals/' + api.enc(key) + '/adopt', body);
		const message = t('signals.adoptDone', { scenario: saved.adopted.scenario });
		onDone(saved, message);
		return message;
	});
	return form;
}

// One signal as a card; ACTIONS are the reader's (edit, triage).
function card(signal, actions) {
	return h('article', { class: 'plan-item signal-card', 'data-signal': signal.id, 'data-status': signal.status },
		h('h3', null, signal.source, ' ',
			h('span', { class: ['badge', 'signal-' + signal.status] }, t('signal.' + signal.status)), ' ',
			h('span', { class: 'badge' }, t('class.' + signal.classification))),
		h('p', { class: 'signal-text' }, signal.text),
		h('p', { class: 'note' }, t('signals.observedOn', {
			date: signal.observed, confidence: t('confidence.' + signal.confidence), source: signal.source
		})),
		links(signal),
		h('p', { class: 'note' }, t('signals.by', { author: signal.author, date: dateTime(signal.submitted) })),
		signal.triage && signal.triage.length ? h('div', null, h('h4', null, t('signals.history')),
			h('ol', { class: 'signal-history' }, signal.triage.map(historyEntry))) : null,
		adoptedNote(signal),
		actions);
}

async function renderReporter(ctx) {
	let signals = await api.get('/api/signals');
	const list = h('div', { id: 'signals-list', class: 'plan-items' });
	const form = await signalForm(ctx, (saved, edited) => {
		signals = edited ? signals.map(s => (s.id === saved.id ? saved : s)) : [saved].concat(signals);
		draw();
	});
	function draw() {
		replace(list, signals.length ? signals.map(s => card(s, s.status === 'new'
			? h('div', { class: 'actions' }, h('button', {
				type: 'button', class: 'secondary small', id: 'edit-' + s.id,
				onclick: () => form.edit(s)
			}, t('signals.edit'))) : null)) : h('p', { id: 'no-signals' }, t('signals.none')));
	}
	draw();
	ctx.guard(form.dirty);
	replace(ctx.main,
		h('h1', null, t('signals.title')),
		h('p', { class: 'description' }, t('signals.introReporter')),
		form.section,
		h('section', { 'aria-labelledby': 'signals-heading' },
			h('h2', { id: 'signals-heading' }, t('signals.mine')), list));
}

async function renderTriage(ctx) {
	let signals = await api.get('/api/signals');
	const list = h('div', { id: 'signals-list', class: 'plan-items' });
	const filter = labelledSelect(t('signals.filter'),
		[{ value: '', label: t('signals.filterAll') }].concat(
			STATUSES.map(s => ({ value: s, label: t('signal.' + s) }))), 'new', { id: 'signals-filter' });
	function draw() {
		const shown = signals.filter(s => !filter.select.value || s.status === filter.select.value);
		const done = (saved, message) => {
			signals = signals.map(x => (x.id === saved.id ? saved : x));
			draw();
			announce(message);
		};
		const actions = s => [
			ctx.isChair() && newScenarioProposal(s) && !s.adopted ? adoptForm(s, done) : null,
			triageForm(s, ctx.session.clearance, done)];
		replace(list, shown.length ? shown.map(s => card(s, actions(s)))
			: h('p', { id: 'no-signals' }, t(signals.length ? 'signals.noneShown' : 'signals.none')));
	}
	filter.select.addEventListener('change', draw);
	draw();
	replace(ctx.main,
		h('h1', null, t('signals.title')),
		h('p', { class: 'description' }, t('signals.introTriage')),
		h('section', { 'aria-labelledby': 'signals-heading' },
			h('h2', { id: 'signals-heading' }, t('signals.all')), filter.field, list));
}

export async function renderSignals(ctx) {
	const role = ctx.session.role;
	if (role === 'reporter')
		return renderReporter(ctx);
	if (role === 'analyst' || ctx.isChair())
		return renderTriage(ctx);
	return ctx.notFound();
}
