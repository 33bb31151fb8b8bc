/*
 * authz.h - who may do what: the server's one authorization policy. Every
 * route names the access it needs; authz_check() decides, before any
 * handler runs, and answers 401 (no session), 403 (not allowed) or 404
 * (no such edition or scenario - and a scenario above the user's clearance
 * is no such scenario, so that nothing tells it exists).
 */
#ifndef NATRISK_AUTHZ_H
#define NATRISK_AUTHZ_H

#include <natrisk/plan_store.h>
#include <natrisk/signals.h>
#include <natrisk/register_store.h>

#include "server.h"

typedef enum access {
	ACCESS_ANYONE,          /* no session needed */
	ACCESS_SIGNED_IN,       /* any user with a session */
	ACCESS_READ_EDITION,    /* any user; the edition exists */
	ACCESS_READ_SCENARIO,   /* any user; the scenario is visible */
	ACCESS_CREATE_EDITION,  /* chair or admin */
	ACCESS_MANAGE_EDITION,  /* admin or one of the edition's own chairs;
	                           the edition exists */
	ACCESS_MANAGE_SCENARIO, /* admin or one of the edition's own chairs;
	                           the scenario is visible */
	ACCESS_READ_SCORES,     /* an analyst (their own) or a chair or admin;
	                           the scenario is visible */
	ACCESS_SCORE,           /* an analyst assigned to the scenario */
	ACCESS_SEE_SPREAD,      /* admin or one of the edition's own chairs;
	                           the edition exists */
	ACCESS_MANAGE_USERS,    /* admin */
	ACCESS_READ_PLAN_ITEM,  /* any user; the plan item is visible */
	ACCESS_MANAGE_PLAN_ITEM, /* admin or one of the edition's own chairs;
	                            the plan item is visible */
	ACCESS_READ_PLAN_LEVELS, /* an analyst (their own) or a chair or
	                            admin; the capability is visible */
	ACCESS_PLAN_EXPERT,     /* an analyst who is one of the capability's
	                           experts */
	/* Signals: viewers and owners never reach them (403 on every
	 * route, whatever the signal); to a reporter only their own
	 * signals exist, to the others those within their clearance. */
	ACCESS_SIGNALS,         /* a reporter, analyst, chair or admin */
	ACCESS_SUBMIT_SIGNAL,   /* a reporter */
	ACCESS_READ_SIGNAL,     /* ... and the signal is visible */
	ACCESS_EDIT_SIGNAL,     /* a reporter; the signal is visible (theirs) */
	ACCESS_TRIAGE_SIGNAL,   /* an analyst, chair or admin; the signal is
	                           visible */
	ACCESS_READ_REGISTER,   /* an admin or one of the edition's own
	                           chairs (the whole register), or an owner
	                           (their organisations' actions); the
	                           edition exists */
	ACCESS_READ_ACTION,     /* the same, for one action: it is visible,
	                           and an owner's organisation owns it */
	ACCESS_REPORT_ACTION,   /* the same, to append to its log */
	ACCESS_REMINDERS,       /* an owner, a chair or an admin */
} access_need;

/* 0 when Q may proceed; otherwise R holds the refusal and the status. */
int authz_check(request *q, access_need needed, reply *r);

/* Whether ROLE has reminders and their feed (owner, chair, admin):
 * ACCESS_REMINDERS, and the feed that a token opens without a session. */
bool authz_has_reminders(natrisk_role role);
/* Whether ROLE does the assessment's work (analyst, chair, admin), and
 * so reads editions in every status. */
bool authz_does_the_work(natrisk_role role);
/* Whether USER may read EDITION at all: a viewer, owner or reporter
 * reads published editions only. */
bool authz_may_read_edition(const natrisk_user *user,
                            const natrisk_edition_info *edition);

/* How Q's user reads the edition's plan: at their clearance; every
 * expert's levels for an admin or one of its chairs, and for all once
 * the edition is in consolidation or published; otherwise only their
 * own, as analysts see only their own scores. */
int authz_plan_reader(request *q, natrisk_plan_reader *out);

/* How Q's user reads and writes signals (signals.h). */
void authz_signal_reader(const request *q, natrisk_signal_reader *out);
/* Q's user as a reader of the register: their clearance, and for an
 * owner their organisations (read once, kept in Q). 0, or a failure
 * code. */
int request_register_reader(request *q, natrisk_register_reader *out);

/* Whether a user of CLEARANCE may see something so classified. */
bool authz_may_see(natrisk_classification clearance,
                   natrisk_classification classification);

#endif
