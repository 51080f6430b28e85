// SPDX-License-Identifier: GPL-2.0
/*
 * Dom0's view of the machine: nested page tables that map all of physical
 * memory 1:1 except the hypervisor's own, and the MSR and I/O permission
 * maps that decide what Dom0 does without an exit.  Dom0 exits only for
 * what it must not do (decision 3: no HLT, interrupt, CR or #PF exits).
 */
#include "paging.h"
#include "cpu.h"
#include "msr.h"
#include "uart.h"
#include "dom0.h"
#include "npt.h"
#include <hv/mm.h>
#include <hv/log.h>
#include <hv/errno.h>
#include <hv/lib.h>
#include <hv/dom0.h>
#include <hv/copy_paged.h>

struct pt dom0_npt;
u8 *dom0_msrpm;			/* 8 KiB */
u8 *dom0_iopm;			/* 12 KiB */
u64 dom0_msrpm_pa, dom0_iopm_pa;

static void iopm_intercept(u8 *pm, u16 port, u16 count)
{
	for (u32 p = port; p < (u32)port + count; p++)
		pm[p / 8] |= (u8)(1u << (p % 8));
}

int dom0_init(const struct xl_boot_info *bi)
{
	int rc = pt_init(&dom0_npt, bi->paging_levels, &hv_pt_ops);

	if (!rc)
		rc = npt_build_identity(&dom0_npt, bi->range, bi->nr_ranges,
					bi->phys_top, hv_mem.chunk_pa,
					hv_mem.nr_chunks, XL_CHUNK_SIZE);
	if (rc)
		return rc;
	dom0_msrpm = mem_alloc_pages(&hv_mem, 2, 1);
	dom0_iopm = mem_alloc_pages(&hv_mem, 3, 1);
	if (!dom0_msrpm || !dom0_iopm)
		return -ENOMEM;
	dom0_msrpm_pa = virt_to_phys(dom0_msrpm);
	dom0_iopm_pa = virt_to_phys(dom0_iopm);
	/* EFER: reads pass (SVME shows, so kvm_amd backs off), writes checked. */
	msrpm_set(dom0_msrpm, MSR_EFER, false, true);
	/* The APIC stays where the guard traps it (apic_emul.c). */
	msrpm_set(dom0_msrpm, MSR_IA32_APIC_BASE, false, true);
	/* The SVM control MSRs are the hypervisor's. */
	msrpm_set(dom0_msrpm, MSR_VM_CR, true, true);
	msrpm_set(dom0_msrpm, 0xc0010115, false, true);	/* IGNNE */
	msrpm_set(dom0_msrpm, 0xc0010116, false, true);	/* SMM_CTL */
	msrpm_set(dom0_msrpm, MSR_VM_HSAVE_PA, true, true);
	msrpm_set(dom0_msrpm, 0xc0010118, true, true);	/* SVM_KEY */
	if (uart_get_port())
		iopm_intercept(dom0_iopm, uart_get_port(), 8);
	return 0;
}

void *dom0_gpa_ptr(u64 gpa, u64 len, bool write)
{
	u64 hpa, flags, size;

	if (!len || len > PAGE_SIZE ||
	    (gpa & PAGE_MASK) != ((gpa + len - 1) & PAGE_MASK))
		return NULL;
	if (!pt_lookup(&dom0_npt, gpa, &hpa, &flags, &size))
		return NULL;
	if (write && !(flags & PTE_RW))
		return NULL;
	if (!phys_is_ram(hpa, len) || mem_owns_phys(&hv_mem, hpa, len))
		return NULL;
	return phys_to_virt(hpa);
}

/* One page of Dom0's physical memory, for copy_paged(). */
static void *dom0_page(void *ctx, u64 gpa, u64 len, bool write)
{
	(void)ctx;
	return dom0_gpa_ptr(gpa, len, write);
}

int copy_to_dom0(u64 gpa, const void *src, size_t len)
{
	return copy_paged(dom0_page, NULL, gpa, (void *)src, len, true);
}

int copy_from_dom0(void *dst, u64 gpa, size_t len)
{
	return copy_paged(dom0_page, NULL, gpa, dst, len, false);
}
