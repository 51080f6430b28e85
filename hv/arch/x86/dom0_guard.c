// SPDX-License-Identifier: GPL-2.0
/*
 * Turning the guard on Dom0's APIC and IOAPIC pages on and off.  Dom0's
 * nested page tables change under the domctl lock only; each change is
 * one store of a 4 KiB leaf (the 2 MiB leaf around it is split first,
 * mapping the same), so a CPU running Dom0 meanwhile sees the old or the
 * new entry, never a hole.
 */
#include "dom0_guard.h"
#include "cpu.h"
#include "lapic.h"
#include "msr.h"
#include "paging.h"
#include "pgtable.h"
#include <hv/domctl.h>
#include <hv/errno.h>
#include <hv/log.h>

#define DOM0_RW		(PTE_P | PTE_RW | PTE_US)
#define DOM0_RO		(PTE_P | PTE_US)

/*
 * QEMU's local APIC answers the whole 1 MiB MSI window at 0xfee00000 and
 * takes a CPU's write anywhere in it beyond the APIC page (and at the
 * page's first 16 bytes) as an MSI whose address and data the writer
 * chose - INIT included.  Dom0 has no business there: while guarded the
 * rest of the window is unmapped.
 */
#define MSI_WINDOW	0xfee00000ULL
#define MSI_WINDOW_SIZE	0x100000ULL

extern struct pt dom0_npt;

static u32 mode;
static u64 lapic_pa;
static u32 nr_ioapics;
static u64 ioapic_pa[XL_MAX_IOAPICS];
static volatile u8 *ioapic_va[XL_MAX_IOAPICS];
static u32 users;		/* guest domains, +1 with dom0_apic=trap */
static bool guarded;

static int protect_page(u64 pa, bool ro)
{
	int rc = pt_map(&dom0_npt, pa, pa, PAGE_SIZE, ro ? DOM0_RO : DOM0_RW,
			false);

	if (!rc && !ro)
		pt_merge_2m(&dom0_npt, pa);
	return rc;
}

/* The MSI window around the APIC page: 255 pages, one 4 KiB table. */
static int protect_msi_window(bool ro)
{
	u64 start = lapic_pa + PAGE_SIZE, size = MSI_WINDOW_SIZE - PAGE_SIZE;

	if (lapic_pa != MSI_WINDOW)
		return 0;
	if (ro)
		return pt_unmap(&dom0_npt, start, size);
	if (pt_map(&dom0_npt, start, start, size, DOM0_RW, false))
		return -ENOMEM;
	pt_merge_2m(&dom0_npt, start);
	return 0;
}

static int protect_all(bool ro)
{
	int rc = protect_page(lapic_pa, ro);

	if (!rc)
		rc = protect_msi_window(ro);

	for (u32 i = 0; !rc && i < nr_ioapics; i++)
		rc = protect_page(ioapic_pa[i], ro);
	/* Splitting the first 2 MiB leaf is the only step needing memory. */
	if (rc && ro)
		protect_all(false);
	return rc;
}

int dom0_guard_init(const struct xl_boot_info *bi)
{
	static const char * const names[] = { "auto", "trap", "direct" };

	if (bi->dom0_apic > XL_DOM0_APIC_DIRECT ||
	    bi->nr_ioapics > XL_MAX_IOAPICS)
		return -EINVAL;
	mode = bi->dom0_apic;
	lapic_pa = rdmsr(MSR_IA32_APIC_BASE) & PTE_ADDR;
	nr_ioapics = bi->nr_ioapics;
	for (u32 i = 0; i < nr_ioapics; i++) {
		u64 pa = bi->ioapic_pa[i] & PTE_ADDR;
		u64 va = bi->directmap_va + pa;

		/* An MMIO page Dom0 must never share with RAM or with us. */
		if (pa == lapic_pa || phys_is_ram(pa, PAGE_SIZE))
			return -EINVAL;
		if (pt_map(&host_pt, va, pa, PAGE_SIZE,
			   PTE_P | PTE_RW | PTE_NX | PTE_PCD | PTE_PWT, false))
			return -ENOMEM;
		ioapic_pa[i] = pa;
		ioapic_va[i] = (volatile u8 *)va;
	}
	hv_log("dom0_apic=%s: APIC at %llx, %u IOAPIC(s)%s",
	       names[mode], (unsigned long long)lapic_pa, nr_ioapics,
	       nr_ioapics ? "" : " (no MADT: IOAPIC writes are not checked)");
	if (mode != XL_DOM0_APIC_TRAP)
		return 0;
	users = 1;
	guarded = true;
	return protect_all(true);	/* before any CPU runs Dom0 on it */
}

s64 dom0_guard_get(void)
{
	int rc;

	if (mode == XL_DOM0_APIC_DIRECT || users++)
		return 0;
	rc = protect_all(true);
	if (rc) {
		users--;
		return rc;
	}
	WRITE_ONCE(guarded, true);
	hv_log("dom0: APIC and IOAPIC writes checked while guests exist");
	return (s64)arch_dom0_tlb_bump();
}

void dom0_guard_put(void)
{
	if (mode == XL_DOM0_APIC_DIRECT || !users || --users)
		return;
	WRITE_ONCE(guarded, false);
	protect_all(false);	/* the split tables are there: no memory */
	arch_dom0_tlb_bump();
	hv_log("dom0: no guests left, APIC and IOAPIC writes direct again");
}

bool dom0_guarded(void)
{
	return READ_ONCE(guarded);
}

enum guard_dev dom0_guard_which(u64 gpa, u32 *ioapic)
{
	u64 page = gpa & PAGE_MASK;

	if (page == lapic_pa)
		return GUARD_LAPIC;
	for (u32 i = 0; i < nr_ioapics; i++) {
		if (page == ioapic_pa[i]) {
			*ioapic = i;
			return GUARD_IOAPIC;
		}
	}
	return GUARD_NONE;
}

volatile u8 *dom0_guard_ioapic_va(u32 ioapic)
{
	return ioapic < nr_ioapics ? ioapic_va[ioapic] : NULL;
}

u64 dom0_guard_lapic_pa(void)
{
	return lapic_pa;
}

void dom0_guard_snapshot(struct hv_cpu *c)
{
	WRITE_ONCE(c->policy_apic_id, lapic_read(APIC_ID) >> 24);
	WRITE_ONCE(c->policy_ldr, lapic_read(APIC_LDR));
}
