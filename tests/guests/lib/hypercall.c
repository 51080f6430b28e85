// SPDX-License-Identifier: GPL-2.0
/*
 * Hypercalls, two ways.  Direct VMMCALL is what our hypervisor handles
 * first; the hypercall page is what stock Linux uses (it writes the
 * page's address to the MSR that CPUID leaf base+2 names and calls into
 * the stubs the hypervisor wrote there), so both must be testable.
 */
#include "guest.h"
#include "cpu.h"
#include "hypercall.h"

bool hypercall_quiet;

static bool use_page;
static uint8_t hcall_page[PAGE_SIZE] __aligned(PAGE_SIZE);
/* One bit per number: report each -ENOSYS once, not on every call. */
static uint64_t enosys_seen[4];

/*
 * Xen's register convention around the asm body @insn: rax in is @rax
 * (the number, or a stub's address), the result comes back in rax, and
 * the hypervisor may write any argument register back.
 */
#define XEN_HCALL(insn, rax, a1, a2, a3, a4, a5) ({			\
	register unsigned long r10_ asm("r10") = (a4);			\
	register unsigned long r8_ asm("r8") = (a5);			\
	unsigned long a1_ = (a1), a2_ = (a2), a3_ = (a3);		\
	long ret_;							\
									\
	asm volatile(insn						\
		     : "=a"(ret_), "+D"(a1_), "+S"(a2_), "+d"(a3_),	\
		       "+r"(r10_), "+r"(r8_)				\
		     : "0"((unsigned long)(rax))			\
		     : "memory", "cc");					\
	ret_;								\
})

long hypercall_direct(unsigned long nr, unsigned long a1, unsigned long a2,
		      unsigned long a3, unsigned long a4, unsigned long a5)
{
	return XEN_HCALL("vmmcall", nr, a1, a2, a3, a4, a5);
}

static long report(unsigned long nr, long ret)
{
	/* Not for console_io: reporting it would recurse. */
	if (ret == -XEN_ENOSYS && nr != __HYPERVISOR_console_io &&
	    nr < 64 * ARRAY_SIZE(enosys_seen) && !hypercall_quiet &&
	    !(enosys_seen[nr / 64] & (1ULL << (nr % 64)))) {
		enosys_seen[nr / 64] |= 1ULL << (nr % 64);
		printf("hypercall %lu: -ENOSYS\n", nr);
	}
	return ret;
}

long hypercall(unsigned long nr, unsigned long a1, unsigned long a2,
	       unsigned long a3, unsigned long a4, unsigned long a5)
{
	long ret;

	if (use_page && nr < HCALL_PAGE_STUBS)
		ret = XEN_HCALL("call *%%rax", hcall_page + 32 * nr,
				a1, a2, a3, a4, a5);
	else
		ret = hypercall_direct(nr, a1, a2, a3, a4, a5);
	return report(nr, ret);
}

/*
 * SCHEDOP_block with interrupts enabled by the STI right before the
 * VMMCALL: its one-instruction shadow means no upcall can slip in
 * between (to be consumed, and then sleep with nothing pending).  The
 * hypervisor sees IF=1 and a pending upcall, and does not block; the
 * upcall is taken after the VMMCALL.  Always direct: a hypercall page
 * stub puts instructions between the STI and its VMMCALL.
 */
long hypercall_block_irq_window(void)
{
	long ret = XEN_HCALL("sti; vmmcall; cli", __HYPERVISOR_sched_op,
			     SCHEDOP_block, 0, 0, 0, 0);

	return report(__HYPERVISOR_sched_op, ret);
}

const char *hypercall_mode(void)
{
	return use_page ? "page" : "vmmcall";
}

static bool page_filled(void)
{
	unsigned int i;

	for (i = 0; i < sizeof(hcall_page); i++)
		if (hcall_page[i])
			return true;
	return false;
}

int hypercall_init(void)
{
	const char *mode = cmdline_get("hcall");
	uint32_t base, a, b, c, d;

	if (!mode || !strcmp(mode, "vmmcall"))
		return 0;
	if (strcmp(mode, "page")) {
		printf("hcall=%s: unknown, use vmmcall or page\n", mode);
		return -XEN_EINVAL;
	}
	base = xen_cpuid_base();
	if (!base) {
		printf("hcall=page: no XenVMMXenVMM CPUID leaves\n");
		return -XEN_ENODEV;
	}
	cpuid(base + 2, 0, &a, &b, &c, &d);
	printf("hcall=page: cpuid 0x%x: %u page(s), msr 0x%x\n",
	       base + 2, a, b);
	if (a < 1) {
		printf("hcall=page: hypervisor offers no hypercall page\n");
		return -XEN_ENODEV;
	}
	if (wrmsr_safe(b, (uint64_t)(uintptr_t)hcall_page)) {
		printf("hcall=page: wrmsr 0x%x faulted\n", b);
		return -XEN_EFAULT;
	}
	if (!page_filled()) {
		printf("hcall=page: page at %p stays empty after wrmsr 0x%x\n",
		       hcall_page, b);
		return -XEN_EFAULT;
	}
	use_page = true;
	return 0;
}
