// score-form.js - one form for all of a scenario's scores and one save: a
// row per criterion (the likelihood first, then by vital interest), each
// with its lower limit, expected value and upper limit - a class, or a
// quantity where the method has thresholds (a probability for a hazard's
// likelihood) - and its rationale. The save sends only the criteria that
// changed, and within them every part the user did not touch in the very
// form it was stored in ({value: 7e9} stays a quantity).

import { h, announce, alertMessage, errorText } from './dom.js';
import { t, pick } from './i18n.js';
import {
	LIKELIHOOD, classOf, classOptions, classHelp, criterionName, parseScore, partOrder, safeId,
	scoreKey
} from './score.js';

const PARTS = ['ll', 'ev', 'ul'];
const QUANTITY = '#';

class RowError extends Error {
	constructor(message, control) {
		super(message);
		this.control = control;
	}
}

// The quantity a criterion takes: 'value', 'probability' or null.
function quantityKind(method, criterion, kind) {
	if (criterion)
		return criterion.thresholds ? 'value' : null;
	return kind === 'hazard' && method.likelihood.hazard_thresholds ? 'probability' : null;
}

// One of LL, EV, UL: a class select, and a number for a quantity.
function partControl(row, part) {
	const { method, criterion, base, quantity } = row;
	const options = classOptions(method, !criterion);
	if (quantity)
		options.push({ value: QUANTITY, label: t(quantity === 'value' ? 'form.quantity' : 'form.probability') });
	const sid = base + '-' + part;
	const select = h('select', { id: sid, name: part, 'data-part': part, disabled: row.disabled },
		options.map(o => h('option', { value: o.value }, o.label)));
	const unit = criterion && criterion.unit ? pick(criterion.unit) : '';
	const qid = sid + '-q';
	const input = h('input', {
		id: qid, name: part + '-quantity', type: 'number', step: 'any', min: '0',
		max: quantity === 'probability' ? '1' : null, inputmode: 'decimal', disabled: row.disabled
	});
	const cls = h('span', { class: 'quantity-class', id: qid + '-class' });
	const box = h('div', { class: 'quantity', hidden: true },
		h('label', { for: qid }, t(quantity === 'value' ? 'form.quantityOf' : 'form.probabilityOf',
			{ part: t('part.' + part), unit })),
		input, cls);
	const control = { part, select, input, source: undefined, edited: false };
	function showClass() {
		box.hidden = select.value !== QUANTITY;
		const v = Number(input.value);
		const thresholds = criterion ? criterion.thresholds : method.likelihood.hazard_thresholds;
		cls.textContent = input.value !== '' && Number.isFinite(v)
			? t('form.quantityClass', { cls: classOf(v, thresholds) }) : '';
	}
	control.set = value => {
		control.source = value;
		control.edited = false;
		if (value && typeof value === 'object') {
			select.value = QUANTITY;
			input.value = String(value.value !== undefined ? value.value : value.probability);
		} else {
			select.value = value || '';
			input.value = '';
		}
		showClass();
	};
	// The part as the form now holds it: as set when untouched.
	control.get = () => {
		if (!control.edited)
			return control.source;
		if (select.value !== QUANTITY)
			return select.value || undefined;
		const v = input.value === '' ? NaN : Number(input.value);
		if (!Number.isFinite(v) || v < 0)
			throw new RowError(t('form.needQuantity', { part: t('part.' + part) }), input);
		return quantity === 'value' ? { value: v } : { probability: v };
	};
	for (const el of [select, input])
		el.addEventListener('input', () => {
			control.edited = true;
			showClass();
		});
	const field = h('div', { class: ['field', 'field-' + part] },
		h('label', { for: sid }, t('form.' + part)), select, box);
	return { control, field };
}

// The row's score as the form now holds it, undefined when nothing is
// given; a RowError when it cannot be sent.
function rowScore(row) {
	const parts = {};
	for (const c of row.controls)
		parts[c.part] = c.get();
	const text = row.why.value;
	const why = text === row.whySource ? row.whySource : text.trim();
	if (parts.ev === undefined) {
		if (parts.ll !== undefined || parts.ul !== undefined || why)
			throw new RowError(t('scores.needEv'), row.controls[1].select);
		return undefined;
	}
	// not applicable has no limits either
	const limit = part => parts[part] === undefined || parts.ev === 'X' ? parts.ev : parts[part];
	const body = { ev: parts.ev, ll: limit('ll'), ul: limit('ul') };
	if (partOrder(body.ll, body.ev, row.criterion, row.method) > 0 ||
	    partOrder(body.ev, body.ul, row.criterion, row.method) > 0)
		throw new RowError(t('scores.order'), row.controls[0].select);
	if (why)
		body.why = why;
	return body;
}

// A consolidated impact score of X is no score: the body drops it.
function dropped(row, body) {
	return row.consolidated && row.criterion && body && body.ev === 'X' && body.ll === 'X' &&
		body.ul === 'X' ? null : body;
}

