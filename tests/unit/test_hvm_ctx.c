// SPDX-License-Identifier: GPL-2.0
/*
 * hv/arch/x86/hvm_ctx.c: VCPUOP_initialise contexts.  The smp guest's
 * 32-bit context goes into the VMCB as given; every field a hostile
 * guest can bend so that VMRUN would fail, or QEMU would run it wrongly,
 * is -EINVAL and leaves nothing half set.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>
#include "unit.h"

#include "hvm_ctx.h"
#include "msr.h"
#include <hv/errno.h>

static const struct hvm_ctx_caps caps = {
	.nx = true, .xsave = false, .phys_bits = 40,
};

/* What tests/guests/smp.c sends. */
static void smp_ctx(struct vcpu_hvm_context *c)
{
	struct vcpu_hvm_x86_32 *r = &c->cpu_regs.x86_32;

	memset(c, 0, sizeof(*c));
	c->mode = VCPU_HVM_MODE_32B;
	r->eip = 0x100040;
	r->esp = 0x120000;
	r->ebx = 1;
	r->eflags = 0x2;
	r->cr0 = 0x1;
	r->cs_limit = r->ds_limit = r->ss_limit = r->es_limit = ~0U;
	r->cs_ar = 0xc9b;
	r->ds_ar = r->ss_ar = r->es_ar = 0xc93;
	r->tr_ar = 0x8b;
	r->tr_limit = 0x67;
}

static int load(const struct vcpu_hvm_context *c, struct vmcb_save *s)
{
	u64 gpr[8];

	return hvm_ctx_load(c, &caps, s, gpr);
}

static void test_smp_context(void **state)
{
	struct vcpu_hvm_context c;
	struct vmcb_save s;
	u64 gpr[8];

	(void)state;
	smp_ctx(&c);
	assert_int_equal(hvm_ctx_load(&c, &caps, &s, gpr), 0);
	assert_int_equal(s.cs.attrib, 0xc9b);
	assert_int_equal(s.ss.attrib, 0xc93);
	assert_int_equal(s.tr.attrib, 0x8b);
	assert_int_equal(s.rip, 0x100040);
	assert_int_equal(s.rsp, 0x120000);
	assert_int_equal(gpr[3], 1);		/* ebx */
	assert_true(s.efer & EFER_SVME);	/* VMRUN needs it */
	assert_int_equal(s.cr0, 0x11);		/* PE, ET */
	assert_int_equal(s.cpl, 0);
	assert_int_equal(s.dr7, 0x400);
}

/* Each mutation of the smp context must be refused. */
#define REFUSE(name, stmt)						\
	static void test_refuse_##name(void **state)			\
	{								\
		struct vcpu_hvm_context c;				\
		struct vcpu_hvm_x86_32 *r = &c.cpu_regs.x86_32;		\
		struct vmcb_save s;					\
									\
		(void)state;						\
		smp_ctx(&c);						\
		stmt;							\
		assert_int_equal(load(&c, &s), -EINVAL);		\
		(void)r;						\
	}

REFUSE(mode, c.mode = 2)
REFUSE(cs_null, r->cs_ar = 0)
REFUSE(cs_not_present, r->cs_ar = 0xc1b)
REFUSE(cs_data, r->cs_ar = 0xc93)
REFUSE(cs_l_and_d, r->cs_ar = 0xe9b)
REFUSE(cs_64bit_in_32b, r->cs_ar = 0xa9b)
REFUSE(cs_ar_high_bits, r->cs_ar = 0x1c9b)
REFUSE(cs_system, r->cs_ar = 0xc8b)
REFUSE(ss_code, r->ss_ar = 0xc9b)
REFUSE(ss_readonly, r->ss_ar = 0xc91)
REFUSE(ss_null, r->ss_ar = 0)
REFUSE(ss_dpl, r->ss_ar = 0xcf3)
REFUSE(ds_exec_only, r->ds_ar = 0xc99)
REFUSE(tr_not_tss, r->tr_ar = 0x89)
REFUSE(tr_null, r->tr_ar = 0)
REFUSE(tr_data, r->tr_ar = 0x93)
REFUSE(limit_granularity, r->cs_limit = 0xfffff000)
REFUSE(limit_bytes, (r->ds_ar = 0x493, r->ds_limit = 0x100000))
REFUSE(no_pe, r->cr0 = 0)
REFUSE(pg_without_pe, r->cr0 = 0x80000000)
REFUSE(nw_without_cd, r->cr0 = 0x20000001)
REFUSE(cr0_reserved, r->cr0 = 0x1 | 1u << 20)
REFUSE(cr4_reserved, r->cr4 = 1u << 22)
REFUSE(cr4_la57, r->cr4 = 1u << 12)
REFUSE(cr4_osxsave_unsupported, r->cr4 = 1u << 18)
REFUSE(efer_svme, r->efer = EFER_SVME)
REFUSE(efer_sce, r->efer = EFER_SCE)
REFUSE(efer_lma_without_pg, r->efer = EFER_LME | EFER_LMA)
REFUSE(efer_lme_pg_no_lma, (r->cr0 = 0x80000001, r->efer = EFER_LME))
REFUSE(long_mode_without_pae,
       (r->cr0 = 0x80000001, r->efer = EFER_LME | EFER_LMA))
