// SPDX-License-Identifier: GPL-2.0
/*
 * Guest page-table walks.  Every table entry comes from the guest and is
 * hostile: each table is reached only through dom0_gpa_ptr(), which
 * refuses anything the guest could not access itself.
 */
#include "guest_mem.h"
#include "insn.h"
#include "paging.h"
#include "pgtable.h"
#include "msr.h"
#include <hv/errno.h>
#include <hv/lib.h>

int guest_virt_to_phys(struct hv_cpu *c, u64 gva, u64 *gpa)
{
	struct vmcb_save *s = &c->vmcb->save;
	u32 levels = (s->cr4 & CR4_LA57) ? 5 : 4;
	u64 table = s->cr3 & PTE_ADDR;

	if (!(s->efer & EFER_LMA) || !(s->cr0 & BIT(31)))
		return -EFAULT;	/* Dom0 only ever runs in long mode. */
	for (u32 level = levels; level >= 1; level--) {
		u32 shift = 12 + 9 * (level - 1);
		u64 idx = (gva >> shift) & 511;
		u64 *e = dom0_gpa_ptr(table + idx * 8, 8, false);
		u64 v;

		if (!e)
			return -EFAULT;
		v = READ_ONCE(*e);
		if (!(v & PTE_P))
			return -EFAULT;
		if (level == 1 || ((level == 2 || level == 3) && (v & PTE_PS))) {
			u64 span = 1ULL << shift;

			*gpa = (v & PTE_ADDR & ~(span - 1)) | (gva & (span - 1));
			return 0;
		}
		table = v & PTE_ADDR;
	}
	return -EFAULT;
}

int guest_read_virt(struct hv_cpu *c, u64 gva, void *dst, size_t len)
{
	u8 *d = dst;

	while (len) {
		size_t part = MIN(len, PAGE_SIZE - (gva & (PAGE_SIZE - 1)));
		u64 gpa;
		void *src;

		if (guest_virt_to_phys(c, gva, &gpa))
			return -EFAULT;
		src = dom0_gpa_ptr(gpa, part, false);
		if (!src)
			return -EFAULT;
		memcpy(d, src, part);
		d += part;
		gva += part;
		len -= part;
	}
	return 0;
}

int guest_insn_len(struct hv_cpu *c, int *op)
{
	u64 rip = c->vmcb->save.rip + c->vmcb->save.cs.base;
	u8 buf[INSN_MAX_LEN];
	size_t n = INSN_MAX_LEN;
	enum insn_op o;
	int len;

	/* Read what we can: the instruction may end just before a hole. */
	while (n && guest_read_virt(c, rip, buf, n))
		n = n > PAGE_SIZE - (rip & (PAGE_SIZE - 1)) ?
		    PAGE_SIZE - (rip & (PAGE_SIZE - 1)) : 0;
	len = insn_decode_svm(buf, n, &o);
	*op = o;
	return len;
}
