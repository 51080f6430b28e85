/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Decoding of the instruction behind a nested page fault on a trapped MMIO
 * page (Dom0's local APIC and IOAPIC while guests exist, DESIGN decision
 * 11).  There are no decode assists or next-RIP here (SUBSTRATE.md), so
 * the hypervisor reads the bytes at Dom0's RIP and emulates the access.
 *
 * Only the forms Linux's MMIO accessors compile to are known: MOV and
 * XCHG between a register or an immediate and memory.  The effective
 * address is not computed: the fault already gives the guest-physical
 * address.  Pure: no hardware access, no locks.
 */
#ifndef X86_MMIO_INSN_H
#define X86_MMIO_INSN_H

#include <hv/types.h>
#include "insn.h"

enum mmio_kind {
	MMIO_BAD = 0,
	MMIO_STORE,	/* 88, 89, c6 /0, c7 /0, a2, a3: memory = source */
	MMIO_LOAD,	/* 8a, 8b, a0, a1: register = memory */
	MMIO_XCHG,	/* 86, 87: both ways, one register */
};

struct mmio_insn {
	enum mmio_kind kind;
	u8 len;		/* bytes, prefixes included: 1..15 */
	u8 size;	/* operand bytes: 1, 2, 4 or 8 */
	bool has_imm;	/* a store of @imm, not of a register */
	/* The value stored, sign-extended to 64 bits when @size is 8. */
	u64 imm;
	/*
	 * The register (0 rAX .. 15 r15, REX.R included): the source of a
	 * store or xchg, the destination of a load or xchg; 0 with @has_imm.
	 * The accumulator forms a0..a3 use register 0.
	 */
	u8 reg;
	/*
	 * With @size 1 and no REX prefix, ModRM.reg 4..7 name AH, CH, DH and
	 * BH: then @reg is 0..3 and the operand is bits 8..15 of that register.
	 */
	bool high8;
	u8 seg;		/* the last segment-override prefix byte, or 0 */
};

/*
 * Decode the instruction in @b[0..@n) as 64-bit code (@mode64) or as
 * 32-bit protected or compatibility-mode code (CS.D set).  Accepted
 * prefixes: 66, REX (64-bit code), segment overrides, 67 (64-bit code
 * only: in 32-bit code it selects 16-bit addressing, which Linux never
 * uses), LOCK (XCHG only).  REP/REPNE, VEX, EVEX, register-only ModRM
 * forms and every other opcode are refused.
 *
 * Returns 0 and fills *@out, or: -EAGAIN when @n ends before the
 * instruction does (the caller could read more bytes: it may cross into
 * the next page), -EINVAL when the bytes are not a known form or exceed
 * 15.  On error *@out is all zero: MMIO_BAD.
 */
int mmio_insn_decode(const u8 *b, size_t n, bool mode64,
		     struct mmio_insn *out);

#endif
