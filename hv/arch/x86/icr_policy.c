// SPDX-License-Identifier: GPL-2.0
/*
 * The INIT and SIPI policy for Dom0's trapped APIC and IOAPIC writes.
 * Wherever the delivery rules leave room (broadcast forms, reserved
 * models, IDs too wide for xAPIC), it reads them the way that reaches
 * more CPUs: refusing a message Linux never sends costs nothing, letting
 * one through costs the isolation of every guest.
 */
#include "icr_policy.h"

/* Does logical destination @mda reach the APIC with LDR @ldr? */
static bool logical_match(u32 mda, u32 dfr, u32 ldr)
{
	u32 lid = ldr >> 24;

	if (mda == ICR_DEST_BROADCAST)
		return true;
	switch (DFR_MODEL(dfr)) {
	case DFR_MODEL_FLAT:
		return (mda & lid) != 0;
	case DFR_MODEL_CLUSTER:
		/* Cluster 0xf is "all clusters" in some manuals: honour it. */
		if (mda >> 4 != 0xf && mda >> 4 != lid >> 4)
			return false;
		return (mda & lid & 0xf) != 0;
	}
	return true;
}

/* Does the IPI in @lo/@hi, sent from @self, reach @cpu? */
static bool reaches(u32 lo, u32 hi, u32 dfr, u32 self,
		    const struct icr_cpu *cpu)
{
	switch (ICR_SHORTHAND(lo)) {
	case ICR_SH_SELF:
		return cpu->apic_id == self;
	case ICR_SH_ALL:
		return true;
	case ICR_SH_OTHERS:
		return cpu->apic_id != self;
	}
	if (lo & ICR_DEST_LOGICAL)
		return logical_match(ICR_DEST(hi), dfr, cpu->ldr);
	return ICR_DEST(hi) == ICR_DEST_BROADCAST ||
	       ICR_DEST(hi) == (cpu->apic_id & 0xff);
}

enum icr_verdict icr_check(u32 icr_low, u32 icr_high, u32 dfr,
			   u32 self_apic_id, const struct icr_cpu *owned,
			   u32 nr_owned, u32 *hit)
{
	u32 dm = APIC_DM(icr_low);

	if (dm != APIC_DM_INIT && dm != APIC_DM_STARTUP)
		return ICR_PASS;
	for (u32 i = 0; i < nr_owned; i++) {
		if (reaches(icr_low, icr_high, dfr, self_apic_id, &owned[i])) {
			if (hit)
				*hit = i;
			return ICR_REFUSE;
		}
	}
	return ICR_PASS;
}

bool ioapic_rte_refused(u64 rte)
{
	u32 dm = APIC_DM(rte);

	return dm == APIC_DM_INIT || dm == APIC_DM_SMI ||
	       dm == APIC_DM_STARTUP;
}

const char *apic_dm_name(u32 lo)
{
	static const char *const names[8] = {
		[APIC_DM_FIXED] = "fixed",
		[APIC_DM_LOWEST] = "lowest",
		[APIC_DM_SMI] = "SMI",
		[APIC_DM_REMRD] = "remote-read",
		[APIC_DM_NMI] = "NMI",
		[APIC_DM_INIT] = "INIT",
		[APIC_DM_STARTUP] = "SIPI",
		[APIC_DM_EXTINT] = "ExtINT",
	};

	return names[APIC_DM(lo)];
}
