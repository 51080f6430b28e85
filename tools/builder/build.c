// SPDX-License-Identifier: GPL-2.0
/*
 * The PVH domain builder's layout (see build.h): checks that a kernel, a
 * command line and a ramdisk fit into a guest's memory, places them, and
 * writes the boot information Xen's PVH ABI passes in ebx.
 *
 * The memory map is a single RAM entry, [0, memory).  The legacy hole
 * (0xa0000-0xfffff: VGA, option ROMs, BIOS) is not carved out: there is
 * no emulated VGA, ROM or BIOS behind it, Xen's PVH specification
 * (docs/misc/pvh.pandoc) says nothing about the low 1 MiB, and Linux's
 * PVH entry (init_pvh_bootparams) adds the ISA range as reserved itself,
 * where reserved wins over RAM.  Small test guests may use it.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

/* Needs <stdint.h> first: the Xen headers assume it. */
#include <xen/arch-x86/hvm/start_info.h>

#include "bld_util.h"
#include "build.h"

/* The hvm_start_info layout with memmap_paddr and memmap_entries. */
#define XL_START_INFO_VERSION	1

/* The info page, in this order, each part 8-byte aligned. */
struct xl_info_layout {
	size_t modlist;		/* offsets in the page */
	size_t memmap;
	size_t cmdline;
	size_t len;		/* bytes used */
};

static uint64_t xl_page_up(uint64_t x)
{
	return (x + XL_BUILD_PAGE_SIZE - 1) & ~(XL_BUILD_PAGE_SIZE - 1);
}

static size_t xl_align8(size_t x)
{
	return (x + 7) & ~(size_t)7;
}

static int xl_check_mem(uint64_t mem, char *err, size_t errsize)
{
	if (mem <= XL_BUILD_RING_PAGES * XL_BUILD_PAGE_SIZE ||
	    mem % XL_BUILD_PAGE_SIZE)
		return xl_bld_err(err, errsize, -EINVAL,
				  "guest memory of %llu bytes is not a multiple of 4 KiB of at least 12 KiB",
				  (unsigned long long)mem);
	if (mem > XL_BUILD_MEM_MAX)
		return xl_bld_err(err, errsize, -EOPNOTSUPP,
				  "guest memory of %llu MiB: above 3 GiB is not supported yet (no PCI hole in the memory map)",
				  (unsigned long long)(mem >> 20));
	return 0;
}

/* [a, a + alen) and [b, b + blen) share a byte; neither wraps. */
static bool xl_overlap(uint64_t a, uint64_t alen, uint64_t b, uint64_t blen)
{
	return alen && blen && a < b + blen && b < a + alen;
}

static int xl_check_seg(const struct xl_kimage_seg *s, unsigned int i,
			uint64_t mem, char *err, size_t errsize)
{
	if (s->filesz > s->memsz || (s->filesz && !s->data))
		return xl_bld_err(err, errsize, -EINVAL,
				  "kernel segment %u: bad sizes (file %llu, memory %llu bytes)",
				  i, (unsigned long long)s->filesz,
				  (unsigned long long)s->memsz);
	if (!xl_in_bounds(s->paddr, s->memsz, mem))
		return xl_bld_err(err, errsize, -ENOSPC,
				  "kernel segment %u at 0x%llx (%llu bytes) does not fit in guest memory [0, 0x%llx): memory too small for this kernel",
				  i, (unsigned long long)s->paddr,
				  (unsigned long long)s->memsz,
				  (unsigned long long)mem);
	return 0;
}

/*
 * Every segment inside memory, none overlapping another, the entry
 * inside one of them.  kimage checks the same of the file; the input
 * here may come from elsewhere, and the checks are cheap.  Sets *end to
 * the end of the highest segment.
 */
