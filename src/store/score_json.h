/*
 * score_json.h - a score as the store keeps it: the JSON object of its
 * full form in the assessment file ({"ev": ..., "ll": ..., "ul": ...,
 * "why": ...}), each point a class ("C+"), {"value": N} or
 * {"probability": P}. JSON is YAML, so the export writes it as it is.
 */
#ifndef NATRISK_SCORE_JSON_H
#define NATRISK_SCORE_JSON_H

#include <jansson.h>

#include <natrisk/score.h>

/* The score as a JSON object (new reference), or NULL (out of memory). */
json_t *score_to_json(const natrisk_score *score, int likelihood);
/* The short form when nothing is lost: "C+", {"value": N} or
 * {"probability": P} when LL = EV = UL and there is no rationale. */
json_t *score_shortest(json_t *full);

#endif
