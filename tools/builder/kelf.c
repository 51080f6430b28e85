// SPDX-License-Identifier: GPL-2.0
/*
 * ELF file header and header tables (see kelf.h).  Fields are read with
 * offsetof() on <elf.h>'s structures, so both classes share one reader
 * and no offset is typed by hand.
 */
#include <elf.h>
#include <errno.h>
#include <string.h>

#include "bld_util.h"
#include "kelf.h"

#define EHDR(e, f)	((e)->is64 ? XL_RD_FIELD((e)->p, Elf64_Ehdr, f) : \
				     XL_RD_FIELD((e)->p, Elf32_Ehdr, f))

static int xl_elf_ident(const uint8_t *p, size_t len, char *err,
			size_t errsize)
{
	if (len < EI_NIDENT || memcmp(p, ELFMAG, SELFMAG))
		return xl_bld_err(err, errsize, -ENOEXEC, "not an ELF file");
	if (p[EI_CLASS] != ELFCLASS64 && p[EI_CLASS] != ELFCLASS32)
		return xl_bld_err(err, errsize, -ENOEXEC,
				  "ELF class %u unsupported", p[EI_CLASS]);
	/* x86 only: a big-endian file is not a kernel we can boot. */
	if (p[EI_DATA] != ELFDATA2LSB)
		return xl_bld_err(err, errsize, -ENOEXEC,
				  "ELF byte order %u unsupported (need little-endian)",
				  p[EI_DATA]);
	if (p[EI_VERSION] != EV_CURRENT)
		return xl_bld_err(err, errsize, -EINVAL,
				  "ELF identification version %u invalid",
				  p[EI_VERSION]);
	return 0;
}

/* Is the table of @num entries of @entsize (== @want) at @off in the file? */
static int xl_elf_table(const struct xl_elf *e, const char *what,
			uint64_t off, unsigned int num, uint64_t entsize,
			size_t want, char *err, size_t errsize)
{
	if (entsize != want)
		return xl_bld_err(err, errsize, -EINVAL,
				  "ELF %s entry size %llu, expected %zu", what,
				  (unsigned long long)entsize, want);
	/* num <= 0xffff and entsize < 0x10000: the product cannot wrap. */
	if (!xl_in_bounds(off, num * entsize, e->len))
		return xl_bld_err(err, errsize, -EINVAL,
				  "ELF %s table (%u entries at offset %#llx) beyond end of file (%zu bytes)",
				  what, num, (unsigned long long)off, e->len);
	return 0;
}

