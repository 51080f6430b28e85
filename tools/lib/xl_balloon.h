/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Ballooning (XL_CMD_DOMAIN_MEM_SET) in the client library: errors as in
 * xl_client.h.
 */
#ifndef XL_BALLOON_H
#define XL_BALLOON_H

#include <stdint.h>

struct xl_client;

struct xl_mem_set {
	uint64_t target_kb;	/* now in force */
	uint64_t mem_kb;	/* what the guest holds now */
	uint64_t maxmem_kb;
};

/*
 * Set domain @domid's balloon target to @target_kb (at most its maxmem).
 * The guest is not told (no xenstore yet); it may populate up to it.
 * *@out, if not NULL, gets the values after the change.
 */
int xl_domain_mem_set(struct xl_client *c, uint32_t domid, uint64_t target_kb,
		      struct xl_mem_set *out);

#endif
