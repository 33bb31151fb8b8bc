// score.js - scores as the assessment file writes them ("C", "C+", {ev,
// ll, ul, why}, {value: N}, {probability: P}), their classes, and the
// scoring form: a class picker for LL, EV and UL with the method's class
// descriptions and thresholds as help, and a rationale.

import { h, announce, errorText } from './dom.js';
import { t, pick, number } from './i18n.js';

export const LIKELIHOOD = 'likelihood';
export const CLASSES = ['X', 'A', 'A+', 'B', 'B+', 'C', 'C+', 'D', 'D+', 'E', 'E+'];
const LETTERS = ['A', 'B', 'C', 'D', 'E'];

export function classRank(c) {
	return CLASSES.indexOf(c);
}

function classOf(value, thresholds) {
	let k = 0;
	while (k < 4 && thresholds && value >= thresholds[k])
		k++;
	return LETTERS[k];
}

// The class of one part of a score (a class, a quantity or a probability).
export function partClass(part, criterion, method) {
	if (typeof part === 'string')
		return part;
	if (part && typeof part === 'object') {
		if (typeof part.value === 'number' && criterion && criterion.thresholds)
			return classOf(part.value, criterion.thresholds);
		if (typeof part.probability === 'number' && method)
			return classOf(part.probability, method.likelihood.hazard_thresholds);
	}
	return '';
}

function partText(part, criterion, method) {
	const cls = partClass(part, criterion, method);
	if (part && typeof part === 'object') {
		if (typeof part.value === 'number')
			return cls + ' (' + number(part.value) + (criterion && criterion.unit ? ' ' + pick(criterion.unit) : '') + ')';
		if (typeof part.probability === 'number')
			return cls + ' (p = ' + number(part.probability) + ')';
	}
	return cls || '?';
}

// {ll, ev, ul, why, parts} of a score in any of the file's forms, or null.
export function parseScore(score) {
	if (score === null || score === undefined)
		return null;
	if (typeof score === 'string')
		return { ll: score, ev: score, ul: score, why: '', parts: { ll: score, ev: score, ul: score } };
	if (typeof score === 'object' && !('ev' in score))
		return { parts: { ll: score, ev: score, ul: score }, why: '' };
	const parts = {
		ev: score.ev,
		ll: score.ll === undefined ? score.ev : score.ll,
		ul: score.ul === undefined ? score.ev : score.ul
	};
	return { parts, why: score.why || '' };
}

// The classes of a parsed score (quantities turned into classes).
export function scoreClasses(parsed, criterion, method) {
	if (!parsed)
		return { ll: '', ev: '', ul: '' };
	return {
		ll: partClass(parsed.parts.ll, criterion, method),
		ev: partClass(parsed.parts.ev, criterion, method),
		ul: partClass(parsed.parts.ul, criterion, method)
	};
}

// "C (B–D)", or "C" when the limits equal the expected value.
export function scoreText(score, criterion, method) {
	const parsed = parseScore(score);
	if (!parsed)
		return t('scores.none');
	const ev = partText(parsed.parts.ev, criterion, method);
	const ll = partText(parsed.parts.ll, criterion, method);
	const ul = partText(parsed.parts.ul, criterion, method);
	if (ll === ev && ul === ev)
		return ev === 'X' ? t('form.na') : ev;
	return ev + ' (' + ll + '–' + ul + ')';
}

export function criterionName(method, criterionId) {
	if (criterionId === LIKELIHOOD)
		return t('form.likelihood');
	const c = method.criteria.find(x => x.id === criterionId);
	return c ? c.id + ' ' + pick(c.name) : criterionId;
}

function classLabels(method, likelihood) {
	return likelihood ? method.likelihood.labels : method.impact_labels;
}

function classOptions(method, likelihood) {
	const labels = classLabels(method, likelihood);
	const options = [{ value: '', label: t('form.unset') }];
	if (!likelihood)
		options.push({ value: 'X', label: t('form.na') });
	LETTERS.forEach((letter, k) => {
		const name = pick(labels[k]);
		options.push({ value: letter, label: letter + ' – ' + name });
		options.push({ value: letter + '+', label: letter + '+ – ' + name + ' ' + t('form.high') });
	});
	return options;
}

function range(thresholds, k, unit) {
	const u = unit ? ' ' + unit : '';
	if (k === 0)
		return t('form.below', { v: number(thresholds[0]) + u });
	if (k === 4)
		return t('form.from', { v: number(thresholds[3]) + u });
	return t('form.between', { a: number(thresholds[k - 1]), b: number(thresholds[k]) + u });
}