static int xl_check_kernel(const struct xl_kimage *k, uint64_t mem,
			   uint64_t *end, char *err, size_t errsize)
{
	bool entry_ok = false;
	unsigned int i, j;
	int ret;

	if (!k->nr_segs || k->nr_segs > XL_KIMAGE_MAX_SEGS)
		return xl_bld_err(err, errsize, -EINVAL,
				  "kernel has %u loadable segments (1..%u)",
				  k->nr_segs, XL_KIMAGE_MAX_SEGS);
	*end = 0;
	for (i = 0; i < k->nr_segs; i++) {
		const struct xl_kimage_seg *s = &k->segs[i];

		ret = xl_check_seg(s, i, mem, err, errsize);
		if (ret)
			return ret;
		for (j = 0; j < i; j++)
			if (xl_overlap(s->paddr, s->memsz, k->segs[j].paddr,
				       k->segs[j].memsz))
				return xl_bld_err(err, errsize, -EINVAL,
						  "kernel segments %u and %u overlap",
						  j, i);
		if (k->entry >= s->paddr && k->entry - s->paddr < s->memsz)
			entry_ok = true;
		if (s->paddr + s->memsz > *end)
			*end = s->paddr + s->memsz;
	}
	if (!entry_ok)
		return xl_bld_err(err, errsize, -EINVAL,
				  "entry point 0x%x lies outside the kernel's segments",
				  k->entry);
	return 0;
}

static struct xl_info_layout xl_info_plan(size_t cmdline_len)
{
	struct xl_info_layout l;

	l.modlist = xl_align8(sizeof(struct hvm_start_info));
	l.memmap = l.modlist + xl_align8(sizeof(struct hvm_modlist_entry));
	l.cmdline = l.memmap +
		    XL_BUILD_MEMMAP * xl_align8(sizeof(struct hvm_memmap_table_entry));
	l.len = l.cmdline + cmdline_len + 1;
	return l;
}

/* The longest command line leaves the info page room to spare. */
_Static_assert(XL_BUILD_CMDLINE_MAX + 1 + 256 <= XL_BUILD_PAGE_SIZE,
	       "the boot information must fit in one page");
_Static_assert(sizeof(struct hvm_start_info) +
	       sizeof(struct hvm_modlist_entry) +
	       XL_BUILD_MEMMAP * sizeof(struct hvm_memmap_table_entry) <= 256,
	       "the boot structures must fit in 256 bytes");

/* The info page at @base: start_info, module list, memory map, cmdline. */
static void xl_info_fill(const struct xl_build_in *in, uint64_t base,
			 const struct xl_info_layout *l, size_t cmdline_len,
			 struct xl_build *out)
{
	struct hvm_start_info si = {
		.magic = XEN_HVM_START_MAGIC_VALUE,
		.version = XL_START_INFO_VERSION,
		.cmdline_paddr = base + l->cmdline,
		.memmap_paddr = base + l->memmap,
		.memmap_entries = XL_BUILD_MEMMAP,
	};
	/* RAM, then the ring pages: the guest's, not RAM. */
	struct hvm_memmap_table_entry map[XL_BUILD_MEMMAP] = {
		{ .addr = 0, .size = out->console_gpa,
		  .type = XEN_HVM_MEMMAP_TYPE_RAM },
		{ .addr = out->console_gpa,
		  .size = XL_BUILD_RING_PAGES * XL_BUILD_PAGE_SIZE,
		  .type = XEN_HVM_MEMMAP_TYPE_RESERVED },
	};

	if (in->ramdisk) {
		/* Linux takes the first module as its initrd. */
		struct hvm_modlist_entry mod = {
			.paddr = out->ramdisk_gpa,
			.size = in->ramdisk_len,
		};

		si.nr_modules = 1;
		si.modlist_paddr = base + l->modlist;
		memcpy(out->info + l->modlist, &mod, sizeof(mod));
	}
	memcpy(out->info, &si, sizeof(si));
	for (unsigned int i = 0; i < XL_BUILD_MEMMAP; i++)
		memcpy(out->info + l->memmap +
		       i * xl_align8(sizeof(map[0])), &map[i], sizeof(map[i]));
	if (cmdline_len)
		memcpy(out->info + l->cmdline, in->cmdline, cmdline_len);
	/* The NUL after the command line: out->info starts zeroed. */
}

