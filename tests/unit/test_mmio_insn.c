// SPDX-License-Identifier: GPL-2.0
/*
 * hv/arch/x86/mmio_insn.c: decoding MOV and XCHG with a memory operand.
 * Every decode reads from a heap copy of exactly @n bytes, so ASan
 * catches a read past what the caller said it has.  The byte sequences
 * are written by hand from the encoding rules; each says what it is.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "unit.h"

#include <hv/errno.h>
#include "mmio_insn.h"

#define M64	true
#define M32	false

struct tcase {
	const char *what;
	u8 b[16];
	bool m64;
	struct mmio_insn want;	/* want.len: how many bytes of b */
};

#define INSN(k, l, sz, r)	{ .kind = k, .len = l, .size = sz, .reg = r }
#define STORE(l, sz, r)		INSN(MMIO_STORE, l, sz, r)
#define LOAD(l, sz, r)		INSN(MMIO_LOAD, l, sz, r)
#define XCHG(l, sz, r)		INSN(MMIO_XCHG, l, sz, r)
#define IMM(l, sz, v)	{ .kind = MMIO_STORE, .len = l, .size = sz, \
			  .has_imm = true, .imm = v }

/* Decode @n bytes of @b from a heap buffer of exactly that size. */
static int decode(const u8 *b, size_t n, bool m64, struct mmio_insn *out)
{
	u8 *copy = malloc(n ? n : 1);
	int err;

	assert_non_null(copy);
	memcpy(copy, b, n);
	memset(out, 0x5a, sizeof(*out));	/* must be overwritten */
	err = mmio_insn_decode(copy, n, m64, out);
	free(copy);
	return err;
}

static bool same(const struct mmio_insn *a, const struct mmio_insn *b)
{
	return a->kind == b->kind && a->len == b->len &&
	       a->size == b->size && a->has_imm == b->has_imm &&
	       a->imm == b->imm && a->reg == b->reg &&
	       a->high8 == b->high8 && a->seg == b->seg;
}

#define FMT_INSN	\
	"kind %d len %u size %u imm %d/%#llx reg %u high8 %d seg %#x"
#define ARG_INSN(x)	(x).kind, (x).len, (x).size, (x).has_imm,	\
			(unsigned long long)(x).imm, (x).reg, (x).high8, (x).seg

static const struct mmio_insn zero = { .kind = MMIO_BAD };

/* Decoding @b[0..@n) gives @err and, on error, an all-zero result. */
static void expect_err(const char *what, const u8 *b, size_t n, bool m64,
		       int err)
{
	struct mmio_insn got;
	int ret = decode(b, n, m64, &got);

	if (ret != err || !same(&got, &zero))
		fail_fmt("%s, n=%zu: got %d (" FMT_INSN "), want %d", what,
			 n, ret, ARG_INSN(got), err);
}

/*
 * @b is exactly the instruction @want (want->len bytes): decode it, every
 * truncation of it (-EAGAIN), and it followed by more bytes (the same).
 */
static void check(const char *what, const u8 *b, bool m64,
		  const struct mmio_insn *want)
{
	struct mmio_insn got;
	u8 buf[32];
	size_t len = want->len;
	int ret;

	assert_true(len >= 1 && len <= INSN_MAX_LEN);
	for (size_t n = 0; n < len; n++)
		expect_err(what, b, n, m64, -EAGAIN);
	memcpy(buf, b, len);
	memset(buf + len, 0x89, sizeof(buf) - len);
	for (size_t n = len; n <= sizeof(buf); n++) {
		ret = decode(buf, n, m64, &got);
		if (ret != 0 || !same(&got, want))
			fail_fmt("%s, n=%zu: got %d (" FMT_INSN "), want "
				 FMT_INSN, what, n, ret, ARG_INSN(got),
				 ARG_INSN(*want));
	}
}

static void check_table(const struct tcase *t, size_t nr)
{
	for (size_t i = 0; i < nr; i++)
		check(t[i].what, t[i].b, t[i].m64, &t[i].want);
}

/* @b[0..@len) and anything after it are refused (-EINVAL). */
static void check_bad(const char *what, const u8 *b, size_t len, bool m64)
{
	u8 buf[32];

	memcpy(buf, b, len);
	memset(buf + len, 0x00, sizeof(buf) - len);
	for (size_t n = len; n <= sizeof(buf); n++)
		expect_err(what, buf, n, m64, -EINVAL);
}

