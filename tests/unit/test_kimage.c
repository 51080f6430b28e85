// SPDX-License-Identifier: GPL-2.0
/*
 * tools/builder/kimage.c and friends: a guest kernel file turned into the
 * segments, entry point and notes the PVH domain builder needs.
 *
 * The ELF files are written here, field by field from <elf.h>, for both
 * classes; the bzImages around them use the boot protocol's documented
 * offsets as literal numbers (the library takes them from
 * <asm/bootparam.h>, so the two are independent).  Two files made by the
 * real assembler and linker (fixtures/kimage/) and, when present, the
 * installed /boot/vmlinuz-* check the same against real toolchains.
 */
#include <dirent.h>
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>
#include "unit.h"

#include <lzma.h>
#include <zlib.h>
#ifdef XL_HAVE_ZSTD
#include <zstd.h>
#endif
#include <xen/elfnote.h>

#include "elfnote.h"
#include "kimage.h"

#include "fixtures/kimage/pvh_elf.h"

#define MIB		(1ULL << 20)
#define GIB		(1ULL << 30)
#define T_PADDR		(16 * MIB)		/* where Linux loads */
#define T_VBASE		0xffffffff81000000ULL
#define T_ENTRY		(T_PADDR + 0x40)
#define MAX_TSEGS	40
#define ERRSZ		256

/* ---- writing test ELF files ------------------------------------------ */

struct tseg {
	uint32_t type;
	uint32_t flags;
	uint64_t paddr;
	uint64_t filesz;
	uint64_t memsz;
};

struct tspec {
	bool is64;
	bool note_seg;		/* a PT_NOTE over the notes */
	bool note_sec;		/* a SHT_NOTE section over the notes */
	bool phys32;		/* XEN_ELFNOTE_PHYS32_ENTRY among them */
	unsigned int phys32_size;	/* its descriptor: 4 or 8 bytes */
	uint64_t entry;
	bool dup;		/* a second PHYS32_ENTRY note ... */
	uint64_t dup_entry;	/* ... saying this */
	unsigned int nsegs;
	struct tseg segs[MAX_TSEGS];
	size_t trailer;		/* junk after the ELF, like vmlinux.relocs */
};

/* A written file and where its parts are, for the tests to patch. */
struct timg {
	uint8_t *buf;
	size_t len;
	bool is64;
	size_t phoff, phentsize;
	unsigned int note_ph;	/* index of the PT_NOTE header */
	size_t shoff, shentsize;
	size_t notes_off, notes_len;
	size_t phys32_note;	/* file offset of the PHYS32 note's header */
	size_t seg_off[MAX_TSEGS];
	size_t elf_end;		/* where the trailer starts */
};

static void put_le(uint8_t *p, uint64_t v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		p[i] = (uint8_t)(v >> (8 * i));
}

static uint64_t get_le(const uint8_t *p, size_t n)
{
	uint64_t v = 0;

	while (n--)
		v = v << 8 | p[n];
	return v;
}

#define FSZ(type, f)	sizeof(((type *)0)->f)
#define CLS(t, a64, a32)	((t)->is64 ? (a64) : (a32))

#define EH_AT(t, f)	((t)->buf + CLS(t, offsetof(Elf64_Ehdr, f),	\
					 offsetof(Elf32_Ehdr, f)))
#define EH_SZ(t, f)	CLS(t, FSZ(Elf64_Ehdr, f), FSZ(Elf32_Ehdr, f))
#define SET_EH(t, f, v)	put_le(EH_AT(t, f), (v), EH_SZ(t, f))
#define GET_EH(t, f)	get_le(EH_AT(t, f), EH_SZ(t, f))

#define PH_AT(t, i, f)						\
	((t)->buf + (t)->phoff + (size_t)(i) * (t)->phentsize +	\
	 CLS(t, offsetof(Elf64_Phdr, f), offsetof(Elf32_Phdr, f)))
#define PH_SZ(t, f)	CLS(t, FSZ(Elf64_Phdr, f), FSZ(Elf32_Phdr, f))
#define SET_PH(t, i, f, v)	put_le(PH_AT(t, i, f), (v), PH_SZ(t, f))
#define GET_PH(t, i, f)	get_le(PH_AT(t, i, f), PH_SZ(t, f))

#define SH_AT(t, i, f)						\
	((t)->buf + (t)->shoff + (size_t)(i) * (t)->shentsize +	\
	 CLS(t, offsetof(Elf64_Shdr, f), offsetof(Elf32_Shdr, f)))
#define SH_SZ(t, f)	CLS(t, FSZ(Elf64_Shdr, f), FSZ(Elf32_Shdr, f))
#define SET_SH(t, i, f, v)	put_le(SH_AT(t, i, f), (v), SH_SZ(t, f))

static size_t align_up(size_t v, size_t a)
{
	return (v + a - 1) / a * a;
}

/* Segment @seg's byte @i: never all zero, so bss is told from data. */
static uint8_t pat(unsigned int seg, size_t i)
{
	return (uint8_t)(0xa1 + seg * 7 + i * 13) | 1;
}

/* One note at @p (if non-NULL); returns its padded size. */
static size_t put_note(uint8_t *p, const char *name, uint32_t type,
		       const void *desc, uint32_t descsz)
{
	uint32_t namesz = (uint32_t)strlen(name) + 1;
	size_t dpos = 12 + align_up(namesz, 4);

	if (p) {
		put_le(p, namesz, 4);
		put_le(p + 4, descsz, 4);
		put_le(p + 8, type, 4);
		memcpy(p + 12, name, namesz);
		memcpy(p + dpos, desc, descsz);
	}
	return dpos + align_up(descsz, 4);
}

static const char t_features[] = "!writable_page_tables|pae_pgdir_above_4gb";
static const uint8_t t_build_id[20] = { 0xeb, 0x4f, 0xbc, 0xd0, 0x37 };

/* Notes as a kernel has them; returns their size, *@phys32 its offset. */
static size_t put_notes(const struct tspec *sp, uint8_t *p, size_t *phys32)
{
	uint8_t num[8], hpage[8];
	uint32_t linux_desc = 0;
	size_t n = 0;

	put_le(hpage, T_VBASE + 0x1000, 8);
#define NOTE(name, type, desc, size)					\
	(n += put_note(p ? p + n : NULL, name, type, desc, size))
	NOTE("Xen", XEN_ELFNOTE_GUEST_OS, "linux", 6);
	NOTE("Xen", XEN_ELFNOTE_XEN_VERSION, "xen-3.0", 8);
	NOTE("GNU", NT_GNU_BUILD_ID, t_build_id, sizeof(t_build_id));
	/* namesz 6: padding after the name */
	NOTE("Linux", 0x100, &linux_desc, 4);
	NOTE("Xen", XEN_ELFNOTE_FEATURES, t_features, sizeof(t_features));
	NOTE("Xen", XEN_ELFNOTE_HYPERCALL_PAGE, hpage, 8);
	*phys32 = n;
	if (sp->phys32) {
		put_le(num, sp->entry, 8);
		NOTE("Xen", XEN_ELFNOTE_PHYS32_ENTRY, num, sp->phys32_size);
	}
	if (sp->dup) {
		put_le(num, sp->dup_entry, 8);
		NOTE("Xen", XEN_ELFNOTE_PHYS32_ENTRY, num, sp->phys32_size);
	}
	NOTE("Xen", XEN_ELFNOTE_PAE_MODE, "yes", 4);
#undef NOTE
	return n;
}

static const char t_shstrtab[] = "\0.notes\0.shstrtab";

static void build_elf(const struct tspec *sp, struct timg *t)
{
	size_t ehsize, off, nlen, phys32;
	unsigned int i, nph, nsh, sh;

	memset(t, 0, sizeof(*t));
	t->is64 = sp->is64;
	ehsize = CLS(t, sizeof(Elf64_Ehdr), sizeof(Elf32_Ehdr));
	t->phentsize = CLS(t, sizeof(Elf64_Phdr), sizeof(Elf32_Phdr));
	t->shentsize = CLS(t, sizeof(Elf64_Shdr), sizeof(Elf32_Shdr));
	/* the loads, the PT_NOTE, a PT_GNU_STACK to be ignored */
	nph = sp->nsegs + sp->note_seg + 1;
	t->note_ph = sp->nsegs;
	t->phoff = ehsize;
	off = t->phoff + nph * t->phentsize;
	t->notes_off = align_up(off, 4);
	nlen = put_notes(sp, NULL, &phys32);
	t->notes_len = nlen;
	t->phys32_note = t->notes_off + phys32;
	off = t->notes_off + nlen;
	for (i = 0; i < sp->nsegs; i++) {
		t->seg_off[i] = align_up(off, 16);
		off = t->seg_off[i] + sp->segs[i].filesz;
	}
	off += sizeof(t_shstrtab);
	t->shoff = align_up(off, 8);
	nsh = 2 + sp->note_sec;
	t->elf_end = t->shoff + nsh * t->shentsize;
	t->len = t->elf_end + sp->trailer;
	t->buf = calloc(1, t->len);
	assert_non_null(t->buf);

	memcpy(t->buf, ELFMAG, SELFMAG);
	t->buf[EI_CLASS] = CLS(t, ELFCLASS64, ELFCLASS32);
	t->buf[EI_DATA] = ELFDATA2LSB;
	t->buf[EI_VERSION] = EV_CURRENT;
	SET_EH(t, e_type, ET_EXEC);
	SET_EH(t, e_machine, CLS(t, EM_X86_64, EM_386));
	SET_EH(t, e_version, EV_CURRENT);
	SET_EH(t, e_entry, T_PADDR);	/* Linux's: not the PVH entry */
	SET_EH(t, e_phoff, t->phoff);
	SET_EH(t, e_shoff, t->shoff);
	SET_EH(t, e_ehsize, ehsize);
	SET_EH(t, e_phentsize, t->phentsize);
	SET_EH(t, e_phnum, nph);
	SET_EH(t, e_shentsize, t->shentsize);
	SET_EH(t, e_shnum, nsh);
	SET_EH(t, e_shstrndx, nsh - 1);

	for (i = 0; i < sp->nsegs; i++) {
		const struct tseg *s = &sp->segs[i];

		SET_PH(t, i, p_type, s->type);
		SET_PH(t, i, p_flags, s->flags);
		SET_PH(t, i, p_offset, t->seg_off[i]);
		SET_PH(t, i, p_vaddr, s->paddr - T_PADDR + T_VBASE);
		SET_PH(t, i, p_paddr, s->paddr);
		SET_PH(t, i, p_filesz, s->filesz);
		SET_PH(t, i, p_memsz, s->memsz);
		SET_PH(t, i, p_align, 16);
		for (size_t j = 0; j < s->filesz; j++)
			t->buf[t->seg_off[i] + j] = pat(i, j);
	}
	if (sp->note_seg) {
		SET_PH(t, i, p_type, PT_NOTE);
		SET_PH(t, i, p_flags, PF_R);
		SET_PH(t, i, p_offset, t->notes_off);
		SET_PH(t, i, p_filesz, nlen);
		SET_PH(t, i, p_memsz, nlen);
		SET_PH(t, i, p_align, 4);
		i++;
	}
	SET_PH(t, i, p_type, PT_GNU_STACK);
	SET_PH(t, i, p_flags, PF_R | PF_W);
	put_notes(sp, t->buf + t->notes_off, &phys32);

	/* sections: null, [.notes], .shstrtab */
	memcpy(t->buf + off - sizeof(t_shstrtab), t_shstrtab,
	       sizeof(t_shstrtab));
	sh = 1;
	if (sp->note_sec) {
		SET_SH(t, sh, sh_name, 1);
		SET_SH(t, sh, sh_type, SHT_NOTE);
		SET_SH(t, sh, sh_flags, SHF_ALLOC);
		SET_SH(t, sh, sh_offset, t->notes_off);
		SET_SH(t, sh, sh_size, nlen);
		SET_SH(t, sh, sh_addralign, 4);
		sh++;
	}
	SET_SH(t, sh, sh_name, 8);
	SET_SH(t, sh, sh_type, SHT_STRTAB);
	SET_SH(t, sh, sh_offset, off - sizeof(t_shstrtab));
	SET_SH(t, sh, sh_size, sizeof(t_shstrtab));
	SET_SH(t, sh, sh_addralign, 1);
	memset(t->buf + t->elf_end, 0xcc, sp->trailer);
}

