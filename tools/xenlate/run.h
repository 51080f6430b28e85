/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Running a helper program (modprobe, rmmod) and keeping what it said.
 */
#ifndef XL_RUN_H
#define XL_RUN_H

#include <stddef.h>

/*
 * Run @argv (argv[0] is looked up in PATH, then in /sbin and /usr/sbin,
 * which a non-root PATH lacks) with stdin from /dev/null.  Its standard
 * error is captured: the last non-empty line goes to @err, or a sentence
 * saying how it ended if it said nothing.  Returns its exit status, 128 +
 * signal if killed, or -errno if it could not be started.
 */
int xl_run(char *const argv[], char *err, size_t errsize);

#endif