/* What Linux's APIC and IOAPIC accessors compile to. */
static void test_linux_forms(void **state)
{
	static const struct tcase t[] = {
		/*
		 * native_apic_mem_write(APIC_ICR, v): movl %edx, APIC_BASE +
		 * 0x300 with APIC_BASE a fixmap address.  ModRM 14: mod 00,
		 * reg 010 (edx), rm 100 (SIB); SIB 25: no index, base 101,
		 * so disp32 alone, sign-extended: 0xffffffffff5fb300.
		 */
		{ "movl %edx,abs ICR",
		  { 0x89, 0x14, 0x25, 0x00, 0xb3, 0x5f, 0xff }, M64,
		  STORE(7, 4, 2) },
		/* The same to EOI (0xb0) from %eax: ModRM 04. */
		{ "movl %eax,abs EOI",
		  { 0x89, 0x04, 0x25, 0xb0, 0xb0, 0x5f, 0xff }, M64,
		  STORE(7, 4, 0) },
		/* The X86_BUG_11AP alternative: xchgl %edx, abs. */
		{ "xchgl %edx,abs ICR",
		  { 0x87, 0x14, 0x25, 0x00, 0xb3, 0x5f, 0xff }, M64,
		  XCHG(7, 4, 2) },
		/* movl %r8d, abs: REX.R (44) and ModRM reg 000. */
		{ "movl %r8d,abs",
		  { 0x44, 0x89, 0x04, 0x25, 0x00, 0xb3, 0x5f, 0xff }, M64,
		  STORE(8, 4, 8) },
		/* xchgl %r15d, ICR2: REX.R, ModRM 3c (reg 111, rm SIB). */
		{ "xchgl %r15d,abs ICR2",
		  { 0x44, 0x87, 0x3c, 0x25, 0x10, 0xb3, 0x5f, 0xff }, M64,
		  XCHG(8, 4, 15) },
		/*
		 * movl %edx, 0x300(%rax): APIC_BASE kept in a register.
		 * ModRM 90: mod 10 (disp32), reg 010, rm 000 (rax).
		 */
		{ "movl %edx,0x300(%rax)",
		  { 0x89, 0x90, 0x00, 0x03, 0x00, 0x00 }, M64,
		  STORE(6, 4, 2) },
		/*
		 * movl %ebx, -0x803000(%rbp), as objtool showed it in
		 * hv_apic_write(): ModRM 9d: mod 10, reg 011, rm 101.
		 */
		{ "movl %ebx,-0x803000(%rbp)",
		  { 0x89, 0x9d, 0x00, 0xd0, 0x7f, 0xff }, M64,
		  STORE(6, 4, 3) },
		/*
		 * io_apic_write(): writel(value, &io_apic->data), data at
		 * 0x10: movl %eax, 0x10(%rdx).  ModRM 42: mod 01 (disp8),
		 * reg 000, rm 010 (rdx).
		 */
		{ "movl %eax,0x10(%rdx)", { 0x89, 0x42, 0x10 }, M64,
		  STORE(3, 4, 0) },
		/* writel(reg, &io_apic->index): movl %edi, (%rdx), ModRM 3a. */
		{ "movl %edi,(%rdx)", { 0x89, 0x3a }, M64, STORE(2, 4, 7) },
		/* io_apic_read(): movl 0x10(%rdx), %eax. */
		{ "movl 0x10(%rdx),%eax", { 0x8b, 0x42, 0x10 }, M64,
		  LOAD(3, 4, 0) },
		/* native_apic_mem_read(APIC_ID): movl abs, %eax. */
		{ "movl abs,%eax",
		  { 0x8b, 0x04, 0x25, 0x20, 0xb0, 0x5f, 0xff }, M64,
		  LOAD(7, 4, 0) },
		/* movl $0, EOI: c7 /0, SIB absolute, imm32. */
		{ "movl $0,abs EOI",
		  { 0xc7, 0x04, 0x25, 0xb0, 0xb0, 0x5f, 0xff,
		    0x00, 0x00, 0x00, 0x00 }, M64, IMM(11, 4, 0) },
		/* movl $1000000, 0x380(%rax): TMICT, ModRM 80 (disp32). */
		{ "movl $1000000,0x380(%rax)",
		  { 0xc7, 0x80, 0x80, 0x03, 0x00, 0x00,
		    0x40, 0x42, 0x0f, 0x00 }, M64, IMM(10, 4, 1000000) },
		/* movl %eax, 0xf6(%rip): mod 00 rm 101 in 64-bit code. */
		{ "movl %eax,0xf6(%rip)",
		  { 0x89, 0x05, 0xf6, 0x00, 0x00, 0x00 }, M64,
		  STORE(6, 4, 0) },
		/* movl %eax, %gs:0: a segment override, reported. */
		{ "movl %eax,%gs:0",
		  { 0x65, 0x89, 0x04, 0x25, 0x00, 0x00, 0x00, 0x00 }, M64,
		  { .kind = MMIO_STORE, .len = 8, .size = 4, .seg = 0x65 } },
		/* A 32-bit kernel: movl %eax, 0xffffb300 as moffs (a3). */
		{ "32-bit movl %eax,moffs",
		  { 0xa3, 0x00, 0xb3, 0xff, 0xff }, M32, STORE(5, 4, 0) },
		/* 32-bit: movl %edx, abs, mod 00 rm 101 (disp32, no RIP). */
		{ "32-bit movl %edx,abs",
		  { 0x89, 0x15, 0x00, 0xb3, 0xff, 0xff }, M32,
		  STORE(6, 4, 2) },
		/* 32-bit: movl $0, 0xfee000b0. */
		{ "32-bit movl $0,abs",
		  { 0xc7, 0x05, 0xb0, 0x00, 0xe0, 0xfe,
		    0x00, 0x00, 0x00, 0x00 }, M32, IMM(10, 4, 0) },
	};

	check_table(t, ARRAY_SIZE(t));
	(void)state;
}

