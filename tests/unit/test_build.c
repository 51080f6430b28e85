// SPDX-License-Identifier: GPL-2.0
/*
 * tools/builder/build.c: the PVH domain builder's layout.  The writes it
 * returns are applied to a buffer standing for the guest's memory, and
 * the boot information is then read back from that buffer by address,
 * the way the guest will find it through ebx.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "unit.h"

#include <xen/arch-x86/hvm/start_info.h>

#include "build.h"
#include "kimage.h"

#include "fixtures/kimage/pvh_elf.h"

#define KIB		1024ULL
#define MIB		(1024 * KIB)
#define GIB		(1024 * MIB)
#define PAGE		4096ULL
#define ERRSZ		256

static const uint8_t text[] = "text of the kernel";
static const uint8_t data[] = "data, then bss";

/*
 * A kernel of two segments at 1 MiB: text, and data followed by bss
 * (memsz > filesz), entry in the text.
 */
static void two_seg_kernel(struct xl_kimage *k)
{
	memset(k, 0, sizeof(*k));
	k->format = XL_KIMAGE_ELF;
	k->entry = 1 * MIB + 4;
	k->nr_segs = 2;
	k->segs[0] = (struct xl_kimage_seg){
		.paddr = 1 * MIB, .data = text,
		.filesz = sizeof(text), .memsz = sizeof(text),
	};
	k->segs[1] = (struct xl_kimage_seg){
		.paddr = 1 * MIB + 2 * PAGE, .data = data,
		.filesz = sizeof(data), .memsz = PAGE + 100,
	};
	k->phys_start = 1 * MIB;
	k->phys_end = 1 * MIB + 3 * PAGE + 100;
}

/* The guest's memory after the builder's writes; checks each write. */
static uint8_t *apply(const struct xl_build *b, uint64_t mem)
{
	uint8_t *g = calloc(1, mem);
	unsigned int i, j;

	assert_non_null(g);
	for (i = 0; i < b->nr_writes; i++) {
		const struct xl_build_write *w = &b->writes[i];

		assert_non_null(w->data);
		assert_non_null(w->what);
		assert_true(w->len > 0);
		if (w->gpa > mem || w->len > mem - w->gpa)
			fail_fmt("write %u (%s) at 0x%llx+%zu outside memory",
				 i, w->what, (unsigned long long)w->gpa,
				 w->len);
		for (j = 0; j < i; j++) {
			const struct xl_build_write *o = &b->writes[j];

			if (w->gpa < o->gpa + o->len && o->gpa < w->gpa + w->len)
				fail_fmt("writes %u (%s) and %u (%s) overlap",
					 j, o->what, i, w->what);
		}
		memcpy(g + w->gpa, w->data, w->len);
	}
	return g;
}

/* Read @size bytes at guest-physical @gpa, which must lie in memory. */
static void peek(const uint8_t *g, uint64_t mem, uint64_t gpa, void *out,
		 size_t size)
{
	if (gpa > mem || size > mem - gpa)
		fail_fmt("0x%llx+%zu outside memory", (unsigned long long)gpa,
			 size);
	memcpy(out, g + gpa, size);
}

/* What the guest finds: start_info checked, RAM then the ring pages. */
static void read_start_info(const uint8_t *g, uint64_t mem, uint64_t at,
			    struct hvm_start_info *si)
{
	struct hvm_memmap_table_entry e;

	peek(g, mem, at, si, sizeof(*si));
	assert_int_equal(si->magic, XEN_HVM_START_MAGIC_VALUE);
	assert_int_equal(si->version, 1);
	assert_int_equal(si->flags, 0);
	assert_int_equal(si->rsdp_paddr, 0);
	assert_int_equal(si->reserved, 0);
	assert_int_equal(si->memmap_entries, 2);
	peek(g, mem, si->memmap_paddr, &e, sizeof(e));
	assert_int_equal(e.addr, 0);
	assert_int_equal(e.size, mem - 2 * PAGE);
	assert_int_equal(e.type, XEN_HVM_MEMMAP_TYPE_RAM);
	assert_int_equal(e.reserved, 0);
	/* The last two pages are the console and xenstore rings'. */
	peek(g, mem, si->memmap_paddr + sizeof(e), &e, sizeof(e));
	assert_int_equal(e.addr, mem - 2 * PAGE);
	assert_int_equal(e.size, 2 * PAGE);
	assert_int_equal(e.type, XEN_HVM_MEMMAP_TYPE_RESERVED);
	assert_int_equal(si->memmap_paddr % 8, 0);
}

