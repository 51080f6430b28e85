// SPDX-License-Identifier: GPL-2.0
/*
 * smp: start the secondary vCPUs the PVH way, VCPUOP_initialise with a
 * 32-bit vcpu_hvm_context then VCPUOP_up, and hear from each of them.
 *
 * cmdline: vcpus=N (default: probe with VCPUOP_is_up), timeout=S (30).
 */
#include "guest.h"
#include "cpu.h"
#include "hypercall.h"

#define MAX_VCPUS	16
#define AP_STACK	8192

extern const char ap_start32[];	/* head.S */

static uint8_t ap_stack[MAX_VCPUS][AP_STACK] __aligned(16);
static volatile unsigned long arrived;
static volatile uint32_t hello_mask;

/* Xen's HVM leaf (base+4) has the vCPU id, if the hypervisor says so. */
static int cpuid_vcpu_id(void)
{
	uint32_t base = xen_cpuid_base(), a, b, c, d;

	if (!base)
		return -1;
	cpuid(base, 0, &a, &b, &c, &d);
	if (a < base + 4)
		return -1;
	cpuid(base + 4, 0, &a, &b, &c, &d);
	return (a & XEN_HVM_CPUID_VCPU_ID_PRESENT) ? (int)b : -1;
}

void guest_ap_main(unsigned int vcpu)
{
	printf("smp: hello from vCPU %u (cpuid vcpu id %d)\n", vcpu,
	       cpuid_vcpu_id());
	__atomic_fetch_or(&hello_mask, 1U << vcpu, __ATOMIC_SEQ_CST);
	__atomic_fetch_add(&arrived, 1, __ATOMIC_SEQ_CST);
	/* Halted with interrupts off; the domain ends when vCPU 0 does. */
	halt_forever();
}

/* Flat 32-bit protected mode, paging off: the PVH boot state. */
static void ap_context(struct vcpu_hvm_context *ctx, unsigned int vcpu)
{
	struct vcpu_hvm_x86_32 *r = &ctx->cpu_regs.x86_32;

	memset(ctx, 0, sizeof(*ctx));
	ctx->mode = VCPU_HVM_MODE_32B;
	r->eip = (uintptr_t)ap_start32;
	r->esp = (uintptr_t)ap_stack[vcpu] + AP_STACK;
	r->ebx = vcpu;
	r->eflags = 0x2;
	r->cr0 = 0x1;			/* PE */
	r->cs_limit = r->ds_limit = r->ss_limit = r->es_limit = ~0U;
	/* _ar layout in hvm_vcpu.h: type, s, dpl, p, avl, l, db, g */
	r->cs_ar = 0xc9b;		/* code, read, accessed, 32-bit, 4K */
	r->ds_ar = r->ss_ar = r->es_ar = 0xc93;	/* data, write, 32-bit */
	r->tr_ar = 0x8b;		/* busy 32-bit TSS */
	r->tr_limit = 0x67;
}

static unsigned int count_vcpus(void)
{
	unsigned int n;
	long ret;

	if (cmdline_get("vcpus"))
		return cmdline_ulong("vcpus", 1);
	for (n = 1; n < MAX_VCPUS; n++) {
		ret = HYPERVISOR_vcpu_op(VCPUOP_is_up, n, NULL);
		if (ret < 0)
			break;
	}
	return n;
}

int guest_main(const struct hvm_start_info *si)
{
	uint64_t hz = tsc_hz(), start, limit;
	struct vcpu_hvm_context ctx;
	unsigned int n, v;
	long ret;

	(void)si;
	n = count_vcpus();
	printf("smp: %u vCPUs, boot vCPU cpuid id %d\n", n, cpuid_vcpu_id());
	if (n < 2)
		fail("only %u vCPU: nothing to bring up", n);
	if (n > MAX_VCPUS)
		fail("%u vCPUs, at most %u supported here", n, MAX_VCPUS);

	for (v = 1; v < n; v++) {
		ap_context(&ctx, v);
		ret = HYPERVISOR_vcpu_op(VCPUOP_initialise, v, &ctx);
		if (ret)
			fail("VCPUOP_initialise vCPU %u: %ld", v, ret);
		ret = HYPERVISOR_vcpu_op(VCPUOP_up, v, NULL);
		if (ret)
			fail("VCPUOP_up vCPU %u: %ld", v, ret);
	}

	limit = cmdline_ulong("timeout", 30) * hz;
	start = rdtsc();
	while (arrived < n - 1) {
		if (rdtsc() - start > limit)
			fail("%lu of %u secondary vCPUs arrived (mask %x)",
			     arrived, n - 1, hello_mask);
		cpu_relax();
	}
	for (v = 1; v < n; v++) {
		ret = HYPERVISOR_vcpu_op(VCPUOP_is_up, v, NULL);
		if (ret != 1)
			fail("VCPUOP_is_up vCPU %u: %ld, want 1", v, ret);
	}
	printf("smp: all %u vCPUs up (mask %x)\n", n, hello_mask | 1);
	return 0;
}
