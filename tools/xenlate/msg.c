// SPDX-License-Identifier: GPL-2.0
/*
 * The CLI's error messages: always one line on stderr, "xenlate: " first.
 */
#include <stdarg.h>
#include <stdio.h>

#include "cmd.h"
#include "kmod.h"
#include "xl_client.h"

#define XL_MSG_MAX	1024

static void xl_vmsg(const char *fmt, va_list ap)
{
	char buf[XL_MSG_MAX];
	unsigned char *p;

	vsnprintf(buf, sizeof(buf), fmt, ap);
	/* Quoted arguments and tools' output may hold newlines or escapes. */
	for (p = (unsigned char *)buf; *p; p++)
		if (*p < 0x20 || *p == 0x7f)
			*p = '?';
	fprintf(stderr, "xenlate: %s\n", buf);
}

int xl_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	xl_vmsg(fmt, ap);
	va_end(ap);
	return XL_EXIT_FAIL;
}

int xl_usage_error(const char *cmd, const char *fmt, ...)
{
	char buf[XL_MSG_MAX];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (cmd)
		xl_error("%s: %s (see 'xenlate help %s')", cmd, buf, cmd);
	else
		xl_error("%s (see 'xenlate help')", buf);
	return XL_EXIT_USAGE;
}

int xl_client_error(const struct xl_client *c, int err)
{
	char buf[XL_MSG_MAX];

	/* No family, yet the loader is there: say which half is missing. */
	if (err == -XL_ERR_NOT_LOADED && xl_mod_loaded(XL_MOD_HV) &&
	    !xl_mod_loaded(XL_MOD_DOM0))
		return xl_error("hypervisor loaded without %s "
				"(run 'xenlate unload', then 'xenlate load')",
				XL_MOD_DOM0);
	return xl_error("%s", xl_errmsg(c, err, buf, sizeof(buf)));
}

int xl_no_args(const struct xl_cmd *cmd, int argc, char *argv[])
{
	if (argc > 1)
		return xl_usage_error(cmd->name, "unexpected argument '%s'",
				      argv[1]);
	return 0;
}
