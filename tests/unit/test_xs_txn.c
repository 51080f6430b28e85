// SPDX-License-Identifier: GPL-2.0
/*
 * tools/xenstored/txn.c through xs_handle(): a transaction sees its own
 * changes and nobody else does until it commits; a commit lists what
 * changed (for watches) or, after any other change, answers EAGAIN and
 * applies nothing; an abort drops everything; Xen's limits (10 open per
 * connection, node quota in the copy, 1024 changed paths for a guest)
 * and answers to hostile headers and payloads.  Leaks show as
 * LeakSanitizer failures of the whole binary.
 */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "unit.h"

#include "wire.h"
#include "xs_fixture.h"

/* Xen's defaults: txn.h has them too, but a wrong one there must fail. */
#define TXN_MAX		10
#define CHANGES_MAX	1024

static void must_succeed(uint32_t type)
{
	if (rep.type != type)
		fail_fmt("type %u, \"%.*s\"", rep.type, (int)rep.len,
			 rep.data);
}

/* A new transaction of @dom: its id, checked to be decimal and nonzero. */
static uint32_t start(struct xs_store *s, uint32_t dom)
{
	char *end;
	unsigned long id;

	req_tx(s, dom, 0, XS_TRANSACTION_START, "", 1);
	must_succeed(XS_TRANSACTION_START);
	assert_int_equal(rep.len, strlen(rep.data) + 1);
	id = strtoul(rep.data, &end, 10);
	assert_true(rep.data[0] >= '1' && rep.data[0] <= '9' && !*end);
	assert_true(id <= UINT32_MAX);
	return (uint32_t)id;
}

static void end(struct xs_store *s, uint32_t dom, uint32_t tx, bool commit)
{
	req_tx(s, dom, tx, XS_TRANSACTION_END, commit ? "T" : "F", 2);
}

/* Write @val (a string, without its NUL) at @path. */
static void put(struct xs_store *s, uint32_t dom, uint32_t tx,
		const char *path, const char *val)
{
	char buf[256];
	size_t pl = strlen(path) + 1, vl = strlen(val);

	assert_true(pl + vl <= sizeof(buf));
	memcpy(buf, path, pl);
	memcpy(buf + pl, val, vl);
	req_tx(s, dom, tx, XS_WRITE, buf, (uint32_t)(pl + vl));
}

/* One-argument requests: the argument and its NUL. */
static void path_req(struct xs_store *s, uint32_t dom, uint32_t tx,
		     uint32_t type, const char *path)
{
	req_tx(s, dom, tx, type, path, (uint32_t)strlen(path) + 1);
}

/* @path reads as @val, in @tx. */
static void reads(struct xs_store *s, uint32_t dom, uint32_t tx,
		  const char *path, const char *val)
{
	path_req(s, dom, tx, XS_READ, path);
	must_succeed(XS_READ);
	assert_int_equal(rep.len, strlen(val));
	assert_memory_equal(rep.data, val, rep.len);
}

/* The reply lists @path among its changes, a removal or not. */
static bool lists(const char *path, bool removed)
{
	for (unsigned int i = 0; i < rep.nr_changed; i++)
		if (!strcmp(rep.changed[i], path))
			return rep.removed[i] == removed;
	return false;
}

