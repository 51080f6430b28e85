/* SPDX-License-Identifier: GPL-2.0 */
/* One refresh: every domain from one dump, Dom0 from Linux and its vCPUs. */
#ifndef XT_FETCH_H
#define XT_FETCH_H

#include "dom.h"

#define XT_MAX_DOMS	256

/*
 * Fill @s (emptied first) at the current CLOCK_MONOTONIC time.  Returns
 * 0 or a client library error; @s is then empty.  Only the raw fields:
 * xt_sample_update() derives the rest.
 */
int xt_fetch(struct xl_client *c, struct xt_sample *s);

#endif
