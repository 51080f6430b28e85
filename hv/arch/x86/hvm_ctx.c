// SPDX-License-Identifier: GPL-2.0
/*
 * vcpu_hvm_context checks, after Xen's rules for HVM vCPU start state:
 * segments present and of the right kind, paging modes the CPU can
 * enter, no reserved bit anywhere.  The _ar layout of hvm_vcpu.h is the
 * VMCB's attribute layout, so accepted attributes go in unchanged.
 */
#include "hvm_ctx.h"
#include "seg.h"
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

/* What both layouts give, widened: the registers after the segments. */
struct start_regs {
	u64 cr0, cr3, cr4, efer, flags, ip, sp;
	u64 gpr[8];	/* a c d b sp bp si di */
};

static void load_regs(const struct start_regs *r, struct vmcb_save *s,
		      u64 gpr[8])
{
	s->cr0 = r->cr0 | CR0_ET;
	s->cr3 = r->cr3;
	s->cr4 = r->cr4;
	s->efer = r->efer | EFER_SVME;
	s->rflags = r->flags | RFLAGS_FIXED;
	s->rip = r->ip;
	s->rsp = r->sp;
	s->rax = r->gpr[0];
	memcpy(gpr, r->gpr, sizeof(r->gpr));
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

	seg_set(&s->cs, 0, r->cs_ar, r->cs_limit, r->cs_base);
	seg_set(&s->ss, 0, r->ss_ar, r->ss_limit, r->ss_base);
	seg_set(&s->ds, 0, r->ds_ar, r->ds_limit, r->ds_base);
	seg_set(&s->es, 0, r->es_ar, r->es_limit, r->es_base);
	/* FS and GS are not in the context: as DS, Xen does the same. */
	seg_set(&s->fs, 0, r->ds_ar, r->ds_limit, r->ds_base);
	seg_set(&s->gs, 0, r->ds_ar, r->ds_limit, r->ds_base);
	seg_set(&s->tr, 0, r->tr_ar, r->tr_limit, r->tr_base);
	s->cpl = AR_DPL(r->ss_ar);
	load_regs(&(struct start_regs){
		.cr0 = r->cr0, .cr3 = r->cr3, .cr4 = r->cr4, .efer = r->efer,
		.flags = r->eflags, .ip = r->eip, .sp = r->esp,
		.gpr = { r->eax, r->ecx, r->edx, r->ebx, r->esp, r->ebp,
			 r->esi, r->edi },
	}, s, gpr);
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
	seg_flat(s, 0xa9b, 0, 0, 0);
	load_regs(&(struct start_regs){
		.cr0 = r->cr0, .cr3 = r->cr3, .cr4 = r->cr4, .efer = r->efer,
		.flags = r->rflags, .ip = r->rip, .sp = r->rsp,
		.gpr = { r->rax, r->rcx, r->rdx, r->rbx, r->rsp, r->rbp,
			 r->rsi, r->rdi },
	}, s, gpr);
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
	seg_reset_rest(s);
	return 0;
}
