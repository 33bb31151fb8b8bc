// page-users.js - the admin's users: the list, a new user, disabling one
// (after a confirmation: the user is signed out at once).

import * as api from './api.js';
import { h, replace, announce, alertMessage, errorText, onSubmit, scrollBox } from './dom.js';
import { t } from './i18n.js';
import { confirmDialog } from './dialog.js';

const ROLES = ['analyst', 'chair', 'viewer', 'admin'];
const CLEARANCES = ['public', 'restricted', 'confidential'];

export async function renderUsers(ctx) {
	if (ctx.session.role !== 'admin')
		return ctx.notFound();
	const users = await api.get('/api/users');
	if (!ctx.alive())
		return;
	const body = h('tbody');
	function row(u) {
		return h('tr', { 'data-user': u.name },
			h('th', { scope: 'row' }, u.name),
			h('td', null, t('role.' + u.role)),
			h('td', null, t('class.' + u.clearance)),
			h('td', null, u.disabled ? t('users.inactive') : t('users.active')),
			h('td', null, u.disabled || u.name === ctx.session.user ? '' : h('button', {
				type: 'button', class: 'secondary small', id: 'disable-' + u.name,
				onclick: async e => {
					const button = e.currentTarget;
					if (!(await confirmDialog({
						title: t('disable.title', { name: u.name }), text: t('disable.text', { name: u.name }),
						confirm: t('disable.confirm'), danger: true
					})))
						return;
					try {
						const updated = await api.put('/api/users/' + api.enc(u.name) + '/disabled', { disabled: true });
						button.closest('tr').replaceWith(row(updated));
						announce(t('users.disabled', { name: u.name }));
					} catch (err) {
						alertMessage(errorText(err));
					}
				}
			}, t('users.disable', { name: u.name }))));
	}
	users.forEach(u => body.append(row(u)));
	const field = (idName, label, control) =>
		h('div', { class: 'field' }, h('label', { for: idName }, label), control);
	const name = h('input', { id: 'user-name', name: 'name', type: 'text', required: true, autocomplete: 'off' });
	const role = h('select', { id: 'user-role', name: 'role' },
		ROLES.map(r => h('option', { value: r }, t('role.' + r))));
	const clearance = h('select', { id: 'user-clearance', name: 'clearance' },
		CLEARANCES.map(c => h('option', { value: c }, t('class.' + c))));
	const password = h('input', { id: 'user-password', name: 'password', type: 'password', required: true,
		autocomplete: 'new-password' });
	const status = h('p', { id: 'user-status', class: 'form-status' });
	const form = h('form', { id: 'user-form', class: 'inline-form' },
		field('user-name', t('users.name'), name),
		field('user-role', t('users.role'), role),
		field('user-clearance', t('users.clearance'), clearance),
		field('user-password', t('users.password'), password),
		h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('users.submit'))),
		status);
	onSubmit(form, status, async () => {
		const made = await api.post('/api/users', {
			name: name.value.trim(), role: role.value, clearance: clearance.value, password: password.value
		});
		body.append(row(made));
		form.reset();
		return t('users.added', { name: made.name });
	});
	replace(ctx.main,
		h('h1', null, t('users.title')),
		scrollBox(h('table', { id: 'users-table', class: 'data' },
			h('caption', null, t('users.caption')),
			h('thead', null, h('tr', null,
				['col.name', 'col.role', 'col.clearance', 'col.state', 'col.action']
					.map(k => h('th', { scope: 'col' }, t(k))))),
			body), t('users.caption')),
		h('section', { class: 'panel', 'aria-labelledby': 'user-add-heading' },
			h('h2', { id: 'user-add-heading' }, t('users.add')), form));
}
