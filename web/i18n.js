// i18n.js - the interface's strings in English and Dutch, the current
// language, and the choice of a method text ({en, nl}) in it.

import { ACCOUNT_STRINGS } from './i18n-accounts.js';
import { PLAN_STRINGS } from './i18n-plan.js';
import { SIGNAL_STRINGS } from './i18n-signals.js';
import { ALERT_STRINGS } from './i18n-alerts.js';
import { REGISTER_STRINGS } from './i18n-register.js';
import { PORTFOLIO_STRINGS } from './i18n-portfolio.js';

const STRINGS = {
	en: {
		'app.name': 'natrisk',
		'skip': 'Skip to main content',
		'nav.label': 'Main',
		'nav.editions': 'Editions',
		'nav.users': 'Users',
		'lang.label': 'Language',
		'session.as': 'Signed in as {user} ({role}, clearance {clearance})',
		'session.out': 'Sign out',
		'session.signedOut': 'You are signed out.',
		'session.expired': 'Your session has ended; please sign in again.',
		'loading': 'Loading…',
		'error.title': 'Something went wrong',
		'error.generic': 'Something went wrong: {message}',
		'error.network': 'The server cannot be reached.',
		'error.forbidden': 'Your role does not allow this.',
		'error.atLine': 'line {line}, column {column}: {message}',

		'login.title': 'Sign in',
		'login.intro': 'Sign in to the national risk assessment.',
		'login.user': 'User name',
		'login.password': 'Password',
		'login.submit': 'Sign in',
		'login.failed': 'Sign-in failed: the user name or password is wrong.',
		'login.throttled': 'Too many attempts; wait a moment and try again.',
		'login.ok': 'Signed in as {user}.',

		'notfound.title': 'Not found',
		'notfound.text': 'There is no such page, or you may not see it.',
		'notfound.back': 'Back to the editions',

		'editions.title': 'Editions',
		'editions.none': 'There are no editions yet.',
		'editions.caption': 'Editions of the risk assessment',
		'col.title': 'Title',
		'col.edition': 'Edition',
		'col.method': 'Method',
		'col.status': 'Status',
		'upload.title': 'Upload an assessment file',
		'upload.file': 'Assessment file (YAML)',
		'upload.submit': 'Upload',
		'upload.none': 'Choose a file first.',
		'upload.ok': 'Edition {id} created.',
		'upload.invalid': 'The file was rejected:',

		'status.draft': 'draft',
		'status.scoring': 'scoring',
		'status.consolidation': 'consolidation',
		'status.published': 'published',
		'class.public': 'public',
		'class.restricted': 'restricted',
		'class.confidential': 'confidential',
		'role.admin': 'admin',
		'role.chair': 'chair',
		'role.analyst': 'analyst',
		'role.viewer': 'viewer',
		'role.owner': 'owner',
		'role.reporter': 'reporter',
		'kind.hazard': 'hazard',
		'kind.threat': 'threat',

		'edition.meta': 'Edition {edition} · method {method}',
		'edition.status': 'Status',
		'edition.statusChange': 'Change status',
		'edition.statusChanged': 'The edition is now in {status}.',
		'edition.weights': 'Weight profile',
		'edition.diagram': 'Risk diagram',
		'edition.diagramNone': 'No scenario to draw.',
		'edition.diagramHint': 'Likelihood runs from left (A) to right (E), impact from bottom (A) to top (E). Select a point to open its scenario.',
		'edition.ranked': 'Ranked scenarios',
		'edition.caption': 'Scenarios ranked by risk',
		'edition.report': 'Download report (HTML)',
		'edition.export': 'Export (YAML)',
		'edition.spread': 'Spread between analysts',
		'edition.actions': 'Downloads and views',
		'edition.updated': 'The results were updated.',
		'edition.mine': 'assigned to you',
		'col.rank': 'Rank',
		'col.scenario': 'Scenario',
		'col.theme': 'Theme',
		'col.kind': 'Kind',
		'col.likelihood': 'Likelihood (EV, LL–UL)',
		'col.impact': 'Impact (range, total)',
		'col.risk': 'Risk',
		'col.classification': 'Classification',
		'col.assigned': 'Analysts',
		'col.new': 'New',
		'yes': 'yes',
		'no': 'no',

		'scenario.details': 'Details',
		'scenario.theme': 'Theme',
		'scenario.kind': 'Kind',
		'scenario.classification': 'Classification',
		'scenario.new': 'New in this edition',
		'scenario.description': 'Description',
		'scenario.sources': 'Sources',
		'scenario.back': 'Back to the edition',
		'scenario.edit': 'Edit details',
		'scenario.editTitle': 'Title',
		'scenario.editDescription': 'Description',
		'scenario.editSave': 'Save details',
		'scenario.editSaved': 'The details were saved.',
		'assign.title': 'Assigned analysts',
		'assign.names': 'Analysts',
		'assign.inactive': 'no longer active',
		'assign.tooLow': 'clearance {clearance}, too low for this scenario',
		'assign.noAnalysts': 'There are no analyst accounts yet.',
		'assign.save': 'Save assignment',
		'assign.saved': 'Assigned: {names}.',
		'assign.none': 'nobody',

		'scores.title': 'Your scores',
		'scores.intro': 'Score each criterion with a class for its lower limit (LL), expected value (EV) and upper limit (UL), or a quantity where the method has thresholds; LL ≤ EV ≤ UL. Score a criterion that does not apply X. One save stores every change.',
		'scores.closed': 'The edition is in {status}: analysts score only while it is in scoring.',
		'scores.notAssigned': 'You are not assigned to this scenario, so you cannot score it.',
		'scores.savedAt': 'Saved {at}.',
		'scores.order': 'LL ≤ EV ≤ UL must hold.',
		'scores.needEv': 'Choose at least the expected value (EV).',
		'scores.current': 'Consolidated now: {score}',
		'scores.none': 'not scored',
		'scores.history': 'Earlier: {list}',

		'consol.title': 'Consolidation',
		'consol.intro': 'Set the consolidated score of each criterion (X drops it: not applicable); the analysts\' scores are shown for reference. One save stores every change; what you do not change stays exactly as it is.',
		'consol.closed': 'The edition is in {status}: consolidated scores change only in draft or consolidation.',
		'consol.adopt': 'Adopt {name}\'s score',
		'consol.analysts': 'Analysts\' scores',
		'consol.noAnalysts': 'No analyst has scored this criterion.',
		'consol.readonly': 'Consolidated scores',

		'form.ll': 'Lower limit (LL)',
		'form.ev': 'Expected value (EV)',
		'form.ul': 'Upper limit (UL)',
		'form.why': 'Rationale',
		'form.unset': '— choose —',
		'form.na': 'X – not applicable',
		'form.high': '(upper range)',
		'form.help': 'Class descriptions',
		'form.likelihood': 'Likelihood',
		'form.hazard': 'Hazard: probability within {years} years {range}.',
		'form.threat': 'Threat: {text}',
		'form.below': 'below {v}',
		'form.from': '{v} or more',
		'form.between': '{a} to {b}',

		'spread.title': 'Spread between analysts',
		'spread.intro': 'Every analyst\'s score with its range, the assigned analysts who have not scored yet, and the consolidated score. A criterion is flagged when the analysts\' expected values lie two classes or more apart.',
		'spread.caption': 'Analysts\' expected values per scenario and criterion',
		'spread.onlyFlagged': 'Show only flagged criteria',
		'spread.none': 'No analyst has scored yet.',
		'spread.flagged': 'differs by two classes or more',
		'spread.ok': 'within one class',
		'col.criterion': 'Criterion',
		'col.score': 'EV (LL–UL)',
		'col.analysts': 'Analysts (EV, LL–UL)',
		'col.low': 'Lowest',
		'col.high': 'Highest',
		'col.flag': 'Flag',
		'spread.count': '{n} of {total} criteria flagged.',
		'spread.missingCount': 'Scores still missing from assigned analysts: {n}.',
		'spread.missing': 'not scored yet',
		'col.consolidated': 'Consolidated',

		'progress.title': 'Scoring progress',
		'progress.intro': 'Per scenario, how many of the {n} criteria (the likelihood included) each analyst has scored.',
		'progress.caption': 'Criteria scored per scenario and analyst',
		'progress.summary': '{done} of {total} assignments are fully scored.',
		'progress.of': '{n} of {total}',
		'progress.complete': 'complete',
		'progress.none': 'no analyst assigned',
		'progress.notAssigned': 'no longer assigned',
		'col.progress': 'Analysts: criteria scored',

		'sheet.save': 'Save all scores',
		'sheet.changed': 'Unsaved changes: {n}',
		'sheet.changedMark': 'changed',
		'sheet.none': 'Nothing to save: no score was changed.',
		'sheet.saved': 'Saved {n} changed scores.',
		'sheet.invalid': 'Not saved: {n} criteria need attention (see their messages).',
		'sheet.fromConsolidated': 'Start from the consolidated scores',
		'sheet.filled': 'The form now holds the consolidated scores: change what you see differently, then save.',
		'part.ll': 'LL',
		'part.ev': 'EV',
		'part.ul': 'UL',
		'form.quantity': 'A quantity…',
		'form.probability': 'A probability…',
		'form.quantityOf': '{part} as a quantity ({unit})',
		'form.probabilityOf': '{part} as a probability (0 to 1)',
		'form.quantityClass': 'class {cls}',
		'form.needQuantity': 'Enter a number for {part}.',

		'dialog.cancel': 'Cancel',
		'guard.title': 'Leave without saving?',
		'guard.text': 'You have changed scores that are not saved yet; they are lost if you leave this page now.',
		'guard.leave': 'Leave without saving',
		'guard.stay': 'Stay on this page',
		'publish.title': 'Publish this edition?',
		'publish.text': 'Publishing "{title}" is final: its scenarios and scores can no longer change, and viewers can read it.',
		'publish.confirm': 'Publish',
		'disable.title': 'Disable {name}?',
		'disable.text': '{name} can no longer sign in, and their sessions end at once.',
		'disable.confirm': 'Disable',

		'users.title': 'Users',
		'users.caption': 'Users of the server',
		'users.add': 'Add a user',
		'users.name': 'User name',
		'users.role': 'Role',
		'users.clearance': 'Clearance',
		'users.password': 'Password',
		'users.submit': 'Add user',
		'users.added': 'Added {name}.',
		'users.disable': 'Disable {name}',
		'users.disabled': 'Disabled {name}.',
		'col.name': 'Name',
		'col.role': 'Role',
		'col.clearance': 'Clearance',
		'col.state': 'State',
		'col.action': 'Action',
		'users.active': 'active',
		'users.inactive': 'disabled'
	},
	nl: {
		'app.name': 'natrisk',
		'skip': 'Naar de hoofdinhoud',
		'nav.label': 'Hoofdmenu',
		'nav.editions': 'Edities',
		'nav.users': 'Gebruikers',
		'lang.label': 'Taal',
		'session.as': 'Aangemeld als {user} ({role}, veiligheidsmachtiging {clearance})',
		'session.out': 'Afmelden',
		'session.signedOut': 'U bent afgemeld.',
		'session.expired': 'Uw sessie is verlopen; meld u opnieuw aan.',
		'loading': 'Laden…',
		'error.title': 'Er ging iets mis',
		'error.generic': 'Er ging iets mis: {message}',
		'error.network': 'De server is niet bereikbaar.',
		'error.forbidden': 'Uw rol staat dit niet toe.',
		'error.atLine': 'regel {line}, kolom {column}: {message}',

		'login.title': 'Aanmelden',
		'login.intro': 'Meld u aan bij de nationale risicobeoordeling.',
		'login.user': 'Gebruikersnaam',
		'login.password': 'Wachtwoord',
		'login.submit': 'Aanmelden',
		'login.failed': 'Aanmelden mislukt: de gebruikersnaam of het wachtwoord is onjuist.',
		'login.throttled': 'Te veel pogingen; wacht even en probeer het opnieuw.',
		'login.ok': 'Aangemeld als {user}.',

		'notfound.title': 'Niet gevonden',
		'notfound.text': 'Deze pagina bestaat niet, of u mag haar niet zien.',
		'notfound.back': 'Terug naar de edities',

		'editions.title': 'Edities',
		'editions.none': 'Er zijn nog geen edities.',
		'editions.caption': 'Edities van de risicobeoordeling',
		'col.title': 'Titel',
		'col.edition': 'Editie',
		'col.method': 'Methode',
		'col.status': 'Status',
		'upload.title': 'Een beoordelingsbestand uploaden',
		'upload.file': 'Beoordelingsbestand (YAML)',
		'upload.submit': 'Uploaden',
		'upload.none': 'Kies eerst een bestand.',
		'upload.ok': 'Editie {id} aangemaakt.',
		'upload.invalid': 'Het bestand is afgewezen:',

		'status.draft': 'concept',
		'status.scoring': 'scoren',
		'status.consolidation': 'consolidatie',
		'status.published': 'gepubliceerd',
		'class.public': 'openbaar',
		'class.restricted': 'departementaal vertrouwelijk',
		'class.confidential': 'staatsgeheim confidentieel',
		'role.admin': 'beheerder',
		'role.chair': 'voorzitter',
		'role.analyst': 'analist',
		'role.viewer': 'lezer',
		'role.owner': 'eigenaar',
		'role.reporter': 'melder',
		'kind.hazard': 'gevaar',
		'kind.threat': 'dreiging',

		'edition.meta': 'Editie {edition} · methode {method}',
		'edition.status': 'Status',
		'edition.statusChange': 'Status wijzigen',
		'edition.statusChanged': 'De editie is nu in {status}.',
		'edition.weights': 'Gewichtenset',
		'edition.diagram': 'Risicodiagram',
		'edition.diagramNone': 'Geen scenario om te tekenen.',
		'edition.diagramHint': 'De waarschijnlijkheid loopt van links (A) naar rechts (E), de impact van onder (A) naar boven (E). Kies een punt om het scenario te openen.',
		'edition.ranked': 'Scenario\'s op volgorde',
		'edition.caption': 'Scenario\'s op volgorde van risico',
		'edition.report': 'Rapport downloaden (HTML)',
		'edition.export': 'Exporteren (YAML)',
		'edition.spread': 'Spreiding tussen analisten',
		'edition.actions': 'Downloads en overzichten',
		'edition.updated': 'De resultaten zijn bijgewerkt.',
		'edition.mine': 'aan u toegewezen',
		'col.rank': 'Rang',
		'col.scenario': 'Scenario',
		'col.theme': 'Thema',
		'col.kind': 'Soort',
		'col.likelihood': 'Waarschijnlijkheid (VW, OG–BG)',
		'col.impact': 'Impact (bereik, totaal)',
		'col.risk': 'Risico',
		'col.classification': 'Rubricering',
		'col.assigned': 'Analisten',
		'col.new': 'Nieuw',
		'yes': 'ja',
		'no': 'nee',

		'scenario.details': 'Gegevens',
		'scenario.theme': 'Thema',
		'scenario.kind': 'Soort',
		'scenario.classification': 'Rubricering',
		'scenario.new': 'Nieuw in deze editie',
		'scenario.description': 'Beschrijving',
		'scenario.sources': 'Bronnen',
		'scenario.back': 'Terug naar de editie',
		'scenario.edit': 'Gegevens wijzigen',
		'scenario.editTitle': 'Titel',
		'scenario.editDescription': 'Beschrijving',
		'scenario.editSave': 'Gegevens opslaan',
		'scenario.editSaved': 'De gegevens zijn opgeslagen.',
		'assign.title': 'Toegewezen analisten',
		'assign.names': 'Analisten',
		'assign.inactive': 'niet meer actief',
		'assign.tooLow': 'veiligheidsmachtiging {clearance}, te laag voor dit scenario',
		'assign.noAnalysts': 'Er zijn nog geen analistenaccounts.',
		'assign.save': 'Toewijzing opslaan',
		'assign.saved': 'Toegewezen: {names}.',
		'assign.none': 'niemand',

		'scores.title': 'Uw scores',
		'scores.intro': 'Geef elk criterium een klasse voor de ondergrens (OG), de verwachte waarde (VW) en de bovengrens (BG), of een hoeveelheid waar de methode klassengrenzen heeft; OG ≤ VW ≤ BG. Geef een criterium dat niet van toepassing is X. Eén keer opslaan bewaart alle wijzigingen.',
		'scores.closed': 'De editie is in {status}: analisten scoren alleen in de fase scoren.',
		'scores.notAssigned': 'U bent niet aan dit scenario toegewezen en kunt het dus niet scoren.',
		'scores.savedAt': 'Opgeslagen {at}.',
		'scores.order': 'OG ≤ VW ≤ BG moet gelden.',
		'scores.needEv': 'Kies ten minste de verwachte waarde (VW).',
		'scores.current': 'Nu geconsolideerd: {score}',
		'scores.none': 'niet gescoord',
		'scores.history': 'Eerder: {list}',

		'consol.title': 'Consolidatie',
		'consol.intro': 'Stel de geconsolideerde score van elk criterium vast (X laat hem vervallen: niet van toepassing); de scores van de analisten staan erbij ter vergelijking. Eén keer opslaan bewaart alle wijzigingen; wat u niet wijzigt, blijft precies zoals het is.',
		'consol.closed': 'De editie is in {status}: geconsolideerde scores veranderen alleen in concept of consolidatie.',
		'consol.adopt': 'Score van {name} overnemen',
		'consol.analysts': 'Scores van de analisten',
		'consol.noAnalysts': 'Geen analist heeft dit criterium gescoord.',
		'consol.readonly': 'Geconsolideerde scores',

		'form.ll': 'Ondergrens (OG)',
		'form.ev': 'Verwachte waarde (VW)',
		'form.ul': 'Bovengrens (BG)',
		'form.why': 'Onderbouwing',
		'form.unset': '— kies —',
		'form.na': 'X – niet van toepassing',
		'form.high': '(bovenkant)',
		'form.help': 'Beschrijving van de klassen',
		'form.likelihood': 'Waarschijnlijkheid',
		'form.hazard': 'Gevaar: kans binnen {years} jaar {range}.',
		'form.threat': 'Dreiging: {text}',
		'form.below': 'onder {v}',
		'form.from': '{v} of meer',
		'form.between': '{a} tot {b}',

		'spread.title': 'Spreiding tussen analisten',
		'spread.intro': 'De score van elke analist met zijn bandbreedte, de toegewezen analisten die nog niet hebben gescoord, en de geconsolideerde score. Een criterium wordt gemarkeerd als de verwachte waarden van de analisten twee klassen of meer uiteenliggen.',
		'spread.caption': 'Verwachte waarden van de analisten per scenario en criterium',
		'spread.onlyFlagged': 'Alleen gemarkeerde criteria tonen',
		'spread.none': 'Nog geen analist heeft gescoord.',
		'spread.flagged': 'verschilt twee klassen of meer',
		'spread.ok': 'binnen één klasse',
		'col.criterion': 'Criterium',
		'col.score': 'VW (OG–BG)',
		'col.analysts': 'Analisten (VW, OG–BG)',
		'col.low': 'Laagste',
		'col.high': 'Hoogste',
		'col.flag': 'Markering',
		'spread.count': '{n} van {total} criteria gemarkeerd.',
		'spread.missingCount': 'Scores die nog ontbreken van toegewezen analisten: {n}.',
		'spread.missing': 'nog niet gescoord',
		'col.consolidated': 'Geconsolideerd',

		'progress.title': 'Voortgang van het scoren',
		'progress.intro': 'Per scenario: hoeveel van de {n} criteria (de waarschijnlijkheid meegeteld) elke analist heeft gescoord.',
		'progress.caption': 'Gescoorde criteria per scenario en analist',
		'progress.summary': '{done} van {total} toewijzingen zijn volledig gescoord.',
		'progress.of': '{n} van {total}',
		'progress.complete': 'volledig',
		'progress.none': 'geen analist toegewezen',
		'progress.notAssigned': 'niet meer toegewezen',
		'col.progress': 'Analisten: gescoorde criteria',

		'sheet.save': 'Alle scores opslaan',
		'sheet.changed': 'Niet opgeslagen wijzigingen: {n}',
		'sheet.changedMark': 'gewijzigd',
		'sheet.none': 'Niets op te slaan: er is geen score gewijzigd.',
		'sheet.saved': '{n} gewijzigde scores opgeslagen.',
		'sheet.invalid': 'Niet opgeslagen: {n} criteria vragen aandacht (zie de meldingen erbij).',
		'sheet.fromConsolidated': 'Beginnen bij de geconsolideerde scores',
		'sheet.filled': 'Het formulier bevat nu de geconsolideerde scores: wijzig wat u anders ziet en sla op.',
		'part.ll': 'OG',
		'part.ev': 'VW',
		'part.ul': 'BG',
		'form.quantity': 'Een hoeveelheid…',
		'form.probability': 'Een kans…',
		'form.quantityOf': '{part} als hoeveelheid ({unit})',
		'form.probabilityOf': '{part} als kans (0 tot 1)',
		'form.quantityClass': 'klasse {cls}',
		'form.needQuantity': 'Vul een getal in voor {part}.',

		'dialog.cancel': 'Annuleren',
		'guard.title': 'Weggaan zonder op te slaan?',
		'guard.text': 'U hebt scores gewijzigd die nog niet zijn opgeslagen; ze gaan verloren als u deze pagina nu verlaat.',
		'guard.leave': 'Weggaan zonder opslaan',
		'guard.stay': 'Op deze pagina blijven',
		'publish.title': 'Deze editie publiceren?',
		'publish.text': 'Het publiceren van "{title}" is definitief: scenario\'s en scores kunnen daarna niet meer veranderen, en lezers kunnen de editie inzien.',
		'publish.confirm': 'Publiceren',
		'disable.title': '{name} uitschakelen?',
		'disable.text': '{name} kan zich niet meer aanmelden, en de sessies van {name} eindigen meteen.',
		'disable.confirm': 'Uitschakelen',

		'users.title': 'Gebruikers',
		'users.caption': 'Gebruikers van de server',
		'users.add': 'Een gebruiker toevoegen',
		'users.name': 'Gebruikersnaam',
		'users.role': 'Rol',
		'users.clearance': 'Veiligheidsmachtiging',
		'users.password': 'Wachtwoord',
		'users.submit': 'Gebruiker toevoegen',
		'users.added': '{name} toegevoegd.',
		'users.disable': '{name} uitschakelen',
		'users.disabled': '{name} uitgeschakeld.',
		'col.name': 'Naam',
		'col.role': 'Rol',
		'col.clearance': 'Veiligheidsmachtiging',
		'col.state': 'Toestand',
		'col.action': 'Actie',
		'users.active': 'actief',
		'users.inactive': 'uitgeschakeld'
	}
};