function makeRow(opts, criterion) {
	const id = criterion ? criterion.id : LIKELIHOOD;
	const row = {
		id, criterion, method: opts.method, disabled: opts.disabled, consolidated: !!opts.consolidated,
		base: opts.prefix + '-' + safeId(id),
		quantity: quantityKind(opts.method, criterion, opts.kind)
	};
	const made = PARTS.map(part => partControl(row, part));
	row.controls = made.map(m => m.control);
	const whyId = row.base + '-why';
	row.why = h('textarea', { id: whyId, name: 'why', rows: '2', disabled: opts.disabled });
	row.status = h('p', { id: row.base + '-status', class: 'form-status row-status' });
	row.mark = h('span', { class: 'changed-mark', hidden: true }, ' · ' + t('sheet.changedMark'));
	row.el = h('fieldset', { class: 'score-row', id: row.base + '-row', 'data-criterion': id },
		h('legend', null, criterion ? criterionName(opts.method, id) : t('form.likelihood'), row.mark),
		opts.extra ? opts.extra(criterion, row) : null,
		classHelp(opts.method, criterion),
		h('div', { class: 'pickers' }, made.map(m => m.field)),
		h('div', { class: 'field field-why' }, h('label', { for: whyId }, t('form.why')), row.why),
		row.status);
	// shows SCORE (any form of the file, or null) in the row's controls
	row.set = score => {
		const parsed = parseScore(score);
		for (const c of row.controls)
			c.set(parsed ? parsed.parts[c.part] : undefined);
		row.whySource = parsed ? parsed.why : '';
		row.why.value = row.whySource;
	};
	row.stored = opts.scores[id] === undefined ? null : opts.scores[id];
	row.set(row.stored);
	// The body when the row differs from the stored score; else undefined.
	row.change = () => {
		const score = rowScore(row);
		return scoreKey(score) === scoreKey(row.stored) ? undefined : dropped(row, score);
	};
	row.setStatus = (text, error) => {
		row.status.textContent = text;
		row.status.classList.toggle('error', !!error);
	};
	return row;
}

function byInterest(method) {
	return method.interests.map(i => ({
		interest: i,
		criteria: method.criteria.filter(c => c.interest === i.id)
	})).filter(g => g.criteria.length);
}

// The rows' changes {criterion: body}, and the rows in error.
function collect(rows) {
	const changes = {};
	const errors = [];
	for (const row of rows) {
		row.setStatus('');
		try {
			const body = row.change();
			if (body !== undefined)
				changes[row.id] = body;
		} catch (err) {
			if (!(err instanceof RowError))
				throw err;
			row.setStatus(err.message, true);
			errors.push({ row, err });
		}
	}
	return { changes, errors };
}

/*
 * The form. opts: method; kind (the scenario's, for probabilities);
 * prefix (unique id prefix); scores {criterion: stored score}; consolidated
 * (an X drops the score); disabled; extra(criterion, row): nodes under the
 * legend; tools: nodes above the rows; save(changes): a promise of the
 * stored scores after the save ({criterion: score}).
 * The form has isDirty(), and rows (by criterion) with set(score).
 */
export function scoreForm(opts) {
	const rows = [makeRow(opts, null)];
	const groups = byInterest(opts.method).map(g => [
		h('h3', null, g.interest.id + ' ' + pick(g.interest.name)),
		g.criteria.map(c => {
			const row = makeRow(opts, c);
			rows.push(row);
			return row.el;
		})
	]);
	const save = h('button', { type: 'submit', id: opts.prefix + '-save', disabled: opts.disabled },
		t('sheet.save'));
	const pending = h('span', { id: opts.prefix + '-pending', class: 'pending' });
	const status = h('p', { id: opts.prefix + '-status', class: 'form-status', 'aria-live': 'polite' });
	const form = h('form', { id: opts.prefix + '-form', class: 'score-sheet', novalidate: true },
		opts.tools || null,
		rows[0].el,
		groups,
		h('div', { class: 'sheet-actions' }, save, pending, status));
	form.rows = new Map(rows.map(r => [r.id, r]));
	function changedRows() {
		return rows.filter(r => {
			try {
				return r.change() !== undefined;
			} catch {
				return true;
			}
		});
	}
	function update() {
		const changed = new Set(changedRows());
		for (const r of rows)
			r.mark.hidden = !changed.has(r);
		pending.textContent = changed.size ? t('sheet.changed', { n: changed.size }) : '';
	}
	form.isDirty = () => changedRows().length > 0;
	form.refresh = update;
	form.addEventListener('input', update);
	form.setStatus = (text, error) => {
		status.textContent = text;
		status.classList.toggle('error', !!error);
	};
	form.addEventListener('submit', async e => {
		e.preventDefault();
		const { changes, errors } = collect(rows);
		if (errors.length) {
			const text = t('sheet.invalid', { n: errors.length });
			form.setStatus(text, true);
			alertMessage(text);
			errors[0].err.control.focus();
			return;
		}
		const count = Object.keys(changes).length;
		if (!count) {
			form.setStatus(t('sheet.none'));
			announce(t('sheet.none'));
			return;
		}
		save.disabled = true;
		try {
			const stored = await opts.save(changes);
			for (const r of rows) {
				r.stored = stored[r.id] === undefined ? null : stored[r.id];
				r.set(r.stored);
			}
			update();
			const text = t('sheet.saved', { n: count });
			form.setStatus(text);
			announce(text);
		} catch (err) {
			showErrors(form, rows, err);
		} finally {
			save.disabled = !!opts.disabled;
		}
	});
	return form;
}

// A refused save: the loader's messages at the rows they name.
function showErrors(form, rows, err) {
	const byId = new Map(rows.map(r => [r.id, r]));
	let first = null;
	for (const e of err.errors || []) {
		const row = byId.get(e.criterion);
		if (!row)
			continue;
		row.setStatus(e.message, true);
		first = first || row;
	}
	const text = errorText(err);
	form.setStatus(text, true);
	alertMessage(text);
	if (first)
		first.controls[1].select.focus();
}
