/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the loader module (xenlate.ko) exports to Dom0's other modules.
 */
#ifndef XENLATE_LOADER_H
#define XENLATE_LOADER_H

#include <linux/types.h>

/*
 * Issue a Dom0 control hypercall (include/xenlate/dom0ctl.h) on the current
 * CPU.  @arg must be in Linux's direct map (kmalloc, not vmalloc or stack)
 * and @len bytes long; the hypervisor reads and writes it by physical
 * address.  Returns the hypervisor's result (>= 0) or a negative errno:
 * -ENODEV when this CPU is not under the hypervisor.
 */
long xenlate_dom0ctl(unsigned int cmd, void *arg, size_t len);

#endif
