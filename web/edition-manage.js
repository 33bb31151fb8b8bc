// edition-manage.js - who manages an edition and the controls for it: an
// edition is managed by its own chairs and by admins (the server answers
// 403 to any other chair), so the UI offers its management controls to
// them alone and tells any other chair who chairs it. Its chairs choose
// their co-chairs (from GET /api/chairs) and the edition this one follows
// (whose movements the diagram and the report then show); every reader
// sees who chairs it and what it follows.

import * as api from './api.js';
import { h, replace, onSubmit } from './dom.js';
import { t } from './i18n.js';
import { confirmDialog } from './dialog.js';

// Whether SESSION's user may manage EDITION: an admin, or one of its chairs.
export function managesEdition(session, edition) {
	if (!session)
		return false;
	return session.role === 'admin' ||
		(session.role === 'chair' && (edition.chairs || []).includes(session.user));
}

// Whether SESSION's user does the assessment's work (analyst, chair,
// admin) and so reads work in progress; viewers, owners and reporters
// read published editions only, as the server decides.
export function doesTheWork(session) {
	return !!session && ['analyst', 'chair', 'admin'].includes(session.role);
}

function names(list) {
	return list.join(', ');
}

// "Chairs: a, b" for every reader.
export function chairsText(edition) {
	const chairs = edition.chairs || [];
	return chairs.length ? t('manage.chairs', { names: names(chairs) }) : t('manage.chairsNone');
}

// For a chair who does not chair EDITION (null for anyone else): who does,
// and why the management controls are not there.
export function notChairNote(session, edition) {
	if (!session || session.role !== 'chair' || managesEdition(session, edition))
		return null;
	const chairs = edition.chairs || [];
	return h('p', { id: 'chair-note', class: 'notice' },
		chairs.length ? t('manage.notChair', { names: names(chairs) }) : t('manage.notChairNone'));
}

// A chair's page of EDITION (scoring progress, spread) drawn for someone
// who does not manage it: the title and the note. True when drawn.
export function refuseUnmanaged(ctx, edition, title) {
	if (managesEdition(ctx.session, edition))
		return false;
	if (!ctx.alive())
		return true;
	replace(ctx.main,
		h('h1', null, title),
		h('p', { class: 'meta' }, h('a', { href: '#/editions/' + edition.id },
			t('scenario.back') + ': ' + edition.title)),
		notChairNote(ctx.session, edition) ||
			h('p', { id: 'chair-note', class: 'notice' }, t('error.forbidden')));
	return true;
}

// The editions EDITION may follow: every other one the reader may see.
function candidates(edition, editions) {
	return editions.filter(e => e.id !== edition.id);
}

function editionLabel(e) {
	return e.title + ' (' + e.edition + ')';
}

// What EDITION follows, for every reader: a link to it, or null when it
// follows none the reader may see (a viewer sees only published ones).
export function previousLine(edition, editions) {
	const before = edition.previous ? editions.find(e => e.id === edition.previous) : null;
	if (!before)
		return null;
	return [t('manage.follows') + ' ',
		h('a', { href: '#/editions/' + before.id, id: 'previous-link' }, editionLabel(before)),
		' – ' + t('manage.followsHint')];
}

// The checkboxes: every enabled chair; a chair of the edition no longer
// listed (disabled) is shown unchecked and cannot be kept, since the
// server takes only enabled chairs.
function chairChoices(chairs, current) {
	const listed = new Set(chairs.map(c => c.name));
	const rows = chairs.map(c => ({ name: c.name, note: t('class.' + c.clearance), allowed: true }));
	for (const name of current)
		if (!listed.has(name))
			rows.push({ name, note: t('assign.inactive'), allowed: false });
	return rows.map((c, k) => {
		const id = 'chair-' + k;
		return h('div', { class: 'check' },
			h('input', {
				type: 'checkbox', id, name: 'chairs', value: c.name,
				checked: c.allowed && current.includes(c.name), disabled: !c.allowed
			}),
			h('label', { for: id }, c.name + ' (' + c.note + ')'));
	});
}

// A chair who leaves the edition's chairs can no longer manage it: asks first.
async function mayDropSelf(session, chosen) {
	if (session.role !== 'chair' || chosen.includes(session.user))
		return true;
	return confirmDialog({
		title: t('manage.leaveTitle'), text: t('manage.leaveText'),
		confirm: t('manage.leaveConfirm'), danger: true
	});
}

// The form for EDITION's chairs; ONSAVED(updated edition) after a save.
export function chairsForm(session, base, edition, chairs, onSaved) {
	const status = h('p', { id: 'chairs-status', class: 'form-status' });
	const form = h('form', { id: 'chairs-form', class: 'inline-form' },
		h('fieldset', { id: 'chairs-names', class: 'choices' },
			h('legend', null, t('manage.chairsLegend')),
			chairChoices(chairs, edition.chairs || [])),
		h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'chairs-submit' }, t('manage.chairsSave'))),
		status);
	onSubmit(form, status, async () => {
		const chosen = [...form.querySelectorAll('input[name="chairs"]:checked')].map(b => b.value);
		if (!(await mayDropSelf(session, chosen)))
			return '';
		const updated = await api.put(base + '/chairs', { chairs: chosen });
		onSaved(updated);
		return chairsText(updated);
	});
	return form;
}

// The form for the edition EDITION follows; ONSAVED(updated edition).
export function previousForm(base, edition, editions, onSaved) {
	const others = candidates(edition, editions);
	const select = h('select', { id: 'previous-select', name: 'previous' },
		h('option', { value: '' }, t('manage.previousNone')),
		others.map(e => h('option', { value: String(e.id), selected: e.id === edition.previous }, editionLabel(e))));
	const status = h('p', { id: 'previous-status', class: 'form-status' });
	const form = h('form', { id: 'previous-form', class: 'inline-form' },
		h('div', { class: 'field' }, h('label', { for: 'previous-select' }, t('manage.previous')), select),
		h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'previous-submit' }, t('manage.previousSave'))),
		status);
	onSubmit(form, status, async () => {
		const previous = select.value ? Number(select.value) : null;
		const updated = await api.put(base + '/previous', { previous });
		onSaved(updated);
		const before = others.find(e => e.id === updated.previous);
		return before ? t('manage.previousSaved', { title: editionLabel(before) }) : t('manage.previousCleared');
	});
	return { form, select };
}