/*
 * Text (R X) at 16 MiB, a bss-only segment at +0x3000 and data with bss
 * at +0x1000, in that (unsorted) file order.  The notes are in both a
 * PT_NOTE segment and a SHT_NOTE section, like vmlinux.
 */
static struct tspec spec_default(bool is64)
{
	struct tspec s = {
		.is64 = is64, .note_seg = true, .note_sec = true,
		.phys32 = true, .phys32_size = is64 ? 8 : 4,
		.entry = T_ENTRY, .nsegs = 3, .trailer = 24,
	};

	s.segs[0] = (struct tseg){ PT_LOAD, PF_R | PF_X, T_PADDR,
				   0x100, 0x100 };
	s.segs[1] = (struct tseg){ PT_LOAD, PF_R | PF_W, T_PADDR + 0x3000,
				   0, 0x100 };
	s.segs[2] = (struct tseg){ PT_LOAD, PF_R | PF_W, T_PADDR + 0x1000,
				   0x80, 0x300 };
	return s;
}

static void free_timg(struct timg *t)
{
	free(t->buf);
	t->buf = NULL;
}

/* ---- wrapping in bzImages -------------------------------------------- */

/* Boot protocol offsets (Documentation/arch/x86/boot.rst). */
#define BZ_SETUP_SECTS	0x1f1
#define BZ_BOOT_FLAG	0x1fe
#define BZ_HEADER	0x202
#define BZ_VERSION	0x206
#define BZ_PAYLOAD_OFF	0x248
#define BZ_PAYLOAD_LEN	0x24c
#define BZ_PM_CODE	0x80	/* decompressor stand-in before the payload */
#define BZ_TRAILER	0x40	/* and after it */

struct tbz {
	uint8_t *buf;
	size_t len;
	size_t payload;		/* file offset of the payload */
	size_t payload_len;
};

/*
 * A bzImage: @sects setup sectors (@field is what the header says: 0
 * means 4), protocol @version, then the payload @p.
 */
static void build_bz_ex(struct tbz *bz, const void *p, size_t plen,
			unsigned int field, unsigned int sects,
			unsigned int version)
{
	size_t pm = (sects + 1) * 512;

	bz->payload = pm + BZ_PM_CODE;
	bz->payload_len = plen;
	bz->len = bz->payload + plen + BZ_TRAILER;
	bz->buf = malloc(bz->len);
	assert_non_null(bz->buf);
	memset(bz->buf, 0, pm);
	memset(bz->buf + pm, 0x90, BZ_PM_CODE);
	memcpy(bz->buf + bz->payload, p, plen);
	memset(bz->buf + bz->payload + plen, 0xcc, BZ_TRAILER);
	bz->buf[BZ_SETUP_SECTS] = (uint8_t)field;
	put_le(bz->buf + BZ_BOOT_FLAG, 0xaa55, 2);
	memcpy(bz->buf + BZ_HEADER, "HdrS", 4);
	put_le(bz->buf + BZ_VERSION, version, 2);
	put_le(bz->buf + BZ_PAYLOAD_OFF, BZ_PM_CODE, 4);
	put_le(bz->buf + BZ_PAYLOAD_LEN, plen, 4);
}

static void build_bz(struct tbz *bz, const void *p, size_t plen)
{
	build_bz_ex(bz, p, plen, 27, 27, 0x020f);
}

static void free_tbz(struct tbz *bz)
{
	free(bz->buf);
	bz->buf = NULL;
}

/* gzip as the kernel's "gzip -n -9" would. */
static uint8_t *gzip(const void *in, size_t inlen, size_t *outlen)
{
	z_stream zs = { 0 };
	size_t cap = compressBound(inlen) + 64;
	uint8_t *out = malloc(cap);

	assert_non_null(out);
	assert_int_equal(deflateInit2(&zs, 9, Z_DEFLATED, 16 + MAX_WBITS, 8,
				      Z_DEFAULT_STRATEGY), Z_OK);
	zs.next_in = (Bytef *)in;
	zs.avail_in = (uInt)inlen;
	zs.next_out = out;
	zs.avail_out = (uInt)cap;
	assert_int_equal(deflate(&zs, Z_FINISH), Z_STREAM_END);
	*outlen = zs.total_out;
	deflateEnd(&zs);
	return out;
}

/*
 * gzip of @n (a multiple of 1 MiB) zero bytes, cheaply: after a full
 * flush deflate refers to nothing before, so one 1 MiB slice's blocks
 * can be repeated; then an empty final block and the gzip trailer.
 * With @bad_end, a block of the reserved type instead: a decompressor
 * that did not stop at its bound reaches it and says "corrupt".
 */
static uint8_t *gzip_zeros(size_t n, bool bad_end, size_t *outlen)
{
	static const uint8_t zero[MIB];
	const size_t slices = n / MIB, room = 4096;
	uLong crc = crc32(0, zero, sizeof(zero)), all = crc32(0, NULL, 0);
	uint8_t head[64], *slice, *out, *p;
	size_t head_len, slice_len;
	z_stream zs = { 0 };

	assert_int_equal(n % MIB, 0);
	slice = malloc(room);
	assert_non_null(slice);
	assert_int_equal(deflateInit2(&zs, 1, Z_DEFLATED, 16 + MAX_WBITS, 9,
				      Z_RLE), Z_OK);
	zs.next_out = head;
	zs.avail_out = sizeof(head);
	assert_int_equal(deflate(&zs, Z_FULL_FLUSH), Z_OK);
	head_len = sizeof(head) - zs.avail_out;
	zs.next_in = (Bytef *)zero;
	zs.avail_in = sizeof(zero);
	zs.next_out = slice;
	zs.avail_out = (uInt)room;
	assert_int_equal(deflate(&zs, Z_FULL_FLUSH), Z_OK);
	assert_int_equal(zs.avail_in, 0);
	slice_len = room - zs.avail_out;
	deflateEnd(&zs);

	*outlen = head_len + slices * slice_len + 2 + 8;
	out = malloc(*outlen);
	assert_non_null(out);
	memcpy(out, head, head_len);
	p = out + head_len;
	for (size_t i = 0; i < slices; i++, p += slice_len) {
		memcpy(p, slice, slice_len);
		all = crc32_combine(all, crc, sizeof(zero));
	}
	*p++ = bad_end ? 0x07 : 0x03;	/* BFINAL, type 3 or fixed ... */
	*p++ = 0x00;			/* ... with its end of block */
	put_le(p, all, 4);
	put_le(p + 4, n, 4);	/* ISIZE: the size mod 2^32 */
	free(slice);
	return out;
}

/*
 * xz as the kernel's scripts/xz_wrap.sh: x86 BCJ then LZMA2, CRC32, and
 * like its Makefile's xzkern_with_size, the size appended.
 */
static uint8_t *xz(const void *in, size_t inlen, size_t *outlen)
{
	lzma_options_lzma opt;
	lzma_filter f[] = {
		{ .id = LZMA_FILTER_X86 },
		{ .id = LZMA_FILTER_LZMA2, .options = &opt },
		{ .id = LZMA_VLI_UNKNOWN },
	};
	size_t cap = lzma_stream_buffer_bound(inlen) + 4, pos = 0;
	uint8_t *out = malloc(cap);

	assert_non_null(out);
	assert_false(lzma_lzma_preset(&opt, 1));
	/* a small dictionary: the decoder allocates it on every parse */
	opt.dict_size = 64 << 10;
	assert_int_equal(lzma_stream_buffer_encode(f, LZMA_CHECK_CRC32, NULL,
						   in, inlen, out, &pos,
						   cap - 4), LZMA_OK);
	put_le(out + pos, inlen, 4);
	*outlen = pos + 4;
	return out;
}

/*
 * Make xz()'s stream ask for a 1 GiB dictionary: the LZMA2 properties
 * byte ends its block header, before zero padding and the header's CRC32.
 */
static void xz_huge_dict(uint8_t *x)
{
	uint8_t *h = x + LZMA_STREAM_HEADER_SIZE;
	size_t size = lzma_block_header_size_decode(h[0]), i = size - 5;

	while (!h[i])
		i--;
	assert_int_equal(h[i - 2], 0x21);	/* LZMA_FILTER_LZMA2 */
	assert_int_equal(h[i - 1], 1);		/* one byte of properties */
	h[i] = 36;				/* 2 << (36 / 2 + 11) */
	put_le(h + size - 4, lzma_crc32(h, size - 4, 0), 4);
}

#ifdef XL_HAVE_ZSTD
static uint8_t *zstd(const void *in, size_t inlen, size_t *outlen)
{
	size_t cap = ZSTD_compressBound(inlen) + 4, n;
	uint8_t *out = malloc(cap);

	assert_non_null(out);
	n = ZSTD_compress(out, cap - 4, in, inlen, 19);
	assert_false(ZSTD_isError(n));
	put_le(out + n, inlen, 4);
	*outlen = n + 4;
	return out;
}
#endif

/* ---- checking results ------------------------------------------------ */

/* What every successful parse must satisfy, whatever the input. */
static void check_invariants(const struct xl_kimage *k)
{
	const struct xl_kimage_seg *s, *x = NULL;
	unsigned int i;

	assert_true(k->nr_segs >= 1 && k->nr_segs <= XL_KIMAGE_MAX_SEGS);
	assert_non_null(k->elf);
	for (i = 0; i < k->nr_segs; i++) {
		s = &k->segs[i];
		assert_true(s->filesz <= s->memsz);
		assert_true(s->memsz > 0);
		assert_true(s->paddr + s->memsz <= 4 * GIB);
		if (i)
			assert_true(s[-1].paddr + s[-1].memsz <= s->paddr);
		if (s->filesz) {
			assert_true(s->data >= k->elf);
			assert_true(s->data + s->filesz <= k->elf + k->elf_len);
		}
		if (k->entry >= s->paddr && k->entry < s->paddr + s->filesz)
			x = s;
	}
	assert_non_null(x);
	assert_true(x->flags & PF_X);
	assert_int_equal(k->phys_start, k->segs[0].paddr);
	assert_int_equal(k->phys_end, k->segs[k->nr_segs - 1].paddr +
		k->segs[k->nr_segs - 1].memsz);
}

