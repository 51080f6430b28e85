/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Copying to and from a guest vCPU's virtual addresses, through its own
 * page tables and its domain's nested page tables.  Every table entry is
 * the guest's and hostile: anything outside the guest's memory, or not
 * present, or read-only for a write, is -EFAULT.  Only the vCPU loaded on
 * the calling CPU (the one that made the hypercall) may be used.
 */
#ifndef HV_GUEST_ACCESS_H
#define HV_GUEST_ACCESS_H

#include <hv/types.h>

struct vcpu;

int copy_from_guest(struct vcpu *v, void *dst, u64 gva, u64 len);
int copy_to_guest(struct vcpu *v, u64 gva, const void *src, u64 len);

#endif
