// lib.mjs - what the end-to-end suites share: the server's address and
// the users (from run.sh's E2E_* variables), the JSON API for set-up and
// checks, the browser with one signed-in context per user, page helpers,
// the accessibility and width checks every page passes, and the small
// harness that runs the tests in order and fails the run on any console
// error, page error or CSP violation.

import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import assert from 'node:assert/strict';

export const BASE = (process.argv[2] || '').replace(/\/$/, '');
if (!BASE) {
	console.error('usage: node e2e.mjs URL');
	process.exit(2);
}
const env = (name, fallback) => process.env[name] || fallback;
export const CHAIR = { name: env('E2E_CHAIR', 'chair'), password: env('E2E_CHAIR_PW', '') };
export const ANALYST = { name: env('E2E_ANALYST', 'ann'), password: env('E2E_ANALYST_PW', '') };
export const ANALYST2 = { name: env('E2E_ANALYST2', 'bob'), password: env('E2E_ANALYST2_PW', '') };
export const VIEWER = { name: env('E2E_VIEWER', 'vera'), password: env('E2E_VIEWER_PW', '') };
export const ADMIN = { name: env('E2E_ADMIN', 'root'), password: env('E2E_ADMIN_PW', '') };
// a chair who does not chair the editions the tests make, until made co-chair
export const CHAIR2 = { name: env('E2E_CHAIR2', 'cleo'), password: env('E2E_CHAIR2_PW', '') };
// a reporter (restricted clearance) who submits signals
export const REPORTER = { name: env('E2E_REPORTER', 'rita'), password: env('E2E_REPORTER_PW', '') };
// the id of the 2011 example edition, which the chair chairs: the one to compare with
export const PREVIOUS = Number(env('E2E_PREVIOUS', '0'));
export const ROOT = env('E2E_ROOT', new URL('../..', import.meta.url).pathname);
const ARTIFACTS = env('E2E_ARTIFACTS', '/tmp');
// a wait's limit: a password hash (Argon2id, 64 MiB) can take seconds on
// a loaded 2-core machine, and a sanitized server is slower still
const TIMEOUT = 30000;
export const DESKTOP = { name: 'desktop', width: 1440, height: 900 };
export const PHONE = { name: 'phone', width: 390, height: 844 };

// ------------------------------------------------------------ the API

export async function apiLogin(user) {
	const response = await fetch(BASE + '/api/session', {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({ username: user.name, password: user.password })
	});
	assert.equal(response.status, 200, 'API sign-in of ' + user.name);
	const cookie = response.headers.get('set-cookie').split(';')[0];
	const body = await response.json();
	return { cookie, csrf: body.csrf };
}

export async function apiCall(session, method, path, body, type) {
	const headers = { Cookie: session.cookie, 'X-CSRF-Token': session.csrf };
	if (body !== undefined)
		headers['Content-Type'] = type || 'application/json';
	const response = await fetch(BASE + path, {
		method, headers,
		body: body === undefined ? undefined : typeof body === 'string' && type ? body : JSON.stringify(body)
	});
	const text = await response.text();
	let json = null;
	try {
		json = JSON.parse(text);
	} catch {
		json = null;
	}
	return { status: response.status, json, text };
}

// ------------------------------------------------------------ the browser

export const browser = await chromium.launch({
	executablePath: env('CHROMIUM', '/usr/bin/chromium'),
	args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
		'--disable-background-networking', '--disable-component-update', '--disable-sync',
		'--disable-dev-shm-usage']
});

const problems = [];          // console errors, page errors, CSP violations
// The browser logs every HTTP error as a console error: 401 (not signed in
// yet, a wrong password) and 404 (what a user may not see) are part of the
// flows; a test that provokes another one says so in expectHttp.
export const expectHttp = new Set([401, 404]);
const HTTP_ERROR = /Failed to load resource: the server responded with a status of (\d+)/;
export const open = [];      // pages to screenshot on a failure

export async function newUser(label, viewport = DESKTOP) {
	const context = await browser.newContext({
		viewport: { width: viewport.width, height: viewport.height }, acceptDownloads: true
	});
	context.setDefaultTimeout(TIMEOUT);
	// reported as console errors, whatever the browser's own wording
	await context.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', e => {
			console.error('CSP violation: ' + e.violatedDirective + ' ' + (e.blockedURI || '') +
				' ' + (e.sourceFile || '') + ':' + (e.lineNumber || ''));
		});
	});
	context.on('page', page => watch(page, label));
	const page = await context.newPage();
	open.push(page);
	return { context, page };
}

function watch(page, label) {
	page.on('console', message => {
		if (message.type() !== 'error' && message.type() !== 'warning')
			return;
		const text = message.text();
		const http = text.match(HTTP_ERROR);
		if (message.type() === 'error' && http && expectHttp.has(Number(http[1])))
			return;
		if (message.type() === 'warning' && !/Content.Security|CSP|Refused/i.test(text))
			return;
		problems.push(`[${label}] console ${message.type()}: ${text}`);
	});
	page.on('pageerror', error => problems.push(`[${label}] page error: ${error.message}`));
}