/* The result of parsing spec_default(), any wrapping. */
static void check_default(const struct xl_kimage *k, bool is64)
{
	static const struct {
		unsigned int file_seg;
		uint64_t off, filesz, memsz;
		uint32_t flags;
	} want[] = {
		{ 0, 0, 0x100, 0x100, PF_R | PF_X },
		{ 2, 0x1000, 0x80, 0x300, PF_R | PF_W },
		{ 1, 0x3000, 0, 0x100, PF_R | PF_W },
	};
	unsigned int i;

	check_invariants(k);
	assert_int_equal(k->elf64, is64);
	assert_int_equal(k->entry, T_ENTRY);
	assert_int_equal(k->phys_start, T_PADDR);
	assert_int_equal(k->phys_end, T_PADDR + 0x3100);
	assert_int_equal(k->nr_segs, 3);
	for (i = 0; i < 3; i++) {
		const struct xl_kimage_seg *s = &k->segs[i];

		assert_int_equal(s->paddr, T_PADDR + want[i].off);
		/* p_vaddr: 32-bit in an ELF32 file */
		assert_int_equal(s->vaddr, is64 ? T_VBASE + want[i].off :
				 (uint32_t)(T_VBASE + want[i].off));
		assert_int_equal(s->filesz, want[i].filesz);
		assert_int_equal(s->memsz, want[i].memsz);
		assert_int_equal(s->flags, want[i].flags);
		for (size_t j = 0; j < s->filesz; j++)
			if (s->data[j] != pat(want[i].file_seg, j))
				fail_fmt("segment %u byte %zu: %#x, want %#x",
					 i, j, s->data[j],
					 pat(want[i].file_seg, j));
	}
}

/* Same segments, entry and contents? */
static void assert_same(const struct xl_kimage *a, const struct xl_kimage *b)
{
	assert_int_equal(a->format, b->format);
	assert_int_equal(a->comp, b->comp);
	assert_int_equal(a->entry, b->entry);
	assert_int_equal(a->nr_segs, b->nr_segs);
	assert_int_equal(a->phys_start, b->phys_start);
	assert_int_equal(a->phys_end, b->phys_end);
	for (unsigned int i = 0; i < a->nr_segs; i++) {
		assert_int_equal(a->segs[i].paddr, b->segs[i].paddr);
		assert_int_equal(a->segs[i].filesz, b->segs[i].filesz);
		assert_int_equal(a->segs[i].memsz, b->segs[i].memsz);
		assert_int_equal(a->segs[i].flags, b->segs[i].flags);
		if (a->segs[i].filesz)
			assert_memory_equal(a->segs[i].data, b->segs[i].data,
					    a->segs[i].filesz);
	}
}

/*
 * Parse @len bytes from an exact-size heap copy, so that ASan sees any
 * read past the end; on failure check the error line.
 */
static int parse_copy(const void *p, size_t len, size_t cap,
		      struct xl_kimage *k, char *err)
{
	uint8_t *copy = malloc(len ? len : 1);
	int ret;

	assert_non_null(copy);
	memcpy(copy, p, len);
	memset(err, 'x', ERRSZ);
	ret = xl_kimage_parse_cap(copy, len, cap, k, err, ERRSZ);
	free(copy);
	if (ret) {
		assert_true(ret == -EINVAL || ret == -ENOEXEC ||
			    ret == -EOPNOTSUPP || ret == -EFBIG);
		assert_true(strlen(err) > 0 && strlen(err) < ERRSZ);
		assert_null(strchr(err, '\n'));
		assert_null(k->elf);
		assert_int_equal(k->nr_segs, 0);
	} else {
		assert_string_equal(err, "");
	}
	return ret;
}

static void expect_fail(const char *what, const void *p, size_t len,
			size_t cap, int want, const char *msg)
{
	struct xl_kimage k;
	char err[ERRSZ];
	int ret = parse_copy(p, len, cap, &k, err);

	if (!ret)
		xl_kimage_free(&k);
	if (ret != want)
		fail_fmt("%s: returned %d, want %d (%s)", what, ret, want,
			 ret ? err : "success");
	if (!strstr(err, msg))
		fail_fmt("%s: error \"%s\" lacks \"%s\"", what, err, msg);
}

static void expect_ok(const char *what, const void *p, size_t len,
		      struct xl_kimage *k)
{
	char err[ERRSZ];
	int ret = parse_copy(p, len, XL_KIMAGE_MAX_DECOMPRESSED, k, err);

	if (ret)
		fail_fmt("%s: returned %d: %s", what, ret, err);
	check_invariants(k);
}

/* ---- valid ELF files ------------------------------------------------- */

static void parse_spec_default(const struct tspec *sp)
{
	struct xl_kimage k;
	struct timg t;

	build_elf(sp, &t);
	expect_ok("default", t.buf, t.len, &k);
	check_default(&k, sp->is64);
	assert_int_equal(k.format, XL_KIMAGE_ELF);
	assert_int_equal(k.comp, XL_KIMAGE_COMP_NONE);
	assert_int_equal(k.boot_version, 0);
	/* a copy: the caller's buffer is not referenced */
	assert_int_equal(k.elf_len, t.len);
	assert_ptr_not_equal(k.elf, t.buf);
	free_timg(&t);
	xl_kimage_free(&k);
	assert_null(k.elf);
	assert_int_equal(k.nr_segs, 0);
	xl_kimage_free(&k);	/* twice is fine */
}

static void test_elf64(void **state)
{
	struct tspec sp = spec_default(true);

	(void)state;
	parse_spec_default(&sp);
	sp.note_sec = false;
	parse_spec_default(&sp);
	sp.note_sec = true;
	sp.note_seg = false;
	parse_spec_default(&sp);
	/* a 4-byte entry note in a 64-bit file is fine too */
	sp.phys32_size = 4;
	parse_spec_default(&sp);
}

static void test_elf32(void **state)
{
	struct tspec sp = spec_default(false);

	(void)state;
	parse_spec_default(&sp);
	sp.note_sec = false;
	parse_spec_default(&sp);
	sp.note_sec = true;
	sp.note_seg = false;
	parse_spec_default(&sp);
	sp.phys32_size = 8;
	parse_spec_default(&sp);
}

static void test_no_note(void **state)
{
	static const char msg[] =
		"no XEN_ELFNOTE_PHYS32_ENTRY note: not a PVH-capable kernel";
	struct tspec sp = spec_default(true);
	char err[ERRSZ];
	struct xl_kimage k;
	struct timg t;

	(void)state;
	/* other Xen notes, not that one */
	sp.phys32 = false;
	build_elf(&sp, &t);
	expect_fail("no PHYS32 note", t.buf, t.len, SIZE_MAX, -ENOEXEC, msg);
	assert_int_equal(xl_kimage_parse(t.buf, t.len, &k, err, ERRSZ),
			 -ENOEXEC);
	assert_string_equal(err, msg);
	free_timg(&t);
	/* the note's bytes are there, but neither header points at them */
	sp = spec_default(false);
	sp.note_seg = sp.note_sec = false;
	build_elf(&sp, &t);
	expect_fail("unreferenced notes", t.buf, t.len, SIZE_MAX, -ENOEXEC,
		    msg);
	free_timg(&t);
}

/* The files binutils made from fixtures/kimage/pvh.S. */
static void test_toolchain_fixtures(void **state)
{
	const struct {
		const unsigned char *p;
		unsigned int len;
		bool is64;
	} fx[] = {
		{ pvh32, pvh32_len, false },
		{ pvh64, pvh64_len, true },
	};
	struct xl_elfnote n;
	struct xl_kimage k;
	char err[ERRSZ];
	const char *s;

	(void)state;
	for (unsigned int i = 0; i < 2; i++) {
		expect_ok("fixture", fx[i].p, fx[i].len, &k);
		assert_int_equal(k.elf64, fx[i].is64);
		assert_int_equal(k.entry, T_PADDR);	/* pvh_start */
		assert_int_equal(k.nr_segs, 2);
		assert_int_equal(k.segs[0].paddr, T_PADDR);
		assert_int_equal(k.segs[0].flags, PF_R | PF_X);
		/* cli; hlt; jmp: the code itself */
		assert_int_equal(k.segs[0].data[0], 0xfa);
		assert_int_equal(k.segs[0].data[1], 0xf4);
		assert_int_equal(k.segs[1].paddr, T_PADDR + 0x1000);
		assert_int_equal(k.segs[1].filesz, 4);
		assert_int_equal(k.segs[1].memsz, 4 + 0x2000);
		assert_int_equal(get_le(k.segs[1].data, 4), 0x600df00d);
		assert_int_equal(k.phys_end, T_PADDR + 0x1000 + 4 + 0x2000);
		assert_int_equal(xl_kimage_find_note(&k, XEN_ELFNOTE_GUEST_OS,
						     &n, err, ERRSZ), 0);
		assert_int_equal(xl_elfnote_str(&n, &s), 0);
		assert_string_equal(s, "linux");
		assert_int_equal(xl_kimage_find_note(&k, XEN_ELFNOTE_FEATURES,
						     &n, err, ERRSZ), 0);
		assert_int_equal(xl_elfnote_str(&n, &s), 0);
		assert_string_equal(s, "!writable_page_tables");
		assert_int_equal(xl_kimage_find_note(&k, XEN_ELFNOTE_LOADER,
						     &n, err, ERRSZ), -ENOENT);
		xl_kimage_free(&k);
	}
}

/* ---- bzImages -------------------------------------------------------- */

static void parse_bz(const uint8_t *payload, size_t plen,
		     enum xl_kimage_comp comp, bool is64)
{
	struct xl_kimage k;
	struct tbz bz;

	build_bz(&bz, payload, plen);
	expect_ok("bzImage", bz.buf, bz.len, &k);
	assert_int_equal(k.format, XL_KIMAGE_BZIMAGE);
	assert_int_equal(k.comp, comp);
	assert_int_equal(k.boot_version, 0x020f);
	check_default(&k, is64);
	xl_kimage_free(&k);
	free_tbz(&bz);
}

static void test_bzimage_gzip(void **state)
{
	size_t zlen;
	uint8_t *z;

	(void)state;
	for (int is64 = 0; is64 < 2; is64++) {
		struct tspec sp = spec_default(is64);
		struct timg t;

		build_elf(&sp, &t);
		z = gzip(t.buf, t.len, &zlen);
		parse_bz(z, zlen, XL_KIMAGE_COMP_GZIP, is64);
		free(z);
		free_timg(&t);
	}
}

static void test_bzimage_xz(void **state)
{
	size_t zlen;
	uint8_t *z;

	(void)state;
	for (int is64 = 0; is64 < 2; is64++) {
		struct tspec sp = spec_default(is64);
		struct timg t;

		build_elf(&sp, &t);
		z = xz(t.buf, t.len, &zlen);
		parse_bz(z, zlen, XL_KIMAGE_COMP_XZ, is64);
		free(z);
		free_timg(&t);
	}
}

static void test_bzimage_zstd(void **state)
{
	struct tspec sp = spec_default(true);
	struct timg t;

	(void)state;
	build_elf(&sp, &t);
#ifdef XL_HAVE_ZSTD
	size_t zlen;
	uint8_t *z = zstd(t.buf, t.len, &zlen);

	parse_bz(z, zlen, XL_KIMAGE_COMP_ZSTD, true);
	free(z);
#else
	/* A frame header alone: it is never decoded. */
	static const uint8_t frame[] = { 0x28, 0xb5, 0x2f, 0xfd, 0x24, 0 };
	struct tbz bz;

	build_bz(&bz, frame, sizeof(frame));
	expect_fail("zstd without libzstd", bz.buf, bz.len, SIZE_MAX,
		    -EOPNOTSUPP, "zstd");
	free_tbz(&bz);
#endif
	free_timg(&t);
}

static void test_bzimage_stored(void **state)
{
	struct tspec sp = spec_default(true);
	struct timg t;

	(void)state;
	build_elf(&sp, &t);
	parse_bz(t.buf, t.len, XL_KIMAGE_COMP_NONE, true);
	free_timg(&t);
}

