/*
 * messages_nl_server.c - the Dutch catalogue (messages.h): the messages
 * and parts of messages first written in src/server, sorted by their
 * English (strcmp) for the binary search. tests/cli/messages.sh checks
 * that every message has its entry and that the entries fit.
 */
#include "messages.h"

static const message_pair pairs[] = {
	{ "%s is in use by another program",
	  "%s is in gebruik door een ander programma" },
	{ "%s must be a text of 1 to %d characters",
	  "%s moet een tekst van 1 tot %d tekens zijn" },
	{ "%s must be one of: %s",
	  "%s moet een van deze zijn: %s" },
	{ "%s must be {\"en\": text, \"nl\": text} with at least one of the two",
	  "%s moet {\"en\": tekst, \"nl\": tekst} zijn, met minstens een van de twee" },
	{ "--listen takes HOST:PORT, not '%s'",
	  "--listen verwacht HOST:PORT, niet '%s'" },
	{ "--monitor-edition %lld: no such edition",
	  "--monitor-edition %lld: deze editie bestaat niet" },
	{ "--tls-cert and --tls-key go together",
	  "--tls-cert en --tls-key horen bij elkaar" },
	{ "Content-Length and Transfer-Encoding together",
	  "de headers Content-Length en Transfer-Encoding mogen niet "
	  "samen voorkomen" },
	{ "an Alert names its scenarios: \"scenarios\" is a list of 1 to %d scenario ids",
	  "een Alert noemt zijn scenario's: \"scenarios\" is een lijst van 1 tot %d scenario-id's" },
	{ "an Alert starts a chain: it references nothing",
	  "een Alert begint een keten: het verwijst nergens naar" },
	{ "an Update or Cancel keeps the scenarios of its alert",
	  "een Update of Cancel houdt de scenario's van zijn alert" },
	{ "an Update or Cancel names the alert it follows: \"references\" is an alert's id",
	  "een Update of Cancel noemt de alert die het volgt: \"references\" is het id van een alert" },
	{ "area must be {\"desc\", \"polygon\", \"circle\"}",
	  "area moet {\"desc\", \"polygon\", \"circle\"} zijn" },
	{ "area: %s",
	  "area: %s" },
	{ "budget: an amount in euro >= 0 is required",
	  "budget: een bedrag in euro >= 0 is verplicht" },
	{ "cannot listen on %s: %s",
	  "kan niet luisteren op %s: %s" },
	{ "cannot listen on %s: permission denied (ports below 1024 need "
	  "privileges)",
	  "kan niet luisteren op %s: geen toestemming (poorten onder "
	  "1024 vragen extra rechten)" },
	{ "cannot listen on '%s': %s",
	  "kan niet luisteren op '%s': %s" },
	{ "cannot start libcurl",
	  "kan libcurl niet starten" },
	{ "cannot start the alerts' threads",
	  "kan de threads van de alerts niet starten" },
	{ "cannot start the server on %s (a bad certificate or key?)",
	  "kan de server niet starten op %s (een ongeldig certificaat of "
	  "een ongeldige sleutel?)" },
	{ "clearance must be public, restricted or confidential",
	  "de veiligheidsmachtiging (clearance) moet public, restricted of confidential zijn" },
	{ "diagram",
	  "diagram" },
	{ "expected {\"analysts\": [names]}",
	  "verwacht: {\"analysts\": [namen]}" },
	{ "expected {\"chairs\": [user names]} (at most 64)",
	  "verwacht: {\"chairs\": [gebruikersnamen]} (hoogstens 64)" },
	{ "expected {\"current\": ..., \"password\": ...}",
	  "verwacht: {\"current\": ..., \"password\": ...}" },
	{ "expected {\"disabled\": true} or {\"disabled\": false}",
	  "verwacht: {\"disabled\": true} of {\"disabled\": false}" },
	{ "expected {\"name\", \"role\": "
	  "admin|chair|analyst|viewer|owner|reporter, \"clearance\": "
	  "public|restricted|confidential, \"password\", \"organisations\": "
	  "[ids]}",
	  "verwacht: {\"name\", \"role\": "
	  "admin|chair|analyst|viewer|owner|reporter, \"clearance\": "
	  "public|restricted|confidential, \"password\", \"organisations\": "
	  "[ids]}" },
	{ "expected {\"organisations\": [ids]}",
	  "verwacht: {\"organisations\": [ids]}" },
	{ "expected {\"password\": ...}",
	  "verwacht: {\"password\": ...}" },
	{ "expected {\"previous\": the id of the edition this one "
	  "follows, or null}",
	  "verwacht: {\"previous\": de id van de editie die deze "
	  "opvolgt, of null}" },
	{ "expected {\"status\": \"draft\", \"scoring\", "
	  "\"consolidation\" or \"published\"}",
	  "verwacht: {\"status\": \"draft\", \"scoring\", "
	  "\"consolidation\" of \"published\"}" },
	{ "expected {\"username\": ..., \"password\": ...}",
	  "verwacht: {\"username\": ..., \"password\": ...}" },
	{ "expected {} or no body",
	  "verwacht: {} of geen inhoud" },
	{ "format: svg (the frontier chart) or none (the JSON)",
	  "format: svg (de grafiek van de grens) of niets (de JSON)" },
	{ "format=svg draws the frontier: give sweep",
	  "format=svg tekent de grens: geef sweep" },
	{ "host name too long",
	  "hostnaam te lang" },
	{ "invalid",
	  "ongeldig" },
	{ "method %s not allowed here",
	  "de HTTP-methode %s is hier niet toegestaan" },
	{ "missing or wrong X-CSRF-Token header",
	  "de header X-CSRF-Token ontbreekt of is onjuist" },
	{ "more than one Content-Length header",
	  "meer dan één header Content-Length" },
	{ "msg_type must be one of: Alert, Update, Cancel",
	  "msg_type moet een van deze zijn: Alert, Update, Cancel" },
	{ "no such edition",
	  "deze editie bestaat niet" },
	{ "no such feed token (POST /api/users/me/feed-token gives a new "
	  "one)",
	  "dit feedtoken bestaat niet (POST /api/users/me/feed-token geeft "
	  "een nieuw)" },
	{ "no such method",
	  "deze methode bestaat niet" },
	{ "no such resource",
	  "dit adres bestaat niet" },
	{ "no webhook %s",
	  "er is geen webhook %s" },
	{ "no weight profile '%s'",
	  "er is geen gewichtenset '%s'" },
	{ "only a chair or an admin chooses the day of the reminders",
	  "alleen een voorzitter of een beheerder kiest de dag van de "
	  "herinneringen" },
	{ "only the edition's own chairs (or an admin) may do this",
	  "alleen de eigen voorzitters van de editie (of een beheerder) "
	  "mogen dit doen" },
	{ "out of memory writing the %s",
	  "onvoldoende geheugen bij het schrijven (%s)" },
	{ "report",
	  "rapport" },
	{ "results",
	  "resultaten" },
	{ "robust: a whole number of draws from 0 to %d",
	  "robust: een geheel aantal trekkingen van 0 tot en met %d" },
	{ "seed: a whole number >= 0; must and never: lists of measure "
	  "ids",
	  "seed: een geheel getal >= 0; must en never: lijsten van "
	  "id's van maatregelen" },
	{ "send the assessment file with Content-Type: application/yaml",
	  "stuur het beoordelingsbestand met Content-Type: "
	  "application/yaml" },
	{ "send the plan file with Content-Type: application/yaml",
	  "stuur het planbestand met Content-Type: application/yaml" },
	{ "sign in first",
	  "meld u eerst aan" },
	{ "sign in with Content-Type: application/json",
	  "meld u aan met Content-Type: application/json" },
	{ "sweep: a whole number of budgets from 0 to %d",
	  "sweep: een geheel aantal budgetten van 0 tot en met %d" },
	{ "the %s of this edition is larger than %zu MiB, more than the "
	  "server sends",
	  "deze editie is als %s groter dan %zu MiB, meer dan de server "
	  "verstuurt" },
	{ "the alert was cancelled: nothing follows a Cancel",
	  "de alert is ingetrokken: na een Cancel volgt niets" },
	{ "the body must be JSON",
	  "de inhoud van het verzoek moet JSON zijn" },
	{ "the body must be JSON: %s",
	  "de inhoud van het verzoek moet JSON zijn: %s" },
	{ "the current password is wrong",
	  "het huidige wachtwoord is onjuist" },
	{ "the edition has %zu scenarios you may see; the server draws a "
	  "%s of %d at most (export the edition and use natrisk %s)",
	  "de editie heeft %zu scenario's die u mag zien; de server "
	  "tekent een %s van hoogstens %d (exporteer de editie en "
	  "gebruik natrisk %s)" },
	{ "the edition has no scenario you may see",
	  "de editie heeft geen scenario dat u mag zien" },
	{ "the feed needs its token: /api/reminders.atom?token=... (POST "
	  "/api/users/me/feed-token)",
	  "de feed vraagt om zijn token: /api/reminders.atom?token=... (POST "
	  "/api/users/me/feed-token)" },
	{ "the limit for an assessment file",
	  "de grens voor een beoordelingsbestand" },
	{ "the limit for this request",
	  "de grens voor dit verzoek" },
	{ "the limit without a session",
	  "de grens zonder sessie" },
	{ "the only Transfer-Encoding taken is a single \"chunked\"",
	  "de enige Transfer-Encoding die de server aanneemt is één keer "
	  "\"chunked\"" },
	{ "the request body is larger than %zu KiB, %s",
	  "de inhoud van het verzoek is groter dan %zu KiB, %s" },
	{ "the request body is larger than %zu MiB, %s",
	  "de inhoud van het verzoek is groter dan %zu MiB, %s" },
	{ "the server could not do that",
	  "de server kon dat niet uitvoeren" },
	{ "the stored edition no longer passes the checks: %s; a chair "
	  "corrects the score",
	  "de opgeslagen editie doorstaat de controles niet meer: %s; een "
	  "voorzitter verbetert de score" },
	{ "the stored edition no longer passes the checks; a chair corrects "
	  "its scores",
	  "de opgeslagen editie doorstaat de controles niet meer; een "
	  "voorzitter verbetert de scores" },
	{ "there is no edition %lld",
	  "er is geen editie %lld" },
	{ "this libmicrohttpd has no TLS",
	  "deze libmicrohttpd heeft geen TLS" },
	{ "too many failed sign-ins; try again in %ld s",
	  "te veel mislukte aanmeldingen; probeer het over %ld s opnieuw" },
	{ "unknown member '%s' (budget, years, must, never, sweep, "
	  "robust, seed, weights)",
	  "onbekend lid '%s' (budget, years, must, never, sweep, "
	  "robust, seed, weights)" },
	{ "url must be an http or https URL of at most %d characters",
	  "url moet een http- of https-URL van hoogstens %d tekens zijn" },
	{ "weights: %s",
	  "weights: %s" },
	{ "weights: the id of a weight profile of the method",
	  "weights: de id van een gewichtenset van de methode" },
	{ "years: a whole number from 0 to %d",
	  "years: een geheel getal van 0 tot en met %d" },
	{ "you are not assigned to this scenario",
	  "u bent niet aan dit scenario toegewezen" },
	{ "you are not one of this capability's experts",
	  "u bent geen expert van deze capaciteit" },
	{ "your organisation does not own this action",
	  "deze actie is niet van uw organisatie" },
	{ "your role does not allow this",
	  "uw rol staat dit niet toe" },
};

const message_table messages_nl_server = {
	pairs, sizeof pairs / sizeof *pairs,
};
