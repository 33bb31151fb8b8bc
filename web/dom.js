// dom.js - building the page without innerHTML: h(tag, attributes,
// ...children), and the shared status region (aria-live).

import { t } from './i18n.js';

let uid = 0;

export function id(prefix) {
	uid += 1;
	return (prefix || 'f') + '-' + uid;
}

// An element. Attributes: class, for (htmlFor), on* (listeners), dataset
// entries as data-*, booleans as present/absent, anything else as is.
export function h(tag, attrs, ...children) {
	const svg = tag.startsWith('svg:');
	const el = svg
		? document.createElementNS('http://www.w3.org/2000/svg', tag.slice(4))
		: document.createElement(tag);
	for (const [key, value] of Object.entries(attrs || {})) {
		if (value === undefined || value === null || value === false)
			continue;
		if (key.startsWith('on') && typeof value === 'function')
			el.addEventListener(key.slice(2), value);
		else if (key === 'class')
			el.setAttribute('class', Array.isArray(value) ? value.filter(Boolean).join(' ') : value);
		else if (key === 'for')
			el.htmlFor = value;
		else if (key === 'value')
			el.value = value;
		else if (key === 'text')
			el.textContent = value;
		else if (value === true)
			el.setAttribute(key, '');
		else
			el.setAttribute(key, String(value));
	}
	append(el, children);
	return el;
}

export function append(el, children) {
	for (const child of children.flat(Infinity)) {
		if (child === null || child === undefined || child === false)
			continue;
		el.append(child instanceof Node ? child : document.createTextNode(String(child)));
	}
	return el;
}

export function clear(el) {
	while (el.firstChild)
		el.firstChild.remove();
	return el;
}

export function replace(el, ...children) {
	clear(el);
	return append(el, children);
}

// A polite status message for every user (the live region in the page).
export function announce(message) {
	const region = document.getElementById('status');
	if (!region)
		return;
	region.textContent = '';
	// a new text node, so that the same message is read again
	window.setTimeout(() => { region.textContent = message; }, 30);
}

// An urgent message (errors).
export function alertMessage(message) {
	const region = document.getElementById('alert');
	if (!region)
		return;
	region.textContent = '';
	if (message)
		window.setTimeout(() => { region.textContent = message; }, 30);
}

export function errorText(error) {
	if (!error)
		return '';
	if (error.status === 0)
		return t('error.network');
	// the server words a refusal in the reader's language (Accept-Language)
	if (error.status === 403)
		return error.message || t('error.forbidden');
	const lines = error.errors || [];
	if (lines.length)
		return lines.map(e => t('error.atLine', e)).join('; ');
	return error.message || String(error);
}

// Handles FORM's submission with ACTION (async; it returns the message
// to show): its submit buttons are disabled meanwhile, and the message, or
// the error (in the words DESCRIBE gives it), goes to STATUS and to the
// live regions.
export function onSubmit(form, status, action, describe = errorText) {
	form.addEventListener('submit', async e => {
		e.preventDefault();
		const buttons = [...form.querySelectorAll('button[type="submit"]')];
		buttons.forEach(b => { b.disabled = true; });
		try {
			const message = await action();
			status.textContent = message;
			status.classList.remove('error');
			announce(message);
		} catch (err) {
			status.textContent = describe(err);
			status.classList.add('error');
			alertMessage(describe(err));
		} finally {
			buttons.forEach(b => { b.disabled = false; });
		}
	});
}

// A labelled select: returns { field, select }.
export function labelledSelect(label, options, selected, attrs = {}) {
	const fid = attrs.id || id('sel');
	const select = h('select', { id: fid, name: attrs.name, class: attrs.class },
		options.map(o => h('option', { value: o.value, selected: o.value === selected }, o.label)));
	const field = h('div', { class: ['field', attrs.fieldClass] }, h('label', { for: fid }, label), select);
	return { field, select };
}

export function link(href, text, attrs = {}) {
	return h('a', { href, ...attrs }, text);
}

// A wide table in a box of its own that scrolls sideways on a narrow
// screen, so that the page never does; focusable, so that the keyboard
// scrolls it too.
export function scrollBox(table, label) {
	return h('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': label }, table);
}