/* setup_sects 0 means 4, and other counts move the payload. */
static void test_bzimage_setup_sects(void **state)
{
	struct tspec sp = spec_default(true);
	struct xl_kimage k;
	struct timg t;
	struct tbz bz;
	size_t zlen;
	uint8_t *z;

	(void)state;
	build_elf(&sp, &t);
	z = gzip(t.buf, t.len, &zlen);
	build_bz_ex(&bz, z, zlen, 0, 4, 0x0208);
	expect_ok("setup_sects 0", bz.buf, bz.len, &k);
	check_default(&k, true);
	assert_int_equal(k.boot_version, 0x0208);
	xl_kimage_free(&k);
	/* header says 0 but the code is after 1 sector: not found */
	free_tbz(&bz);
	build_bz_ex(&bz, z, zlen, 0, 1, 0x0208);
	expect_fail("setup_sects 0 is not 1", bz.buf, bz.len, SIZE_MAX,
		    -EINVAL, "bzImage payload");
	free_tbz(&bz);
	build_bz_ex(&bz, z, zlen, 1, 1, 0x020f);
	expect_ok("setup_sects 1", bz.buf, bz.len, &k);
	xl_kimage_free(&k);
	free_tbz(&bz);
	build_bz_ex(&bz, z, zlen, 255, 255, 0x020f);
	expect_ok("setup_sects 255", bz.buf, bz.len, &k);
	xl_kimage_free(&k);
	free_tbz(&bz);
	free(z);
	free_timg(&t);
}

static void test_bzimage_no_note(void **state)
{
	struct tspec sp = spec_default(true);
	struct timg t;
	struct tbz bz;
	size_t zlen;
	uint8_t *z;

	(void)state;
	sp.phys32 = false;
	build_elf(&sp, &t);
	z = xz(t.buf, t.len, &zlen);
	build_bz(&bz, z, zlen);
	expect_fail("bzImage without note", bz.buf, bz.len, SIZE_MAX,
		    -ENOEXEC,
		    "bzImage payload (xz): no XEN_ELFNOTE_PHYS32_ENTRY note: not a PVH-capable kernel");
	free_tbz(&bz);
	free(z);
	free_timg(&t);
}

/* ---- malformed ELF files: one change to a valid file each ------------- */

struct mcase {
	const char *name;
	void (*mutate)(struct timg *t);
	int ret;		/* 0: must still parse */
	const char *msg;
};

static void m_magic(struct timg *t) { t->buf[1] = 'X'; }
static void m_class(struct timg *t) { t->buf[EI_CLASS] = 3; }
static void m_class_none(struct timg *t) { t->buf[EI_CLASS] = ELFCLASSNONE; }
static void m_magic3(struct timg *t) { t->buf[3] = 'G'; }
static void m_msb(struct timg *t) { t->buf[EI_DATA] = ELFDATA2MSB; }
static void m_idver(struct timg *t) { t->buf[EI_VERSION] = 0; }
static void m_version(struct timg *t) { SET_EH(t, e_version, 2); }
static void m_arm(struct timg *t) { SET_EH(t, e_machine, EM_AARCH64); }
static void m_type_dyn(struct timg *t) { SET_EH(t, e_type, ET_DYN); }
static void m_ehsize(struct timg *t)
{
	SET_EH(t, e_ehsize, GET_EH(t, e_ehsize) - 4);
}
static void m_other_machine(struct timg *t)
{
	/* a 64-bit file claiming i386, or the reverse */
	SET_EH(t, e_machine, CLS(t, EM_386, EM_X86_64));
}
static void m_phentsize(struct timg *t)
{
	SET_EH(t, e_phentsize, t->phentsize - 8);
}
static void m_phentsize_big(struct timg *t)
{
	/* larger entries would be allowed by the ABI: not by us */
	SET_EH(t, e_phentsize, t->phentsize + 8);
}
static void m_phnum_xnum(struct timg *t) { SET_EH(t, e_phnum, PN_XNUM); }
static void m_phnum_huge(struct timg *t) { SET_EH(t, e_phnum, 0xfffe); }
static void m_phnum_zero(struct timg *t) { SET_EH(t, e_phnum, 0); }
static void m_phoff_wrap(struct timg *t) { SET_EH(t, e_phoff, -8ULL); }
static void m_phoff_end(struct timg *t)
{
	/* the table's last byte one past the end */
	SET_EH(t, e_phoff, t->len - 5 * t->phentsize + 1);
}
static void m_shoff_end(struct timg *t) { SET_EH(t, e_shoff, t->len); }
static void m_shnum_zero(struct timg *t) { SET_EH(t, e_shnum, 0); }
static void m_shoff_zero(struct timg *t) { SET_EH(t, e_shoff, 0); }
static void m_shentsize(struct timg *t) { SET_EH(t, e_shentsize, 1); }
static void m_shnum_huge(struct timg *t) { SET_EH(t, e_shnum, 0xfeff); }

static const struct mcase elf_header_cases[] = {
	{ "bad magic", m_magic, -ENOEXEC, "neither ELF nor bzImage" },
	{ "bad class", m_class, -ENOEXEC, "class 3" },
	{ "class none", m_class_none, -ENOEXEC, "class 0" },
	{ "magic \\177ELG", m_magic3, -ENOEXEC, "neither ELF nor bzImage" },
	{ "big endian", m_msb, -ENOEXEC, "byte order" },
	{ "ident version", m_idver, -EINVAL, "identification version" },
	{ "e_version", m_version, -EINVAL, "ELF version 2" },
	{ "aarch64", m_arm, -ENOEXEC, "machine 183" },
	{ "class/machine mismatch", m_other_machine, -ENOEXEC, "machine" },
	{ "ET_DYN", m_type_dyn, -ENOEXEC, "ET_EXEC" },
	{ "e_ehsize", m_ehsize, -EINVAL, "header size" },
	{ "e_phentsize", m_phentsize, -EINVAL, "program header entry size" },
	{ "e_phentsize larger", m_phentsize_big, -EINVAL,
	  "program header entry size" },
	{ "PN_XNUM", m_phnum_xnum, -EOPNOTSUPP, "extended program header" },
	{ "phnum huge", m_phnum_huge, -EINVAL,
	  "program header table (65534 entries" },
	{ "phnum 0", m_phnum_zero, -EINVAL, "no loadable segment" },
	{ "phoff wraps", m_phoff_wrap, -EINVAL, "beyond end of file" },
	{ "phoff past end by 1", m_phoff_end, -EINVAL, "beyond end of file" },
	{ "shoff at end", m_shoff_end, -EINVAL, "section header table" },
	{ "shnum 0 (extended)", m_shnum_zero, -EOPNOTSUPP,
	  "extended section numbering" },
	{ "shoff 0, shnum set", m_shoff_zero, -EINVAL,
	  "no section header table" },
	{ "e_shentsize", m_shentsize, -EINVAL, "section header entry size" },
	{ "shnum huge", m_shnum_huge, -EINVAL, "section header table" },
};

/* Program headers: 0 text, 1 bss-only at +0x3000, 2 data at +0x1000. */
static void m_off_wrap(struct timg *t) { SET_PH(t, 0, p_offset, -16ULL); }
static void m_off_end(struct timg *t)
{
	/* one byte past: [len - 0x100 + 1, len + 1) */
	SET_PH(t, 0, p_offset, t->len - 0x100 + 1);
}
static void m_off_last(struct timg *t)
{
	/* ending exactly at the end of the file is fine */
	SET_PH(t, 0, p_offset, t->len - 0x100);
}
static void m_filesz_huge(struct timg *t)
{
	SET_PH(t, 0, p_filesz, -1ULL);
	SET_PH(t, 0, p_memsz, -1ULL);
}
static void m_filesz_gt_memsz(struct timg *t) { SET_PH(t, 2, p_memsz, 0x7f); }
static void m_paddr_wrap(struct timg *t) { SET_PH(t, 1, p_paddr, -0x10ULL); }
static void m_paddr_4g(struct timg *t)
{
	SET_PH(t, 1, p_paddr, 4 * GIB - 0xff);
}
static void m_paddr_4g_exact(struct timg *t)
{
	SET_PH(t, 1, p_paddr, 4 * GIB - 0x100);
}
static void m_memsz_wrap(struct timg *t)
{
	SET_PH(t, 1, p_memsz, -(T_PADDR + 0x3000) + 1);
}
static void m_overlap_by_1(struct timg *t)
{
	SET_PH(t, 2, p_paddr, T_PADDR + 0xff);
}
static void m_adjacent(struct timg *t)
{
	SET_PH(t, 2, p_paddr, T_PADDR + 0x100);
}
static void m_same_paddr(struct timg *t) { SET_PH(t, 1, p_paddr, T_PADDR); }
static void m_inside(struct timg *t)
{
	/* bss-only segment wholly inside the data segment's bss */
	SET_PH(t, 1, p_paddr, T_PADDR + 0x1100);
	SET_PH(t, 1, p_memsz, 0x10);
}
static void m_below(struct timg *t)
{
	/* ends in the middle of text, from below it */
	SET_PH(t, 1, p_paddr, T_PADDR - 0x80);
}
static void m_empty_load(struct timg *t)
{
	/* a PT_LOAD of nothing anywhere: ignored */
	SET_PH(t, 1, p_memsz, 0);
	SET_PH(t, 1, p_paddr, -1ULL);
	SET_PH(t, 1, p_offset, -1ULL);
}
static void m_bss_offset(struct timg *t)
{
	/* no file bytes: the offset does not matter */
	SET_PH(t, 1, p_offset, -1ULL);
}
static void m_no_loads(struct timg *t)
{
	for (int i = 0; i < 3; i++)
		SET_PH(t, i, p_type, PT_NULL);
}

static const struct mcase phdr_cases[] = {
	{ "p_offset + p_filesz wraps", m_off_wrap, -EINVAL,
	  "beyond end of file" },
	{ "segment 1 byte past end", m_off_end, -EINVAL,
	  "segment 0: file bytes" },
	{ "segment ends at end", m_off_last, 0, "" },
	{ "p_filesz huge", m_filesz_huge, -EINVAL, "beyond end of file" },
	{ "filesz > memsz", m_filesz_gt_memsz, -EINVAL,
	  "file size 0x80 exceeds memory size 0x7f" },
	{ "paddr wraps", m_paddr_wrap, -EINVAL, "below 4 GiB" },
	{ "ends 1 byte above 4 GiB", m_paddr_4g, -EINVAL, "below 4 GiB" },
	{ "ends at 4 GiB", m_paddr_4g_exact, 0, "" },
	{ "memsz wraps", m_memsz_wrap, -EINVAL, "below 4 GiB" },
	{ "overlap by 1 byte", m_overlap_by_1, -EINVAL, "overlap" },
	{ "adjacent", m_adjacent, 0, "" },
	{ "same paddr", m_same_paddr, -EINVAL, "overlap" },
	{ "one inside another", m_inside, -EINVAL, "overlap" },
	{ "overlap from below", m_below, -EINVAL, "overlap" },
	{ "empty PT_LOAD", m_empty_load, 0, "" },
	{ "bss-only offset", m_bss_offset, 0, "" },
	{ "no PT_LOAD", m_no_loads, -EINVAL, "no loadable segment" },
};

/* The notes: the PHYS32 one, and the note segment and section. */
#define PHYS32_NAMESZ(t)	((t)->buf + (t)->phys32_note)
#define PHYS32_DESCSZ(t)	((t)->buf + (t)->phys32_note + 4)
#define PHYS32_NAME(t)		((t)->buf + (t)->phys32_note + 12)
#define PHYS32_DESC(t)		((t)->buf + (t)->phys32_note + 16)

