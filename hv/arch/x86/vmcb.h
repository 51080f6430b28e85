/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The SVM virtual machine control block (AMD APM vol. 2, appendix B).
 */
#ifndef X86_VMCB_H
#define X86_VMCB_H

#include <hv/types.h>

/* intercept_misc1 */
#define INTERCEPT_INTR		BIT(0)
#define INTERCEPT_NMI		BIT(1)
#define INTERCEPT_INIT		BIT(3)
#define INTERCEPT_VINTR		BIT(4)
#define INTERCEPT_CPUID		BIT(18)
#define INTERCEPT_IRET		BIT(20)
#define INTERCEPT_HLT		BIT(24)
#define INTERCEPT_INVLPGA	BIT(26)
#define INTERCEPT_IOIO		BIT(27)
#define INTERCEPT_MSR		BIT(28)
#define INTERCEPT_SHUTDOWN	BIT(31)
/* intercept_misc2 */
#define INTERCEPT_VMRUN		BIT(0)
#define INTERCEPT_VMMCALL	BIT(1)
#define INTERCEPT_VMLOAD	BIT(2)
#define INTERCEPT_VMSAVE	BIT(3)
#define INTERCEPT_STGI		BIT(4)
#define INTERCEPT_CLGI		BIT(5)
#define INTERCEPT_SKINIT	BIT(6)
#define INTERCEPT_RDTSCP	BIT(7)
#define INTERCEPT_ICEBP		BIT(8)
#define INTERCEPT_WBINVD	BIT(9)
#define INTERCEPT_MONITOR	BIT(10)
#define INTERCEPT_MWAIT		BIT(11)
#define INTERCEPT_MWAIT_ARMED	BIT(12)
#define INTERCEPT_XSETBV	BIT(13)

/* vmcb_control.vintr */
#define V_IRQ			BIT(8)
#define V_INTR_PRIO_SHIFT	16
#define V_IGN_TPR		BIT(20)
#define V_INTR_MASKING		BIT(24)
#define V_INTR_VECTOR_SHIFT	32
#define V_INTR_VECTOR_MASK	(0xffULL << V_INTR_VECTOR_SHIFT)

#define TLB_CONTROL_NONE	0
#define TLB_CONTROL_ALL		1
#define TLB_CONTROL_ASID	3

#define EVENTINJ_VALID		BIT(31)
#define EVENTINJ_ERR_VALID	BIT(11)
#define EVENTINJ_TYPE_INTR	(0ULL << 8)
#define EVENTINJ_TYPE_NMI	(2ULL << 8)
#define EVENTINJ_TYPE_EXCEPT	(3ULL << 8)
#define EVENTINJ_TYPE_MASK	(7ULL << 8)

#define VMEXIT_CR0_READ		0x000
#define VMEXIT_EXCP_BASE	0x040
#define VMEXIT_INTR		0x060
#define VMEXIT_NMI		0x061
#define VMEXIT_INIT		0x063
#define VMEXIT_VINTR		0x064
#define VMEXIT_CPUID		0x072
#define VMEXIT_IRET		0x074
#define VMEXIT_HLT		0x078
#define VMEXIT_INVLPGA		0x07a
#define VMEXIT_IOIO		0x07b
#define VMEXIT_MSR		0x07c
#define VMEXIT_SHUTDOWN		0x07f
#define VMEXIT_VMRUN		0x080
#define VMEXIT_VMMCALL		0x081
#define VMEXIT_VMLOAD		0x082
#define VMEXIT_VMSAVE		0x083
#define VMEXIT_STGI		0x084
#define VMEXIT_CLGI		0x085
#define VMEXIT_SKINIT		0x086
#define VMEXIT_RDTSCP		0x087
#define VMEXIT_ICEBP		0x088
#define VMEXIT_WBINVD		0x089
#define VMEXIT_MONITOR		0x08a
#define VMEXIT_MWAIT		0x08b
#define VMEXIT_MWAIT_ARMED	0x08c
#define VMEXIT_XSETBV		0x08d
#define VMEXIT_NPF		0x400
/* QEMU writes it as 0xffffffff in the 64-bit field: compare 32 bits. */
#define VMEXIT_INVALID		0xffffffffU

