/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What a domain's monitor (monitor.c) does when it looks at its domain:
 * nothing yet, or on_poweroff / on_reboot / on_crash.  Pure logic, no
 * clock or I/O of its own, unit tested on the host.
 *
 * xl's actions we have no machinery for fall back, with a note for the
 * log: coredump-destroy and coredump-restart (no core dumps yet) do
 * destroy and restart; rename-restart restarts under the same name
 * without keeping the old domain.  A reason other than poweroff, reboot
 * and crash (suspend, watchdog, soft_reset: no guest can use them to
 * stop here yet) counts as a crash.
 *
 * Restarts are limited to XL_ON_RESTART_MAX in XL_ON_RESTART_WINDOW_NS:
 * a guest that crashes at boot must not loop for ever.  Beyond that the
 * domain is preserved, shut down, for its console to say why.
 */
#ifndef XL_ONACTION_H
#define XL_ONACTION_H

#include <stdbool.h>
#include <stdint.h>

#include "domcfg.h"

#define XL_ON_RESTART_MAX	10
#define XL_ON_RESTART_WINDOW_NS	(60ULL * 1000000000ULL)

struct xl_on_policy {
	enum xl_dom_action poweroff, reboot, crash;
};

/* The last restarts' times, oldest first. */
struct xl_restart_log {
	uint64_t at_ns[XL_ON_RESTART_MAX];
	unsigned int nr;
};

enum xl_on_step {
	XL_ON_WAIT,		/* nothing to do yet: look again later */
	XL_ON_GONE,		/* the domain is gone: the monitor ends */
	XL_ON_DESTROY,		/* destroy it; the monitor ends */
	XL_ON_RESTART,		/* destroy it, create it again, go on */
	XL_ON_PRESERVE,		/* leave it shut down; the monitor ends */
};

struct xl_on_decision {
	enum xl_on_step step;
	const char *why;	/* "poweroff", "reboot", "crash" or NULL */
	const char *note;	/* a fallback taken, for the log, or NULL */
};

/*
 * The domain was seen (@present) in @state (enum xl_dom_state) with
 * @reason (SHUTDOWN_*), at @now_ns of a monotonic clock.  @log holds the
 * restarts done so far; it is not changed (xl_on_restarted() does that
 * once a restart happened).
 */
struct xl_on_decision xl_on_decide(const struct xl_on_policy *p,
				   bool present, uint32_t state,
				   uint32_t reason,
				   const struct xl_restart_log *log,
				   uint64_t now_ns);

/* Record a restart at @now_ns, forgetting the oldest when full. */
void xl_on_restarted(struct xl_restart_log *log, uint64_t now_ns);

#endif
