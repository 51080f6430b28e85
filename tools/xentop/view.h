/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A refresh as lines of text, for both front ends: batch prints them,
 * the screen places them (header fixed, the rest scrolls).
 */
#ifndef XT_VIEW_H
#define XT_VIEW_H

#include <stdbool.h>

#include "dom.h"
#include "layout.h"
#include "opts.h"

enum xt_line {
	XT_LINE_HEADER,		/* the three lines at the top */
	XT_LINE_TITLES,		/* the column titles */
	XT_LINE_DOM,		/* a domain's row */
	XT_LINE_DETAIL,		/* its vCPU, network, block device rows */
};

typedef void xt_emit_fn(void *arg, enum xt_line kind, const char *text);

struct xt_render {
	const struct xt_opts *o;	/* which rows, names, dom0 first */
	enum xt_col sort;
	int width;			/* columns beyond it are dropped */
	bool hist;			/* the sparkline column */
};

/* Sort @s's domains and emit every line of it. */
void xt_render(const struct xt_render *r, struct xt_sample *s,
	       xt_emit_fn *emit, void *arg);

#endif
