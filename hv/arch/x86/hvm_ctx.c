// SPDX-License-Identifier: GPL-2.0
/*
 * vcpu_hvm_context checks, after Xen's rules for HVM vCPU start state:
 * segments present and of the right kind, paging modes the CPU can
 * enter, no reserved bit anywhere.  The _ar layout of hvm_vcpu.h is the
 * VMCB's attribute layout, so accepted attributes go in unchanged.
 */
#include "hvm_ctx.h"
#include "msr.h"
#include <hv/errno.h>
#include <hv/lib.h>

#define AR_TYPE		0x00f
#define AR_TYPE_CODE	0x008
#define AR_TYPE_RW	0x002	/* data: writable; code: readable */
#define AR_S		0x010
#define AR_DPL(a)	(((a) >> 5) & 3)
#define AR_P		0x080
#define AR_L		0x200
#define AR_DB		0x400
#define AR_G		0x800
#define AR_MBZ		0xf000
#define TSS_BUSY_16	3
#define TSS_BUSY_32	11

#define CR0_PE		BIT(0)
#define CR0_ET		BIT(4)
#define CR0_NW		BIT(29)
#define CR0_CD		BIT(30)
#define CR0_PG		BIT(31)
/* PE MP EM TS ET NE WP AM NW CD PG: the rest is reserved. */
#define CR0_OK		(0x3f | BIT(16) | BIT(18) | CR0_NW | CR0_CD | CR0_PG)
#define CR4_PAE		BIT(5)
#define CR4_OSXSAVE	BIT(18)
/* VME PVI TSD DE PSE PAE MCE PGE PCE OSFXSR OSXMMEXCPT. */
#define CR4_OK		0x7ffULL
/* Reserved EFLAGS bits: 3, 5, 15, 22-63; bit 1 is always one. */
#define RFLAGS_MBZ	(BIT(3) | BIT(5) | BIT(15) | ~0x3fffffULL)
#define RFLAGS_VM	BIT(17)
#define RFLAGS_FIXED	BIT(1)

enum seg_kind { SEG_CS, SEG_SS, SEG_DATA, SEG_TR };

static bool seg_ok(u16 ar, u32 limit, enum seg_kind kind)
{
	if (ar & AR_MBZ)
		return false;
	if (!ar)
		return kind == SEG_DATA;	/* null DS/ES: unusable */
	if (!(ar & AR_P))
		return false;
	/* Granularity: 4 KiB units end in 0xfff, byte units fit 20 bits. */
	if ((ar & AR_G) ? (limit & 0xfff) != 0xfff : limit > 0xfffff)
		return false;
	switch (kind) {
	case SEG_CS:
		return (ar & AR_S) && (ar & AR_TYPE_CODE) &&
		       !((ar & AR_L) && (ar & AR_DB));
	case SEG_SS:
		return (ar & AR_S) && !(ar & AR_TYPE_CODE) &&
		       (ar & AR_TYPE_RW);
	case SEG_DATA:
		return (ar & AR_S) &&
		       (!(ar & AR_TYPE_CODE) || (ar & AR_TYPE_RW));
	case SEG_TR:
		return !(ar & AR_S) && ((ar & AR_TYPE) == TSS_BUSY_32 ||
					(ar & AR_TYPE) == TSS_BUSY_16);
	}
	return false;
}

static void set_seg(struct vmcb_seg *s, u16 ar, u32 limit, u64 base)
{
	s->selector = 0;
	s->attrib = ar;
	s->limit = limit;
	s->base = base;
}

/* Control registers the CPU would take, and that VMRUN would run. */
static bool control_ok(u64 cr0, u64 cr3, u64 cr4, u64 efer,
		       const struct hvm_ctx_caps *caps)
{
	u64 cr4_ok = CR4_OK | (caps->xsave ? CR4_OSXSAVE : 0);
	u64 efer_ok = EFER_LME | EFER_LMA | (caps->nx ? EFER_NXE : 0);
	bool pg = cr0 & CR0_PG;

	if ((cr0 & ~CR0_OK) || !(cr0 & CR0_PE) ||
	    ((cr0 & CR0_NW) && !(cr0 & CR0_CD)))
		return false;
	if ((cr4 & ~cr4_ok) || (efer & ~efer_ok))
		return false;
	/* Long mode is active exactly when enabled with paging on, PAE. */
	if (!!(efer & EFER_LMA) != ((efer & EFER_LME) && pg))
		return false;
	if ((efer & EFER_LMA) && !(cr4 & CR4_PAE))
		return false;
	if (pg && caps->phys_bits < 64 && (cr3 >> caps->phys_bits))
		return false;
	return true;
}

