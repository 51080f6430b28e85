// SPDX-License-Identifier: GPL-2.0
/*
 * xenlate dmesg: the hypervisor's whole log, read chunk by chunk.
 */
#include <inttypes.h>
#include <stdio.h>

#include "cmd.h"
#include "xl_client.h"

/*
 * Bytes overwritten before this chunk.  Measured from the positions
 * (where the data starts minus where we asked) as well as reported, so
 * that the note appears once per gap whatever the hypervisor counts.
 */
static uint64_t xl_dmesg_lost(uint64_t seq, const struct xl_dmesg_chunk *ch,
			      int first)
{
	uint64_t gap = 0;

	if (ch->next_seq >= seq && ch->next_seq - seq >= ch->len)
		gap = ch->next_seq - ch->len - seq;
	if (gap)
		return gap;
	return first ? ch->dropped : 0;
}

static int xl_dmesg_dump(struct xl_client *c)
{
	static char buf[XL_DMESG_BUF_SIZE];
	struct xl_dmesg_chunk ch;
	uint64_t seq = 0, lost;
	char last = '\n';
	int err, first;

	for (first = 1;; first = 0) {
		err = xl_dmesg_read(c, seq, buf, sizeof(buf), &ch);
		if (err)
			break;
		lost = xl_dmesg_lost(seq, &ch, first);
		if (lost) {
			printf("%s[xenlate: %" PRIu64
			       " bytes of log lost (overwritten)]\n",
			       last == '\n' ? "" : "\n", lost);
			last = '\n';
		}
		if (!ch.len)
			break;
		fwrite(buf, 1, ch.len, stdout);
		last = buf[ch.len - 1];
		seq = ch.next_seq;
	}
	/* End on a line boundary, so the shell prompt is not glued on. */
	if (last != '\n')
		putchar('\n');
	return err;
}

static int xl_dmesg_run(int argc, char *argv[])
{
	struct xl_client *c;
	int ret, err;

	ret = xl_no_args(&xl_cmd_dmesg, argc, argv);
	if (ret)
		return ret;
	err = xl_open(&c);
	if (err)
		return xl_client_error(NULL, err);
	err = xl_dmesg_dump(c);
	if (err) {
		fflush(stdout);
		ret = xl_client_error(c, err);
	}
	xl_close(c);
	return ret;
}

const struct xl_cmd xl_cmd_dmesg = {
	.name = "dmesg",
	.args = "",
	.summary = "Print the hypervisor's log",
	.help =
	"Where the log wrapped before it was read, a line says how many\n"
	"bytes were lost.\n",
	.run = xl_dmesg_run,
};
