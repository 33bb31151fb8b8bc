// page-scenario.js - one scenario: its details; for the chair the
// assignment of analysts, its descriptive fields and the consolidation;
// for an assigned analyst the scoring form; for everyone the consolidated
// scores.

import * as api from './api.js';
import { h, replace, announce, alertMessage, errorText, onSubmit } from './dom.js';
import { t, pick, dateTime } from './i18n.js';
import { LIKELIHOOD, scoreForm, scoreText, criterionName, safeId } from './score.js';

const CLASSIFICATIONS = ['public', 'restricted', 'confidential'];

// The method's criteria grouped by vital interest: [{interest, criteria}].
function byInterest(method) {
	return method.interests.map(i => ({
		interest: i,
		criteria: method.criteria.filter(c => c.interest === i.id)
	})).filter(g => g.criteria.length);
}

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

function consolidatedScore(scenario, criterion) {
	if (criterion === LIKELIHOOD)
		return scenario.likelihood;
	return scenario.impact && scenario.impact[criterion] !== undefined ? scenario.impact[criterion] : 'X';
}

// Everyone's read-only view of the consolidated scores.
function consolidatedTable(method, scenario) {
	const criteria = [null, ...method.criteria];
	return h('section', { 'aria-labelledby': 'consolidated-heading' },
		h('h2', { id: 'consolidated-heading' }, t('consol.readonly')),
		h('table', { id: 'consolidated-table', class: 'data' },
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
			}))));
}

function analystScoring(ctx, { base, method, scenario, edition, scores }) {
	const me = ctx.session.user;
	const assigned = (scenario.assigned || []).includes(me);
	const open = edition.status === 'scoring' && assigned;
	const mine = (scores.analysts && scores.analysts[me]) || {};
	const notice = !assigned ? t('scores.notAssigned')
		: edition.status !== 'scoring' ? t('scores.closed', { status: t('status.' + edition.status) }) : null;
	function form(criterion) {
		const id = criterion ? criterion.id : LIKELIHOOD;
		const entry = mine[id];
		const history = entry && entry.history && entry.history.length
			? t('scores.history', {
				list: entry.history.map(x => scoreText(x.score, criterion, method) + ' (' + dateTime(x.at) + ')').join('; ')
			}) : '';
		return scoreForm({
			method, criterion, prefix: 'score',
			initial: entry ? entry.score : null,
			disabled: !open,
			note: t('scores.current', { score: scoreText(consolidatedScore(scenario, id), criterion, method) }) +
				(history ? ' ' + history : ''),
			status: entry ? t('scores.savedAt', { at: dateTime(entry.at) }) : '',
			save: body => api.put(base + '/scores/' + api.enc(id), body),
			onSaved: (result, body, f) => {
				const saved = result && result.analysts && result.analysts[me] && result.analysts[me][id];
				const text = t('scores.saved', { criterion: criterionName(method, id) });
				f.setStatus(text + (saved ? ' ' + t('scores.savedAt', { at: dateTime(saved.at) }) : ''));
				announce(text);
			}
		});
	}
	return h('section', { id: 'scoring', 'aria-labelledby': 'scoring-heading' },
		h('h2', { id: 'scoring-heading' }, t('scores.title')),
		notice ? h('p', { id: 'scoring-notice', class: 'notice' }, notice) : h('p', null, t('scores.intro')),
		assigned ? [
			form(null),
			byInterest(method).map(g => [
				h('h3', null, g.interest.id + ' ' + pick(g.interest.name)),
				g.criteria.map(c => form(c))
			])
		] : null);
}

function consolidation(ctx, { base, method, scenario, edition, scores }) {
	const open = edition.status === 'draft' || edition.status === 'consolidation';
	const analysts = (scores && scores.analysts) || {};
	function analystTable(criterion, form) {
		const id = criterion ? criterion.id : LIKELIHOOD;
		const rows = Object.entries(analysts).filter(([, crits]) => crits[id]);
		if (!rows.length)
			return h('p', { class: 'note' }, t('consol.noAnalysts'));
		return h('table', { class: 'data compact analyst-scores' },
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
						form().setValues(crits[id].score);
						form().querySelector('select[data-part="ev"]').focus();
					}
				}, t('consol.adopt', { name })))))));
	}
	function block(criterion) {
		const id = criterion ? criterion.id : LIKELIHOOD;
		let theForm = null;
		const drop = criterion ? h('button', {
			type: 'button', class: 'secondary', id: 'consol-' + safeId(id) + '-drop', disabled: !open,
			onclick: async () => {
				try {
					await api.put(base + '/consolidated/' + api.enc(id), null);
					theForm.setValues('X');
					const text = t('consol.dropped', { criterion: criterionName(method, id) });
					theForm.setStatus(text);
					announce(text);
				} catch (err) {
					theForm.setStatus(errorText(err), true);
					alertMessage(errorText(err));
				}
			}
		}, t('consol.drop')) : null;
		theForm = scoreForm({
			method, criterion, prefix: 'consol',
			initial: consolidatedScore(scenario, id),
			disabled: !open,
			extra: drop,
			save: body => api.put(base + '/consolidated/' + api.enc(id), body),
			onSaved: (updated, body, f) => {
				const text = t('consol.saved', {
					criterion: criterionName(method, id),
					score: scoreText(consolidatedScore(updated, id), criterion, method)
				});
				f.setStatus(text);
				announce(text);
			}
		});
		return h('div', { class: 'consolidate-block', 'data-criterion': id },
			analystTable(criterion, () => theForm), theForm);
	}
	return h('section', { id: 'consolidation', 'aria-labelledby': 'consolidation-heading' },
		h('h2', { id: 'consolidation-heading' }, t('consol.title')),
		h('p', { id: 'consolidation-notice', class: open ? null : 'notice' },
			open ? t('consol.intro') : t('consol.closed', { status: t('status.' + edition.status) })),
		block(null),
		byInterest(method).map(g => [
			h('h3', null, g.interest.id + ' ' + pick(g.interest.name)),
			g.criteria.map(c => block(c))
		]));
}

export async function renderScenario(ctx) {
	const { edition: eid, scenario: sid } = ctx.params;
	const editionPath = '/api/assessments/' + eid;
	const base = editionPath + '/scenarios/' + api.enc(sid);
	const [edition, scenario] = await Promise.all([api.get(editionPath), api.get(base)]);
	const method = await api.get('/api/methods/' + api.enc(edition.method));
	const role = ctx.session.role;
	const chair = ctx.isChair();
	const scores = chair || role === 'analyst' ? await api.get(base + '/scores') : null;
	const analysts = chair ? await api.get('/api/analysts') : [];
	if (!ctx.alive())
		return;
	const heading = h('h1', null, scenario.title);
	const data = { base, method, scenario, edition, scores };
	const parts = [
		heading,
		h('p', { class: 'meta' },
			h('a', { href: '#/editions/' + eid, id: 'back-link' }, t('scenario.back') + ': ' + edition.title)),
		details(scenario, edition.themes)
	];
	if (chair) {
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
