/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Xen's 64-bit hypercall ABI: rax = number, arguments in rdi, rsi, rdx,
 * r10, r8, result in rax.  Issued with VMMCALL directly, or through the
 * hypercall page (cmdline hcall=page) as a stock Linux guest does.
 */
#ifndef GUEST_HYPERCALL_H
#define GUEST_HYPERCALL_H

#include "xen.h"

/* Stubs in the hypercall page are 32 bytes apart: one page holds 128. */
#define HCALL_PAGE_STUBS	128

long hypercall(unsigned long nr, unsigned long a1, unsigned long a2,
	       unsigned long a3, unsigned long a4, unsigned long a5);
/* Always VMMCALL, and no "-ENOSYS" message: for badcall. */
long hypercall_direct(unsigned long nr, unsigned long a1, unsigned long a2,
		      unsigned long a3, unsigned long a4, unsigned long a5);
/* SCHEDOP_block with interrupts on just for it (evtchn_block). */
long hypercall_block_irq_window(void);
/* Set up the mode cmdline hcall= asks for; 0 or a negative errno. */
int hypercall_init(void);
const char *hypercall_mode(void);
/* While set, -ENOSYS is not reported on the console. */
extern bool hypercall_quiet;

#define HC(nr, a1, a2, a3) \
	hypercall(nr, (unsigned long)(a1), (unsigned long)(a2), \
		  (unsigned long)(a3), 0, 0)

static inline long HYPERVISOR_console_io(int cmd, int count, const char *s)
{
	return HC(__HYPERVISOR_console_io, cmd, count, s);
}

static inline long HYPERVISOR_sched_op(int cmd, void *arg)
{
	return HC(__HYPERVISOR_sched_op, cmd, arg, 0);
}

static inline long HYPERVISOR_xen_version(int cmd, void *arg)
{
	return HC(__HYPERVISOR_xen_version, cmd, arg, 0);
}

static inline long HYPERVISOR_memory_op(int cmd, void *arg)
{
	return HC(__HYPERVISOR_memory_op, cmd, arg, 0);
}

static inline long HYPERVISOR_event_channel_op(int cmd, void *arg)
{
	return HC(__HYPERVISOR_event_channel_op, cmd, arg, 0);
}

static inline long HYPERVISOR_vcpu_op(int cmd, unsigned int vcpu, void *arg)
{
	return HC(__HYPERVISOR_vcpu_op, cmd, vcpu, arg);
}

static inline long HYPERVISOR_hvm_op(int op, void *arg)
{
	return HC(__HYPERVISOR_hvm_op, op, arg, 0);
}

/* HVMOP_get_param of our own domain: 0 and *@value, or the error. */
static inline long hvm_get_param(uint32_t index, uint64_t *value)
{
	struct xen_hvm_param p = { .domid = DOMID_SELF, .index = index };
	long ret = HYPERVISOR_hvm_op(HVMOP_get_param, &p);

	*value = ret ? 0 : p.value;
	return ret;
}

#endif
