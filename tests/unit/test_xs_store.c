// SPDX-License-Identifier: GPL-2.0
/*
 * tools/xenstored/store.c: guest paths made canonical or refused, values
 * read back, Xen's permissions and ownership of new nodes, the per-domain
 * node quota, recursive removal, and which watches a change fires.
 */
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>
#include <xen/io/xs_wire.h>
#include "unit.h"

#include "store.h"

static int setup(void **state)
{
	*state = xs_store_new();
	return *state ? 0 : -1;
}

static int td(void **state)
{
	xs_store_free(*state);
	return 0;
}

static const char *const bad[] = {
	"", "/a//b", "/a/", "a/", "/a b", "/a/../b", "/a@b", "/a\n",
};

static void test_paths(void **state)
{
	char out[XENSTORE_ABS_PATH_MAX + 1], big[XENSTORE_ABS_PATH_MAX + 8];

	(void)state;
	assert_int_equal(xs_path_canonical(3, "memory/target", out,
					   sizeof(out)), 0);
	assert_string_equal(out, "/local/domain/3/memory/target");
	assert_int_equal(xs_path_canonical(3, "/vm/x-y_z", out, sizeof(out)),
			 0);
	assert_string_equal(out, "/vm/x-y_z");
	assert_int_equal(xs_path_canonical(3, "/", out, sizeof(out)), 0);
	assert_int_equal(xs_path_canonical(3, "@releaseDomain", out,
					   sizeof(out)), 0);
	/* What Xen refuses. */
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (xs_path_canonical(3, bad[i], out, sizeof(out)) != -EINVAL)
			fail_fmt("path \"%s\" accepted", bad[i]);
	memset(big, 'a', sizeof(big) - 1);
	big[0] = '/';
	big[sizeof(big) - 1] = '\0';
	assert_int_equal(xs_path_canonical(3, big, out, sizeof(out)),
			 -EINVAL);
	/* Relative: the limit is the relative one, and the result fits. */
	big[XENSTORE_REL_PATH_MAX + 2] = '\0';
	assert_int_equal(xs_path_canonical(3, big + 1, out, sizeof(out)),
			 -EINVAL);
	big[XENSTORE_REL_PATH_MAX + 1] = '\0';
	assert_int_equal(xs_path_canonical(3, big + 1, out, sizeof(out)), 0);
	/* An output buffer too small is a refusal, never a cut path. */
	assert_int_equal(xs_path_canonical(3, "abc", out, 10), -EINVAL);
}

static void test_write_read_directory(void **state)
{
	struct xs_store *s = *state;
	char buf[64];

	assert_int_equal(xs_write(s, 0, "/local/domain/3/name", "ev", 2), 0);
	assert_int_equal(xs_write(s, 0, "/local/domain/3/memory/target",
				  "16384", 5), 0);
	assert_int_equal(xs_read(s, 0, "/local/domain/3/name", buf,
				 sizeof(buf)), 2);
	assert_memory_equal(buf, "ev", 2);
	/* Parents exist, with an empty value. */
	assert_int_equal(xs_read(s, 0, "/local/domain/3", buf, sizeof(buf)),
			 0);
	assert_int_equal(xs_read(s, 0, "/local/domain/4", buf, sizeof(buf)),
			 -ENOENT);
	/* A short buffer gets the start; the length is the whole. */
	assert_int_equal(xs_read(s, 0, "/local/domain/3/memory/target", buf,
				 2), 5);
	assert_memory_equal(buf, "16", 2);
	assert_int_equal(xs_directory(s, 0, "/local/domain/3", buf,
				      sizeof(buf)), 12);
	assert_true((!memcmp(buf, "memory\0name\0", 12)) ||
		    (!memcmp(buf, "name\0memory\0", 12)));
	assert_int_equal(xs_directory(s, 0, "/local/domain/3", buf, 3), 12);
	/* Overwrite, and values with NUL bytes. */
	assert_int_equal(xs_write(s, 0, "/local/domain/3/name", "a\0b", 3),
			 0);
	assert_int_equal(xs_read(s, 0, "/local/domain/3/name", buf,
				 sizeof(buf)), 3);
	assert_memory_equal(buf, "a\0b", 3);
	assert_int_equal(xs_write(s, 0, "/empty", NULL, 0), 0);
	assert_int_equal(xs_read(s, 0, "/empty", buf, sizeof(buf)), 0);
	assert_int_equal(xs_write(s, 0, "/", "x", 1), -EINVAL);
	assert_int_equal(xs_write(s, 0, "relative", "x", 1), -EINVAL);
	assert_int_equal(xs_write(s, 0, "/big", buf,
				  XENSTORE_PAYLOAD_MAX + 1), -ENOSPC);
}

/* Dom0 makes /local/domain/3 and hands it to domain 3, as the builder. */
static void give(struct xs_store *s, uint32_t dom, const char *path)
{
	struct xs_perms p = { .owner = dom, .other = XS_PERM_NONE };

	assert_int_equal(xs_mkdir(s, 0, path), 0);
	assert_int_equal(xs_set_perms(s, 0, path, &p), 0);
}

