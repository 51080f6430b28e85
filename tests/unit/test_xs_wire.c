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
	xs_store_free(*state);
	return 0;
}

/* Send @len bytes of @payload as @dom; the reply is in rep. */
static void req(struct xs_store *s, uint32_t dom, uint32_t type,
		const char *payload, uint32_t len)
{
	memset(&rep, 0xa5, sizeof(rep));
	xs_handle(s, dom, type, payload, len, &rep);
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
	req(s, 3, XS_WATCH, "a\0tok", 6);
	expect_error("ENOSYS");
	req(s, 3, 0xffff, "a", 2);
	expect_error("ENOSYS");
	/* Over the protocol's payload limit. */
	memset(big, 'a', sizeof(big));
	req(s, 3, XS_WRITE, big, sizeof(big));
	expect_error("E2BIG");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_guest_session, setup, td),
		cmocka_unit_test_setup_teardown(test_hostile, setup, td),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