static void read_cmdline(const uint8_t *g, uint64_t mem, uint64_t at,
			 char *buf, size_t size)
{
	size_t n;

	assert_true(at > 0 && at < mem);
	n = strnlen((const char *)g + at, mem - at);
	assert_true(n < mem - at);	/* NUL-terminated inside memory */
	assert_true(n < size);
	memcpy(buf, g + at, n + 1);
}

static int layout(const struct xl_kimage *k, uint64_t mem,
		  const char *cmdline, const void *rd, size_t rd_len,
		  struct xl_build *b, char *err)
{
	struct xl_build_in in = {
		.kernel = k, .mem_bytes = mem, .cmdline = cmdline,
		.ramdisk = rd, .ramdisk_len = rd_len,
	};

	err[0] = '\0';
	return xl_build_layout(&in, b, err, ERRSZ);
}

static void test_layout(void **state)
{
	static struct xl_build b;
	const uint64_t mem = 16 * MIB;
	struct hvm_start_info si;
	struct hvm_modlist_entry mod;
	struct xl_kimage k;
	char err[ERRSZ], cmd[64];
	uint8_t rd[10000], *g;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(rd); i++)
		rd[i] = (uint8_t)(i * 7 + 1);
	two_seg_kernel(&k);
	assert_int_equal(layout(&k, mem, "console=hvc0 quiet", rd, sizeof(rd),
				&b, err), 0);
	assert_string_equal(err, "");

	/* The info page right after the bss, page-aligned; then the ramdisk. */
	assert_int_equal(b.entry, 1 * MIB + 4);
	assert_int_equal(b.start_info, 1 * MIB + 4 * PAGE);
	assert_int_equal(b.ramdisk_gpa, b.start_info + PAGE);
	assert_int_equal(b.end, b.ramdisk_gpa + 3 * PAGE);
	assert_int_equal(b.nr_writes, 4);

	g = apply(&b, mem);
	assert_memory_equal(g + 1 * MIB, text, sizeof(text));
	assert_memory_equal(g + 1 * MIB + 2 * PAGE, data, sizeof(data));
	read_start_info(g, mem, b.start_info, &si);
	read_cmdline(g, mem, si.cmdline_paddr, cmd, sizeof(cmd));
	assert_string_equal(cmd, "console=hvc0 quiet");

	assert_int_equal(si.nr_modules, 1);
	assert_int_equal(si.modlist_paddr % 8, 0);
	peek(g, mem, si.modlist_paddr, &mod, sizeof(mod));
	assert_int_equal(mod.paddr, b.ramdisk_gpa);
	assert_int_equal(mod.size, sizeof(rd));
	assert_int_equal(mod.cmdline_paddr, 0);
	assert_int_equal(mod.reserved, 0);
	assert_memory_equal(g + mod.paddr, rd, sizeof(rd));

	/* Nothing of the boot info lies inside the kernel's memory. */
	assert_true(b.start_info >= k.phys_end);
	free(g);
}

/* No ramdisk: no module list.  No command line: an empty string. */
static void test_minimal(void **state)
{
	static struct xl_build b;
	const uint64_t mem = 2 * MIB;
	struct hvm_start_info si;
	struct xl_kimage k;
	char err[ERRSZ], cmd[8];
	uint8_t *g;

	(void)state;
	two_seg_kernel(&k);
	assert_int_equal(layout(&k, mem, NULL, NULL, 0, &b, err), 0);
	assert_int_equal(b.nr_writes, 3);
	assert_int_equal(b.ramdisk_gpa, 0);
	assert_int_equal(b.end, b.start_info + PAGE);
	g = apply(&b, mem);
	read_start_info(g, mem, b.start_info, &si);
	assert_int_equal(si.nr_modules, 0);
	assert_int_equal(si.modlist_paddr, 0);
	read_cmdline(g, mem, si.cmdline_paddr, cmd, sizeof(cmd));
	assert_string_equal(cmd, "");
	free(g);
}

/*
 * Segments in any order, a bss-only one (no write for it), the highest
 * by address not the last: the info goes after the highest end.
 */
