/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Printing a byte log read chunk by chunk: the hypervisor's (xenlate
 * dmesg) and a domain's console (xenlate console).  Pure but for the
 * stream it writes to; unit tested.
 */
#ifndef XL_LOGVIEW_H
#define XL_LOGVIEW_H

#include <stdint.h>
#include <stdio.h>

#include "xl_client.h"

struct xl_log_view {
	const char *what;	/* "log", "console": for the lost note */
	uint64_t seq;		/* the next byte to ask for */
	char last;		/* the last byte printed; '\n' before any */
	int first;		/* no chunk shown yet */
};

/* A view of @what from byte 0. */
void xl_log_view_init(struct xl_log_view *v, const char *what);

/*
 * Bytes overwritten before chunk @ch, read from byte @seq.  Measured
 * from the positions (where the data starts minus where we asked) as
 * well as reported, so that the note appears once per gap whatever the
 * hypervisor counts: the reported count only for the first chunk.
 */
uint64_t xl_log_lost(uint64_t seq, const struct xl_dmesg_chunk *ch,
		     int first);

/*
 * Print chunk @ch (its bytes in @buf) to @out, after a line saying how
 * many bytes were lost before it if any, and move @v past it.
 */
void xl_log_show(struct xl_log_view *v, const struct xl_dmesg_chunk *ch,
		 const char *buf, FILE *out);

/* End on a line boundary, so that the shell prompt is not glued on. */
void xl_log_end(struct xl_log_view *v, FILE *out);

#endif
