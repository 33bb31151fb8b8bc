/*
 * messages_nl_core.c - the Dutch catalogue (messages.h): the messages
 * and parts of messages first written in src/core and src/render, sorted by their
 * English (strcmp) for the binary search. tests/cli/messages.sh checks
 * that every message has its entry and that the entries fit.
 */
#include "messages.h"

static const message_pair pairs[] = {
	{ "--since comes after --on",
	  "--since valt na --on" },
	{ "a Dirichlet needs mean weights summing above 0 and a "
	  "concentration above 0",
	  "een Dirichlet-verdeling vraagt gemiddelde gewichten die samen "
	  "boven 0 uitkomen en een concentratie boven 0" },
	{ "a circle is \"lat,lon radius\" (radius in km)",
	  "een cirkel is \"lat,lon straal\" (straal in km)" },
	{ "a latitude must lie in -90..90 and a longitude in -180..180",
	  "een breedtegraad ligt tussen -90 en 90 en een lengtegraad tussen -180 en 180" },
	{ "a polygon is \"lat,lon\" pairs separated by spaces",
	  "een veelhoek bestaat uit paren \"lat,lon\" gescheiden door spaties" },
	{ "a polygon needs at least four pairs",
	  "een veelhoek heeft minstens vier paren nodig" },
	{ "a polygon's first pair must equal its last",
	  "het eerste paar van een veelhoek moet gelijk zijn aan het laatste" },
	{ "an effect names criterion %ld of %zu",
	  "een effect noemt criterium %ld van %zu" },
	{ "an effect names scenario %zu of %zu",
	  "een effect noemt scenario %zu van %zu" },
	{ "an effect on scenario %s holds no valid score",
	  "een effect op scenario %s heeft geen geldige score" },
	{ "at least one iteration",
	  "ten minste één iteratie" },
	{ "cannot build the .odt package: %s",
	  "kan het .odt-pakket niet maken: %s" },
	{ "cannot draw the SMAA chart",
	  "kan de SMAA-grafiek niet tekenen" },
	{ "cannot draw the risk diagram",
	  "kan het risicodiagram niet tekenen" },
	{ "cannot read the package back",
	  "kan het pakket niet teruglezen" },
	{ "cannot write the report",
	  "kan het rapport niet schrijven" },
	{ "confidential",
	  "staatsgeheim confidentieel" },
	{ "measure %s excludes measure %zu of %zu",
	  "maatregel %s sluit maatregel %zu van %zu uit" },
	{ "measure %s is needed by the measures that must be chosen but"
	  " may never be chosen",
	  "maatregel %s is nodig voor de maatregelen die gekozen moeten"
	  " worden, maar mag nooit gekozen worden" },
	{ "measure %s requires measure %zu of %zu",
	  "maatregel %s vereist maatregel %zu van %zu" },
	{ "measure %s: a cost must be a number >= 0",
	  "maatregel %s: een kostenpost moet een getal >= 0 zijn" },
	{ "measure %zu has no id",
	  "maatregel %zu heeft geen id" },
	{ "method %s has no weight profile '%s' (it has %s)",
	  "methode %s heeft geen gewichtenset '%s' (wel %s)" },
	{ "no measure %zu",
	  "er is geen maatregel %zu" },
	{ "no samples",
	  "geen trekkingen" },
	{ "no set of measures within the budget meets the must and "
	  "never sets",
	  "geen verzameling maatregelen binnen het budget voldoet aan "
	  "wat gekozen moet en wat nooit gekozen mag worden" },
	{ "no weight profile %zu",
	  "er is geen gewichtenset %zu" },
	{ "no weights within the intervals sum to 1 (lower limits sum to "
	  "%g, upper limits to %g)",
	  "binnen de intervallen telt geen enkele combinatie van "
	  "gewichten op tot 1 (de ondergrenzen samen %g, de bovengrenzen "
	  "samen %g)" },
	{ "ordinal constraint %zu names criterion %zu of %zu",
	  "ordinale voorwaarde %zu noemt criterium %zu van %zu" },
	{ "out of memory",
	  "onvoldoende geheugen" },
	{ "public",
	  "openbaar" },
	{ "report: no results or output",
	  "rapport: geen resultaten of uitvoer" },
	{ "restricted",
	  "departementaal vertrouwelijk" },
	{ "scenario %zu has no risk values",
	  "scenario %zu heeft geen risicowaarden" },
	{ "scenario %zu is touched by %zu measures; the exact portfolio"
	  " handles at most %d",
	  "scenario %zu wordt door %zu maatregelen geraakt; de exacte "
	  "portefeuille kan er hoogstens %d aan" },
	{ "scenario %zu is touched by measure %zu of %zu",
	  "scenario %zu wordt geraakt door maatregel %zu van %zu" },
	{ "scenario %zu lists measure %s twice",
	  "scenario %zu noemt maatregel %s twee keer" },
	{ "scenario %zu: a risk value must be a number >= 0",
	  "scenario %zu: een risicowaarde moet een getal >= 0 zijn" },
	{ "scenario %zu: the risk rises when measure %s is added",
	  "scenario %zu: het risico stijgt als maatregel %s erbij komt" },
	{ "the MILP solver did not settle on an optimum after %d solves",
	  "de MILP-oplosser kwam na %d oplossingen niet tot een optimum" },
	{ "the MILP solver failed on the portfolio",
	  "de MILP-oplosser faalde op de portefeuille" },
	{ "the budget must be a number >= 0",
	  "het budget moet een getal >= 0 zijn" },
	{ "the mean weight of criterion %zu is not a number >= 0",
	  "het gemiddelde gewicht van criterium %zu is geen getal >= 0" },
	{ "the measures that must be chosen need both %s and %s, which "
	  "exclude each other",
	  "de maatregelen die gekozen moeten worden vragen zowel %s als"
	  " %s, die elkaar uitsluiten" },
	{ "the measures that must be chosen, with those they require, "
	  "cost more than the budget",
	  "de maatregelen die gekozen moeten worden kosten, met wat zij"
	  " vereisen, meer dan het budget" },
	{ "the measures' combinations need more than %lu columns; the "
	  "exact portfolio handles at most that many",
	  "de combinaties van de maatregelen vragen meer dan %lu "
	  "kolommen; meer kan de exacte portefeuille niet aan" },
	{ "the plan %s names scenario '%s', which %s lacks",
	  "het plan %s noemt scenario '%s', dat %s niet heeft" },
	{ "the scenarios' measures have more than %lu combinations; the"
	  " exact portfolio handles at most that many",
	  "de maatregelen van de scenario's hebben meer dan %lu "
	  "combinaties; meer kan de exacte portefeuille niet aan" },
	{ "the weight constraints leave too little room: no weights met "
	  "them in %d draws",
	  "de voorwaarden aan de gewichten laten te weinig ruimte: in %d "
	  "trekkingen voldeden geen gewichten eraan" },
	{ "the weight constraints left no room in some iteration",
	  "de voorwaarden aan de gewichten lieten in een van de "
	  "iteraties geen ruimte" },
	{ "two measures have the id %s",
	  "twee maatregelen hebben het id %s" },
	{ "weight interval %zu must lie within [0, 1], lower <= upper",
	  "gewichtsinterval %zu moet binnen [0, 1] liggen, met "
	  "ondergrens <= bovengrens" },
};

const message_table messages_nl_core = {
	pairs, sizeof pairs / sizeof *pairs,
};
