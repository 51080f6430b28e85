/* SPDX-License-Identifier: GPL-2.0 */
/* The hypervisor's own address space and Dom0's nested page tables. */
#ifndef X86_PAGING_H
#define X86_PAGING_H

#include "pgtable.h"
#include <xenlate/boot.h>

extern struct pt host_pt;
extern struct pt dom0_npt;
extern const struct pt_ops hv_pt_ops;

int paging_init(const struct xl_boot_info *bi);
int dom0_npt_init(const struct xl_boot_info *bi);
/* True when [pa, pa + len) lies in RAM that the direct map covers. */
bool phys_is_ram(u64 pa, u64 len);
/*
 * Dom0's guest-physical address to a host pointer, for @len bytes within
 * one page; NULL unless Dom0 may access it (mapped in its nested tables,
 * writable when @write) and it is RAM.
 */
void *dom0_gpa_ptr(u64 gpa, u64 len, bool write);

#endif
