// app.js - the shell: who is signed in, the header (navigation, language,
// the user's own password, sign-out), the router over the URL's fragment (#/editions/3), and the
// guard that asks before unsaved changes are lost (leaving the page in the
// app, switching the language, signing out, closing the tab).

import * as api from './api.js';
import { h, replace, announce, alertMessage, errorText } from './dom.js';
import { t, initLang, lang, setLang } from './i18n.js';
import { renderLogin } from './page-login.js';
import { renderEditions } from './page-editions.js';
import { renderEdition } from './page-edition.js';
import { renderScenario } from './page-scenario.js';
import { renderSpread } from './page-spread.js';
import { renderScoring } from './page-scoring.js';
import { confirmDialog } from './dialog.js';
import { renderUsers } from './page-users.js';
import { renderPassword } from './page-password.js';
import { renderPlan } from './page-plan.js';
import { renderCapability } from './page-capability.js';
import { renderSignals } from './page-signals.js';
import { renderAlerts } from './page-alerts.js';
import { renderRegister } from './page-register.js';
import { renderActions } from './page-actions.js';
import { renderPortfolio } from './page-portfolio.js';

const state = {
	session: null,     // {user, role, clearance}
	cleanup: null,     // the current page's teardown (timers)
	guard: null,       // the current page's "has unsaved changes" test
	route: null,       // the route on screen
	renderCount: 0
};

// A reporter's work is signals: their landing page.
const renderHome = ctx => (ctx.session.role === 'reporter' ? renderSignals(ctx) : renderEditions(ctx));

const ROUTES = [
	{ re: /^\/?$/, page: renderHome },
	{ re: /^\/editions\/?$/, page: renderEditions },
	{ re: /^\/editions\/(\d+)\/?$/, page: renderEdition, keys: ['edition'] },
	{ re: /^\/editions\/(\d+)\/spread\/?$/, page: renderSpread, keys: ['edition'] },
	{ re: /^\/editions\/(\d+)\/scoring\/?$/, page: renderScoring, keys: ['edition'] },
	{ re: /^\/editions\/(\d+)\/scenarios\/([a-z0-9][a-z0-9._-]*)\/?$/, page: renderScenario,
	  keys: ['edition', 'scenario'] },
	{ re: /^\/editions\/(\d+)\/plan\/?$/, page: renderPlan, keys: ['edition'] },
	{ re: /^\/editions\/(\d+)\/plan\/portfolio\/?$/, page: renderPortfolio, keys: ['edition'] },
	{ re: /^\/editions\/(\d+)\/plan\/capabilities\/([a-z0-9][a-z0-9-]*)\/?$/, page: renderCapability,
	  keys: ['edition', 'item'] },
	{ re: /^\/alerts\/?$/, page: renderAlerts },
	{ re: /^\/editions\/(\d+)\/register\/?$/, page: renderRegister, keys: ['edition'] },
	{ re: /^\/actions\/?$/, page: renderActions },
	{ re: /^\/users\/?$/, page: renderUsers },
	{ re: /^\/password\/?$/, page: renderPassword },
	{ re: /^\/signals\/?$/, page: renderSignals }
];

function path() {
	const hash = window.location.hash || '';
	return hash.startsWith('#') ? hash.slice(1) : hash;
}

export function navigate(to) {
	if (window.location.hash === '#' + to)
		render({ focus: true });
	else
		window.location.hash = to;
}

export function session() {
	return state.session;
}

export function isChair() {
	return !!state.session && (state.session.role === 'chair' || state.session.role === 'admin');
}

function renderHeader() {
	document.getElementById('skip-link').textContent = t('skip');
	document.getElementById('lang-label').textContent = t('lang.label');
	document.getElementById('lang-select').value = lang();
	const nav = document.getElementById('site-nav');
	nav.setAttribute('aria-label', t('nav.label'));
	const items = [];
	if (state.session) {
		const reporter = state.session.role === 'reporter';
		items.push(h('li', null, h('a', { href: reporter ? '#/editions' : '#/' }, t('nav.editions'))));
		if (reporter || ['analyst', 'chair', 'admin'].includes(state.session.role))
			items.push(h('li', null, h('a', { href: '#/signals', id: 'nav-signals' }, t('nav.signals'))));
		items.push(h('li', null, h('a', { href: '#/alerts', id: 'nav-alerts' }, t('nav.alerts'))));
		if (state.session.role === 'owner')
			items.push(h('li', null, h('a', { href: '#/actions', id: 'actions-link' }, t('nav.actions'))));
		if (state.session.role === 'admin')
			items.push(h('li', null, h('a', { href: '#/users' }, t('nav.users'))));
	}
	replace(nav, items.length ? h('ul', null, items) : null);
	const box = document.getElementById('session-box');
	if (!state.session) {
		replace(box);
		return;
	}
	const s = state.session;
	replace(box,
		h('span', { class: 'who', id: 'who' }, t('session.as', {
			user: s.user, role: t('role.' + s.role), clearance: t('class.' + s.clearance)
		})),
		h('a', { href: '#/password', id: 'password-link', class: 'who' }, t('password.link')),
		h('button', { type: 'button', id: 'logout', class: 'secondary', onclick: logout },
			t('session.out')));
}

function unsaved() {
	return !!state.guard && state.guard();
}