static void test_commit(void **state)
{
	struct xs_store *s = *state;
	uint32_t t = start(s, 3);

	put(s, 3, t, "data/a", "1");
	must_succeed(XS_WRITE);
	assert_int_equal(rep.nr_changed, 0);	/* nothing fires yet */
	put(s, 3, t, "data/a", "2");
	put(s, 3, t, "data/b", "3");
	path_req(s, 3, t, XS_RM, "data/b");
	must_succeed(XS_RM);
	path_req(s, 3, t, XS_MKDIR, "data");	/* exists: no change */
	/* The transaction sees its writes; outside, nothing happened. */
	reads(s, 3, t, "data/a", "2");
	path_req(s, 3, 0, XS_READ, "data/a");
	expect_error("ENOENT");
	path_req(s, 0, 0, XS_DIRECTORY, "/local/domain/3");
	must_succeed(XS_DIRECTORY);
	assert_int_equal(rep.len, 0);
	end(s, 3, t, true);
	expect_ok(XS_TRANSACTION_END);
	/* Each changed path once, the removal marked; not the mkdir. */
	assert_int_equal(rep.nr_changed, 2);
	assert_true(lists("/local/domain/3/data/a", false));
	assert_true(lists("/local/domain/3/data/b", true));
	reads(s, 0, 0, "/local/domain/3/data/a", "2");
	path_req(s, 3, 0, XS_READ, "data/b");
	expect_error("ENOENT");
	/* The id is gone. */
	reads(s, 3, 0, "data/a", "2");
	path_req(s, 3, t, XS_READ, "data/a");
	expect_error("ENOENT");
}

static void test_conflict(void **state)
{
	struct xs_store *s = *state;
	uint32_t t = start(s, 3), u;
	uint64_t gen;

	put(s, 3, t, "mine", "tx");
	put(s, 0, 0, "/local/domain/3/other", "dom0");	/* meanwhile */
	must_succeed(XS_WRITE);
	end(s, 3, t, true);
	expect_error("EAGAIN");
	path_req(s, 3, 0, XS_READ, "mine");
	expect_error("ENOENT");
	reads(s, 3, 0, "other", "dom0");
	end(s, 3, t, true);		/* gone after EAGAIN too */
	expect_error("ENOENT");
	/* Another transaction's commit conflicts as well ... */
	t = start(s, 3);
	u = start(s, 0);
	put(s, 0, u, "/local/domain/3/x", "u");
	put(s, 3, t, "y", "t");
	end(s, 0, u, true);
	expect_ok(XS_TRANSACTION_END);
	end(s, 3, t, true);
	expect_error("EAGAIN");
	/* ... but one that changed nothing does not move the store. */
	t = start(s, 3);
	u = start(s, 0);
	gen = xs_store_generation(s);
	reads(s, 0, u, "/local/domain/3/x", "u");
	end(s, 0, u, true);
	expect_ok(XS_TRANSACTION_END);
	assert_int_equal(rep.nr_changed, 0);
	assert_true(xs_store_generation(s) == gen);
	put(s, 3, t, "y", "t");
	end(s, 3, t, true);
	expect_ok(XS_TRANSACTION_END);
	assert_true(xs_store_generation(s) != gen);
	reads(s, 3, 0, "y", "t");
}

static void test_abort(void **state)
{
	struct xs_store *s = *state;
	uint32_t t = start(s, 3);
	uint64_t gen = xs_store_generation(s);

	put(s, 3, t, "a", "1");
	path_req(s, 3, t, XS_RM, "/local/domain/3");
	must_succeed(XS_RM);
	end(s, 3, t, false);
	expect_ok(XS_TRANSACTION_END);
	assert_int_equal(rep.nr_changed, 0);
	assert_true(xs_store_generation(s) == gen);
	path_req(s, 3, 0, XS_READ, "a");
	expect_error("ENOENT");
	reads(s, 3, 0, "/local/domain/3", "");
	end(s, 3, t, false);
	expect_error("ENOENT");
}

/* Ten open per connection, ids distinct; ENOSPC after, as Xen. */
static void test_limit(void **state)
{
	struct xs_store *s = *state;
	uint32_t ids[TXN_MAX];

	for (unsigned int i = 0; i < TXN_MAX; i++) {
		ids[i] = start(s, 3);
		for (unsigned int j = 0; j < i; j++)
			assert_true(ids[i] != ids[j]);
	}
	req_tx(s, 3, 0, XS_TRANSACTION_START, "", 1);
	expect_error("ENOSPC");
	assert_int_equal(conn[3].nr_txns, TXN_MAX);
	/* Another connection has its own ten; one closed frees a place. */
	start(s, 0);
	end(s, 3, ids[4], false);
	expect_ok(XS_TRANSACTION_END);
	start(s, 3);
	req_tx(s, 3, 0, XS_TRANSACTION_START, "", 1);
	expect_error("ENOSPC");
}