// the strings of accounts, editions' chairs and comparison, and of the
// plan, of signals, of alerts, of the register and of the portfolio,
// kept apart
for (const id of Object.keys(STRINGS))
	Object.assign(STRINGS[id], ACCOUNT_STRINGS[id], PLAN_STRINGS[id], SIGNAL_STRINGS[id],
		ALERT_STRINGS[id], REGISTER_STRINGS[id], PORTFOLIO_STRINGS[id]);

export const LANGS = [
	{ id: 'en', name: 'English' },
	{ id: 'nl', name: 'Nederlands' }
];

let current = 'en';

function stored() {
	try {
		return window.localStorage.getItem('natrisk.lang');
	} catch {
		return null;
	}
}

export function initLang() {
	const saved = stored();
	if (saved && STRINGS[saved])
		current = saved;
	else if ((navigator.language || '').toLowerCase().startsWith('nl'))
		current = 'nl';
	document.documentElement.lang = current;
	return current;
}

export function lang() {
	return current;
}

export function setLang(id) {
	if (!STRINGS[id])
		return;
	current = id;
	document.documentElement.lang = id;
	try {
		window.localStorage.setItem('natrisk.lang', id);
	} catch {
		/* private mode: the choice lasts for this page only */
	}
}

// The string KEY in the current language, with {name} filled from VARS.
export function t(key, vars) {
	let text = STRINGS[current][key];
	if (text === undefined)
		text = STRINGS.en[key];
	if (text === undefined)
		return key;
	if (vars)
		text = text.replace(/\{(\w+)\}/g, (m, name) =>
			vars[name] === undefined ? m : String(vars[name]));
	return text;
}

// A method text {en, nl} in the current language (English as fallback).
export function pick(text) {
	if (text === null || text === undefined)
		return '';
	if (typeof text === 'string')
		return text;
	return text[current] || text.en || '';
}

export function number(value) {
	return new Intl.NumberFormat(current === 'nl' ? 'nl-NL' : 'en-GB', {
		maximumSignificantDigits: 6
	}).format(value);
}

export function fixed(value, digits) {
	return new Intl.NumberFormat(current === 'nl' ? 'nl-NL' : 'en-GB', {
		minimumFractionDigits: digits,
		maximumFractionDigits: digits
	}).format(value);
}

export function dateTime(iso) {
	const d = new Date(iso);
	if (Number.isNaN(d.getTime()))
		return iso;
	return d.toLocaleString(current === 'nl' ? 'nl-NL' : 'en-GB');
}

// Exposed for the end-to-end tests: every key must exist in both languages.
export function missingKeys() {
	const out = [];
	for (const key of Object.keys(STRINGS.en))
		if (!(key in STRINGS.nl))
			out.push('nl:' + key);
	for (const key of Object.keys(STRINGS.nl))
		if (!(key in STRINGS.en))
			out.push('en:' + key);
	return out;
}
