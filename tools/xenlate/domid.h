/* SPDX-License-Identifier: GPL-2.0 */
#ifndef XL_DOMID_H
#define XL_DOMID_H

#include <stdbool.h>
#include <stdint.h>
#include <xen/xen.h>
#include <xen/sched.h>
#include <xenlate/dom0ctl.h>

#include "xl_client.h"

/* Index in @doms of the domain named or numbered @arg, or -ENOENT. */
int xl_find_domain(const struct xl_domain *doms, int nr, const char *arg);
/*
 * xl's six state letters (r b p s c d) for a domain; @blocked: every
 * vCPU it has up is blocked (r means running or waiting for a CPU).
 */
const char *xl_state_str(const struct xl_domain *d, bool blocked);
/* "running", "shutdown", ... for enum xl_dom_state. */
const char *xl_state_name(uint32_t state);
/* "poweroff", "reboot", "crash", ... for SHUTDOWN_*. */
const char *xl_shutdown_reason_name(uint32_t reason);

#endif
