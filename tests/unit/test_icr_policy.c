// SPDX-License-Identifier: GPL-2.0
/*
 * hv/core/icr_policy.c: which IPIs and IOAPIC entries Dom0 may send while
 * guests exist.  ICR values are written out in hex as Linux composes them
 * (apicdef.h): APIC_DM_INIT 0x500, APIC_DM_STARTUP 0x600, APIC_DM_NMI
 * 0x400, APIC_DEST_LOGICAL 0x800, APIC_INT_ASSERT 0x4000,
 * APIC_INT_LEVELTRIG 0x8000, APIC_DEST_SELF 0x40000, APIC_DEST_ALLINC
 * 0x80000, APIC_DEST_ALLBUT 0xc0000; the destination in ICR2 bits 24..31.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>
#include "unit.h"

#include "icr_policy.h"

#define INIT_ASSERT	0x0000c500	/* level, assert, INIT */
#define INIT_DEASSERT	0x00008500	/* level, INIT */
#define INIT_EDGE	0x00000500
#define SIPI		0x0000069a	/* start-up at 0x9a000 */
#define LOGICAL		0x00000800
#define SH_SELF		0x00040000
#define SH_ALL		0x00080000
#define SH_OTHERS	0x000c0000
#define DFR_FLAT	0xffffffff
#define DFR_CLUSTER	0x0fffffff
#define DEST(id)	((u32)(id) << 24)
#define UNTOUCHED	0xdeadbeef

/* APIC IDs apart from indices, flat LDRs as Linux sets them (1 << cpu). */
static const struct icr_cpu owned4[] = {
	{ 0x00, 0x01000000 },
	{ 0x02, 0x02000000 },
	{ 0x04, 0x04000000 },
	{ 0x06, 0x08000000 },
};

static const u32 bad_modes[] = { INIT_ASSERT, INIT_DEASSERT, INIT_EDGE, SIPI };

/* icr_check() on @owned gives @want and, when refused, @hit. */
static void expect(u32 lo, u32 hi, u32 dfr, u32 self,
		   const struct icr_cpu *owned, u32 nr, enum icr_verdict want,
		   u32 want_hit)
{
	u32 hit = UNTOUCHED;
	enum icr_verdict v = icr_check(lo, hi, dfr, self, owned, nr, &hit);

	if (v != want || hit != (want == ICR_REFUSE ? want_hit : UNTOUCHED))
		fail_fmt("icr %#x:%#x dfr %#x self %#x: verdict %d hit %#x, "
			 "want %d hit %#x", lo, hi, dfr, self, v, hit, want,
			 want == ICR_REFUSE ? want_hit : UNTOUCHED);
}

#define REFUSED(lo, hi, dfr, self, hit) \
	expect(lo, hi, dfr, self, owned4, 4, ICR_REFUSE, hit)
#define PASSED(lo, hi, dfr, self) \
	expect(lo, hi, dfr, self, owned4, 4, ICR_PASS, 0)

static void test_physical_owned(void **state)
{
	for (u32 m = 0; m < ARRAY_SIZE(bad_modes); m++) {
		for (u32 i = 0; i < ARRAY_SIZE(owned4); i++) {
			u32 id = owned4[i].apic_id;

			REFUSED(bad_modes[m], DEST(id), DFR_FLAT, 0, i);
			/* Delivery status, vector: no difference */
			REFUSED(bad_modes[m] | 0x10ff, DEST(id), DFR_FLAT, 0,
				i);
			/* ICR2 bits 0..23 are not the destination */
			REFUSED(bad_modes[m], DEST(id) | 0xffffff, DFR_FLAT,
				0, i);
			/* Sent from another CPU, or with a cluster DFR */
			REFUSED(bad_modes[m], DEST(id), DFR_CLUSTER, 6, i);
		}
	}
	(void)state;
}

static void test_physical_unowned(void **state)
{
	static const u32 ids[] = { 0x01, 0x03, 0x05, 0x07, 0x08, 0x40, 0xfe };

	for (u32 m = 0; m < ARRAY_SIZE(bad_modes); m++)
		for (u32 i = 0; i < ARRAY_SIZE(ids); i++)
			PASSED(bad_modes[m], DEST(ids[i]), DFR_FLAT, 0);
	/* Bits 0..23 of ICR2 holding an owned ID do not count. */
	PASSED(INIT_ASSERT, DEST(0x01) | 0x020202, DFR_FLAT, 0);
	(void)state;
}

