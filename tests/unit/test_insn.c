// SPDX-License-Identifier: GPL-2.0
/*
 * hv/arch/x86/insn.c: length decoding of the intercepted instructions.
 * Every decode reads from a heap copy of exactly @n bytes, so ASan
 * catches a read past what the caller said it has.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "unit.h"

#include "insn.h"

struct known {
	u8 bytes[3];
	u8 len;
	enum insn_op op;
};

static const struct known known[] = {
	{ { 0x0f, 0xa2 }, 2, INSN_CPUID },
	{ { 0x0f, 0x32 }, 2, INSN_RDMSR },
	{ { 0x0f, 0x30 }, 2, INSN_WRMSR },
	{ { 0x0f, 0x01, 0xd8 }, 3, INSN_VMRUN },
	{ { 0x0f, 0x01, 0xd9 }, 3, INSN_VMMCALL },
	{ { 0x0f, 0x01, 0xda }, 3, INSN_VMLOAD },
	{ { 0x0f, 0x01, 0xdb }, 3, INSN_VMSAVE },
	{ { 0x0f, 0x01, 0xdc }, 3, INSN_STGI },
	{ { 0x0f, 0x01, 0xdd }, 3, INSN_CLGI },
	{ { 0x0f, 0x01, 0xde }, 3, INSN_SKINIT },
	{ { 0x0f, 0x01, 0xdf }, 3, INSN_INVLPGA },
	{ { 0xf4 }, 1, INSN_HLT },
	{ { 0x0f, 0x01, 0xd1 }, 3, INSN_XSETBV },
};

static const u8 legacy[] = {
	0x26, 0x2e, 0x36, 0x3e, 0x64, 0x65, 0x66, 0x67, 0xf0, 0xf2, 0xf3,
};

/* Decode @n bytes of @b from a heap buffer of exactly that size. */
static int decode(const u8 *b, size_t n, enum insn_op *op)
{
	u8 *copy = malloc(n ? n : 1);
	int len;

	assert_non_null(copy);
	memcpy(copy, b, n);
	*op = INSN_VMRUN;	/* must be overwritten */
	len = insn_decode_svm(copy, n, op);
	free(copy);
	return len;
}

/* @b[0..@len) is an instruction of @op: check it and every truncation. */
static void check_insn(const u8 *b, size_t len, enum insn_op want)
{
	u8 buf[32];
	enum insn_op op;

	assert_true(len <= INSN_MAX_LEN);
	if (decode(b, len, &op) != (int)len || op != want)
		fail_fmt("length %zu op %d: got %d op %d", len, want,
			 decode(b, len, &op), op);
	for (size_t n = 0; n < len; n++) {
		assert_int_equal(decode(b, n, &op), 0);
		assert_int_equal(op, INSN_UNKNOWN);
	}
	/* Bytes after the instruction change nothing. */
	memcpy(buf, b, len);
	memset(buf + len, 0x0f, sizeof(buf) - len);
	for (size_t n = len; n <= sizeof(buf); n++) {
		assert_int_equal(decode(buf, n, &op), (int)len);
		assert_int_equal(op, want);
	}
}

static void test_plain(void **state)
{
	for (unsigned int i = 0; i < ARRAY_SIZE(known); i++)
		check_insn(known[i].bytes, known[i].len, known[i].op);
	(void)state;
}

static void test_one_prefix(void **state)
{
	u8 b[8];

	for (unsigned int i = 0; i < ARRAY_SIZE(known); i++) {
		for (unsigned int p = 0; p < ARRAY_SIZE(legacy); p++) {
			b[0] = legacy[p];
			memcpy(b + 1, known[i].bytes, known[i].len);
			check_insn(b, known[i].len + 1, known[i].op);
		}
		for (unsigned int rex = 0x40; rex <= 0x4f; rex++) {
			b[0] = (u8)rex;
			memcpy(b + 1, known[i].bytes, known[i].len);
			check_insn(b, known[i].len + 1, known[i].op);
		}
	}
	(void)state;
}

static void test_prefix_mix(void **state)
{
	/* 66 f3 2e 48 0f a2 */
	static const u8 a[] = { 0x66, 0xf3, 0x2e, 0x48, 0x0f, 0xa2 };
	/* f0 65 67 41 0f 01 d9 */
	static const u8 b[] = { 0xf0, 0x65, 0x67, 0x41, 0x0f, 0x01, 0xd9 };
	/* all eleven legacy prefixes, then REX.W: 14 bytes */
	u8 c[16];

	check_insn(a, sizeof(a), INSN_CPUID);
	check_insn(b, sizeof(b), INSN_VMMCALL);
	memcpy(c, legacy, sizeof(legacy));
	c[11] = 0x48;
	c[12] = 0x0f;
	c[13] = 0x30;
	check_insn(c, 14, INSN_WRMSR);
	(void)state;
}