/* ModRM.reg with REX.R names every register; 8-bit ones without REX. */
static void test_every_register(void **state)
{
	static const struct {
		u8 op;
		enum mmio_kind kind;
	} ops[] = {
		{ 0x88, MMIO_STORE }, { 0x89, MMIO_STORE },
		{ 0x86, MMIO_XCHG }, { 0x87, MMIO_XCHG },
		{ 0x8a, MMIO_LOAD }, { 0x8b, MMIO_LOAD },
	};
	char what[64];

	for (size_t i = 0; i < ARRAY_SIZE(ops); i++) {
		u8 size = ops[i].op & 1 ? 4 : 1;

		for (u8 r = 0; r < 16; r++) {
			/* op [44] ModRM(mod 00, reg r, rm 010 = (%rdx)) */
			u8 modrm = (u8)((r & 7) << 3 | 2);
			u8 rex_b[3] = { 0x44, ops[i].op, modrm };
			u8 plain[2] = { ops[i].op, modrm };
			struct mmio_insn want = {
				.kind = ops[i].kind, .size = size, .reg = r,
			};

			snprintf(what, sizeof(what), "op %#x reg %u",
				 ops[i].op, r);
			if (r >= 8) {
				want.len = 3;
				check(what, rex_b, M64, &want);
				continue;
			}
			/* Any REX, even 40, makes 4..7 SPL..DIL. */
			rex_b[0] = 0x40;
			want.len = 3;
			check(what, rex_b, M64, &want);
			want.len = 2;
			if (size == 1 && r >= 4) {
				want.reg = r - 4;
				want.high8 = true;
			}
			check(what, plain, M64, &want);
			check(what, plain, M32, &want);
		}
	}
	(void)state;
}

/* The AH..BH forms spelled out. */
static void test_high8(void **state)
{
	static const struct tcase t[] = {
		{ "movb %ah,(%rax)", { 0x88, 0x20 }, M64,
		  { .kind = MMIO_STORE, .len = 2, .size = 1, .reg = 0,
		    .high8 = true } },
		{ "movb %bh,(%rdx)", { 0x88, 0x3a }, M64,
		  { .kind = MMIO_STORE, .len = 2, .size = 1, .reg = 3,
		    .high8 = true } },
		{ "movb (%rax),%ch", { 0x8a, 0x28 }, M64,
		  { .kind = MMIO_LOAD, .len = 2, .size = 1, .reg = 1,
		    .high8 = true } },
		{ "xchgb %dh,(%rax)", { 0x86, 0x30 }, M64,
		  { .kind = MMIO_XCHG, .len = 2, .size = 1, .reg = 2,
		    .high8 = true } },
		{ "movb %spl,(%rax)", { 0x40, 0x88, 0x20 }, M64,
		  STORE(3, 1, 4) },
		{ "movb %r12b,(%rax)", { 0x44, 0x88, 0x20 }, M64,
		  STORE(3, 1, 12) },
		/* A REX cancelled by a later prefix: AH again. */
		{ "rex, cs: movb %ah,(%rax)", { 0x40, 0x2e, 0x88, 0x20 }, M64,
		  { .kind = MMIO_STORE, .len = 4, .size = 1, .reg = 0,
		    .high8 = true, .seg = 0x2e } },
		/* Full-size operands are never AH..BH. */
		{ "movl %esp,(%rax)", { 0x89, 0x20 }, M64, STORE(2, 4, 4) },
	};

	check_table(t, ARRAY_SIZE(t));
	(void)state;
}