static void test_broadcast(void **state)
{
	static const struct icr_cpu last_only[] = { { 0x06, 0x08000000 } };
	/* An APIC whose LDR is not set up yet: no logical ID matches it */
	static const struct icr_cpu no_ldr[] = { { 0x01, 0 } };

	for (u32 m = 0; m < ARRAY_SIZE(bad_modes); m++) {
		REFUSED(bad_modes[m], DEST(0xff), DFR_FLAT, 0, 0);
		REFUSED(bad_modes[m] | LOGICAL, DEST(0xff), DFR_FLAT, 0, 0);
		REFUSED(bad_modes[m] | LOGICAL, DEST(0xff), DFR_CLUSTER, 0, 0);
		expect(bad_modes[m], DEST(0xff), DFR_FLAT, 0, last_only, 1,
		       ICR_REFUSE, 0);
		/* ...but logical 0xff is a broadcast, in both models */
		expect(bad_modes[m] | LOGICAL, DEST(0xff), DFR_FLAT, 0,
		       no_ldr, 1, ICR_REFUSE, 0);
		expect(bad_modes[m] | LOGICAL, DEST(0xff), DFR_CLUSTER, 0,
		       no_ldr, 1, ICR_REFUSE, 0);
		expect(bad_modes[m] | LOGICAL, DEST(0xfe), DFR_FLAT, 0,
		       no_ldr, 1, ICR_PASS, 0);
		/* Nothing owned: nothing to protect */
		expect(bad_modes[m], DEST(0xff), DFR_FLAT, 0, owned4, 0,
		       ICR_PASS, 0);
	}
	(void)state;
}

static void test_shorthands(void **state)
{
	static const struct icr_cpu self_only[] = { { 0x04, 0x04000000 } };

	for (u32 m = 0; m < ARRAY_SIZE(bad_modes); m++) {
		u32 lo = bad_modes[m];

		/* Self: the sender; the destination field is ignored. */
		REFUSED(lo | SH_SELF, DEST(0x01), DFR_FLAT, 0x04, 2);
		REFUSED(lo | SH_SELF | LOGICAL, 0, DFR_FLAT, 0x06, 3);
		PASSED(lo | SH_SELF, DEST(0xff), DFR_FLAT, 0x05);
		/* All including self */
		REFUSED(lo | SH_ALL, DEST(0x01), DFR_FLAT, 0x05, 0);
		REFUSED(lo | SH_ALL, 0, DFR_FLAT, 0x00, 0);
		expect(lo | SH_ALL, 0, DFR_FLAT, 0x04, self_only, 1,
		       ICR_REFUSE, 0);
		/* All excluding self: the first other one */
		REFUSED(lo | SH_OTHERS, DEST(0x01), DFR_FLAT, 0x00, 1);
		REFUSED(lo | SH_OTHERS, DEST(0x01), DFR_FLAT, 0x02, 0);
		REFUSED(lo | SH_OTHERS, 0, DFR_FLAT, 0x05, 0);
		expect(lo | SH_OTHERS, DEST(0xff), DFR_FLAT, 0x04, self_only,
		       1, ICR_PASS, 0);
	}
	(void)state;
}

