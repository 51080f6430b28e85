/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Exception entry stubs for the hypervisor's own IDT: 32 stubs of 16
 * bytes each, so traps.c finds stub N at hv_trap_stubs + 16 * N without
 * any relocated table.  Exceptions in the hypervisor are bugs (or the
 * expected #GP of rdmsr_safe and friends, fixed up in traps.c).
 */
	.text
	.align 16
	.globl hv_trap_stubs
hv_trap_stubs:
	vector = 0
	.rept 32
	.align 16
	.if vector == 8 || (vector >= 10 && vector <= 14) || vector == 17 || vector == 21 || vector == 29 || vector == 30
	.else
	pushq	$0
	.endif
	pushq	$vector
	jmp	trap_common
	vector = vector + 1
	.endr

trap_common:
	push	%r15
	push	%r14
	push	%r13
	push	%r12
	push	%r11
	push	%r10
	push	%r9
	push	%r8
	push	%rdi
	push	%rsi
	push	%rbp
	push	%rbx
	push	%rdx
	push	%rcx
	push	%rax
	mov	%rsp, %rdi
	call	hv_trap
	pop	%rax
	pop	%rcx
	pop	%rdx
	pop	%rbx
	pop	%rbp
	pop	%rsi
	pop	%rdi
	pop	%r8
	pop	%r9
	pop	%r10
	pop	%r11
	pop	%r12
	pop	%r13
	pop	%r14
	pop	%r15
	add	$16, %rsp
	iretq

/*
 * Interrupt stubs for vectors 32-255, 16 bytes each like the exception
 * stubs (hv_irq_stubs + 16 * (vector - 32)).  The host only takes
 * interrupts in its short windows (irq.c); hv_irq() records them.
 */
	.align 16
	.globl hv_irq_stubs
hv_irq_stubs:
	vector = 32
	.rept 224
	.align 16
	pushq	$vector
	jmp	irq_common
	vector = vector + 1
	.endr

irq_common:
	push	%rax
	push	%rcx
	push	%rdx
	push	%rsi
	push	%rdi
	push	%r8
	push	%r9
	push	%r10
	push	%r11
	mov	72(%rsp), %rdi
	/* 9 saved + vector + 5-word frame: 8 more for a 16-byte call. */
	sub	$8, %rsp
	call	hv_irq
	add	$8, %rsp
	pop	%r11
	pop	%r10
	pop	%r9
	pop	%r8
	pop	%rdi
	pop	%rsi
	pop	%rdx
	pop	%rcx
	pop	%rax
	add	$8, %rsp
	iretq

/*
 * int rdmsr_safe(u32 msr, u64 *v), int wrmsr_safe(u32 msr, u64 v):
 * 0, or -EFAULT (-14) when the access raised #GP.
 */
	.globl rdmsr_safe
rdmsr_safe:
	mov	%edi, %ecx
1:	rdmsr
	shl	$32, %rdx
	or	%rdx, %rax
	mov	%rax, (%rsi)
	xor	%eax, %eax
	ret
2:	mov	$-14, %eax
	ret
	.pushsection .extable, "a"
	.long	1b - ., 2b - .
	.popsection

	.globl wrmsr_safe
wrmsr_safe:
	mov	%edi, %ecx
	mov	%rsi, %rax
	mov	%rsi, %rdx
	shr	$32, %rdx
3:	wrmsr
	xor	%eax, %eax
	ret
4:	mov	$-14, %eax
	ret
	.pushsection .extable, "a"
	.long	3b - ., 4b - .
	.popsection

	.section .note.GNU-stack, "", @progbits