// Whether the page may go: no unsaved changes, or the user says so.
async function mayLeave() {
	if (!unsaved())
		return true;
	const leave = await confirmDialog({
		title: t('guard.title'), text: t('guard.text'),
		confirm: t('guard.leave'), cancel: t('guard.stay'), danger: true
	});
	if (leave)
		state.guard = null;
	return leave;
}

async function logout() {
	if (!(await mayLeave()))
		return;
	try {
		await api.del('/api/session', { quiet: true });
	} catch {
		/* signed out either way */
	}
	state.session = null;
	api.setCsrf('');
	announce(t('session.signedOut'));
	navigate('/login');
}

export function signedIn(data) {
	state.session = { user: data.user, role: data.role, clearance: data.clearance };
	api.setCsrf(data.csrf);
}

function notFound(main) {
	document.title = t('notfound.title') + ' – natrisk';
	replace(main,
		h('h1', { tabindex: '-1' }, t('notfound.title')),
		h('p', { class: 'not-found' }, t('notfound.text')),
		h('p', null, h('a', { href: '#/' }, t('notfound.back'))));
}

// Shown by a page when the API says 404 for what it shows.
export function showNotFound() {
	notFound(document.getElementById('main'));
}

function showError(main, error) {
	if (error.status === 404)
		return notFound(main);
	replace(main,
		h('h1', { tabindex: '-1' }, t('error.title')),
		h('p', { class: 'error' }, errorText(error)));
}

async function render(options = {}) {
	const main = document.getElementById('main');
	const count = ++state.renderCount;
	if (state.cleanup) {
		try {
			state.cleanup();
		} catch {
			/* nothing to keep */
		}
		state.cleanup = null;
	}
	alertMessage('');
	renderHeader();
	const route = path();
	state.guard = null;
	state.route = route;
	if (!state.session) {
		if (route !== '/login') {
			window.sessionStorage.setItem('natrisk.after', route);
			window.location.replace('#/login');
			return;
		}
	}
	const ctx = {
		main,
		params: {},
		session: state.session,
		alive: () => count === state.renderCount,
		onCleanup: fn => { if (count === state.renderCount) state.cleanup = fn; },
		guard: fn => { if (count === state.renderCount) state.guard = fn; },
		navigate,
		signedIn,
		afterLogin,
		isChair,
		// draws the page again, where it stands (who may manage it changed)
		refresh: () => { if (count === state.renderCount) render({ focus: false }); },
		notFound: () => notFound(main)
	};
	let page = null;
	if (route === '/login') {
		if (state.session) {
			window.location.replace('#/');
			return;
		}
		page = renderLogin;
	} else {
		for (const r of ROUTES) {
			const m = route.match(r.re);
			if (m) {
				page = r.page;
				(r.keys || []).forEach((key, k) => { ctx.params[key] = decodeURIComponent(m[k + 1]); });
				break;
			}
		}
	}
	if (!page) {
		notFound(main);
	} else {
		replace(main, h('p', { class: 'loading' }, t('loading')));
		main.setAttribute('aria-busy', 'true');
		try {
			await page(ctx);
		} catch (error) {
			if (!ctx.alive())
				return;
			if (error instanceof api.ApiError && error.status === 401)
				return;
			showError(main, error);
			if (!(error instanceof api.ApiError))
				console.warn(error);
		}
		main.removeAttribute('aria-busy');
	}
	if (!ctx.alive())
		return;
	const heading = main.querySelector('h1');
	if (heading) {
		heading.setAttribute('tabindex', '-1');
		document.title = heading.textContent + ' – natrisk';
		if (options.focus)
			heading.focus();
	}
}

async function start() {
	initLang();
	api.whenUnauthorized(() => {
		if (!state.session)
			return;
		state.session = null;
		alertMessage(t('session.expired'));
		window.location.hash = '#/login';
	});
	// The skip link moves focus to the main content; it must not change
	// the fragment, which is the route.
	document.getElementById('skip-link').addEventListener('click', e => {
		e.preventDefault();
		document.getElementById('main').focus();
	});
	document.getElementById('lang-select').addEventListener('change', async e => {
		const chosen = e.target.value;
		if (!(await mayLeave())) {
			e.target.value = lang();
			return;
		}
		setLang(chosen);
		render({ focus: false });
	});
	window.addEventListener('beforeunload', e => {
		if (unsaved()) {
			e.preventDefault();
			e.returnValue = '';
		}
	});
	try {
		const who = await api.get('/api/session', { quiet: true });
		signedIn(who);
	} catch {
		state.session = null;
	}
	window.addEventListener('hashchange', onHashChange);
	await render({ focus: false });
	document.body.dataset.ready = 'true';
}

// A new route: asks first when the page has unsaved changes; staying puts
// the old route back into the address without drawing the page again.
async function onHashChange() {
	if (path() === state.route)
		return;
	if (unsaved()) {
		const to = path();
		const from = state.route;
		window.history.replaceState(null, '', '#' + from);
		if (!(await mayLeave()))
			return;
		window.history.replaceState(null, '', '#' + to);
	}
	render({ focus: true });
}

export function afterLogin() {
	const after = window.sessionStorage.getItem('natrisk.after');
	window.sessionStorage.removeItem('natrisk.after');
	navigate(after && after !== '/login' ? after : '/');
}

start();