/* Each ModRM and SIB shape, by hand. */
static void test_modrm_forms(void **state)
{
	static const struct tcase t[] = {
		{ "(%rax)", { 0x89, 0x00 }, M64, STORE(2, 4, 0) },
		{ "(%rax,%rax,1)", { 0x89, 0x04, 0x00 }, M64, STORE(3, 4, 0) },
		{ "(%rsp)", { 0x89, 0x04, 0x24 }, M64, STORE(3, 4, 0) },
		{ "abs32(,%rcx,4)", { 0x89, 0x04, 0x8d, 1, 2, 3, 4 }, M64,
		  STORE(7, 4, 0) },
		{ "rip+disp32", { 0x89, 0x05, 1, 2, 3, 4 }, M64,
		  STORE(6, 4, 0) },
		{ "disp8(%rax)", { 0x89, 0x40, 0x08 }, M64, STORE(3, 4, 0) },
		{ "disp8(%rsp)", { 0x89, 0x44, 0x24, 0x08 }, M64,
		  STORE(4, 4, 0) },
		{ "disp8(%rbp)", { 0x89, 0x45, 0xf8 }, M64, STORE(3, 4, 0) },
		{ "disp8(%rbp,%rax,1)", { 0x89, 0x44, 0x05, 0x08 }, M64,
		  STORE(4, 4, 0) },
		{ "disp32(%rax)", { 0x89, 0x80, 1, 2, 3, 4 }, M64,
		  STORE(6, 4, 0) },
		{ "disp32(%rsp)", { 0x89, 0x84, 0x24, 1, 2, 3, 4 }, M64,
		  STORE(7, 4, 0) },
		{ "disp32(%rbp)", { 0x89, 0x85, 1, 2, 3, 4 }, M64,
		  STORE(6, 4, 0) },
		{ "disp32(%rbp,%rbx,8)", { 0x89, 0x84, 0xdd, 1, 2, 3, 4 }, M64,
		  STORE(7, 4, 0) },
		/* REX.B: r12 still needs a SIB, r13 still a displacement. */
		{ "(%r12)", { 0x41, 0x89, 0x04, 0x24 }, M64, STORE(4, 4, 0) },
		{ "0(%r13)", { 0x41, 0x89, 0x45, 0x00 }, M64, STORE(4, 4, 0) },
		{ "rex.b rip+disp32", { 0x41, 0x89, 0x05, 1, 2, 3, 4 }, M64,
		  STORE(7, 4, 0) },
		{ "rex.b abs32", { 0x41, 0x89, 0x04, 0x25, 1, 2, 3, 4 }, M64,
		  STORE(8, 4, 0) },
		/* REX.X: (%rax,%r12,1). */
		{ "(%rax,%r12,1)", { 0x42, 0x89, 0x04, 0x20 }, M64,
		  STORE(4, 4, 0) },
	};

	check_table(t, ARRAY_SIZE(t));
	(void)state;
}

/* The imm32 in @b at @at: the test fills @b with e0, e1, ... */
static u64 filler_imm(size_t at)
{
	return (u64)(0xe0 + at) | (u64)(0xe1 + at) << 8 |
	       (u64)(0xe2 + at) << 16 | (u64)(0xe3 + at) << 24;
}

/* Every mod 00..10, reg, rm and SIB: the length, for MOV and MOV imm. */
static void test_modrm_exhaustive(void **state)
{
	static const u8 disp_for_mod[3] = { 0, 1, 4 };
	struct mmio_insn st, im;
	char what[64];
	u8 b[16];

	for (unsigned int m = 0; m < 2; m++) {
		for (unsigned int modrm = 0; modrm < 0xc0; modrm++) {
			unsigned int mod = modrm >> 6, reg = modrm >> 3 & 7;
			bool has_sib = (modrm & 7) == 4;

			for (unsigned int sib = 0; sib < 256; sib++) {
				size_t disp = disp_for_mod[mod], len;

				if (!has_sib && sib)
					break;
				if (mod == 0 && ((modrm & 7) == 5 ||
						 (has_sib && (sib & 7) == 5)))
					disp = 4;
				len = 2 + has_sib + disp;
				for (size_t k = 0; k < sizeof(b); k++)
					b[k] = (u8)(0xe0 + k);
				b[0] = 0x89;
				b[1] = (u8)modrm;
				if (has_sib)
					b[2] = (u8)sib;
				snprintf(what, sizeof(what), "%s 89 %02x %02x",
					 m ? "64" : "32", modrm, sib);
				st = (struct mmio_insn)STORE((u8)len, 4,
							     (u8)reg);
				check(what, b, m, &st);
				if (reg)
					continue;
				/* c7 /0: the imm32 follows */
				b[0] = 0xc7;
				im = (struct mmio_insn)IMM((u8)(len + 4), 4,
							   filler_imm(len));
				what[3] = 'c';
				what[4] = '7';
				check(what, b, m, &im);
			}
		}
	}
	(void)state;
}

