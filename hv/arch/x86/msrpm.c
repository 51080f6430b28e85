// SPDX-License-Identifier: GPL-2.0
/*
 * The SVM MSR permission map: which RDMSR and WRMSR exit.  MSRs outside
 * its three ranges always exit (the hardware's rule).
 */
#include "dom0.h"
#include <hv/errno.h>

/* MSRPM: two bits per MSR (read, write) in three 2 KiB ranges. */
int msrpm_offset(u32 msr, u32 *byte, u32 *bit)
{
	u32 base;

	if (msr <= 0x1fff)
		base = 0;
	else if (msr >= 0xc0000000 && msr <= 0xc0001fff)
		base = 0x800;
	else if (msr >= 0xc0010000 && msr <= 0xc0011fff)
		base = 0x1000;
	else
		return -ERANGE;	/* always intercepted by the hardware */
	msr &= 0x1fff;
	*byte = base + msr / 4;
	*bit = (msr % 4) * 2;
	return 0;
}

void msrpm_set(u8 *pm, u32 msr, bool read, bool write)
{
	u32 byte, bit;

	if (msrpm_offset(msr, &byte, &bit))
		return;
	pm[byte] &= (u8)~(3u << bit);
	pm[byte] |= (u8)((read ? 1u : 0u) << bit | (write ? 2u : 0u) << bit);
}