/* At most 15 bytes, prefixes included. */
static void test_15_byte_limit(void **state)
{
	u8 b[32];
	enum insn_op op;

	/* 13 prefixes + 0f a2 = 15: fine */
	memset(b, 0x66, 13);
	b[13] = 0x0f;
	b[14] = 0xa2;
	check_insn(b, 15, INSN_CPUID);
	/* 14 prefixes + 0f a2 = 16: too long, whatever n says */
	memset(b, 0x2e, 14);
	b[14] = 0x0f;
	b[15] = 0xa2;
	for (size_t n = 0; n <= sizeof(b); n++) {
		assert_int_equal(decode(b, n, &op), 0);
		assert_int_equal(op, INSN_UNKNOWN);
	}
	/* 12 REX prefixes + 0f 01 dd = 15: fine; 13 + 3 = 16: not */
	memset(b, 0x40, 12);
	memcpy(b + 12, "\x0f\x01\xdd", 3);
	check_insn(b, 15, INSN_CLGI);
	memset(b, 0x40, 13);
	memcpy(b + 13, "\x0f\x01\xdd", 3);
	assert_int_equal(decode(b, 16, &op), 0);
	assert_int_equal(op, INSN_UNKNOWN);
	assert_int_equal(decode(b, 32, &op), 0);
	/* Only prefixes */
	memset(b, 0xf3, sizeof(b));
	assert_int_equal(decode(b, sizeof(b), &op), 0);
	assert_int_equal(decode(b, 15, &op), 0);
	(void)state;
}

static void test_unknown(void **state)
{
	static const struct {
		u8 b[4];
		u8 n;
	} unknown[] = {
		{ { 0x90 }, 1 },			/* nop */
		{ { 0x0f, 0x31 }, 2 },			/* rdtsc */
		{ { 0x0f, 0x33 }, 2 },			/* rdpmc */
		{ { 0x0f, 0x05 }, 2 },			/* syscall */
		{ { 0x0f, 0xa3, 0xc0 }, 3 },		/* bt */
		{ { 0x0f, 0x0b }, 2 },			/* ud2 */
		{ { 0x0f, 0x01, 0xd0 }, 3 },		/* xgetbv */
		{ { 0x0f, 0x01, 0xd7 }, 3 },
		{ { 0x0f, 0x01, 0xe0 }, 3 },
		{ { 0x0f, 0x01, 0xc1 }, 3 },		/* Intel vmcall */
		{ { 0x0f, 0x01, 0xf9 }, 3 },		/* rdtscp */
		{ { 0x66, 0x90 }, 2 },
		{ { 0xc5, 0xf8, 0x77 }, 3 },		/* vzeroupper */
		{ { 0x0e, 0xa2 }, 2 },
		{ { 0x1f, 0xa2 }, 2 },
		{ { 0xa2, 0x0f }, 2 },
		{ { 0x48, 0x90 }, 2 },
		{ { 0x66, 0x0f, 0x01, 0xcf }, 4 },
		{ { 0x0f, 0x0f, 0xa2 }, 3 },		/* 3DNow! escape */
	};
	enum insn_op op;

	for (unsigned int i = 0; i < ARRAY_SIZE(unknown); i++) {
		for (size_t n = 0; n <= unknown[i].n; n++) {
			if (decode(unknown[i].b, n, &op) != 0 ||
			    op != INSN_UNKNOWN)
				fail_fmt("case %u with n=%zu: decoded", i, n);
		}
	}
	(void)state;
}

/* Every two-byte 0f xx and three-byte 0f 01 xx: only the known ones. */
static void test_exhaustive_opcodes(void **state)
{
	u8 b[3] = { 0x0f };
	enum insn_op op;

	for (unsigned int x = 0; x < 256; x++) {
		int want = 0;

		b[1] = (u8)x;
		b[2] = 0xcc;
		if (x == 0xa2 || x == 0x30 || x == 0x32)
			want = 2;
		if (x != 0x01)
			assert_int_equal(decode(b, 3, &op), want);
		else
			assert_int_equal(decode(b, 3, &op), 0);
		assert_int_equal(op == INSN_UNKNOWN, want == 0);
	}
	b[1] = 0x01;
	for (unsigned int x = 0; x < 256; x++) {
		int want = (x >= 0xd8 && x <= 0xdf) || x == 0xd1 ? 3 : 0;

		b[2] = (u8)x;
		assert_int_equal(decode(b, 3, &op), want);
		assert_int_equal(op == INSN_UNKNOWN, want == 0);
	}
	(void)state;
}

/* Any byte that is neither a prefix, 0f nor HLT ends decoding with 0. */
static void test_first_byte(void **state)
{
	u8 b[4];
	enum insn_op op;

	for (unsigned int x = 0; x < 256; x++) {
		bool prefix = (x & 0xf0) == 0x40 ||
			      memchr(legacy, (int)x, sizeof(legacy));

		b[0] = (u8)x;
		b[1] = 0x0f;
		b[2] = 0xa2;
		b[3] = 0x90;
		if (x == 0xf4) {
			assert_int_equal(decode(b, 4, &op), 1);
			assert_int_equal(op, INSN_HLT);
			continue;
		}
		assert_int_equal(decode(b, 4, &op), prefix ? 3 : 0);
		assert_int_equal(op, prefix ? INSN_CPUID : INSN_UNKNOWN);
	}
	(void)state;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain),
		cmocka_unit_test(test_one_prefix),
		cmocka_unit_test(test_prefix_mix),
		cmocka_unit_test(test_15_byte_limit),
		cmocka_unit_test(test_unknown),
		cmocka_unit_test(test_exhaustive_opcodes),
		cmocka_unit_test(test_first_byte),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