static void test_logical_flat(void **state)
{
	/* Flat logical IDs use all eight bits: CPU 7 is bit 0x80 */
	static const struct icr_cpu cpu7[] = { { 0x07, 0x80000000 } };

	for (u32 m = 0; m < ARRAY_SIZE(bad_modes); m++) {
		u32 lo = bad_modes[m] | LOGICAL;

		expect(lo, DEST(0x80), DFR_FLAT, 0, cpu7, 1, ICR_REFUSE, 0);
		expect(lo, DEST(0xc0), DFR_FLAT, 0, cpu7, 1, ICR_REFUSE, 0);
		expect(lo, DEST(0x7f), DFR_FLAT, 0, cpu7, 1, ICR_PASS, 0);

		REFUSED(lo, DEST(0x01), DFR_FLAT, 0, 0);
		REFUSED(lo, DEST(0x04), DFR_FLAT, 0, 2);
		REFUSED(lo, DEST(0x0c), DFR_FLAT, 0, 2);
		REFUSED(lo, DEST(0x06), DFR_FLAT, 0, 1);
		REFUSED(lo, DEST(0x88), DFR_FLAT, 0, 3);
		/* Logical IDs 4..7 (bits 0x10..0x80) are nobody's here */
		PASSED(lo, DEST(0x10), DFR_FLAT, 0);
		PASSED(lo, DEST(0xf0), DFR_FLAT, 0);
		PASSED(lo, DEST(0x00), DFR_FLAT, 0);
		/* Physical ID 4 is owned, but this is logical bit 2: nobody */
		PASSED(lo, DEST(0x20), DFR_FLAT, 0);
		/* ...and logical 0x02 is index 1, not APIC ID 2's index */
		REFUSED(lo, DEST(0x02), DFR_FLAT, 0, 1);
	}
	(void)state;
}

static void test_logical_cluster(void **state)
{
	/* LDR: cluster in bits 28..31, member mask in 24..27 */
	static const struct icr_cpu cl[] = {
		{ 0x10, 0x01000000 },	/* cluster 0, member 1 */
		{ 0x11, 0x02000000 },	/* cluster 0, member 2 */
		{ 0x12, 0x11000000 },	/* cluster 1, member 1 */
		{ 0x13, 0x28000000 },	/* cluster 2, member 8 */
	};
	static const struct {
		u8 mda;
		bool refused;
		u32 hit;
	} t[] = {
		{ 0x01, true, 0 }, { 0x02, true, 1 }, { 0x03, true, 0 },
		/* flat would say index 0 (bit 0 of 0x11): cluster says 2 */
		{ 0x11, true, 2 },
		{ 0x12, false, 0 }, { 0x21, false, 0 }, { 0x28, true, 3 },
		{ 0x38, false, 0 }, { 0x10, false, 0 }, { 0x00, false, 0 },
		{ 0x04, false, 0 },
		/* cluster 0xf: every cluster */
		{ 0xf1, true, 0 }, { 0xf8, true, 3 }, { 0xf4, false, 0 },
		{ 0xff, true, 0 },
	};

	for (u32 m = 0; m < ARRAY_SIZE(bad_modes); m++) {
		for (u32 i = 0; i < ARRAY_SIZE(t); i++) {
			expect(bad_modes[m] | LOGICAL, DEST(t[i].mda),
			       DFR_CLUSTER, 0x10, cl, ARRAY_SIZE(cl),
			       t[i].refused ? ICR_REFUSE : ICR_PASS, t[i].hit);
		}
	}
	/* The DFR's low 28 bits do not matter; its model does. */
	expect(INIT_ASSERT | LOGICAL, DEST(0x11), 0x00000000, 0x10, cl,
	       ARRAY_SIZE(cl), ICR_REFUSE, 2);
	expect(INIT_ASSERT | LOGICAL, DEST(0x11), 0xf0000000, 0x10, cl,
	       ARRAY_SIZE(cl), ICR_REFUSE, 0);
	(void)state;
}

/* A reserved DFR model: assume it reaches everyone. */
static void test_logical_reserved_model(void **state)
{
	REFUSED(INIT_ASSERT | LOGICAL, DEST(0x00), 0x5fffffff, 0, 0);
	REFUSED(SIPI | LOGICAL, DEST(0x10), 0x7fffffff, 0, 0);
	/* Physical destinations do not read the DFR */
	PASSED(INIT_ASSERT, DEST(0x01), 0x5fffffff, 0);
	(void)state;
}

/* Only INIT and start-up are refused, whatever the destination. */
static void test_other_modes_pass(void **state)
{
	static const u32 modes[] = {
		0x000000fd,	/* fixed: RESCHEDULE_VECTOR */
		0x000001fd,	/* lowest priority */
		0x00000200,	/* SMI */
		0x00000300,	/* remote read */
		0x00000400,	/* NMI */
		0x00000700,	/* reserved in the ICR (ExtINT) */
		0x0000c4fd,	/* NMI with level bits */
	};
	static const u32 forms[][2] = {
		{ 0, DEST(0x02) }, { 0, DEST(0xff) }, { LOGICAL, DEST(0xff) },
		{ SH_SELF, 0 }, { SH_ALL, 0 }, { SH_OTHERS, 0 },
	};

	for (u32 m = 0; m < ARRAY_SIZE(modes); m++)
		for (u32 f = 0; f < ARRAY_SIZE(forms); f++)
			PASSED(modes[m] | forms[f][0], forms[f][1], DFR_FLAT,
			       0);
	(void)state;
}

