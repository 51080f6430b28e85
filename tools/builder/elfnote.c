// SPDX-License-Identifier: GPL-2.0
/*
 * ELF note reader (see elfnote.h).
 */
#include <elf.h>
#include <errno.h>
#include <string.h>

#include "bld_util.h"
#include "elfnote.h"
#include "kelf.h"

/* The note header, identical in both classes (Elf32_Nhdr == Elf64_Nhdr). */
#define NHDR_SIZE	sizeof(Elf32_Nhdr)
#define NOTE_ALIGN	4

static uint64_t xl_note_pad(uint64_t n)
{
	return (n + NOTE_ALIGN - 1) & ~(uint64_t)(NOTE_ALIGN - 1);
}

void xl_elfnote_iter_init(struct xl_elfnote_iter *it, const void *notes,
			  size_t len)
{
	it->p = notes;
	it->len = len;
	it->pos = 0;
}

int xl_elfnote_next(struct xl_elfnote_iter *it, struct xl_elfnote *n)
{
	const uint8_t *h = it->p + it->pos;
	uint64_t rem = it->len - it->pos, name_room, desc_off, desc_room;

	if (rem < NHDR_SIZE) {
		it->pos = it->len;
		return 0;
	}
	n->namesz = (uint32_t)XL_RD_FIELD(h, Elf32_Nhdr, n_namesz);
	n->descsz = (uint32_t)XL_RD_FIELD(h, Elf32_Nhdr, n_descsz);
	n->type = (uint32_t)XL_RD_FIELD(h, Elf32_Nhdr, n_type);
	rem -= NHDR_SIZE;
	/* The sizes are 32-bit and widened: padding them cannot wrap. */
	name_room = xl_note_pad(n->namesz);
	if (n->namesz > rem)
		return -EINVAL;
	/* A last note without a descriptor may omit the name's padding. */
	desc_off = name_room < rem ? name_room : rem;
	if (n->descsz > rem - desc_off)
		return -EINVAL;
	n->name = (const char *)h + NHDR_SIZE;
	n->desc = h + NHDR_SIZE + desc_off;
	/* Likewise the last descriptor's padding. */
	rem -= desc_off;
	desc_room = xl_note_pad(n->descsz);
	it->pos += NHDR_SIZE + desc_off + (desc_room < rem ? desc_room : rem);
	return 1;
}

bool xl_elfnote_is(const struct xl_elfnote *n, const char *name,
		   uint32_t type)
{
	size_t len = strlen(name);

	if (n->type != type)
		return false;
	if (n->namesz == len + 1)
		return !memcmp(n->name, name, len + 1);
	return n->namesz == len && !memcmp(n->name, name, len);
}

int xl_elfnote_num(const struct xl_elfnote *n, uint64_t *val)
{
	switch (n->descsz) {
	case 1:
	case 2:
	case 4:
	case 8:
		*val = xl_rd_le(n->desc, n->descsz);
		return 0;
	}
	return -EINVAL;
}

int xl_elfnote_str(const struct xl_elfnote *n, const char **s)
{
	if (!n->descsz || !memchr(n->desc, '\0', n->descsz))
		return -EINVAL;
	*s = (const char *)n->desc;
	return 0;
}

/* What a search is after, and what it found so far. */
struct xl_note_search {
	const char *name;
	uint32_t type;
	bool found;
	struct xl_elfnote note;
};

/*
 * Read every note of one segment or section (@what @idx, for errors) at
 * [@off, @off + @size) of the file.  *@budget is what may still be read:
 * 65535 headers naming the same megabyte of notes must not cost 64 GiB.
 * The segments of a sane file add up to at most its size, and so do its
 * sections, hence a budget of twice the size for both.
 */
static int xl_note_scan(const struct xl_elf *e, const char *what,
			unsigned int idx, uint64_t off, uint64_t size,
			uint64_t *budget, struct xl_note_search *s, char *err,
			size_t errsize)
{
	struct xl_elfnote_iter it;
	struct xl_elfnote n;
	int ret;

	if (!xl_in_bounds(off, size, e->len))
		return xl_bld_err(err, errsize, -EINVAL,
				  "ELF %s %u: notes at offset %#llx size %#llx beyond end of file",
				  what, idx, (unsigned long long)off,
				  (unsigned long long)size);
	if (size > *budget)
		return xl_bld_err(err, errsize, -EINVAL,
				  "ELF note %ss add up to more than twice the file",
				  what);
	*budget -= size;
	if (off % NOTE_ALIGN)
		return xl_bld_err(err, errsize, -EINVAL,
				  "ELF %s %u: notes at offset %#llx not %u-byte aligned",
				  what, idx, (unsigned long long)off,
				  NOTE_ALIGN);
	xl_elfnote_iter_init(&it, e->p + off, size);
	while ((ret = xl_elfnote_next(&it, &n)) > 0) {
		if (!xl_elfnote_is(&n, s->name, s->type))
			continue;
		if (!s->found) {
			s->note = n;
			s->found = true;
		} else if (n.descsz != s->note.descsz ||
			   memcmp(n.desc, s->note.desc, n.descsz)) {
			return xl_bld_err(err, errsize, -EINVAL,
					  "ELF note %s/%u appears twice with different contents",
					  s->name, s->type);
		}
	}
	if (ret < 0)
		return xl_bld_err(err, errsize, ret,
				  "ELF %s %u: note at offset %#llx runs past the end of its %s",
				  what, idx, (unsigned long long)(off + it.pos),
				  what);
	return 0;
}

int xl_elf_find_note(const void *elf, size_t len, const char *name,
		     uint32_t type, struct xl_elfnote *n, char *err,
		     size_t errsize)
{
	struct xl_note_search s = { .name = name, .type = type };
	struct xl_elf_phdr ph;
	struct xl_elf_shdr sh;
	struct xl_elf e;
	uint64_t budget;
	bool in_segments;
	unsigned int i;
	int ret;

	ret = xl_elf_open(&e, elf, len, err, errsize);
	if (ret)
		return ret;
	budget = (uint64_t)len * 2;
	for (i = 0; i < e.phnum; i++) {
		xl_elf_phdr(&e, i, &ph);
		if (ph.type != PT_NOTE)
			continue;
		ret = xl_note_scan(&e, "segment", i, ph.offset, ph.filesz,
				   &budget, &s, err, errsize);
		if (ret)
			return ret;
	}
	in_segments = s.found;
	/* Sections only if no segment had it: as Xen's libelf does. */
	for (i = 0; !in_segments && i < e.shnum; i++) {
		xl_elf_shdr(&e, i, &sh);
		if (sh.type != SHT_NOTE)
			continue;
		ret = xl_note_scan(&e, "section", i, sh.offset, sh.size,
				   &budget, &s, err, errsize);
		if (ret)
			return ret;
	}
	if (!s.found)
		return -ENOENT;
	*n = s.note;
	return 0;
}
