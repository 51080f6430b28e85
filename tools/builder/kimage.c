// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel image parsing for the PVH domain builder (see kimage.h).
 */
#include <elf.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <xen/elfnote.h>

#include "bld_util.h"
#include "bzimage.h"
#include "decomp.h"
#include "kelf.h"
#include "kimage.h"

/* Segment sizes are below 4 GiB, and must fit a size_t to be copied. */
_Static_assert(SIZE_MAX >= XL_KIMAGE_PHYS_LIMIT - 1,
	       "the builder needs a 64-bit size_t");

/* Xen's notes are owned by "Xen" (<xen/elfnote.h>). */
#define XEN_NOTE_NAME	"Xen"

const char *xl_kimage_comp_name(enum xl_kimage_comp comp)
{
	switch (comp) {
	case XL_KIMAGE_COMP_NONE:
		return "none";
	case XL_KIMAGE_COMP_GZIP:
		return "gzip";
	case XL_KIMAGE_COMP_XZ:
		return "xz";
	case XL_KIMAGE_COMP_ZSTD:
		return "zstd";
	}
	return "?";
}

/* Take PT_LOAD segment @idx into k->segs, or say why not. */
static int xl_kimage_add_seg(struct xl_kimage *k, unsigned int idx,
			     const struct xl_elf_phdr *ph, char *err,
			     size_t errsize)
{
	struct xl_kimage_seg *s;
	uint64_t end;

	if (ph->filesz > ph->memsz)
		return xl_bld_err(err, errsize, -EINVAL,
				  "ELF segment %u: file size %#llx exceeds memory size %#llx",
				  idx, (unsigned long long)ph->filesz,
				  (unsigned long long)ph->memsz);
	/* Nothing to place: not worth rejecting. */
	if (!ph->memsz)
		return 0;
	/* Without file bytes (all bss) the offset means nothing. */
	if (ph->filesz && !xl_in_bounds(ph->offset, ph->filesz, k->elf_len))
		return xl_bld_err(err, errsize, -EINVAL,
				  "ELF segment %u: file bytes at offset %#llx size %#llx beyond end of file (%zu bytes)",
				  idx, (unsigned long long)ph->offset,
				  (unsigned long long)ph->filesz, k->elf_len);
	/* PVH starts the kernel with paging off: all of it below 4 GiB. */
	if (__builtin_add_overflow(ph->paddr, ph->memsz, &end) ||
	    end > XL_KIMAGE_PHYS_LIMIT)
		return xl_bld_err(err, errsize, -EINVAL,
				  "ELF segment %u: physical range %#llx size %#llx does not fit below 4 GiB",
				  idx, (unsigned long long)ph->paddr,
				  (unsigned long long)ph->memsz);
	if (k->nr_segs == XL_KIMAGE_MAX_SEGS)
		return xl_bld_err(err, errsize, -EOPNOTSUPP,
				  "ELF has more than %d loadable segments",
				  XL_KIMAGE_MAX_SEGS);
	s = &k->segs[k->nr_segs++];
	s->paddr = ph->paddr;
	s->vaddr = ph->vaddr;
	s->data = ph->filesz ? k->elf + ph->offset : NULL;
	s->filesz = ph->filesz;
	s->memsz = ph->memsz;
	s->flags = ph->flags;
	return 0;
}

/* Sort by paddr (a handful of segments: insertion sort), then no overlap. */
static int xl_kimage_order(struct xl_kimage *k, char *err, size_t errsize)
{
	struct xl_kimage_seg t, *a, *b;
	unsigned int i, j;

	for (i = 1; i < k->nr_segs; i++) {
		t = k->segs[i];
		for (j = i; j > 0 && k->segs[j - 1].paddr > t.paddr; j--)
			k->segs[j] = k->segs[j - 1];
		k->segs[j] = t;
	}
	for (i = 1; i < k->nr_segs; i++) {
		a = &k->segs[i - 1];
		b = &k->segs[i];
		/* No wrap: add_seg checked paddr + memsz <= 4 GiB. */
		if (b->paddr < a->paddr + a->memsz)
			return xl_bld_err(err, errsize, -EINVAL,
					  "ELF segments at physical %#llx (size %#llx) and %#llx overlap",
					  (unsigned long long)a->paddr,
					  (unsigned long long)a->memsz,
					  (unsigned long long)b->paddr);
	}
	k->phys_start = k->segs[0].paddr;
	k->phys_end = k->segs[k->nr_segs - 1].paddr +
		      k->segs[k->nr_segs - 1].memsz;
	return 0;
}

