// page-alerts.js - the alerts the reader may see (GET /api/alerts): each
// chain, its current message and its history, and the last poll of the
// monitor's feeds; for chairs and admins, the form that issues an alert,
// an update or a cancel on an edition they chair (POST
// /api/assessments/ID/alerts), as Exercise or Test too. The server decides
// who may: the form shows its refusal as it is. Every reader can make a
// feed link of their own (POST /api/users/me/feed-token): the Atom feed
// at their clearance, for a feed reader that cannot sign in.

import * as api from './api.js';
import { h, replace, onSubmit, scrollBox, labelledSelect } from './dom.js';
import { t } from './i18n.js';

const TYPES = ['Alert', 'Update', 'Cancel'];
const STATUSES = ['Actual', 'Exercise', 'Test'];
// CAP 1.2's codes (the server checks them again)
const CODES = {
	category: ['Geo', 'Met', 'Safety', 'Security', 'Rescue', 'Fire', 'Health', 'Env', 'Transport',
		'Infra', 'CBRNE', 'Other'],
	urgency: ['Immediate', 'Expected', 'Future', 'Past', 'Unknown'],
	severity: ['Extreme', 'Severe', 'Moderate', 'Minor', 'Unknown'],
	certainty: ['Observed', 'Likely', 'Possible', 'Unlikely', 'Unknown']
};

const options = list => list.map(v => ({ value: v, label: v }));

function historyRow(m, chain) {
	return h('tr', null,
		h('td', null, m.sent),
		h('td', null, m.msg_type),
		h('td', null, m.status),
		h('td', null, m.headline || ''),
		h('td', null, chain.scenarios.join(', ')),
		h('td', null, m.created_by || ''));
}

function chainSection(chain) {
	const head = h('tr', null, ['sent', 'type', 'status', 'headline', 'scenarios', 'source']
		.map(k => h('th', { scope: 'col' }, t('alerts.col.' + k))));
	const caption = t('alerts.history', { id: chain.chain, count: chain.history.length });
	return h('section', { class: 'panel alert-chain', 'data-chain': chain.chain },
		h('h3', null, (chain.current && chain.current.headline) || chain.chain,
			' — ', chain.msg_type, ' (', chain.status, ')'),
		scrollBox(h('table', { class: 'data' }, h('caption', null, caption), h('thead', null, head),
			h('tbody', null, chain.history.map(m => historyRow(m, chain)))), caption));
}

function feedsTable(feeds) {
	const caption = t('alerts.feeds.caption');
	return h('section', { class: 'panel', 'aria-labelledby': 'feeds-heading' },
		h('h2', { id: 'feeds-heading' }, t('alerts.feeds')),
		scrollBox(h('table', { id: 'feeds-table', class: 'data' }, h('caption', null, caption),
			h('thead', null, h('tr', null, ['indicator', 'state', 'message']
				.map(k => h('th', { scope: 'col' }, t('alerts.col.' + k))))),
			h('tbody', null, feeds.map(f => h('tr', null, h('td', null, f.indicator),
				h('td', null, f.state), h('td', null, f.message || ''))))), caption));
}

function field(fid, label, control) {
	return h('div', { class: 'field' }, h('label', { for: fid }, label), control);
}

function input(fid, attrs = {}) {
	return h('input', { id: fid, name: fid, type: 'text', autocomplete: 'off', ...attrs });
}

// The chains an Update or Cancel may follow, as options.
function chainOptions(chains) {
	return chains.map(c => h('option', { value: String(c.history[0].id) },
		((c.current && c.current.headline) || c.chain) + ' (' + c.msg_type + ')'));
}