/* xAPIC IDs are 8 bits: an owned ID above 255 matches its low byte. */
static void test_wide_apic_id(void **state)
{
	static const struct icr_cpu wide[] = { { 0x102, 0 } };

	expect(INIT_ASSERT, DEST(0x02), DFR_FLAT, 0, wide, 1, ICR_REFUSE, 0);
	expect(INIT_ASSERT, DEST(0x01), DFR_FLAT, 0, wide, 1, ICR_PASS, 0);
	/* Shorthands compare the whole ID */
	expect(SIPI | SH_OTHERS, 0, DFR_FLAT, 0x102, wide, 1, ICR_PASS, 0);
	expect(SIPI | SH_OTHERS, 0, DFR_FLAT, 0x02, wide, 1, ICR_REFUSE, 0);
	(void)state;
}

/* @hit may be NULL. */
static void test_hit_optional(void **state)
{
	assert_int_equal(icr_check(INIT_ASSERT, DEST(0x04), DFR_FLAT, 0,
				   owned4, 4, NULL), ICR_REFUSE);
	assert_int_equal(icr_check(INIT_ASSERT, DEST(0x05), DFR_FLAT, 0,
				   owned4, 4, NULL), ICR_PASS);
	(void)state;
}

static void test_dm_names(void **state)
{
	static const char *const want[8] = {
		"fixed", "lowest", "SMI", "remote-read", "NMI", "INIT",
		"SIPI", "ExtINT",
	};

	for (u32 dm = 0; dm < 8; dm++) {
		assert_string_equal(apic_dm_name(dm << 8), want[dm]);
		/* Only bits 8..10 count */
		assert_string_equal(apic_dm_name(0xfffff8ff | dm << 8),
				    want[dm]);
	}
	assert_string_equal(apic_dm_name(INIT_DEASSERT), "INIT");
	assert_string_equal(apic_dm_name(SIPI), "SIPI");
	(void)state;
}

static void test_ioapic_rte(void **state)
{
	/* delivery mode -> refused: INIT, SMI and start-up */
	static const bool refused[8] = {
		false, false, true, false, false, true, true, false,
	};
	static const u64 others[] = {
		0,
		BIT(16),			/* masked */
		BIT(15) | BIT(13),		/* level, active low */
		BIT(11),			/* logical */
		0xffULL << 56,			/* destination 0xff */
		0x31,				/* vector */
		0xffffffff00000000ULL,		/* all of the high half */
	};

	for (u32 dm = 0; dm < 8; dm++) {
		for (u32 i = 0; i < ARRAY_SIZE(others); i++) {
			u64 rte = (u64)dm << 8 | others[i];

			if (ioapic_rte_refused(rte) != refused[dm])
				fail_fmt("rte %#llx: refused %d",
					 (unsigned long long)rte, !refused[dm]);
		}
	}
	/* What Linux programs: a fixed vector, masked or not; ExtINT */
	assert_false(ioapic_rte_refused(0x0000000000000031ULL));
	assert_false(ioapic_rte_refused(0x0000000000010031ULL));
	assert_false(ioapic_rte_refused(0x0300000000000700ULL));
	/* INIT bits in the high half (the destination) are not a mode */
	assert_false(ioapic_rte_refused(0x0000050000000000ULL));
	(void)state;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_physical_owned),
		cmocka_unit_test(test_physical_unowned),
		cmocka_unit_test(test_broadcast),
		cmocka_unit_test(test_shorthands),
		cmocka_unit_test(test_logical_flat),
		cmocka_unit_test(test_logical_cluster),
		cmocka_unit_test(test_logical_reserved_model),
		cmocka_unit_test(test_other_modes_pass),
		cmocka_unit_test(test_wide_apic_id),
		cmocka_unit_test(test_hit_optional),
		cmocka_unit_test(test_dm_names),
		cmocka_unit_test(test_ioapic_rte),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