static void test_segment_order_and_bss(void **state)
{
	static struct xl_build b;
	const uint64_t mem = 8 * MIB;
	struct xl_kimage k;
	char err[ERRSZ];
	unsigned int i;

	(void)state;
	two_seg_kernel(&k);
	k.nr_segs = 3;
	k.segs[2] = k.segs[0];
	k.segs[0] = (struct xl_kimage_seg){
		.paddr = 4 * MIB, .memsz = 5 * PAGE + 1,	/* bss only */
	};
	assert_int_equal(layout(&k, mem, "x", NULL, 0, &b, err), 0);
	assert_int_equal(b.start_info, 4 * MIB + 6 * PAGE);
	assert_int_equal(b.nr_writes, 3);
	for (i = 0; i < b.nr_writes; i++)
		assert_true(b.writes[i].gpa != 4 * MIB);
	free(apply(&b, mem));
}

/* The real toolchain-built PVH ELF of the kimage tests, end to end. */
static void test_real_elf(void **state)
{
	static struct xl_build b;
	const uint64_t mem = 32 * MIB;
	struct hvm_start_info si;
	struct xl_kimage k;
	char err[ERRSZ];
	uint8_t *g, *ref;

	(void)state;
	assert_int_equal(xl_kimage_parse(pvh32, sizeof(pvh32), &k, err,
					 ERRSZ), 0);
	assert_int_equal(layout(&k, mem, "hello", NULL, 0, &b, err), 0);
	assert_int_equal(b.entry, k.entry);
	assert_int_equal(b.start_info,
			 (k.phys_end + PAGE - 1) & ~(PAGE - 1));
	g = apply(&b, mem);
	/* The kernel's bytes exactly as kimage itself would load them. */
	ref = calloc(1, mem);
	assert_non_null(ref);
	assert_int_equal(xl_kimage_load(&k, ref, 0, mem, err, ERRSZ), 0);
	assert_memory_equal(g, ref, b.start_info);
	read_start_info(g, mem, b.start_info, &si);
	free(ref);
	free(g);
	xl_kimage_free(&k);
}

/* Limits that are allowed exactly, refused one byte beyond. */
static void test_exact_fits(void **state)
{
	static struct xl_build b;
	static char cmd[XL_BUILD_CMDLINE_MAX + 2];
	const uint64_t mem = 2 * MIB;
	struct xl_kimage k;
	char err[ERRSZ];
	uint64_t room;
	uint8_t *rd;

	(void)state;
	two_seg_kernel(&k);
	memset(cmd, 'a', XL_BUILD_CMDLINE_MAX);
	assert_int_equal(layout(&k, mem, cmd, NULL, 0, &b, err), 0);
	cmd[XL_BUILD_CMDLINE_MAX] = 'a';
	assert_int_equal(layout(&k, mem, cmd, NULL, 0, &b, err), -E2BIG);

	/* A ramdisk filling memory up to the ring pages. */
	assert_int_equal(layout(&k, mem, NULL, NULL, 0, &b, err), 0);
	assert_int_equal(b.console_gpa, mem - 2 * PAGE);
	assert_int_equal(b.store_gpa, mem - PAGE);
	room = mem - 2 * PAGE - (b.start_info + PAGE);
	rd = calloc(1, room + 1);
	assert_non_null(rd);
	assert_int_equal(layout(&k, mem, NULL, rd, room, &b, err), 0);
	assert_int_equal(b.end, mem - 2 * PAGE);
	free(apply(&b, mem));
	assert_int_equal(layout(&k, mem, NULL, rd, room + 1, &b, err),
			 -ENOSPC);
	free(rd);

	/* 3 GiB is allowed (nothing is applied: no 3 GiB buffer). */
	assert_int_equal(layout(&k, 3 * GIB, NULL, NULL, 0, &b, err), 0);
}

/* An error: its code, one line with @needle, and nothing in @b. */
static void expect_err(int ret, const char *err, int code,
		       const char *needle, const struct xl_build *b)
{
	static const struct xl_build zero;

	assert_int_equal(ret, code);
	if (!strstr(err, needle))
		fail_fmt("error '%s' lacks '%s'", err, needle);
	assert_null(strchr(err, '\n'));
	assert_memory_equal(b, &zero, sizeof(zero));
}

