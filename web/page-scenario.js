// page-scenario.js - one scenario: its details; for the edition's chairs
// (and admins) the assignment of analysts, its descriptive fields and the
// consolidation, for any other chair a note of who chairs the edition;
// for an assigned analyst the scoring form (one form, one save, and a
// start from the consolidated scores); for everyone the consolidated
// scores. Leaving with unsaved scores asks first (ctx.guard).

import * as api from './api.js';
import { h, replace, announce, onSubmit, scrollBox } from './dom.js';
import { t, pick, dateTime } from './i18n.js';
import { LIKELIHOOD, consolidatedScore, scoreText, criterionName, safeId } from './score.js';
import { scoreForm } from './score-form.js';
import { managesEdition, notChairNote } from './edition-manage.js';

const CLASSIFICATIONS = ['public', 'restricted', 'confidential'];

// The theme's title from the edition's themes (those the reader may see).
function themeText(scenario, themes) {
	const theme = (themes || []).find(x => x.id === scenario.theme);
	if (!scenario.theme)
		return '–';
	return theme ? pick(theme.title) + ' (' + theme.id + ')' : scenario.theme;
}

function details(scenario, themes) {
	const rows = [
		[t('scenario.theme'), themeText(scenario, themes)],
		[t('scenario.kind'), t('kind.' + scenario.kind)],
		[t('scenario.classification'), t('class.' + (scenario.classification || 'public'))],
		[t('scenario.new'), scenario.new ? t('yes') : t('no')]
	];
	return h('section', { 'aria-labelledby': 'details-heading' },
		h('h2', { id: 'details-heading' }, t('scenario.details')),
		h('dl', { class: 'details' }, rows.map(([k, v]) => [h('dt', null, k), h('dd', null, v)])),
		scenario.description ? [
			h('h3', null, t('scenario.description')),
			scenario.description.split(/\n\s*\n/).map(p => h('p', { class: 'description' }, p.trim()))
		] : null,
		scenario.sources && scenario.sources.length ? [
			h('h3', null, t('scenario.sources')),
			h('ul', null, scenario.sources.map(s => h('li', null, s)))
		] : null);
}

// One checkbox per active analyst (GET /api/analysts); an analyst whose
// clearance is below the scenario's classification cannot be assigned, so
// that box is disabled with the reason. Names assigned earlier but no
// longer listed (disabled accounts) stay as checked boxes so that saving
// does not drop them silently.
function analystChoices(analysts, scenario) {
	const level = c => CLASSIFICATIONS.indexOf(c);
	const listed = new Set(analysts.map(a => a.name));
	const rows = analysts.map(a => ({
		name: a.name,
		clearance: a.clearance,
		allowed: level(a.clearance) >= level(scenario.classification || 'public')
	}));
	for (const name of scenario.assigned || [])
		if (!listed.has(name))
			rows.push({ name, clearance: null, allowed: true });
	return rows.map((a, k) => {
		const id = 'assign-' + k;
		const box = h('input', {
			type: 'checkbox', id, name: 'analysts', value: a.name,
			checked: (scenario.assigned || []).includes(a.name),
			disabled: !a.allowed
		});
		const note = a.clearance === null ? t('assign.inactive')
			: a.allowed ? t('class.' + a.clearance)
			: t('assign.tooLow', { clearance: t('class.' + a.clearance) });
		return h('div', { class: 'check' }, box,
			h('label', { for: id }, a.name + ' (' + note + ')'));
	});
}

function assignForm(base, scenario, analysts, onChange) {
	const choices = analystChoices(analysts, scenario);
	const button = h('button', { type: 'submit', id: 'assign-submit' }, t('assign.save'));
	const status = h('p', { id: 'assign-status', class: 'form-status' });
	const form = h('form', { id: 'assign-form', class: 'inline-form' },
		h('fieldset', { id: 'assign-names' },
			h('legend', null, t('assign.names')),
			choices.length ? choices : h('p', null, t('assign.noAnalysts'))),
		h('div', { class: 'actions' }, button),
		status);
	onSubmit(form, status, async () => {
		const names = [...form.querySelectorAll('input[name="analysts"]:checked')].map(b => b.value);
		const updated = await api.put(base + '/assigned', { analysts: names });
		for (const box of form.querySelectorAll('input[name="analysts"]'))
			box.checked = updated.assigned.includes(box.value);
		onChange(updated);
		return t('assign.saved', { names: updated.assigned.join(', ') || t('assign.none') });
	});
	return h('section', { 'aria-labelledby': 'assign-heading', class: 'panel' },
		h('h2', { id: 'assign-heading' }, t('assign.title')), form);
}

