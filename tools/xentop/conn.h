/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The connection to the hypervisor across refreshes: it is opened again
 * after any failure, so xentop picks up when the hypervisor comes back.
 */
#ifndef XT_CONN_H
#define XT_CONN_H

#include "dom.h"

struct xt_conn {
	struct xl_client *c;	/* NULL while not connected */
	struct xt_sample cur;	/* the last refresh that worked */
	char err[256];		/* why the last refresh failed */
};

/*
 * A new refresh into @k->cur, derived from the one before.  Returns 0,
 * or a client library error with @k->err saying it in one line (and
 * @k->cur kept as it was).
 */
int xt_refresh(struct xt_conn *k);
void xt_conn_close(struct xt_conn *k);

#endif
