/* SPDX-License-Identifier: GPL-2.0 */
/*
 * xentop's columns: which a view shows, how wide each is, how many fit a
 * terminal (the rightmost go first), and a domain's row as text.  Pure.
 */
#ifndef XT_LAYOUT_H
#define XT_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

#include "dom.h"

enum xt_col {
	XT_COL_NAME,
	XT_COL_STATE,
	XT_COL_CPU_SEC,
	XT_COL_CPU_PCT,
	XT_COL_MEM,
	XT_COL_MEM_PCT,
	XT_COL_MAXMEM,
	XT_COL_MAXMEM_PCT,
	XT_COL_VCPUS,
	XT_COL_NETS,
	XT_COL_NETTX,
	XT_COL_NETRX,
	XT_COL_VBDS,
	XT_COL_VBD_OO,
	XT_COL_VBD_RD,
	XT_COL_VBD_WR,
	XT_COL_VBD_RSECT,
	XT_COL_VBD_WSECT,
	XT_COL_HIST,		/* CPU sparkline, the live screen only */
	/* The cumulative-use view (key A, -a). */
	XT_COL_MEM_MIBH,
	XT_COL_VBD_SECT,
	XT_COL_NET_BYTES,
	XT_COL_AGE,
	XT_NR_COLS,
};

#define XT_NAME_WIDTH	10	/* Xen's; -f widens it to the longest */

/* The columns of a view, NAME first; @hist adds the sparkline. */
struct xt_view {
	enum xt_col col[XT_NR_COLS];
	int nr;
};

void xt_view_init(struct xt_view *v, bool usage, bool hist);

/* What a row needs beyond the domain. */
struct xt_row_ctx {
	int name_width;
	uint64_t mem_total_kb;	/* for MEM(%) and MAXMEM(%) */
};

/* The width of @col, with the name column @name_width wide. */
int xt_col_width(enum xt_col col, int name_width);
const char *xt_col_title(enum xt_col col);

/*
 * How many of @v's leading columns fit in @width characters (one space
 * between two), at least 1: a narrow terminal cuts the name itself.
 */
int xt_layout_fit(const struct xt_view *v, int name_width, int width);

/* The name width for @d's names: Xen's 10, or with @full the longest. */
int xt_name_width(const struct xt_dom *d, int nr, bool full);

/* The titles and a domain's row over the first @nr_cols of @v. */
int xt_fmt_titles(char *buf, size_t size, const struct xt_view *v,
		  int nr_cols, int name_width);
int xt_fmt_row(char *buf, size_t size, const struct xt_view *v, int nr_cols,
	       const struct xt_row_ctx *ctx, const struct xt_dom *d);

#endif