function editForm(base, scenario, onChange) {
	const title = h('input', { id: 'edit-title', name: 'title', type: 'text', value: scenario.title, required: true });
	const description = h('textarea', { id: 'edit-description', name: 'description', rows: '5' },
		scenario.description || '');
	const classification = h('select', { id: 'edit-classification', name: 'classification' },
		CLASSIFICATIONS.map(c => h('option', { value: c, selected: c === (scenario.classification || 'public') },
			t('class.' + c))));
	const button = h('button', { type: 'submit', id: 'edit-submit' }, t('scenario.editSave'));
	const status = h('p', { id: 'edit-status', class: 'form-status' });
	const form = h('form', { id: 'edit-form' },
		h('div', { class: 'field wide' }, h('label', { for: 'edit-title' }, t('scenario.editTitle')), title),
		h('div', { class: 'field wide' }, h('label', { for: 'edit-description' }, t('scenario.editDescription')),
			description),
		h('div', { class: 'field' }, h('label', { for: 'edit-classification' }, t('scenario.classification')),
			classification),
		h('div', { class: 'actions' }, button),
		status);
	onSubmit(form, status, async () => {
		const body = { title: title.value.trim(), classification: classification.value };
		if (description.value.trim() || scenario.description)
			body.description = description.value;
		onChange(await api.patch(base, body));
		return t('scenario.editSaved');
	});
	return h('section', { 'aria-labelledby': 'edit-heading', class: 'panel' },
		h('details', null,
			h('summary', null, h('h2', { id: 'edit-heading', class: 'inline-heading' }, t('scenario.edit'))),
			form));
}

// Everyone's read-only view of the consolidated scores.
function consolidatedTable(method, scenario) {
	const criteria = [null, ...method.criteria];
	return h('section', { 'aria-labelledby': 'consolidated-heading' },
		h('h2', { id: 'consolidated-heading' }, t('consol.readonly')),
		scrollBox(h('table', { id: 'consolidated-table', class: 'data' },
			h('caption', { class: 'visually-hidden' }, t('consol.readonly')),
			h('thead', null, h('tr', null,
				h('th', { scope: 'col' }, t('col.criterion')),
				h('th', { scope: 'col' }, t('col.score')),
				h('th', { scope: 'col' }, t('form.why')))),
			h('tbody', null, criteria.map(c => {
				const id = c ? c.id : LIKELIHOOD;
				const score = consolidatedScore(scenario, id);
				return h('tr', { 'data-criterion': id },
					h('th', { scope: 'row' }, criterionName(method, id)),
					h('td', null, scoreText(score, c, method)),
					h('td', null, (score && typeof score === 'object' && score.why) || ''));
			}))), t('consol.readonly')));
}

// Every criterion's stored score from a scenario's consolidated scores.
function consolidatedScores(method, scenario) {
	const out = { [LIKELIHOOD]: scenario.likelihood };
	for (const c of method.criteria)
		out[c.id] = consolidatedScore(scenario, c.id);
	return out;
}

// The analyst's own current scores {criterion: score} from GET .../scores.
function ownScores(answer, me) {
	const mine = (answer && answer.analysts && answer.analysts[me]) || {};
	const out = {};
	for (const [id, entry] of Object.entries(mine))
		out[id] = entry.score;
	return out;
}

function analystScoring(ctx, { base, method, scenario, edition, scores }) {
	const me = ctx.session.user;
	const assigned = (scenario.assigned || []).includes(me);
	const open = edition.status === 'scoring' && assigned;
	const mine = (scores.analysts && scores.analysts[me]) || {};
	const notice = !assigned ? t('scores.notAssigned')
		: edition.status !== 'scoring' ? t('scores.closed', { status: t('status.' + edition.status) }) : null;
	const section = h('section', { id: 'scoring', 'aria-labelledby': 'scoring-heading' },
		h('h2', { id: 'scoring-heading' }, t('scores.title')),
		notice ? h('p', { id: 'scoring-notice', class: 'notice' }, notice) : h('p', null, t('scores.intro')));
	if (!assigned)
		return section;
	const note = (criterion, id) => {
		const entry = mine[id];
		const history = entry && entry.history && entry.history.length
			? ' ' + t('scores.history', {
				list: entry.history.map(x => scoreText(x.score, criterion, method) + ' (' + dateTime(x.at) + ')')
					.join('; ')
			}) : '';
		const saved = entry ? ' ' + t('scores.savedAt', { at: dateTime(entry.at) }) : '';
		return h('p', { class: 'note' }, t('scores.current', {
			score: scoreText(consolidatedScore(scenario, id), criterion, method)
		}) + saved + history);
	};
	const start = h('button', { type: 'button', id: 'score-from-consolidated', class: 'secondary', disabled: !open },
		t('sheet.fromConsolidated'));
	const form = scoreForm({
		method, kind: scenario.kind, prefix: 'score', scores: ownScores(scores, me), disabled: !open,
		tools: h('div', { class: 'sheet-tools' }, start),
		extra: (criterion, row) => note(criterion, row.id),
		save: async changes => ownScores(await api.put(base + '/scores', changes), me)
	});
	start.addEventListener('click', () => {
		for (const [id, row] of form.rows)
			row.set(consolidatedScore(scenario, id));
		form.refresh();
		form.setStatus(t('sheet.filled'));
		announce(t('sheet.filled'));
	});
	ctx.guard(() => form.isDirty());
	section.append(form);
	return section;
}

