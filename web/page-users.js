// page-users.js - the admin's users: the list, a new user, disabling one
// and enabling one again, and a new password for one; each change to a
// user asks first (disabling and a new password sign the user out at once).

import * as api from './api.js';
import { h, replace, announce, alertMessage, errorText, onSubmit, scrollBox } from './dom.js';
import { t } from './i18n.js';
import { confirmDialog } from './dialog.js';
import { passwordField, passwordProblem } from './page-password.js';

const ROLES = ['analyst', 'chair', 'viewer', 'owner', 'reporter', 'admin'];
const CLEARANCES = ['public', 'restricted', 'confidential'];

export async function renderUsers(ctx) {
	if (ctx.session.role !== 'admin')
		return ctx.notFound();
	const users = await api.get('/api/users');
	if (!ctx.alive())
		return;
	const body = h('tbody');
	// Disables U, or enables U again, after the admin confirms.
	async function setDisabled(u, button) {
		const key = u.disabled ? 'enable' : 'disable';
		if (!(await confirmDialog({
			title: t(key + '.title', { name: u.name }), text: t(key + '.text', { name: u.name }),
			confirm: t(key + '.confirm'), danger: !u.disabled
		})))
			return;
		try {
			const updated = await api.put('/api/users/' + api.enc(u.name) + '/disabled', { disabled: !u.disabled });
			button.closest('tr').replaceWith(row(updated));
			announce(t(u.disabled ? 'users.enabled' : 'users.disabled', { name: u.name }));
		} catch (err) {
			alertMessage(errorText(err));
		}
	}
	function row(u) {
		const key = u.disabled ? 'enable' : 'disable';
		return h('tr', { 'data-user': u.name },
			h('th', { scope: 'row' }, u.name),
			h('td', null, t('role.' + u.role)),
			h('td', null, t('class.' + u.clearance)),
			h('td', { class: 'organisations' }, (u.organisations || []).join(', ')),
			h('td', null, u.disabled ? t('users.inactive') : t('users.active')),
			h('td', null, u.name === ctx.session.user ? '' : h('button', {
				type: 'button', class: 'secondary small', id: key + '-' + u.name,
				onclick: e => setDisabled(u, e.currentTarget)
			}, t('users.' + key, { name: u.name }))));
	}
	users.forEach(u => body.append(row(u)));
	const reset = resetForm(ctx, users);
	const field = (idName, label, control) =>
		h('div', { class: 'field' }, h('label', { for: idName }, label), control);
	const name = h('input', { id: 'user-name', name: 'name', type: 'text', required: true, autocomplete: 'off' });
	const role = h('select', { id: 'user-role', name: 'role' },
		ROLES.map(r => h('option', { value: r }, t('role.' + r))));
	const clearance = h('select', { id: 'user-clearance', name: 'clearance' },
		CLEARANCES.map(c => h('option', { value: c }, t('class.' + c))));
	const password = h('input', { id: 'user-password', name: 'password', type: 'password', required: true,
		autocomplete: 'new-password' });
	const organisations = h('input', { id: 'user-organisations', name: 'organisations', type: 'text',
		autocomplete: 'off', placeholder: 'venj, ienm' });
	const status = h('p', { id: 'user-status', class: 'form-status' });
	const form = h('form', { id: 'user-form', class: 'inline-form' },
		field('user-name', t('users.name'), name),
		field('user-role', t('users.role'), role),
		field('user-clearance', t('users.clearance'), clearance),
		field('user-password', t('users.password'), password),
		field('user-organisations', t('users.organisations'), organisations),
		h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('users.submit'))),
		status);
	onSubmit(form, status, async () => {
		const user = {
			name: name.value.trim(), role: role.value, clearance: clearance.value, password: password.value
		};
		const orgs = organisations.value.split(',').map(x => x.trim()).filter(Boolean);
		if (orgs.length)
			user.organisations = orgs;
		const made = await api.post('/api/users', user);
		body.append(row(made));
		reset.add(made);
		form.reset();
		return t('users.added', { name: made.name });
	});
	replace(ctx.main,
		h('h1', null, t('users.title')),
		scrollBox(h('table', { id: 'users-table', class: 'data' },
			h('caption', null, t('users.caption')),
			h('thead', null, h('tr', null,
				['col.name', 'col.role', 'col.clearance', 'col.organisations', 'col.state', 'col.action']
					.map(k => h('th', { scope: 'col' }, t(k))))),
			body), t('users.caption')),
		h('section', { class: 'panel', 'aria-labelledby': 'user-add-heading' },
			h('h2', { id: 'user-add-heading' }, t('users.add')), form),
		h('section', { class: 'panel', 'aria-labelledby': 'reset-heading' },
			h('h2', { id: 'reset-heading' }, t('reset.heading')), reset.form));
}

// The admin's new password for another user (the admin's own is changed
// with the current one, from the header): asks first, since every session
// of that user ends. Returns { form, add(user) }.
function resetForm(ctx, users) {
	const option = u => h('option', { value: u.name }, u.name);
	const user = h('select', { id: 'reset-user', name: 'user' },
		users.filter(u => u.name !== ctx.session.user).map(option));
	const password = passwordField('reset-password', t('reset.password'), 'new-password', 'reset-hint');
	const status = h('p', { id: 'reset-status', class: 'form-status' });
	const form = h('form', { id: 'reset-form', class: 'inline-form', novalidate: true },
		h('div', { class: 'field' }, h('label', { for: 'reset-user' }, t('reset.user')), user),
		password.field,
		h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'reset-submit' }, t('reset.submit'))),
		h('p', { id: 'reset-hint', class: 'note' }, t('password.hint')),
		status);
	onSubmit(form, status, async () => {
		const name = user.value;
		if (!name)
			throw new Error(t('reset.noUser'));
		if (!(await confirmDialog({
			title: t('reset.title', { name }), text: t('reset.text', { name }),
			confirm: t('reset.confirm'), danger: true
		})))
			return '';
		await api.put('/api/users/' + api.enc(name) + '/password', { password: password.input.value });
		password.input.value = '';
		return t('reset.done', { name });
	}, err => passwordProblem(err, false));
	return { form, add: u => user.append(option(u)) };
}