static void m_namesz_big(struct timg *t)
{
	put_le(PHYS32_NAMESZ(t), 0x1000, 4);
}
static void m_namesz_max(struct timg *t) { put_le(PHYS32_NAMESZ(t), -1U, 4); }
static void m_descsz_big(struct timg *t)
{
	put_le(PHYS32_DESCSZ(t), 0x1000, 4);
}
static void m_descsz_max(struct timg *t) { put_le(PHYS32_DESCSZ(t), -3U, 4); }
static void m_descsz_2(struct timg *t) { put_le(PHYS32_DESCSZ(t), 2, 4); }
static void m_descsz_3(struct timg *t) { put_le(PHYS32_DESCSZ(t), 3, 4); }
static void m_name_XEN(struct timg *t) { memcpy(PHYS32_NAME(t), "XEN", 3); }
static void m_name_nonul(struct timg *t)
{
	/* namesz 3: "Xen" without its NUL, still Xen's */
	put_le(PHYS32_NAMESZ(t), 3, 4);
}
static void m_name_long(struct timg *t)
{
	/* "Xen\0" read as 4 bytes "Xen?" with namesz 4: not "Xen" */
	PHYS32_NAME(t)[3] = 'X';
}
static void m_other_type(struct timg *t)
{
	put_le(PHYS32_NAMESZ(t) + 8, XEN_ELFNOTE_PHYS32_ENTRY + 1, 4);
}
static void m_nseg_misaligned(struct timg *t)
{
	SET_PH(t, t->note_ph, p_offset, t->notes_off + 2);
	SET_PH(t, t->note_ph, p_filesz, t->notes_len - 2);
}
static void m_nseg_beyond(struct timg *t)
{
	SET_PH(t, t->note_ph, p_filesz, t->len);
}
static void m_nseg_wrap(struct timg *t)
{
	SET_PH(t, t->note_ph, p_offset, -4ULL);
}
static void m_nseg_cut(struct timg *t)
{
	/* the segment ends in the middle of the PHYS32 note */
	SET_PH(t, t->note_ph, p_filesz, t->phys32_note - t->notes_off + 14);
}
static void m_nseg_empty(struct timg *t)
{
	/* no notes in the segment: the section still has them */
	SET_PH(t, t->note_ph, p_filesz, 0);
}
static void m_nseg_at_end(struct timg *t)
{
	/* empty, at the very end of the file: in bounds */
	SET_PH(t, t->note_ph, p_offset, t->len);
	SET_PH(t, t->note_ph, p_filesz, 0);
}
static void m_nsec_bad(struct timg *t)
{
	/* the segment has the notes: the section is not read */
	SET_SH(t, 1, sh_offset, t->len + 4);
}
static void m_nsec_bad_too(struct timg *t)
{
	/* ... unless the segment lacks them */
	SET_PH(t, t->note_ph, p_filesz, 0);
	SET_SH(t, 1, sh_offset, t->len + 4);
}

static const struct mcase note_cases[] = {
	{ "namesz beyond segment", m_namesz_big, -EINVAL, "runs past" },
	{ "namesz 0xffffffff", m_namesz_max, -EINVAL, "runs past" },
	{ "descsz beyond segment", m_descsz_big, -EINVAL, "runs past" },
	{ "descsz 0xfffffffd", m_descsz_max, -EINVAL, "runs past" },
	{ "entry note of 2 bytes", m_descsz_2, -EINVAL, "expected 4 or 8" },
	{ "entry note of 3 bytes", m_descsz_3, -EINVAL, "expected 4 or 8" },
	{ "owner XEN", m_name_XEN, -ENOEXEC, "no XEN_ELFNOTE_PHYS32_ENTRY" },
	{ "owner without NUL", m_name_nonul, 0, "" },
	{ "owner Xen?", m_name_long, -ENOEXEC, "no XEN_ELFNOTE_PHYS32_ENTRY" },
	{ "other type", m_other_type, -ENOEXEC, "not a PVH-capable kernel" },
	{ "PT_NOTE misaligned", m_nseg_misaligned, -EINVAL,
	  "not 4-byte aligned" },
	{ "PT_NOTE beyond file", m_nseg_beyond, -EINVAL,
	  "beyond end of file" },
	{ "PT_NOTE offset wraps", m_nseg_wrap, -EINVAL,
	  "beyond end of file" },
	{ "PT_NOTE cut mid-note", m_nseg_cut, -EINVAL, "runs past" },
	{ "PT_NOTE empty, section has it", m_nseg_empty, 0, "" },
	{ "PT_NOTE empty at end of file", m_nseg_at_end, 0, "" },
	{ "SHT_NOTE beyond file, unread", m_nsec_bad, 0, "" },
	{ "SHT_NOTE beyond file, read", m_nsec_bad_too, -EINVAL,
	  "ELF section 1: notes at offset" },
};

static void m_entry_seg_start(struct timg *t)
{
	put_le(PHYS32_DESC(t), T_PADDR, 4);
}
static void m_entry_seg_last(struct timg *t)
{
	put_le(PHYS32_DESC(t), T_PADDR + 0xff, 4);
}
static void m_entry_seg_end(struct timg *t)
{
	put_le(PHYS32_DESC(t), T_PADDR + 0x100, 4);
}
static void m_entry_below(struct timg *t)
{
	put_le(PHYS32_DESC(t), T_PADDR - 1, 4);
}
static void m_entry_zero(struct timg *t) { put_le(PHYS32_DESC(t), 0, 4); }
static void m_entry_data(struct timg *t)
{
	put_le(PHYS32_DESC(t), T_PADDR + 0x1010, 4);
}
static void m_entry_bss(struct timg *t)
{
	/* text's executable, but the entry is past its file bytes */
	SET_PH(t, 2, p_flags, PF_R | PF_X);
	put_le(PHYS32_DESC(t), T_PADDR + 0x1080, 4);
}
static void m_entry_data_x(struct timg *t)
{
	SET_PH(t, 2, p_flags, PF_R | PF_W | PF_X);
	put_le(PHYS32_DESC(t), T_PADDR + 0x107f, 4);
}
static void m_text_nx(struct timg *t) { SET_PH(t, 0, p_flags, PF_R); }

static const struct mcase entry_cases[] = {
	{ "entry at segment start", m_entry_seg_start, 0, "" },
	{ "entry at last byte", m_entry_seg_last, 0, "" },
	{ "entry 1 past text", m_entry_seg_end, -EINVAL,
	  "outside every loaded segment" },
	{ "entry 1 below text", m_entry_below, -EINVAL,
	  "outside every loaded segment" },
	{ "entry 0", m_entry_zero, -EINVAL, "outside every loaded segment" },
	{ "entry in data", m_entry_data, -EINVAL, "non-executable" },
	{ "entry in bss", m_entry_bss, -EINVAL, "zero-filled" },
	{ "entry in executable data", m_entry_data_x, 0, "" },
	{ "text not executable", m_text_nx, -EINVAL, "non-executable" },
};

static void run_cases(const struct mcase *c, size_t n, bool is64)
{
	struct tspec sp = spec_default(is64);
	struct xl_kimage k;
	char what[128];
	struct timg t;

	/* entry notes of 4 bytes, so the cases can patch them alike */
	sp.phys32_size = 4;
	for (size_t i = 0; i < n; i++) {
		snprintf(what, sizeof(what), "%s (%s)", c[i].name,
			 is64 ? "ELF64" : "ELF32");
		build_elf(&sp, &t);
		c[i].mutate(&t);
		if (c[i].ret) {
			expect_fail(what, t.buf, t.len, SIZE_MAX, c[i].ret,
				    c[i].msg);
		} else {
			expect_ok(what, t.buf, t.len, &k);
			xl_kimage_free(&k);
		}
		free_timg(&t);
	}
}

#define RUN_CASES(c) do {						\
		run_cases(c, sizeof(c) / sizeof(c[0]), true);		\
		run_cases(c, sizeof(c) / sizeof(c[0]), false);		\
	} while (0)

static void test_bad_elf_header(void **state)
{
	(void)state;
	RUN_CASES(elf_header_cases);
}

static void test_bad_phdrs(void **state)
{
	(void)state;
	RUN_CASES(phdr_cases);
}

static void test_bad_notes(void **state)
{
	(void)state;
	RUN_CASES(note_cases);
}

static void test_entry(void **state)
{
	(void)state;
	RUN_CASES(entry_cases);
}

/* Limits that need another layout than spec_default's. */
static void test_layout_limits(void **state)
{
	struct tspec sp = spec_default(true);
	struct xl_kimage k;
	struct timg t;
	unsigned int i;

	(void)state;
	/* as many loadable segments as kept, then one more */
	for (i = 3; i < XL_KIMAGE_MAX_SEGS + 1; i++)
		sp.segs[i] = (struct tseg){ PT_LOAD, PF_R,
					    T_PADDR + 0x10000 * i, 0x10,
					    0x20 };
	sp.nsegs = XL_KIMAGE_MAX_SEGS;
	build_elf(&sp, &t);
	expect_ok("max segments", t.buf, t.len, &k);
	assert_int_equal(k.nr_segs, XL_KIMAGE_MAX_SEGS);
	assert_int_equal(k.phys_end,
			 T_PADDR + 0x10000 * (XL_KIMAGE_MAX_SEGS - 1) + 0x20);
	xl_kimage_free(&k);
	free_timg(&t);
	sp.nsegs = XL_KIMAGE_MAX_SEGS + 1;
	build_elf(&sp, &t);
	expect_fail("too many segments", t.buf, t.len, SIZE_MAX, -EOPNOTSUPP,
		    "more than 32 loadable segments");
	free_timg(&t);

	/* same PHYS32 note twice: fine if equal, not if they differ */
	sp = spec_default(true);
	sp.dup = true;
	sp.dup_entry = T_ENTRY;
	build_elf(&sp, &t);
	expect_ok("duplicate entry notes", t.buf, t.len, &k);
	assert_int_equal(k.entry, T_ENTRY);
	xl_kimage_free(&k);
	free_timg(&t);
	sp.dup_entry = T_ENTRY + 1;
	build_elf(&sp, &t);
	expect_fail("conflicting entry notes", t.buf, t.len, SIZE_MAX,
		    -EINVAL, "appears twice with different contents");
	free_timg(&t);
	sp.note_seg = false;	/* ... in the section path too */
	build_elf(&sp, &t);
	expect_fail("conflicting entry notes in section", t.buf, t.len,
		    SIZE_MAX, -EINVAL, "appears twice");
	free_timg(&t);

	/*
	 * More PT_NOTE headers over the same notes: read while they add up
	 * to no more than the file, refused beyond (the cost is bounded).
	 */
	unsigned int seen_ok = 0, seen_fail = 0;

	sp = spec_default(true);
	for (i = 3; i < MAX_TSEGS; i++)
		sp.segs[i] = (struct tseg){ PT_NOTE, PF_R, 0, 0, 0 };
	for (sp.nsegs = 4; sp.nsegs <= MAX_TSEGS && !seen_fail; sp.nsegs++) {
		build_elf(&sp, &t);
		for (i = 3; i < sp.nsegs; i++) {
			SET_PH(&t, i, p_offset, t.notes_off);
			SET_PH(&t, i, p_filesz, t.notes_len);
		}
		/* these and the builder's own PT_NOTE */
		if ((sp.nsegs - 3 + 1) * t.notes_len <= 2 * t.len) {
			expect_ok("repeated PT_NOTE", t.buf, t.len, &k);
			xl_kimage_free(&k);
			seen_ok++;
		} else {
			expect_fail("PT_NOTE repeated too often", t.buf,
				    t.len, SIZE_MAX, -EINVAL,
				    "note segments add up to more than twice the file");
			seen_fail++;
		}
		free_timg(&t);
	}
	assert_true(seen_ok > 0 && seen_fail > 0);

	/* an 8-byte entry note must still be a 32-bit address */
	sp = spec_default(true);
	sp.entry = 4 * GIB + T_ENTRY;
	build_elf(&sp, &t);
	expect_fail("entry above 4 GiB", t.buf, t.len, SIZE_MAX, -EINVAL,
		    "PVH entry 0x101000040 is not a 32-bit physical address");
	free_timg(&t);
}

