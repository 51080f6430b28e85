/* SPDX-License-Identifier: GPL-2.0 */
/*
 * long xenlate_enter(void *entry, u64 op, void *arg)
 *
 * Calls the hypervisor image's entry point with the stack pointer and the
 * address at which Linux continues when the hypervisor takes this CPU:
 * for XL_OP_LAUNCH the entry does not return here but VMRUNs Linux at
 * label 1 with the same stack and rax = 0 (or an error).  Either way the
 * code after the label restores the callee-saved registers and returns.
 */
#include <linux/linkage.h>
#include <asm/nospec-branch.h>

SYM_FUNC_START(xenlate_enter)
	push	%rbp
	mov	%rsp, %rbp
	push	%rbx
	push	%r12
	push	%r13
	push	%r14
	push	%r15
	mov	%rdi, %rax
	mov	%rsi, %rdi
	mov	%rdx, %rsi
	mov	%rsp, %rdx
	lea	1f(%rip), %rcx
	CALL_NOSPEC rax
1:
	pop	%r15
	pop	%r14
	pop	%r13
	pop	%r12
	pop	%rbx
	pop	%rbp
	RET
SYM_FUNC_END(xenlate_enter)
