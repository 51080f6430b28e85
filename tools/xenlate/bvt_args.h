/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The arguments of 'xenlate sched-bvt', parsed without the hypervisor
 * (pure, unit tested):
 *
 *	sched-bvt			every domain's parameters
 *	sched-bvt DOM			one domain's (Domain-0 or 0: Dom0)
 *	sched-bvt DOM KEY=VALUE...	change some of DOM's:
 *		mcu_adv=N	(or mcu_advance) 1..XL_BVT_ADVANCE_MAX
 *		warp=N		(weighted MCUs) 0..XL_BVT_WARP_MAX
 *		warpl=TIME	(or warp_limit) 0 = no limit
 *		warpu=TIME	(or unwarp_req)
 *		warp_enabled=0|1
 *	sched-bvt -g			the global parameters
 *	sched-bvt -g KEY=VALUE...	change them:
 *		mcu=TIME	XL_BVT_MCU_MIN_NS..XL_BVT_MCU_MAX_NS
 *		ctx_allow=TIME	MCU..XL_BVT_CTX_ALLOW_MAX_NS
 *
 * TIME is nanoseconds, or a number with a unit: 500us, 10ms, 1s.
 * Numbers are decimal.  A key given twice, an unknown key, a value out
 * of range or "-g" with a domain are errors.
 */
#ifndef XL_BVT_ARGS_H
#define XL_BVT_ARGS_H

#include <stddef.h>

#include "xl_client.h"

enum xl_bvt_mode {
	XL_BVT_SHOW_ALL,
	XL_BVT_SHOW,
	XL_BVT_SET,
	XL_BVT_GLOBAL_SHOW,
	XL_BVT_GLOBAL_SET,
};

struct xl_bvt_args {
	enum xl_bvt_mode mode;
	const char *dom;		/* SHOW and SET: as given */
	unsigned int mask;		/* SET: XL_BVT_SET_* given */
	struct xl_bvt_dom set;
	unsigned int gmask;		/* GLOBAL_SET: XL_BVT_SET_MCU, ... */
	struct xl_bvt_global global;
};

/*
 * @argv[1..@argc) after the command name.  0, or -EINVAL with a one-line
 * reason in @err ("warp: '-1' is not a number").
 */
int xl_bvt_args_parse(int argc, char *const argv[], struct xl_bvt_args *a,
		      char *err, size_t errsize);

#endif
