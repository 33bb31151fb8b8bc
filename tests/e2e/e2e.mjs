// e2e.mjs URL - the web UI end to end in headless Chromium (playwright-core).
// run.sh prepares the store and the server; the users come from E2E_*.
//
// basics.mjs tries what lies outside the scoring cycle (signing in, what
// an analyst may not see, the language switch, the live diagram, uploads,
// users); cycle.mjs walks the whole cycle, from scoring to the published
// report, on a phone-sized and a desktop viewport, in English and in
// Dutch; accounts.mjs tries passwords, the admin's enabling and reset, an
// edition's own chairs and the comparison with a previous edition, at
// phone size in both languages; plans.mjs walks an edition's plan (import,
// experts and their levels, the spread and agreed levels, measures,
// advice and decisions, export, need-to-know) on a desktop in English and
// a phone in Dutch; signals.mjs, a reporter's signals and the analysts'
// triage, at phone size in both languages; alerts.mjs issues alerts from
// the alerts page and reads them as a viewer; register.mjs the register
// of progress, the letter and an owner's status report (a phone in Dutch,
// a desktop in English); portfolio.mjs the chair's best set of measures
// for a budget (a desktop in English, a phone in Dutch). The tests run in
// order and build on each other. Every page fails
// the run on a JavaScript error, a CSP violation or an unexpected console
// error, and on a width beyond its window.

import {
	ANALYST, ANALYST2, CHAIR, CHAIR2, DESKTOP, PHONE, VIEWER, finish, newUser, signIn, test
} from './lib.mjs';
import { basics } from './basics.mjs';
import { cycle } from './cycle.mjs';
import { accounts, viewerEmpty } from './accounts.mjs';
import { plans } from './plans.mjs';
import { signals } from './signals.mjs';
import { alerts } from './alerts.mjs';
import { register } from './register.mjs';
import { portfolio } from './portfolio.mjs';

// The whole run must end well within ten minutes on a busy 2-core
// machine (four before plans.mjs, which adds about 30 s unloaded; at a
// load of 11 the run before it took all of four; signals.mjs adds about
// 15 s unloaded, register.mjs 36 s at a load of 20, when the whole run
// took 5.5 minutes; alerts.mjs about 5 s; portfolio.mjs 20 s at a load
// of 20).
const watchdog = setTimeout(() => {
	console.error('e2e: timed out after 600 s');
	process.exit(1);
}, 600000);

const chair = await newUser('chair');
const ann = await newUser('analyst');
await basics(chair, ann);

const bob = await newUser('analyst2');
const viewer = await newUser('viewer');
await test('the second analyst and the viewer sign in', async () => {
	await signIn(bob.page, ANALYST2);
	await signIn(viewer.page, VIEWER);
});
// nothing is published yet
await viewerEmpty(viewer);
const users = { chair, ann, bob, viewer };
for (const [viewport, lang] of [[PHONE, 'en'], [DESKTOP, 'nl'], [PHONE, 'nl'], [DESKTOP, 'en']])
	await cycle(users, viewport, lang);
const cleo = await newUser('chair2');
await test('a restricted chair signs in', async () => {
	await signIn(cleo.page, CHAIR2);
});
for (const [viewport, lang] of [[DESKTOP, 'en'], [PHONE, 'nl']])
	await plans({ chair, ann, cleo }, viewport, lang);
for (const [viewport, lang] of [[DESKTOP, 'en'], [PHONE, 'nl']])
	await portfolio({ chair, cleo }, viewport, lang);
await cleo.context.close();
for (const [viewport, lang] of [[PHONE, 'nl'], [DESKTOP, 'en']])
	await register(chair, viewport, lang);
for (const lang of ['en', 'nl'])
	await accounts(chair, PHONE, lang);
await signals({ chair, ann });
for (const lang of ['en', 'nl'])
	await alerts({ chair, viewer }, lang);

const status = await finish();
clearTimeout(watchdog);
process.exit(status);
