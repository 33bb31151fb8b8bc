// page-portfolio.js - the chair's portfolio of an edition's plan: the
// best set of measures for a budget (POST /plan/portfolio, which computes
// what `natrisk portfolio` does on the plan the chair may see). The chair
// sets the budget, the years of yearly costs, the weight profile of the
// risk value (the method's default first) and optionally the budgets of
// a sweep and the robustness draws; the page shows the optimum (its
// cost and risk reduction, a table of every measure with its cost, its
// reduction on its own, whether the set holds it and, with draws, its
// acceptability), and with a sweep the frontier chart (the server draws
// it, ?format=svg) with its table.

import * as api from './api.js';
import { h, replace, scrollBox, onSubmit } from './dom.js';
import { t, number, fixed, pick } from './i18n.js';
import { refuseUnmanaged } from './edition-manage.js';
import { parseSvg } from './page-edition.js';
import { titleOf } from './plan-common.js';

// The server's caps (docs/server.md): the form holds to them.
const MAX_SWEEP = 50;
const MAX_DRAWS = 1000;

function numberField(name, label, attrs) {
	const fid = 'portfolio-' + name;
	const input = h('input', { type: 'number', id: fid, name, inputmode: 'decimal', ...attrs });
	return { field: h('div', { class: 'field' }, h('label', { for: fid }, label), input), input };
}

function whole(input) {
	return input.value === '' ? 0 : Number(input.value);
}

// The method's weight profiles, the default selected; the server takes
// the default when the request names none.
function profileField(profiles) {
	const input = h('select', { id: 'portfolio-weights', name: 'weights' },
		profiles.map(p => h('option', { value: p.id, selected: !!p.default }, pick(p.title))));
	return { field: h('div', { class: 'field' },
		h('label', { for: 'portfolio-weights' }, t('portfolio.weightsLabel')), input), input };
}

// The request of the form's fields; sweep and draws left out at 0, the
// weights when they are the default.
function body(fields, profiles) {
	const out = { budget: Number(fields.budget.input.value), years: whole(fields.years.input) };
	const chosen = profiles.find(p => p.id === fields.weights.input.value);
	if (chosen && !chosen.default)
		out.weights = chosen.id;
	if (whole(fields.sweep.input))
		out.sweep = whole(fields.sweep.input);
	if (whole(fields.robust.input)) {
		out.robust = whole(fields.robust.input);
		out.seed = whole(fields.seed.input);
	}
	return out;
}

function summary(d) {
	return h('p', {
		id: 'portfolio-summary', 'data-cost': String(d.cost), 'data-reduction': String(d.reduction)
	}, t('portfolio.summary', {
		n: d.selected.length, cost: number(d.cost), budget: number(d.budget),
		before: number(d.risk_before), after: number(d.risk_after), reduction: number(d.reduction)
	}));
}

function measureRow(measures, m) {
	return h('tr', { 'data-measure': m.id, 'data-selected': m.selected ? 'true' : 'false',
		class: m.selected ? 'chosen' : null },
	h('th', { scope: 'row' }, titleOf(measures, m.id), h('br'), h('code', null, m.id)),
	h('td', { class: 'num' }, number(m.cost)),
	h('td', { class: 'num' }, number(m.reduction_alone)),
	h('td', null, m.selected ? t('portfolio.yes') : t('portfolio.no')),
	m.acceptability === undefined ? null
		: h('td', { class: 'num', 'data-acceptability': String(m.acceptability) },
			fixed(100 * m.acceptability, 1) + ' %'));
}

function measuresTable(d, measures) {
	const robust = d.measures.some(m => m.acceptability !== undefined);
	const cols = ['portfolio.measure', 'portfolio.cost', 'portfolio.alone', 'portfolio.chosen'];
	if (robust)
		cols.push('portfolio.acceptability');
	return scrollBox(h('table', { id: 'portfolio-measures', class: 'data' },
		h('caption', null, t(robust ? 'portfolio.captionRobust' : 'portfolio.caption')),
		h('thead', null, h('tr', null, cols.map(k => h('th', { scope: 'col' }, t(k))))),
		h('tbody', null, d.measures.map(m => measureRow(measures, m)))), t('portfolio.caption'));
}

