// plan-common.js - what the plan's pages share: the phases of the safety
// chain in their order, the levels 0..4 and their selects, numbers of the
// figures (a median may be a half), the titles of what an item names
// (an id the reader cannot resolve shows as the id, never breaks the
// page), and the checkbox fieldsets the item forms choose from.

import { h, id as uid } from './dom.js';
import { t, fixed } from './i18n.js';

export const PHASES = ['pro-action', 'prevention', 'preparation', 'response', 'aftercare'];
export const LEVELS = [0, 1, 2, 3, 4];
export const DECISIONS = ['pending', 'adopted', 'rejected'];

export function phaseName(phase) {
	return t('phase.' + phase);
}

// A figure of the engine: null (no levels) as a dash, a half as 1.5.
export function figure(value) {
	if (value === null || value === undefined)
		return '–';
	return Number.isInteger(value) ? String(value) : fixed(value, 1);
}

// The title of the item ID in LIST, or the id itself.
export function titleOf(list, itemId) {
	const item = (list || []).find(x => x.id === itemId);
	return item ? item.title : itemId;
}

export function titles(list, ids) {
	return (ids || []).length ? ids.map(x => titleOf(list, x)).join(', ') : t('item.none');
}

// A labelled select of the levels 0..4: { field, select }.
export function levelSelect(fid, label, value) {
	const select = h('select', { id: fid, name: fid },
		LEVELS.map(l => h('option', { value: String(l), selected: l === value }, t('level.' + l))));
	return { field: h('div', { class: 'field' }, h('label', { for: fid }, label), select), select };
}

// A fieldset of checkboxes NAME, one per item of LIST ({id, title}),
// those in CHOSEN checked.
export function choices(name, legend, list, chosen) {
	const set = new Set(chosen || []);
	return h('fieldset', { class: 'choices', 'data-name': name },
		h('legend', null, legend),
		list.length ? list.map(item => {
			const fid = uid(name);
			return h('div', { class: 'check' },
				h('input', { type: 'checkbox', id: fid, name, value: item.id, checked: set.has(item.id) }),
				h('label', { for: fid }, item.title));
		}) : h('p', { class: 'empty' }, t('item.none')));
}

export function checked(form, name) {
	return [...form.querySelectorAll(`input[name="${name}"]:checked`)].map(b => b.value);
}

// The scenarios of the edition as {id, title}, for titleOf.
export function scenarioList(edition) {
	return (edition.scenarios || []).map(s => ({ id: s.id, title: s.title || s.id }));
}