struct vmcb_seg {
	u16 selector;
	u16 attrib;
	u32 limit;
	u64 base;
} __packed;

struct vmcb_control {
	u32 intercept_cr;
	u32 intercept_dr;
	u32 intercept_exceptions;
	u32 intercept_misc1;
	u32 intercept_misc2;
	u32 intercept_misc3;
	u8 reserved_018[0x03c - 0x018];
	u16 pause_filter_threshold;
	u16 pause_filter_count;
	u64 iopm_base_pa;
	u64 msrpm_base_pa;
	u64 tsc_offset;
	u32 guest_asid;
	u8 tlb_control;
	u8 reserved_05d[3];
	u64 vintr;
	u64 interrupt_shadow;
	u64 exitcode;
	u64 exitinfo1;
	u64 exitinfo2;
	u64 exitintinfo;
	u64 np_control;
	u64 avic_apic_bar;
	u64 ghcb_pa;
	u64 eventinj;
	u64 ncr3;
	u64 virt_ext;
	u32 clean;
	u32 reserved_0c4;
	u64 nrip;
	u8 insn_len;
	u8 insn_bytes[15];
	u8 reserved_0e0[0x400 - 0x0e0];
} __packed;

struct vmcb_save {
	struct vmcb_seg es, cs, ss, ds, fs, gs, gdtr, ldtr, idtr, tr;
	u8 reserved_4a0[0x4cb - 0x4a0];
	u8 cpl;
	u32 reserved_4cc;
	u64 efer;
	u8 reserved_4d8[0x548 - 0x4d8];
	u64 cr4;
	u64 cr3;
	u64 cr0;
	u64 dr7;
	u64 dr6;
	u64 rflags;
	u64 rip;
	u8 reserved_580[0x5d8 - 0x580];
	u64 rsp;
	u64 s_cet;
	u64 ssp;
	u64 isst_addr;
	u64 rax;
	u64 star;
	u64 lstar;
	u64 cstar;
	u64 sfmask;
	u64 kernel_gs_base;
	u64 sysenter_cs;
	u64 sysenter_esp;
	u64 sysenter_eip;
	u64 cr2;
	u8 reserved_648[0x668 - 0x648];
	u64 g_pat;
	u64 dbgctl;
	u64 br_from;
	u64 br_to;
	u64 last_excp_from;
	u64 last_excp_to;
} __packed;

struct vmcb {
	struct vmcb_control control;
	struct vmcb_save save;
} __packed;

_Static_assert(offsetof(struct vmcb_control, iopm_base_pa) == 0x40, "vmcb");
_Static_assert(offsetof(struct vmcb_control, guest_asid) == 0x58, "vmcb");
_Static_assert(offsetof(struct vmcb_control, exitcode) == 0x70, "vmcb");
_Static_assert(offsetof(struct vmcb_control, eventinj) == 0xa8, "vmcb");
_Static_assert(offsetof(struct vmcb_control, ncr3) == 0xb0, "vmcb");
_Static_assert(offsetof(struct vmcb_control, nrip) == 0xc8, "vmcb");
_Static_assert(offsetof(struct vmcb, save.cpl) == 0x4cb, "vmcb");
_Static_assert(offsetof(struct vmcb, save.efer) == 0x4d0, "vmcb");
_Static_assert(offsetof(struct vmcb, save.cr4) == 0x548, "vmcb");
_Static_assert(offsetof(struct vmcb, save.rip) == 0x578, "vmcb");
_Static_assert(offsetof(struct vmcb, save.rsp) == 0x5d8, "vmcb");
_Static_assert(offsetof(struct vmcb, save.rax) == 0x5f8, "vmcb");
_Static_assert(offsetof(struct vmcb, save.cr2) == 0x640, "vmcb");
_Static_assert(offsetof(struct vmcb, save.g_pat) == 0x668, "vmcb");

#endif
