// page-plan.js - an edition's plan: the capability analysis per phase of
// the safety chain (the engine's figures; for the edition's chairs and
// admins every expert's levels beside them, from /plan/spread; for an
// expert their own capabilities marked), the gaps in the chain, the
// measures, the advice with the cabinet's decisions, and the
// organisations. Every reader downloads the plan file as they may see
// it; the chairs import one (after a confirmation: it replaces the whole
// plan) and change the items (plan-items.js). What a reader may not see
// never arrives: the page draws what the server sends.

import * as api from './api.js';
import { h, replace, announce, alertMessage, errorText, scrollBox } from './dom.js';
import { t } from './i18n.js';
import { confirmDialog } from './dialog.js';
import { managesEdition, notChairNote } from './edition-manage.js';
import { PHASES, phaseName, figure, titles, scenarioList } from './plan-common.js';
import { itemsSection, addPanel } from './plan-items.js';

// A message to show after the page is drawn again (a save reloads it).
let flash = '';

// The capabilities the reader is an expert of: for an analyst, from each
// capability's own answer (the list does not carry its experts).
async function myCapabilities(ctx, base, capabilities) {
	if (ctx.session.role !== 'analyst')
		return new Set();
	const items = await Promise.all(capabilities.map(c =>
		api.get(base + '/plan/capabilities/' + c.id).catch(() => null)));
	return new Set(items.filter(x => x && (x.experts || []).includes(ctx.session.user)).map(x => x.id));
}

function expertsCell(row, spread) {
	if (!spread)
		return String(row.experts);
	const levels = spread.levels || [];
	return h('ul', { class: 'expert-levels' },
		levels.map(l => h('li', { 'data-analyst': l.analyst },
			l.analyst + ': ' + l.current + ' → ' + l.target)),
		(spread.missing || []).map(name => h('li', { 'data-analyst': name, 'data-missing': 'true', class: 'missing' },
			name + ': ' + t('plan.missing'))));
}

function agreedText(agreed) {
	return agreed ? agreed.current + ' → ' + agreed.target : '–';
}

function capabilityRow(id, row, cap, spread, mine, scenarios) {
	const isMine = mine.has(row.id);
	return h('tr', {
		'data-capability': row.id, 'data-flagged': row.flagged ? 'true' : 'false',
		class: [row.flagged ? 'flagged' : null, isMine ? 'mine' : null]
	},
	h('td', null, phaseName(row.phase)),
	h('th', { scope: 'row' },
		h('a', { href: '#/editions/' + id + '/plan/capabilities/' + row.id }, cap ? cap.title : row.id),
		isMine ? h('span', { class: 'badge mine' }, ' ' + t('plan.mine')) : null),
	h('td', null, titles(scenarios, row.scenarios)),
	h('td', { class: 'experts-cell' }, expertsCell(row, spread)),
	h('td', { class: 'num' }, figure(row.current)),
	h('td', { class: 'num' }, figure(row.target)),
	h('td', { class: 'num' }, figure(row.gap)),
	h('td', { class: 'num agreed-cell' }, agreedText(row.agreed)),
	h('td', { class: 'flag-cell' }, row.flagged ? h('span', { class: 'badge flag' }, '⚑ ' + t('plan.flagged')) : '–'));
}

// The figures' capabilities in the order of the chain, file order within.
function byPhase(rows) {
	return [...rows].sort((a, b) => PHASES.indexOf(a.phase) - PHASES.indexOf(b.phase));
}

function capabilityTable(id, figures, plan, mine, scenarios) {
	if (!figures.capabilities.length)
		return h('p', { class: 'empty', id: 'capabilities-none' }, t('plan.noCapabilities'));
	const caps = new Map((plan.capabilities || []).map(c => [c.id, c]));
	const spread = figures.capabilities[0].assigned !== undefined;
	return scrollBox(h('table', { id: 'capabilities-table', class: 'data' },
		h('caption', null, t('plan.capCaption')),
		h('thead', null, h('tr', null,
			['col.phase', 'col.capability', 'col.scenarios', 'col.experts', 'col.current', 'col.target', 'col.gap',
			 'col.agreed', 'col.flag'].map(k => h('th', { scope: 'col' }, t(k))))),
		h('tbody', null, byPhase(figures.capabilities).map(row =>
			capabilityRow(id, row, caps.get(row.id), spread ? row : null, mine, scenarios)))),
	t('plan.capCaption'));
}

function phaseTotals(figures) {
	return h('ul', { id: 'phase-totals', class: 'phase-totals' },
		PHASES.filter(p => figures.phases[p]).map(p => h('li', { 'data-phase': p },
			t('plan.phaseTotals', { phase: phaseName(p), n: figures.phases[p].capabilities,
				gap: figure(figures.phases[p].gap) }))));
}

