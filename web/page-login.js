// page-login.js - the sign-in form.

import * as api from './api.js';
import { h, replace, announce, errorText } from './dom.js';
import { t } from './i18n.js';

export async function renderLogin(ctx) {
	const error = h('p', { id: 'login-error', class: 'error', role: 'alert', hidden: true });
	const user = h('input', {
		id: 'login-user', name: 'username', type: 'text', autocomplete: 'username',
		required: true, autocapitalize: 'none', spellcheck: 'false'
	});
	const password = h('input', {
		id: 'login-password', name: 'password', type: 'password',
		autocomplete: 'current-password', required: true
	});
	const submit = h('button', { type: 'submit', id: 'login-submit' }, t('login.submit'));
	const form = h('form', { id: 'login-form', class: 'login-form', novalidate: true },
		h('div', { class: 'field' }, h('label', { for: 'login-user' }, t('login.user')), user),
		h('div', { class: 'field' }, h('label', { for: 'login-password' }, t('login.password')), password),
		error,
		h('div', { class: 'actions' }, submit));
	form.addEventListener('submit', async e => {
		e.preventDefault();
		error.hidden = true;
		if (!user.value || !password.value) {
			error.textContent = t('login.failed');
			error.hidden = false;
			(user.value ? password : user).focus();
			return;
		}
		submit.disabled = true;
		try {
			const who = await api.post('/api/session',
				{ username: user.value.trim(), password: password.value }, { quiet: true });
			ctx.signedIn(who);
			announce(t('login.ok', { user: who.user }));
			ctx.afterLogin();
		} catch (err) {
			error.textContent = err.status === 401 || err.status === 403 ? t('login.failed')
				: err.status === 429 ? t('login.throttled') : errorText(err);
			error.hidden = false;
			password.value = '';
			password.focus();
		} finally {
			submit.disabled = false;
		}
	});
	replace(ctx.main,
		h('h1', null, t('login.title')),
		h('p', null, t('login.intro')),
		form);
}
