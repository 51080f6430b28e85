/* SPDX-License-Identifier: GPL-2.0 */
/* Dom0's domain control (core/domctl.c) and what it needs from arch. */
#ifndef HV_DOMCTL_H
#define HV_DOMCTL_H

#include <hv/domain.h>
#include <xenlate/dom0ctl.h>

extern struct domain_table hv_domains;

void domctl_init(void);
long do_domctl(u64 cmd, u64 gpa, u64 len);

/* core/domctl_ext.c, called by do_domctl() under its lock. */
long dom_bvt_get(struct xl_ctl_bvt_dom *req);
long dom_bvt_set(struct xl_ctl_bvt_dom *req);
long bvt_global_get(struct xl_ctl_bvt_global *req);
long bvt_global_set(struct xl_ctl_bvt_global *req);
long dom_vcpu_list(struct xl_ctl_vcpu_list *req);
long dom_force_shutdown(struct xl_ctl_dom_shutdown *req);
/* core/store.c */
long dom_store(struct xl_ctl_dom_store *req);
/* The guest notified its console port: take what it wrote. */
void store_console_kick(struct domain *d);

/* arch/x86/domain.c */
void arch_domain_setup(u32 paging_levels);
int arch_domain_create(struct domain *d);
/* Back @gfn with Dom0's frame @pfn (checked, scrubbed). */
int arch_domain_take(struct domain *d, u64 gfn, u64 pfn);
/* Give back up to @budget frames; *all_done once none is left. */
u64 arch_domain_release(struct domain *d, u64 budget, bool *all_done);
void arch_domain_free(struct domain *d);
/*
 * Dom0 TLB generations: bump after frames leave Dom0 (returns the new
 * one); synced once every CPU has flushed Dom0's TLB since.
 */
u64 arch_dom0_tlb_bump(void);
bool arch_dom0_tlb_synced(u64 gen);
/* A pointer to @len bytes at @gpa within one page of @d, or NULL. */
void *arch_domain_gpa_ptr(struct domain *d, u64 gpa, u64 len);

#endif
