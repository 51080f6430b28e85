// SPDX-License-Identifier: GPL-2.0
/*
 * Requests to replies.  The payload is a guest's bytes: its arguments are
 * NUL-terminated strings that must lie inside it (XS_WRITE's value is the
 * rest), and every path goes through xs_path_canonical().
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "txn.h"
#include "wire.h"

#define DOM0	0

static void reply_error(struct xs_reply *rep, int err)
{
	const char *name = "EINVAL";

	for (size_t i = 0; i < sizeof(xsd_errors) / sizeof(xsd_errors[0]); i++)
		if (xsd_errors[i].errnum == -err)
			name = xsd_errors[i].errstring;
	rep->type = XS_ERROR;
	rep->len = (uint32_t)strlen(name) + 1;
	memcpy(rep->data, name, rep->len);
}

static void reply_ok(struct xs_reply *rep)
{
	memcpy(rep->data, "OK", 3);
	rep->len = 3;
}

/*
 * The NUL-terminated argument at offset *@next of the payload, or NULL
 * when it does not end inside the payload; *@next moves past it.
 */
static const char *arg(const char *payload, uint32_t len, uint32_t *next)
{
	const char *start = payload + *next;
	const char *nul;

	if (*next >= len)
		return NULL;
	nul = memchr(start, '\0', len - *next);
	if (!nul)
		return NULL;
	*next = (uint32_t)(nul - payload) + 1;
	return start;
}

/* Xen's permission letters, in enum xs_perm's order. */
static const char letters[] = "nrwb";

static int perm_parse(const char *s, enum xs_perm *perm, uint32_t *dom)
{
	const char *l = strchr(letters, s[0]);
	char *end;
	unsigned long d;

	if (!s[0] || !l || s[1] < '0' || s[1] > '9')
		return -EINVAL;
	errno = 0;
	d = strtoul(s + 1, &end, 10);
	if (errno || *end || d > UINT16_MAX)
		return -EINVAL;
	*perm = (enum xs_perm)(l - letters);
	*dom = (uint32_t)d;
	return 0;
}

/* "n3\0r0\0": the owner's entry first (its letter is the default). */
static int perms_parse(const char *payload, uint32_t len, uint32_t at,
		       struct xs_perms *p)
{
	const char *s;
	enum xs_perm perm;
	uint32_t dom;

	memset(p, 0, sizeof(*p));
	s = arg(payload, len, &at);
	if (!s || perm_parse(s, &p->other, &p->owner))
		return -EINVAL;
	while (at < len) {
		s = arg(payload, len, &at);
		if (!s || perm_parse(s, &perm, &dom) || p->nr >= XS_MAX_ACL)
			return -EINVAL;
		p->dom[p->nr] = dom;
		p->perm[p->nr++] = perm;
	}
	return 0;
}

static int perms_format(const struct xs_perms *p, char *buf, size_t size)
{
	size_t at = 0;
	int n;

	n = snprintf(buf, size, "%c%u", letters[p->other], p->owner);
	if (n < 0 || (size_t)n >= size)
		return -E2BIG;
	at = (size_t)n + 1;
	for (unsigned int i = 0; i < p->nr; i++) {
		n = snprintf(buf + at, size - at, "%c%u", letters[p->perm[i]],
			     p->dom[i]);
		if (n < 0 || (size_t)n >= size - at)
			return -E2BIG;
		at += (size_t)n + 1;
	}
	return (int)at;
}

static long path_op(struct xs_store *s, uint32_t dom, uint32_t type,
		    const char *path, const char *payload, uint32_t len,
		    uint32_t rest, struct xs_reply *rep)
{
	struct xs_perms p;
	long n;

	switch (type) {
	case XS_READ:
		n = xs_read(s, dom, path, rep->data, sizeof(rep->data));
		return n > (long)sizeof(rep->data) ? -E2BIG : n;
	case XS_DIRECTORY:
		n = xs_directory(s, dom, path, rep->data, sizeof(rep->data));
		return n > (long)sizeof(rep->data) ? -E2BIG : n;
	case XS_GET_PERMS:
		n = xs_get_perms(s, dom, path, &p);
		return n ? n : perms_format(&p, rep->data, sizeof(rep->data));
	case XS_WRITE:
		n = xs_write(s, dom, path, payload + rest, len - rest);
		break;
	case XS_MKDIR:
		n = xs_mkdir(s, dom, path);
		break;
	case XS_RM:
		n = xs_rm(s, dom, path);
		break;
	case XS_SET_PERMS:
		n = perms_parse(payload, len, rest, &p);
		if (!n)
			n = xs_set_perms(s, dom, path, &p);
		break;
	default:
		return -ENOSYS;	/* not reached: xs_handle sorted types */
	}
	if (n)
		return n;
	reply_ok(rep);
	return rep->len;
}

static bool changes_tree(uint32_t type)
{
	return type == XS_WRITE || type == XS_MKDIR || type == XS_RM ||
	       type == XS_SET_PERMS;
}

/*
 * A request on a path, in transaction @t (NULL: none) and then on its
 * copy.  A path it changes is recorded in @t, or else in @done for the
 * reply; not a mkdir of what exists, which changes nothing (as Xen).
 */
static long store_op(struct xs_store *s, struct xs_txn *t, uint32_t dom,
		     uint32_t type, const char *payload, uint32_t len,
		     struct xs_changes *done, struct xs_reply *rep)
{
	struct xs_store *view = t ? t->view : s;
	struct xs_changes *ch = t ? &t->changes : done;
	char path[XENSTORE_ABS_PATH_MAX + 1];
	char *dup = NULL;
	uint32_t at = 0;
	const char *a = arg(payload, len, &at);
	uint64_t gen;
	long n;

