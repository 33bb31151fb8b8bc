// page-capability.js - one capability of an edition's plan: its phase,
// scenarios and measures; for each of its experts their own levels
// (current and target, 0..4, with a rationale), given while the edition is
// in scoring and seen by no other expert before consolidation; for the
// edition's chairs and admins the choice of its experts, every expert's
// levels with those who have given none, and the agreed levels (in draft
// or consolidation); and the history of the levels the reader may see.
// Leaving a levels form with unsaved changes asks first, as the scoring
// form does.

import * as api from './api.js';
import { h, replace, onSubmit, scrollBox, announce, alertMessage, errorText } from './dom.js';
import { t, dateTime } from './i18n.js';
import { managesEdition, doesTheWork } from './edition-manage.js';
import { phaseName, figure, titles, levelSelect, scenarioList } from './plan-common.js';
import { manageButtons } from './plan-items.js';

// A levels form (an expert's own, or the chair's agreed): PREFIX names its
// controls; SAVE(body) writes and returns the message; DIRTY(bool) is told
// when the form holds changes not saved.
function levelsForm(prefix, given, enabled, submitText, save, dirty) {
	const current = levelSelect(prefix + '-current', t('cap.current'), given ? given.current : 0);
	const target = levelSelect(prefix + '-target', t('cap.target'), given ? given.target : 0);
	const why = h('textarea', { id: prefix + '-why', name: 'why', rows: 3, maxlength: 10000 }, (given && given.why) || '');
	const status = h('p', { id: prefix + '-status', class: 'form-status', role: 'status' });
	const form = h('form', { id: prefix + '-form', class: 'levels-form' },
		h('div', { class: 'pickers' }, current.field, target.field),
		h('div', { class: 'field wide' }, h('label', { for: prefix + '-why' }, t('cap.why')), why),
		h('div', { class: 'actions' }, h('button', { type: 'submit', id: prefix + '-save' }, submitText)),
		status);
	if (!enabled)
		form.querySelectorAll('select, textarea, button').forEach(c => { c.disabled = true; });
	form.addEventListener('input', () => dirty(true));
	form.addEventListener('change', () => dirty(true));
	onSubmit(form, status, async () => {
		const body = { current: Number(current.select.value), target: Number(target.select.value) };
		if (why.value.trim())
			body.why = why.value;
		const message = await save(body);
		dirty(false);
		return message;
	});
	return form;
}

// The chairs' choice of experts: every enabled analyst; an expert who is
// not one (a name from an imported file, a disabled analyst) is shown
// unchecked and cannot be kept, since the server takes enabled analysts only.
function expertsForm(base, cap, analysts, enabled) {
	const known = new Set(analysts.map(a => a.name));
	const rows = analysts.map(a => ({ name: a.name, note: t('class.' + a.clearance), allowed: true }))
		.concat((cap.experts || []).filter(n => !known.has(n)).map(n => ({ name: n, note: t('cap.notUser'), allowed: false })));
	const status = h('p', { id: 'experts-status', class: 'form-status', role: 'status' });
	const form = h('form', { id: 'experts-form', class: 'inline-form' },
		h('fieldset', { id: 'experts-names', class: 'choices' },
			h('legend', null, t('cap.expertsLegend')),
			rows.map((r, k) => h('div', { class: 'check' },
				h('input', { type: 'checkbox', id: 'expert-' + k, name: 'experts', value: r.name,
					checked: r.allowed && (cap.experts || []).includes(r.name), disabled: !r.allowed || !enabled }),
				h('label', { for: 'expert-' + k }, r.name + ' (' + r.note + ')')))),
		h('div', { class: 'actions' },
			h('button', { type: 'submit', id: 'experts-save', disabled: !enabled }, t('cap.expertsSave'))),
		status);
	onSubmit(form, status, async () => {
		const chosen = [...form.querySelectorAll('input[name="experts"]:checked')].map(b => b.value);
		const saved = await api.put(base + '/experts', { analysts: chosen });
		const names = saved.experts || [];
		return t('cap.expertsSaved', { names: names.length ? names.join(', ') : t('cap.expertsNone') });
	});
	return form;
}

function levelsTable(cap, row) {
	const levels = cap.levels || [];
	const missing = (row && row.missing) || [];
	if (!levels.length && !missing.length)
		return h('p', { class: 'empty', id: 'cap-levels-none' }, t('cap.noLevels'));
	return scrollBox(h('table', { id: 'cap-levels', class: 'data compact' },
		h('caption', null, t('cap.spreadCaption')),
		h('thead', null, h('tr', null, ['col.expert', 'col.current', 'col.target', 'col.why']
			.map(k => h('th', { scope: 'col' }, t(k))))),
		h('tbody', null,
			levels.map(l => h('tr', { 'data-analyst': l.analyst },
				h('th', { scope: 'row' }, l.analyst), h('td', { class: 'num' }, l.current),
				h('td', { class: 'num' }, l.target), h('td', null, l.why || ''))),
			missing.map(name => h('tr', { 'data-analyst': name, 'data-missing': 'true', class: 'missing' },
				h('th', { scope: 'row' }, name), h('td', { colspan: '3' }, t('plan.missing')))))),
	t('cap.spreadCaption'));
}

