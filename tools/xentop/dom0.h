/* SPDX-License-Identifier: GPL-2.0 */
/* Dom0 is Linux: what Linux's /proc says of it and of the machine. */
#ifndef XT_DOM0_H
#define XT_DOM0_H

#include "dom.h"

/*
 * Dom0's row as Linux sees it (name, state, vCPUs, memory, linux_ns,
 * age) and the machine's memory.  What cannot be read stays 0.
 */
void xt_dom0_linux(struct xt_dom *d, struct xt_machine *m);

#endif
