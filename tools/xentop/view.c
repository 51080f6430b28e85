// SPDX-License-Identifier: GPL-2.0
/*
 * The lines of one refresh (see view.h).
 */
#include <inttypes.h>
#include <stdio.h>
#include <time.h>
#include <xenlate/dom0ctl.h>

#include "header.h"
#include "sort.h"
#include "view.h"

#define XT_LINE_MAX	512

static const char *xt_vcpu_state(uint32_t state)
{
	switch (state) {
	case XL_VCPU_RUNNING:
		return "running";
	case XL_VCPU_RUNNABLE:
		return "runnable";
	case XL_VCPU_BLOCKED:
		return "blocked";
	case XL_VCPU_DOWN:
		return "down";
	}
	return "?";
}

static void xt_vcpu_rows(const struct xt_dom *d, xt_emit_fn *emit, void *arg)
{
	char line[XT_LINE_MAX], cpu[12];
	int i;

	for (i = 0; i < d->nr_vcpu; i++) {
		const struct xl_vcpu *v = &d->vcpu[i];

		if (v->state == XL_VCPU_DOWN)
			snprintf(cpu, sizeof(cpu), "-");
		else
			snprintf(cpu, sizeof(cpu), "%" PRIu32, v->cpu);
		snprintf(line, sizeof(line),
			 "    VCPU %3" PRIu32 "  CPU %3s  %-8s %10.1fs %6.1f%%",
			 v->vcpu, cpu, xt_vcpu_state(v->state),
			 v->cpu_ns / 1e9, d->vcpu_pct ? d->vcpu_pct[i] : 0);
		emit(arg, XT_LINE_DETAIL, line);
	}
}

/* No network or block devices exist yet: the totals, all 0, say so. */
static void xt_device_rows(const struct xt_opts *o, xt_emit_fn *emit,
			   void *arg)
{
	if (o->networks)
		emit(arg, XT_LINE_DETAIL,
		     "    Net  RX: 0bytes 0pkts 0err 0drop  "
		     "TX: 0bytes 0pkts 0err 0drop  (no interfaces yet)");
	if (o->vbds)
		emit(arg, XT_LINE_DETAIL,
		     "    VBD  OO: 0  RD: 0  WR: 0  RSECT: 0  WSECT: 0  "
		     "(no block devices yet)");
}

static void xt_header(const struct xt_sample *s, xt_emit_fn *emit, void *arg)
{
	char line[XT_LINE_MAX];

	xt_header_title(line, sizeof(line), time(NULL), &s->m);
	emit(arg, XT_LINE_HEADER, line);
	xt_header_doms(line, sizeof(line), s->dom, s->nr);
	emit(arg, XT_LINE_HEADER, line);
	xt_header_mem(line, sizeof(line), &s->m);
	emit(arg, XT_LINE_HEADER, line);
}

void xt_render(const struct xt_render *r, struct xt_sample *s,
	       xt_emit_fn *emit, void *arg)
{
	const struct xt_opts *o = r->o;
	struct xt_row_ctx ctx = {
		.name_width = xt_name_width(s->dom, s->nr, o->full_names),
		.mem_total_kb = s->m.mem_total_kb,
	};
	char titles[XT_LINE_MAX], line[XT_LINE_MAX];
	struct xt_view v;
	int cols, i;

	xt_view_init(&v, o->usage, r->hist);
	cols = xt_layout_fit(&v, ctx.name_width, r->width);
	xt_sort(s->dom, s->nr, r->sort, o->dom0_first);
	xt_header(s, emit, arg);
	xt_fmt_titles(titles, sizeof(titles), &v, cols, ctx.name_width);
	for (i = 0; i < s->nr; i++) {
		if (!i || o->repeat_header)
			emit(arg, XT_LINE_TITLES, titles);
		xt_fmt_row(line, sizeof(line), &v, cols, &ctx, &s->dom[i]);
		emit(arg, XT_LINE_DOM, line);
		if (o->vcpus)
			xt_vcpu_rows(&s->dom[i], emit, arg);
		xt_device_rows(o, emit, arg);
	}
}