function historyTable(history) {
	const rows = [];
	for (const [name, list] of Object.entries(history.experts || {}))
		for (const l of list)
			rows.push({ who: name, ...l });
	for (const l of history.agreed || [])
		rows.push({ who: (l.by || '') + ' (' + t('cap.chairAgreed') + ')', ...l });
	rows.sort((a, b) => String(a.at).localeCompare(String(b.at)));
	if (!rows.length)
		return h('p', { class: 'empty' }, t('cap.historyNone'));
	return scrollBox(h('table', { id: 'cap-history', class: 'data compact' },
		h('caption', null, t('cap.historyCaption')),
		h('thead', null, h('tr', null, ['col.when', 'col.expert', 'col.current', 'col.target', 'col.why']
			.map(k => h('th', { scope: 'col' }, t(k))))),
		h('tbody', null, rows.map(r => h('tr', null,
			h('td', null, dateTime(r.at)), h('th', { scope: 'row' }, r.who),
			h('td', { class: 'num' }, r.current), h('td', { class: 'num' }, r.target),
			h('td', null, r.why || ''))))), t('cap.historyCaption'));
}

function agreedLine(agreed) {
	return h('p', { id: 'cap-agreed' }, agreed
		? t('cap.agreedBy', { current: agreed.current, target: agreed.target, by: agreed.by })
		: t('cap.agreedNone'));
}

export async function renderCapability(ctx) {
	const id = ctx.params.edition;
	const base = '/api/assessments/' + id;
	const capBase = base + '/plan/capabilities/' + ctx.params.item;
	const [edition, cap] = await Promise.all([api.get(base), api.get(capBase)]);
	const manage = managesEdition(ctx.session, edition);
	const me = ctx.session.user;
	const expert = ctx.session.role === 'analyst' && (cap.experts || []).includes(me);
	const readsLevels = doesTheWork(ctx.session);
	const [measures, figures, history, analysts] = await Promise.all([
		api.get(base + '/plan/measures'),
		api.get(base + '/plan/' + (manage ? 'spread' : 'figures')),
		readsLevels ? api.get(capBase + '/levels') : null,
		manage ? api.get('/api/analysts') : []
	]);
	if (!ctx.alive())
		return;
	const row = figures.capabilities.find(c => c.id === cap.id) || null;
	const strengthens = measures.filter(m => (m.capabilities || []).includes(cap.id));
	const status = edition.status;
	const open = status !== 'published';
	const own = (cap.levels || []).find(l => l.analyst === me) || null;
	const unsaved = new Set();
	const dirty = prefix => on => { if (on) unsaved.add(prefix); else unsaved.delete(prefix); };
	ctx.guard(() => unsaved.size > 0);
	// the chairs edit or delete the capability itself
	const editBox = h('div', { id: 'cap-manage' });
	if (manage && open) {
		const env = {
			base, plan: { capabilities: [] }, scenarios: scenarioList(edition), manage, open,
			reload: text => { announce(text); ctx.refresh(); },
			deleted: () => ctx.navigate('/editions/' + id + '/plan'),
			fail: err => alertMessage(errorText(err))
		};
		editBox.append(manageButtons(env, 'capabilities', cap, editBox));
	}
	const section = (key, ...body) => h('section', { id: key + '-section', 'aria-labelledby': key + '-heading' },
		h('h2', { id: key + '-heading' }, ...body.slice(0, 1)), ...body.slice(1));
	replace(ctx.main,
		h('h1', null, cap.title),
		h('p', { class: 'meta' }, h('a', { href: '#/editions/' + id + '/plan', id: 'cap-back' }, t('cap.back'))),
		h('p', { class: 'meta', id: 'cap-meta' }, t('cap.meta', {
			phase: phaseName(cap.phase), scenarios: titles(scenarioList(edition), cap.scenarios)
		})),
		row ? h('p', { class: 'meta', id: 'cap-figures' },
			t('col.current') + ' ' + figure(row.current) + ' · ' + t('col.target') + ' ' + figure(row.target) +
			' · ' + t('col.gap') + ' ' + figure(row.gap),
			row.flagged ? h('span', { class: 'badge flag' }, ' ⚑ ' + t('plan.flagged')) : null) : null,
		h('p', { id: 'cap-measures' }, t('cap.measures') + ': ' + titles(strengthens, strengthens.map(m => m.id))),
		editBox,
		expert ? section('own', t('cap.yourLevels'),
			h('p', { class: 'note' }, status === 'scoring' ? t('cap.levelsHelp') : t('cap.levelsClosed')),
			levelsForm('levels', own, status === 'scoring', t('cap.levelsSave'), async body => {
				await api.put(capBase + '/levels', body);
				return t('cap.levelsSaved', body);
			}, dirty('levels'))) : null,
		manage ? section('experts', t('cap.experts'), expertsForm(capBase, cap, analysts, open)) : null,
		manage || status === 'consolidation' || status === 'published'
			? section('spread', t('cap.spread'), levelsTable(cap, row)) : null,
		section('agreed', t('cap.agreed'), agreedLine(cap.agreed),
			manage ? [
				h('p', { class: 'note' }, ['draft', 'consolidation'].includes(status) ? t('cap.agreedHelp') : t('cap.agreedClosed')),
				levelsForm('agreed', cap.agreed, ['draft', 'consolidation'].includes(status), t('cap.agreedSave'),
					async body => {
						const saved = await api.put(capBase + '/agreed', body);
						replace(document.getElementById('cap-agreed'), agreedLine(saved.agreed).textContent);
						return t('cap.agreedSaved', body);
					}, dirty('agreed'))
			] : null),
		history ? section('history', t('cap.history'), historyTable(history)) : null);
}
