/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The arguments of 'xenlate load' turned into xenlate.ko's module
 * parameters.  Pure: no I/O, no allocation, unit tested on the host.
 */
#ifndef XL_LOAD_PARAMS_H
#define XL_LOAD_PARAMS_H

#include <stddef.h>

#define XL_LOAD_MAX_PARAMS	32
#define XL_LOAD_PARAM_LEN	128

struct xl_load_params {
	unsigned int count;
	/* "key=value" strings, ready for modprobe's argument list */
	char param[XL_LOAD_MAX_PARAMS][XL_LOAD_PARAM_LEN];
};

/*
 * "64", "64M", "64MiB", "1G", "1GiB" (suffix case-insensitive) -> MiB.
 * Returns 0, -EINVAL (not a size) or -ERANGE (0 or above UINT32_MAX MiB,
 * the range of the module parameter).
 */
int xl_parse_mem_mib(const char *s, unsigned long *mib);

/*
 * "0x2f8", "760", "com1".."com4" -> that I/O port; "off", "none", "0" ->
 * 0 (no serial log).  Returns 0, -EINVAL, or -ERANGE (above 0xffff).
 */
int xl_parse_serial(const char *s, unsigned int *port);

/*
 * Parse the KEY=VALUE arguments of 'xenlate load' (@argv without the
 * command name) into @out:
 *	mem=SIZE	-> mem_mb=MiB		(xl_parse_mem_mib)
 *	serial=PORT	-> serial=0xPORT or 0	(xl_parse_serial)
 *	key=value	-> passed through: key of [A-Za-z0-9_-] not starting
 *			   with a digit; value without spaces, quotes or
 *			   control characters (the kernel would split it)
 * A key given twice (mem and mem_mb count as one; '-' equals '_') is an
 * error.  Returns 0, or -EINVAL / -E2BIG with a one-line reason (no
 * newline, no program name) in @err.
 */
int xl_load_params_parse(int argc, char *const argv[],
			 struct xl_load_params *out, char *err,
			 size_t errsize);

#endif