// The issuing form; AFTER (async) draws the list again with the new
// message and returns the chains, whose options the form then offers.
function issueForm(editions, chains, after) {
	const edition = labelledSelect(t('alerts.edition'),
		editions.map(e => ({ value: String(e.id), label: e.title })), '', { id: 'alert-edition' });
	const type = labelledSelect(t('alerts.type'), options(TYPES), 'Alert', { id: 'alert-type' });
	const status = labelledSelect(t('alerts.status'), options(STATUSES), 'Exercise', { id: 'alert-status' });
	const references = labelledSelect(t('alerts.references'), [], '', { id: 'alert-references' });
	replace(references.select, chainOptions(chains));
	const scenarios = input('alert-scenarios');
	const event = input('alert-event', { required: true });
	const codes = Object.fromEntries(Object.entries(CODES).map(([k, list]) =>
		[k, labelledSelect(t('alerts.' + k), options(list), list[0], { id: 'alert-' + k })]));
	const en = input('alert-headline-en', { required: true });
	const nl = input('alert-headline-nl');
	const note = h('p', { id: 'alert-form-status', class: 'form-status' });
	const form = h('form', { id: 'alert-form', class: 'inline-form' },
		edition.field, type.field, status.field,
		field('alert-scenarios', t('alerts.scenarios'), scenarios), references.field,
		field('alert-event', t('alerts.event'), event),
		Object.values(codes).map(c => c.field),
		field('alert-headline-en', t('alerts.headline.en'), en),
		field('alert-headline-nl', t('alerts.headline.nl'), nl),
		h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'alert-submit' }, t('alerts.submit'))),
		note);
	onSubmit(form, note, async () => {
		const body = {
			msg_type: type.select.value, status: status.select.value, event: event.value.trim(),
			headline: nl.value.trim() ? { en: en.value.trim(), nl: nl.value.trim() } : { en: en.value.trim() }
		};
		for (const [k, c] of Object.entries(codes))
			body[k] = c.select.value;
		if (body.msg_type === 'Alert')
			body.scenarios = scenarios.value.split(',').map(s => s.trim()).filter(Boolean);
		else
			body.references = Number(references.select.value);
		const made = await api.post('/api/assessments/' + edition.select.value + '/alerts', body);
		replace(references.select, chainOptions(await after()));
		return t('alerts.issued', { type: made.msg_type, id: made.identifier, status: made.status });
	});
	return h('section', { class: 'panel', 'aria-labelledby': 'alert-issue-heading' },
		h('h2', { id: 'alert-issue-heading' }, t('alerts.issue')),
		h('p', null, t('alerts.issue.intro')), form);
}

// A new feed link of the reader's own; the previous one ends.
function feedLink() {
	const status = h('p', { id: 'feed-link-status', class: 'form-status', role: 'status' });
	const output = h('div', { id: 'feed-link-output' });
	const form = h('form', { id: 'feed-link-form', class: 'inline-form' },
		h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'feed-link-make' },
			t('alerts.link.make'))), status);
	onSubmit(form, status, async () => {
		const made = await api.post('/api/users/me/feed-token', {});
		const url = location.origin + made.alerts_url;
		replace(output, h('div', { class: 'field' },
			h('label', { for: 'feed-link' }, t('alerts.link.label')),
			h('input', { id: 'feed-link', type: 'text', readonly: true, value: url,
				spellcheck: 'false', autocomplete: 'off' })));
		return t('alerts.link.made');
	});
	return h('section', { class: 'panel', 'aria-labelledby': 'feed-link-heading' },
		h('h2', { id: 'feed-link-heading' }, t('alerts.link.heading')),
		h('p', null, t('alerts.link.intro')), form, output);
}

export async function renderAlerts(ctx) {
	const data = await api.get('/api/alerts');
	const editions = ctx.isChair() ? await api.get('/api/assessments') : [];
	if (!ctx.alive())
		return;
	const list = h('div', { id: 'alerts-list' });
	const draw = alerts => replace(list, alerts.length ? alerts.map(chainSection)
		: h('p', { class: 'note' }, t('alerts.none')));
	draw(data.alerts);
	// after an issue: the list again, the form as it stands
	const after = async () => {
		const fresh = await api.get('/api/alerts');
		draw(fresh.alerts);
		return fresh.alerts;
	};
	replace(ctx.main,
		h('h1', null, t('alerts.title')),
		h('p', null, t('alerts.intro'), ' ', h('a', { href: '/alerts.atom', id: 'atom-link' }, t('alerts.atom'))),
		h('section', { 'aria-labelledby': 'alerts-heading' },
			h('h2', { id: 'alerts-heading' }, t('alerts.caption')), list),
		data.feeds.length ? feedsTable(data.feeds) : null,
		feedLink(),
		ctx.isChair() ? issueForm(editions, data.alerts, after) : null);
}
