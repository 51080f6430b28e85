/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Internal interfaces of xenlate_dom0.ko, Dom0's kernel side.
 */
#ifndef XENLATE_DOM0_H
#define XENLATE_DOM0_H

#include <linux/types.h>

struct sk_buff;
struct genl_info;
struct netlink_ext_ack;

/*
 * Largest log chunk one XL_CMD_DMESG reply carries.  8 KiB keeps the reply
 * skb an order-1 allocation and well below libnl's peek buffer, while
 * reading a typical log in a handful of round trips.
 */
#define XL_DOM0_LOG_CHUNK	8192

/* A guest's memory on Dom0's side (guest_mem.c). */
struct xl_guest_block {
	struct page *page;
	unsigned int order;
};

struct xl_guest_mem {
	struct xl_guest_block *block;
	u32 nr_blocks;
	u64 nr_pages;
};

/* Take @pages pages from Linux and give them to domain @domid. */
int xl_guest_mem_give(struct xl_guest_mem *m, u32 domid, u64 pages,
		      struct netlink_ext_ack *extack);
/* Back to Linux: only once the hypervisor returned them. */
void xl_guest_mem_free(struct xl_guest_mem *m);

#define XL_DOM_NAME_LEN		64

int xl_genl_domain_create(struct sk_buff *skb, struct genl_info *info);
int xl_genl_domain_destroy(struct sk_buff *skb, struct genl_info *info);
int xl_genl_domain_list(struct sk_buff *skb, struct genl_info *info);
int xl_genl_domain_write(struct sk_buff *skb, struct genl_info *info);
int xl_genl_domain_start(struct sk_buff *skb, struct genl_info *info);
int xl_genl_domain_pause(struct sk_buff *skb, struct genl_info *info);
int xl_genl_domain_unpause(struct sk_buff *skb, struct genl_info *info);
int xl_genl_domain_console(struct sk_buff *skb, struct genl_info *info);
int xl_genl_domain_shutdown(struct sk_buff *skb, struct genl_info *info);
int xl_genl_vcpu_list(struct sk_buff *skb, struct genl_info *info);

/* Xenstore rings for Dom0's daemon (store.c). */
int xl_genl_store_setup(struct sk_buff *skb, struct genl_info *info);
int xl_genl_store_read(struct sk_buff *skb, struct genl_info *info);
int xl_genl_store_write(struct sk_buff *skb, struct genl_info *info);
int xl_genl_store_pending(struct sk_buff *skb, struct genl_info *info);
int xl_genl_console_write(struct sk_buff *skb, struct genl_info *info);

/* BVT parameters (bvt.c). */
int xl_genl_sched_bvt_get(struct sk_buff *skb, struct genl_info *info);
int xl_genl_sched_bvt_set(struct sk_buff *skb, struct genl_info *info);
int xl_genl_sched_bvt_global_get(struct sk_buff *skb, struct genl_info *info);
int xl_genl_sched_bvt_global_set(struct sk_buff *skb, struct genl_info *info);

/* Is @domid one of the guests Dom0 created (domain.c)? */
bool xl_guest_exists(u32 domid);
/* Reply to @info with XL_A_DOM_ID @domid. */
int xl_reply_domid(struct genl_info *info, u32 domid);

int xl_genl_register(void);
void xl_genl_unregister(void);

void *xl_genl_reply_put(struct sk_buff *skb, struct genl_info *info);

int xl_genl_info(struct sk_buff *skb, struct genl_info *info);
int xl_genl_dmesg(struct sk_buff *skb, struct genl_info *info);
/* Reply with a chunk of a byte log (dmesg.c): the log and the consoles. */
int xl_log_reply(struct genl_info *info, u64 asked, u64 next, u64 len,
		 u64 dropped, const void *data);

void xl_hv_sync(void);
void xl_guests_destroy_all(void);
long xl_hv_call(unsigned int cmd, void *arg, size_t len,
		struct netlink_ext_ack *extack);

#endif