// The method's description of every class of a criterion (or the
// likelihood), in a disclosure.
export function classHelp(method, criterion) {
	const likelihood = !criterion;
	const labels = classLabels(method, likelihood);
	const items = LETTERS.map((letter, k) => {
		const texts = [];
		if (likelihood) {
			const thr = method.likelihood.hazard_thresholds;
			if (thr)
				texts.push(t('form.hazard', {
					years: number(method.horizon_years || 5),
					range: range(thr.map(x => x * 100), k, '%')
				}));
			const threat = method.likelihood.threat_levels && method.likelihood.threat_levels[k];
			if (threat)
				texts.push(t('form.threat', { text: pick(threat) }));
		} else {
			const level = criterion.levels && pick(criterion.levels[k]);
			if (level)
				texts.push(level);
			if (criterion.thresholds)
				texts.push(range(criterion.thresholds, k, criterion.unit ? pick(criterion.unit) : ''));
		}
		return [
			h('dt', null, letter + ' – ' + pick(labels[k])),
			h('dd', null, texts.map(x => h('p', null, x)))
		];
	});
	return h('details', { class: 'class-help' },
		h('summary', null, t('form.help')),
		h('dl', null, items));
}

export function safeId(text) {
	return String(text).replace(/[^A-Za-z0-9_-]/g, '_');
}

/*
 * A scoring form for one criterion (null: the likelihood).
 *   prefix: unique id prefix; initial: a score in any form (or null);
 *   save(body): sends it, returns a promise; onSaved(result): after;
 *   extra: more buttons; note: text under the legend.
 * The body is {ll, ev, ul, why} with the limits defaulting to EV.
 */
export function scoreForm(opts) {
	const { method, criterion, prefix } = opts;
	const likelihood = !criterion;
	const crit = likelihood ? LIKELIHOOD : criterion.id;
	const base = prefix + '-' + safeId(crit);
	const initial = scoreClasses(parseScore(opts.initial), criterion, method);
	const why = (parseScore(opts.initial) || {}).why || '';
	const options = classOptions(method, likelihood);
	const selects = {};
	const fields = ['ll', 'ev', 'ul'].map(part => {
		const fid = base + '-' + part;
		const select = h('select', { id: fid, name: part, 'data-part': part, disabled: opts.disabled },
			options.map(o => h('option', { value: o.value, selected: o.value === initial[part] }, o.label)));
		selects[part] = select;
		return h('div', { class: ['field', 'field-' + part] },
			h('label', { for: fid }, t('form.' + part)), select);
	});
	const whyId = base + '-why';
	const rationale = h('textarea', { id: whyId, name: 'why', rows: '2', disabled: opts.disabled }, why);
	const status = h('p', { id: base + '-status', class: 'form-status', 'aria-live': 'polite' }, opts.status || '');
	const save = h('button', { type: 'submit', id: base + '-save', disabled: opts.disabled }, t('form.save'));
	const form = h('form', { id: base + '-form', class: 'score-form', 'data-criterion': crit },
		h('fieldset', null,
			h('legend', null, likelihood ? t('form.likelihood') : criterionName(method, crit)),
			opts.note ? h('p', { class: 'note' }, opts.note) : null,
			classHelp(method, criterion),
			h('div', { class: 'pickers' }, fields),
			h('div', { class: 'field field-why' }, h('label', { for: whyId }, t('form.why')), rationale),
			h('div', { class: 'actions' }, save, opts.extra || null),
			status));
	form.setValues = score => {
		const parsed = parseScore(score);
		const cls = scoreClasses(parsed, criterion, method);
		for (const part of ['ll', 'ev', 'ul'])
			selects[part].value = cls[part] || '';
		rationale.value = (parsed && parsed.why) || '';
	};
	form.setStatus = (text, error) => {
		status.textContent = text;
		status.classList.toggle('error', !!error);
	};
	form.addEventListener('submit', async e => {
		e.preventDefault();
		const ev = selects.ev.value;
		if (!ev) {
			form.setStatus(t('scores.needEv'), true);
			announce(t('scores.needEv'));
			selects.ev.focus();
			return;
		}
		const ll = selects.ll.value || ev;
		const ul = selects.ul.value || ev;
		if (classRank(ll) > classRank(ev) || classRank(ev) > classRank(ul)) {
			form.setStatus(t('scores.order'), true);
			announce(t('scores.order'));
			selects.ll.focus();
			return;
		}
		const body = { ll, ev, ul };
		if (rationale.value.trim())
			body.why = rationale.value.trim();
		save.disabled = true;
		try {
			const result = await opts.save(body);
			if (opts.onSaved)
				opts.onSaved(result, body, form);
		} catch (err) {
			form.setStatus(errorText(err), true);
			announce(errorText(err));
		} finally {
			save.disabled = !!opts.disabled;
		}
	});
	return form;
}
