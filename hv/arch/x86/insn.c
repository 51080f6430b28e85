// SPDX-License-Identifier: GPL-2.0
/* Length decoding of the instructions that Dom0's intercepts catch. */
#include "insn.h"

static bool is_legacy_prefix(u8 x)
{
	switch (x) {
	case 0x26: case 0x2e: case 0x36: case 0x3e:	/* segments */
	case 0x64: case 0x65:
	case 0x66: case 0x67:				/* sizes */
	case 0xf0: case 0xf2: case 0xf3:		/* lock, rep */
		return true;
	}
	return false;
}

int insn_decode_svm(const u8 *b, size_t n, enum insn_op *op)
{
	size_t i = 0;

	*op = INSN_UNKNOWN;
	if (n > INSN_MAX_LEN)
		n = INSN_MAX_LEN;
	while (i < n && (is_legacy_prefix(b[i]) || (b[i] & 0xf0) == 0x40))
		i++;
	if (i < n && b[i] == 0xf4) {
		*op = INSN_HLT;
		return (int)i + 1;
	}
	if (i + 2 > n || b[i] != 0x0f)
		return 0;
	switch (b[i + 1]) {
	case 0xa2:
		*op = INSN_CPUID;
		return (int)i + 2;
	case 0x32:
		*op = INSN_RDMSR;
		return (int)i + 2;
	case 0x30:
		*op = INSN_WRMSR;
		return (int)i + 2;
	case 0x01:
		break;
	default:
		return 0;
	}
	if (i + 3 > n)
		return 0;
	switch (b[i + 2]) {
	case 0xd1:
		*op = INSN_XSETBV;
		break;
	case 0xd8:
		*op = INSN_VMRUN;
		break;
	case 0xd9:
		*op = INSN_VMMCALL;
		break;
	case 0xda:
		*op = INSN_VMLOAD;
		break;
	case 0xdb:
		*op = INSN_VMSAVE;
		break;
	case 0xdc:
		*op = INSN_STGI;
		break;
	case 0xdd:
		*op = INSN_CLGI;
		break;
	case 0xde:
		*op = INSN_SKINIT;
		break;
	case 0xdf:
		*op = INSN_INVLPGA;
		break;
	default:
		return 0;
	}
	return (int)i + 3;
}
