/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the architecture-independent code needs from the architecture.
 * Implemented under arch/x86/ (and by stubs in the host unit tests).
 */
#ifndef HV_ARCH_H
#define HV_ARCH_H

#include <hv/types.h>

/* Index of the executing CPU (Linux's CPU number), or ARCH_NO_CPU. */
#define ARCH_NO_CPU	0xffffU
u32 arch_cpu_index(void);
/* Nanoseconds since the hypervisor was loaded. */
u64 arch_now_ns(void);
/* TSC frequency the clock uses, in kHz. */
u64 arch_tsc_khz(void);

#endif