/* ---- malformed bzImages ---------------------------------------------- */

static void test_bad_bzimage(void **state)
{
	static const uint8_t bzip2[] = "BZh91AY&SY";
	static const uint8_t junk[] = { 0x12, 0x34, 0x56, 0x78, 0x9a };
	struct tspec sp = spec_default(true);
	struct timg t;
	struct tbz bz;
	size_t zlen;
	uint8_t *z;

	(void)state;
	build_elf(&sp, &t);
	z = gzip(t.buf, t.len, &zlen);

	build_bz_ex(&bz, z, zlen, 27, 27, 0x0207);
	expect_fail("protocol 2.07", bz.buf, bz.len, SIZE_MAX, -EOPNOTSUPP,
		    "boot protocol 2.07 too old");
	free_tbz(&bz);

	build_bz(&bz, z, zlen);
	put_le(bz.buf + BZ_BOOT_FLAG, 0xaa56, 2);
	expect_fail("boot flag", bz.buf, bz.len, SIZE_MAX, -EINVAL,
		    "boot flag");
	put_le(bz.buf + BZ_BOOT_FLAG, 0xaa55, 2);

	put_le(bz.buf + BZ_PAYLOAD_OFF, 0xffffffff, 4);
	expect_fail("payload offset huge", bz.buf, bz.len, SIZE_MAX, -EINVAL,
		    "outside the file");
	/* the payload's last byte one past the end of the file */
	put_le(bz.buf + BZ_PAYLOAD_OFF, BZ_PM_CODE + BZ_TRAILER + 1, 4);
	expect_fail("payload 1 past end", bz.buf, bz.len, SIZE_MAX, -EINVAL,
		    "outside the file");
	put_le(bz.buf + BZ_PAYLOAD_OFF, BZ_PM_CODE, 4);

	put_le(bz.buf + BZ_PAYLOAD_LEN, 0, 4);
	expect_fail("payload length 0", bz.buf, bz.len, SIZE_MAX, -EINVAL,
		    "length is 0");
	put_le(bz.buf + BZ_PAYLOAD_LEN, 0xffffffff, 4);
	expect_fail("payload length huge", bz.buf, bz.len, SIZE_MAX, -EINVAL,
		    "outside the file");
	put_le(bz.buf + BZ_PAYLOAD_LEN, zlen + BZ_TRAILER + 1, 4);
	expect_fail("payload length 1 too many", bz.buf, bz.len, SIZE_MAX,
		    -EINVAL, "outside the file");
	put_le(bz.buf + BZ_PAYLOAD_LEN, zlen - 1, 4);
	expect_fail("gzip cut by 1 byte", bz.buf, bz.len, SIZE_MAX, -EINVAL,
		    "gzip payload truncated");
	put_le(bz.buf + BZ_PAYLOAD_LEN, zlen, 4);

	/* only the setup header, cut inside it */
	expect_fail("cut in version", bz.buf, BZ_VERSION + 1, SIZE_MAX,
		    -EINVAL, "setup header truncated");
	expect_fail("cut before payload fields", bz.buf, BZ_PAYLOAD_LEN + 3,
		    SIZE_MAX, -EINVAL, "setup header truncated");
	expect_fail("cut in HdrS", bz.buf, BZ_HEADER + 3, SIZE_MAX, -ENOEXEC,
		    "neither ELF nor bzImage");
	free_tbz(&bz);

	build_bz(&bz, bzip2, sizeof(bzip2));
	expect_fail("bzip2", bz.buf, bz.len, SIZE_MAX, -EOPNOTSUPP,
		    "bzip2-compressed");
	free_tbz(&bz);
	build_bz(&bz, junk, sizeof(junk));
	expect_fail("unknown compression", bz.buf, bz.len, SIZE_MAX, -EINVAL,
		    "unknown compression (magic 12 34 56 78)");
	free_tbz(&bz);
	/* a stored payload that is not ELF after all */
	build_bz(&bz, "\x7f" "ELF", 4);
	expect_fail("stored non-ELF", bz.buf, bz.len, SIZE_MAX, -ENOEXEC,
		    "bzImage payload (none): not an ELF file");
	free_tbz(&bz);
	/* the payload decompresses, to something else than ELF */
	free(z);
	z = gzip("#!/bin/sh\n", 10, &zlen);
	build_bz(&bz, z, zlen);
	expect_fail("gzip of non-ELF", bz.buf, bz.len, SIZE_MAX, -ENOEXEC,
		    "bzImage payload (gzip): not an ELF file");
	free_tbz(&bz);
	free(z);
	free_timg(&t);
}

static void test_corrupt_compressed(void **state)
{
	struct tspec sp = spec_default(true);
	struct xl_kimage k;
	struct timg t;
	struct tbz bz;
	size_t zlen;
	uint8_t *z;

	(void)state;
	build_elf(&sp, &t);

	z = xz(t.buf, t.len, &zlen);
	build_bz(&bz, z, zlen);
	bz.buf[bz.payload + zlen / 2] ^= 0x55;
	expect_fail("corrupt xz", bz.buf, bz.len, SIZE_MAX, -EINVAL,
		    "xz payload corrupt");
	bz.buf[bz.payload + zlen / 2] ^= 0x55;
	bz.buf[bz.payload + 7] ^= 0x01;		/* header flags / CRC */
	expect_fail("corrupt xz header", bz.buf, bz.len, SIZE_MAX, -EINVAL,
		    "xz payload");
	bz.buf[bz.payload + 7] ^= 0x01;
	/* the 4-byte size and the end of the stream cut off */
	put_le(bz.buf + BZ_PAYLOAD_LEN, zlen - 4 - 12, 4);
	expect_fail("truncated xz", bz.buf, bz.len, SIZE_MAX, -EINVAL,
		    "xz payload truncated");
	/* a dictionary beyond the decoder's memory limit */
	put_le(bz.buf + BZ_PAYLOAD_LEN, zlen, 4);
	xz_huge_dict(bz.buf + bz.payload);
	expect_fail("xz wanting 1 GiB", bz.buf, bz.len, SIZE_MAX, -EINVAL,
		    "xz payload needs more than 128 MiB of memory");
	free_tbz(&bz);
	build_bz(&bz, z, zlen);
	/* the kernel's size trailer is not needed */
	put_le(bz.buf + BZ_PAYLOAD_LEN, zlen - 4, 4);
	expect_ok("xz without size", bz.buf, bz.len, &k);
	check_default(&k, true);
	xl_kimage_free(&k);
	free_tbz(&bz);
	free(z);

	z = gzip(t.buf, t.len, &zlen);
	build_bz(&bz, z, zlen);
	bz.buf[bz.payload + zlen - 6] ^= 0x01;	/* its CRC32 */
	expect_fail("gzip bad crc", bz.buf, bz.len, SIZE_MAX, -EINVAL,
		    "gzip payload corrupt: incorrect data check");
	bz.buf[bz.payload + zlen - 6] ^= 0x01;
	bz.buf[bz.payload + 3] = 0xe0;		/* reserved flag bits */
	expect_fail("gzip bad header", bz.buf, bz.len, SIZE_MAX, -EINVAL,
		    "gzip payload corrupt");
	free_tbz(&bz);
	free(z);
#ifdef XL_HAVE_ZSTD
	z = zstd(t.buf, t.len, &zlen);
	build_bz(&bz, z, zlen);
	bz.buf[bz.payload + 4] ^= 0xff;		/* frame header */
	expect_fail("corrupt zstd", bz.buf, bz.len, SIZE_MAX, -EINVAL,
		    "zstd payload corrupt");
	free_tbz(&bz);
	free(z);
#endif
	free_timg(&t);
}

/* The decompressed size bound, to the byte. */
static void test_decompress_cap(void **state)
{
	struct tspec sp = spec_default(true);
	uint8_t *(*const comp[])(const void *, size_t, size_t *) = {
		gzip, xz,
#ifdef XL_HAVE_ZSTD
		zstd,
#endif
	};
	struct xl_kimage k;
	char err[ERRSZ];
	struct timg t;
	struct tbz bz;
	size_t zlen;
	uint8_t *z;

	(void)state;
	build_elf(&sp, &t);
	for (size_t i = 0; i < sizeof(comp) / sizeof(comp[0]); i++) {
		z = comp[i](t.buf, t.len, &zlen);
		build_bz(&bz, z, zlen);
		assert_int_equal(parse_copy(bz.buf, bz.len, t.len, &k, err),
				 0);
		check_default(&k, true);
		xl_kimage_free(&k);
		expect_fail("cap - 1", bz.buf, bz.len, t.len - 1, -EFBIG,
			    "decompresses to more than");
		free_tbz(&bz);
		free(z);
	}
	free_timg(&t);

	/*
	 * 1 MiB of zeros, then a corrupt block, against a 768 KiB cap: the
	 * output must stop at the cap, before the corruption.
	 */
	z = gzip_zeros(MIB, true, &zlen);
	build_bz(&bz, z, zlen);
	expect_fail("gzip bomb", bz.buf, bz.len, 768 << 10, -EFBIG,
		    "gzip payload decompresses to more than 786432 bytes");
	expect_fail("gzip bomb's end", bz.buf, bz.len, 2 * MIB, -EINVAL,
		    "gzip payload corrupt: invalid block type");
	free_tbz(&bz);
	free(z);
	/* the valid stream: with room for it, what stops it is not ELF */
	z = gzip_zeros(MIB, false, &zlen);
	build_bz(&bz, z, zlen);
	expect_fail("gzip of zeros", bz.buf, bz.len, MIB, -ENOEXEC,
		    "bzImage payload (gzip): not an ELF file");
	free_tbz(&bz);
	free(z);
}

/* The default bound: a 100 KiB gzip of 257 MiB of zeros (and junk). */
static void test_gzip_bomb_default_cap(void **state)
{
	struct xl_kimage k;
	char err[ERRSZ];
	struct tbz bz;
	size_t zlen;
	uint8_t *z;

	(void)state;
	z = gzip_zeros(XL_KIMAGE_MAX_DECOMPRESSED + MIB, true, &zlen);
	build_bz(&bz, z, zlen);
	free(z);
	assert_int_equal(xl_kimage_parse(bz.buf, bz.len, &k, err, ERRSZ),
			 -EFBIG);
	assert_string_equal(err,
		"gzip payload decompresses to more than 268435456 bytes");
	free_tbz(&bz);
}

/* ---- every prefix, every byte ------------------------------------------ */

/*
 * Every prefix of @p must fail cleanly or give @full's result; exactly
 * the prefixes of at least @need bytes succeed.
 */
static void truncate_all(const char *what, const uint8_t *p, size_t len,
			 size_t need, const struct xl_kimage *full)
{
	struct xl_kimage k;
	char err[ERRSZ];
	size_t ok = 0;

	for (size_t n = 0; n < len; n++) {
		if (parse_copy(p, n, XL_KIMAGE_MAX_DECOMPRESSED, &k, err))
			continue;
		if (n < need)
			fail_fmt("%s: prefix of %zu bytes (< %zu) parsed",
				 what, n, need);
		assert_same(full, &k);
		xl_kimage_free(&k);
		ok++;
	}
	assert_int_equal(ok, len - need);
}

