// SPDX-License-Identifier: GPL-2.0
/*
 * on_poweroff, on_reboot, on_crash: the monitor's decision (onaction.h).
 */
#include <stddef.h>
#include <stdint.h>
#include <xen/xen.h>
#include <xen/sched.h>
#include <xenlate/dom0ctl.h>

#include "onaction.h"

/* Restarts in the window ending at @now_ns. */
static unsigned int xl_on_recent(const struct xl_restart_log *log,
				 uint64_t now_ns)
{
	unsigned int i, n = 0;

	for (i = 0; i < log->nr; i++)
		if (now_ns - log->at_ns[i] < XL_ON_RESTART_WINDOW_NS)
			n++;
	return n;
}

struct xl_on_decision xl_on_decide(const struct xl_on_policy *p,
				   bool present, uint32_t state,
				   uint32_t reason,
				   const struct xl_restart_log *log,
				   uint64_t now_ns)
{
	struct xl_on_decision d = { XL_ON_WAIT, NULL, NULL };
	enum xl_dom_action a;

	if (!present) {
		d.step = XL_ON_GONE;
		return d;
	}
	if (state != XL_DOM_SHUTDOWN)
		return d;	/* running, paused, or someone destroys it */
	switch (reason) {
	case SHUTDOWN_poweroff:
		d.why = "poweroff";
		a = p->poweroff;
		break;
	case SHUTDOWN_reboot:
		d.why = "reboot";
		a = p->reboot;
		break;
	case SHUTDOWN_crash:
		d.why = "crash";
		a = p->crash;
		break;
	default:
		d.why = "crash";
		d.note = "an unexpected shutdown reason counts as a crash";
		a = p->crash;
		break;
	}
	switch (a) {
	case XL_ACTION_COREDUMP_DESTROY:
		d.note = "coredump-destroy: no core dumps yet, destroyed";
		/* fall through */
	case XL_ACTION_DESTROY:
		d.step = XL_ON_DESTROY;
		break;
	case XL_ACTION_COREDUMP_RESTART:
		d.note = "coredump-restart: no core dumps yet, restarted";
		d.step = XL_ON_RESTART;
		break;
	case XL_ACTION_RENAME_RESTART:
		d.note = "rename-restart: restarted under the same name, the old domain not kept";
		d.step = XL_ON_RESTART;
		break;
	case XL_ACTION_RESTART:
		d.step = XL_ON_RESTART;
		break;
	case XL_ACTION_PRESERVE:
	default:
		d.step = XL_ON_PRESERVE;
		break;
	}
	if (d.step == XL_ON_RESTART &&
	    xl_on_recent(log, now_ns) >= XL_ON_RESTART_MAX) {
		d.step = XL_ON_PRESERVE;
		d.note = "restarted too often (10 times in a minute): preserved, shut down";
	}
	return d;
}

void xl_on_restarted(struct xl_restart_log *log, uint64_t now_ns)
{
	unsigned int i;

	if (log->nr == XL_ON_RESTART_MAX) {
		for (i = 1; i < log->nr; i++)
			log->at_ns[i - 1] = log->at_ns[i];
		log->nr--;
	}
	log->at_ns[log->nr++] = now_ns;
}
