// api.js - the JSON API: fetch with the session cookie, the CSRF token on
// every state-changing request, the interface's language (so that the
// server's messages come in it), and errors as ApiError.

import { lang } from './i18n.js';

let csrf = '';

export function setCsrf(token) {
	csrf = token || '';
}

export class ApiError extends Error {
	constructor(status, body, text) {
		super((body && body.error) || text || ('HTTP ' + status));
		this.status = status;
		this.body = body;
	}

	// The loader's messages of a 422, as [{line, column, message}].
	get errors() {
		return (this.body && Array.isArray(this.body.errors)) ? this.body.errors : [];
	}
}

// Called on any 401 (the session has ended); the app sets it.
let onUnauthorized = null;
export function whenUnauthorized(callback) {
	onUnauthorized = callback;
}

export async function request(method, path, body, options = {}) {
	const headers = {
		Accept: options.accept || 'application/json',
		'Accept-Language': lang()
	};
	if (method !== 'GET' && method !== 'HEAD')
		headers['X-CSRF-Token'] = csrf;
	let payload;
	if (body !== undefined) {
		const type = options.type || 'application/json';
		headers['Content-Type'] = type;
		payload = type === 'application/json' ? JSON.stringify(body) : body;
	}
	let response;
	try {
		response = await fetch(path, {
			method, headers, body: payload, credentials: 'same-origin',
			cache: 'no-store'
		});
	} catch (e) {
		throw new ApiError(0, null, e.message);
	}
	const text = await response.text();
	if (options.text && response.ok)
		return text;
	let data = null;
	if (text) {
		try {
			data = JSON.parse(text);
		} catch {
			data = null;
		}
	}
	if (!response.ok) {
		const error = new ApiError(response.status, data, text);
		if (response.status === 401 && onUnauthorized && !options.quiet)
			onUnauthorized(error);
		throw error;
	}
	return data;
}

export const get = (path, options) => request('GET', path, undefined, options);
export const post = (path, body, options) => request('POST', path, body, options);
export const put = (path, body, options) => request('PUT', path, body, options);
export const patch = (path, body, options) => request('PATCH', path, body, options);
export const del = (path, options) => request('DELETE', path, undefined, options);

export function q(params) {
	const parts = [];
	for (const [key, value] of Object.entries(params))
		if (value !== undefined && value !== null && value !== '')
			parts.push(encodeURIComponent(key) + '=' + encodeURIComponent(value));
	return parts.length ? '?' + parts.join('&') : '';
}

export const enc = encodeURIComponent;