static void test_truncated_elf(void **state)
{
	(void)state;
	for (int is64 = 0; is64 < 2; is64++) {
		struct tspec sp = spec_default(is64);
		struct xl_kimage full;
		struct timg t;

		build_elf(&sp, &t);
		expect_ok("full", t.buf, t.len, &full);
		/* the section table ends the ELF and is checked */
		truncate_all("ELF", t.buf, t.len, t.elf_end, &full);
		xl_kimage_free(&full);
		free_timg(&t);
	}
}

static void test_truncated_bzimage(void **state)
{
	uint8_t *(*const comp[])(const void *, size_t, size_t *) = {
		gzip, xz,
#ifdef XL_HAVE_ZSTD
		zstd,
#endif
	};
	struct tspec sp = spec_default(true);
	struct xl_kimage full;
	struct timg t;
	struct tbz bz;
	size_t zlen;
	uint8_t *z;

	(void)state;
	build_elf(&sp, &t);
	for (size_t i = 0; i < sizeof(comp) / sizeof(comp[0]); i++) {
		z = comp[i](t.buf, t.len, &zlen);
		build_bz(&bz, z, zlen);
		expect_ok("full", bz.buf, bz.len, &full);
		truncate_all("bzImage", bz.buf, bz.len, bz.payload + zlen,
			     &full);
		/* and the payload cut at every length, in a whole file */
		for (size_t n = 1; n < zlen - 4 * (i > 0); n++) {
			struct xl_kimage k;
			char err[ERRSZ];

			put_le(bz.buf + BZ_PAYLOAD_LEN, n, 4);
			assert_int_not_equal(parse_copy(bz.buf, bz.len,
							SIZE_MAX, &k, err),
					     0);
		}
		xl_kimage_free(&full);
		free_tbz(&bz);
		free(z);
	}
	free_timg(&t);
}

/* Any one byte of the headers and notes changed: no crash, sane result. */
static void test_byte_flips(void **state)
{
	static const uint8_t flips[] = { 0x01, 0x80, 0xff };
	struct xl_kimage k;
	char err[ERRSZ];

	(void)state;
	for (int is64 = 0; is64 < 2; is64++) {
		struct tspec sp = spec_default(is64);
		struct timg t;
		size_t end;

		build_elf(&sp, &t);
		end = t.notes_off + t.notes_len;
		for (size_t i = 0; i < end; i++) {
			for (size_t f = 0; f < sizeof(flips); f++) {
				t.buf[i] ^= flips[f];
				if (!parse_copy(t.buf, t.len, SIZE_MAX, &k,
						err)) {
					check_invariants(&k);
					xl_kimage_free(&k);
				}
				t.buf[i] ^= flips[f];
			}
		}
		free_timg(&t);
	}
}

/* Random changes, a fixed seed: to ELF files and to bzImages. */
static void test_random_mutations(void **state)
{
	uint8_t *(*const comp[])(const void *, size_t, size_t *) = {
		gzip, xz,
	};
	struct tspec sp = spec_default(true);
	unsigned int seed = 20240601, ok = 0;
	struct xl_kimage k;
	char err[ERRSZ];
	struct timg t;
	struct tbz bz;
	size_t zlen;
	uint8_t *z, *m;

	(void)state;
	build_elf(&sp, &t);
	m = malloc(t.len);
	assert_non_null(m);
	for (int it = 0; it < 3000; it++) {
		memcpy(m, t.buf, t.len);
		for (int n = 1 + rand_r(&seed) % 4; n; n--) {
			/* mostly the headers, where the structure is */
			size_t at = rand_r(&seed) % 2 ?
				    (size_t)rand_r(&seed) % t.notes_off :
				    (size_t)rand_r(&seed) % t.len;

			m[at] = (uint8_t)rand_r(&seed);
		}
		if (!parse_copy(m, t.len, SIZE_MAX, &k, err)) {
			ok++;
			check_invariants(&k);
			xl_kimage_free(&k);
		}
	}
	/* some mutations land in harmless bytes */
	assert_true(ok > 0);
	free(m);

	for (size_t c = 0; c < 2; c++) {
		z = comp[c](t.buf, t.len, &zlen);
		build_bz(&bz, z, zlen);
		m = malloc(bz.len);
		assert_non_null(m);
		for (int it = 0; it < 300; it++) {
			memcpy(m, bz.buf, bz.len);
			m[bz.payload + (size_t)rand_r(&seed) % zlen] =
				(uint8_t)rand_r(&seed);
			if (!parse_copy(m, bz.len, SIZE_MAX, &k, err))
				xl_kimage_free(&k);
		}
		free(m);
		free_tbz(&bz);
		free(z);
	}
	free_timg(&t);
}

/* ---- the generic note reader ------------------------------------------- */

static void test_note_iter(void **state)
{
	static const struct {
		const char *name;
		uint32_t namesz, type, descsz;
	} want[] = {
		{ "Xen", 4, XEN_ELFNOTE_GUEST_OS, 6 },
		{ "Xen", 4, XEN_ELFNOTE_XEN_VERSION, 8 },
		{ "GNU", 4, NT_GNU_BUILD_ID, 20 },
		{ "Linux", 6, 0x100, 4 },
		{ "Xen", 4, XEN_ELFNOTE_FEATURES, sizeof(t_features) },
		{ "Xen", 4, XEN_ELFNOTE_HYPERCALL_PAGE, 8 },
		{ "Xen", 4, XEN_ELFNOTE_PHYS32_ENTRY, 8 },
		{ "Xen", 4, XEN_ELFNOTE_PAE_MODE, 4 },
	};
	struct tspec sp = spec_default(true);
	struct xl_elfnote_iter it;
	struct xl_elfnote n;
	uint8_t buf[64];
	struct timg t;
	size_t i;
	int ret;

	(void)state;
	build_elf(&sp, &t);
	xl_elfnote_iter_init(&it, t.buf + t.notes_off, t.notes_len);
	for (i = 0; (ret = xl_elfnote_next(&it, &n)) == 1; i++) {
		assert_true(i < sizeof(want) / sizeof(want[0]));
		assert_int_equal(n.namesz, want[i].namesz);
		assert_memory_equal(n.name, want[i].name, want[i].namesz);
		assert_int_equal(n.type, want[i].type);
		assert_int_equal(n.descsz, want[i].descsz);
		assert_true(xl_elfnote_is(&n, want[i].name, want[i].type));
		assert_false(xl_elfnote_is(&n, want[i].name,
					   want[i].type + 1));
	}
	assert_int_equal(ret, 0);
	assert_int_equal(i, sizeof(want) / sizeof(want[0]));
	assert_int_equal(xl_elfnote_next(&it, &n), 0);	/* stays at end */
	free_timg(&t);

	/* 11 bytes of padding are not a note; 12 zero bytes are one */
	memset(buf, 0, sizeof(buf));
	xl_elfnote_iter_init(&it, buf, 11);
	assert_int_equal(xl_elfnote_next(&it, &n), 0);
	xl_elfnote_iter_init(&it, buf, 12);
	assert_int_equal(xl_elfnote_next(&it, &n), 1);
	assert_int_equal(n.namesz + n.descsz + n.type, 0);
	assert_int_equal(xl_elfnote_next(&it, &n), 0);

	/* the last note's descriptor padding may be missing */
	put_note(buf, "Xen", 7, "ab", 3);
	xl_elfnote_iter_init(&it, buf, 12 + 4 + 3);
	assert_int_equal(xl_elfnote_next(&it, &n), 1);
	assert_int_equal(n.descsz, 3);
	assert_memory_equal(n.desc, "ab", 3);
	assert_int_equal(xl_elfnote_next(&it, &n), 0);
	/* but not a descriptor byte */
	xl_elfnote_iter_init(&it, buf, 12 + 4 + 2);
	assert_int_equal(xl_elfnote_next(&it, &n), -EINVAL);
	/* nor a name byte */
	xl_elfnote_iter_init(&it, buf, 12 + 3);
	assert_int_equal(xl_elfnote_next(&it, &n), -EINVAL);
	/* even of a note without descriptor */
	put_note(buf, "Linux", 9, "", 0);
	xl_elfnote_iter_init(&it, buf, 12 + 5);
	assert_int_equal(xl_elfnote_next(&it, &n), -EINVAL);
	/* a note with no descriptor may end after its unpadded name */
	put_note(buf, "Linux", 9, "", 0);
	xl_elfnote_iter_init(&it, buf, 12 + 6);
	assert_int_equal(xl_elfnote_next(&it, &n), 1);
	assert_true(xl_elfnote_is(&n, "Linux", 9));
	assert_int_equal(xl_elfnote_next(&it, &n), 0);
	/* two notes back to back, the second after padding */
	put_note(buf + put_note(buf, "Xen", 1, "abcde", 5), "Xen", 2,
		 "x", 1);
	xl_elfnote_iter_init(&it, buf, 12 + 4 + 8 + 12 + 4 + 4);
	assert_int_equal(xl_elfnote_next(&it, &n), 1);
	assert_int_equal(xl_elfnote_next(&it, &n), 1);
	assert_int_equal(n.type, 2);
	assert_int_equal(n.desc[0], 'x');
	assert_int_equal(xl_elfnote_next(&it, &n), 0);
}

static void test_note_values(void **state)
{
	static const uint8_t bytes[16] = {
		0x88, 0x77, 0x66, 0x55, 0x44, 0x33, 0x22, 0x11, 0xee,
	};
	struct xl_elfnote n = { .name = "Xen", .namesz = 4, .desc = bytes };
	const char *s;
	uint64_t v;

	(void)state;
	for (uint32_t sz = 0; sz <= 16; sz++) {
		n.descsz = sz;
		v = 0xdead;
		if (sz == 1 || sz == 2 || sz == 4 || sz == 8) {
			assert_int_equal(xl_elfnote_num(&n, &v), 0);
			assert_int_equal(v, 0x1122334455667788ULL &
					 (sz == 8 ? ~0ULL :
					  (1ULL << (8 * sz)) - 1));
		} else {
			assert_int_equal(xl_elfnote_num(&n, &v), -EINVAL);
			assert_int_equal(v, 0xdead);
		}
	}
	n.desc = (const uint8_t *)"yes\0no";
	n.descsz = 7;
	assert_int_equal(xl_elfnote_str(&n, &s), 0);
	assert_string_equal(s, "yes");
	n.descsz = 3;		/* "yes" without its NUL */
	s = NULL;
	assert_int_equal(xl_elfnote_str(&n, &s), -EINVAL);
	assert_null(s);
	n.descsz = 0;
	assert_int_equal(xl_elfnote_str(&n, &s), -EINVAL);
	/* names: with or without the NUL, nothing else */
	n.namesz = 3;
	assert_true(xl_elfnote_is(&n, "Xen", 0));
	assert_false(xl_elfnote_is(&n, "Xe", 0));
	assert_false(xl_elfnote_is(&n, "Xenn", 0));
	n.name = "Xen\0";
	n.namesz = 5;
	assert_false(xl_elfnote_is(&n, "Xen", 0));
	n.name = "";
	n.namesz = 0;
	assert_true(xl_elfnote_is(&n, "", 0));
	assert_false(xl_elfnote_is(&n, "Xen", 0));
}

