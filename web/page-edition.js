// page-edition.js - one edition: who chairs it and what edition it
// follows; for its chairs and admins its management (the status, and a
// publication confirmed first since it cannot be undone; its chairs; the
// edition it follows), for any other chair a note of who chairs it; the
// live risk diagram (the engine's SVG, refreshed when the edition's
// version changes, with arrows from the edition it follows; on a phone it
// keeps a legible size and scrolls in its own box), the ranked table, and
// the downloads.

import * as api from './api.js';
import { h, replace, announce, alertMessage, errorText, scrollBox } from './dom.js';
import { t, lang, pick, fixed } from './i18n.js';
import { confirmDialog } from './dialog.js';
import {
	managesEdition, chairsText, notChairNote, previousLine, chairsForm, previousForm
} from './edition-manage.js';

const STATUSES = ['draft', 'scoring', 'consolidation', 'published'];
const POLL_MS = 4000;

export function parseSvg(text) {
	const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
	const root = doc.documentElement;
	if (!root || root.nodeName !== 'svg')
		return null;
	// nothing active from the drawing: no scripts, no event attributes
	for (const el of root.querySelectorAll('script, foreignObject'))
		el.remove();
	for (const el of root.querySelectorAll('*'))
		for (const attr of [...el.attributes])
			if (/^on/i.test(attr.name))
				el.removeAttribute(attr.name);
	return document.importNode(root, true);
}

function likelihoodText(l) {
	const one = x => x.class + (x.high ? '+' : '');
	const ev = one(l.ev), ll = one(l.ll), ul = one(l.ul);
	return ll === ev && ul === ev ? ev : ev + ' (' + ll + '–' + ul + ')';
}

