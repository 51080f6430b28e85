/* SPDX-License-Identifier: GPL-2.0 */
/* The hypervisor image (hv/), embedded in the module as data. */
	.section .rodata, "a"
	.balign 4096
	.globl xenlate_hv_blob, xenlate_hv_blob_end
xenlate_hv_blob:
	.incbin HV_BIN
xenlate_hv_blob_end:
	.section .note.GNU-stack, "", @progbits
