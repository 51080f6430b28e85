/* SPDX-License-Identifier: GPL-2.0 */
/* Helpers shared by the host unit tests.  Include after <cmocka.h>. */
#ifndef UNIT_H
#define UNIT_H

#include <stdio.h>

/*
 * Fail the running test with a printf-style reason.  cmocka's fail_msg()
 * prints to stderr only; a failed assertion's text is what TAP output
 * shows as the "# ..." diagnostics of the "not ok" line, so go that way.
 */
#define fail_at(file, line, ...)					\
	do {								\
		char why_[1024];					\
									\
		snprintf(why_, sizeof(why_), __VA_ARGS__);		\
		_assert_true(0, why_, file, line);			\
	} while (0)

#define fail_fmt(...)	fail_at(__FILE__, __LINE__, __VA_ARGS__)

#endif