function frontierTable(d) {
	return scrollBox(h('table', { id: 'portfolio-frontier', class: 'data' },
		h('caption', null, t('portfolio.frontierCaption')),
		h('thead', null, h('tr', null, ['portfolio.budget', 'portfolio.cost', 'portfolio.reduction',
			'portfolio.measures'].map(k => h('th', { scope: 'col' }, t(k))))),
		h('tbody', null, d.frontier.map(p => h('tr', { 'data-budget': String(p.budget) },
			h('td', { class: 'num' }, number(p.budget)),
			h('td', { class: 'num' }, number(p.cost)),
			h('td', { class: 'num' }, number(p.reduction)),
			h('td', null, p.selected.join(', ') || '–'))))), t('portfolio.frontierCaption'));
}

// The frontier chart, drawn by the server from the same request.
async function frontierChart(path, request) {
	const text = await api.post(path + '?format=svg', request, { text: true, accept: 'image/svg+xml' });
	const svg = parseSvg(text);
	return h('figure', { id: 'portfolio-chart', class: 'diagram-figure' },
		h('div', { class: 'diagram', role: 'img', 'aria-label': t('portfolio.chartLabel') }, svg),
		h('figcaption', null, t('portfolio.chartCaption')));
}

async function results(path, request, measures) {
	const d = await api.post(path, request);
	const parts = [h('h2', { id: 'portfolio-result-heading' }, t('portfolio.result')), summary(d),
		measuresTable(d, measures)];
	if (d.frontier)
		parts.push(h('h2', { id: 'portfolio-frontier-heading' }, t('portfolio.frontier')),
			await frontierChart(path, request), frontierTable(d));
	return parts;
}

function form(path, measures, profiles, out) {
	const fields = {
		budget: numberField('budget', t('portfolio.budgetLabel'), { min: '0', step: 'any', required: true }),
		years: numberField('years', t('portfolio.yearsLabel'), { min: '0', max: '1000', step: '1', value: '1' }),
		weights: profileField(profiles),
		sweep: numberField('sweep', t('portfolio.sweepLabel', { max: MAX_SWEEP }),
			{ min: '0', max: String(MAX_SWEEP), step: '1', value: '0' }),
		robust: numberField('robust', t('portfolio.robustLabel', { max: MAX_DRAWS }),
			{ min: '0', max: String(MAX_DRAWS), step: '1', value: '0' }),
		seed: numberField('seed', t('portfolio.seedLabel'), { min: '0', step: '1', value: '0' })
	};
	const status = h('p', { id: 'portfolio-status', class: 'form-status', role: 'status' });
	const element = h('form', { id: 'portfolio-form', class: 'inline-form' },
		Object.values(fields).map(f => f.field),
		h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'portfolio-submit' },
			t('portfolio.submit'))),
		status);
	onSubmit(element, status, async () => {
		out.setAttribute('aria-busy', 'true');
		try {
			replace(out, ...await results(path, body(fields, profiles), measures));
		} finally {
			out.removeAttribute('aria-busy');
		}
		return t('portfolio.done');
	});
	return element;
}

export async function renderPortfolio(ctx) {
	const id = ctx.params.edition;
	const base = '/api/assessments/' + id;
	const edition = await api.get(base);
	if (refuseUnmanaged(ctx, edition, t('portfolio.title', { title: edition.title })))
		return;
	const measures = await api.get(base + '/plan/measures');
	const method = await api.get('/api/methods/' + api.enc(edition.method));
	const profiles = method.profiles || [];
	if (!ctx.alive())
		return;
	const out = h('section', { id: 'portfolio-result', 'aria-live': 'polite',
		'aria-label': t('portfolio.result') });
	replace(ctx.main,
		h('h1', null, t('portfolio.title', { title: edition.title })),
		h('p', { class: 'meta' }, h('a', { href: '#/editions/' + id + '/plan', id: 'portfolio-back' },
			t('portfolio.back'))),
		h('p', null, t('portfolio.intro')),
		h('section', { class: 'panel', 'aria-labelledby': 'portfolio-form-heading' },
			h('h2', { id: 'portfolio-form-heading' }, t('portfolio.formHeading')),
			form(base + '/plan/portfolio', measures, profiles, out)),
		out);
}
