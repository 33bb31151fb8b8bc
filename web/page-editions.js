// page-editions.js - the editions, and the chair's upload of a new one.

import * as api from './api.js';
import { h, replace, announce, errorText, scrollBox } from './dom.js';
import { t } from './i18n.js';
import { doesTheWork } from './edition-manage.js';

function uploadForm(ctx) {
	const file = h('input', {
		id: 'upload-file', name: 'file', type: 'file',
		accept: '.yaml,.yml,application/yaml,text/yaml'
	});
	const result = h('div', { id: 'upload-result', class: 'upload-result' });
	const submit = h('button', { type: 'submit', id: 'upload-submit' }, t('upload.submit'));
	const form = h('form', { id: 'upload-form', class: 'upload-form' },
		h('div', { class: 'field' }, h('label', { for: 'upload-file' }, t('upload.file')), file),
		h('div', { class: 'actions' }, submit),
		result);
	form.addEventListener('submit', async e => {
		e.preventDefault();
		replace(result);
		const chosen = file.files && file.files[0];
		if (!chosen) {
			replace(result, h('p', { class: 'error', role: 'alert' }, t('upload.none')));
			file.focus();
			return;
		}
		submit.disabled = true;
		try {
			const text = await chosen.text();
			const made = await api.post('/api/assessments', text, { type: 'application/yaml' });
			announce(t('upload.ok', { id: made.id }));
			ctx.navigate('/editions/' + made.id);
		} catch (err) {
			const errors = err.errors || [];
			replace(result, h('div', { class: 'error', role: 'alert' },
				h('p', null, errors.length ? t('upload.invalid') : errorText(err)),
				errors.length ? h('ul', { class: 'error-list' },
					errors.map(x => h('li', null, t('error.atLine', x)))) : null));
		} finally {
			submit.disabled = false;
		}
	});
	return h('section', { class: 'panel', 'aria-labelledby': 'upload-heading' },
		h('h2', { id: 'upload-heading' }, t('upload.title')), form);
}

export async function renderEditions(ctx) {
	const editions = await api.get('/api/assessments');
	if (!ctx.alive())
		return;
	const content = [h('h1', null, t('editions.title'))];
	if (!editions.length) {
		// a viewer reads published editions only: say so, not "none"
		content.push(h('p', { id: 'no-editions' },
			t(doesTheWork(ctx.session) ? 'editions.none' : 'editions.nonePublished')));
	} else {
		content.push(scrollBox(h('table', { id: 'editions-table', class: 'data' },
			h('caption', null, t('editions.caption')),
			h('thead', null, h('tr', null,
				h('th', { scope: 'col' }, t('col.title')),
				h('th', { scope: 'col' }, t('col.edition')),
				h('th', { scope: 'col' }, t('col.method')),
				h('th', { scope: 'col' }, t('col.status')))),
			h('tbody', null, editions.map(e => h('tr', { 'data-edition': e.id },
				h('th', { scope: 'row' }, h('a', { href: '#/editions/' + e.id }, e.title)),
				h('td', null, e.edition),
				h('td', null, e.method),
				h('td', null, h('span', { class: ['badge', 'status-' + e.status] },
					t('status.' + e.status))))))), t('editions.caption')));
	}
	if (ctx.isChair())
		content.push(uploadForm(ctx));
	replace(ctx.main, content);
}
