/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The contract between the loader module and the hypervisor image.
 *
 * The image is a flat binary linked at address 0 as a position-independent
 * executable.  The loader copies it to the start of the hypervisor's memory,
 * maps all of that memory contiguously at image_va in Linux's address space
 * (the text read-only and executable, the rest non-executable), applies the
 * R_X86_64_RELATIVE relocations listed by the header, and calls the entry
 * point in Linux context:
 *
 *	long entry(uint64_t op, void *arg, uint64_t resume_rsp,
 *		   uint64_t resume_rip);
 *
 * XL_OP_INIT (arg: struct xl_boot_info *) builds the hypervisor's own page
 * tables and per-CPU areas.  It runs once, on one CPU, with interrupts on.
 *
 * XL_OP_LAUNCH (arg: the Linux CPU number) runs with interrupts off on the
 * CPU to take over.  On success it does not return: the CPU switches to the
 * hypervisor's page tables and stacks and enters Linux as a guest at
 * resume_rip with resume_rsp and rax = 0.  On failure it returns a negative
 * errno and the CPU is left as it was.
 */
#ifndef XENLATE_BOOT_H
#define XENLATE_BOOT_H

#define XL_IMAGE_MAGIC		0x004554414c4e4558ULL	/* "XENLATE\0" */
#define XL_BOOT_ABI		2

#define XL_OP_INIT		1
#define XL_OP_LAUNCH		2

#define XL_CHUNK_SHIFT		21	/* memory comes in 2 MiB chunks */
#define XL_CHUNK_SIZE		(1ULL << XL_CHUNK_SHIFT)
#define XL_MAX_CHUNKS		1024	/* 2 GiB of hypervisor memory */
#define XL_MAX_RANGES		128

/* Testing aids that a production load must not have. */
#define XL_BOOT_DEBUG		0x1	/* allow XL_CTL_DEBUG_CRASH */

/*
 * When Dom0's writes to its local APIC and IOAPICs are trapped and checked
 * (DESIGN decision 11): only while guest domains exist (auto), always
 * (trap), or never (direct: Dom0 can then INIT a CPU out of the
 * hypervisor, and guest memory is not private from it).
 */
#define XL_DOM0_APIC_AUTO	0
#define XL_DOM0_APIC_TRAP	1
#define XL_DOM0_APIC_DIRECT	2

#define XL_MAX_IOAPICS		8

#ifndef __ASSEMBLY__
#include "types.h"

struct xl_image_header {
	uint64_t magic;
	uint32_t abi;
	uint32_t header_size;
	uint64_t file_size;	/* bytes of the image to copy */
	uint64_t mem_size;	/* bytes it occupies with .bss */
	uint64_t rela_offset;	/* Elf64_Rela[], R_X86_64_RELATIVE only */
	uint64_t rela_size;
	uint64_t entry_offset;
	uint64_t text_offset;	/* page-aligned code: mapped RX, the rest NX */
	uint64_t text_size;
};

enum xl_mem_type {
	XL_MEM_RAM = 1,		/* "System RAM" */
	XL_MEM_OTHER = 2,	/* firmware, MMIO windows, anything else */
};

struct xl_mem_range {
	uint64_t start;
	uint64_t end;		/* exclusive */
	uint32_t type;
	uint32_t pad;
};

struct xl_boot_info {
	uint32_t abi;
	uint32_t nr_cpus;	/* CPU numbers 0..nr_cpus-1 may be launched */
	uint64_t image_va;	/* all chunks, in order, mapped from here */
	uint64_t directmap_va;	/* Linux's direct map of physical memory */
	uint64_t phys_top;	/* Dom0 sees [0, phys_top) minus ours */
	uint64_t tsc_khz;
	uint64_t load_wallclock_ns;
	uint16_t serial_port;	/* 0: no serial log */
	uint16_t flags;		/* XL_BOOT_* */
	uint32_t paging_levels;	/* Linux's: 4, or 5 with LA57 */
	uint32_t nr_chunks;
	uint32_t nr_ranges;
	uint32_t dom0_apic;	/* XL_DOM0_APIC_* */
	uint32_t nr_ioapics;	/* from the ACPI MADT */
	uint64_t ioapic_pa[XL_MAX_IOAPICS];
	uint64_t chunk_pa[XL_MAX_CHUNKS];
	struct xl_mem_range range[XL_MAX_RANGES];
};

#endif /* __ASSEMBLY__ */
#endif
