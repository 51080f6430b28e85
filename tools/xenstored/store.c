// SPDX-License-Identifier: GPL-2.0
/* The xenstore node tree: paths, values, permissions, quotas, watches. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xen/io/xs_wire.h>

#include "store.h"

#define DOM0		0
#define NODE_QUOTA	1000	/* per guest domain, Xen's default */

struct node {
	char *name;		/* "" for the root */
	char *val;
	size_t len;
	struct xs_perms perms;
	struct node *parent, *child, *next;
};

struct xs_store {
	struct node *root;
	uint64_t gen;		/* moves on every change */
};

static void node_free(struct node *n)
{
	struct node *c = n->child, *next;

	for (; c; c = next) {
		next = c->next;
		node_free(c);
	}
	free(n->name);
	free(n->val);
	free(n);
}

/* A node named by @len bytes of @name, with @parent's permissions. */
static struct node *node_new(struct node *parent, const char *name,
			     size_t len)
{
	struct node *n = calloc(1, sizeof(*n));

	if (!n || !(n->name = strndup(name, len))) {
		free(n);
		return NULL;
	}
	n->parent = parent;
	if (parent)
		n->perms = parent->perms;
	return n;
}

struct xs_store *xs_store_new(void)
{
	struct xs_store *s = calloc(1, sizeof(*s));

	if (!s || !(s->root = node_new(NULL, "", 0))) {
		free(s);
		return NULL;
	}
	s->root->perms.owner = DOM0;
	s->root->perms.other = XS_PERM_NONE;
	return s;
}

void xs_store_free(struct xs_store *s)
{
	if (!s)
		return;
	node_free(s->root);
	free(s);
}

/* A deep copy of @n and what is below it, children in the same order. */
static struct node *node_clone(const struct node *n, struct node *parent)
{
	struct node *c = node_new(parent, n->name, strlen(n->name)), **tail;

	if (!c)
		return NULL;
	c->perms = n->perms;
	if (n->len) {
		c->val = malloc(n->len);
		if (!c->val)
			goto fail;
		memcpy(c->val, n->val, n->len);
		c->len = n->len;
	}
	tail = &c->child;
	for (const struct node *k = n->child; k; k = k->next) {
		*tail = node_clone(k, c);
		if (!*tail)
			goto fail;
		tail = &(*tail)->next;
	}
	return c;
fail:
	node_free(c);
	return NULL;
}

struct xs_store *xs_store_clone(const struct xs_store *s)
{
	struct xs_store *c = calloc(1, sizeof(*c));

	if (!c)
		return NULL;
	c->root = node_clone(s->root, NULL);
	if (!c->root) {
		free(c);
		return NULL;
	}
	c->gen = s->gen;
	return c;
}

void xs_store_adopt(struct xs_store *s, struct xs_store *from)
{
	node_free(s->root);
	s->root = from->root;
	s->gen++;
	free(from);
}

uint64_t xs_store_generation(const struct xs_store *s)
{
	return s->gen;
}

static bool path_char_ok(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '-' || c == '/' || c == '_' ||
	       c == '@';
}

int xs_path_canonical(uint32_t dom, const char *path, char *out,
		      size_t size)
{
	size_t len = strnlen(path, XENSTORE_ABS_PATH_MAX + 1);
	int n;

	if (!len || len > XENSTORE_ABS_PATH_MAX)
		return -EINVAL;
	if (!strcmp(path, "@releaseDomain") ||
	    !strcmp(path, "@introduceDomain")) {
		n = snprintf(out, size, "%s", path);
		return n < 0 || (size_t)n >= size ? -EINVAL : 0;
	}
	for (size_t i = 0; i < len; i++)
		if (!path_char_ok(path[i]) || path[i] == '@' ||
		    (path[i] == '/' && path[i + 1] == '/'))
			return -EINVAL;
	if (path[0] == '/') {
		if (len > 1 && path[len - 1] == '/')
			return -EINVAL;
		n = snprintf(out, size, "%s", path);
	} else {
		if (len > XENSTORE_REL_PATH_MAX || path[len - 1] == '/')
			return -EINVAL;
		n = snprintf(out, size, "/local/domain/%u/%s", dom, path);
	}
	if (n < 0 || (size_t)n >= size || (size_t)n > XENSTORE_ABS_PATH_MAX)
		return -EINVAL;
	return 0;
}

