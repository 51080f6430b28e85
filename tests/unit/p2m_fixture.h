/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Two nested tables for the tests of hv/arch/x86/p2m.c and its users:
 * Dom0's, as at load (identity over 4 GiB in 2 MiB leaves), and an empty
 * guest's, with a "hypervisor" chunk p2m must refuse and a record of the
 * frames it scrubs.  Include after "pt_fixture.h" and "p2m.h".
 */
#ifndef P2M_FIXTURE_H
#define P2M_FIXTURE_H

#define GIB	(1ULL << 30)
#define HV_PA	0x5200000ULL	/* a "hypervisor" 2 MiB chunk */

static u64 scrubbed[16];
static unsigned int nr_scrubbed;

static bool t_is_hv(u64 pa)
{
	return pa >= HV_PA && pa < HV_PA + SIZE_2M;
}

static void t_scrub(u64 pa)
{
	assert_true(nr_scrubbed < 16);
	scrubbed[nr_scrubbed++] = pa;
}

static const struct p2m_ops ops = { t_is_hv, t_scrub };

struct two {
	struct fixture *dom0, *guest;
};

static int setup(void **state)
{
	struct two *t = calloc(1, sizeof(*t));

	t->dom0 = fixture_new(MAX_TABLES);
	t->guest = fixture_new(MAX_TABLES);
	assert_int_equal(pt_init(&t->dom0->pt, 4, &t->dom0->ops), 0);
	assert_int_equal(pt_init(&t->guest->pt, 4, &t->guest->ops), 0);
	/* Dom0 as at load: identity over 4 GiB in 2 MiB leaves. */
	assert_int_equal(pt_map(&t->dom0->pt, 0, 0, 4 * GIB, P2M_FLAGS, true),
			 0);
	nr_scrubbed = 0;
	*state = t;
	return 0;
}

static int td(void **state)
{
	struct two *t = *state;
	void *s;

	s = t->dom0;
	teardown(&s);
	s = t->guest;
	teardown(&s);
	free(t);
	return 0;
}

static bool mapped(struct pt *pt, u64 addr, u64 *pa)
{
	u64 flags, size, got;

	if (!pt_lookup(pt, addr, &got, &flags, &size))
		return false;
	if (pa)
		*pa = got;
	return true;
}

#endif