REFUSE(eflags_reserved, r->eflags = 0x2 | 1u << 22)
REFUSE(eflags_vm, r->eflags = 0x2 | 1u << 17)

static void test_nx_needs_cpu(void **state)
{
	struct hvm_ctx_caps no_nx = caps;
	struct vcpu_hvm_context c;
	struct vmcb_save s;
	u64 gpr[8];

	(void)state;
	smp_ctx(&c);
	c.cpu_regs.x86_32.efer = EFER_NXE;
	assert_int_equal(hvm_ctx_load(&c, &caps, &s, gpr), 0);
	no_nx.nx = false;
	assert_int_equal(hvm_ctx_load(&c, &no_nx, &s, gpr), -EINVAL);
}

static void test_null_data_segments_ok(void **state)
{
	struct vcpu_hvm_context c;
	struct vmcb_save s;

	(void)state;
	smp_ctx(&c);
	c.cpu_regs.x86_32.ds_ar = 0;
	c.cpu_regs.x86_32.es_ar = 0;
	assert_int_equal(load(&c, &s), 0);
}

static void test_64bit(void **state)
{
	struct vcpu_hvm_context c;
	struct vcpu_hvm_x86_64 *r = &c.cpu_regs.x86_64;
	struct vmcb_save s;

	(void)state;
	memset(&c, 0, sizeof(c));
	c.mode = VCPU_HVM_MODE_64B;
	r->cr0 = 0x80000011;
	r->cr4 = 0x20;
	r->efer = EFER_LME | EFER_LMA;
	r->cr3 = 0x1000;
	r->rip = 0xffffffff81000000ULL;
	r->rflags = 0x2;
	assert_int_equal(load(&c, &s), 0);
	assert_int_equal(s.cs.attrib, 0xa9b);
	r->rip = 0x0000800000000000ULL;		/* non-canonical */
	assert_int_equal(load(&c, &s), -EINVAL);
	r->rip = 0;
	r->cr3 = 1ULL << 40;			/* beyond phys_bits */
	assert_int_equal(load(&c, &s), -EINVAL);
	r->cr3 = 0x1000;
	r->efer = EFER_LME;			/* not long mode */
	assert_int_equal(load(&c, &s), -EINVAL);
}

#define T(name)	cmocka_unit_test(test_refuse_##name)

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_smp_context),
		T(mode), T(cs_null), T(cs_not_present), T(cs_data),
		T(cs_l_and_d), T(cs_64bit_in_32b), T(cs_ar_high_bits),
		T(cs_system), T(ss_code), T(ss_readonly), T(ss_null),
		T(ss_dpl), T(ds_exec_only), T(tr_not_tss), T(tr_null),
		T(tr_data), T(limit_granularity), T(limit_bytes), T(no_pe),
		T(pg_without_pe), T(nw_without_cd), T(cr0_reserved),
		T(cr4_reserved), T(cr4_la57), T(cr4_osxsave_unsupported),
		T(efer_svme), T(efer_sce), T(efer_lma_without_pg),
		T(efer_lme_pg_no_lma), T(long_mode_without_pae),
		T(eflags_reserved), T(eflags_vm),
		cmocka_unit_test(test_nx_needs_cpu),
		cmocka_unit_test(test_null_data_segments_ok),
		cmocka_unit_test(test_64bit),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