static void test_permissions(void **state)
{
	struct xs_store *s = *state;
	struct xs_perms p;
	char buf[16];

	give(s, 3, "/local/domain/3");
	give(s, 4, "/local/domain/4");
	/* A guest writes under its own home, owning what it creates. */
	assert_int_equal(xs_write(s, 3, "/local/domain/3/data/x", "1", 1), 0);
	assert_int_equal(xs_get_perms(s, 3, "/local/domain/3/data/x", &p), 0);
	assert_int_equal(p.owner, 3);
	/* Not elsewhere: another's home, the root, /local. */
	assert_int_equal(xs_write(s, 3, "/local/domain/4/x", "1", 1), -EACCES);
	assert_int_equal(xs_read(s, 3, "/local/domain/4", buf, sizeof(buf)),
			 -EACCES);
	assert_int_equal(xs_directory(s, 3, "/local/domain", buf,
				      sizeof(buf)), -EACCES);
	assert_int_equal(xs_write(s, 3, "/evil", "1", 1), -EACCES);
	assert_int_equal(xs_rm(s, 3, "/local/domain/4"), -EACCES);
	/* Read-only grant: domain 4 may read 3's node, not write it. */
	p = (struct xs_perms){ .owner = 3, .other = XS_PERM_NONE, .nr = 1,
			       .dom = { 4 }, .perm = { XS_PERM_READ } };
	assert_int_equal(xs_set_perms(s, 3, "/local/domain/3/data/x", &p), 0);
	assert_int_equal(xs_read(s, 4, "/local/domain/3/data/x", buf,
				 sizeof(buf)), 1);
	assert_int_equal(xs_write(s, 4, "/local/domain/3/data/x", "2", 1),
			 -EACCES);
	/* A guest cannot give its node away, nor touch others' perms. */
	p.owner = 4;
	assert_int_equal(xs_set_perms(s, 3, "/local/domain/3/data/x", &p),
			 -EACCES);
	assert_int_equal(xs_set_perms(s, 4, "/local/domain/3/data/x", &p),
			 -EACCES);
	/* Garbage permission values are refused. */
	p = (struct xs_perms){ .owner = 3, .other = 7 };
	assert_int_equal(xs_set_perms(s, 3, "/local/domain/3/data/x", &p),
			 -EINVAL);
	p = (struct xs_perms){ .owner = 3, .nr = XS_MAX_ACL + 1 };
	assert_int_equal(xs_set_perms(s, 3, "/local/domain/3/data/x", &p),
			 -EINVAL);
	/* Dom0 can do anything. */
	assert_int_equal(xs_read(s, 0, "/local/domain/3/data/x", buf,
				 sizeof(buf)), 1);
}

static void test_quota(void **state)
{
	struct xs_store *s = *state;
	char path[64];
	unsigned int i;
	int rc = 0;

	give(s, 5, "/local/domain/5");
	for (i = 0; i < 2000 && !rc; i++) {
		snprintf(path, sizeof(path), "/local/domain/5/n%u", i);
		rc = xs_write(s, 5, path, "x", 1);
	}
	assert_int_equal(rc, -ENOSPC);
	assert_true(xs_nodes_owned(s, 5) <= 1000);
	assert_true(xs_nodes_owned(s, 5) >= 999);
	/* A path of several new nodes counts them all. */
	assert_int_equal(xs_write(s, 5, "/local/domain/5/a/b/c", "x", 1),
			 -ENOSPC);
	/* Dom0 is not limited. */
	assert_int_equal(xs_write(s, 0, "/local/domain/5/dom0", "x", 1), 0);
}

static void test_rm_recursive(void **state)
{
	struct xs_store *s = *state;
	char buf[8];

	give(s, 3, "/local/domain/3");
	assert_int_equal(xs_write(s, 3, "/local/domain/3/a/b/c", "1", 1), 0);
	assert_int_equal(xs_write(s, 3, "/local/domain/3/a/d", "2", 1), 0);
	assert_int_equal(xs_rm(s, 3, "/local/domain/3/a"), 0);
	assert_int_equal(xs_read(s, 3, "/local/domain/3/a/d", buf,
				 sizeof(buf)), -ENOENT);
	/* Gone already: done if the parent is there (Xen), else ENOENT. */
	assert_int_equal(xs_rm(s, 3, "/local/domain/3/a"), 0);
	assert_int_equal(xs_rm(s, 3, "/local/domain/3/a/b"), -ENOENT);
	assert_int_equal(xs_rm(s, 3, "/local/domain/3/a/b/c"), -ENOENT);
	assert_int_equal(xs_rm(s, 0, "/"), -EINVAL);
	assert_int_equal(xs_nodes_owned(s, 3), 1);
	/* Destroying a domain: Dom0 removes its home. */
	assert_int_equal(xs_rm(s, 0, "/local/domain/3"), 0);
	assert_int_equal(xs_nodes_owned(s, 3), 0);
}

static void test_watch_match(void **state)
{
	(void)state;
	assert_true(xs_watch_matches("/local/domain/3",
				     "/local/domain/3"));
	assert_true(xs_watch_matches("/local/domain/3",
				     "/local/domain/3/memory/target"));
	assert_false(xs_watch_matches("/local/domain/3",
				      "/local/domain/30"));
	assert_false(xs_watch_matches("/local/domain/3/memory",
				      "/local/domain/3"));
	assert_true(xs_watch_matches("/", "/anything/at/all"));
	assert_true(xs_watch_matches("@releaseDomain", "@releaseDomain"));
	assert_false(xs_watch_matches("@releaseDomain", "@introduceDomain"));
	assert_false(xs_watch_matches("@releaseDomain", "/local"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_paths),
		cmocka_unit_test_setup_teardown(test_write_read_directory,
						setup, td),
		cmocka_unit_test_setup_teardown(test_permissions, setup, td),
		cmocka_unit_test_setup_teardown(test_quota, setup, td),
		cmocka_unit_test_setup_teardown(test_rm_recursive, setup, td),
		cmocka_unit_test(test_watch_match),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