export async function renderEdition(ctx) {
	const id = ctx.params.edition;
	const base = '/api/assessments/' + id;
	const [edition, editions] = await Promise.all([api.get(base), api.get('/api/assessments')]);
	const method = await api.get('/api/methods/' + api.enc(edition.method));
	const manage = managesEdition(ctx.session, edition);
	const open = edition.status !== 'published';
	const chairs = manage && open ? await api.get('/api/chairs') : [];
	if (!ctx.alive())
		return;
	const me = ctx.session.user;
	let weights = '';
	let version = edition.version;
	let scenarios = edition.scenarios;
	let themes = edition.themes || [];
	const themeTitle = themeId => {
		const theme = themes.find(x => x.id === themeId);
		return theme ? pick(theme.title) : (themeId || '–');
	};

	const diagramBox = h('div', {
		id: 'diagram', class: 'diagram', 'aria-busy': 'true', tabindex: '0', role: 'region',
		'aria-label': t('edition.diagram')
	});
	const tableBox = h('div', { id: 'ranked-box' });
	const statusText = h('span', { id: 'edition-status', class: ['badge', 'status-' + edition.status] },
		t('status.' + edition.status));

	const reportLink = h('a', { id: 'report-link', download: 'report-' + id + '.html' }, t('edition.report'));
	const exportLink = h('a', { id: 'export-link', download: 'edition-' + id + '.yaml' }, t('edition.export'));
	function setLinks() {
		reportLink.href = base + '/report.html' + api.q({ weights, lang: lang() });
		exportLink.href = base + '/export';
	}
	setLinks();

	function openScenario(sid) {
		ctx.navigate('/editions/' + id + '/scenarios/' + sid);
	}

	async function loadDiagram() {
		diagramBox.setAttribute('aria-busy', 'true');
		let text;
		try {
			text = await api.get(base + '/diagram.svg' + api.q({ weights, lang: lang() }),
				{ text: true, accept: 'image/svg+xml' });
		} catch (err) {
			if (!ctx.alive())
				return;
			replace(diagramBox, h('p', { class: err.status === 404 ? 'empty' : 'error' },
				err.status === 404 ? t('edition.diagramNone') : errorText(err)));
			diagramBox.removeAttribute('aria-busy');
			return;
		}
		if (!ctx.alive())
			return;
		const svg = parseSvg(text);
		if (!svg) {
			replace(diagramBox, h('p', { class: 'error' }, t('edition.diagramNone')));
			return;
		}
		svg.setAttribute('class', 'risk-diagram');
		// a group, not an image: its points are links
		svg.setAttribute('role', 'group');
		// every point opens its scenario, by mouse or keyboard
		for (const point of svg.querySelectorAll('circle.point')) {
			const sid = point.getAttribute('data-scenario');
			const title = point.querySelector('title');
			point.setAttribute('tabindex', '0');
			point.setAttribute('role', 'link');
			if (title)
				point.setAttribute('aria-label', title.textContent);
			point.addEventListener('click', () => openScenario(sid));
			point.addEventListener('keydown', e => {
				if (e.key === 'Enter' || e.key === ' ') {
					e.preventDefault();
					openScenario(sid);
				}
			});
		}
		replace(diagramBox, svg);
		diagramBox.removeAttribute('aria-busy');
	}

	function rankedTable(results) {
		const byId = new Map(scenarios.map(s => [s.id, s]));
		const rows = [...results.scenarios].sort((a, b) => a.rank - b.rank);
		if (!rows.length)
			return h('p', { class: 'empty' }, t('edition.diagramNone'));
		return scrollBox(h('table', { id: 'ranked', class: 'data' },
			h('caption', null, t('edition.caption')),
			h('thead', null, h('tr', null,
				['col.rank', 'col.scenario', 'col.theme', 'col.kind', 'col.likelihood', 'col.impact', 'col.risk',
				 'col.classification', 'col.assigned'].map(k => h('th', { scope: 'col' }, t(k))))),
			h('tbody', null, rows.map(r => {
				const s = byId.get(r.id) || { assigned: [] };
				const mine = (s.assigned || []).includes(me);
				return h('tr', { 'data-scenario': r.id, class: mine ? 'mine' : null },
					h('td', { class: 'num' }, r.rank),
					h('th', { scope: 'row' },
						h('a', { href: '#/editions/' + id + '/scenarios/' + r.id }, r.title || r.id),
						r.new ? h('span', { class: 'badge new' }, ' ' + t('col.new')) : null),
					h('td', null, themeTitle(s.theme)),
					h('td', null, t('kind.' + r.kind)),
					h('td', null, likelihoodText(r.likelihood)),
					h('td', null, r.impact.ev.range + ' (' + fixed(r.impact.ev.total, 2) + ')'),
					h('td', { class: 'num' }, fixed(r.risk, 2)),
					h('td', null, t('class.' + (r.classification || 'public'))),
					h('td', null, (s.assigned || []).join(', '),
						mine ? h('span', { class: 'badge mine' }, ' ' + t('edition.mine')) : null));
			}))), t('edition.caption'));
	}

	async function loadTable() {
		let results;
		try {
			results = await api.get(base + '/results' + api.q({ weights, lang: lang() }));
		} catch (err) {
			if (ctx.alive())
				replace(tableBox, h('p', { class: 'error' }, errorText(err)));
			return;
		}
		if (ctx.alive())
			replace(tableBox, rankedTable(results));
	}

	async function refresh() {
		await Promise.all([loadDiagram(), loadTable()]);
	}

	// the management: status, chairs, the edition this one follows
	const chairsLine = h('p', { class: 'meta', id: 'edition-chairs' }, chairsText(edition));
	const previousBox = h('p', { class: 'meta', id: 'edition-previous' });
	function showPrevious() {
		const line = previousLine(edition, editions);
		replace(previousBox, line);
		previousBox.hidden = !line;
	}
	showPrevious();
	// the edition as saved or polled: a change of who manages it redraws the page
	function changed(updated) {
		if (managesEdition(ctx.session, updated) !== manage) {
			ctx.refresh();
			return false;
		}
		edition.chairs = updated.chairs;
		chairsLine.textContent = chairsText(updated);
		if (updated.previous !== edition.previous) {
			edition.previous = updated.previous;
			showPrevious();
			if (previous)
				previous.select.value = updated.previous ? String(updated.previous) : '';
		}
		return true;
	}
	const previous = manage && open ? previousForm(base, edition, editions, updated => {
		changed(updated);
		version = updated.version;
		refresh();
	}) : null;
	const chairsBox = manage && open ? chairsForm(ctx.session, base, edition, chairs, updated => {
		if (changed(updated))
			version = updated.version;
	}) : null;
	let statusForm = null;
	if (manage) {
		const select = h('select', { id: 'status-select', name: 'status' },
			STATUSES.map(s => h('option', { value: s, selected: s === edition.status }, t('status.' + s))));
		const button = h('button', { type: 'submit', id: 'status-submit' }, t('edition.statusChange'));
		statusForm = h('form', { id: 'status-form', class: 'inline-form' },
			h('div', { class: 'field' }, h('label', { for: 'status-select' }, t('edition.status')), select),
			h('div', { class: 'actions' }, button));
		if (edition.status === 'published') {
			select.disabled = true;
			button.disabled = true;
		}
		statusForm.addEventListener('submit', async e => {
			e.preventDefault();
			if (select.value === 'published' && !(await confirmDialog({
				title: t('publish.title'), text: t('publish.text', { title: edition.title }),
				confirm: t('publish.confirm'), danger: true
			})))
				return;
			button.disabled = true;
			try {
				const updated = await api.put(base + '/status', { status: select.value });
				version = updated.version;
				scenarios = updated.scenarios;
				statusText.className = 'badge status-' + updated.status;
				statusText.textContent = t('status.' + updated.status);
				announce(t('edition.statusChanged', { status: t('status.' + updated.status) }));
				if (updated.status === 'published') {
					select.disabled = true;
					// nothing of a published edition changes any more
					for (const form of [chairsBox, previous && previous.form].filter(Boolean))
						form.querySelectorAll('input, select, button').forEach(c => { c.disabled = true; });
				}
			} catch (err) {
				alertMessage(errorText(err));
			} finally {
				button.disabled = select.disabled;
			}
		});
	}

	// the weight profile
	const profiles = method.profiles || [];
	const weightSelect = h('select', { id: 'weights-select', name: 'weights' },
		profiles.map(p => h('option', { value: p.id, selected: !!p.default }, pick(p.title))));
	weightSelect.addEventListener('change', async () => {
		const chosen = profiles.find(p => p.id === weightSelect.value);
		weights = chosen && chosen.default ? '' : weightSelect.value;
		setLinks();
		await refresh();
		announce(t('edition.updated'));
	});

	const actions = h('nav', { class: 'actions-list', 'aria-label': t('edition.actions') },
		h('ul', null,
			h('li', null, reportLink),
			h('li', null, exportLink),
			h('li', null, h('a', { id: 'plan-link', href: '#/editions/' + id + '/plan' }, t('plan.link'))),
			manage || ctx.session.role === 'owner' ? h('li', null, h('a', {
				id: 'register-link', href: '#/editions/' + id + '/register' }, t('reg.link'))) : null,
			manage ? h('li', null, h('a', { id: 'scoring-link', href: '#/editions/' + id + '/scoring' },
				t('progress.title'))) : null,
			manage ? h('li', null, h('a', { id: 'spread-link', href: '#/editions/' + id + '/spread' },
				t('edition.spread'))) : null));

	replace(ctx.main,
		h('h1', null, edition.title),
		h('p', { class: 'meta' }, t('edition.meta', { edition: edition.edition, method: pick(method.title) })),
		h('p', { class: 'meta' }, t('edition.status') + ': ', statusText),
		chairsLine,
		previousBox,
		notChairNote(ctx.session, edition),
		statusForm,
		actions,
		h('section', { 'aria-labelledby': 'diagram-heading' },
			h('h2', { id: 'diagram-heading' }, t('edition.diagram')),
			profiles.length > 1 ? h('div', { class: 'field inline' },
				h('label', { for: 'weights-select' }, t('edition.weights')), weightSelect) : null,
			h('figure', { class: 'diagram-figure' },
				diagramBox,
				h('figcaption', null, t('edition.diagramHint')))),
		h('section', { 'aria-labelledby': 'ranked-heading' },
			h('h2', { id: 'ranked-heading' }, t('edition.ranked')),
			tableBox),
		// what changes seldom comes last: the chairs, the edition it follows
		chairsBox ? h('section', { class: 'panel', id: 'manage', 'aria-labelledby': 'manage-heading' },
			h('h2', { id: 'manage-heading' }, t('manage.title')),
			h('h3', null, t('manage.chairsTitle')), chairsBox,
			h('h3', null, t('manage.previousTitle')), h('p', { class: 'note' }, t('manage.previousHelp')),
			previous.form) : null);
	await refresh();
	if (!ctx.alive())
		return;

	// live: redraw when the edition changes (another user's score, a status)
	let busy = false;
	const timer = window.setInterval(async () => {
		if (busy || !ctx.alive())
			return;
		busy = true;
		try {
			const now = await api.get(base);
			if (!ctx.alive())
				return;
			if (now.version !== version) {
				if (!changed(now))
					return;
				version = now.version;
				scenarios = now.scenarios;
				themes = now.themes || themes;
				statusText.className = 'badge status-' + now.status;
				statusText.textContent = t('status.' + now.status);
				await refresh();
				announce(t('edition.updated'));
			}
		} catch {
			/* a missed poll: the next one tries again */
		} finally {
			busy = false;
		}
	}, POLL_MS);
	ctx.onCleanup(() => window.clearInterval(timer));
}