static void xl_add_write(struct xl_build *out, uint64_t gpa,
			 const void *data, size_t len, const char *what)
{
	struct xl_build_write *w = &out->writes[out->nr_writes++];

	w->gpa = gpa;
	w->data = data;
	w->len = len;
	w->what = what;
}

static int xl_place(const struct xl_build_in *in, uint64_t kernel_end,
		    size_t cmdline_len, struct xl_build *out, char *err,
		    size_t errsize)
{
	const struct xl_kimage *k = in->kernel;
	uint64_t mem = in->mem_bytes -
		       XL_BUILD_RING_PAGES * XL_BUILD_PAGE_SIZE;
	uint64_t info = xl_page_up(kernel_end);
	struct xl_info_layout l = xl_info_plan(cmdline_len);
	uint64_t rd;
	unsigned int i;

	if (!xl_in_bounds(info, XL_BUILD_PAGE_SIZE, mem))
		return xl_bld_err(err, errsize, -ENOSPC,
				  "no room for the boot information after the kernel (ends at 0x%llx, memory 0x%llx): memory too small",
				  (unsigned long long)kernel_end,
				  (unsigned long long)mem);
	rd = info + XL_BUILD_PAGE_SIZE;
	out->end = rd;
	if (in->ramdisk) {
		if (!xl_in_bounds(rd, in->ramdisk_len, mem))
			return xl_bld_err(err, errsize, -ENOSPC,
					  "ramdisk of %zu bytes does not fit: %llu bytes of guest memory free after the kernel",
					  in->ramdisk_len,
					  (unsigned long long)(mem - rd));
		out->ramdisk_gpa = rd;
		out->end = xl_page_up(rd + in->ramdisk_len);
	}

	out->entry = k->entry;
	out->start_info = info;
	out->console_gpa = mem;
	out->store_gpa = mem + XL_BUILD_PAGE_SIZE;
	xl_info_fill(in, info, &l, cmdline_len, out);
	for (i = 0; i < k->nr_segs; i++)
		if (k->segs[i].filesz)
			xl_add_write(out, k->segs[i].paddr, k->segs[i].data,
				     k->segs[i].filesz, "kernel");
	xl_add_write(out, info, out->info, l.len, "boot info");
	if (in->ramdisk)
		xl_add_write(out, rd, in->ramdisk, in->ramdisk_len, "ramdisk");
	return 0;
}

int xl_build_layout(const struct xl_build_in *in, struct xl_build *out,
		    char *err, size_t errsize)
{
	size_t cmdline_len = in->cmdline ? strlen(in->cmdline) : 0;
	uint64_t kernel_end = 0;
	int ret;

	memset(out, 0, sizeof(*out));
	if (!in->kernel)
		return xl_bld_err(err, errsize, -EINVAL, "no kernel");
	ret = xl_check_mem(in->mem_bytes, err, errsize);
	if (!ret)
		ret = xl_check_kernel(in->kernel,
				      in->mem_bytes -
				      XL_BUILD_RING_PAGES * XL_BUILD_PAGE_SIZE,
				      &kernel_end,
				      err, errsize);
	if (ret)
		goto fail;
	if (cmdline_len > XL_BUILD_CMDLINE_MAX) {
		ret = xl_bld_err(err, errsize, -E2BIG,
				 "command line of %zu bytes is too long (at most %d)",
				 cmdline_len, XL_BUILD_CMDLINE_MAX);
		goto fail;
	}
	if (in->ramdisk && !in->ramdisk_len) {
		ret = xl_bld_err(err, errsize, -EINVAL, "ramdisk is empty");
		goto fail;
	}
	ret = xl_place(in, kernel_end, cmdline_len, out, err, errsize);
	if (!ret)
		return 0;
fail:
	memset(out, 0, sizeof(*out));
	return ret;
}
