/* SPDX-License-Identifier: GPL-2.0 */
/*
 * For the tests of tools/xenstored/wire.c and txn.c: a store where Dom0
 * gave domain 3 its home, one connection per domain id 0..7, and
 * requests sent through xs_handle() with the reply in rep.  Include
 * after <cmocka.h> and "wire.h".
 */
#ifndef XS_FIXTURE_H
#define XS_FIXTURE_H

static struct xs_reply rep;
static struct xs_conn conn[8];		/* by domain id */

static int setup(void **state)
{
	struct xs_store *s = xs_store_new();
	struct xs_perms home = { .owner = 3 };

	if (!s || xs_mkdir(s, 0, "/local/domain/3") ||
	    xs_set_perms(s, 0, "/local/domain/3", &home))
		return -1;
	for (uint32_t d = 0; d < 8; d++)
		conn[d] = (struct xs_conn){ .dom = d };
	*state = s;
	return 0;
}

/* Connections closed: their watches and transactions go (LSan checks). */
static int td(void **state)
{
	xs_reply_release(&rep);
	for (unsigned int d = 0; d < 8; d++)
		xs_conn_release(&conn[d]);
	xs_store_free(*state);
	return 0;
}

/* A test run on a fresh store. */
#define XS_TEST(f)	cmocka_unit_test_setup_teardown(f, setup, td)

/* Send @len bytes of @payload as @dom in transaction @tx (0: none). */
static void req_tx(struct xs_store *s, uint32_t dom, uint32_t tx,
		   uint32_t type, const void *payload, uint32_t len)
{
	xs_reply_release(&rep);
	memset(&rep, 0xa5, sizeof(rep));	/* xs_handle sets it all */
	xs_handle(s, &conn[dom], tx, type, payload, len, &rep);
}

static inline void req(struct xs_store *s, uint32_t dom, uint32_t type,
		       const void *payload, uint32_t len)
{
	req_tx(s, dom, 0, type, payload, len);
}

/* XS_ERROR @name, and nothing reported changed. */
static inline void expect_error(const char *name)
{
	assert_int_equal(rep.type, XS_ERROR);
	assert_int_equal(rep.len, strlen(name) + 1);
	assert_string_equal(rep.data, name);
	assert_int_equal(rep.nr_changed, 0);
	assert_null(rep.changed);
}

static inline void expect_ok(uint32_t type)
{
	assert_int_equal(rep.type, type);
	assert_int_equal(rep.len, 3);
	assert_string_equal(rep.data, "OK");
}

#endif
