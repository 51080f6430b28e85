// SPDX-License-Identifier: GPL-2.0
/*
 * Refreshes and reconnection (see conn.h).
 */
#include <string.h>

#include "conn.h"
#include "fetch.h"
#include "sample.h"

static int xt_fail(struct xt_conn *k, int err)
{
	xl_errmsg(k->c, err, k->err, sizeof(k->err));
	xl_close(k->c);
	k->c = NULL;
	return err;
}

static int xt_connect(struct xt_conn *k)
{
	int err;

	if (k->c)
		return 0;
	err = xl_open(&k->c);
	return err ? xt_fail(k, err) : 0;
}

int xt_refresh(struct xt_conn *k)
{
	struct xt_sample next = { 0 };
	int err = xt_connect(k);

	if (err)
		return err;
	err = xt_fetch(k->c, &next);
	if (err) {
		xt_fail(k, err);
		/*
		 * After an unload the old socket fails with whatever netlink
		 * says; opening anew says it clearly ("not loaded").
		 */
		xt_connect(k);
		return err;
	}
	xt_sample_update(&k->cur, &next);
	xt_sample_free(&k->cur);
	k->cur = next;
	k->err[0] = '\0';
	return 0;
}

void xt_conn_close(struct xt_conn *k)
{
	xt_sample_free(&k->cur);
	xl_close(k->c);
	memset(k, 0, sizeof(*k));
}
