// SPDX-License-Identifier: GPL-2.0
/* hv/core/domain.c: the domain table and the lifecycle's rules. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdlib.h>
#include <cmocka.h>
#include "unit.h"

#include <hv/domain.h>
#include <hv/errno.h>

static struct domain_table table;
static struct domain doms[MAX_DOMAINS + 1];

static void test_ids_increase_and_are_found(void **state)
{
	(void)state;
	domain_table_init(&table);
	for (u32 i = 0; i < 3; i++) {
		assert_int_equal(domain_table_insert(&table, &doms[i]), 0);
		assert_int_equal(doms[i].id, i + 1);
	}
	assert_ptr_equal(domain_table_find(&table, 2), &doms[1]);
	assert_null(domain_table_find(&table, 0));	/* Dom0: not here */
	assert_null(domain_table_find(&table, 4));
	assert_null(domain_table_find(&table, DOMID_LIMIT));
	assert_null(domain_table_find(&table, 0xffff));
}

static void test_ids_not_reused_at_once(void **state)
{
	(void)state;
	domain_table_init(&table);
	assert_int_equal(domain_table_insert(&table, &doms[0]), 0);
	domain_table_remove(&table, &doms[0]);
	assert_int_equal(domain_table_insert(&table, &doms[1]), 0);
	assert_int_equal(doms[1].id, 2);
	/* A stale id finds nothing, even though its slot is reused later. */
	assert_null(domain_table_find(&table, 1));
	for (u32 i = 2; i < MAX_DOMAINS + 1; i++)
		domain_table_insert(&table, &doms[i]);
	assert_null(domain_table_find(&table, 1));
}

static void test_full_table(void **state)
{
	(void)state;
	domain_table_init(&table);
	for (u32 i = 0; i < MAX_DOMAINS; i++)
		assert_int_equal(domain_table_insert(&table, &doms[i]), 0);
	assert_int_equal(table.nr, MAX_DOMAINS);
	assert_int_equal(domain_table_insert(&table, &doms[MAX_DOMAINS]),
			 -ENOSPC);
	domain_table_remove(&table, &doms[7]);
	assert_int_equal(domain_table_insert(&table, &doms[MAX_DOMAINS]), 0);
	assert_ptr_equal(domain_table_find(&table, doms[MAX_DOMAINS].id),
			 &doms[MAX_DOMAINS]);
}

static void test_ids_wrap(void **state)
{
	(void)state;
	domain_table_init(&table);
	table.next_id = DOMID_LIMIT - 1;
	assert_int_equal(domain_table_insert(&table, &doms[0]), 0);
	assert_int_equal(doms[0].id, DOMID_LIMIT - 1);
	assert_int_equal(domain_table_insert(&table, &doms[1]), 0);
	assert_int_equal(doms[1].id, 1);
}

static void test_list_in_id_order(void **state)
{
	struct domain *out[MAX_DOMAINS];

	(void)state;
	domain_table_init(&table);
	table.next_id = 250;
	for (u32 i = 0; i < 10; i++)
		domain_table_insert(&table, &doms[i]);	/* 250..259 */
	domain_table_remove(&table, &doms[3]);
	assert_int_equal(domain_table_list(&table, 0, out, MAX_DOMAINS), 9);
	for (u32 i = 1; i < 9; i++)
		assert_true(out[i - 1]->id < out[i]->id);
	assert_int_equal(out[0]->id, 250);
	assert_int_equal(domain_table_list(&table, 255, out, 2), 2);
	assert_int_equal(out[0]->id, 255);
	assert_int_equal(out[1]->id, 256);
}

static void test_state_rules(void **state)
{
	(void)state;
	assert_true(domain_state_change_ok(DOMAIN_BUILDING, DOMAIN_RUNNING));
	assert_true(domain_state_change_ok(DOMAIN_RUNNING, DOMAIN_PAUSED));
	assert_true(domain_state_change_ok(DOMAIN_PAUSED, DOMAIN_RUNNING));
	assert_true(domain_state_change_ok(DOMAIN_RUNNING, DOMAIN_SHUTDOWN));
	assert_true(domain_state_change_ok(DOMAIN_SHUTDOWN, DOMAIN_DYING));
	assert_false(domain_state_change_ok(DOMAIN_SHUTDOWN, DOMAIN_RUNNING));
	assert_false(domain_state_change_ok(DOMAIN_DYING, DOMAIN_RUNNING));
	assert_false(domain_state_change_ok(DOMAIN_DYING, DOMAIN_DYING));
	assert_false(domain_state_change_ok(DOMAIN_RUNNING, DOMAIN_BUILDING));
	assert_false(domain_state_change_ok(DOMAIN_BUILDING, DOMAIN_SHUTDOWN));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ids_increase_and_are_found),
		cmocka_unit_test(test_ids_not_reused_at_once),
		cmocka_unit_test(test_full_table),
		cmocka_unit_test(test_ids_wrap),
		cmocka_unit_test(test_list_in_id_order),
		cmocka_unit_test(test_state_rules),
	};

	return cmocka_run_group_tests_name("domain", tests, NULL, NULL);
}