static void test_operand_sizes(void **state)
{
	static const struct tcase t[] = {
		{ "89", { 0x89, 0x00 }, M64, STORE(2, 4, 0) },
		{ "66 89", { 0x66, 0x89, 0x00 }, M64, STORE(3, 2, 0) },
		{ "48 89", { 0x48, 0x89, 0x00 }, M64, STORE(3, 8, 0) },
		{ "66 48 89: REX.W wins", { 0x66, 0x48, 0x89, 0x00 }, M64,
		  STORE(4, 8, 0) },
		{ "48 66 89: REX dropped", { 0x48, 0x66, 0x89, 0x00 }, M64,
		  STORE(4, 2, 0) },
		{ "4f 89: WRXB", { 0x4f, 0x89, 0x00 }, M64, STORE(3, 8, 8) },
		{ "44 66 89: REX.R dropped", { 0x44, 0x66, 0x89, 0x00 }, M64,
		  STORE(4, 2, 0) },
		{ "88", { 0x88, 0x00 }, M64, STORE(2, 1, 0) },
		{ "66 88", { 0x66, 0x88, 0x00 }, M64, STORE(3, 1, 0) },
		{ "48 88", { 0x48, 0x88, 0x00 }, M64, STORE(3, 1, 0) },
		{ "48 8b", { 0x48, 0x8b, 0x00 }, M64, LOAD(3, 8, 0) },
		{ "66 8b", { 0x66, 0x8b, 0x00 }, M64, LOAD(3, 2, 0) },
		{ "66 87", { 0x66, 0x87, 0x00 }, M64, XCHG(3, 2, 0) },
		{ "48 87", { 0x48, 0x87, 0x00 }, M64, XCHG(3, 8, 0) },
		{ "32-bit 66 89", { 0x66, 0x89, 0x00 }, M32, STORE(3, 2, 0) },
		{ "32-bit 89", { 0x89, 0x00 }, M32, STORE(2, 4, 0) },
	};

	check_table(t, ARRAY_SIZE(t));
	(void)state;
}

static void test_immediates(void **state)
{
	static const struct tcase t[] = {
		{ "movb $0xab", { 0xc6, 0x00, 0xab }, M64, IMM(3, 1, 0xab) },
		{ "66: movb $0xab", { 0x66, 0xc6, 0x00, 0xab }, M64,
		  IMM(4, 1, 0xab) },
		{ "movw $0x1234", { 0x66, 0xc7, 0x00, 0x34, 0x12 }, M64,
		  IMM(5, 2, 0x1234) },
		{ "movw $0x8000", { 0x66, 0xc7, 0x00, 0x00, 0x80 }, M64,
		  IMM(5, 2, 0x8000) },
		{ "movl $0x12345678",
		  { 0xc7, 0x00, 0x78, 0x56, 0x34, 0x12 }, M64,
		  IMM(6, 4, 0x12345678) },
		{ "movl $0x80000000: not sign-extended",
		  { 0xc7, 0x00, 0x00, 0x00, 0x00, 0x80 }, M64,
		  IMM(6, 4, 0x80000000) },
		{ "movq $-0x80000000: sign-extended",
		  { 0x48, 0xc7, 0x00, 0x00, 0x00, 0x00, 0x80 }, M64,
		  IMM(7, 8, 0xffffffff80000000ULL) },
		{ "movq $-1", { 0x48, 0xc7, 0x00, 0xff, 0xff, 0xff, 0xff },
		  M64, IMM(7, 8, ~0ULL) },
		{ "movq $0x7fffffff",
		  { 0x48, 0xc7, 0x00, 0xff, 0xff, 0xff, 0x7f }, M64,
		  IMM(7, 8, 0x7fffffff) },
		{ "66 48: movq still imm32",
		  { 0x66, 0x48, 0xc7, 0x00, 0x01, 0x00, 0x00, 0x00 }, M64,
		  IMM(8, 8, 1) },
		{ "movl $1,8(%rsp)",
		  { 0xc7, 0x44, 0x24, 0x08, 0x01, 0x00, 0x00, 0x00 }, M64,
		  IMM(8, 4, 1) },
		{ "movl $42,rip+0x1000",
		  { 0xc7, 0x05, 0x00, 0x10, 0x00, 0x00,
		    0x2a, 0x00, 0x00, 0x00 }, M64, IMM(10, 4, 42) },
		{ "movb $7,disp32(%r13)",
		  { 0x41, 0xc6, 0x85, 0x00, 0x01, 0x00, 0x00, 0x07 }, M64,
		  IMM(8, 1, 7) },
	};

	check_table(t, ARRAY_SIZE(t));
	(void)state;
}

