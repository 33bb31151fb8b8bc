// plan-items.js - the plan's measures, advice and organisations as every
// reader sees them, and for the edition's chairs the forms that change
// them: add, edit (a PUT replaces the item, so what the form does not
// show, such as a measure's effects and actions, is sent back as it was
// stored), delete after a confirmation, and the cabinet's decision on an
// advice. The server checks every body with the plan loader and answers
// its located messages, which the form shows.

import * as api from './api.js';
import { h, onSubmit } from './dom.js';
import { t, number } from './i18n.js';
import { confirmDialog } from './dialog.js';
import { DECISIONS, PHASES, phaseName, titles, choices, checked } from './plan-common.js';

function titleField(fid, value) {
	return h('div', { class: 'field wide' },
		h('label', { for: fid }, t('item.title')),
		h('input', { type: 'text', id: fid, name: 'title', value: value || '', required: true, maxlength: 200 }));
}

function numberField(fid, label, value) {
	return h('div', { class: 'field' },
		h('label', { for: fid }, label),
		h('input', { type: 'text', inputmode: 'decimal', id: fid, name: fid, value: value ? String(value) : '' }));
}

function phaseField(fid, value) {
	return h('div', { class: 'field' },
		h('label', { for: fid }, t('col.phase')),
		h('select', { id: fid, name: 'phase' },
			PHASES.map(p => h('option', { value: p, selected: p === value }, phaseName(p)))));
}

// The fields of an item of KIND in a form; PREFIX makes their ids unique.
function fields(kind, prefix, item, env) {
	const plan = env.plan;
	const out = [titleField(prefix + '-title', item.title)];
	if (kind === 'capabilities') {
		out.push(phaseField(prefix + '-phase', item.phase),
			choices('scenarios', t('col.scenarios'), env.scenarios, item.scenarios));
	} else if (kind === 'measures') {
		const cost = item.cost || {};
		out.push(choices('capabilities', t('item.capabilities'), plan.capabilities || [], item.capabilities),
			choices('owners', t('item.owners'), plan.organisations || [], item.owners),
			numberField(prefix + '-once', t('item.costOnce'), cost.once),
			numberField(prefix + '-yearly', t('item.costYearly'), cost.yearly));
	} else if (kind === 'advice') {
		out.push(choices('owners', t('item.owners'), plan.organisations || [], item.owners),
			choices('measures', t('item.measures'), plan.measures || [], item.measures));
	}
	return out;
}

// A cost field as a number; an empty one is 0 and anything else the
// loader judges (a text it cannot read gets its message).
function amount(form, fid) {
	const text = form.querySelector('#' + fid).value.trim().replace(/\s/g, '');
	if (!text)
		return 0;
	const value = Number(text.replace(',', '.'));
	return Number.isFinite(value) ? value : text;
}

// The body to send: the stored item without its id, with the form's fields.
function body(kind, prefix, form, stored) {
	const out = { ...stored };
	delete out.id;
	out.title = form.querySelector('#' + prefix + '-title').value;
	if (kind === 'capabilities') {
		// the levels, experts and agreed levels have routes of their own
		for (const key of ['levels', 'experts', 'agreed'])
			delete out[key];
		out.phase = form.querySelector('#' + prefix + '-phase').value;
		out.scenarios = checked(form, 'scenarios');
	} else if (kind === 'measures') {
		out.capabilities = checked(form, 'capabilities');
		out.owners = checked(form, 'owners');
		const once = amount(form, prefix + '-once');
		const yearly = amount(form, prefix + '-yearly');
		if (once || yearly)
			out.cost = { once, yearly };
		else
			delete out.cost;
	} else if (kind === 'advice') {
		out.owners = checked(form, 'owners');
		out.measures = checked(form, 'measures');
	}
	return out;
}

// The form that adds (ITEM null) or edits an item; DONE(message) after a save.
function itemForm(env, kind, item, done) {
	const prefix = kind + '-' + (item ? item.id : 'new');
	const status = h('p', { id: prefix + '-status', class: 'form-status', role: 'status' });
	const form = h('form', { id: prefix + '-form', class: 'item-form', 'data-kind': kind },
		fields(kind, prefix, item || {}, env),
		h('div', { class: 'actions' },
			h('button', { type: 'submit', id: prefix + '-save' }, item ? t('item.save') : t('item.add'))),
		status);
	onSubmit(form, status, async () => {
		const sent = body(kind, prefix, form, item || {});
		const path = env.base + '/plan/' + kind;
		const saved = item ? await api.put(path + '/' + item.id, sent) : await api.post(path, sent);
		const message = t(item ? 'item.saved' : 'item.added', { title: saved.title });
		done(message);
		return message;
	});
	return form;
}

async function deleteItem(env, kind, item) {
	if (!(await confirmDialog({
		title: t('item.deleteTitle', { title: item.title }), text: t('item.deleteText'),
		confirm: t('item.deleteConfirm'), danger: true
	})))
		return;
	try {
		await api.del(env.base + '/plan/' + kind + '/' + item.id);
		(env.deleted || env.reload)(t('item.deleted', { title: item.title }));
	} catch (err) {
		env.fail(err);
	}
}

