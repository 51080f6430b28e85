/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Dom0's tools talking to the xenstore daemon (tools/xenstored) on its
 * unix socket, in xen/io/xs_wire.h messages, as domain 0.  Errors are
 * negative errno values: the daemon's XS_ERROR names turned back into
 * numbers, or the socket's.
 */
#ifndef XL_XS_CLIENT_H
#define XL_XS_CLIENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <xenlate/xenstore.h>

struct xl_xs;

/*
 * Connect.  With @start, a daemon that is not running is started first
 * (it detaches once it listens); without, -ENOENT / -ECONNREFUSED then.
 */
int xl_xs_open(struct xl_xs **out, bool start);
void xl_xs_close(struct xl_xs *x);

/* @value's length is strlen(@value). */
int xl_xs_write(struct xl_xs *x, const char *path, const char *value);
/* The value, NUL-terminated, cut to @size - 1 bytes: its length. */
int xl_xs_read(struct xl_xs *x, const char *path, char *buf, size_t size);
int xl_xs_rm(struct xl_xs *x, const char *path);
/* Children's names, each NUL-terminated, in @buf: the bytes used. */
int xl_xs_directory(struct xl_xs *x, const char *path, char *buf,
		    size_t size);
/* @perms: Xen's list, e.g. "n0" "r5" as "n0\0r5\0" of @len bytes. */
int xl_xs_set_perms(struct xl_xs *x, const char *path, const char *perms,
		    size_t len);
int xl_xs_introduce(struct xl_xs *x, uint32_t domid, uint64_t gfn,
		    uint32_t port);
int xl_xs_release(struct xl_xs *x, uint32_t domid);

/*
 * Domain @domid's nodes, as Xen's toolstack makes them: its home readable
 * by it, name, domid, memory (KiB), and control/ and data/ it may write.
 */
struct xl_xs_dom {
	uint32_t domid;
	const char *name;
	uint64_t target_kb;
	uint64_t maxmem_kb;
};
int xl_xs_dom_make(struct xl_xs *x, const struct xl_xs_dom *d);
/* Forget a destroyed domain: its home and its connection.  Best effort. */
void xl_xs_dom_forget(uint32_t domid);

#endif
