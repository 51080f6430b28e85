// SPDX-License-Identifier: GPL-2.0
/*
 * tools/xenstored/wire.c: requests as a guest's kernel sends them answered
 * from the store, and hostile payloads (arguments running off the end,
 * bad paths, bad permission strings, unknown types) answered with the
 * XS_ERROR Xen would give, never a crash; the nodes a change reports for
 * watches, and which watches a removal fires.  Transactions:
 * test_xs_txn.c.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>
#include "unit.h"

#include "wire.h"
#include "xs_fixture.h"

/* The reply reports one changed node, @path, a removal or not. */
static void expect_changed(const char *path, bool removed)
{
	assert_int_equal(rep.nr_changed, 1);
	assert_string_equal(rep.changed[0], path);
	assert_non_null(rep.removed);
	assert_int_equal(rep.removed[0], removed);
}

static void test_guest_session(void **state)
{
	struct xs_store *s = *state;

	/* Relative paths are the guest's home. */
	req(s, 3, XS_WRITE, "device/x\0hello", 14);
	expect_ok(XS_WRITE);
	expect_changed("/local/domain/3/device/x", false);
	req(s, 3, XS_READ, "/local/domain/3/device/x", 25);
	assert_int_equal(rep.type, XS_READ);
	assert_int_equal(rep.len, 5);
	assert_memory_equal(rep.data, "hello", 5);
	assert_int_equal(rep.nr_changed, 0);
	req(s, 3, XS_DIRECTORY, "device", 7);
	assert_int_equal(rep.len, 2);
	assert_string_equal(rep.data, "x");
	req(s, 3, XS_MKDIR, "control", 8);
	expect_ok(XS_MKDIR);
	expect_changed("/local/domain/3/control", false);
	/* Again: it exists, nothing changes, no watch fires (as Xen). */
	req(s, 3, XS_MKDIR, "control", 8);
	expect_ok(XS_MKDIR);
	assert_int_equal(rep.nr_changed, 0);
	req(s, 3, XS_GET_PERMS, "device/x", 9);
	assert_int_equal(rep.type, XS_GET_PERMS);
	assert_int_equal(rep.len, 3);
	assert_string_equal(rep.data, "n3");
	req(s, 3, XS_SET_PERMS, "device/x\0n3\0r0\0", 15);
	expect_ok(XS_SET_PERMS);
	expect_changed("/local/domain/3/device/x", false);
	req(s, 3, XS_GET_PERMS, "device/x", 9);
	assert_int_equal(rep.len, 6);
	assert_memory_equal(rep.data, "n3\0r0", 6);
	req(s, 3, XS_RM, "device", 7);
	expect_ok(XS_RM);
	expect_changed("/local/domain/3/device", true);
	req(s, 3, XS_READ, "device/x", 9);
	expect_error("ENOENT");
	req(s, 3, XS_GET_DOMAIN_PATH, "7", 2);
	assert_int_equal(rep.type, XS_GET_DOMAIN_PATH);
	assert_string_equal(rep.data, "/local/domain/7");
	assert_int_equal(rep.len, strlen("/local/domain/7") + 1);
}

