/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A checked view of an ELF file held in memory, 32- or 64-bit, little
 * endian.  xl_elf_open() validates the file header and that the program
 * and section header tables lie inside the file; after that the tables'
 * entries can be read without further bounds checks (their contents,
 * offsets and sizes pointing elsewhere, are still unchecked).
 */
#ifndef XL_KELF_H
#define XL_KELF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct xl_elf {
	const uint8_t *p;
	size_t len;
	bool is64;
	uint16_t type;		/* e_type: ET_EXEC, ... */
	uint16_t machine;	/* e_machine: EM_X86_64, EM_386, ... */
	uint64_t entry;		/* e_entry (not the PVH entry) */
	uint64_t phoff;
	uint16_t phnum;		/* 0 when there is no program header table */
	uint64_t shoff;
	uint16_t shnum;		/* 0 when there is no section header table */
};

/* One program header, either class, widened. */
struct xl_elf_phdr {
	uint32_t type;
	uint32_t flags;
	uint64_t offset;
	uint64_t vaddr;
	uint64_t paddr;
	uint64_t filesz;
	uint64_t memsz;
	uint64_t align;
};

/* One section header, the fields the builder needs, widened. */
struct xl_elf_shdr {
	uint32_t type;
	uint64_t flags;
	uint64_t addr;
	uint64_t offset;
	uint64_t size;
	uint64_t addralign;
};

/*
 * Check @len bytes at @p as an ELF file and fill @e.  Returns 0,
 * -ENOEXEC (not ELF, or a class/byte order we do not read), -EINVAL
 * (malformed) or -EOPNOTSUPP (extended numbering: PN_XNUM, e_shnum 0),
 * with one line in @err.  @e points into @p, which must outlive it.
 */
int xl_elf_open(struct xl_elf *e, const void *p, size_t len, char *err,
		size_t errsize);

/* Program header @i (< e->phnum) and section header @i (< e->shnum). */
void xl_elf_phdr(const struct xl_elf *e, unsigned int i,
		 struct xl_elf_phdr *ph);
void xl_elf_shdr(const struct xl_elf *e, unsigned int i,
		 struct xl_elf_shdr *sh);

#endif
