/*
 * messages_nl_store.c - the Dutch catalogue (messages.h): the messages
 * and parts of messages first written in src/store, sorted by their
 * English (strcmp) for the binary search. tests/cli/messages.sh checks
 * that every message has its entry and that the entries fit.
 */
#include "messages.h"

static const message_pair pairs[] = {
	{ "%s is a directory, not a store: --db names the store's file",
	  "%s is een map, geen opslag: --db noemt het bestand van de "
	  "opslag" },
	{ "%s is not a regular file, so it cannot be a store",
	  "%s is geen gewoon bestand en kan dus geen opslag zijn" },
	{ "%s is not an audit anchor",
	  "%s is geen auditanker" },
	{ "%s is not an audit key (64 hexadecimal digits)",
	  "%s is geen auditsleutel (64 hexadecimale cijfers)" },
	{ "%s is not an enabled analyst",
	  "%s is geen actieve analist" },
	{ "%s is not an enabled chair",
	  "%s is geen actieve voorzitter" },
	{ "%s is not cleared for %s scenarios",
	  "%s heeft geen veiligheidsmachtiging voor scenario's met "
	  "rubricering %s" },
	{ "'%s' cannot be edited here (editable: title, theme, kind, "
	  "description, classification, new, sources; scores have their "
	  "own routes)",
	  "'%s' kan hier niet worden gewijzigd (te wijzigen: title "
	  "(titel), theme (thema), kind (soort), description "
	  "(beschrijving), classification (rubricering), new (nieuw), "
	  "sources (bronnen); scores hebben hun eigen routes)" },
	{ "'%s' is not an organisation's id (1 to 64 of a-z, 0-9 and '-')",
	  "'%s' is geen id van een organisatie (1 tot en met 64 tekens uit "
	  "a-z, 0-9 en '-')" },
	{ "'%s' must be a list of at most %d different ids",
	  "'%s' moet een lijst van ten hoogste %d verschillende id's "
	  "zijn" },
	{ "'%s' must be text of 1 to %zu characters, not blank",
	  "'%s' moet tekst van 1 tot %zu tekens zijn, niet leeg" },
	{ "'%s' must be text of at most %zu characters",
	  "'%s' moet tekst van ten hoogste %zu tekens zijn" },
	{ "'classification' must be public, restricted or "
	  "confidential",
	  "de rubricering (classification) moet public, restricted "
	  "of confidential zijn" },
	{ "'confidence' must be low, medium or high",
	  "de betrouwbaarheid (confidence) moet low, medium of high "
	  "zijn" },
	{ "'decision' must be dismiss, watch or propose",
	  "het besluit (decision) moet dismiss, watch of propose zijn" },
	{ "'edition' must be an edition's id or null",
	  "de editie (edition) moet de id van een editie zijn, of "
	  "null" },
	{ "'observed' must be a date YYYY-MM-DD, not after today",
	  "de datum van waarneming (observed) moet een datum "
	  "JJJJ-MM-DD zijn, niet na vandaag" },
	{ "a likelihood cannot be dropped: score it",
	  "een waarschijnlijkheid kan niet worden geschrapt: geef een "
	  "score" },
	{ "a note is text of at most %d bytes",
	  "een notitie (note) is tekst van hoogstens %d bytes" },
	{ "a password needs at least %d characters",
	  "een wachtwoord heeft ten minste %d tekens nodig" },
	{ "a proposal",
	  "een voorstel" },
	{ "a proposal that changes a scenario names its 'edition'",
	  "een voorstel dat een scenario wijzigt, noemt de editie "
	  "ervan (edition)" },
	{ "a signal",
	  "een signaal" },
	{ "a signal that names scenarios or themes names their "
	  "'edition'",
	  "een signaal dat scenario's of thema's noemt, noemt ook "
	  "hun editie (edition)" },
	{ "a status cannot be dated after today (%s)",
	  "een status kan niet na vandaag (%s) gedateerd zijn" },
	{ "a triage decision",
	  "een triagebesluit" },
	{ "a user belongs to at most %d organisations",
	  "een gebruiker hoort bij hoogstens %d organisaties" },
	{ "a user name is 1 to 64 of a-z, 0-9, '.', '_' and '-'",
	  "een gebruikersnaam bestaat uit 1 tot en met 64 tekens uit "
	  "a-z, 0-9, '.', '_' en '-'" },
	{ "agreed levels change",
	  "overeengekomen niveaus veranderen" },
	{ "alert %s exists already",
	  "alert %s bestaat al" },
	{ "an edition cannot follow itself",
	  "een editie kan zichzelf niet opvolgen" },
	{ "analyst %s, assigned to this scenario, is not cleared for %s: "
	  "change the assignments first",
	  "analist %s, toegewezen aan dit scenario, heeft geen "
	  "veiligheidsmachtiging voor %s: wijzig eerst de toewijzingen" },
	{ "analyst '%s' is not cleared for this capability",
	  "analist '%s' heeft geen veiligheidsmachtiging voor deze "
	  "capaciteit" },
	{ "analysts score",
	  "analisten scoren" },
	{ "assignments change",
	  "toewijzingen veranderen" },
	{ "at most %d chairs",
	  "hoogstens %d voorzitters" },
	{ "audit entry %lld does not carry its MAC under the audit key: "
	  "it was rewritten (or the key is wrong)",
	  "auditvermelding %lld heeft niet de MAC die bij de "
	  "auditsleutel hoort: ze is herschreven (of de sleutel is "
	  "onjuist)" },
	{ "audit entry %lld does not follow the one before",
	  "auditvermelding %lld sluit niet aan op de vorige" },
	{ "audit entry %lld has a MAC, and there is no audit key to "
	  "check it",
	  "auditvermelding %lld heeft een MAC, en er is geen "
	  "auditsleutel om die te controleren" },
	{ "audit entry %lld has no MAC, though the entries before it "
	  "have: natrisk did not write it",
	  "auditvermelding %lld heeft geen MAC, hoewel de vermeldingen "
	  "ervoor er een hebben: natrisk heeft haar niet geschreven" },
	{ "audit entry %lld is missing (found %lld)",
	  "auditvermelding %lld ontbreekt (gevonden: %lld)" },
	{ "audit entry %lld is not the entry that the anchor %s names: "
	  "the log was rewritten; see 'natrisk audit verify'",
	  "auditvermelding %lld is niet de vermelding die het anker %s "
	  "noemt: het log is herschreven; zie 'natrisk audit verify'" },
	{ "audit entry %lld is not the entry that the anchor names: the "
	  "log was rewritten from there on",
	  "auditvermelding %lld is niet de vermelding die het anker "
	  "noemt: het log is vanaf daar herschreven" },
	{ "audit entry %lld was changed after it was written",
	  "auditvermelding %lld is gewijzigd nadat ze was geschreven" },
	{ "cannot hash the password",
	  "kan het wachtwoord niet hashen" },
	{ "cannot lock %s: %s",
	  "kan %s niet vergrendelen: %s" },
	{ "cannot make the audit key %s: %s",
	  "kan de auditsleutel %s niet aanmaken: %s" },
	{ "cannot open the lock %s: %s",
	  "kan het slot %s niet openen: %s" },
	{ "cannot open the store %s: %s",
	  "kan de opslag %s niet openen: %s" },
	{ "cannot open the store %s: its directory %s does not exist",
	  "kan de opslag %s niet openen: de map %s bestaat niet" },
	{ "cannot read the audit anchor %s: %s",
	  "kan het auditanker %s niet lezen: %s" },
	{ "cannot read the audit key %s: %s",
	  "kan de auditsleutel %s niet lezen: %s" },
	{ "cannot write the audit anchor %s: %s",
	  "kan het auditanker %s niet schrijven: %s" },
	{ "cannot write the audit key %s: %s",
	  "kan de auditsleutel %s niet schrijven: %s" },
	{ "cannot write the store %s: %s (the file is read-only for this "
	  "user)",
	  "kan de opslag %s niet schrijven: %s (het bestand is "
	  "alleen-lezen voor deze gebruiker)" },
	{ "cannot write the store %s: its directory %s is read-only for "
	  "this user (%s), and SQLite keeps the store's -wal and -shm "
	  "files there, natrisk the audit anchor",
	  "kan de opslag %s niet schrijven: de map %s is alleen-lezen "
	  "voor deze gebruiker (%s), en daar bewaart SQLite de bestanden "
	  "-wal en -shm van de opslag, en natrisk het auditanker" },
	{ "consolidated scores change",
	  "geconsolideerde scores veranderen" },
	{ "consolidation",
	  "consolidatie" },
	{ "draft",
	  "concept" },
	{ "edition %lld is in %s: %s only %s",
	  "editie %lld is in de fase %s: %s alleen %s" },
	{ "edition %lld is in %s: its actions report their status once it is "
	  "published (until then the plan itself changes)",
	  "editie %lld is in de fase %s: de status van de acties wordt gemeld "
	  "zodra de editie is gepubliceerd (tot dan verandert het plan zelf)" },
	{ "edition %lld is published and cannot change",
	  "editie %lld is gepubliceerd en kan niet meer veranderen" },
	{ "expected a JSON object of the scenario's fields",
	  "verwacht: een JSON-object met de velden van het scenario" },
	{ "expected an object {criterion: score, ...}",
	  "verwacht: een object {criterium: score, ...}" },
	{ "expected an object {criterion: score, ...}: %s",
	  "verwacht: een object {criterium: score, ...} (%s)" },
	{ "expected {\"status\": planned|on-track|late|done|dropped, "
	  "\"note\", \"date\": YYYY-MM-DD}",
	  "verwacht: {\"status\": planned|on-track|late|done|dropped, "
	  "\"note\", \"date\": JJJJ-MM-DD}" },
	{ "experts give their levels",
	  "experts geven hun niveaus" },
	{ "its chairs change",
	  "de voorzitters veranderen" },
	{ "its plan changes",
	  "het plan verandert" },
	{ "leave 'analyst' out: the levels are those of whoever gives "
	  "them",
	  "laat 'analyst' weg: de niveaus zijn van wie ze geeft" },
	{ "leave 'id' out: the server gives a new item its id, and an "
	  "item keeps it",
	  "laat 'id' weg: de server geeft een nieuw onderdeel zelf "
	  "een id, en een onderdeel houdt dat" },
	{ "leave 'id' out: the server gives a new scenario its id (its "
	  "title and six random characters), and answers with it",
	  "laat 'id' weg: de server geeft een nieuw scenario zelf een id "
	  "(de titel en zes willekeurige tekens), en noemt die in zijn "
	  "antwoord" },
	{ "leave 'levels' out: each expert gives their own levels, "
	  "and the chair the agreed ones",
	  "laat 'levels' weg: elke expert geeft zijn eigen niveaus, "
	  "en de voorzitter de overeengekomen niveaus" },
	{ "libsodium cannot start",
	  "libsodium kan niet starten" },
	{ "method %s has no criterion '%s'",
	  "methode %s heeft geen criterium '%s'" },
	{ "no edition %lld",
	  "er is geen editie %lld" },
	{ "no free id after %d tries",
	  "geen vrije id gevonden na %d pogingen" },
	{ "no free scenario id after %d tries",
	  "geen vrije scenario-id gevonden na %d pogingen" },
	{ "no free signal id after %d tries",
	  "geen vrije signaal-id gevonden na %d pogingen" },
	{ "no such action",
	  "geen actie met deze naam" },
	{ "no such alert",
	  "geen alert met dit id" },
	{ "no such edition %lld",
	  "editie %lld bestaat niet" },
	{ "no such feed token",
	  "geen feed-token met deze waarde" },
	{ "no such plan item",
	  "dit onderdeel van het plan bestaat niet" },
	{ "no such scenario",
	  "dit scenario bestaat niet" },
	{ "no such session",
	  "deze sessie bestaat niet" },
	{ "no such signal",
	  "dit signaal bestaat niet" },
	{ "no user '%s'",
	  "er is geen gebruiker '%s'" },
	{ "no webhook %lld (or it was removed)",
	  "geen webhook %lld (of hij is verwijderd)" },
	{ "not JSON: %s",
	  "geen JSON: %s" },
	{ "only a proposal of a new scenario becomes a scenario, and the "
	  "signal's newest decision is not one",
	  "alleen een voorstel voor een nieuw scenario wordt een scenario, "
	  "en het nieuwste besluit over het signaal is er geen" },
	{ "only the decision propose has a 'proposal'",
	  "alleen het besluit propose heeft een voorstel (proposal)" },
	{ "organisation '%s' is first responsible for a measure or an "
	  "advice: name another owner there first",
	  "organisatie '%s' is eerstverantwoordelijk voor een "
	  "maatregel of een advies: wijs daar eerst een andere "
	  "eigenaar aan" },
	{ "published",
	  "gepubliceerd" },
	{ "publishing an edition takes a clearance for every scenario in "
	  "it",
	  "wie een editie publiceert, heeft een veiligheidsmachtiging "
	  "nodig voor elk scenario erin" },
	{ "scenarios change",
	  "scenario's veranderen" },
	{ "scoring",
	  "scoren" },
	{ "since comes after on",
	  "since ligt na on" },
	{ "the audit anchor %s does not fit the audit key: a wrong key, "
	  "or an anchor that natrisk did not write",
	  "het auditanker %s past niet bij de auditsleutel: een "
	  "verkeerde sleutel, of een anker dat natrisk niet heeft "
	  "geschreven" },
	{ "the audit anchor %s is missing",
	  "het auditanker %s ontbreekt" },
	{ "the audit anchor %s is missing: entries removed from the end "
	  "of the audit log could not be told; restore it from the "
	  "backup (or, for a log known to be whole, make a new one with "
	  "'natrisk audit anchor')",
	  "het auditanker %s ontbreekt: vermeldingen die van het einde "
	  "van het auditlog zijn verwijderd, zouden niet op te merken "
	  "zijn; zet het terug uit de back-up (of maak, voor een log "
	  "waarvan vaststaat dat het volledig is, een nieuw anker met "
	  "'natrisk audit anchor')" },
	{ "the audit anchor %s is missing: entries removed from the end "
	  "of the log could not be told; restore it from the backup (or, "
	  "for a log known to be whole, make a new one with 'natrisk "
	  "audit anchor')",
	  "het auditanker %s ontbreekt: vermeldingen die van het einde "
	  "van het log zijn verwijderd, zouden niet op te merken zijn; "
	  "zet het terug uit de back-up (of maak, voor een log waarvan "
	  "vaststaat dat het volledig is, een nieuw anker met 'natrisk "
	  "audit anchor')" },
	{ "the audit anchor counts no entries but names one",
	  "het auditanker telt geen vermeldingen, maar noemt er wel een" },
	{ "the audit key %s is missing",
	  "de auditsleutel %s ontbreekt" },
	{ "the audit key %s is missing, and the audit log was written "
	  "under it: restore it, or name where it is with --audit-key or "
	  "NATRISK_AUDIT_KEY",
	  "de auditsleutel %s ontbreekt, en het auditlog is eronder "
	  "geschreven: zet de sleutel terug, of geef met --audit-key of "
	  "NATRISK_AUDIT_KEY aan waar ze staat" },
	{ "the audit key %s is missing: it is needed to check this log",
	  "de auditsleutel %s ontbreekt: die is nodig om dit log te "
	  "controleren" },
	{ "the audit log ends at entry %lld, but its anchor counts %lld "
	  "entries: entries were removed from its end",
	  "het auditlog eindigt bij vermelding %lld, maar het anker telt "
	  "%lld vermeldingen: er zijn vermeldingen van het einde "
	  "verwijderd" },
	{ "the audit log ends at entry %lld, but its anchor counts %lld "
	  "entries: entries were removed from its end; see 'natrisk "
	  "audit verify'",
	  "het auditlog eindigt bij vermelding %lld, maar het anker telt "
	  "%lld vermeldingen: er zijn vermeldingen van het einde "
	  "verwijderd; zie 'natrisk audit verify'" },
	{ "the audit log is not sealed under the key yet: natrisk seals "
	  "it when it next opens the store for writing",
	  "het auditlog is nog niet verzegeld onder de sleutel: natrisk "
	  "verzegelt het wanneer het de opslag weer opent om te schrijven" },
	{ "the audit log is written only in a store write, under the "
	  "audit key",
	  "het auditlog wordt alleen geschreven bij het schrijven in de "
	  "opslag, onder de auditsleutel" },
	{ "the audit log was changed before it was sealed under the "
	  "audit key (%s); natrisk does not seal a broken log: see "
	  "'natrisk audit verify'",
	  "het auditlog is gewijzigd voordat het onder de auditsleutel "
	  "werd verzegeld (%s); natrisk verzegelt geen beschadigd log: "
	  "zie 'natrisk audit verify'" },
	{ "the backup %s is written, but the audit log it holds does not "
	  "verify (%s), so it has no anchor",
	  "de back-up %s is geschreven, maar het auditlog erin klopt "
	  "niet (%s), en dus heeft de back-up geen anker" },
	{ "the body is not JSON",
	  "de inhoud van het verzoek is geen JSON" },
	{ "the body must be a JSON object",
	  "de inhoud van het verzoek moet een JSON-object zijn" },
	{ "the database has schema version %d; this natrisk knows up to "
	  "%d",
	  "de database heeft schemaversie %d; deze natrisk kent versies "
	  "tot en met %d" },
	{ "the date is a real date YYYY-MM-DD",
	  "de datum moet een bestaande datum JJJJ-MM-DD zijn" },
	{ "the decision propose needs a 'proposal' {title, "
	  "description, scenario}",
	  "het besluit propose vraagt een voorstel (proposal) "
	  "{title, description, scenario}" },
	{ "the edition holds a scenario above your clearance: only "
	  "someone cleared for all of it may replace its plan",
	  "de editie bevat een scenario boven uw "
	  "veiligheidsmachtiging: alleen wie voor de hele editie "
	  "gemachtigd is, mag het plan vervangen" },
	{ "the edition it follows changes",
	  "de koppeling aan de vorige editie verandert" },
	{ "the log is append-only: its last entry is dated %s, and a new one "
	  "cannot come before it",
	  "aan de log wordt alleen toegevoegd: de laatste regel is gedateerd "
	  "%s en een nieuwe kan niet eerder liggen" },
	{ "the method %s of edition %lld cannot be read",
	  "de methode %s van editie %lld kan niet worden gelezen" },
	{ "the proposal has changed; read the signal again",
	  "het voorstel is gewijzigd; lees het signaal opnieuw" },
	{ "the request holds errors",
	  "het verzoek bevat fouten" },
	{ "the signal has become a scenario already",
	  "het signaal is al een scenario geworden" },
	{ "the signal has been triaged: it can no longer be edited",
	  "het signaal is al beoordeeld: het kan niet meer worden "
	  "gewijzigd" },
	{ "the signal is %s: the scenario it becomes is classified %s or "
	  "higher",
	  "het signaal heeft rubricering %s: het scenario dat het wordt, "
	  "krijgt rubricering %s of hoger" },
	{ "the store %s is open read-only",
	  "de opslag %s is alleen-lezen geopend" },
	{ "the store keeps editions whose method is named by its id "
	  "(such as nrb-2008), not by a path",
	  "de opslag bewaart edities waarvan de methode met haar id "
	  "wordt genoemd (zoals nrb-2008), niet met een pad" },
	{ "the stored plan does not load: %s",
	  "het opgeslagen plan laat zich niet laden: %s" },
	{ "there is no user %s",
	  "er is geen gebruiker %s" },
	{ "unknown scenario '%s' in edition %lld",
	  "onbekend scenario '%s' in editie %lld" },
	{ "unknown status '%s' (planned, on-track, late, done, dropped, "
	  "overdue)",
	  "onbekende status '%s' (planned, on-track, late, done, dropped, "
	  "overdue)" },
	{ "unknown theme '%s' in edition %lld",
	  "onbekend thema '%s' in editie %lld" },
	{ "until it is published",
	  "tot de editie is gepubliceerd" },
	{ "user '%s' exists already",
	  "gebruiker '%s' bestaat al" },
	{ "while it is in draft or consolidation",
	  "in de fase concept of consolidatie" },
	{ "while it is in scoring",
	  "in de fase scoren" },
	{ "wrong user name or password",
	  "de gebruikersnaam of het wachtwoord is onjuist" },
	{ "you may not classify %s above your own clearance (%s)",
	  "u mag %s niet hoger rubriceren dan uw eigen "
	  "veiligheidsmachtiging (%s)" },
};

const message_table messages_nl_store = {
	pairs, sizeof pairs / sizeof *pairs,
};
