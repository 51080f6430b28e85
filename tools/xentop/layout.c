// SPDX-License-Identifier: GPL-2.0
/*
 * xentop's columns and rows (see layout.h).  Xen's widths and titles, so
 * that scripts reading Xen's batch output read ours.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "layout.h"
#include "spark.h"
#include "state.h"
#include "xl_fmt.h"

static const struct {
	const char *title;
	int width;
} xt_cols[XT_NR_COLS] = {
	[XT_COL_NAME]		= { "NAME", XT_NAME_WIDTH },
	[XT_COL_STATE]		= { "STATE", 6 },
	[XT_COL_CPU_SEC]	= { "CPU(sec)", 10 },
	[XT_COL_CPU_PCT]	= { "CPU(%)", 6 },
	[XT_COL_MEM]		= { "MEM(k)", 10 },
	[XT_COL_MEM_PCT]	= { "MEM(%)", 6 },
	[XT_COL_MAXMEM]		= { "MAXMEM(k)", 10 },
	[XT_COL_MAXMEM_PCT]	= { "MAXMEM(%)", 9 },
	[XT_COL_VCPUS]		= { "VCPUS", 5 },
	[XT_COL_NETS]		= { "NETS", 4 },
	[XT_COL_NETTX]		= { "NETTX(k)", 8 },
	[XT_COL_NETRX]		= { "NETRX(k)", 8 },
	[XT_COL_VBDS]		= { "VBDS", 4 },
	[XT_COL_VBD_OO]		= { "VBD_OO", 8 },
	[XT_COL_VBD_RD]		= { "VBD_RD", 8 },
	[XT_COL_VBD_WR]		= { "VBD_WR", 8 },
	[XT_COL_VBD_RSECT]	= { "VBD_RSECT", 10 },
	[XT_COL_VBD_WSECT]	= { "VBD_WSECT", 10 },
	[XT_COL_HIST]		= { "CPU HISTORY", XT_HIST },
	[XT_COL_MEM_MIBH]	= { "MEM(MiB*h)", 11 },
	[XT_COL_VBD_SECT]	= { "VBD(sect)", 10 },
	[XT_COL_NET_BYTES]	= { "NET(bytes)", 11 },
	[XT_COL_AGE]		= { "AGE", 12 },
};

void xt_view_init(struct xt_view *v, bool usage, bool hist)
{
	static const enum xt_col use[] = {
		XT_COL_NAME, XT_COL_STATE, XT_COL_CPU_SEC, XT_COL_MEM_MIBH,
		XT_COL_VBD_SECT, XT_COL_NET_BYTES, XT_COL_AGE,
	};
	int i;

	v->nr = 0;
	if (usage) {
		for (i = 0; i < (int)(sizeof(use) / sizeof(use[0])); i++)
			v->col[v->nr++] = use[i];
		if (hist)
			v->col[v->nr++] = XT_COL_HIST;
		return;
	}
	/* The sparkline beside CPU(%), so that it stays on 80 columns. */
	for (i = XT_COL_NAME; i < XT_COL_HIST; i++) {
		v->col[v->nr++] = i;
		if (i == XT_COL_CPU_PCT && hist)
			v->col[v->nr++] = XT_COL_HIST;
	}
}

int xt_col_width(enum xt_col col, int name_width)
{
	return col == XT_COL_NAME ? name_width : xt_cols[col].width;
}

const char *xt_col_title(enum xt_col col)
{
	return xt_cols[col].title;
}

int xt_layout_fit(const struct xt_view *v, int name_width, int width)
{
	int used = 0, n;

	for (n = 0; n < v->nr; n++) {
		used += (n ? 1 : 0) + xt_col_width(v->col[n], name_width);
		if (used > width)
			break;
	}
	return n ? n : 1;
}

int xt_name_width(const struct xt_dom *d, int nr, bool full)
{
	int w = XT_NAME_WIDTH, i;

	for (i = 0; full && i < nr; i++)
		if ((int)strlen(d[i].name) > w)
			w = strlen(d[i].name);
	return w;
}

static double xt_pct_of(uint64_t part, uint64_t whole)
{
	return whole ? 100.0 * part / whole : 0;
}

/* One cell's text, unpadded.  Devices not there yet read 0. */
static void xt_cell(char *buf, size_t size, enum xt_col col,
		    const struct xt_row_ctx *ctx, const struct xt_dom *d)
{
	switch (col) {
	case XT_COL_NAME:
		snprintf(buf, size, "%.*s", ctx->name_width, d->name);
		break;
	case XT_COL_STATE:
		xt_state_str(d, buf);
		break;
	case XT_COL_CPU_SEC:
		snprintf(buf, size, "%" PRIu64, d->cpu_ns / 1000000000);
		break;
	case XT_COL_CPU_PCT:
		snprintf(buf, size, "%.1f", d->cpu_pct);
		break;
	case XT_COL_MEM:
		snprintf(buf, size, "%" PRIu64, d->mem_kb);
		break;
	case XT_COL_MEM_PCT:
		snprintf(buf, size, "%.1f",
			 xt_pct_of(d->mem_kb, ctx->mem_total_kb));
		break;
	case XT_COL_MAXMEM:
		snprintf(buf, size, "%" PRIu64, d->maxmem_kb);
		break;
	case XT_COL_MAXMEM_PCT:
		snprintf(buf, size, "%.1f",
			 xt_pct_of(d->maxmem_kb, ctx->mem_total_kb));
		break;
	case XT_COL_VCPUS:
		snprintf(buf, size, "%" PRIu32, d->vcpus);
		break;
	case XT_COL_HIST:
		xt_sparkline(buf, XT_HIST, d);
		break;
	case XT_COL_MEM_MIBH:
		snprintf(buf, size, "%.2f", d->mem_mibh);
		break;
	case XT_COL_AGE:
		xl_fmt_duration(buf, size, d->age_ns / 1000000000);
		break;
	default:
		snprintf(buf, size, "0");
		break;
	}
}

/* Append @text right-aligned in @width, after a space unless first. */
static void xt_put(char *buf, size_t size, size_t *len, int first,
		   int width, const char *text)
{
	int n;

	if (*len >= size)
		return;
	n = snprintf(buf + *len, size - *len, "%s%*s", first ? "" : " ",
		     width, text);
	if (n > 0)
		*len += n;
	if (*len >= size)
		*len = size - 1;
}

int xt_fmt_titles(char *buf, size_t size, const struct xt_view *v,
		  int nr_cols, int name_width)
{
	size_t len = 0;
	int i;

	if (size)
		buf[0] = '\0';
	for (i = 0; i < nr_cols && i < v->nr; i++)
		xt_put(buf, size, &len, !i, xt_col_width(v->col[i], name_width),
		       xt_col_title(v->col[i]));
	return len;
}

int xt_fmt_row(char *buf, size_t size, const struct xt_view *v, int nr_cols,
	       const struct xt_row_ctx *ctx, const struct xt_dom *d)
{
	char cell[96];
	size_t len = 0;
	int i;

	if (size)
		buf[0] = '\0';
	for (i = 0; i < nr_cols && i < v->nr; i++) {
		xt_cell(cell, sizeof(cell), v->col[i], ctx, d);
		xt_put(buf, size, &len, !i,
		       xt_col_width(v->col[i], ctx->name_width), cell);
	}
	return len;
}
