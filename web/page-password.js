// page-password.js - a user changes their own password (reached from the
// header's session box): the current one, the new one twice. The server
// decides what a password needs (one rule for every way of setting one)
// and throttles wrong current passwords as it does wrong sign-ins; this
// page says which it was: a wrong current password (403), a new one too
// short (422), too many tries (429).

import * as api from './api.js';
import { h, replace, errorText, onSubmit } from './dom.js';
import { t } from './i18n.js';

// What went wrong with a password that was set, in the user's words; OWN
// for the user's own change (403 is then the current password).
export function passwordProblem(err, own) {
	if (err.status === 422)
		return t('password.short');
	if (own && err.status === 403)
		return t('password.wrong');
	if (own && err.status === 429)
		return t('login.throttled');
	return errorText(err);
}

// A password field with its label; HINT ids the text that describes it.
export function passwordField(id, label, autocomplete, hint) {
	const input = h('input', {
		id, name: id, type: 'password', autocomplete, required: true,
		'aria-describedby': hint || null
	});
	return { input, field: h('div', { class: 'field' }, h('label', { for: id }, label), input) };
}

export async function renderPassword(ctx) {
	const current = passwordField('password-current', t('password.current'), 'current-password');
	const fresh = passwordField('password-new', t('password.new'), 'new-password', 'password-hint');
	const again = passwordField('password-again', t('password.again'), 'new-password');
	const status = h('p', { id: 'password-status', class: 'form-status' });
	const form = h('form', { id: 'password-form', class: 'login-form', novalidate: true },
		current.field,
		fresh.field,
		h('p', { id: 'password-hint', class: 'note' }, t('password.hint')),
		again.field,
		h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'password-submit' }, t('password.submit'))),
		status);
	const fail = (text, field) => {
		field.focus();
		throw new Error(text);
	};
	onSubmit(form, status, async () => {
		if (!current.input.value || !fresh.input.value)
			fail(t('password.empty'), current.input.value ? fresh.input : current.input);
		if (fresh.input.value !== again.input.value)
			fail(t('password.mismatch'), again.input);
		try {
			await api.post('/api/users/me/password', { current: current.input.value, password: fresh.input.value });
		} catch (err) {
			(err.status === 403 || err.status === 429 ? current.input : fresh.input).focus();
			throw err;
		}
		form.reset();
		return t('password.changed');
	}, err => passwordProblem(err, true));
	replace(ctx.main,
		h('h1', null, t('password.title')),
		h('p', null, t('password.intro', { user: ctx.session.user })),
		form);
}