// Edit and delete for the chairs: the edit form opens in place, at the
// end of CARD.
export function manageButtons(env, kind, item, card) {
	const prefix = kind + '-' + item.id;
	let form = null;
	const edit = h('button', {
		type: 'button', id: prefix + '-edit', class: 'secondary small', 'aria-expanded': 'false',
		'aria-label': t('item.edit', { title: item.title })
	}, t('item.editShort'));
	edit.addEventListener('click', () => {
		if (form) {
			form.remove();
			form = null;
			edit.setAttribute('aria-expanded', 'false');
			return;
		}
		form = itemForm(env, kind, item, message => env.reload(message));
		card.append(form);
		edit.setAttribute('aria-expanded', 'true');
		form.querySelector('input').focus();
	});
	const remove = h('button', {
		type: 'button', id: prefix + '-delete', class: 'danger small',
		'aria-label': t('item.delete', { title: item.title })
	}, t('item.deleteConfirm'));
	remove.addEventListener('click', () => deleteItem(env, kind, item));
	return h('div', { class: 'actions' }, edit, remove);
}

function decisionForm(env, advice) {
	const prefix = 'decision-' + advice.id;
	const decision = advice.decision || { status: 'pending' };
	const select = h('select', { id: prefix + '-status', name: 'status' },
		DECISIONS.map(s => h('option', { value: s, selected: s === decision.status }, t('decision.' + s))));
	const date = h('input', { type: 'date', id: prefix + '-date', name: 'date', value: decision.date || '' });
	const status = h('p', { id: prefix + '-saved', class: 'form-status', role: 'status' });
	const form = h('form', { id: prefix + '-form', class: 'inline-form' },
		h('div', { class: 'field' }, h('label', { for: prefix + '-status' }, t('item.decision')), select),
		h('div', { class: 'field' }, h('label', { for: prefix + '-date' }, t('item.decisionDate')), date),
		h('div', { class: 'actions' }, h('button', { type: 'submit', id: prefix + '-save' }, t('item.decisionSave'))),
		status);
	onSubmit(form, status, async () => {
		const sent = { status: select.value };
		if (date.value)
			sent.date = date.value;
		const saved = await api.put(env.base + '/plan/advice/' + advice.id + '/decision', sent);
		const shown = (saved.decision && saved.decision.status) || sent.status;
		const badge = document.getElementById(prefix + '-shown');
		if (badge) {
			badge.textContent = decisionText(saved);
			badge.className = 'badge decision-' + shown;
		}
		return t('item.decisionSaved', { title: saved.title, status: t('decision.' + shown) });
	});
	return form;
}

function decisionText(advice) {
	const d = advice.decision || { status: 'pending' };
	return t('decision.' + d.status) + (d.date ? ' (' + d.date + ')' : '');
}

function detail(term, value) {
	return [h('dt', null, term), h('dd', null, value)];
}

function measureDetails(env, m) {
	const plan = env.plan;
	const cost = m.cost || {};
	return h('dl', { class: 'item-details' },
		detail(t('item.capabilities'), titles(plan.capabilities, m.capabilities)),
		detail(t('item.owners'), titles(plan.organisations, m.owners)),
		m.cost ? detail(t('item.costLabel'), t('item.cost', {
			once: number(cost.once || 0), yearly: number(cost.yearly || 0)
		})) : null,
		(m.requires || []).length ? detail(t('item.requires'), titles(plan.measures, m.requires)) : null,
		(m.excludes || []).length ? detail(t('item.excludes'), titles(plan.measures, m.excludes)) : null,
		m.effect ? detail(t('item.effect'), titles(env.scenarios, Object.keys(m.effect))) : null,
		(m.actions || []).length ? detail(t('item.actions'), m.actions.map(a => a.what).join('; ')) : null);
}

function adviceDetails(env, a) {
	const plan = env.plan;
	return h('dl', { class: 'item-details' },
		detail(t('item.owners'), titles(plan.organisations, a.owners)),
		detail(t('item.measures'), titles(plan.measures, a.measures)),
		detail(t('item.decision'), h('span', {
			class: ['badge', 'decision-' + ((a.decision && a.decision.status) || 'pending')],
			id: 'decision-' + a.id + '-shown'
		}, decisionText(a))));
}

function card(env, kind, item) {
	const box = h('article', { class: 'plan-item', 'data-kind': kind, 'data-item': item.id, id: kind + '-' + item.id },
		h('h3', null, item.title),
		kind === 'measures' ? measureDetails(env, item) : kind === 'advice' ? adviceDetails(env, item) : null);
	if (env.manage && env.open) {
		if (kind === 'advice')
			box.append(decisionForm(env, item));
		box.append(manageButtons(env, kind, item, box));
	}
	return box;
}

// The chairs' form that adds an item of KIND, folded.
export function addPanel(env, kind, label) {
	return h('details', { class: 'panel', id: kind + '-add' },
		h('summary', null, label),
		itemForm(env, kind, null, message => env.reload(message)));
}

const HEADINGS = {
	measures: ['plan.measures', 'plan.noMeasures', 'item.addMeasure'],
	advice: ['plan.advice', 'plan.noAdvice', 'item.addAdvice'],
	organisations: ['plan.organisations', 'plan.noOrganisations', 'item.addOrganisation']
};

// The section of KIND. ENV: {base, plan, scenarios, manage, open,
// reload(message), fail(error), and deleted(message) where a deletion
// leaves the page}.
export function itemsSection(env, kind) {
	const [heading, none, add] = HEADINGS[kind];
	const items = env.plan[kind] || [];
	const hid = kind + '-heading';
	return h('section', { id: kind + '-section', 'aria-labelledby': hid },
		h('h2', { id: hid }, t(heading)),
		items.length ? h('div', { class: 'plan-items' }, items.map(item => card(env, kind, item)))
			: h('p', { class: 'empty', id: kind + '-none' }, t(none)),
		env.manage && env.open ? addPanel(env, kind, t(add)) : null);
}
