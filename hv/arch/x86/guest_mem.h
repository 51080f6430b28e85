/* SPDX-License-Identifier: GPL-2.0 */
/* Reading a guest's memory by virtual address, through its page tables. */
#ifndef X86_GUEST_MEM_H
#define X86_GUEST_MEM_H

#include "cpu.h"

/*
 * Translate @gva with the guest's current paging mode (64-bit, 4 or 5
 * levels).  Returns 0 and the guest-physical address, or -EFAULT when not
 * mapped or when a table is not guest RAM.
 */
int guest_virt_to_phys(struct hv_cpu *c, u64 gva, u64 *gpa);
/* Copy @len bytes from guest virtual @gva; 0 or -EFAULT. */
int guest_read_virt(struct hv_cpu *c, u64 gva, void *dst, size_t len);
/* The instruction at the guest's RIP: its length and kind (insn.h). */
int guest_insn_len(struct hv_cpu *c, int *op);

#endif
