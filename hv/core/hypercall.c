// SPDX-License-Identifier: GPL-2.0
/*
 * Hypercall numbers to handlers.  Dom0 only has its control hypercall so
 * far; every other number is not implemented and says so.
 */
#include <hv/hypercall.h>
#include <hv/errno.h>
#include <xenlate/dom0ctl.h>

u64 do_hypercall(u64 nr, u64 a1, u64 a2, u64 a3, u64 a4, u64 a5)
{
	(void)a4;
	(void)a5;
	switch (nr) {
	case XL_HYPERCALL_DOM0CTL:
		return (u64)do_dom0ctl(a1, a2, a3);
	}
	return (u64)-ENOSYS;
}