function chainGaps(figures, scenarios) {
	const gaps = figures.chain_gaps || [];
	return h('section', { 'aria-labelledby': 'chain-heading' },
		h('h2', { id: 'chain-heading' }, t('plan.chainGaps')),
		gaps.length ? h('ul', { id: 'chain-gaps' }, gaps.map(g => h('li', { 'data-scenario': g.scenario },
			t('plan.chainGap', { scenario: titles(scenarios, [g.scenario]),
				phases: g.phases.map(phaseName).join(', ') }))))
			: h('p', { class: 'empty', id: 'chain-gaps-none' }, t('plan.chainGapsNone')));
}

// The chairs' import: the whole plan is replaced, so it asks first.
function importForm(base, reload) {
	const input = h('input', { type: 'file', id: 'plan-file', name: 'plan', accept: '.yaml,.yml,application/yaml' });
	const status = h('p', { id: 'plan-import-status', class: 'form-status', role: 'status' });
	const button = h('button', { type: 'submit', id: 'plan-import-submit' }, t('plan.importSubmit'));
	const form = h('form', { id: 'plan-import-form', class: 'inline-form' },
		h('div', { class: 'field' }, h('label', { for: 'plan-file' }, t('plan.importFile')), input),
		h('div', { class: 'actions' }, button), status);
	form.addEventListener('submit', async e => {
		e.preventDefault();
		status.classList.remove('error');
		const file = input.files && input.files[0];
		if (!file) {
			status.textContent = t('plan.importNone');
			status.classList.add('error');
			return;
		}
		if (!(await confirmDialog({
			title: t('plan.importTitle'), text: t('plan.importText'),
			confirm: t('plan.importConfirm'), danger: true
		})))
			return;
		button.disabled = true;
		try {
			await api.post(base + '/plan', await file.text(), { type: 'application/yaml' });
			reload(t('plan.imported'));
		} catch (err) {
			status.textContent = errorText(err);
			status.classList.add('error');
			alertMessage(errorText(err));
		} finally {
			button.disabled = false;
		}
	});
	return form;
}

export async function renderPlan(ctx) {
	const id = ctx.params.edition;
	const base = '/api/assessments/' + id;
	const edition = await api.get(base);
	const manage = managesEdition(ctx.session, edition);
	const [plan, figures] = await Promise.all([
		api.get(base + '/plan'), api.get(base + '/plan/' + (manage ? 'spread' : 'figures'))
	]);
	const mine = await myCapabilities(ctx, base, plan.capabilities || []);
	if (!ctx.alive())
		return;
	const open = edition.status !== 'published';
	const scenarios = scenarioList(edition);
	const message = h('p', { id: 'plan-status', class: 'form-status', role: 'status' }, flash);
	if (flash)
		announce(flash);
	flash = '';
	const env = {
		base, plan, scenarios, manage, open,
		reload: text => { flash = text; ctx.refresh(); },
		fail: err => { message.textContent = errorText(err); message.classList.add('error'); alertMessage(errorText(err)); }
	};
	const independent = ctx.session.role === 'analyst' && ['draft', 'scoring'].includes(edition.status);
	replace(ctx.main,
		h('h1', null, t('plan.title', { title: edition.title })),
		h('p', { class: 'meta' }, h('a', { href: '#/editions/' + id, id: 'plan-back' },
			t('scenario.back') + ': ' + edition.title)),
		h('p', null, t('plan.intro')),
		notChairNote(ctx.session, edition),
		independent ? h('p', { class: 'notice', id: 'plan-own-only' }, t('plan.ownOnly')) : null,
		message,
		h('nav', { class: 'actions-list', 'aria-label': t('edition.actions') }, h('ul', null,
			h('li', null, h('a', { id: 'plan-export', href: base + '/plan.yaml', download: 'plan-' + id + '.yaml' },
				t('plan.export'))),
			manage ? h('li', null, h('a', { id: 'plan-portfolio', href: '#/editions/' + id + '/plan/portfolio' },
				t('portfolio.link'))) : null)),
		manage && open ? h('section', { class: 'panel', 'aria-labelledby': 'import-heading' },
			h('h2', { id: 'import-heading' }, t('plan.import')), importForm(base, env.reload)) : null,
		h('section', { 'aria-labelledby': 'capabilities-heading' },
			h('h2', { id: 'capabilities-heading' }, t('plan.capabilities')),
			phaseTotals(figures),
			capabilityTable(id, figures, plan, mine, scenarios),
			manage && open ? addPanel(env, 'capabilities', t('item.addCapability')) : null),
		chainGaps(figures, scenarios),
		itemsSection(env, 'measures'),
		itemsSection(env, 'advice'),
		itemsSection(env, 'organisations'));
}
