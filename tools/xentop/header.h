/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The three header lines of Xen's xentop, as text.  Each function works
 * like snprintf().
 */
#ifndef XT_HEADER_H
#define XT_HEADER_H

#include <stddef.h>
#include <time.h>

#include "dom.h"

/* "xentop - 12:34:56   Xenlate 0.1" (@now in local time). */
int xt_header_title(char *buf, size_t size, time_t now,
		    const struct xt_machine *m);
/* "N domains: N running, N blocked, N paused, N crashed, N dying, ..." */
int xt_header_doms(char *buf, size_t size, const struct xt_dom *d, int nr);
/* "Mem: Nk total, Nk used, Nk free    CPUs: N @ NMHz" */
int xt_header_mem(char *buf, size_t size, const struct xt_machine *m);

#endif
