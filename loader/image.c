// SPDX-License-Identifier: GPL-2.0
/*
 * Loading the embedded hypervisor image: check its header, copy it to the
 * start of the hypervisor's memory and apply its relocations for the
 * address it will run at (include/xenlate/boot.h).
 */
#define pr_fmt(fmt) "xenlate: " fmt

#include <linux/elf.h>
#include <linux/string.h>
#include <linux/mm.h>
#include "loader.h"

extern const u8 xenlate_hv_blob[], xenlate_hv_blob_end[];

int image_load(struct hv_memory *m, hv_entry_t *entry)
{
	const struct xl_image_header *h = (const void *)xenlate_hv_blob;
	size_t blob = xenlate_hv_blob_end - xenlate_hv_blob;
	const Elf64_Rela *r, *end;
	u8 *base = m->va;

	if (blob < sizeof(*h) || h->magic != XL_IMAGE_MAGIC ||
	    h->abi != XL_BOOT_ABI || h->file_size < blob ||
	    h->mem_size < h->file_size || h->mem_size > XL_CHUNK_SIZE ||
	    h->rela_offset + h->rela_size > blob ||
	    h->rela_size % sizeof(*r) || h->entry_offset >= blob ||
	    h->header_size < sizeof(*h) ||
	    !PAGE_ALIGNED(h->text_offset) || !PAGE_ALIGNED(h->text_size) ||
	    h->text_offset + h->text_size > blob ||
	    h->entry_offset < h->text_offset ||
	    h->entry_offset >= h->text_offset + h->text_size) {
		pr_err("embedded hypervisor image is corrupt\n");
		return -ENOEXEC;
	}
	memcpy(base, xenlate_hv_blob, blob);
	r = (const Elf64_Rela *)(base + h->rela_offset);
	end = (const Elf64_Rela *)(base + h->rela_offset + h->rela_size);
	for (; r < end; r++) {
		switch (ELF64_R_TYPE(r->r_info)) {
		case R_X86_64_NONE:
			break;
		case R_X86_64_RELATIVE:
			if (r->r_offset > h->file_size - sizeof(u64))
				return -ENOEXEC;
			*(u64 *)(base + r->r_offset) = (u64)base + r->r_addend;
			break;
		default:
			pr_err("hypervisor image has relocation type %llu\n",
			       ELF64_R_TYPE(r->r_info));
			return -ENOEXEC;
		}
	}
	/* Only now, with the relocations written, may the text run. */
	if (hvmem_protect_text(m, h->text_offset, h->text_size)) {
		pr_err("cannot make the hypervisor's code executable\n");
		return -EFAULT;
	}
	*entry = (hv_entry_t)(base + h->entry_offset);
	return 0;
}

/*
 * At unload: is the hypervisor's code still what we loaded?  Dom0 cannot
 * reach it (nested paging), so a difference means a broken isolation.
 */
bool image_intact(struct hv_memory *m)
{
	return !memcmp((u8 *)m->va + m->text_offset,
		       xenlate_hv_blob + m->text_offset, m->text_size);
}
