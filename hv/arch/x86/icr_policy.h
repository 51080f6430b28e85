/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Which interrupts Dom0 may send while guests exist (DESIGN decision 11).
 * An INIT resets its target out of the hypervisor, and QEMU takes it even
 * with GIF clear (SUBSTRATE.md, "INIT cannot be contained here"), so the
 * only place to stop one is the write that sends it: Dom0's local APIC ICR
 * and IOAPIC redirection entries, trapped and checked here.  Pure: the
 * caller reads the registers and describes the CPUs the hypervisor owns.
 *
 * xAPIC only (this machine has no x2APIC): ICR low at APIC offset 0x300,
 * ICR high at 0x310.  Writing the low half sends the IPI.
 */
#ifndef HV_ICR_POLICY_H
#define HV_ICR_POLICY_H

#include <hv/types.h>

#define APIC_REG_ICR_LO		0x300
#define APIC_REG_ICR_HI		0x310

/* Delivery mode: bits 8..10 of ICR low and of an IOAPIC RTE. */
#define APIC_DM(lo)		(((u32)(lo) >> 8) & 7)
#define APIC_DM_FIXED		0
#define APIC_DM_LOWEST		1
#define APIC_DM_SMI		2
#define APIC_DM_REMRD		3	/* AMD remote read; Intel: reserved */
#define APIC_DM_NMI		4
#define APIC_DM_INIT		5
#define APIC_DM_STARTUP		6	/* SIPI; invalid in an IOAPIC RTE */
#define APIC_DM_EXTINT		7	/* IOAPIC only */

#define ICR_DEST_LOGICAL	BIT(11)
#define ICR_LEVEL_ASSERT	BIT(14)
#define ICR_TRIGGER_LEVEL	BIT(15)
#define ICR_SHORTHAND(lo)	(((u32)(lo) >> 18) & 3)
#define ICR_SH_NONE		0
#define ICR_SH_SELF		1
#define ICR_SH_ALL		2	/* including self */
#define ICR_SH_OTHERS		3	/* all excluding self */
#define ICR_DEST(hi)		((u32)(hi) >> 24)
#define ICR_DEST_BROADCAST	0xff

/* DFR bits 28..31: the logical destination model. */
#define DFR_MODEL(dfr)		((u32)(dfr) >> 28)
#define DFR_MODEL_FLAT		0xf
#define DFR_MODEL_CLUSTER	0x0

/* A CPU the hypervisor owns, as its xAPIC registers say. */
struct icr_cpu {
	u32 apic_id;	/* 8-bit xAPIC ID (the ID register's bits 24..31) */
	u32 ldr;	/* the LDR register as read: logical ID in 24..31 */
};

enum icr_verdict { ICR_PASS, ICR_REFUSE };

/*
 * May Dom0, on the CPU with APIC ID @self_apic_id, write @icr_low to its
 * ICR while ICR high holds @icr_high?  Refused: INIT and start-up (SIPI)
 * delivery that reaches any of the @nr_owned CPUs in @owned, directly, by
 * broadcast (destination 0xff, in either mode) or by a shorthand; then
 * *@hit (if not NULL) is the index in @owned of the first one reached.
 * Every other delivery mode passes, SMI included (the IOAPIC check is
 * stricter: Linux programs SMI nowhere, but an SMI IPI runs only the
 * firmware's handler, which returns to where it interrupted).
 *
 * An INIT level de-assert (INIT, level 0, trigger level) is refused too:
 * QEMU and CPUs since the Pentium 4 treat it as an arbitration-ID sync,
 * but it is still an INIT message and older parts act on it; Linux 6.1
 * sends one right after each INIT assert (wakeup_secondary_cpu_via_init),
 * so a refused CPU bring-up logs both.
 *
 * Logical destinations use @dfr (Linux programs the same DFR on every
 * CPU): flat, a bit mask against LDR bits 24..31; cluster, the high
 * nibble a cluster (0xf: all of them) and the low nibble a member mask.
 * A reserved model reaches everyone.  A physical destination matches the
 * low byte of an owned APIC ID: an ID above 255 cannot be addressed in
 * xAPIC mode, so matching its low byte errs on the side of refusing.
 */
enum icr_verdict icr_check(u32 icr_low, u32 icr_high, u32 dfr,
			   u32 self_apic_id, const struct icr_cpu *owned,
			   u32 nr_owned, u32 *hit);

/*
 * Must the IOAPIC redirection entry @rte be refused?  Yes for INIT, SMI
 * and start-up delivery, whatever the destination and even masked: the
 * entry is armed by a later write that changes only the mask bit.
 */
bool ioapic_rte_refused(u64 rte);

/*
 * The name of the delivery mode in bits 8..10 of @lo (ICR low or an RTE's
 * low half) for log lines: "fixed", "lowest", "SMI", "remote-read",
 * "NMI", "INIT", "SIPI" or "ExtINT".
 */
const char *apic_dm_name(u32 lo);

#endif
