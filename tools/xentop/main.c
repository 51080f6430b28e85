// SPDX-License-Identifier: GPL-2.0
/*
 * xentop: a live monitor of every domain under the xenlate hypervisor,
 * after Xen's.  This file picks the front end.
 */
#include "batch.h"
#include "opts.h"
#include "screen.h"

int main(int argc, char *argv[])
{
	struct xt_opts o;
	int ret = xt_opts_parse(argc, argv, &o);

	if (ret >= 0)
		return ret;
	return o.batch ? xt_batch(&o) : xt_screen(&o);
}
