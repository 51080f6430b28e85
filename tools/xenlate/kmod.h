/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Loading and unloading the project's kernel modules through modprobe and
 * rmmod, using only what both kmod's and busybox's versions accept.
 */
#ifndef XL_KMOD_H
#define XL_KMOD_H

#include <stdbool.h>
#include <stddef.h>

#define XL_MOD_HV	"xenlate"	/* the loader, with the hypervisor */
#define XL_MOD_DOM0	"xenlate_dom0"	/* Dom0's kernel side */

struct xl_load_params;

bool xl_mod_loaded(const char *name);

/*
 * modprobe @name with @params (may be NULL); rmmod @name.  Return 0, or
 * -1 with the tool's complaint in @err.
 */
int xl_mod_probe(const char *name, const struct xl_load_params *params,
		 char *err, size_t errsize);
int xl_mod_remove(const char *name, char *err, size_t errsize);

/*
 * Print "xenlate: WHAT failed: ERR; dmesg: WHY[; EXTRA]" as one line; WHY
 * (may be NULL) is what our modules logged about it (xl_klog_reason(),
 * read before any recovery adds lines of its own).  Returns the CLI's
 * failure exit status.
 */
int xl_mod_fail(const char *what, const char *err, const char *why,
		const char *extra);

#endif
