/* SPDX-License-Identifier: GPL-2.0 */
/* The daemon's main loop (loop.c). */
#ifndef XENSTORED_LOOP_H
#define XENSTORED_LOOP_H

#include <signal.h>
#include <stdbool.h>

#include <xenlate/xenstore.h>

#define XSD_POLL_BUSY_MS	2	/* while guests talk */
#define XSD_POLL_IDLE_MS	50
#define XSD_BUSY_NS		1000000000LL	/* busy this long after */
#define XSD_REAP_NS		1000000000LL	/* look for gone domains */

/*
 * Serve the listening socket @lfd until *@stop or the hypervisor goes
 * away.  @ready (>= 0) gets one byte once serving.  Returns the exit
 * status.
 */
int xsd_loop(int lfd, bool verbose, int ready,
	     volatile sig_atomic_t *stop);

#endif