/* Ids wrap past 0 and skip those still open. */
static void test_ids(void **state)
{
	struct xs_store *s = *state;
	uint32_t first = start(s, 3);

	assert_int_equal(first, 1);
	conn[3].last_tx_id = UINT32_MAX - 1;
	assert_true(start(s, 3) == UINT32_MAX);
	assert_int_equal(start(s, 3), 2);	/* not 0, not 1 (open) */
	/* Ids are per connection: domain 4 cannot use 3's. */
	path_req(s, 4, first, XS_READ, "/local/domain/3");
	expect_error("ENOENT");
}

static void test_bad_end(void **state)
{
	struct xs_store *s = *state;
	static const struct {
		const char *p;
		uint32_t len;
	} bad[] = {
		{ "", 0 }, { "", 1 }, { "T", 1 }, { "F", 1 }, { "X", 2 },
		{ "t", 2 }, { "TT", 3 }, { "T\0garbage", 10 }, { "F\0", 3 },
	};
	uint32_t t = start(s, 3);

	put(s, 3, t, "kept", "1");
	/* Refused before the id is looked at; the transaction stays. */
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		req_tx(s, 3, t, XS_TRANSACTION_END, bad[i].p, bad[i].len);
		if (rep.type != XS_ERROR || strcmp(rep.data, "EINVAL"))
			fail_fmt("END payload %zu accepted", i);
		req_tx(s, 3, 0, XS_TRANSACTION_END, bad[i].p, bad[i].len);
		expect_error("EINVAL");
	}
	reads(s, 3, t, "kept", "1");
	/* No transaction, or one not open. */
	end(s, 3, 0, true);
	expect_error("ENOENT");
	end(s, 3, t + 1, false);
	expect_error("ENOENT");
	/* No nesting: Xen's EBUSY; an unknown id first is ENOENT. */
	req_tx(s, 3, t, XS_TRANSACTION_START, "", 1);
	expect_error("EBUSY");
	req_tx(s, 3, 0xffffffff, XS_TRANSACTION_START, "", 1);
	expect_error("ENOENT");
	end(s, 3, t, true);
	expect_ok(XS_TRANSACTION_END);
	reads(s, 3, 0, "kept", "1");
}

static void test_hostile(void **state)
{
	struct xs_store *s = *state;
	static const uint32_t ids[] = { 0xffffffff, 0x80000000, 12345, 2 };
	uint32_t t = start(s, 3);

	for (size_t i = 0; i < sizeof(ids) / sizeof(ids[0]); i++) {
		put(s, 3, ids[i], "a", "1");
		expect_error("ENOENT");
		path_req(s, 3, ids[i], XS_READ, "a");
		expect_error("ENOENT");
	}
	/* Watches and domain paths ignore the id, as Xen. */
	req_tx(s, 3, 0xffffffff, XS_WATCH, "a\0tok", 6);
	must_succeed(XS_WATCH);
	req_tx(s, 3, 0xffffffff, XS_GET_DOMAIN_PATH, "3", 2);
	must_succeed(XS_GET_DOMAIN_PATH);
	/* Inside: the same argument checks and permissions as outside. */
	req_tx(s, 3, t, XS_WRITE, "nonul", 5);
	expect_error("EINVAL");
	req_tx(s, 3, t, XS_READ, "a", 1);
	expect_error("EINVAL");
	put(s, 3, t, "/local/domain/4/x", "1");
	expect_error("EACCES");
	put(s, 3, t, "/evil", "1");
	expect_error("EACCES");
	path_req(s, 3, t, XS_RM, "/");
	expect_error("EINVAL");
	/* START's payload is not looked at, as Xen. */
	req_tx(s, 3, 0, XS_TRANSACTION_START, "junk", 4);
	must_succeed(XS_TRANSACTION_START);
	end(s, 3, t, true);
	expect_ok(XS_TRANSACTION_END);
	assert_int_equal(rep.nr_changed, 0);
}