static void test_err_memory(void **state)
{
	static struct xl_build b;
	struct xl_kimage k;
	char err[ERRSZ];

	(void)state;
	two_seg_kernel(&k);
	expect_err(layout(&k, 0, NULL, NULL, 0, &b, err), err, -EINVAL,
		   "not a multiple of 4 KiB of at least 12 KiB", &b);
	expect_err(layout(&k, 2 * MIB + 1, NULL, NULL, 0, &b, err), err,
		   -EINVAL, "not a multiple of 4 KiB of at least 12 KiB", &b);
	expect_err(layout(&k, 3 * GIB + PAGE, NULL, NULL, 0, &b, err), err,
		   -EOPNOTSUPP, "above 3 GiB is not supported yet", &b);
	expect_err(layout(&k, 1024 * GIB, NULL, NULL, 0, &b, err),
		   err, -EOPNOTSUPP, "no PCI hole", &b);
}

static void test_err_no_kernel(void **state)
{
	static struct xl_build b;
	struct xl_kimage k;
	char err[ERRSZ];

	(void)state;
	expect_err(layout(NULL, 2 * MIB, NULL, NULL, 0, &b, err), err,
		   -EINVAL, "no kernel", &b);
	two_seg_kernel(&k);
	k.nr_segs = 0;
	expect_err(layout(&k, 2 * MIB, NULL, NULL, 0, &b, err), err,
		   -EINVAL, "0 loadable segments", &b);
	k.nr_segs = XL_KIMAGE_MAX_SEGS + 1;
	expect_err(layout(&k, 2 * MIB, NULL, NULL, 0, &b, err), err,
		   -EINVAL, "loadable segments", &b);
}

static void test_err_segment_sizes(void **state)
{
	static struct xl_build b;
	struct xl_kimage k;
	char err[ERRSZ];

	(void)state;
	two_seg_kernel(&k);
	k.segs[1].filesz = k.segs[1].memsz + 1;
	expect_err(layout(&k, 2 * MIB, NULL, NULL, 0, &b, err), err,
		   -EINVAL, "kernel segment 1: bad sizes", &b);
	two_seg_kernel(&k);
	k.segs[0].data = NULL;
	expect_err(layout(&k, 2 * MIB, NULL, NULL, 0, &b, err), err,
		   -EINVAL, "kernel segment 0: bad sizes", &b);
}

static void test_err_segment_outside(void **state)
{
	static struct xl_build b;
	struct xl_kimage k;
	char err[ERRSZ];

	(void)state;
	/* The kernel at 1 MiB in 1 MiB of memory (less the ring pages). */
	two_seg_kernel(&k);
	expect_err(layout(&k, 1 * MIB, NULL, NULL, 0, &b, err), err, -ENOSPC,
		   "kernel segment 0 at 0x100000 (19 bytes) does not fit in guest memory [0, 0xfe000): memory too small",
		   &b);
	/* Its bss one byte past the end. */
	two_seg_kernel(&k);
	k.segs[1].memsz = 2 * MIB - k.segs[1].paddr + 1;
	k.entry = k.segs[0].paddr;
	expect_err(layout(&k, 2 * MIB, NULL, NULL, 0, &b, err), err, -ENOSPC,
		   "kernel segment 1", &b);
	/* An end that wraps around 2^64. */
	two_seg_kernel(&k);
	k.segs[1].paddr = UINT64_MAX - 10;
	expect_err(layout(&k, 2 * MIB, NULL, NULL, 0, &b, err), err, -ENOSPC,
		   "does not fit in guest memory", &b);
}

static void test_err_overlap(void **state)
{
	static struct xl_build b;
	struct xl_kimage k;
	char err[ERRSZ];

	(void)state;
	two_seg_kernel(&k);
	k.segs[0].memsz = 2 * PAGE + 1;		/* one byte into segment 1 */
	expect_err(layout(&k, 2 * MIB, NULL, NULL, 0, &b, err), err, -EINVAL,
		   "kernel segments 0 and 1 overlap", &b);
	/* Touching is fine. */
	k.segs[0].memsz = 2 * PAGE;
	assert_int_equal(layout(&k, 2 * MIB, NULL, NULL, 0, &b, err), 0);
	/* Overlap found whatever the order: one inside the other. */
	two_seg_kernel(&k);
	k.segs[0].paddr = k.segs[1].paddr + 8;
	k.entry = k.segs[0].paddr;
	expect_err(layout(&k, 2 * MIB, NULL, NULL, 0, &b, err), err, -EINVAL,
		   "overlap", &b);
}

