/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A domain's state as xentop shows it: one of six, in the order of
 * Xen's STATE column "dsbcpr".
 */
#ifndef XT_STATE_H
#define XT_STATE_H

#include "dom.h"

enum xt_state {
	XT_DYING,
	XT_SHUTDOWN,
	XT_BLOCKED,
	XT_CRASHED,
	XT_PAUSED,
	XT_RUNNING,
	XT_NR_STATES,
};

enum xt_state xt_state_of(const struct xt_dom *d);

/* Six characters: the state's letter in its place, '-' elsewhere. */
void xt_state_str(const struct xt_dom *d, char buf[XT_NR_STATES + 1]);

#endif
