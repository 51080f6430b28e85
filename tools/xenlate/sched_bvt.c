// SPDX-License-Identifier: GPL-2.0
/*
 * xenlate sched-bvt: show and change the BVT scheduler's parameters, of
 * one domain, every domain, or the global ones (syntax in bvt_args.h).
 */
#include <inttypes.h>
#include <stdio.h>

#include "bvt_args.h"
#include "cmd.h"
#include "xl_client.h"

#define XL_LIST_MAX	256

static void xl_bvt_header(void)
{
	printf("%-32s %5s %7s %7s %13s %13s %13s\n", "Name", "ID", "mcu_adv",
	       "warp_en", "warp", "warpl(ns)", "warpu(ns)");
}

static int xl_bvt_row(struct xl_client *c, const char *name, uint32_t domid)
{
	struct xl_bvt_dom b;
	int err = xl_sched_bvt_get(c, domid, &b);

	if (err)
		return xl_client_error(c, err);
	printf("%-32s %5" PRIu32 " %7" PRIu32 " %7" PRIu32 " %13" PRIu64
	       " %13" PRIu64 " %13" PRIu64 "\n", name, domid, b.mcu_advance,
	       b.warp_enabled, b.warp, b.warp_limit_ns, b.unwarp_req_ns);
	return XL_EXIT_OK;
}

static int xl_bvt_show_all(struct xl_client *c)
{
	static struct xl_domain doms[XL_LIST_MAX];
	int nr = xl_domain_list(c, doms, XL_LIST_MAX), i, ret;

	if (nr < 0)
		return xl_client_error(c, nr);
	xl_bvt_header();
	ret = xl_bvt_row(c, "Domain-0", 0);
	/* A domain destroyed since the list is no error: skip it. */
	for (i = 0; i < nr && !ret; i++) {
		struct xl_bvt_dom b;

		if (xl_sched_bvt_get(c, doms[i].domid, &b))
			continue;
		ret = xl_bvt_row(c, doms[i].name, doms[i].domid);
	}
	return ret;
}

static int xl_bvt_global(struct xl_client *c, const struct xl_bvt_args *a)
{
	struct xl_bvt_global g;
	int err;

	if (a->mode == XL_BVT_GLOBAL_SET)
		err = xl_sched_bvt_global_set(c, a->gmask, &a->global, NULL);
	else
		err = xl_sched_bvt_global_get(c, &g);
	if (err)
		return xl_client_error(c, err);
	if (a->mode == XL_BVT_GLOBAL_SHOW)
		printf("%13s %13s\n%13" PRIu64 " %13" PRIu64 "\n", "mcu(ns)",
		       "ctx_allow(ns)", g.mcu_ns, g.ctx_allow_ns);
	return XL_EXIT_OK;
}

static int xl_bvt_domain(struct xl_client *c, const struct xl_bvt_args *a)
{
	uint32_t domid;
	int ret = xl_domain_arg_any(c, a->dom, &domid), err;

	if (ret)
		return ret;
	if (a->mode == XL_BVT_SHOW) {
		xl_bvt_header();
		return xl_bvt_row(c, domid ? a->dom : "Domain-0", domid);
	}
	err = xl_sched_bvt_set(c, domid, a->mask, &a->set, NULL);
	return err ? xl_client_error(c, err) : XL_EXIT_OK;
}

static int xl_sched_bvt_run(int argc, char *argv[])
{
	struct xl_bvt_args a;
	struct xl_client *c;
	char msg[256];
	int err, ret;

	if (xl_bvt_args_parse(argc, argv, &a, msg, sizeof(msg)))
		return xl_usage_error("sched-bvt", "%s", msg);
	err = xl_open(&c);
	if (err)
		return xl_client_error(NULL, err);
	if (a.mode == XL_BVT_SHOW_ALL)
		ret = xl_bvt_show_all(c);
	else if (a.mode == XL_BVT_GLOBAL_SHOW || a.mode == XL_BVT_GLOBAL_SET)
		ret = xl_bvt_global(c, &a);
	else
		ret = xl_bvt_domain(c, &a);
	xl_close(c);
	return ret;
}

const struct xl_cmd xl_cmd_sched_bvt = {
	.name = "sched-bvt",
	.args = "[DOMAIN [KEY=VALUE...]] | -g [KEY=VALUE...]",
	.summary = "Show or change BVT scheduling parameters",
	.help =
	"Borrowed virtual time: a domain's CPU share is proportional to\n"
	"1 / mcu_adv; warp lets a domain run early, for latency.\n"
	"Without arguments, every domain's parameters, Dom0 first. With a\n"
	"DOMAIN (a name, an id, or Domain-0), that domain's; with KEY=VALUE\n"
	"settings, change them (the others keep their values):\n"
	"  mcu_adv=N        virtual time per MCU run, 1..10000 (default 10)\n"
	"  warp=N           warp in weighted MCUs, 0..2^40\n"
	"  warpl=TIME       longest warped run, 0 = no limit\n"
	"  warpu=TIME       unwarped time after reaching warpl\n"
	"  warp_enabled=0|1\n"
	"-g shows the global parameters, or changes them:\n"
	"  mcu=TIME         minimum charging unit, 10us..100ms\n"
	"  ctx_allow=TIME   context-switch allowance, mcu..1s\n"
	"TIME is in ns, or with a unit: 500us, 10ms, 1s.\n"
	"Example: xenlate sched-bvt web mcu_adv=5 (twice the share of a\n"
	"domain at the default 10).\n",
	.run = xl_sched_bvt_run,
};
