/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A guest's console: what it writes with console_io, kept in a ring that
 * Dom0 reads (xenlate console) from any byte position it last saw.
 */
#ifndef HV_CONSOLE_H
#define HV_CONSOLE_H

#include <hv/types.h>
#include <hv/spinlock.h>

#define CONSOLE_PAGES	4
#define CONSOLE_SIZE	(CONSOLE_PAGES * PAGE_SIZE - 64)

struct console {
	spinlock_t lock;
	u64 head;		/* bytes ever written */
	u8 buf[CONSOLE_SIZE];
};

struct domain;

int console_create(struct domain *d);
void console_free(struct domain *d);
void console_write(struct domain *d, const u8 *s, u64 len);
/*
 * Copy bytes from *@seq on into @out (at most @len); returns how many,
 * moves *@seq past them and sets *@dropped to the bytes lost before it.
 */
u64 console_read(struct domain *d, u64 *seq, u8 *out, u64 len,
		 u64 *dropped);

#endif