static void test_hostile(void **state)
{
	struct xs_store *s = *state;
	static char big[XENSTORE_PAYLOAD_MAX + 2];

	/* Path not terminated inside the payload. */
	req(s, 3, XS_READ, "device/xAAAA", 8);
	expect_error("EINVAL");
	req(s, 3, XS_READ, "", 0);
	expect_error("EINVAL");
	req(s, 3, XS_WRITE, "nonul", 5);
	expect_error("EINVAL");
	/* Bad paths, and "@" names outside watches. */
	req(s, 3, XS_WRITE, "a//b\0x", 6);
	expect_error("EINVAL");
	req(s, 3, XS_READ, "@releaseDomain", 15);
	expect_error("EINVAL");
	/* Someone else's node, and the root. */
	req(s, 3, XS_WRITE, "/local/domain/4/x\0v", 19);
	expect_error("EACCES");
	req(s, 3, XS_RM, "/", 2);
	expect_error("EINVAL");
	/* Permission strings: letters, numbers, too many entries. */
	req(s, 3, XS_MKDIR, "p", 2);
	req(s, 3, XS_SET_PERMS, "p\0x3", 5);
	expect_error("EINVAL");
	req(s, 3, XS_SET_PERMS, "p\0n", 4);
	expect_error("EINVAL");
	req(s, 3, XS_SET_PERMS, "p\0n3x", 6);
	expect_error("EINVAL");
	req(s, 3, XS_SET_PERMS, "p\0n99999999999", 15);
	expect_error("EINVAL");
	req(s, 3, XS_SET_PERMS, "p\0n3\0r1\0r2\0r4\0r5\0r6\0r7\0r8\0r9\0r10",
	    34);
	expect_error("EINVAL");
	req(s, 3, XS_SET_PERMS, "p", 2);
	expect_error("EINVAL");
	/* Giving a node away is Dom0's. */
	req(s, 3, XS_SET_PERMS, "p\0n4", 5);
	expect_error("EACCES");
	/* Domain paths: digits only. */
	req(s, 3, XS_GET_DOMAIN_PATH, "x", 2);
	expect_error("EINVAL");
	req(s, 3, XS_GET_DOMAIN_PATH, "", 1);
	expect_error("EINVAL");
	req(s, 3, XS_GET_DOMAIN_PATH, "12345678", 9);
	expect_error("EINVAL");
	/* Not implemented, or not a request at all. */
	req(s, 3, XS_DIRECTORY_PART, "a\0" "0", 4);
	expect_error("ENOSYS");
	/* Watches: token must end inside, and no twins. */
	req(s, 3, XS_WATCH, "a\0tok", 5);
	expect_error("EINVAL");
	req(s, 3, XS_WATCH, "a//b\0tok", 9);
	expect_error("EINVAL");
	req(s, 3, XS_WATCH, "a\0tok", 6);
	expect_ok(XS_WATCH);
	req(s, 3, XS_WATCH, "a\0tok", 6);
	expect_error("EEXIST");
	req(s, 3, XS_UNWATCH, "a\0other", 8);
	expect_error("ENOENT");
	req(s, 3, 0xffff, "a", 2);
	expect_error("ENOSYS");
	/* Over the protocol's payload limit. */
	memset(big, 'a', sizeof(big));
	req(s, 3, XS_WRITE, big, sizeof(big));
	expect_error("E2BIG");
}

struct events {
	unsigned int nr;
	char path[4][64], token[4][16];
};

static void record(void *ctx, const char *path, const char *token)
{
	struct events *e = ctx;

	assert_true(e->nr < 4);
	snprintf(e->path[e->nr], sizeof(e->path[0]), "%s", path);
	snprintf(e->token[e->nr++], sizeof(e->token[0]), "%s", token);
}

/* The balloon driver's watch on memory/target, and Dom0's on a home. */
static void test_watch_events(void **state)
{
	struct xs_store *s = *state;
	struct events e = { 0 };

	req(s, 3, XS_WATCH, "memory/target\0bal", 18);
	expect_ok(XS_WATCH);
	req(s, 0, XS_WATCH, "/local/domain/3\0home", 21);
	expect_ok(XS_WATCH);
	req(s, 0, XS_WATCH, "@releaseDomain\0rel", 19);
	expect_ok(XS_WATCH);
	/* Dom0 sets the target: both fire, each seeing its own form. */
	req(s, 0, XS_WRITE, "/local/domain/3/memory/target\0" "8192", 35);
	expect_ok(XS_WRITE);
	expect_changed("/local/domain/3/memory/target", false);
	assert_int_equal(xs_watch_fire(&conn[3], rep.changed[0], record, &e),
			 1);
	assert_string_equal(e.path[0], "memory/target");
	assert_string_equal(e.token[0], "bal");
	assert_int_equal(xs_watch_fire(&conn[0], rep.changed[0], record, &e),
			 1);
	assert_string_equal(e.path[1], "/local/domain/3/memory/target");
	assert_string_equal(e.token[1], "home");
	/* Elsewhere: nothing; the special name: only its watcher. */
	assert_int_equal(xs_watch_fire(&conn[3], "/local/domain/30/memory",
				       record, &e), 0);
	assert_int_equal(xs_watch_fire(&conn[0], "@releaseDomain", record,
				       &e), 1);
	assert_int_equal(xs_watch_fire(&conn[3], "@releaseDomain", record,
				       &e), 0);
	/* Unwatched, it fires no more. */
	req(s, 3, XS_UNWATCH, "memory/target\0bal", 18);
	expect_ok(XS_UNWATCH);
	assert_int_equal(xs_watch_fire(&conn[3],
				       "/local/domain/3/memory/target",
				       record, &e), 0);
}

/* Whether @e holds an event for @path with @token. */
static bool has_event(const struct events *e, const char *path,
		      const char *token)
{
	for (unsigned int i = 0; i < e->nr; i++)
		if (!strcmp(e->path[i], path) && !strcmp(e->token[i], token))
			return true;
	return false;
}