/* The guest's 1000 nodes hold inside the copy too. */
static void test_node_quota(void **state)
{
	struct xs_store *s = *state;
	uint32_t t = start(s, 3);
	char name[16];

	for (unsigned int i = 1; i < 1000; i++) {
		snprintf(name, sizeof(name), "n%u", i);
		path_req(s, 3, t, XS_MKDIR, name);
		must_succeed(XS_MKDIR);
	}
	path_req(s, 3, t, XS_MKDIR, "more");
	expect_error("ENOSPC");
	assert_int_equal(xs_nodes_owned(s, 3), 1);
	end(s, 3, t, true);
	expect_ok(XS_TRANSACTION_END);
	assert_int_equal(rep.nr_changed, 999);
	assert_int_equal(xs_nodes_owned(s, 3), 1000);
}

/* A guest changes at most 1024 paths in one transaction; Dom0 more. */
static void test_changes_limit(void **state)
{
	struct xs_store *s = *state;
	uint32_t t = start(s, 3), u = start(s, 0);
	char path[40];

	for (unsigned int i = 0; i < CHANGES_MAX; i++) {
		snprintf(path, sizeof(path), "x%u", i);
		put(s, 3, t, path, "v");
		must_succeed(XS_WRITE);
		path_req(s, 3, t, XS_RM, path);
		must_succeed(XS_RM);
	}
	put(s, 3, t, "x0", "again");	/* already listed */
	must_succeed(XS_WRITE);
	put(s, 3, t, "one-more", "v");
	expect_error("ENOSPC");
	path_req(s, 3, t, XS_READ, "one-more");
	expect_error("ENOENT");
	for (unsigned int i = 0; i <= CHANGES_MAX; i++) {
		snprintf(path, sizeof(path), "/local/domain/3/y%u", i);
		put(s, 0, u, path, "v");
		must_succeed(XS_WRITE);
	}
	end(s, 3, t, true);
	expect_ok(XS_TRANSACTION_END);
	assert_int_equal(rep.nr_changed, CHANGES_MAX);
	assert_true(lists("/local/domain/3/x1", true));
	assert_true(lists("/local/domain/3/x0", true));	/* removed once */
	reads(s, 3, 0, "x0", "again");
	end(s, 0, u, false);
	expect_ok(XS_TRANSACTION_END);
}

/* Closing a connection frees its transactions (LeakSanitizer checks). */
static void test_release(void **state)
{
	struct xs_store *s = *state;
	uint32_t t = start(s, 3);

	put(s, 3, t, "a", "1");
	put(s, 3, start(s, 3), "b", "2");
	start(s, 3);
	req_tx(s, 3, 0, XS_WATCH, "a\0tok", 6);
	xs_conn_release(&conn[3]);
	assert_null(conn[3].txns);
	assert_int_equal(conn[3].nr_txns, 0);
	assert_null(conn[3].watches);
	assert_int_equal(conn[3].nr_watches, 0);
	path_req(s, 3, t, XS_READ, "a");
	expect_error("ENOENT");
	/* And the connection can go on. */
	t = start(s, 3);
	put(s, 3, t, "c", "3");
	end(s, 3, t, true);
	expect_ok(XS_TRANSACTION_END);
	reads(s, 3, 0, "c", "3");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		XS_TEST(test_commit),
		XS_TEST(test_conflict),
		XS_TEST(test_abort),
		XS_TEST(test_limit),
		XS_TEST(test_ids),
		XS_TEST(test_bad_end),
		XS_TEST(test_hostile),
		XS_TEST(test_node_quota),
		XS_TEST(test_changes_limit),
		XS_TEST(test_release),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