	if (!a)
		return -EINVAL;
	n = xs_path_canonical(dom, a, path, sizeof(path));
	if (n)
		return n;
	if (path[0] != '/')
		return -EINVAL;	/* "@..." names are for watches only */
	if (changes_tree(type)) {
		n = xs_changes_reserve(ch, path, t && dom != DOM0 ?
				       XS_TXN_CHANGES_MAX : UINT_MAX, &dup);
		if (n)
			return n;
	}
	gen = xs_store_generation(view);
	n = path_op(view, dom, type, path, payload, len, at, rep);
	if (n >= 0 && xs_store_generation(view) != gen)
		xs_changes_add(ch, dup, type == XS_RM);
	else
		free(dup);
	return n;
}

/*
 * XS_TRANSACTION_START, whose payload Xen ignores, and _END, "T" to
 * commit or "F" to abort.  @t: the transaction the header names.
 */
static long txn_op(struct xs_store *s, struct xs_conn *c, struct xs_txn *t,
		   uint32_t type, const char *payload, uint32_t len,
		   struct xs_changes *done, struct xs_reply *rep)
{
	uint32_t id;
	long n;

	if (type == XS_TRANSACTION_START) {
		/* No nesting: Xen's answer to a START inside one. */
		if (t)
			return -EBUSY;
		n = xs_txn_start(s, c, &id);
		if (n)
			return n;
		return snprintf(rep->data, sizeof(rep->data), "%u", id) + 1;
	}
	/* Exactly one argument, checked before the id as Xen does. */
	if (len != 2 || payload[1] || (payload[0] != 'T' && payload[0] != 'F'))
		return -EINVAL;
	if (!t)
		return -ENOENT;
	n = xs_txn_end(s, c, t, payload[0] == 'T', done);
	if (n)
		return n;
	reply_ok(rep);
	return rep->len;
}

/* XS_WATCH / XS_UNWATCH: "path\0token\0". */
static long watch_op(struct xs_conn *c, uint32_t type, const char *payload,
		     uint32_t len, struct xs_reply *rep)
{
	char path[XENSTORE_ABS_PATH_MAX + 1];
	uint32_t at = 0;
	const char *p = arg(payload, len, &at);
	const char *token = arg(payload, len, &at);
	long n;

	if (!p || !token)
		return -EINVAL;
	n = xs_path_canonical(c->dom, p, path, sizeof(path));
	if (n)
		return n;
	if (type == XS_WATCH)
		n = xs_watch_add(c, path, p[0] != '/' && p[0] != '@', token);
	else
		n = xs_watch_del(c, path, token);
	if (n)
		return n;
	reply_ok(rep);
	return rep->len;
}

/* XS_GET_DOMAIN_PATH: "<domid>\0". */
static long domain_path(const char *payload, uint32_t len,
			struct xs_reply *rep)
{
	uint32_t at = 0;
	const char *a = arg(payload, len, &at);

	if (!a || strspn(a, "0123456789") != strlen(a) || !a[0] ||
	    strlen(a) > 5)
		return -EINVAL;
	return snprintf(rep->data, sizeof(rep->data), "/local/domain/%lu",
			strtoul(a, NULL, 10)) + 1;
}

void xs_handle(struct xs_store *s, struct xs_conn *c, uint32_t tx_id,
	       uint32_t type, const char *payload, uint32_t len,
	       struct xs_reply *rep)
{
	struct xs_changes done = { 0 };
	struct xs_txn *t = NULL;
	long n;

	rep->type = type;
	rep->len = 0;
	rep->nr_changed = 0;
	rep->changed = NULL;
	rep->removed = NULL;
	if (len > XENSTORE_PAYLOAD_MAX) {
		reply_error(rep, -E2BIG);
		return;
	}
	/*
	 * As Xen: domain paths and watches ignore the transaction id; the
	 * other requests need theirs open.
	 */
	switch (type) {
	case XS_GET_DOMAIN_PATH:
		n = domain_path(payload, len, rep);
		break;
	case XS_WATCH: case XS_UNWATCH:
		n = watch_op(c, type, payload, len, rep);
		break;
	case XS_READ: case XS_DIRECTORY: case XS_GET_PERMS: case XS_WRITE:
	case XS_MKDIR: case XS_RM: case XS_SET_PERMS:
	case XS_TRANSACTION_START: case XS_TRANSACTION_END:
		t = tx_id ? xs_txn_find(c, tx_id) : NULL;
		if (tx_id && !t)
			n = -ENOENT;
		else if (type == XS_TRANSACTION_START ||
			 type == XS_TRANSACTION_END)
			n = txn_op(s, c, t, type, payload, len, &done, rep);
		else
			n = store_op(s, t, c->dom, type, payload, len, &done,
				     rep);
		break;
	default:
		n = -ENOSYS;
	}
	if (n < 0) {
		xs_changes_free(&done);
		reply_error(rep, (int)n);
		return;
	}
	rep->len = (uint32_t)n;
	if (!done.nr) {
		xs_changes_free(&done);
		return;
	}
	rep->nr_changed = done.nr;
	rep->changed = done.path;
	rep->removed = done.removed;
}

void xs_reply_release(struct xs_reply *rep)
{
	for (unsigned int i = 0; i < rep->nr_changed; i++)
		free(rep->changed[i]);
	free(rep->changed);
	free(rep->removed);
	rep->nr_changed = 0;
	rep->changed = NULL;
	rep->removed = NULL;
}
