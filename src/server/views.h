/*
 * views.h - an edition as one user may see it: the store's export for the
 * user's clearance, loaded by the same loader as any assessment file, so
 * that what the server computes is exactly what the CLI computes from the
 * exported file. Results, diagrams and reports are cached per edition
 * version, clearance, kind, weight profile and language, the last two as
 * resolved (no weights and the default profile's name, or no language
 * and an unknown one, are one entry); a write to an edition raises its
 * version, and the cache misses from then on. Answers say X-Cache: hit
 * or miss.
 */
#ifndef NATRISK_VIEWS_H
#define NATRISK_VIEWS_H

#include "server.h"

typedef enum { VIEW_RESULTS, VIEW_DIAGRAM, VIEW_REPORT, VIEW_KINDS } view_kind;

results_cache *results_cache_new(void);
void results_cache_free(results_cache *cache);

/* The edition as assessment for CLEARANCE (NULL and 0 when it holds no
 * scenario the clearance may see). Returns 0 or an error code. */
int view_assessment(server *srv, int64_t id,
                    natrisk_classification clearance,
                    natrisk_assessment **out);

/* The results JSON, diagram SVG or report HTML of Q's edition for Q's
 * user, from the cache when it is fresh; fills R. */
int view_reply(request *q, reply *r, view_kind kind);

#endif