export async function ready(page) {
	await page.waitForSelector('body[data-ready="true"]');
	await page.waitForFunction(() => !document.getElementById('main').hasAttribute('aria-busy'));
}

// Opens a route and waits until it is drawn; every page is checked for
// its width (no sideways scroll of the page at any viewport).
export async function go(page, hash, wait) {
	await page.goto(BASE + '/#' + hash);
	await ready(page);
	if (wait)
		await page.waitForSelector(wait);
	await checkWidth(page, hash);
}

export async function signIn(page, user) {
	await page.goto(BASE + '/');
	await page.waitForSelector('#login-user');
	await page.fill('#login-user', user.name);
	await page.fill('#login-password', user.password);
	await page.click('#login-submit');
	// a viewer's list is empty until an edition is published
	await page.waitForSelector('#editions-table, #no-editions');
	await ready(page);
}

export async function h1(page) {
	return (await page.textContent('main h1')).trim();
}

// The language of the interface, as the header's select chooses it.
export async function setLang(page, lang) {
	await page.evaluate(l => window.localStorage.setItem('natrisk.lang', l), lang);
}

// No page is wider than the window: the document never scrolls sideways
// (wide tables and the diagram scroll within their own boxes).
export async function checkWidth(page, where) {
	const { scroll, width } = await page.evaluate(() => ({
		scroll: document.documentElement.scrollWidth, width: window.innerWidth
	}));
	assert.ok(scroll <= width, `${where} is ${scroll} px wide in a ${width} px window`);
}

// Basic accessibility of the page as it stands: every form control has an
// accessible label, one h1, a language, unique ids, named buttons and
// links, a skip link first.
export async function checkA11y(page, where) {
	const found = await page.evaluate(() => {
		const out = [];
		const controls = document.querySelectorAll('input:not([type=hidden]), select, textarea');
		for (const el of controls) {
			const labelled = (el.labels && [...el.labels].some(l => l.textContent.trim())) ||
				(el.getAttribute('aria-label') || '').trim() ||
				(el.getAttribute('aria-labelledby') || '').split(/\s+/).some(id =>
					id && document.getElementById(id) && document.getElementById(id).textContent.trim());
			if (!labelled)
				out.push('control without a label: ' + el.outerHTML.slice(0, 120));
		}
		const h1s = document.querySelectorAll('h1');
		if (h1s.length !== 1)
			out.push(h1s.length + ' h1 elements');
		if (!document.documentElement.lang)
			out.push('no lang on <html>');
		const ids = new Map();
		for (const el of document.querySelectorAll('[id]'))
			ids.set(el.id, (ids.get(el.id) || 0) + 1);
		for (const [id, n] of ids)
			if (n > 1)
				out.push(`id "${id}" used ${n} times`);
		for (const el of document.querySelectorAll('button, a[href]'))
			if (!el.textContent.trim() && !(el.getAttribute('aria-label') || '').trim())
				out.push('unnamed ' + el.outerHTML.slice(0, 120));
		for (const el of document.querySelectorAll('img'))
			if (!el.hasAttribute('alt'))
				out.push('img without alt');
		for (const el of document.querySelectorAll('[style]'))
			out.push('inline style attribute on ' + el.tagName);
		for (const el of document.querySelectorAll('[role=region]'))
			if (!(el.getAttribute('aria-label') || '').trim())
				out.push('a region without a name');
		const first = document.querySelector('a[href], button, input, select, textarea, [tabindex]');
		if (!first || !first.classList.contains('skip-link'))
			out.push('the first focusable element is not the skip link');
		if (!document.querySelector('[aria-live]'))
			out.push('no aria-live region');
		// heading levels never skip (h1 → h3)
		let last = 0;
		for (const hd of document.querySelectorAll('main h1, main h2, main h3, main h4')) {
			const level = Number(hd.tagName[1]);
			if (last && level > last + 1)
				out.push(`heading level skips from h${last} to h${level}: ${hd.textContent}`);
			last = level;
		}
		return out;
	});
	assert.deepEqual(found, [], `accessibility problems on ${where}`);
}

// ------------------------------------------------------------ the harness

const results = [];
let failures = 0;
mkdirSync(ARTIFACTS, { recursive: true });

export async function test(name, body) {
	const started = Date.now();
	try {
		await body();
		if (problems.length)
			throw new Error('console/page errors:\n  ' + problems.splice(0).join('\n  '));
		results.push(name);
		console.log(`ok   ${name} (${Date.now() - started} ms)`);
	} catch (error) {
		failures += 1;
		problems.splice(0);
		console.log(`FAIL ${name}: ${error.stack || error.message}`);
		for (const page of open.filter(p => !p.isClosed())) {
			const file = `${ARTIFACTS}/fail-${failures}-${open.indexOf(page)}.png`;
			await page.screenshot({ path: file, fullPage: true }).catch(() => {});
			console.log(`     screenshot: ${file} (${page.url()})`);
		}
	}
}

export async function finish() {
	await browser.close();
	console.log(`e2e: ${results.length} passed, ${failures} failed`);
	return failures ? 1 : 0;
}
