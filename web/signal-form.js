// signal-form.js - a reporter's form for a signal: what was observed, its
// source and day, the confidence, the classification (never above the
// reporter's clearance), and the scenarios and themes of a published
// edition it concerns. The same form edits a signal not yet triaged.
// The server checks everything; the form says what it answers.

import * as api from './api.js';
import { h, replace, id, onSubmit } from './dom.js';
import { t } from './i18n.js';

const CLEARANCES = ['public', 'restricted', 'confidential'];
const CONFIDENCES = ['low', 'medium', 'high'];

function field(fid, label, control) {
	return h('div', { class: 'field wide' }, h('label', { for: fid }, label), control);
}

function select(fid, options, selected) {
	return h('select', { id: fid, name: fid },
		options.map(o => h('option', { value: o.value, selected: o.value === selected }, o.label)));
}

function today() {
	return new Date().toISOString().slice(0, 10);
}

// Checkboxes of ITEMS ({id, title}) in a fieldset named LEGEND; CHOSEN
// are ticked.
function choices(fid, legend, items, chosen) {
	return h('fieldset', { class: 'choices', id: fid },
		h('legend', null, legend),
		items.map(item => {
			const cid = id(fid);
			return h('div', { class: 'check' },
				h('input', { type: 'checkbox', id: cid, value: item.id, checked: chosen.includes(item.id) }),
				h('label', { for: cid }, item.title ? `${item.title} (${item.id})` : item.id));
		}));
}

function ticked(box) {
	return [...box.querySelectorAll('input[type=checkbox]:checked')].map(c => c.value);
}

// The form; ON_SAVED(signal, edited) after each save. Returns the
// section, edit(signal) to load a signal into it, and dirty() for the
// page's guard.
export async function signalForm(ctx, onSaved) {
	const editions = await api.get('/api/assessments');
	const allowed = CLEARANCES.slice(0, CLEARANCES.indexOf(ctx.session.clearance) + 1);
	const text = h('textarea', { id: 'signal-text', name: 'text', rows: 5, required: true, maxlength: 10000 });
	const source = h('input', { id: 'signal-source', name: 'source', type: 'text', required: true, maxlength: 1000 });
	const observed = h('input', { id: 'signal-observed', name: 'observed', type: 'date', max: today(),
		value: today(), required: true });
	const confidence = select('signal-confidence',
		CONFIDENCES.map(c => ({ value: c, label: t('confidence.' + c) })), 'medium');
	const classification = select('signal-classification',
		allowed.map(c => ({ value: c, label: t('class.' + c) })), 'public');
	const edition = select('signal-edition', [{ value: '', label: t('signals.noEdition') }].concat(
		editions.map(e => ({ value: String(e.id), label: `${e.title} (${e.edition || e.id})` }))), '');
	const links = h('div', { id: 'signal-links' });
	const heading = h('h2', { id: 'signal-form-heading' }, t('signals.submitTitle'));
	const submit = h('button', { type: 'submit', id: 'signal-submit' }, t('signals.submit'));
	const cancel = h('button', { type: 'button', id: 'signal-cancel', class: 'secondary', hidden: true },
		t('signals.cancel'));
	const status = h('p', { id: 'signal-status', class: 'form-status', role: 'status' });
	const form = h('form', { id: 'signal-form', novalidate: true },
		field('signal-text', t('signals.text'), text),
		field('signal-source', t('signals.source'), source),
		h('div', { class: 'pickers' },
			field('signal-observed', t('signals.observed'), observed),
			field('signal-confidence', t('signals.confidence'), confidence),
			field('signal-classification', t('signals.classification'), classification)),
		field('signal-edition', t('signals.edition'), edition),
		links,
		h('div', { class: 'actions' }, submit, cancel),
		status);
	let editing = null;
	let dirty = false;
	form.addEventListener('input', () => { dirty = true; });

	async function showLinks(chosen = { scenarios: [], themes: [] }) {
		if (!edition.value) {
			replace(links, h('p', { class: 'note' }, t('signals.noLinks')));
			return;
		}
		const base = '/api/assessments/' + api.enc(edition.value);
		const [scenarios, info] = await Promise.all([api.get(base + '/scenarios'), api.get(base)]);
		replace(links,
			choices('signal-scenarios', t('signals.scenarios'), scenarios, chosen.scenarios),
			info.themes.length ? choices('signal-themes', t('signals.themes'), info.themes, chosen.themes) : null);
	}
	edition.addEventListener('change', () => showLinks());

	function reset() {
		editing = null;
		dirty = false;
		form.reset();
		observed.value = today();
		heading.textContent = t('signals.submitTitle');
		submit.textContent = t('signals.submit');
		cancel.hidden = true;
		showLinks();
	}
	cancel.addEventListener('click', () => { reset(); status.textContent = ''; });

	onSubmit(form, status, async () => {
		if (!text.value.trim() || !source.value.trim()) {
			(text.value.trim() ? source : text).focus();
			throw new Error(t('signals.needText'));
		}
		const box = sel => links.querySelector(sel);
		const body = {
			text: text.value, source: source.value, observed: observed.value,
			confidence: confidence.value, classification: classification.value,
			edition: edition.value ? Number(edition.value) : null,
			scenarios: box('#signal-scenarios') ? ticked(box('#signal-scenarios')) : [],
			themes: box('#signal-themes') ? ticked(box('#signal-themes')) : []
		};
		const was = editing;
		const saved = was ? await api.put('/api/signals/' + api.enc(was), body)
			: await api.post('/api/signals', body);
		reset();
		onSaved(saved, !!was);
		return t(was ? 'signals.saved' : 'signals.submitted');
	});

	async function edit(signal) {
		editing = signal.id;
		text.value = signal.text;
		source.value = signal.source;
		observed.value = signal.observed;
		confidence.value = signal.confidence;
		classification.value = allowed.includes(signal.classification) ? signal.classification : 'public';
		edition.value = signal.edition ? String(signal.edition) : '';
		heading.textContent = t('signals.editTitle');
		submit.textContent = t('signals.save');
		cancel.hidden = false;
		status.textContent = '';
		await showLinks(signal);
		text.focus();
	}
	await showLinks();
	const section = h('section', { class: 'panel', 'aria-labelledby': 'signal-form-heading' }, heading, form);
	return { section, edit, dirty: () => dirty };
}