static void test_err_entry(void **state)
{
	static struct xl_build b;
	struct xl_kimage k;
	char err[ERRSZ];

	(void)state;
	two_seg_kernel(&k);
	k.entry = 1 * MIB + PAGE;	/* in the gap between the two */
	expect_err(layout(&k, 2 * MIB, NULL, NULL, 0, &b, err), err, -EINVAL,
		   "entry point 0x101000 lies outside the kernel's segments",
		   &b);
	k.entry = 1 * MIB - 1;
	expect_err(layout(&k, 2 * MIB, NULL, NULL, 0, &b, err), err, -EINVAL,
		   "entry point", &b);
	k.entry = (uint32_t)(k.segs[0].paddr + k.segs[0].memsz);
	expect_err(layout(&k, 2 * MIB, NULL, NULL, 0, &b, err), err, -EINVAL,
		   "entry point", &b);
	/* The last byte of the bss still counts: it is the kernel's. */
	k.entry = (uint32_t)(k.segs[1].paddr + k.segs[1].memsz - 1);
	assert_int_equal(layout(&k, 2 * MIB, NULL, NULL, 0, &b, err), 0);
}

static void test_err_cmdline(void **state)
{
	static struct xl_build b;
	static char cmd[5000];
	struct xl_kimage k;
	char err[ERRSZ];

	(void)state;
	two_seg_kernel(&k);
	memset(cmd, 'x', sizeof(cmd) - 1);
	expect_err(layout(&k, 2 * MIB, cmd, NULL, 0, &b, err), err, -E2BIG,
		   "command line of 4999 bytes is too long (at most 2047)", &b);
}

static void test_err_ramdisk(void **state)
{
	static struct xl_build b;
	static uint8_t rd[PAGE];
	struct xl_kimage k;
	char err[ERRSZ];

	(void)state;
	two_seg_kernel(&k);
	expect_err(layout(&k, 2 * MIB, NULL, rd, 0, &b, err), err, -EINVAL,
		   "ramdisk is empty", &b);
	/* 1 MiB + 5 pages used, one free, two ring pages: one too few. */
	expect_err(layout(&k, 1 * MIB + 8 * PAGE, NULL, rd, PAGE + 1,
			  &b, err), err, -ENOSPC,
		   "ramdisk of 4097 bytes does not fit: 4096 bytes", &b);
}

static void test_err_no_room_for_info(void **state)
{
	static struct xl_build b;
	struct xl_kimage k;
	char err[ERRSZ];

	(void)state;
	two_seg_kernel(&k);
	/*
	 * The kernel ends inside the fourth page; memory ends after it and
	 * the ring pages.
	 */
	expect_err(layout(&k, 1 * MIB + 6 * PAGE, NULL, NULL, 0, &b, err),
		   err, -ENOSPC,
		   "no room for the boot information after the kernel", &b);
	assert_non_null(strstr(err, "memory too small"));
	/* One page more is enough. */
	assert_int_equal(layout(&k, 1 * MIB + 7 * PAGE, NULL, NULL, 0, &b,
				err), 0);
}

/* A short or absent error buffer is never overrun. */
static void test_err_buffer(void **state)
{
	static struct xl_build b;
	struct xl_build_in in = { .mem_bytes = 2 * MIB };
	char small[8];

	(void)state;
	memset(small, 'z', sizeof(small));
	assert_int_equal(xl_build_layout(&in, &b, small, 4), -EINVAL);
	assert_int_equal(strlen(small), 3);
	assert_int_equal(small[4], 'z');
	assert_int_equal(xl_build_layout(&in, &b, NULL, 0), -EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_layout),
		cmocka_unit_test(test_minimal),
		cmocka_unit_test(test_segment_order_and_bss),
		cmocka_unit_test(test_real_elf),
		cmocka_unit_test(test_exact_fits),
		cmocka_unit_test(test_err_memory),
		cmocka_unit_test(test_err_no_kernel),
		cmocka_unit_test(test_err_segment_sizes),
		cmocka_unit_test(test_err_segment_outside),
		cmocka_unit_test(test_err_overlap),
		cmocka_unit_test(test_err_entry),
		cmocka_unit_test(test_err_cmdline),
		cmocka_unit_test(test_err_ramdisk),
		cmocka_unit_test(test_err_no_room_for_info),
		cmocka_unit_test(test_err_buffer),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
