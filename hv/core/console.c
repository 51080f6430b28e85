// SPDX-License-Identifier: GPL-2.0
/*
 * Guest consoles.  The first lines of each guest also go to the
 * hypervisor log, prefixed with the domain id, which is what one wants
 * when a guest dies early; after that a guest cannot flood the log (its
 * console keeps everything it wrote, up to the ring's size).
 */
#include <hv/console.h>
#include <hv/domain.h>
#include <hv/mm.h>
#include <hv/log.h>
#include <hv/lib.h>
#include <hv/errno.h>

#define LOG_LINES	200

_Static_assert(sizeof(struct console) <= CONSOLE_PAGES * PAGE_SIZE, "fits");

int console_create(struct domain *d)
{
	struct console *c = alloc_pages(CONSOLE_PAGES);

	if (!c)
		return -ENOMEM;
	memset(c, 0, sizeof(*c));
	d->console = c;
	return 0;
}

void console_free(struct domain *d)
{
	if (d->console)
		free_pages(d->console, CONSOLE_PAGES);
	d->console = NULL;
}

/* One line to the hypervisor log, control characters made visible. */
static void log_line(struct domain *d, const u8 *s, u64 len)
{
	char line[128];
	u64 n = 0;

	for (u64 i = 0; i < len && n < sizeof(line) - 1; i++)
		line[n++] = (s[i] >= 0x20 && s[i] < 0x7f) ? (char)s[i] : '?';
	line[n] = 0;
	if (d->console_lines < LOG_LINES)
		hv_log("d%u: %s", d->id, line);
	else if (d->console_lines == LOG_LINES)
		hv_log("d%u: (more output only in its console)", d->id);
	d->console_lines++;
}

void console_write(struct domain *d, const u8 *s, u64 len)
{
	struct console *c = d->console;
	u64 start = 0;

	spin_lock(&c->lock);
	for (u64 i = 0; i < len; i++) {
		c->buf[c->head % CONSOLE_SIZE] = s[i];
		c->head++;
		if (s[i] == '\n') {
			log_line(d, s + start, i - start);
			start = i + 1;
		}
	}
	spin_unlock(&c->lock);
}

u64 console_read(struct domain *d, u64 *seq, u8 *out, u64 len,
		 u64 *dropped)
{
	struct console *c = d->console;
	u64 first, n = 0;

	spin_lock(&c->lock);
	first = c->head > CONSOLE_SIZE ? c->head - CONSOLE_SIZE : 0;
	*dropped = 0;
	if (*seq < first) {
		*dropped = first - *seq;
		*seq = first;
	}
	if (*seq > c->head)
		*seq = c->head;
	for (; n < len && *seq < c->head; n++, (*seq)++)
		out[n] = c->buf[*seq % CONSOLE_SIZE];
	spin_unlock(&c->lock);
	return n;
}
