// SPDX-License-Identifier: GPL-2.0
/*
 * Error text for the builder's parsers (see bld_util.h).
 */
#include <stdarg.h>
#include <stdio.h>

#include "bld_util.h"

int xl_bld_err(char *err, size_t errsize, int ret, const char *fmt, ...)
{
	va_list ap;

	if (!err || !errsize)
		return ret;
	va_start(ap, fmt);
	vsnprintf(err, errsize, fmt, ap);
	va_end(ap);
	return ret;
}
