/* SPDX-License-Identifier: GPL-2.0 */
/*
 * One 16-byte stub per IDT vector: the CPU pushes an error code for
 * some exceptions only, so the others push a zero to give trap_dispatch
 * one frame layout (struct trap_frame in guest.h).
 */
	.code64
	.text

#define HAS_ERROR(v) ((v) == 8 || ((v) >= 10 && (v) <= 14) || \
		      (v) == 17 || (v) == 21 || (v) == 29 || (v) == 30)

	.balign 16
	.globl trap_stubs
trap_stubs:
	vec = 0
	.rept 256
	.balign 16
	.if (HAS_ERROR(vec)) == 0
	pushq $0
	.endif
	pushq $vec
	jmp trap_common
	vec = vec + 1
	.endr

trap_common:
	pushq %rax
	pushq %rbx
	pushq %rcx
	pushq %rdx
	pushq %rsi
	pushq %rdi
	pushq %rbp
	pushq %r8
	pushq %r9
	pushq %r10
	pushq %r11
	pushq %r12
	pushq %r13
	pushq %r14
	pushq %r15
	/* The CPU aligned rsp to 16 before its 5 words; 17 more keep it. */
	mov %rsp, %rdi
	cld
	call trap_dispatch
	popq %r15
	popq %r14
	popq %r13
	popq %r12
	popq %r11
	popq %r10
	popq %r9
	popq %r8
	popq %rbp
	popq %rdi
	popq %rsi
	popq %rdx
	popq %rcx
	popq %rbx
	popq %rax
	add $16, %rsp
	iretq

/*
 * int wrmsr_safe(uint32_t msr, uint64_t val): 0, or -1 if the WRMSR
 * faulted (trap_dispatch finds the fixup in __ex_table).
 */
	.globl wrmsr_safe
wrmsr_safe:
	mov %edi, %ecx
	mov %esi, %eax
	mov %rsi, %rdx
	shr $32, %rdx
1:	wrmsr
	xor %eax, %eax
	ret
2:	mov $-1, %eax
	ret
	.pushsection __ex_table, "a"
	.balign 8
	.quad 1b, 2b
	.popsection

	.section .note.GNU-stack, "", @progbits
