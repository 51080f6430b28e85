/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The image header the loader reads (struct xl_image_header).  The sizes
 * and offsets are absolute symbols from hv.lds, so they need no relocation.
 */
#include <xenlate/boot.h>

	.section .head, "aw"
	.globl hv_header
hv_header:
	.quad	XL_IMAGE_MAGIC
	.long	XL_BOOT_ABI
	.long	80
	.quad	__hv_file_size
	.quad	__hv_mem_size
	.quad	__hv_rela_offset
	.quad	__hv_rela_size
	.quad	__hv_entry_offset
	.quad	__hv_text_start_abs
	.quad	__hv_text_size
	.section .note.GNU-stack, "", @progbits
