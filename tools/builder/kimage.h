/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The domain builder's view of a guest kernel file: what to copy where in
 * guest-physical memory and where to start it, for Xen's PVH boot
 * protocol (the guest starts in 32-bit protected mode, paging off, at
 * the physical address of its XEN_ELFNOTE_PHYS32_ENTRY note).
 *
 * Accepted: an x86 ELF executable (32- or 64-bit) carrying that note, or
 * a Linux bzImage whose payload is such an ELF file, gzip-, xz- or (if
 * built with XL_HAVE_ZSTD) zstd-compressed, or stored.  Pure: no I/O, no
 * printing; the file is hostile and every field of it is checked.
 */
#ifndef XL_KIMAGE_H
#define XL_KIMAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "elfnote.h"

/* Bound on a bzImage's decompressed payload (Debian's is ~64 MiB). */
#define XL_KIMAGE_MAX_DECOMPRESSED	((size_t)256 << 20)
/* Loadable segments kept; a Linux kernel has 4 or 5. */
#define XL_KIMAGE_MAX_SEGS		32
/* A PVH kernel's image must end at or below 4 GiB: paging is off. */
#define XL_KIMAGE_PHYS_LIMIT		(1ULL << 32)

enum xl_kimage_format {
	XL_KIMAGE_ELF = 1,	/* the file is the ELF */
	XL_KIMAGE_BZIMAGE,	/* the ELF is the bzImage's payload */
};

enum xl_kimage_comp {
	XL_KIMAGE_COMP_NONE,	/* plain ELF, or a stored bzImage payload */
	XL_KIMAGE_COMP_GZIP,
	XL_KIMAGE_COMP_XZ,
	XL_KIMAGE_COMP_ZSTD,
};

/* One PT_LOAD segment to place in guest memory. */
struct xl_kimage_seg {
	uint64_t paddr;		/* guest-physical load address (p_paddr) */
	uint64_t vaddr;		/* p_vaddr, for messages only */
	const uint8_t *data;	/* filesz bytes, inside struct xl_kimage */
	uint64_t filesz;
	uint64_t memsz;		/* >= filesz: the rest is zeroed (bss) */
	uint32_t flags;		/* PF_R | PF_W | PF_X of <elf.h> */
};

struct xl_kimage {
	enum xl_kimage_format format;
	enum xl_kimage_comp comp;
	uint16_t boot_version;	/* bzImage boot protocol (0x020f); else 0 */
	bool elf64;		/* ELFCLASS64 (x86-64), else 32-bit (i386) */
	uint32_t entry;		/* XEN_ELFNOTE_PHYS32_ENTRY, guest-physical */
	uint64_t phys_start;	/* lowest paddr of any segment */
	uint64_t phys_end;	/* end (exclusive) of the highest one */
	unsigned int nr_segs;	/* >= 1 */
	/* Sorted by paddr, non-overlapping, all below XL_KIMAGE_PHYS_LIMIT. */
	struct xl_kimage_seg segs[XL_KIMAGE_MAX_SEGS];
	/*
	 * The ELF file itself (decompressed, or copied from the input), owned
	 * by this structure: the segments' data point into it, and other
	 * notes can be read from it (xl_kimage_find_note).
	 */
	uint8_t *elf;
	size_t elf_len;
};

/*
 * Parse the kernel file @file of @len bytes into @out.  Returns 0, or a
 * negative errno with one line in @err (nothing printed):
 *	-ENOEXEC	not an ELF or bzImage, not x86, not ET_EXEC, or no
 *			XEN_ELFNOTE_PHYS32_ENTRY note (not PVH-capable)
 *	-EINVAL		malformed or inconsistent (overlaps, bounds, entry
 *			outside the code, corrupt compressed data, ...)
 *	-EOPNOTSUPP	a valid file using something we do not implement
 *	-EFBIG		payload decompresses beyond XL_KIMAGE_MAX_DECOMPRESSED
 *	-ENOMEM
 * @out owns its memory (@file may be freed after the call): release it
 * with xl_kimage_free().  On failure @out holds nothing to free.
 */
int xl_kimage_parse(const void *file, size_t len, struct xl_kimage *out,
		    char *err, size_t errsize);

/* The same with another bound on the decompressed payload. */
int xl_kimage_parse_cap(const void *file, size_t len, size_t cap,
			struct xl_kimage *out, char *err, size_t errsize);

/* Free what @k owns and clear it; safe on a cleared or failed @k. */
void xl_kimage_free(struct xl_kimage *k);

/*
 * Find the Xen note @type (XEN_ELFNOTE_GUEST_OS, ...) of a parsed image:
 * see xl_elf_find_note() for what is searched and returned.
 */
int xl_kimage_find_note(const struct xl_kimage *k, uint32_t type,
			struct xl_elfnote *n, char *err, size_t errsize);

/*
 * Write segment @s as it must appear in memory: memsz bytes at @dst,
 * the file's bytes then zeros.
 */
void xl_kimage_seg_fill(const struct xl_kimage_seg *s, void *dst);

/*
 * Place every segment into @mem, the host mapping of guest-physical
 * [@base, @base + @size).  Bytes between segments are left alone.
 * Returns 0, or -ERANGE with one line in @err if a segment falls outside
 * (nothing written then).
 */
int xl_kimage_load(const struct xl_kimage *k, void *mem, uint64_t base,
		   size_t size, char *err, size_t errsize);

/* "none", "gzip", "xz", "zstd" ("?" for anything else). */
const char *xl_kimage_comp_name(enum xl_kimage_comp comp);

#endif
