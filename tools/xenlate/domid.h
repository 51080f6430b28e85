/* SPDX-License-Identifier: GPL-2.0 */
#ifndef XL_DOMID_H
#define XL_DOMID_H

#include <stdint.h>
#include <xen/xen.h>
#include <xen/sched.h>
#include <xenlate/dom0ctl.h>

#include "xl_client.h"

/* Index in @doms of the domain named or numbered @arg, or -ENOENT. */
int xl_find_domain(const struct xl_domain *doms, int nr, const char *arg);
/* xl's six state letters (r b p s c d) for a domain. */
const char *xl_state_str(const struct xl_domain *d);

#endif