/* k->entry from the note, and check that it is code we load. */
static int xl_kimage_entry(struct xl_kimage *k, char *err, size_t errsize)
{
	const struct xl_kimage_seg *s = NULL;
	struct xl_elfnote n;
	uint64_t entry;
	unsigned int i;
	int ret;

	ret = xl_kimage_find_note(k, XEN_ELFNOTE_PHYS32_ENTRY, &n, err,
				  errsize);
	if (ret == -ENOENT)
		return xl_bld_err(err, errsize, -ENOEXEC,
				  "no XEN_ELFNOTE_PHYS32_ENTRY note: not a PVH-capable kernel");
	if (ret)
		return ret;
	/* Linux writes it with _ASM_PTR: 8 bytes in a 64-bit kernel. */
	if ((n.descsz != 4 && n.descsz != 8) || xl_elfnote_num(&n, &entry))
		return xl_bld_err(err, errsize, -EINVAL,
				  "XEN_ELFNOTE_PHYS32_ENTRY note has %u bytes, expected 4 or 8",
				  n.descsz);
	if (entry >= XL_KIMAGE_PHYS_LIMIT)
		return xl_bld_err(err, errsize, -EINVAL,
				  "PVH entry %#llx is not a 32-bit physical address",
				  (unsigned long long)entry);
	for (i = 0; i < k->nr_segs; i++) {
		if (entry >= k->segs[i].paddr &&
		    entry - k->segs[i].paddr < k->segs[i].memsz) {
			s = &k->segs[i];
			break;
		}
	}
	if (!s)
		return xl_bld_err(err, errsize, -EINVAL,
				  "PVH entry %#llx is outside every loaded segment",
				  (unsigned long long)entry);
	if (entry - s->paddr >= s->filesz)
		return xl_bld_err(err, errsize, -EINVAL,
				  "PVH entry %#llx is in the zero-filled part of its segment",
				  (unsigned long long)entry);
	if (!(s->flags & PF_X))
		return xl_bld_err(err, errsize, -EINVAL,
				  "PVH entry %#llx is in a non-executable segment",
				  (unsigned long long)entry);
	k->entry = (uint32_t)entry;
	return 0;
}

/* Everything from k->elf: the ELF checks proper. */
static int xl_kimage_elf(struct xl_kimage *k, char *err, size_t errsize)
{
	struct xl_elf_phdr ph;
	struct xl_elf e;
	unsigned int i;
	int ret;

	ret = xl_elf_open(&e, k->elf, k->elf_len, err, errsize);
	if (ret)
		return ret;
	if (e.machine != (e.is64 ? EM_X86_64 : EM_386))
		return xl_bld_err(err, errsize, -ENOEXEC,
				  "ELF machine %u is not %s", e.machine,
				  e.is64 ? "x86-64" : "i386");
	if (e.type != ET_EXEC)
		return xl_bld_err(err, errsize, -ENOEXEC,
				  "ELF type %u is not an executable (ET_EXEC)",
				  e.type);
	k->elf64 = e.is64;
	for (i = 0; i < e.phnum; i++) {
		xl_elf_phdr(&e, i, &ph);
		if (ph.type != PT_LOAD)
			continue;
		ret = xl_kimage_add_seg(k, i, &ph, err, errsize);
		if (ret)
			return ret;
	}
	if (!k->nr_segs)
		return xl_bld_err(err, errsize, -EINVAL,
				  "ELF has no loadable segment");
	ret = xl_kimage_order(k, err, errsize);
	if (ret)
		return ret;
	return xl_kimage_entry(k, err, errsize);
}

