// SPDX-License-Identifier: GPL-2.0
/*
 * Decoding of MOV and XCHG with a memory operand, for emulating Dom0's
 * writes to trapped MMIO pages.  Linux writes the local APIC with
 * "movl %reg, abs32" (89 /r, SIB without base) or "xchgl" on CPUs with
 * the 11AP erratum, and the IOAPIC with writel: "movl %reg, disp(%base)".
 * Compilers may also store immediates (c7 /0).  Bit 0 of every opcode
 * here selects a byte (0) or a full-size (1) operand.
 */
#include <hv/errno.h>
#include "mmio_insn.h"

#define REX_W	0x08
#define REX_R	0x04

/* Is an instruction of @len bytes readable from @n bytes? */
static int need(size_t len, size_t n)
{
	if (len > INSN_MAX_LEN)
		return -EINVAL;
	return len > n ? -EAGAIN : 0;
}

/* Bytes of displacement after ModRM (and SIB, if any). */
static size_t disp_len(u8 modrm, u8 sib)
{
	u8 mod = modrm >> 6, rm = modrm & 7;

	if (mod == 1)
		return 1;
	if (mod == 2)
		return 4;
	/*
	 * mod 00: rm 101 is disp32 alone (RIP-relative in 64-bit code), and
	 * so is a SIB base of 101; REX.B does not change either.
	 */
	if (rm == 5 || (rm == 4 && (sib & 7) == 5))
		return 4;
	return 0;
}

/* @len little-endian bytes at @p; a 4-byte value sign-extended if @sext. */
static u64 read_le(const u8 *p, size_t len, bool sext)
{
	u64 v = 0;

	for (size_t i = len; i > 0; i--)
		v = v << 8 | p[i - 1];
	if (sext && len == 4)
		v = (u64)(s64)(s32)(u32)v;
	return v;
}

/* What opcode @op does, or MMIO_BAD; *@imm: c6/c7, *@moffs: a0..a3. */
static enum mmio_kind opcode_kind(u8 op, bool *imm, bool *moffs)
{
	*imm = false;
	*moffs = false;
	switch (op & ~1) {
	case 0x88:
		return MMIO_STORE;
	case 0x8a:
		return MMIO_LOAD;
	case 0x86:
		return MMIO_XCHG;
	case 0xc6:
		*imm = true;
		return MMIO_STORE;
	case 0xa0:
		*moffs = true;
		return MMIO_LOAD;
	case 0xa2:
		*moffs = true;
		return MMIO_STORE;
	}
	return MMIO_BAD;
}

/* ModRM, SIB and the rest of a ModRM form: @i indexes the ModRM byte. */
static int decode_modrm(const u8 *b, size_t n, size_t i, u8 rex, bool imm,
			struct mmio_insn *out)
{
	size_t len, imm_len = 0;
	u8 modrm, sib = 0;
	int err;

	err = need(i + 1, n);
	if (err)
		return err;
	modrm = b[i++];
	/* mod 11 is a register operand: it cannot fault on memory. */
	if (modrm >> 6 == 3)
		return -EINVAL;
	/* c6/c7 /1../7 are not MOV (c6 f8 and c7 f8 are XABORT, XBEGIN). */
	if (imm && (modrm >> 3 & 7))
		return -EINVAL;
	if ((modrm & 7) == 4) {
		err = need(i + 1, n);
		if (err)
			return err;
		sib = b[i++];
	}
	if (imm)
		imm_len = out->size == 8 ? 4 : out->size;
	len = i + disp_len(modrm, sib) + imm_len;
	err = need(len, n);
	if (err)
		return err;
	if (imm) {
		out->has_imm = true;
		out->imm = read_le(b + len - imm_len, imm_len, out->size == 8);
	} else {
		out->reg = (modrm >> 3 & 7) | (rex & REX_R ? 8 : 0);
		if (out->size == 1 && !rex && out->reg >= 4) {
			out->reg -= 4;
			out->high8 = true;
		}
	}
	out->len = (u8)len;
	return 0;
}

static int decode(const u8 *b, size_t n, bool mode64, struct mmio_insn *out)
{
	bool opsize = false, addr32 = false, lock = false, imm, moffs;
	enum mmio_kind kind;
	size_t i;
	u8 rex = 0, op;
	int err;

	for (i = 0;; i++) {
		err = need(i + 1, n);
		if (err)
			return err;
		op = b[i];
		if (mode64 && (op & 0xf0) == 0x40) {
			rex = op;
			continue;
		}
		switch (op) {
		case 0x26: case 0x2e: case 0x36: case 0x3e:
		case 0x64: case 0x65:
			out->seg = op;
			break;
		case 0x66:
			opsize = true;
			break;
		case 0x67:
			if (!mode64)
				return -EINVAL;
			addr32 = true;
			break;
		case 0xf0:
			lock = true;
			break;
		default:
			goto opcode;
		}
		/* A REX prefix counts only right before the opcode. */
		rex = 0;
	}
opcode:
	kind = opcode_kind(op, &imm, &moffs);
	/* LOCK on anything but XCHG with memory is #UD. */
	if (kind == MMIO_BAD || (lock && kind != MMIO_XCHG))
		return -EINVAL;
	out->size = !(op & 1) ? 1 : rex & REX_W ? 8 : opsize ? 2 : 4;
	i++;
	if (moffs) {
		/* rAX and an absolute address: 8 bytes in 64-bit code. */
		size_t len = i + (mode64 && !addr32 ? 8 : 4);

		err = need(len, n);
		if (err)
			return err;
		out->len = (u8)len;
	} else {
		err = decode_modrm(b, n, i, rex, imm, out);
		if (err)
			return err;
	}
	out->kind = kind;
	return 0;
}

int mmio_insn_decode(const u8 *b, size_t n, bool mode64,
		     struct mmio_insn *out)
{
	int err;

	*out = (struct mmio_insn){ .kind = MMIO_BAD };
	err = decode(b, n, mode64, out);
	if (err)
		*out = (struct mmio_insn){ .kind = MMIO_BAD };
	return err;
}
