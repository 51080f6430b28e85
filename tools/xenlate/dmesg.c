// SPDX-License-Identifier: GPL-2.0
/*
 * xenlate dmesg: the hypervisor's whole log, read chunk by chunk.
 */
#include <stdio.h>

#include "cmd.h"
#include "logview.h"
#include "xl_client.h"

static int xl_dmesg_dump(struct xl_client *c)
{
	static char buf[XL_DMESG_BUF_SIZE];
	struct xl_dmesg_chunk ch;
	struct xl_log_view v;
	int err;

	xl_log_view_init(&v, "log");
	for (;;) {
		err = xl_dmesg_read(c, v.seq, buf, sizeof(buf), &ch);
		if (err)
			break;
		xl_log_show(&v, &ch, buf, stdout);
		if (!ch.len)
			break;
	}
	xl_log_end(&v, stdout);
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
