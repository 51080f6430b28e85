/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A domain's monitor, like xl's per-domain daemon: a process that
 * 'xenlate create' leaves behind, which watches its domain and applies
 * on_poweroff, on_reboot and on_crash when the domain shuts down
 * (onaction.h decides what that means).
 *
 * It looks at the domain list every XL_MONITOR_POLL_MS; a restart
 * destroys the domain and creates it again from the same configuration
 * file and overrides (read again: xl keeps its parsed copy), with a new
 * id and the same name.  It ends when the domain is gone (destroyed, or
 * the action was destroy or preserve) or the hypervisor is unloaded.
 *
 * It logs what it does, with a time stamp, to XL_MONITOR_LOG_DIR/NAME.log
 * (the messages of a failed re-create too); if that cannot be opened,
 * to syslog.
 */
#ifndef XL_MONITOR_H
#define XL_MONITOR_H

#include <stdint.h>

#include "onaction.h"

#define XL_MONITOR_POLL_MS	200
#define XL_MONITOR_LOG_DIR	"/var/log/xenlate"

struct xl_monitor {
	char name[64];
	uint32_t domid;
	struct xl_on_policy on;
	/*
	 * Create the domain again; XL_EXIT_OK and its id in *@domid, or an
	 * exit status after saying why on stderr.
	 */
	int (*recreate)(void *arg, uint32_t *domid);
	void *arg;
};

/*
 * Fork the monitor of domain @name.  The parent gets the child's pid, or
 * -errno.  The child gets 0, in a session of its own, its working
 * directory "/", stdin /dev/null and stdout and stderr to the log: it
 * frees what it does not need and calls xl_monitor_run().
 */
int xl_monitor_fork(const char *name);

/* Watch until the domain is gone; returns the exit status. */
int xl_monitor_run(struct xl_monitor *m);

#endif