int xl_elf_open(struct xl_elf *e, const void *p, size_t len, char *err,
		size_t errsize)
{
	size_t ehsize, phsize, shsize;
	uint64_t shnum;
	int ret;

	memset(e, 0, sizeof(*e));
	ret = xl_elf_ident(p, len, err, errsize);
	if (ret)
		return ret;
	e->p = p;
	e->len = len;
	e->is64 = e->p[EI_CLASS] == ELFCLASS64;
	ehsize = e->is64 ? sizeof(Elf64_Ehdr) : sizeof(Elf32_Ehdr);
	phsize = e->is64 ? sizeof(Elf64_Phdr) : sizeof(Elf32_Phdr);
	shsize = e->is64 ? sizeof(Elf64_Shdr) : sizeof(Elf32_Shdr);
	if (len < ehsize)
		return xl_bld_err(err, errsize, -EINVAL,
				  "ELF header truncated (%zu of %zu bytes)",
				  len, ehsize);
	if (EHDR(e, e_ehsize) != ehsize)
		return xl_bld_err(err, errsize, -EINVAL,
				  "ELF header size %llu, expected %zu",
				  (unsigned long long)EHDR(e, e_ehsize),
				  ehsize);
	if (EHDR(e, e_version) != EV_CURRENT)
		return xl_bld_err(err, errsize, -EINVAL,
				  "ELF version %llu invalid",
				  (unsigned long long)EHDR(e, e_version));
	e->type = (uint16_t)EHDR(e, e_type);
	e->machine = (uint16_t)EHDR(e, e_machine);
	e->entry = EHDR(e, e_entry);

	e->phoff = EHDR(e, e_phoff);
	e->phnum = (uint16_t)EHDR(e, e_phnum);
	/* PN_XNUM moves the count to section 0: no kernel needs that. */
	if (e->phnum == PN_XNUM)
		return xl_bld_err(err, errsize, -EOPNOTSUPP,
				  "ELF extended program header numbering unsupported");
	if (e->phnum) {
		ret = xl_elf_table(e, "program header", e->phoff, e->phnum,
				   EHDR(e, e_phentsize), phsize, err, errsize);
		if (ret)
			return ret;
	}

	e->shoff = EHDR(e, e_shoff);
	shnum = EHDR(e, e_shnum);
	if (!e->shoff) {
		if (shnum)
			return xl_bld_err(err, errsize, -EINVAL,
					  "ELF has %llu sections but no section header table",
					  (unsigned long long)shnum);
		return 0;
	}
	/* e_shnum 0 with a table: the count is in section 0 (>= 0xff00). */
	if (!shnum)
		return xl_bld_err(err, errsize, -EOPNOTSUPP,
				  "ELF extended section numbering unsupported");
	e->shnum = (uint16_t)shnum;
	return xl_elf_table(e, "section header", e->shoff, e->shnum,
			    EHDR(e, e_shentsize), shsize, err, errsize);
}

void xl_elf_phdr(const struct xl_elf *e, unsigned int i,
		 struct xl_elf_phdr *ph)
{
	const uint8_t *b;

	if (e->is64) {
		b = e->p + e->phoff + (uint64_t)i * sizeof(Elf64_Phdr);
#define F(f)	XL_RD_FIELD(b, Elf64_Phdr, f)
		ph->type = (uint32_t)F(p_type);
		ph->flags = (uint32_t)F(p_flags);
		ph->offset = F(p_offset);
		ph->vaddr = F(p_vaddr);
		ph->paddr = F(p_paddr);
		ph->filesz = F(p_filesz);
		ph->memsz = F(p_memsz);
		ph->align = F(p_align);
#undef F
	} else {
		b = e->p + e->phoff + (uint64_t)i * sizeof(Elf32_Phdr);
#define F(f)	XL_RD_FIELD(b, Elf32_Phdr, f)
		ph->type = (uint32_t)F(p_type);
		ph->flags = (uint32_t)F(p_flags);
		ph->offset = F(p_offset);
		ph->vaddr = F(p_vaddr);
		ph->paddr = F(p_paddr);
		ph->filesz = F(p_filesz);
		ph->memsz = F(p_memsz);
		ph->align = F(p_align);
#undef F
	}
}

void xl_elf_shdr(const struct xl_elf *e, unsigned int i,
		 struct xl_elf_shdr *sh)
{
	const uint8_t *b;

	if (e->is64) {
		b = e->p + e->shoff + (uint64_t)i * sizeof(Elf64_Shdr);
#define F(f)	XL_RD_FIELD(b, Elf64_Shdr, f)
		sh->type = (uint32_t)F(sh_type);
		sh->flags = F(sh_flags);
		sh->addr = F(sh_addr);
		sh->offset = F(sh_offset);
		sh->size = F(sh_size);
		sh->addralign = F(sh_addralign);
#undef F
	} else {
		b = e->p + e->shoff + (uint64_t)i * sizeof(Elf32_Shdr);
#define F(f)	XL_RD_FIELD(b, Elf32_Shdr, f)
		sh->type = (uint32_t)F(sh_type);
		sh->flags = F(sh_flags);
		sh->addr = F(sh_addr);
		sh->offset = F(sh_offset);
		sh->size = F(sh_size);
		sh->addralign = F(sh_addralign);
#undef F
	}
}