/* k->elf from a bzImage: its payload, decompressed. */
static int xl_kimage_bzimage(struct xl_kimage *k, const void *file,
			     size_t len, size_t cap, char *err,
			     size_t errsize)
{
	struct xl_bzimage bz;
	int ret;

	ret = xl_bzimage_open(&bz, file, len, err, errsize);
	if (ret)
		return ret;
	k->format = XL_KIMAGE_BZIMAGE;
	k->comp = bz.comp;
	k->boot_version = bz.version;
	if (bz.comp != XL_KIMAGE_COMP_NONE)
		return xl_decompress(bz.comp, bz.payload, bz.payload_len, cap,
				     &k->elf, &k->elf_len, err, errsize);
	k->elf = malloc(bz.payload_len);
	if (!k->elf)
		return xl_bld_err(err, errsize, -ENOMEM, "out of memory");
	memcpy(k->elf, bz.payload, bz.payload_len);
	k->elf_len = bz.payload_len;
	return 0;
}

int xl_kimage_parse_cap(const void *file, size_t len, size_t cap,
			struct xl_kimage *out, char *err, size_t errsize)
{
	char why[256];
	int ret;

	memset(out, 0, sizeof(*out));
	xl_bld_err(err, errsize, 0, "%s", "");
	if (len >= SELFMAG && !memcmp(file, ELFMAG, SELFMAG)) {
		out->format = XL_KIMAGE_ELF;
		out->comp = XL_KIMAGE_COMP_NONE;
		/* Copied, so the result never points into the caller's. */
		out->elf = malloc(len);
		if (!out->elf)
			return xl_bld_err(err, errsize, -ENOMEM,
					  "out of memory");
		memcpy(out->elf, file, len);
		out->elf_len = len;
		ret = xl_kimage_elf(out, err, errsize);
	} else if (xl_bzimage_is(file, len)) {
		ret = xl_kimage_bzimage(out, file, len, cap, err, errsize);
		if (!ret) {
			/* Say where in the file the bad ELF was found. */
			ret = xl_kimage_elf(out, why, sizeof(why));
			if (ret)
				xl_bld_err(err, errsize, ret,
					   "bzImage payload (%s): %s",
					   xl_kimage_comp_name(out->comp),
					   why);
		}
	} else {
		ret = xl_bld_err(err, errsize, -ENOEXEC,
				 "not a kernel image: neither ELF nor bzImage");
	}
	if (ret)
		xl_kimage_free(out);
	return ret;
}

int xl_kimage_parse(const void *file, size_t len, struct xl_kimage *out,
		    char *err, size_t errsize)
{
	return xl_kimage_parse_cap(file, len, XL_KIMAGE_MAX_DECOMPRESSED,
				   out, err, errsize);
}

void xl_kimage_free(struct xl_kimage *k)
{
	free(k->elf);
	memset(k, 0, sizeof(*k));
}

int xl_kimage_find_note(const struct xl_kimage *k, uint32_t type,
			struct xl_elfnote *n, char *err, size_t errsize)
{
	return xl_elf_find_note(k->elf, k->elf_len, XEN_NOTE_NAME, type, n,
				err, errsize);
}

void xl_kimage_seg_fill(const struct xl_kimage_seg *s, void *dst)
{
	if (s->filesz)
		memcpy(dst, s->data, s->filesz);
	memset((uint8_t *)dst + s->filesz, 0, s->memsz - s->filesz);
}

int xl_kimage_load(const struct xl_kimage *k, void *mem, uint64_t base,
		   size_t size, char *err, size_t errsize)
{
	const struct xl_kimage_seg *s;
	unsigned int i;

	for (i = 0; i < k->nr_segs; i++) {
		s = &k->segs[i];
		if (s->paddr < base ||
		    !xl_in_bounds(s->paddr - base, s->memsz, size))
			return xl_bld_err(err, errsize, -ERANGE,
					  "kernel segment at %#llx size %#llx is outside guest memory %#llx-%#llx",
					  (unsigned long long)s->paddr,
					  (unsigned long long)s->memsz,
					  (unsigned long long)base,
					  (unsigned long long)(base + size));
	}
	for (i = 0; i < k->nr_segs; i++)
		xl_kimage_seg_fill(&k->segs[i],
				   (uint8_t *)mem + (k->segs[i].paddr - base));
	return 0;
}
