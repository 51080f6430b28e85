/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Instruction decoding for intercepts.  There are no decode assists or
 * next-RIP here (SUBSTRATE.md), so the hypervisor reads the instruction at
 * the guest's RIP to learn its length.
 */
#ifndef X86_INSN_H
#define X86_INSN_H

#include <hv/types.h>

#define INSN_MAX_LEN	15

enum insn_op {
	INSN_UNKNOWN,
	INSN_CPUID,
	INSN_RDMSR,
	INSN_WRMSR,
	INSN_VMMCALL,
	INSN_VMRUN,
	INSN_VMLOAD,
	INSN_VMSAVE,
	INSN_STGI,
	INSN_CLGI,
	INSN_SKINIT,
	INSN_INVLPGA,
	INSN_HLT,
	INSN_XSETBV,
};

/*
 * Decode the instruction in @b[0..@n): legacy and REX prefixes, then one
 * of the intercepted opcodes above.  Returns its length and sets *@op, or
 * returns 0 (op INSN_UNKNOWN) when the bytes are something else, are cut
 * short, or exceed 15 bytes.
 */
int insn_decode_svm(const u8 *b, size_t n, enum insn_op *op);

#endif
