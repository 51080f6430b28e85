// SPDX-License-Identifier: GPL-2.0
/*
 * Dom0's writes to its guarded APIC and IOAPIC pages (dom0_guard.c).  The
 * write faulted in the nested page tables; there are no decode assists
 * here, so the instruction at Dom0's RIP is read through Dom0's own page
 * tables, decoded (mmio_insn.c), checked (icr_policy.c) and, unless
 * refused, done on the real device by the hypervisor on the same CPU -
 * the local APIC it reaches is Dom0's own on that CPU.  RIP then moves
 * past it.  Whatever the bytes say, only the faulting register is
 * written, so an instruction rewritten behind our back harms only Dom0.
 */
#include "apic_emul.h"
#include "cpu.h"
#include "dom0_guard.h"
#include "exits.h"
#include "guest_mem.h"
#include "icr_policy.h"
#include "lapic.h"
#include "mmio_insn.h"
#include "msr.h"
#include <hv/log.h>
#include <hv/errno.h>
#include <hv/lib.h>
#include <hv/spinlock.h>

#define IOAPIC_REGSEL	0x00
#define IOAPIC_WINDOW	0x10
#define IOAPIC_RTE_LO(sel)	((sel) >= 0x10 && !((sel) & 1))

#define SEG_L		BIT(9)		/* VMCB attribute: 64-bit code */
#define SEG_DB		BIT(10)

static spinlock_t ioapic_lock = SPINLOCK_INIT;
/*
 * Held across an INIT or start-up IPI's check and send, and across an LDR
 * write and its snapshot: otherwise one CPU could change its logical ID
 * between another's check of a logical destination and its send.
 */
static spinlock_t dest_lock = SPINLOCK_INIT;
static u64 refusals, unknown_forms;

static u64 reg_get(struct hv_cpu *c, u8 reg)
{
	if (reg == GPR_RAX)
		return c->vmcb->save.rax;
	if (reg == GPR_RSP)
		return c->vmcb->save.rsp;
	return c->gpr[reg & 15];
}

static void reg_set(struct hv_cpu *c, u8 reg, u64 v)
{
	if (reg == GPR_RAX)
		c->vmcb->save.rax = v;
	else if (reg == GPR_RSP)
		c->vmcb->save.rsp = v;
	else
		c->gpr[reg & 15] = v;
}

static u64 source_value(struct hv_cpu *c, const struct mmio_insn *in)
{
	u64 v = in->has_imm ? in->imm : reg_get(c, in->reg);

	return in->high8 ? v >> 8 : v;
}

/* What a load of @size bytes does to the destination register. */
static void load_value(struct hv_cpu *c, const struct mmio_insn *in, u64 v)
{
	u64 r = reg_get(c, in->reg);
	u32 shift = in->high8 ? 8 : 0;

	switch (in->size) {
	case 1:
		r = (r & ~(0xffULL << shift)) | ((v & 0xff) << shift);
		break;
	case 2:
		r = (r & ~0xffffULL) | (v & 0xffff);
		break;
	case 4:
		r = (u32)v;	/* a 32-bit result clears bits 63:32 */
		break;
	default:
		r = v;
	}
	reg_set(c, in->reg, r);
}

static int fetch_decode(struct hv_cpu *c, struct mmio_insn *in, u8 *buf,
			size_t *n)
{
	struct vmcb_save *s = &c->vmcb->save;
	bool mode64 = (s->efer & EFER_LMA) && (s->cs.attrib & SEG_L);
	u64 rip = s->cs.base + s->rip;
	size_t in_page;

	memset(in, 0, sizeof(*in));
	if (!mode64) {
		if (!(s->cs.attrib & SEG_DB))
			return -EINVAL;		/* 16-bit code: not Linux */
		rip = (u32)rip;
	}
	in_page = PAGE_SIZE - (rip & (PAGE_SIZE - 1));
	/* All 15 bytes if both pages are there, else what this page has. */
	*n = INSN_MAX_LEN;
	if (guest_read_virt(c, rip, buf, *n)) {
		*n = MIN(*n, in_page);
		if (guest_read_virt(c, rip, buf, *n))
			return -EFAULT;
	}
	return mmio_insn_decode(buf, *n, mode64, in);
}

static void refuse_log(struct hv_cpu *c, const char *what, u32 a, u32 b)
{
	if (log_allowed(&refusals))
		hv_log("dom0: cpu %u: %s (%08x:%08x) refused (rip %llx)",
		       c->index, what, a, b,
		       (unsigned long long)c->vmcb->save.rip);
}

/* May this CPU's Dom0 send the IPI in ICR @lo with ICR high @hi? */
static bool icr_allowed(struct hv_cpu *c, u32 lo, u32 hi)
{
	/* Linux sets one DFR on every CPU; checking both models covers a
	 * Dom0 that set another one somewhere. */
	static const u32 dfrs[] = { 0xffffffff, 0x0fffffff };
	u32 self = READ_ONCE(c->policy_apic_id);

	for (u32 i = 0; i < hv_nr_cpus; i++) {
		struct hv_cpu *t = hv_cpus[i];
		struct icr_cpu cpu;

		if (!t || !READ_ONCE(t->launched))
			continue;	/* not ours: Dom0 may bring it up */
		cpu.apic_id = READ_ONCE(t->policy_apic_id);
		cpu.ldr = READ_ONCE(t->policy_ldr);
		for (u32 k = 0; k < ARRAY_SIZE(dfrs); k++) {
			if (icr_check(lo, hi, dfrs[k], self, &cpu, 1, NULL) ==
			    ICR_PASS)
				continue;
			if (log_allowed(&refusals))
				hv_log("dom0: cpu %u: %s IPI to cpu %u "
				       "(ICR %08x:%08x) refused: it runs "
				       "the hypervisor (rip %llx)", c->index,
				       apic_dm_name(lo), i, hi, lo,
				       (unsigned long long)c->vmcb->save.rip);
			return false;
		}
	}
	return true;
}