/* a0..a3: the accumulator and an absolute address (moffs). */
static void test_moffs(void **state)
{
	static const struct tcase t[] = {
		{ "a3 moffs64", { 0xa3, 0x00, 0x03, 0xe0, 0xfe, 0, 0, 0, 0 },
		  M64, STORE(9, 4, 0) },
		{ "48 a3", { 0x48, 0xa3, 0x00, 0x03, 0xe0, 0xfe, 0, 0, 0, 0 },
		  M64, STORE(10, 8, 0) },
		{ "66 a3", { 0x66, 0xa3, 0x00, 0x03, 0xe0, 0xfe, 0, 0, 0, 0 },
		  M64, STORE(10, 2, 0) },
		{ "44 a3: REX.R means nothing",
		  { 0x44, 0xa3, 0x00, 0x03, 0xe0, 0xfe, 0, 0, 0, 0 }, M64,
		  STORE(10, 4, 0) },
		{ "a2: AL", { 0xa2, 0x00, 0x03, 0xe0, 0xfe, 0, 0, 0, 0 }, M64,
		  STORE(9, 1, 0) },
		{ "67 a3 moffs32", { 0x67, 0xa3, 0x00, 0x03, 0xe0, 0xfe }, M64,
		  STORE(6, 4, 0) },
		{ "a1", { 0xa1, 0x20, 0x00, 0xe0, 0xfe, 0, 0, 0, 0 }, M64,
		  LOAD(9, 4, 0) },
		{ "a0", { 0xa0, 0x20, 0x00, 0xe0, 0xfe, 0, 0, 0, 0 }, M64,
		  LOAD(9, 1, 0) },
		{ "32-bit a3", { 0xa3, 0x00, 0x03, 0xe0, 0xfe }, M32,
		  STORE(5, 4, 0) },
		{ "32-bit 66 a3", { 0x66, 0xa3, 0x00, 0x03, 0xe0, 0xfe }, M32,
		  STORE(6, 2, 0) },
		{ "32-bit a1", { 0xa1, 0x20, 0x00, 0xe0, 0xfe }, M32,
		  LOAD(5, 4, 0) },
	};

	check_table(t, ARRAY_SIZE(t));
	(void)state;
}

static void test_prefixes_accepted(void **state)
{
	static const u8 segs[] = { 0x26, 0x2e, 0x36, 0x3e, 0x64, 0x65 };
	static const struct tcase t[] = {
		{ "2e 65: the last wins", { 0x2e, 0x65, 0x89, 0x00 }, M64,
		  { .kind = MMIO_STORE, .len = 4, .size = 4, .seg = 0x65 } },
		{ "65 44 89", { 0x65, 0x44, 0x89, 0x00 }, M64,
		  { .kind = MMIO_STORE, .len = 4, .size = 4, .reg = 8,
		    .seg = 0x65 } },
		{ "44 65 89: REX dropped", { 0x44, 0x65, 0x89, 0x00 }, M64,
		  { .kind = MMIO_STORE, .len = 4, .size = 4, .seg = 0x65 } },
		{ "lock xchg", { 0xf0, 0x87, 0x00 }, M64, XCHG(3, 4, 0) },
		{ "lock xchgb", { 0xf0, 0x86, 0x00 }, M64, XCHG(3, 1, 0) },
		{ "lock cs xchgq",
		  { 0xf0, 0x2e, 0x48, 0x87, 0x08 }, M64,
		  { .kind = MMIO_XCHG, .len = 5, .size = 8, .reg = 1,
		    .seg = 0x2e } },
		{ "67 89 in 64-bit code", { 0x67, 0x89, 0x00 }, M64,
		  STORE(3, 4, 0) },
		{ "67 89 abs", { 0x67, 0x89, 0x04, 0x25, 0, 3, 0xe0, 0xfe },
		  M64, STORE(8, 4, 0) },
		{ "40..4f: only the last REX counts",
		  { 0x4c, 0x40, 0x89, 0x00 }, M64, STORE(4, 4, 0) },
	};
	char what[32];

	for (size_t i = 0; i < ARRAY_SIZE(segs); i++) {
		u8 b[] = { segs[i], 0x89, 0x00 };
		struct mmio_insn want = {
			.kind = MMIO_STORE, .len = 3, .size = 4, .seg = segs[i],
		};

		snprintf(what, sizeof(what), "seg %#x", segs[i]);
		check(what, b, M64, &want);
		check(what, b, M32, &want);
	}
	check_table(t, ARRAY_SIZE(t));
	(void)state;
}