/*
 * Removing a node fires the watches on it and above it with its path,
 * and those below it with their own (xenstore.txt), even on a node that
 * never existed (watches may fire spuriously); not a sibling's.
 */
static void test_rm_fires_below(void **state)
{
	static const struct {
		uint32_t dom;
		const char *path, *token;
	} watches[] = {
		{ 3, "device/vif/0/state", "be" },
		{ 0, "/local/domain/3/device/vif", "node" },
		{ 0, "/local/domain/3", "home" },
		{ 0, "/local/domain/3/device/vif0", "sib" },
		{ 0, "/local/domain/3/device/vif/7", "new" },
	};
	struct xs_store *s = *state;
	struct events e = { 0 };
	char buf[64];

	req(s, 3, XS_WRITE, "device/vif/0/state\0" "4", 20);
	expect_ok(XS_WRITE);
	for (size_t i = 0; i < sizeof(watches) / sizeof(watches[0]); i++) {
		int n = snprintf(buf, sizeof(buf), "%s%c%s", watches[i].path,
				 '\0', watches[i].token);

		req(s, watches[i].dom, XS_WATCH, buf, (uint32_t)n + 1);
		expect_ok(XS_WATCH);
	}
	req(s, 3, XS_RM, "device/vif", 11);
	expect_ok(XS_RM);
	expect_changed("/local/domain/3/device/vif", true);
	/* As a plain change: only the node and above. */
	assert_int_equal(xs_watch_fire(&conn[3], rep.changed[0], record, &e),
			 0);
	assert_int_equal(xs_watch_fire(&conn[0], rep.changed[0], record, &e),
			 2);
	assert_true(has_event(&e, "/local/domain/3/device/vif", "node"));
	assert_true(has_event(&e, "/local/domain/3/device/vif", "home"));
	/* As the removal it is: below too, each with its watch's path. */
	e.nr = 0;
	assert_int_equal(xs_watch_fire_removed(&conn[3], rep.changed[0],
					       record, &e), 1);
	assert_string_equal(e.path[0], "device/vif/0/state");
	assert_string_equal(e.token[0], "be");
	e.nr = 0;
	assert_int_equal(xs_watch_fire_removed(&conn[0], rep.changed[0],
					       record, &e), 3);
	assert_true(has_event(&e, "/local/domain/3/device/vif", "node"));
	assert_true(has_event(&e, "/local/domain/3/device/vif", "home"));
	assert_true(has_event(&e, "/local/domain/3/device/vif/7", "new"));
	/*
	 * Removing what is not there changes nothing: done if its parent is
	 * there (as Xen), ENOENT if not.
	 */
	req(s, 3, XS_RM, "device/vif", 11);
	expect_ok(XS_RM);
	assert_int_equal(rep.nr_changed, 0);
	req(s, 3, XS_RM, "device/vif/0/state", 19);
	expect_error("ENOENT");
	/* The guest's home goes: its relative watch sees its own form. */
	req(s, 0, XS_RM, "/local/domain/3", 16);
	expect_changed("/local/domain/3", true);
	e.nr = 0;
	assert_int_equal(xs_watch_fire_removed(&conn[3], rep.changed[0],
					       record, &e), 1);
	assert_string_equal(e.path[0], "device/vif/0/state");
}

static void test_watch_limits(void **state)
{
	struct xs_store *s = *state;
	char buf[64], tok[XS_WATCH_TOKEN_MAX + 8];
	unsigned int i;
	int n;

	for (i = 0; i < XS_WATCH_MAX; i++) {
		memset(buf, 0, sizeof(buf));
		n = snprintf(buf, sizeof(buf), "w%u", i);
		req(s, 3, XS_WATCH, buf, (uint32_t)n + 3);	/* token "" */
		expect_ok(XS_WATCH);
	}
	req(s, 3, XS_WATCH, "more\0", 6);
	expect_error("ENOSPC");
	memset(tok, 't', sizeof(tok));
	memcpy(tok, "x\0", 2);
	tok[sizeof(tok) - 1] = '\0';
	req(s, 4, XS_WATCH, tok, sizeof(tok));
	expect_error("E2BIG");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		XS_TEST(test_guest_session),
		XS_TEST(test_hostile),
		XS_TEST(test_watch_events),
		XS_TEST(test_rm_fires_below),
		XS_TEST(test_watch_limits),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
