// SPDX-License-Identifier: GPL-2.0
/*
 * Error messages of the client library: one line each, no program name,
 * so the CLI and xentop can present them their own way.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "xl_client.h"
#include "xl_priv.h"

const char *xl_strerror(int err)
{
	switch (err) {
	case 0:
		return "success";
	case -XL_ERR_NOT_LOADED:
		return "hypervisor not loaded (run 'xenlate load')";
	case -XL_ERR_PROTO:
		return "malformed reply from xenlate_dom0 "
		       "(tools and modules from different builds?)";
	case -XL_ERR_NETLINK:
		return "netlink error";
	case -XL_ERR_TOOBIG:
		return "reply larger than the buffer given";
	case -EPERM:
	case -EACCES:
		return "permission denied: needs root (CAP_NET_ADMIN)";
	case -ENODEV:
		return "hypervisor is not running on this CPU";
	case -EOPNOTSUPP:
		return "request not supported by the loaded xenlate_dom0 "
		       "(tools newer than the modules?)";
	case -ETIMEDOUT:
		return "no reply from xenlate_dom0 (timed out)";
	case -EAFNOSUPPORT:
		return "generic netlink is not available in this kernel";
	}
	if (err < 0 && err > -XL_ERR_NOT_LOADED)
		return strerror(-err);
	return "unknown error";
}

const char *xl_detail(const struct xl_client *c)
{
	return c ? c->detail : "";
}

const char *xl_errmsg(const struct xl_client *c, int err, char *buf,
		      size_t size)
{
	const char *msg = xl_strerror(err);
	const char *detail = xl_detail(c);

	if (!size)
		return buf;
	if (!detail[0] || !strcmp(detail, msg))
		snprintf(buf, size, "%s", msg);
	else
		snprintf(buf, size, "%s: %s", msg, detail);
	return buf;
}

void xl_set_detail(struct xl_client *c, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(c->detail, sizeof(c->detail), fmt, ap);
	va_end(ap);
}