static struct node *child_named(struct node *n, const char *name,
				size_t len)
{
	for (struct node *c = n->child; c; c = c->next)
		if (strlen(c->name) == len && !memcmp(c->name, name, len))
			return c;
	return NULL;
}

/*
 * The node at @path; or, when @rest is given, the deepest node that
 * exists on the way, with *@rest pointing at what is left of @path.
 */
static struct node *walk(struct xs_store *s, const char *path,
			 const char **rest)
{
	struct node *n = s->root;
	const char *p = path + 1;

	while (*p) {
		const char *end = strchr(p, '/');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		struct node *c = child_named(n, p, len);

		if (!c) {
			if (rest)
				*rest = p;
			return rest ? n : NULL;
		}
		n = c;
		p += len + (end ? 1 : 0);
	}
	if (rest)
		*rest = p;
	return n;
}

static enum xs_perm perm_of(const struct node *n, uint32_t dom)
{
	const struct xs_perms *p = &n->perms;

	if (dom == DOM0 || dom == p->owner)
		return XS_PERM_BOTH;
	for (unsigned int i = 0; i < p->nr; i++)
		if (p->dom[i] == dom)
			return p->perm[i];
	return p->other;
}

static bool may_read(const struct node *n, uint32_t dom)
{
	return perm_of(n, dom) & XS_PERM_READ;
}

static bool may_write(const struct node *n, uint32_t dom)
{
	return perm_of(n, dom) & XS_PERM_WRITE;
}

static unsigned int count_owned(const struct node *n, uint32_t dom)
{
	unsigned int nr = n->perms.owner == dom;

	for (const struct node *c = n->child; c; c = c->next)
		nr += count_owned(c, dom);
	return nr;
}

unsigned int xs_nodes_owned(struct xs_store *s, uint32_t dom)
{
	return count_owned(s->root, dom);
}

/* The existing node at @path that @dom may read (or write). */
static int lookup(struct xs_store *s, uint32_t dom, const char *path,
		  bool write, struct node **out)
{
	struct node *n;

	if (path[0] != '/')
		return -EINVAL;
	n = walk(s, path, NULL);
	if (!n)
		return -ENOENT;
	if (write ? !may_write(n, dom) : !may_read(n, dom))
		return -EACCES;
	*out = n;
	return 0;
}

long xs_read(struct xs_store *s, uint32_t dom, const char *path, void *buf,
	     size_t size)
{
	struct node *n;
	int rc = lookup(s, dom, path, false, &n);

	if (rc)
		return rc;
	if (n->len)
		memcpy(buf, n->val, n->len < size ? n->len : size);
	return (long)n->len;
}

/* Count the components of @rest, each a node to create. */
static unsigned int components(const char *rest)
{
	unsigned int nr = *rest ? 1 : 0;

	for (; *rest; rest++)
		nr += *rest == '/';
	return nr;
}

/* The node at @path, created (with its missing parents) if need be. */
static int make_path(struct xs_store *s, uint32_t dom, const char *path,
		     struct node **out)
{
	const char *rest;
	struct node *n = walk(s, path, &rest);
	unsigned int nr = components(rest);

	if (!nr) {
		*out = n;
		return 0;
	}
	if (!may_write(n, dom))
		return -EACCES;
	if (dom != DOM0 && count_owned(s->root, dom) + nr > NODE_QUOTA)
		return -ENOSPC;
	s->gen++;
	while (*rest) {
		const char *end = strchr(rest, '/');
		size_t len = end ? (size_t)(end - rest) : strlen(rest);
		struct node *c = node_new(n, rest, len);

		if (!c)
			return -ENOMEM;	/* the parents made so far stay */
		if (dom != DOM0)
			c->perms.owner = dom;
		c->next = n->child;
		n->child = c;
		n = c;
		rest += len + (end ? 1 : 0);
	}
	*out = n;
	return 0;
}

