// i18n.js - the interface's strings in English and Dutch, the current
// language, and the choice of a method text ({en, nl}) in it.

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
		'scores.intro': 'Score each criterion with a class for its lower limit (LL), expected value (EV) and upper limit (UL); LL ≤ EV ≤ UL. Leave a criterion that does not apply at X.',
		'scores.closed': 'The edition is in {status}: analysts score only while it is in scoring.',
		'scores.notAssigned': 'You are not assigned to this scenario, so you cannot score it.',
		'scores.saved': 'Saved your score for {criterion}.',
		'scores.savedAt': 'Saved {at}.',
		'scores.order': 'LL ≤ EV ≤ UL must hold.',
		'scores.needEv': 'Choose at least the expected value (EV).',
		'scores.current': 'Consolidated now: {score}',
		'scores.none': 'not scored',
		'scores.history': 'Earlier: {list}',

		'consol.title': 'Consolidation',
		'consol.intro': 'Set the consolidated score of each criterion; the analysts\' scores are shown for reference.',
		'consol.closed': 'The edition is in {status}: consolidated scores change only in draft or consolidation.',
		'consol.saved': 'Consolidated {criterion}: {score}.',
		'consol.dropped': 'Dropped {criterion} (not applicable).',
		'consol.drop': 'Drop (not applicable)',
		'consol.adopt': 'Adopt {name}\'s score',
		'consol.analysts': 'Analysts\' scores',
		'consol.noAnalysts': 'No analyst has scored this criterion.',
		'consol.readonly': 'Consolidated scores',

		'form.ll': 'Lower limit (LL)',
		'form.ev': 'Expected value (EV)',
		'form.ul': 'Upper limit (UL)',
		'form.why': 'Rationale',
		'form.save': 'Save',
		'form.unset': '— choose —',
		'form.na': 'X – not applicable',
		'form.high': '(upper range)',
		'form.help': 'Class descriptions',
		'form.likelihood': 'Likelihood',
		'form.hazard': 'Hazard: probability within {years} years {range}.',
		'form.threat': 'Threat: {text}',
		'form.value': 'quantity {value}',
		'form.below': 'below {v}',
		'form.from': '{v} or more',
		'form.between': '{a} to {b}',

		'spread.title': 'Spread between analysts',
		'spread.intro': 'A criterion is flagged when the analysts\' expected values lie two classes or more apart.',
		'spread.caption': 'Analysts\' expected values per scenario and criterion',
		'spread.onlyFlagged': 'Show only flagged criteria',
		'spread.none': 'No analyst has scored yet.',
		'spread.flagged': 'differs by two classes or more',
		'spread.ok': 'within one class',
		'col.criterion': 'Criterion',
		'col.score': 'EV (LL–UL)',
		'col.analysts': 'Analysts (EV)',
		'col.low': 'Lowest',
		'col.high': 'Highest',
		'col.flag': 'Flag',
		'spread.count': '{n} of {total} criteria flagged.',

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
		'session.as': 'Aangemeld als {user} ({role}, rubricering {clearance})',
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
		'class.restricted': 'beperkt',
		'class.confidential': 'vertrouwelijk',
		'role.admin': 'beheerder',
		'role.chair': 'voorzitter',
		'role.analyst': 'analist',
		'role.viewer': 'lezer',
		'kind.hazard': 'gevaar',
		'kind.threat': 'dreiging',

		'edition.meta': 'Editie {edition} · methode {method}',
		'edition.status': 'Status',
		'edition.statusChange': 'Status wijzigen',
		'edition.statusChanged': 'De editie is nu in {status}.',
		'edition.weights': 'Wegingsprofiel',
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
		'assign.tooLow': 'screening {clearance}, te laag voor dit scenario',
		'assign.noAnalysts': 'Er zijn nog geen analistenaccounts.',
		'assign.save': 'Toewijzing opslaan',
		'assign.saved': 'Toegewezen: {names}.',
		'assign.none': 'niemand',

		'scores.title': 'Uw scores',
		'scores.intro': 'Geef elk criterium een klasse voor de ondergrens (OG), de verwachte waarde (VW) en de bovengrens (BG); OG ≤ VW ≤ BG. Laat een criterium dat niet van toepassing is op X.',
		'scores.closed': 'De editie is in {status}: analisten scoren alleen in de fase scoren.',
		'scores.notAssigned': 'U bent niet aan dit scenario toegewezen en kunt het dus niet scoren.',
		'scores.saved': 'Uw score voor {criterion} is opgeslagen.',
		'scores.savedAt': 'Opgeslagen {at}.',
		'scores.order': 'OG ≤ VW ≤ BG moet gelden.',
		'scores.needEv': 'Kies ten minste de verwachte waarde (VW).',
		'scores.current': 'Nu geconsolideerd: {score}',
		'scores.none': 'niet gescoord',
		'scores.history': 'Eerder: {list}',

		'consol.title': 'Consolidatie',
		'consol.intro': 'Stel de geconsolideerde score van elk criterium vast; de scores van de analisten staan erbij ter vergelijking.',
		'consol.closed': 'De editie is in {status}: geconsolideerde scores veranderen alleen in concept of consolidatie.',
		'consol.saved': '{criterion} geconsolideerd: {score}.',
		'consol.dropped': '{criterion} vervallen (niet van toepassing).',
		'consol.drop': 'Laten vervallen (n.v.t.)',
		'consol.adopt': 'Score van {name} overnemen',
		'consol.analysts': 'Scores van de analisten',
		'consol.noAnalysts': 'Geen analist heeft dit criterium gescoord.',
		'consol.readonly': 'Geconsolideerde scores',

		'form.ll': 'Ondergrens (OG)',
		'form.ev': 'Verwachte waarde (VW)',
		'form.ul': 'Bovengrens (BG)',
		'form.why': 'Onderbouwing',
		'form.save': 'Opslaan',
		'form.unset': '— kies —',
		'form.na': 'X – niet van toepassing',
		'form.high': '(bovenkant)',
		'form.help': 'Beschrijving van de klassen',
		'form.likelihood': 'Waarschijnlijkheid',
		'form.hazard': 'Gevaar: kans binnen {years} jaar {range}.',
		'form.threat': 'Dreiging: {text}',
		'form.value': 'hoeveelheid {value}',
		'form.below': 'onder {v}',
		'form.from': '{v} of meer',
		'form.between': '{a} tot {b}',

		'spread.title': 'Spreiding tussen analisten',
		'spread.intro': 'Een criterium wordt gemarkeerd als de verwachte waarden van de analisten twee klassen of meer uiteenliggen.',
		'spread.caption': 'Verwachte waarden van de analisten per scenario en criterium',
		'spread.onlyFlagged': 'Alleen gemarkeerde criteria tonen',
		'spread.none': 'Nog geen analist heeft gescoord.',
		'spread.flagged': 'verschilt twee klassen of meer',
		'spread.ok': 'binnen één klasse',
		'col.criterion': 'Criterium',
		'col.score': 'VW (OG–BG)',
		'col.analysts': 'Analisten (VW)',
		'col.low': 'Laagste',
		'col.high': 'Hoogste',
		'col.flag': 'Markering',
		'spread.count': '{n} van {total} criteria gemarkeerd.',

		'users.title': 'Gebruikers',
		'users.caption': 'Gebruikers van de server',
		'users.add': 'Een gebruiker toevoegen',
		'users.name': 'Gebruikersnaam',
		'users.role': 'Rol',
		'users.clearance': 'Rubricering',
		'users.password': 'Wachtwoord',
		'users.submit': 'Gebruiker toevoegen',
		'users.added': '{name} toegevoegd.',
		'users.disable': '{name} uitschakelen',
		'users.disabled': '{name} uitgeschakeld.',
		'col.name': 'Naam',
		'col.role': 'Rol',
		'col.clearance': 'Rubricering',
		'col.state': 'Toestand',
		'col.action': 'Actie',
		'users.active': 'actief',
		'users.inactive': 'uitgeschakeld'
	}
};

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