static void test_prefixes_refused(void **state)
{
	static const struct {
		const char *what;
		u8 b[8];
		u8 len;
		bool m64;
	} t[] = {
		{ "rep mov", { 0xf3, 0x89, 0x00 }, 3, M64 },
		{ "repne mov", { 0xf2, 0x89, 0x00 }, 3, M64 },
		{ "rep xchg", { 0xf3, 0x87, 0x00 }, 3, M64 },
		{ "xacquire lock xchg", { 0xf2, 0xf0, 0x87, 0x00 }, 4, M64 },
		{ "rep mov imm", { 0xf3, 0xc7, 0x00, 1, 0, 0, 0 }, 7, M64 },
		{ "rex rep mov", { 0x48, 0xf3, 0x89, 0x00 }, 4, M64 },
		{ "cs rep mov", { 0x2e, 0xf3, 0x89, 0x00 }, 4, M64 },
		{ "lock mov", { 0xf0, 0x89, 0x00 }, 3, M64 },
		{ "lock mov imm", { 0xf0, 0xc7, 0x00, 1, 0, 0, 0 }, 7, M64 },
		{ "lock load", { 0xf0, 0x8b, 0x00 }, 3, M64 },
		{ "lock moffs", { 0xf0, 0xa3, 0, 0, 0, 0, 0, 0 }, 8, M64 },
		{ "32-bit 67", { 0x67, 0x89, 0x00 }, 3, M32 },
		{ "32-bit 48 is dec", { 0x48, 0x89, 0x00 }, 3, M32 },
		{ "32-bit 40 is inc", { 0x40, 0x89, 0x00 }, 3, M32 },
		{ "32-bit 44 is inc", { 0x44, 0x89, 0x00 }, 3, M32 },
	};

	for (size_t i = 0; i < ARRAY_SIZE(t); i++)
		check_bad(t[i].what, t[i].b, t[i].len, t[i].m64);
	(void)state;
}

/* Register operands, other opcodes, VEX and friends. */
static void test_refused_forms(void **state)
{
	static const struct {
		const char *what;
		u8 b[8];
		u8 len;
	} t[] = {
		{ "mov %eax,%eax", { 0x89, 0xc0 }, 2 },
		{ "mov %r8,%r15", { 0x4d, 0x89, 0xc7 }, 3 },
		{ "xchg %eax,%ebx", { 0x87, 0xc3 }, 2 },
		{ "mov %ah,%al", { 0x88, 0xe0 }, 2 },
		{ "mov %ecx,%eax", { 0x8b, 0xc1 }, 2 },
		{ "mov $1,%eax", { 0xc7, 0xc0, 1, 0, 0, 0 }, 6 },
		{ "mov $1,%al", { 0xc6, 0xc0, 1 }, 3 },
		{ "c7 /1", { 0xc7, 0x08, 1, 0, 0, 0 }, 6 },
		{ "c7 /7 mem", { 0xc7, 0x38, 1, 0, 0, 0 }, 6 },
		{ "c6 /2", { 0xc6, 0x10, 1 }, 3 },
		{ "xbegin", { 0xc7, 0xf8, 0, 0, 0, 0 }, 6 },
		{ "xabort", { 0xc6, 0xf8, 1 }, 3 },
		{ "vzeroupper", { 0xc5, 0xf8, 0x77 }, 3 },
		{ "vmovdqu %xmm0,(%rax)", { 0xc5, 0xfa, 0x7f, 0x00 }, 4 },
		{ "vmovdqu %ymm0,(%rax) c4", { 0xc4, 0xe1, 0x7e, 0x7f, 0x00 },
		  5 },
		{ "evex vmovups", { 0x62, 0xf1, 0x7c, 0x48, 0x11, 0x00 }, 6 },
		{ "xop", { 0x8f, 0xe9, 0x78, 0x90, 0x00 }, 5 },
		{ "movups store", { 0x0f, 0x11, 0x00 }, 3 },
		{ "movnti", { 0x0f, 0xc3, 0x00 }, 3 },
		{ "add %eax,(%rax)", { 0x01, 0x00 }, 2 },
		{ "or %eax,(%rax)", { 0x09, 0x00 }, 2 },
		{ "mov %es,(%rax)", { 0x8c, 0x00 }, 2 },
		{ "mov (%rax),%es", { 0x8e, 0x00 }, 2 },
		{ "lea", { 0x8d, 0x00 }, 2 },
		{ "movsl", { 0xa5 }, 1 },
		{ "stosl", { 0xab }, 1 },
		{ "rep stosl", { 0xf3, 0xab }, 2 },
		{ "inc (%rax)", { 0xff, 0x00 }, 2 },
		{ "nop", { 0x90 }, 1 },
	};

	for (size_t i = 0; i < ARRAY_SIZE(t); i++) {
		check_bad(t[i].what, t[i].b, t[i].len, M64);
		check_bad(t[i].what, t[i].b, t[i].len, M32);
	}
	(void)state;
}

