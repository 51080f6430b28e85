/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A connection's watches: which paths a domain watches with which token,
 * and the XS_WATCH_EVENTs a change fires.  Limits as Xen's defaults.
 */
#ifndef XENSTORED_WATCH_H
#define XENSTORED_WATCH_H

#include <stdbool.h>
#include <stdint.h>

#define XS_WATCH_MAX		128	/* per connection */
#define XS_WATCH_TOKEN_MAX	1024

struct xs_watch;

struct xs_conn {
	uint32_t dom;
	struct xs_watch *watches;
	unsigned int nr_watches;
};

/*
 * Watch @path (canonical; @relative: the guest gave it relative to its
 * home, and events then name paths relative to it too) with @token.
 * 0, -EEXIST (same path and token), -E2BIG (token), -ENOSPC (limit).
 */
int xs_watch_add(struct xs_conn *c, const char *path, bool relative,
		 const char *token);
int xs_watch_del(struct xs_conn *c, const char *path, const char *token);
void xs_watch_del_all(struct xs_conn *c);

/*
 * Call @emit for each of @c's watches that a change to @changed fires,
 * with the path as the watcher sees it and its token; the count.
 */
unsigned int xs_watch_fire(struct xs_conn *c, const char *changed,
			   void (*emit)(void *ctx, const char *path,
					const char *token),
			   void *ctx);

#endif
