/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Hypercall dispatch.  The arch exit handler (arch/x86/exit.c) calls
 * do_hypercall() with the guest's registers; core/hypercall.c picks the
 * handler by number; each handler lives in its own file.
 */
#ifndef HV_HYPERCALL_H
#define HV_HYPERCALL_H

#include <hv/types.h>

u64 do_hypercall(u64 nr, u64 a1, u64 a2, u64 a3, u64 a4, u64 a5);

/* core/dom0ctl.c: Dom0's private control hypercall. */
long do_dom0ctl(u64 cmd, u64 gpa, u64 len);

#endif
