// SPDX-License-Identifier: GPL-2.0
/*
 * Printing a byte log chunk by chunk (see logview.h).
 */
#include <inttypes.h>

#include "logview.h"

void xl_log_view_init(struct xl_log_view *v, const char *what)
{
	v->what = what;
	v->seq = 0;
	v->last = '\n';
	v->first = 1;
}

uint64_t xl_log_lost(uint64_t seq, const struct xl_dmesg_chunk *ch,
		     int first)
{
	uint64_t gap = 0;

	if (ch->next_seq >= seq && ch->next_seq - seq >= ch->len)
		gap = ch->next_seq - ch->len - seq;
	if (gap)
		return gap;
	return first ? ch->dropped : 0;
}

void xl_log_show(struct xl_log_view *v, const struct xl_dmesg_chunk *ch,
		 const char *buf, FILE *out)
{
	uint64_t lost = xl_log_lost(v->seq, ch, v->first);

	v->first = 0;
	if (lost) {
		fprintf(out, "%s[xenlate: %" PRIu64
			" bytes of %s lost (overwritten)]\n",
			v->last == '\n' ? "" : "\n", lost, v->what);
		v->last = '\n';
	}
	if (!ch->len)
		return;
	fwrite(buf, 1, ch->len, out);
	v->last = buf[ch->len - 1];
	v->seq = ch->next_seq;
}

void xl_log_end(struct xl_log_view *v, FILE *out)
{
	if (v->last != '\n')
		fputc('\n', out);
	v->last = '\n';
}