/* A 32-bit write to Dom0's local APIC at @off.  False: refused. */
static bool lapic_store(struct hv_cpu *c, u32 off, u32 v)
{
	bool checked = dom0_guarded(), ok = true, locked = false;
	u32 dm = APIC_DM(v);

	/* QEMU sends these bytes as an MSI to APIC ID 0 (dom0_guard.c). */
	if (checked && off < 0x10) {
		refuse_log(c, "a write QEMU would send as an MSI", off, v);
		return false;
	}
	/* A CPU that changes its ID could be INITed by the new one. */
	if (checked && off == APIC_ID && v != lapic_read(APIC_ID)) {
		refuse_log(c, "changing the APIC ID", v, lapic_read(APIC_ID));
		return false;
	}
	if (off == APIC_LDR || (off == APIC_REG_ICR_LO &&
				(dm == APIC_DM_INIT || dm == APIC_DM_STARTUP))) {
		spin_lock(&dest_lock);
		locked = true;
	}
	if (checked && off == APIC_REG_ICR_LO)
		ok = icr_allowed(c, v, lapic_read(APIC_REG_ICR_HI));
	if (ok)
		lapic_write(off, v);
	if (off == APIC_LDR || off == APIC_ID)
		dom0_guard_snapshot(c);
	if (locked)
		spin_unlock(&dest_lock);
	return ok;
}

static bool ioapic_store(struct hv_cpu *c, u32 idx, u32 off, u32 v)
{
	volatile u8 *io = dom0_guard_ioapic_va(idx);
	bool ok = true;

	if (!io)
		return false;
	/* Trapped select and window writes are one sequence per IOAPIC. */
	spin_lock(&ioapic_lock);
	if (off == IOAPIC_WINDOW && dom0_guarded()) {
		u32 sel = *(volatile u32 *)(io + IOAPIC_REGSEL) & 0xff;

		if (IOAPIC_RTE_LO(sel) && ioapic_rte_refused(v)) {
			if (log_allowed(&refusals))
				hv_log("dom0: cpu %u: IOAPIC %u entry %u with "
				       "%s delivery (%08x) refused (rip %llx)",
				       c->index, idx, (sel - 0x10) / 2,
				       apic_dm_name(v), v,
				       (unsigned long long)c->vmcb->save.rip);
			ok = false;
		}
	}
	if (ok)
		*(volatile u32 *)(io + off) = v;
	spin_unlock(&ioapic_lock);
	return ok;
}

static u32 device_read(enum guard_dev dev, u32 idx, u32 off)
{
	if (dev == GUARD_LAPIC)
		return lapic_read(off);
	return *(volatile u32 *)(dom0_guard_ioapic_va(idx) + off);
}

static void bad_form(struct hv_cpu *c, u64 gpa, const u8 *b, size_t n,
		     const char *why)
{
	if (log_allowed(&unknown_forms))
		hv_log("dom0: cpu %u: %s at %llx (rip %llx, bytes %02x %02x "
		       "%02x %02x %02x %02x, %u read): #GP", c->index, why,
		       (unsigned long long)gpa,
		       (unsigned long long)c->vmcb->save.rip,
		       n > 0 ? b[0] : 0, n > 1 ? b[1] : 0, n > 2 ? b[2] : 0,
		       n > 3 ? b[3] : 0, n > 4 ? b[4] : 0, n > 5 ? b[5] : 0,
		       (u32)n);
	inject_exception(c, 13, true, 0);
}

bool apic_emul_npf(struct hv_cpu *c, u64 gpa, u64 err)
{
	struct mmio_insn in;
	enum guard_dev dev;
	u8 buf[INSN_MAX_LEN];
	size_t n = 0;
	u32 idx = 0, off = gpa & (PAGE_SIZE - 1), v;

	dev = dom0_guard_which(gpa, &idx);
	if (dev == GUARD_NONE || !(err & 1) || !(err & 2) || (err & 16))
		return false;	/* not a write to a present guarded page */
	if (fetch_decode(c, &in, buf, &n)) {
		bad_form(c, gpa, buf, n, "unknown instruction form");
		return true;
	}
	/* The devices take aligned 32-bit accesses; Linux makes no other. */
	if (in.size != 4 || (off & 3)) {
		bad_form(c, gpa, buf, n, "not an aligned 32-bit access");
		return true;
	}
	if (in.kind == MMIO_LOAD) {
		/* The page is readable: the bytes changed since the fault. */
		load_value(c, &in, device_read(dev, idx, off));
	} else {
		u32 old = in.kind == MMIO_XCHG ? device_read(dev, idx, off) : 0;

		/* Refused: dropped, as a write to a read-only register. */
		v = (u32)source_value(c, &in);
		if (dev == GUARD_LAPIC)
			lapic_store(c, off, v);
		else
			ioapic_store(c, idx, off, v);
		if (in.kind == MMIO_XCHG)
			load_value(c, &in, old);
	}
	c->vmcb->save.rip += in.len;
	c->vmcb->control.interrupt_shadow = 0;
	return true;
}
