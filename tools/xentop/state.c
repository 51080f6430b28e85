// SPDX-License-Identifier: GPL-2.0
/*
 * The STATE column and the header's counts share one classification.
 */
#include <stdint.h>
#include <string.h>
#include <xen/xen.h>
#include <xen/sched.h>
#include <xenlate/dom0ctl.h>

#include "state.h"

static const char xt_state_letters[] = "dsbcpr";

enum xt_state xt_state_of(const struct xt_dom *d)
{
	switch (d->state) {
	case XL_DOM_RUNNING:
		return d->blocked ? XT_BLOCKED : XT_RUNNING;
	case XL_DOM_SHUTDOWN:
		return d->shutdown_reason == SHUTDOWN_crash ? XT_CRASHED :
							      XT_SHUTDOWN;
	case XL_DOM_DYING:
		return XT_DYING;
	}
	/* Being built counts as paused: it has not run yet. */
	return XT_PAUSED;
}

void xt_state_str(const struct xt_dom *d, char buf[XT_NR_STATES + 1])
{
	enum xt_state s = xt_state_of(d);

	memset(buf, '-', XT_NR_STATES);
	buf[s] = xt_state_letters[s];
	buf[XT_NR_STATES] = '\0';
}
