// SPDX-License-Identifier: GPL-2.0
/*
 * Guest virtual to guest physical, for hypercall arguments.  PVH guests
 * make hypercalls from 64-bit long mode (4-level paging) or, early on,
 * with paging off; 32-bit paging is not supported (-EFAULT).
 */
#include "cpu.h"
#include "msr.h"
#include "pgtable.h"
#include "vcpu.h"
#include <hv/guest_access.h>
#include <hv/copy_paged.h>
#include <hv/domain.h>
#include <hv/domctl.h>
#include <hv/errno.h>
#include <hv/lib.h>

#define CR0_WP		BIT(16)
#define CR0_PG		BIT(31)

static int gva_to_gpa(struct vcpu *v, u64 gva, bool write, u64 *gpa)
{
	struct vmcb_save *s = &vcpu_vmcb(v)->save;
	u64 table = s->cr3 & PTE_ADDR;
	bool wp = s->cr0 & CR0_WP;

	if (!(s->cr0 & CR0_PG)) {
		*gpa = gva & 0xffffffffULL;
		return 0;
	}
	if (!(s->efer & EFER_LMA) || (s->cr4 & CR4_LA57))
		return -EFAULT;
	/* Non-canonical addresses fault on the CPU: here too. */
	if ((u64)((s64)(gva << 16) >> 16) != gva)
		return -EFAULT;
	for (int level = 4; level >= 1; level--) {
		u32 shift = 12 + 9 * (level - 1);
		u64 *e = arch_domain_gpa_ptr(v->dom,
					     table + ((gva >> shift) & 511) * 8,
					     8);
		u64 pte;

		if (!e)
			return -EFAULT;
		pte = READ_ONCE(*e);
		if (!(pte & PTE_P) || (write && wp && !(pte & PTE_RW)))
			return -EFAULT;
		if (level == 1 || ((level == 2 || level == 3) &&
				   (pte & PTE_PS))) {
			u64 span = 1ULL << shift;

			*gpa = (pte & PTE_ADDR & ~(span - 1)) |
			       (gva & (span - 1));
			return 0;
		}
		table = pte & PTE_ADDR;
	}
	return -EFAULT;
}

/* One page of @ctx's (a vCPU's) virtual memory, for copy_paged(). */
static void *guest_page(void *ctx, u64 gva, u64 len, bool write)
{
	struct vcpu *v = ctx;
	u64 gpa;

	if (gva_to_gpa(v, gva, write, &gpa))
		return NULL;
	return arch_domain_gpa_ptr(v->dom, gpa, len);
}

int copy_from_guest(struct vcpu *v, void *dst, u64 gva, u64 len)
{
	return copy_paged(guest_page, v, gva, dst, len, false);
}

int copy_to_guest(struct vcpu *v, u64 gva, const void *src, u64 len)
{
	return copy_paged(guest_page, v, gva, (void *)src, len, true);
}
