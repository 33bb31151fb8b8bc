/*
 * feed_atom.h - the reminders (api_register.c) as an Atom feed (RFC
 * 4287) that a mail system polls: one entry per owner and action due or
 * overdue, whose id stays the same while the action stays so, so that
 * the mail system sends each reminder once.
 */
#ifndef NATRISK_FEED_ATOM_H
#define NATRISK_FEED_ATOM_H

#include <jansson.h>
#include <stddef.h>

/* REMINDERS ({on, until, owners: {ORG: {overdue, due}}}) of user USER as
 * an Atom document in *OUT (malloc'd, *LEN bytes). Returns 0 or
 * NATRISK_ENOMEM. */
int feed_atom_write(const json_t *reminders, const char *user, char **out,
                    size_t *len);

#endif