/* Other Xen notes of a parsed image, and xl_elf_find_note directly. */
static void test_find_note(void **state)
{
	struct tspec sp = spec_default(false);
	struct xl_elfnote n;
	struct xl_kimage k;
	char err[ERRSZ];
	struct timg t;
	const char *s;
	uint64_t v;

	(void)state;
	build_elf(&sp, &t);
	expect_ok("notes", t.buf, t.len, &k);
	assert_int_equal(xl_kimage_find_note(&k, XEN_ELFNOTE_GUEST_OS, &n,
					     err, ERRSZ), 0);
	assert_int_equal(xl_elfnote_str(&n, &s), 0);
	assert_string_equal(s, "linux");
	/* it points into the image's own copy */
	assert_true(n.desc > k.elf && n.desc < k.elf + k.elf_len);
	assert_int_equal(xl_kimage_find_note(&k, XEN_ELFNOTE_FEATURES, &n,
					     err, ERRSZ), 0);
	assert_int_equal(xl_elfnote_str(&n, &s), 0);
	assert_string_equal(s, t_features);
	assert_int_equal(xl_kimage_find_note(&k, XEN_ELFNOTE_HYPERCALL_PAGE,
					     &n, err, ERRSZ), 0);
	assert_int_equal(xl_elfnote_num(&n, &v), 0);
	assert_int_equal(v, T_VBASE + 0x1000);
	/* not there: -ENOENT, and the error buffer is left alone */
	strcpy(err, "untouched");
	assert_int_equal(xl_kimage_find_note(&k, XEN_ELFNOTE_LOADER, &n, err,
					     ERRSZ), -ENOENT);
	assert_string_equal(err, "untouched");
	/* the build id is GNU's, not Xen's */
	assert_int_equal(xl_kimage_find_note(&k, NT_GNU_BUILD_ID, &n, err,
					     ERRSZ), -ENOENT);
	assert_int_equal(xl_elf_find_note(k.elf, k.elf_len, "GNU",
					  NT_GNU_BUILD_ID, &n, err, ERRSZ), 0);
	assert_int_equal(n.descsz, sizeof(t_build_id));
	assert_memory_equal(n.desc, t_build_id, sizeof(t_build_id));
	xl_kimage_free(&k);
	/* on a file that is not ELF */
	assert_int_equal(xl_elf_find_note("MZ\x90", 3, "Xen", 6, &n, err,
					  ERRSZ), -ENOEXEC);
	assert_string_equal(err, "not an ELF file");
	/* the generic reader does not mind other machines or types */
	SET_EH(&t, e_machine, EM_AARCH64);
	SET_EH(&t, e_type, ET_REL);
	assert_int_equal(xl_elf_find_note(t.buf, t.len, "Xen",
					  XEN_ELFNOTE_PAE_MODE, &n, err,
					  ERRSZ), 0);
	assert_string_equal((const char *)n.desc, "yes");
	free_timg(&t);
}

/* ---- placing segments in guest memory ---------------------------------- */

static void test_load(void **state)
{
	const size_t size = 0x8000;
	struct tspec sp = spec_default(true);
	uint64_t base = T_PADDR - 0x1000;
	struct xl_kimage k;
	char err[ERRSZ];
	struct timg t;
	uint8_t *mem;
	size_t i;

	(void)state;
	build_elf(&sp, &t);
	expect_ok("load", t.buf, t.len, &k);
	mem = malloc(size);
	assert_non_null(mem);
	memset(mem, 0xee, size);
	assert_int_equal(xl_kimage_load(&k, mem, base, size, err, ERRSZ), 0);
	for (i = 0; i < size; i++) {
		uint64_t pa = base + i;
		int want = 0xee;

		if (pa >= T_PADDR && pa < T_PADDR + 0x100)
			want = pat(0, pa - T_PADDR);
		else if (pa >= T_PADDR + 0x1000 && pa < T_PADDR + 0x1080)
			want = pat(2, pa - T_PADDR - 0x1000);
		else if (pa >= T_PADDR + 0x1080 && pa < T_PADDR + 0x1300)
			want = 0;	/* data's bss */
		else if (pa >= T_PADDR + 0x3000 && pa < T_PADDR + 0x3100)
			want = 0;	/* the bss-only segment */
		if (mem[i] != want)
			fail_fmt("guest %#llx: %#x, want %#x",
				 (unsigned long long)pa, mem[i], want);
	}
	/* exactly fitting memory is enough */
	assert_int_equal(xl_kimage_load(&k, mem, T_PADDR, 0x3100, err,
					ERRSZ), 0);
	/* one byte short at either end: refused, nothing written */
	memset(mem, 0xee, size);
	assert_int_equal(xl_kimage_load(&k, mem, T_PADDR, 0x30ff, err,
					ERRSZ), -ERANGE);
	assert_non_null(strstr(err, "outside guest memory"));
	assert_int_equal(xl_kimage_load(&k, mem, T_PADDR + 1, size, err,
					ERRSZ), -ERANGE);
	for (i = 0; i < size; i++)
		assert_int_equal(mem[i], 0xee);
	/* a base far above every segment: no wrap-around */
	assert_int_equal(xl_kimage_load(&k, mem, ~0ULL - size, size, err,
					ERRSZ), -ERANGE);
	/* one segment on its own */
	memset(mem, 0xee, size);
	xl_kimage_seg_fill(&k.segs[1], mem);
	for (i = 0; i < 0x300; i++)
		assert_int_equal(mem[i], i < 0x80 ? pat(2, i) : 0);
	assert_int_equal(mem[0x300], 0xee);
	free(mem);
	xl_kimage_free(&k);
	free_timg(&t);
}

/* The error line: bounded by the caller's size, and optional. */
static void test_err_buffer(void **state)
{
	struct xl_kimage k;
	char err[8];

	(void)state;
	memset(err, 'x', sizeof(err));
	assert_int_equal(xl_kimage_parse("hello", 5, &k, err, 5), -ENOEXEC);
	assert_string_equal(err, "not ");
	assert_int_equal(err[5], 'x');
	assert_int_equal(xl_kimage_parse("hello", 5, &k, NULL, 0), -ENOEXEC);
	assert_int_equal(xl_kimage_parse("", 0, &k, err, 0), -ENOEXEC);
	assert_int_equal(err[5], 'x');
	assert_string_equal(xl_kimage_comp_name(XL_KIMAGE_COMP_XZ), "xz");
	assert_string_equal(xl_kimage_comp_name(XL_KIMAGE_COMP_NONE), "none");
	assert_string_equal(xl_kimage_comp_name(XL_KIMAGE_COMP_GZIP), "gzip");
	assert_string_equal(xl_kimage_comp_name(XL_KIMAGE_COMP_ZSTD), "zstd");
	assert_string_equal(xl_kimage_comp_name(42), "?");
}

/* ---- the installed Debian kernel, if any ------------------------------- */

static char *newest_vmlinuz(void)
{
	char *best = NULL;
	struct dirent *d;
	DIR *dir = opendir("/boot");

	if (!dir)
		return NULL;
	while ((d = readdir(dir))) {
		if (strncmp(d->d_name, "vmlinuz-", 8))
			continue;
		if (!best || strverscmp(d->d_name, best) > 0) {
			free(best);
			best = strdup(d->d_name);
		}
	}
	closedir(dir);
	return best;
}

static uint8_t *read_file(const char *path, size_t *len)
{
	struct stat st;
	uint8_t *p;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	*len = 0;
	if (fd < 0)
		return NULL;
	if (fstat(fd, &st) || !S_ISREG(st.st_mode) || !st.st_size) {
		close(fd);
		return NULL;
	}
	p = malloc((size_t)st.st_size);
	assert_non_null(p);
	*len = 0;
	while (*len < (size_t)st.st_size) {
		ssize_t r = read(fd, p + *len, (size_t)st.st_size - *len);

		if (r <= 0)
			break;
		*len += (size_t)r;
	}
	close(fd);
	assert_int_equal(*len, (size_t)st.st_size);
	return p;
}

static void test_real_vmlinuz(void **state)
{
	char path[300], err[ERRSZ];
	char *name = newest_vmlinuz();
	const struct xl_kimage_seg *s = NULL;
	struct xl_elfnote n;
	struct xl_kimage k;
	const char *os;
	uint8_t *file;
	size_t len;
	int ret;

	(void)state;
	if (!name) {
		print_message("# no /boot/vmlinuz-*: skipped\n");
		skip();
	}
	snprintf(path, sizeof(path), "/boot/%s", name);
	free(name);
	file = read_file(path, &len);
	if (!file) {
		print_message("# %s unreadable: skipped\n", path);
		skip();
	}
	ret = xl_kimage_parse(file, len, &k, err, sizeof(err));
	if (ret == -EOPNOTSUPP) {
		/* e.g. a zstd kernel (Ubuntu's) in a build without libzstd */
		print_message("# %s: %s: skipped\n", path, err);
		free(file);
		skip();
	}
	if (ret)
		fail_fmt("%s: %s", path, err);
	check_invariants(&k);
	assert_int_equal(k.format, XL_KIMAGE_BZIMAGE);
	assert_true(k.boot_version >= 0x0208);
	assert_true(k.entry >= 16 * MIB);
	assert_true(k.phys_end <= 4 * GIB);
	for (unsigned int i = 0; i < k.nr_segs; i++)
		if (k.entry >= k.segs[i].paddr &&
		    k.entry < k.segs[i].paddr + k.segs[i].filesz)
			s = &k.segs[i];
	assert_non_null(s);
	assert_true(s->flags & PF_X);
	assert_int_equal(xl_kimage_find_note(&k, XEN_ELFNOTE_GUEST_OS, &n,
					     err, sizeof(err)), 0);
	assert_int_equal(xl_elfnote_str(&n, &os), 0);
	assert_string_equal(os, "linux");
	print_message("# %s: %s, entry %#x, %u segments %#llx-%#llx\n", path,
		      xl_kimage_comp_name(k.comp), k.entry, k.nr_segs,
		      (unsigned long long)k.phys_start,
		      (unsigned long long)k.phys_end);
	xl_kimage_free(&k);
	/* cut in the middle of its payload */
	ret = xl_kimage_parse(file, len / 2, &k, err, sizeof(err));
	assert_int_equal(ret, -EINVAL);
	free(file);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_elf64),
		cmocka_unit_test(test_elf32),
		cmocka_unit_test(test_no_note),
		cmocka_unit_test(test_toolchain_fixtures),
		cmocka_unit_test(test_bzimage_gzip),
		cmocka_unit_test(test_bzimage_xz),
		cmocka_unit_test(test_bzimage_zstd),
		cmocka_unit_test(test_bzimage_stored),
		cmocka_unit_test(test_bzimage_setup_sects),
		cmocka_unit_test(test_bzimage_no_note),
		cmocka_unit_test(test_bad_elf_header),
		cmocka_unit_test(test_bad_phdrs),
		cmocka_unit_test(test_bad_notes),
		cmocka_unit_test(test_entry),
		cmocka_unit_test(test_layout_limits),
		cmocka_unit_test(test_bad_bzimage),
		cmocka_unit_test(test_corrupt_compressed),
		cmocka_unit_test(test_decompress_cap),
		cmocka_unit_test(test_gzip_bomb_default_cap),
		cmocka_unit_test(test_truncated_elf),
		cmocka_unit_test(test_truncated_bzimage),
		cmocka_unit_test(test_byte_flips),
		cmocka_unit_test(test_random_mutations),
		cmocka_unit_test(test_note_iter),
		cmocka_unit_test(test_note_values),
		cmocka_unit_test(test_find_note),
		cmocka_unit_test(test_load),
		cmocka_unit_test(test_err_buffer),
		cmocka_unit_test(test_real_vmlinuz),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
