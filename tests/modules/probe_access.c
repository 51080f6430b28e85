// SPDX-License-Identifier: GPL-2.0
/*
 * Memory accesses that may fault: the hypervisor answers Dom0's touch of
 * what is not Dom0's with a #GP.  A plain exception-table fixup: the
 * uaccess-style helpers (copy_*_kernel_nofault) WARN on a #GP.  Each
 * returns 0 when the access went through, -EFAULT when it faulted (the
 * fixup skips the movl that clears the flag).
 */
#include <linux/errno.h>
#include <asm/asm.h>
#include "probe.h"

int probe_read64(const void *p, u64 *val)
{
	u64 v = 0;
	int faulted = 1;

	asm volatile("1: movq (%[p]), %[v]\n\t"
		     "movl $0, %[f]\n\t"
		     "2:\n\t"
		     _ASM_EXTABLE(1b, 2b)
		     : [f] "+r"(faulted), [v] "+r"(v)
		     : [p] "r"(p) : "memory");
	*val = v;
	return faulted ? -EFAULT : 0;
}

int probe_write32(void *p, u32 v)
{
	int faulted = 1;

	asm volatile("1: movl %[v], (%[p])\n\t"
		     "movl $0, %[f]\n\t"
		     "2:\n\t"
		     _ASM_EXTABLE(1b, 2b)
		     : [f] "+r"(faulted)
		     : [p] "r"(p), [v] "r"(v) : "memory");
	return faulted ? -EFAULT : 0;
}
