/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Fixed-width types for the headers shared by the hypervisor (freestanding),
 * the Linux modules and the user-space tools.
 */
#ifndef XENLATE_TYPES_H
#define XENLATE_TYPES_H

#ifdef __KERNEL__
#include <linux/types.h>
#else
#include <stdint.h>
#endif

#endif
