// SPDX-License-Identifier: GPL-2.0
/*
 * echo: console input.  Reads what Dom0 types into its console ring
 * (`xenlate console`), a line at a time, and answers each with
 * "echo: got LINE"; the line "quit" ends it with a pass.  seconds=N
 * (default 60) bounds the wait: no "quit" by then is a failure.
 */
#include "guest.h"
#include "hypercall.h"

#define NS_PER_S	1000000000ULL

/* A whole line came: answer it; true for "quit". */
static bool answer(const char *line)
{
	if (!strcmp(line, "quit"))
		return true;
	printf("echo: got %s\n", line);
	return false;
}

int guest_main(const struct hvm_start_info *si)
{
	unsigned long secs = cmdline_ulong("seconds", 60);
	char line[128], buf[64];
	uint64_t port, end;
	size_t len = 0;
	long n, ret;

	(void)si;
	if (hvm_get_param(HVM_PARAM_CONSOLE_EVTCHN, &port) || !port ||
	    port >= EVTCHN_2L_NR_CHANNELS)
		fail("no console event channel");
	if (shinfo_map())
		fail("cannot map shared_info");
	/* Polled, not taken as an upcall. */
	evtchn_mask((evtchn_port_t)port);
	printf("echo: ready, %lu s\n", secs);
	end = pvclock_ns(0) + secs * NS_PER_S;
	for (;;) {
		/* Cleared before the look: a later notification wakes us. */
		evtchn_clear_pending((evtchn_port_t)port);
		n = pvcons_read(buf, sizeof(buf));
		if (n < 0)
			fail("console ring: %ld", n);
		for (long i = 0; i < n; i++) {
			if (buf[i] != '\n' && buf[i] != '\r') {
				if (len < sizeof(line) - 1)
					line[len++] = buf[i];
				continue;
			}
			line[len] = 0;
			if (len && answer(line)) {
				printf("echo: bye\n");
				pass();
			}
			len = 0;
		}
		if (n)
			continue;
		if (pvclock_ns(0) >= end)
			fail("no \"quit\" within %lu s", secs);
		ret = evtchn_poll((evtchn_port_t)port,
				  pvclock_ns(0) + NS_PER_S / 2);
		if (ret)
			fail("SCHEDOP_poll: %ld", ret);
	}
}
