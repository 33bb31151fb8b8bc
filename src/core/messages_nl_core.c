/*
 * messages_nl_core.c - the Dutch catalogue (messages.h): the messages
 * and parts of messages first written in src/core and src/render, sorted by their
 * English (strcmp) for the binary search. tests/cli/messages.sh checks
 * that every message has its entry and that the entries fit.
 */
#include "messages.h"

static const message_pair pairs[] = {
	{ "a Dirichlet needs mean weights summing above 0 and a "
	  "concentration above 0",
	  "een Dirichlet-verdeling vraagt gemiddelde gewichten die samen "
	  "boven 0 uitkomen en een concentratie boven 0" },
	{ "an effect names criterion %ld of %zu",
	  "een effect noemt criterium %ld van %zu" },
	{ "an effect names scenario %zu of %zu",
	  "een effect noemt scenario %zu van %zu" },
	{ "an effect on scenario %s holds no valid score",
	  "een effect op scenario %s heeft geen geldige score" },
	{ "at least one iteration",
	  "ten minste één iteratie" },
	{ "cannot draw the SMAA chart",
	  "kan de SMAA-grafiek niet tekenen" },
	{ "cannot write the report",
	  "kan het rapport niet schrijven" },
	{ "confidential",
	  "staatsgeheim confidentieel" },
	{ "no samples",
	  "geen trekkingen" },
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
	{ "the mean weight of criterion %zu is not a number >= 0",
	  "het gemiddelde gewicht van criterium %zu is geen getal >= 0" },
	{ "the weight constraints leave too little room: no weights met "
	  "them in %d draws",
	  "de voorwaarden aan de gewichten laten te weinig ruimte: in %d "
	  "trekkingen voldeden geen gewichten eraan" },
	{ "the weight constraints left no room in some iteration",
	  "de voorwaarden aan de gewichten lieten in een van de "
	  "iteraties geen ruimte" },
	{ "weight interval %zu must lie within [0, 1], lower <= upper",
	  "gewichtsinterval %zu moet binnen [0, 1] liggen, met "
	  "ondergrens <= bovengrens" },
};

const message_table messages_nl_core = {
	pairs, sizeof pairs / sizeof *pairs,
};