/* -EAGAIN while more bytes could complete it, -EINVAL past 15 bytes. */
static void test_length_limit(void **state)
{
	u8 b[32];
	struct mmio_insn want = IMM(15, 8, 0x12345678);

	/* 3 prefixes + 48 c7 04 25 disp32 imm32 = 15 bytes: fine */
	memcpy(b, "\x2e\x2e\x2e\x48\xc7\x04\x25\x00\x03\xe0\xfe"
	       "\x78\x56\x34\x12", 15);
	want.seg = 0x2e;
	check("15 bytes", b, M64, &want);
	/* 4 prefixes: 16 bytes.  Refused once ModRM and SIB say so. */
	memcpy(b, "\x2e\x2e\x2e\x2e\x48\xc7\x04\x25\x00\x03\xe0\xfe"
	       "\x78\x56\x34\x12", 16);
	for (size_t n = 0; n <= sizeof(b); n++)
		expect_err("16 bytes", b, n, M64, n < 8 ? -EAGAIN : -EINVAL);
	/* 13 prefixes + 89 00: 15 bytes */
	memset(b, 0x66, 13);
	b[13] = 0x89;
	b[14] = 0x00;
	want = (struct mmio_insn)STORE(15, 2, 0);
	check("13 prefixes", b, M64, &want);
	/* 14 prefixes + 89 00: ModRM would be byte 16 */
	memset(b, 0x66, 14);
	b[14] = 0x89;
	b[15] = 0x00;
	for (size_t n = 0; n <= sizeof(b); n++)
		expect_err("14 prefixes", b, n, M64,
			   n < 15 ? -EAGAIN : -EINVAL);
	/* Only prefixes */
	memset(b, 0x3e, sizeof(b));
	for (size_t n = 0; n <= sizeof(b); n++)
		expect_err("only prefixes", b, n, M32,
			   n < 15 ? -EAGAIN : -EINVAL);
	memset(b, 0x41, sizeof(b));
	for (size_t n = 0; n <= sizeof(b); n++)
		expect_err("only REX", b, n, M64, n < 15 ? -EAGAIN : -EINVAL);
	/* 14 bytes of prefix before a moffs64: 1 + 8 more is too many */
	memset(b, 0x66, 6);
	memcpy(b + 6, "\xa3\x00\x03\xe0\xfe\x00\x00\x00\x00", 9);
	want = (struct mmio_insn)STORE(15, 2, 0);
	check("moffs 15", b, M64, &want);
	memset(b, 0x66, 7);
	memcpy(b + 7, "\xa3\x00\x03\xe0\xfe\x00\x00\x00\x00", 9);
	for (size_t n = 0; n <= sizeof(b); n++)
		expect_err("moffs 16", b, n, M64, n < 8 ? -EAGAIN : -EINVAL);
	(void)state;
}

/* Any first byte: only the known opcodes decode (prefixes then hit 00). */
static void test_first_byte(void **state)
{
	u8 b[16] = { 0 };
	struct mmio_insn got;

	for (unsigned int m = 0; m < 2; m++) {
		for (unsigned int x = 0; x < 256; x++) {
			int len = 0;

			switch (x) {
			case 0x86: case 0x87: case 0x88: case 0x89:
			case 0x8a: case 0x8b:
				len = 2;
				break;
			case 0xc6:
				len = 3;
				break;
			case 0xc7:
				len = 6;
				break;
			case 0xa0: case 0xa1: case 0xa2: case 0xa3:
				len = m ? 9 : 5;
				break;
			}
			b[0] = (u8)x;
			if (!len) {
				expect_err("first byte", b, sizeof(b), m,
					   -EINVAL);
				continue;
			}
			assert_int_equal(decode(b, sizeof(b), m, &got), 0);
			assert_int_equal(got.len, len);
			assert_int_not_equal(got.kind, MMIO_BAD);
		}
	}
	(void)state;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_linux_forms),
		cmocka_unit_test(test_every_register),
		cmocka_unit_test(test_high8),
		cmocka_unit_test(test_modrm_forms),
		cmocka_unit_test(test_modrm_exhaustive),
		cmocka_unit_test(test_operand_sizes),
		cmocka_unit_test(test_immediates),
		cmocka_unit_test(test_moffs),
		cmocka_unit_test(test_prefixes_accepted),
		cmocka_unit_test(test_prefixes_refused),
		cmocka_unit_test(test_refused_forms),
		cmocka_unit_test(test_length_limit),
		cmocka_unit_test(test_first_byte),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
