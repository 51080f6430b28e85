/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The world switches: entering the hypervisor on a CPU, the VMRUN loop,
 * and handing the CPU back to Linux.  Offsets are those of struct hv_cpu
 * and struct devirt_frame in cpu.h (checked there with static asserts).
 */
#define CPU_VMCB_PA	128
#define CPU_HOST_VMCB	136

/*
 * Load rcx..r15 from gpr[] at (%rdi) (rax and rsp are handled apart),
 * rdi last since it is the base.
 */
.macro LOAD_GPRS_BUT_RAX
	mov	8(%rdi), %rcx
	mov	16(%rdi), %rdx
	mov	24(%rdi), %rbx
	mov	40(%rdi), %rbp
	mov	48(%rdi), %rsi
	mov	64(%rdi), %r8
	mov	72(%rdi), %r9
	mov	80(%rdi), %r10
	mov	88(%rdi), %r11
	mov	96(%rdi), %r12
	mov	104(%rdi), %r13
	mov	112(%rdi), %r14
	mov	120(%rdi), %r15
	mov	56(%rdi), %rdi
.endm

	.text

/*
 * void svm_launch_switch(struct hv_cpu *c, u64 cr3, u64 stack_top)
 * Called in Linux's address space with interrupts off.  The code runs at
 * the same address in both address spaces, so the CR3 switch is safe.
 */
	.globl svm_launch_switch
svm_launch_switch:
	clgi
	mov	%rsi, %cr3
	mov	%rdx, %rsp
	xor	%ebp, %ebp
	call	svm_launch_continue
	ud2

/* void svm_run_loop(struct hv_cpu *c): enter the guest, handle exits. */
	.globl svm_run_loop
svm_run_loop:
	push	%rdi
.Lenter:
	mov	CPU_VMCB_PA(%rdi), %rax
	vmload	%rax
	LOAD_GPRS_BUT_RAX
	/*
	 * IF=1 for the world switch (GIF=0 holds everything off here): with
	 * V_INTR_MASKING, a guest's physical interrupts exit only when the
	 * host's IF was set at VMRUN.  Back to IF=0 after the exit.
	 */
	sti
	vmrun	%rax
	cli
	/* #VMEXIT: rax, rsp and rip are the host's again; the rest guest's. */
	push	%rdi
	mov	8(%rsp), %rdi
	mov	%rcx, 8(%rdi)
	mov	%rdx, 16(%rdi)
	mov	%rbx, 24(%rdi)
	mov	%rbp, 40(%rdi)
	mov	%rsi, 48(%rdi)
	mov	%r8, 64(%rdi)
	mov	%r9, 72(%rdi)
	mov	%r10, 80(%rdi)
	mov	%r11, 88(%rdi)
	mov	%r12, 96(%rdi)
	mov	%r13, 104(%rdi)
	mov	%r14, 112(%rdi)
	mov	%r15, 120(%rdi)
	popq	56(%rdi)
	vmsave	%rax
	/* Our TR (for the IST stacks) is not restored by #VMEXIT. */
	mov	CPU_HOST_VMCB(%rdi), %rax
	vmload	%rax
	xor	%ebp, %ebp
	sub	$8, %rsp
	call	svm_handle_exit
	add	$8, %rsp
	mov	(%rsp), %rdi
	jmp	.Lenter

/*
 * void svm_devirt_switch(struct devirt_frame *f)
 * Leave the hypervisor: load Linux's state as it was in guest mode and
 * continue there in host mode.  The frame and this code are mapped at the
 * same addresses in Linux's page tables.
 */
	.globl svm_devirt_switch
svm_devirt_switch:
	mov	208(%rdi), %rax
	vmload	%rax
	mov	144(%rdi), %rax
	mov	%rax, %cr2
	mov	136(%rdi), %rax
	mov	%rax, %cr4
	mov	128(%rdi), %rax
	mov	%rax, %cr3
	lgdt	222(%rdi)
	lidt	238(%rdi)
	mov	184(%rdi), %rax
	mov	%ax, %ss
	mov	192(%rdi), %rax
	mov	%ax, %ds
	mov	200(%rdi), %rax
	mov	%ax, %es
	pushq	184(%rdi)
	pushq	160(%rdi)
	pushq	168(%rdi)
	pushq	176(%rdi)
	pushq	152(%rdi)
	mov	0(%rdi), %rax
	LOAD_GPRS_BUT_RAX
	/* Interrupts stay masked by the frame's IF=0 until iretq. */
	stgi
	iretq

	.section .note.GNU-stack, "", @progbits
