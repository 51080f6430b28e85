/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The PVH domain builder's layout: where a parsed kernel, its command
 * line, its ramdisk and the hvm_start_info structure go in a new guest's
 * memory, as a list of writes for XL_CMD_DOMAIN_WRITE.  Pure: no I/O, no
 * allocation, no printing; unit tested on the host.
 *
 * Guest-physical layout (memory is RAM from 0, see build.c):
 *
 *	0 ...		kernel segments, where their ELF headers say
 *	info		page-aligned after the highest segment: one page
 *			holding hvm_start_info, the module list (ramdisk),
 *			the memory map and the command line
 *	ramdisk		page-aligned after the info page
 *	... memory	free
 *	last 2 pages	the console and xenstore rings: reserved in the
 *			memory map
 *
 * Bytes not written (bss, gaps) need nothing: the hypervisor zeroes every
 * frame it gives a guest.
 */
#ifndef XL_BUILD_H
#define XL_BUILD_H

#include <stddef.h>
#include <stdint.h>

#include "kimage.h"

#define XL_BUILD_PAGE_SIZE	4096ULL
/*
 * No PCI/MMIO hole in the memory map yet, and everything must stay below
 * 4 GiB for a 32-bit entry with paging off: 3 GiB keeps the guest's RAM
 * where a hole will not have to move it.
 */
#define XL_BUILD_MEM_MAX	(3ULL << 30)
/* Linux's x86 COMMAND_LINE_SIZE, less its NUL; as domcfg's limit. */
#define XL_BUILD_CMDLINE_MAX	2047
/* Entries of the memory map: RAM, the ring pages. */
#define XL_BUILD_MEMMAP		2
#define XL_BUILD_RING_PAGES	2	/* console, xenstore */
/* Kernel segments, the info page, the ramdisk. */
#define XL_BUILD_MAX_WRITES	(XL_KIMAGE_MAX_SEGS + 2)

/* What to build. */
struct xl_build_in {
	const struct xl_kimage *kernel;	/* from xl_kimage_parse() */
	uint64_t mem_bytes;		/* guest RAM, from gfn 0 */
	const char *cmdline;		/* NULL: empty */
	const void *ramdisk;		/* NULL: none */
	size_t ramdisk_len;		/* > 0 when ramdisk is given */
};

/* Copy @len bytes from @data to guest-physical @gpa. */
struct xl_build_write {
	uint64_t gpa;
	const void *data;
	size_t len;
	const char *what;	/* "kernel", "boot info", "ramdisk" */
};

/*
 * The result.  Writes point into the kernel image, the ramdisk and
 * @info below: keep those alive, and do not copy this structure (the
 * pointers into @info would follow the original).
 */
struct xl_build {
	uint32_t entry;		/* PVH 32-bit entry point */
	uint64_t start_info;	/* guest-physical hvm_start_info: ebx */
	uint64_t ramdisk_gpa;	/* 0 if no ramdisk */
	uint64_t console_gpa;	/* the console ring's page */
	uint64_t store_gpa;	/* the xenstore ring's page, right after */
	uint64_t end;		/* first byte after everything placed */
	unsigned int nr_writes;
	struct xl_build_write writes[XL_BUILD_MAX_WRITES];
	uint8_t info[XL_BUILD_PAGE_SIZE];	/* the info page's bytes */
};

/*
 * Lay out @in into @out.  Returns 0, or -EINVAL (bad input) / -ENOSPC
 * (does not fit in the guest's memory) / -E2BIG (command line too long)
 * / -EOPNOTSUPP (memory above XL_BUILD_MEM_MAX) with one line in @err and
 * @out zeroed.
 */
int xl_build_layout(const struct xl_build_in *in, struct xl_build *out,
		    char *err, size_t errsize);

#endif
