/* SPDX-License-Identifier: GPL-2.0 */
/* Model-specific registers the hypervisor touches, and accessors. */
#ifndef X86_MSR_H
#define X86_MSR_H

#include <hv/types.h>

#define MSR_IA32_APIC_BASE	0x0000001b
#define MSR_IA32_PAT		0x00000277
#define MSR_EFER		0xc0000080
#define MSR_FS_BASE		0xc0000100
#define MSR_GS_BASE		0xc0000101
#define MSR_VM_CR		0xc0010114
#define MSR_VM_HSAVE_PA		0xc0010117

#define EFER_SCE		BIT(0)
#define EFER_LME		BIT(8)
#define EFER_LMA		BIT(10)
#define EFER_NXE		BIT(11)
#define EFER_SVME		BIT(12)

#define VM_CR_SVMDIS		BIT(4)

static inline u64 rdmsr(u32 msr)
{
	u32 lo, hi;

	__asm__ __volatile__("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));
	return lo | ((u64)hi << 32);
}

static inline void wrmsr(u32 msr, u64 v)
{
	__asm__ __volatile__("wrmsr" :: "c"(msr), "a"((u32)v),
			     "d"((u32)(v >> 32)) : "memory");
}

/* Return 0, or -EFAULT when the access raised #GP (see traps.c). */
int rdmsr_safe(u32 msr, u64 *v);
int wrmsr_safe(u32 msr, u64 v);

#endif
