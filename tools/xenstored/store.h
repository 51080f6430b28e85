/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The xenstore tree of the Dom0 daemon: nodes with values and Xen's
 * permissions, and which watches a change fires.  No I/O here: the
 * daemon (to come, docs/domains-plan.md) feeds it the requests the
 * hypervisor copies out of each guest's ring.  Every path and value
 * comes from a guest and is checked.
 */
#ifndef XENSTORED_STORE_H
#define XENSTORED_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct xs_store;

/* Xen's permission letters: n(one), r(ead), w(rite), b(oth). */
enum xs_perm { XS_PERM_NONE, XS_PERM_READ, XS_PERM_WRITE, XS_PERM_BOTH };

#define XS_MAX_ACL	8	/* per node, besides the owner's entry */

struct xs_perms {
	uint32_t owner;		/* full access; its entry's perm is the default */
	enum xs_perm other;	/* for domains not listed */
	unsigned int nr;
	uint32_t dom[XS_MAX_ACL];
	enum xs_perm perm[XS_MAX_ACL];
};

struct xs_store *xs_store_new(void);
void xs_store_free(struct xs_store *s);

/*
 * Transactions (txn.c) work on a copy of the whole tree.  The generation
 * moves on every change to a store (a node created, written, removed or
 * given new permissions; not a mkdir of what exists), so a copy can be
 * adopted only if its origin has not moved since it was taken.
 * xs_store_clone: NULL when out of memory.  xs_store_adopt: @from's tree
 * replaces @s's, @s's generation moves, and @from is freed.
 */
struct xs_store *xs_store_clone(const struct xs_store *s);
void xs_store_adopt(struct xs_store *s, struct xs_store *from);
uint64_t xs_store_generation(const struct xs_store *s);

/*
 * Turn a guest's @path (absolute, or relative to /local/domain/@dom) into
 * the absolute path in @out (size @size).  0, or -EINVAL for a path Xen
 * would refuse: empty, too long, a character outside [A-Za-z0-9-/_@],
 * "//", or a trailing '/' (but for "/").  Watch paths may also be the
 * special "@releaseDomain" / "@introduceDomain".
 */
int xs_path_canonical(uint32_t dom, const char *path, char *out,
		      size_t size);

/*
 * Reads and writes as domain @dom (Dom0, 0, may do anything).  Paths are
 * canonical.  Errors are negative errno values, as the wire's XS_ERROR
 * strings: -ENOENT, -EACCES, -EINVAL, -ENOSPC (quota: too many nodes for
 * @dom or a value over XENSTORE_PAYLOAD_MAX).
 *
 * xs_read copies at most @size bytes of the value to @buf and returns its
 * whole length.  xs_write and xs_mkdir create what is missing on the way
 * (write permission on the deepest existing node needed): each new node
 * takes its parent's permissions, and is owned by @dom unless @dom is
 * Dom0, as in Xen.  xs_directory writes the children's names, each
 * NUL-terminated, and returns the bytes needed.  xs_set_perms: Dom0, or
 * the owner keeping the node.
 */
long xs_read(struct xs_store *s, uint32_t dom, const char *path, void *buf,
	     size_t size);
int xs_write(struct xs_store *s, uint32_t dom, const char *path,
	     const void *val, size_t len);
int xs_mkdir(struct xs_store *s, uint32_t dom, const char *path);
int xs_rm(struct xs_store *s, uint32_t dom, const char *path);
long xs_directory(struct xs_store *s, uint32_t dom, const char *path,
		  char *buf, size_t size);
int xs_get_perms(struct xs_store *s, uint32_t dom, const char *path,
		 struct xs_perms *p);
int xs_set_perms(struct xs_store *s, uint32_t dom, const char *path,
		 const struct xs_perms *p);

/* Nodes owned by @dom now (the quota counts them). */
unsigned int xs_nodes_owned(struct xs_store *s, uint32_t dom);

/*
 * Whether a change to @changed fires a watch on @watched: the same node
 * or a descendant of it, as Xen.
 */
bool xs_watch_matches(const char *watched, const char *changed);

#endif
