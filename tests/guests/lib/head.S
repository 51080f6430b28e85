/* SPDX-License-Identifier: GPL-2.0 */
/*
 * PVH entry.  The hypervisor starts us as Xen does: 32-bit protected
 * mode, paging off, flat segments, ebx = hvm_start_info, no stack.  Go to
 * long mode on our own GDT and identity page tables, then into C.
 *
 * Secondary vCPUs (smp guest) enter at ap_start32 with the same 32-bit
 * state, set by VCPUOP_initialise: esp = their stack, ebx = vCPU id.
 */
#include <xen/elfnote.h>

#define GDT_CS32	0x08
#define GDT_DS		0x10
#define GDT_CS64	0x18

#define CR0_PE		0x00000001
#define CR0_PG		0x80000000
#define CR4_PAE		0x00000020
#define MSR_EFER	0xc0000080
#define EFER_LME	0x00000100
#define PTE_P		0x001
#define PTE_W		0x002
#define PTE_PS		0x080
/* head.S maps the first 4 GiB: guest RAM, the APIC page, below-4G MMIO */
#define NR_PD		4

/* A Xen ELF note: name "Xen", the given type, the descriptor inline. */
#define ELFNOTE(type, desc)			\
	.pushsection .note.Xen, "a", @note;	\
	.balign 4;				\
	.long 2f - 1f;				\
	.long 4f - 3f;				\
	.long type;				\
1:	.asciz "Xen";				\
2:	.balign 4;				\
3:	desc;					\
4:	.balign 4;				\
	.popsection

	ELFNOTE(XEN_ELFNOTE_PHYS32_ENTRY, .long pvh_start32)
	ELFNOTE(XEN_ELFNOTE_GUEST_OS, .asciz "xenlate-test")

	.section .text.head, "ax"
	.code32
	.globl pvh_start32, ap_start32
pvh_start32:
	mov %ebx, %esi			/* hvm_start_info, kept in esi */
	xor %edi, %edi			/* edi = 0: the boot vCPU */
	jmp 1f
ap_start32:
	mov $1, %edi			/* a secondary vCPU, id in ebx */
1:	cli
	cld
	/* VCPUOP_initialise gives segment caches, not a GDT: load ours. */
	lgdt gdt_ptr
	ljmp $GDT_CS32, $2f
2:	mov $GDT_DS, %eax
	mov %eax, %ds
	mov %eax, %es
	mov %eax, %ss
	mov %eax, %fs
	mov %eax, %gs
	test %edi, %edi
	jnz enter_long			/* the boot vCPU has done the rest */

	/* The builder zeroes bss, QEMU too; do not depend on either. */
	mov $__bss_start, %edi
	mov $__bss_end, %ecx
	sub %edi, %ecx
	xor %eax, %eax
	rep stosb
	mov $boot_stack_top, %esp

	/* pml4[0] -> pdpt, pdpt[0..3] -> pd[0..3] */
	mov $pdpt + (PTE_P | PTE_W), %eax
	mov %eax, pml4
	mov $pd + (PTE_P | PTE_W), %eax
	xor %ecx, %ecx
3:	mov %eax, pdpt(, %ecx, 8)
	add $4096, %eax
	inc %ecx
	cmp $NR_PD, %ecx
	jb 3b

	/* pd[i] = i * 2 MiB, a large page: identity for 0..4 GiB */
	xor %ecx, %ecx
4:	mov %ecx, %eax
	shl $21, %eax
	or $(PTE_P | PTE_W | PTE_PS), %eax
	mov %eax, pd(, %ecx, 8)
	inc %ecx
	cmp $(NR_PD * 512), %ecx
	jb 4b
	xor %edi, %edi

	/* Shared tail; edi = 0 boot vCPU (esi = start info), 1 secondary. */
enter_long:
	mov $pml4, %eax
	mov %eax, %cr3
	mov %cr4, %eax
	or $CR4_PAE, %eax
	mov %eax, %cr4
	mov $MSR_EFER, %ecx
	rdmsr
	or $EFER_LME, %eax
	wrmsr
	mov %cr0, %eax
	or $(CR0_PG | CR0_PE), %eax
	mov %eax, %cr0
	ljmp $GDT_CS64, $long_entry

	.code64
long_entry:
	mov $GDT_DS, %eax
	mov %eax, %ds
	mov %eax, %es
	mov %eax, %ss
	xor %eax, %eax
	mov %eax, %fs
	mov %eax, %gs
	and $~15, %rsp			/* the C ABI's alignment */
	test %edi, %edi
	jnz 1f
	mov %esi, %edi			/* zero-extends: start info */
	call lib_start
	jmp 2f
1:	mov %ebx, %edi
	call lib_ap_start
2:	cli
	hlt
	jmp 2b

	.section .rodata
	.balign 8
gdt:
	.quad 0
	.quad 0x00cf9a000000ffff	/* GDT_CS32: flat 32-bit code */
	.quad 0x00cf92000000ffff	/* GDT_DS: flat data */
	.quad 0x00af9a000000ffff	/* GDT_CS64: 64-bit code */
gdt_end:
	.balign 8
	.word 0
gdt_ptr:
	.word gdt_end - gdt - 1
	.long gdt

	.section .bss
	.balign 4096
	.globl pml4, pdpt
pml4:	.skip 4096
pdpt:	.skip 4096
pd:	.skip 4096 * NR_PD
	.balign 16
boot_stack:
	.skip 16384
boot_stack_top:

	.section .note.GNU-stack, "", @progbits