// The analysts' scores of one criterion, each with a button that puts it
// into the chair's row.
function analystTable(method, analysts, criterion, row, open) {
	const id = criterion ? criterion.id : LIKELIHOOD;
	const rows = Object.entries(analysts).filter(([, crits]) => crits[id]);
	if (!rows.length)
		return h('p', { class: 'note' }, t('consol.noAnalysts'));
	return scrollBox(h('table', { class: 'data compact analyst-scores' },
		h('caption', null, t('consol.analysts')),
		h('thead', null, h('tr', null,
			h('th', { scope: 'col' }, t('col.name')),
			h('th', { scope: 'col' }, t('col.score')),
			h('th', { scope: 'col' }, t('form.why')),
			h('th', { scope: 'col' }, t('col.action')))),
		h('tbody', null, rows.map(([name, crits]) => h('tr', { 'data-analyst': name },
			h('th', { scope: 'row' }, name),
			h('td', null, scoreText(crits[id].score, criterion, method)),
			h('td', null, (crits[id].score && crits[id].score.why) || ''),
			h('td', null, h('button', {
				type: 'button', class: 'secondary small', disabled: !open,
				id: 'adopt-' + safeId(id) + '-' + safeId(name),
				onclick: () => {
					row.set(crits[id].score);
					row.el.closest('form').refresh();
					row.controls[1].select.focus();
				}
			}, t('consol.adopt', { name }))))))), t('consol.analysts'));
}

function consolidation(ctx, { base, method, scenario, edition, scores }) {
	const open = edition.status === 'draft' || edition.status === 'consolidation';
	const analysts = (scores && scores.analysts) || {};
	const form = scoreForm({
		method, kind: scenario.kind, prefix: 'consol', consolidated: true, disabled: !open,
		scores: consolidatedScores(method, scenario),
		extra: (criterion, row) => analystTable(method, analysts, criterion, row, open),
		save: async changes => consolidatedScores(method, await api.put(base + '/consolidated', changes))
	});
	ctx.guard(() => form.isDirty());
	return h('section', { id: 'consolidation', 'aria-labelledby': 'consolidation-heading' },
		h('h2', { id: 'consolidation-heading' }, t('consol.title')),
		h('p', { id: 'consolidation-notice', class: open ? null : 'notice' },
			open ? t('consol.intro') : t('consol.closed', { status: t('status.' + edition.status) })),
		form);
}

export async function renderScenario(ctx) {
	const { edition: eid, scenario: sid } = ctx.params;
	const editionPath = '/api/assessments/' + eid;
	const base = editionPath + '/scenarios/' + api.enc(sid);
	const [edition, scenario] = await Promise.all([api.get(editionPath), api.get(base)]);
	const method = await api.get('/api/methods/' + api.enc(edition.method));
	const role = ctx.session.role;
	const manage = managesEdition(ctx.session, edition);
	const scores = manage || role === 'analyst' ? await api.get(base + '/scores') : null;
	const analysts = manage ? await api.get('/api/analysts') : [];
	if (!ctx.alive())
		return;
	const heading = h('h1', null, scenario.title);
	const data = { base, method, scenario, edition, scores };
	const parts = [
		heading,
		h('p', { class: 'meta' },
			h('a', { href: '#/editions/' + eid, id: 'back-link' }, t('scenario.back') + ': ' + edition.title)),
		notChairNote(ctx.session, edition),
		details(scenario, edition.themes)
	];
	if (manage) {
		parts.push(assignForm(base, scenario, analysts, updated => { scenario.assigned = updated.assigned; }));
		parts.push(editForm(base, scenario, updated => {
			heading.textContent = updated.title;
			document.title = updated.title + ' – natrisk';
		}));
		parts.push(consolidation(ctx, data));
	} else {
		if (role === 'analyst')
			parts.push(analystScoring(ctx, data));
		parts.push(consolidatedTable(method, scenario));
	}
	replace(ctx.main, parts);
}
