// score.js - scores as the assessment file writes them ("C", "C+", {ev,
// ll, ul, why}, {value: N}, {probability: P}): their classes, their text,
// their order and comparison, and the method's class descriptions as help
// (the scoring form itself is score-form.js).

import { h } from './dom.js';
import { t, pick, number } from './i18n.js';

export const LIKELIHOOD = 'likelihood';
export const CLASSES = ['X', 'A', 'A+', 'B', 'B+', 'C', 'C+', 'D', 'D+', 'E', 'E+'];
const LETTERS = ['A', 'B', 'C', 'D', 'E'];

export function classRank(c) {
	return CLASSES.indexOf(c);
}

export function classOf(value, thresholds) {
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
	if (typeof score === 'object' && !('ev' in score)) {
		const part = 'value' in score ? { value: score.value } : { probability: score.probability };
		return { parts: { ll: part, ev: part, ul: part }, why: score.why || '' };
	}
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

export function classOptions(method, likelihood) {
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

// The order of two parts for LL <= EV <= UL, as the server checks it:
// two quantities by their numbers; otherwise by their places on the axis.
// An impact quantity scores its class (a "+" half a class up); a
// likelihood class sits at the method's class_position (its "+" at
// high_position) and a probability inside its band on a log scale.
export function partOrder(a, b, criterion, method) {
	const q = x => x && typeof x === 'object' ? (typeof x.value === 'number' ? x.value : x.probability) : null;
	if (q(a) !== null && q(b) !== null)
		return Math.sign(q(a) - q(b));
	const likelihood = method && method.likelihood;
	if (likelihood && typeof likelihood.class_position === 'number' && isLikelihoodPart(a, b))
		return Math.sign(likelihoodPosition(a, likelihood) - likelihoodPosition(b, likelihood));
	const rank = x => {
		const cls = partClass(x, criterion, method);
		const plain = classRank(cls.replace('+', ''));
		return plain * 2 + (typeof x === 'string' && x.endsWith('+') ? 1 : 0);
	};
	return Math.sign(rank(a) - rank(b));
}

function isLikelihoodPart(a, b) {
	return [a, b].some(x => x && typeof x === 'object' && typeof x.probability === 'number');
}

// The place of a likelihood part: class A starts at 0, E ends at 5 (p = 1).
export function likelihoodPosition(part, likelihood) {
	if (typeof part === 'string') {
		const k = LETTERS.indexOf(part.replace('+', ''));
		return k + (part.endsWith('+') ? likelihood.high_position : likelihood.class_position);
	}
	const t = likelihood.hazard_thresholds, p = part.probability;
	let k = 0;
	while (k < 4 && p >= t[k])
		k++;
	const lower = k === 0 ? t[0] * (t[0] / t[1]) : t[k - 1];
	const upper = k === 0 ? t[0] : k === 4 ? 1 : t[k];
	const fraction = p > lower ? Math.log(p / lower) / Math.log(upper / lower) : 0;
	return k + Math.min(fraction, 1);
}

// A score in its full form {ev, ll, ul[, why]} as JSON text, so that two
// forms of the same score compare equal ("C" and {ev: "C"}).
export function scoreKey(score) {
	const parsed = parseScore(score);
	if (!parsed)
		return 'null';
	const full = { ev: parsed.parts.ev, ll: parsed.parts.ll, ul: parsed.parts.ul };
	if (parsed.why)
		full.why = parsed.why;
	return JSON.stringify(full);
}

// The consolidated score of a criterion (the likelihood too) of a scenario
// as the API gives it; an impact criterion without one is X.
export function consolidatedScore(scenario, criterion) {
	if (criterion === LIKELIHOOD)
		return scenario.likelihood;
	return scenario.impact && scenario.impact[criterion] !== undefined ? scenario.impact[criterion] : 'X';
}
