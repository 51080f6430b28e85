// SPDX-License-Identifier: GPL-2.0
/* Watches per connection, and the events a change fires. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "watch.h"

struct xs_watch {
	char *path;		/* canonical */
	char *token;
	bool relative;
	struct xs_watch *next;
};

static struct xs_watch **find(struct xs_conn *c, const char *path,
			      const char *token)
{
	struct xs_watch **pp;

	for (pp = &c->watches; *pp; pp = &(*pp)->next)
		if (!strcmp((*pp)->path, path) && !strcmp((*pp)->token, token))
			return pp;
	return NULL;
}

int xs_watch_add(struct xs_conn *c, const char *path, bool relative,
		 const char *token)
{
	struct xs_watch *w;

	if (strlen(token) >= XS_WATCH_TOKEN_MAX)
		return -E2BIG;
	if (find(c, path, token))
		return -EEXIST;
	if (c->nr_watches >= XS_WATCH_MAX)
		return -ENOSPC;
	w = calloc(1, sizeof(*w));
	if (!w || !(w->path = strdup(path)) || !(w->token = strdup(token))) {
		if (w)
			free(w->path);
		free(w);
		return -ENOMEM;
	}
	w->relative = relative;
	w->next = c->watches;
	c->watches = w;
	c->nr_watches++;
	return 0;
}

static void watch_free(struct xs_watch *w)
{
	free(w->path);
	free(w->token);
	free(w);
}

int xs_watch_del(struct xs_conn *c, const char *path, const char *token)
{
	struct xs_watch **pp = find(c, path, token), *w;

	if (!pp)
		return -ENOENT;
	w = *pp;
	*pp = w->next;
	watch_free(w);
	c->nr_watches--;
	return 0;
}

void xs_watch_del_all(struct xs_conn *c)
{
	struct xs_watch *w, *next;

	for (w = c->watches; w; w = next) {
		next = w->next;
		watch_free(w);
	}
	c->watches = NULL;
	c->nr_watches = 0;
}

static unsigned int fire(struct xs_conn *c, const char *changed,
			 bool removed,
			 void (*emit)(void *ctx, const char *path,
				      const char *token),
			 void *ctx)
{
	char home[32];
	size_t hlen;
	unsigned int nr = 0;

	hlen = (size_t)snprintf(home, sizeof(home), "/local/domain/%u/",
				c->dom);
	for (struct xs_watch *w = c->watches; w; w = w->next) {
		const char *seen;

		if (xs_watch_matches(w->path, changed))
			seen = changed;
		else if (removed && xs_watch_matches(changed, w->path))
			seen = w->path;		/* gone with its parent */
		else
			continue;
		if (w->relative && !strncmp(seen, home, hlen))
			seen += hlen;
		emit(ctx, seen, w->token);
		nr++;
	}
	return nr;
}

unsigned int xs_watch_fire(struct xs_conn *c, const char *changed,
			   void (*emit)(void *ctx, const char *path,
					const char *token),
			   void *ctx)
{
	return fire(c, changed, false, emit, ctx);
}

unsigned int xs_watch_fire_removed(struct xs_conn *c, const char *removed,
				   void (*emit)(void *ctx, const char *path,
						const char *token),
				   void *ctx)
{
	return fire(c, removed, true, emit, ctx);
}
