// SPDX-License-Identifier: GPL-2.0
/*
 * tools/xenstored/wire.c: requests as a guest's kernel sends them answered
 * from the store, and hostile payloads (arguments running off the end,
 * bad paths, bad permission strings, unknown types) answered with the
 * XS_ERROR Xen would give, never a crash.
 */
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>
#include "unit.h"

#include "wire.h"

static struct xs_reply rep;
static struct xs_conn conn[8];

static int setup(void **state)
{
	struct xs_store *s = xs_store_new();
	struct xs_perms p = { .owner = 3 };

	if (!s || xs_mkdir(s, 0, "/local/domain/3") ||
	    xs_set_perms(s, 0, "/local/domain/3", &p))
		return -1;
	*state = s;
	return 0;
}

static int td(void **state)
{
	for (unsigned int i = 0; i < 8; i++)
		xs_watch_del_all(&conn[i]);
	xs_store_free(*state);
	return 0;
}

/* Send @len bytes of @payload as @dom; the reply is in rep. */
static void req(struct xs_store *s, uint32_t dom, uint32_t type,
		const char *payload, uint32_t len)
{
	memset(&rep, 0xa5, sizeof(rep));
	conn[dom].dom = dom;
	xs_handle(s, &conn[dom], type, payload, len, &rep);
}

static void expect_error(const char *name)
{
	assert_int_equal(rep.type, XS_ERROR);
	assert_int_equal(rep.len, strlen(name) + 1);
	assert_string_equal(rep.data, name);
	assert_string_equal(rep.changed, "");
}

static void expect_ok(uint32_t type)
{
	assert_int_equal(rep.type, type);
	assert_int_equal(rep.len, 3);
	assert_string_equal(rep.data, "OK");
}

static void test_guest_session(void **state)
{
	struct xs_store *s = *state;

	/* Relative paths are the guest's home. */
	req(s, 3, XS_WRITE, "device/x\0hello", 14);
	expect_ok(XS_WRITE);
	assert_string_equal(rep.changed, "/local/domain/3/device/x");
	req(s, 3, XS_READ, "/local/domain/3/device/x", 25);
	assert_int_equal(rep.type, XS_READ);
	assert_int_equal(rep.len, 5);
	assert_memory_equal(rep.data, "hello", 5);
	req(s, 3, XS_DIRECTORY, "device", 7);
	assert_int_equal(rep.len, 2);
	assert_string_equal(rep.data, "x");
	req(s, 3, XS_MKDIR, "control", 8);
	expect_ok(XS_MKDIR);
	req(s, 3, XS_GET_PERMS, "device/x", 9);
	assert_int_equal(rep.type, XS_GET_PERMS);
	assert_int_equal(rep.len, 3);
	assert_string_equal(rep.data, "n3");
	req(s, 3, XS_SET_PERMS, "device/x\0n3\0r0\0", 15);
	expect_ok(XS_SET_PERMS);
	req(s, 3, XS_GET_PERMS, "device/x", 9);
	assert_int_equal(rep.len, 6);
	assert_memory_equal(rep.data, "n3\0r0", 6);
	req(s, 3, XS_RM, "device", 7);
	expect_ok(XS_RM);
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
	/* Not implemented yet, or not a request at all. */
	req(s, 3, XS_TRANSACTION_START, "", 1);
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
	assert_int_equal(xs_watch_fire(&conn[3], rep.changed, record, &e), 1);
	assert_string_equal(e.path[0], "memory/target");
	assert_string_equal(e.token[0], "bal");
	assert_int_equal(xs_watch_fire(&conn[0], rep.changed, record, &e), 1);
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
		cmocka_unit_test_setup_teardown(test_guest_session, setup, td),
		cmocka_unit_test_setup_teardown(test_hostile, setup, td),
		cmocka_unit_test_setup_teardown(test_watch_events, setup, td),
		cmocka_unit_test_setup_teardown(test_watch_limits, setup, td),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