static int load32(const struct vcpu_hvm_x86_32 *r,
		  const struct hvm_ctx_caps *caps, struct vmcb_save *s,
		  u64 gpr[8])
{
	if (!seg_ok(r->cs_ar, r->cs_limit, SEG_CS) ||
	    !seg_ok(r->ss_ar, r->ss_limit, SEG_SS) ||
	    !seg_ok(r->ds_ar, r->ds_limit, SEG_DATA) ||
	    !seg_ok(r->es_ar, r->es_limit, SEG_DATA) ||
	    !seg_ok(r->tr_ar, r->tr_limit, SEG_TR))
		return -EINVAL;
	/* CPL is SS.DPL on SVM; a code segment of another ring is a lie. */
	if (AR_DPL(r->cs_ar) != AR_DPL(r->ss_ar))
		return -EINVAL;
	/* Compatibility mode only: a 64-bit CS needs the 64-bit layout. */
	if (r->cs_ar & AR_L)
		return -EINVAL;
	if ((r->eflags & RFLAGS_MBZ) || (r->eflags & RFLAGS_VM))
		return -EINVAL;
	if (!control_ok(r->cr0, r->cr3, r->cr4, r->efer, caps))
		return -EINVAL;

	set_seg(&s->cs, r->cs_ar, r->cs_limit, r->cs_base);
	set_seg(&s->ss, r->ss_ar, r->ss_limit, r->ss_base);
	set_seg(&s->ds, r->ds_ar, r->ds_limit, r->ds_base);
	set_seg(&s->es, r->es_ar, r->es_limit, r->es_base);
	/* FS and GS are not in the context: as DS, Xen does the same. */
	set_seg(&s->fs, r->ds_ar, r->ds_limit, r->ds_base);
	set_seg(&s->gs, r->ds_ar, r->ds_limit, r->ds_base);
	set_seg(&s->tr, r->tr_ar, r->tr_limit, r->tr_base);
	s->cpl = AR_DPL(r->ss_ar);
	s->cr0 = r->cr0 | CR0_ET;
	s->cr3 = r->cr3;
	s->cr4 = r->cr4;
	s->efer = r->efer | EFER_SVME;
	s->rflags = r->eflags | RFLAGS_FIXED;
	s->rip = r->eip;
	s->rsp = r->esp;
	s->rax = r->eax;
	gpr[0] = r->eax;
	gpr[1] = r->ecx;
	gpr[2] = r->edx;
	gpr[3] = r->ebx;
	gpr[4] = r->esp;
	gpr[5] = r->ebp;
	gpr[6] = r->esi;
	gpr[7] = r->edi;
	return 0;
}

static int load64(const struct vcpu_hvm_x86_64 *r,
		  const struct hvm_ctx_caps *caps, struct vmcb_save *s,
		  u64 gpr[8])
{
	if (!(r->cr0 & CR0_PG) || !(r->efer & EFER_LMA))
		return -EINVAL;	/* this layout means long mode */
	if (r->rflags & (RFLAGS_MBZ | RFLAGS_VM))
		return -EINVAL;
	if ((u64)((s64)(r->rip << 16) >> 16) != r->rip)
		return -EINVAL;	/* non-canonical */
	if (!control_ok(r->cr0, r->cr3, r->cr4, r->efer, caps))
		return -EINVAL;
	/* Flat ring-0 segments, as Xen sets them up for this mode. */
	set_seg(&s->cs, 0xa9b, 0xffffffff, 0);
	set_seg(&s->ss, 0xc93, 0xffffffff, 0);
	set_seg(&s->ds, 0xc93, 0xffffffff, 0);
	set_seg(&s->es, 0xc93, 0xffffffff, 0);
	set_seg(&s->fs, 0xc93, 0xffffffff, 0);
	set_seg(&s->gs, 0xc93, 0xffffffff, 0);
	set_seg(&s->tr, 0x08b, 0x67, 0);
	s->cr0 = r->cr0 | CR0_ET;
	s->cr3 = r->cr3;
	s->cr4 = r->cr4;
	s->efer = r->efer | EFER_SVME;
	s->rflags = r->rflags | RFLAGS_FIXED;
	s->rip = r->rip;
	s->rsp = r->rsp;
	s->rax = r->rax;
	gpr[0] = r->rax;
	gpr[1] = r->rcx;
	gpr[2] = r->rdx;
	gpr[3] = r->rbx;
	gpr[4] = r->rsp;
	gpr[5] = r->rbp;
	gpr[6] = r->rsi;
	gpr[7] = r->rdi;
	return 0;
}

int hvm_ctx_load(const struct vcpu_hvm_context *ctx,
		 const struct hvm_ctx_caps *caps, struct vmcb_save *s,
		 u64 gpr[8])
{
	int rc;

	memset(s, 0, sizeof(*s));
	switch (ctx->mode) {
	case VCPU_HVM_MODE_32B:
		rc = load32(&ctx->cpu_regs.x86_32, caps, s, gpr);
		break;
	case VCPU_HVM_MODE_64B:
		rc = load64(&ctx->cpu_regs.x86_64, caps, s, gpr);
		break;
	default:
		rc = -EINVAL;
	}
	if (rc)
		return rc;
	set_seg(&s->ldtr, 0x082, 0, 0);	/* null LDT, as at boot */
	s->dr6 = 0xffff0ff0;
	s->dr7 = 0x400;
	s->g_pat = 0x0007040600070406ULL;
	return 0;
}
