// SPDX-License-Identifier: GPL-2.0
/*
 * xenlate xenstore-read PATH..., xenstore-write PATH VALUE...,
 * xenstore-rm PATH..., xenstore-ls [PATH]: the store as Dom0 sees it,
 * like Xen's tools of those names.  Nothing is started: without a
 * daemon there is no store.
 */
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "xs_client.h"

#define XL_XS_VALUE_MAX		4097	/* XENSTORE_PAYLOAD_MAX + NUL */

static int xl_xs_connect(const char *cmd, struct xl_xs **x)
{
	int err = xl_xs_open(x, false);

	if (err)
		return xl_error("%s: no xenstore daemon (" XSD_PROGRAM
				" starts with the first domain): %s", cmd,
				strerror(-err));
	return 0;
}

static int xl_xs_fail(const char *cmd, const char *path, int err)
{
	return xl_error("%s: %s: %s", cmd, path, strerror(-err));
}

static int xl_xs_print(struct xl_xs *x, const char *path)
{
	char v[XL_XS_VALUE_MAX];
	int err = xl_xs_read(x, path, v, sizeof(v));

	if (err >= 0)
		printf("%s\n", v);
	return err;
}

/* @op on each PATH argument, stopping at the first failure. */
static int xl_xs_each(int argc, char *argv[],
		      int (*op)(struct xl_xs *x, const char *path))
{
	struct xl_xs *x;
	int i, err, ret;

	if (argc < 2)
		return xl_usage_error(argv[0], "which path?");
	ret = xl_xs_connect(argv[0], &x);
	for (i = 1; !ret && i < argc; i++) {
		err = op(x, argv[i]);
		if (err < 0)
			ret = xl_xs_fail(argv[0], argv[i], err);
	}
	xl_xs_close(x);
	return ret;
}

static int xl_xs_read_run(int argc, char *argv[])
{
	return xl_xs_each(argc, argv, xl_xs_print);
}

static int xl_xs_rm_run(int argc, char *argv[])
{
	return xl_xs_each(argc, argv, xl_xs_rm);
}

static int xl_xs_write_run(int argc, char *argv[])
{
	struct xl_xs *x;
	int i, err, ret;

	if (argc < 3 || argc % 2 == 0)
		return xl_usage_error(argv[0], "expected PATH VALUE pairs");
	ret = xl_xs_connect(argv[0], &x);
	for (i = 1; !ret && i < argc; i += 2) {
		err = xl_xs_write(x, argv[i], argv[i + 1]);
		if (err < 0)
			ret = xl_xs_fail(argv[0], argv[i], err);
	}
	xl_xs_close(x);
	return ret;
}

/* @path and below, indented by @depth, as "name = \"value\"". */
static int xl_xs_ls(struct xl_xs *x, const char *path, int depth)
{
	char names[XL_XS_VALUE_MAX], v[XL_XS_VALUE_MAX];
	char child[3072];
	int n, err;

	n = xl_xs_directory(x, path, names, sizeof(names));
	if (n < 0)
		return n;
	for (int off = 0; off < n; off += (int)strlen(names + off) + 1) {
		const char *name = names + off;

		snprintf(child, sizeof(child), "%s/%s",
			 strcmp(path, "/") ? path : "", name);
		err = xl_xs_read(x, child, v, sizeof(v));
		printf("%*s%s = \"%s\"\n", depth * 1, "", name,
		       err < 0 ? "" : v);
		err = xl_xs_ls(x, child, depth + 1);
		if (err < 0)
			return err;
	}
	return 0;
}

static int xl_xs_ls_run(int argc, char *argv[])
{
	const char *path = argc > 1 ? argv[1] : "/";
	struct xl_xs *x;
	int err, ret;

	if (argc > 2)
		return xl_usage_error(argv[0], "unexpected argument '%s'",
				      argv[2]);
	ret = xl_xs_connect(argv[0], &x);
	if (!ret) {
		err = xl_xs_ls(x, path, 0);
		if (err < 0)
			ret = xl_xs_fail(argv[0], path, err);
	}
	xl_xs_close(x);
	return ret;
}

const struct xl_cmd xl_cmd_xs_read = {
	.name = "xenstore-read",
	.args = "PATH...",
	.summary = "Print xenstore values",
	.run = xl_xs_read_run,
};

const struct xl_cmd xl_cmd_xs_write = {
	.name = "xenstore-write",
	.args = "PATH VALUE...",
	.summary = "Write xenstore values (as Dom0)",
	.run = xl_xs_write_run,
};

const struct xl_cmd xl_cmd_xs_rm = {
	.name = "xenstore-rm",
	.args = "PATH...",
	.summary = "Remove xenstore nodes and everything below them",
	.run = xl_xs_rm_run,
};

const struct xl_cmd xl_cmd_xs_ls = {
	.name = "xenstore-ls",
	.args = "[PATH]",
	.summary = "List the xenstore tree below PATH (default /)",
	.run = xl_xs_ls_run,
};