int xs_write(struct xs_store *s, uint32_t dom, const char *path,
	     const void *val, size_t len)
{
	struct node *n;
	char *copy;
	int rc;

	if (path[0] != '/' || !strcmp(path, "/"))
		return -EINVAL;
	if (len > XENSTORE_PAYLOAD_MAX)
		return -ENOSPC;
	n = walk(s, path, NULL);
	if (n && !may_write(n, dom))
		return -EACCES;
	copy = malloc(len ? len : 1);
	if (!copy)
		return -ENOMEM;
	if (len)
		memcpy(copy, val, len);
	rc = make_path(s, dom, path, &n);
	if (rc) {
		free(copy);
		return rc;
	}
	free(n->val);
	n->val = copy;
	n->len = len;
	s->gen++;
	return 0;
}

int xs_mkdir(struct xs_store *s, uint32_t dom, const char *path)
{
	struct node *n;

	if (path[0] != '/')
		return -EINVAL;
	return make_path(s, dom, path, &n);
}

/* Is the last component of @path all that is missing? */
static bool only_leaf_missing(struct xs_store *s, const char *path)
{
	const char *rest;

	walk(s, path, &rest);
	return *rest && !strchr(rest, '/');
}

int xs_rm(struct xs_store *s, uint32_t dom, const char *path)
{
	struct node *n, **pp;
	int rc;

	if (!strcmp(path, "/"))
		return -EINVAL;
	rc = lookup(s, dom, path, true, &n);
	/* As Xen: removing what is not there is done, if its parent is. */
	if (rc == -ENOENT && only_leaf_missing(s, path))
		return 0;
	if (rc)
		return rc;
	for (pp = &n->parent->child; *pp != n; pp = &(*pp)->next)
		;
	*pp = n->next;
	node_free(n);
	s->gen++;
	return 0;
}

long xs_directory(struct xs_store *s, uint32_t dom, const char *path,
		  char *buf, size_t size)
{
	struct node *n;
	size_t need = 0;
	int rc = lookup(s, dom, path, false, &n);

	if (rc)
		return rc;
	for (struct node *c = n->child; c; c = c->next) {
		size_t len = strlen(c->name) + 1;

		if (need + len <= size)
			memcpy(buf + need, c->name, len);
		need += len;
	}
	return (long)need;
}

int xs_get_perms(struct xs_store *s, uint32_t dom, const char *path,
		 struct xs_perms *p)
{
	struct node *n;
	int rc = lookup(s, dom, path, false, &n);

	if (rc)
		return rc;
	*p = n->perms;
	return 0;
}

int xs_set_perms(struct xs_store *s, uint32_t dom, const char *path,
		 const struct xs_perms *p)
{
	struct node *n;

	if (path[0] != '/' || p->nr > XS_MAX_ACL || p->other > XS_PERM_BOTH)
		return -EINVAL;
	for (unsigned int i = 0; i < p->nr; i++)
		if (p->perm[i] > XS_PERM_BOTH)
			return -EINVAL;
	n = walk(s, path, NULL);
	if (!n)
		return -ENOENT;
	/* Only Dom0 and the owner; only Dom0 gives a node away. */
	if (dom != DOM0 && (dom != n->perms.owner || p->owner != dom))
		return -EACCES;
	n->perms = *p;
	s->gen++;
	return 0;
}

bool xs_watch_matches(const char *watched, const char *changed)
{
	size_t len = strlen(watched);

	if (watched[0] == '@')
		return !strcmp(watched, changed);
	if (strncmp(watched, changed, len))
		return false;
	/* "/a" watches "/a" and "/a/b", not "/ab"; "/" watches all. */
	return changed[len] == '\0' || changed[len] == '/' ||
	       (len == 1 && watched[0] == '/');
}
