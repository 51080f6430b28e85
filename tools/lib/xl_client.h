/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Client library for the xenlate control plane (the "xenlate" generic
 * netlink family of xenlate_dom0.ko).  Shared by the xenlate CLI and
 * xentop: it never prints, it returns errors that xl_strerror() and
 * xl_errmsg() turn into one-line messages.
 *
 * Every function returning int returns 0 (or a count) on success and a
 * negative error on failure: either a negative errno (from the kernel or
 * the C library) or a negative XL_ERR_* code below.
 */
#ifndef XL_CLIENT_H
#define XL_CLIENT_H

#include <stddef.h>
#include <stdint.h>

/* Above every errno, so the two never collide. */
enum xl_err {
	XL_ERR_NOT_LOADED = 4096,	/* no "xenlate" family: not loaded */
	XL_ERR_PROTO,			/* malformed or unexpected reply */
	XL_ERR_NETLINK,			/* libnl failed: xl_detail() */
	XL_ERR_TOOBIG,			/* reply larger than the buffer */
};

struct xl_client;

/* Open a socket and resolve the family; *out is NULL on failure. */
int xl_open(struct xl_client **out);
void xl_close(struct xl_client *c);

/* The message for @err, without a program name or newline. */
const char *xl_strerror(int err);

/*
 * What the kernel (its extended ack) or libnl said about the last failed
 * call on @c, or "" when it said nothing.  Valid until the next call.
 */
const char *xl_detail(const struct xl_client *c);

/*
 * xl_strerror(@err) followed by xl_detail(@c) when that adds anything,
 * in @buf.  @c may be NULL.  Returns @buf.
 */
const char *xl_errmsg(const struct xl_client *c, int err, char *buf,
		      size_t size);

#define XL_INFO_CPU_WORDS	4	/* 256 CPUs, as struct xl_ctl_info */
/*
 * enum xl_dom0_exit_kind's XL_DOM0_EXIT_KINDS (dom0ctl.h, which users of
 * this header need not reach; xl_info.c checks that the two agree).
 */
#define XL_INFO_EXIT_KINDS	10

struct xl_info {
	char version[24];		/* "major.minor" */
	char build[64];
	uint32_t cpus_possible;
	uint32_t cpus_launched;
	uint64_t cpu_mask[XL_INFO_CPU_WORDS];	/* bit n: Linux CPU n */
	uint64_t mem_total;		/* bytes of hypervisor memory */
	uint64_t mem_free;		/* bytes */
	uint64_t uptime_ns;		/* since load */
	uint64_t tsc_khz;
	uint64_t dom0_exits;		/* all CPUs, since load */
	/*
	 * Dom0's own exits by enum xl_dom0_exit_kind, since load; zeros
	 * from a kernel that does not send them.
	 */
	uint64_t dom0_exit_kinds[XL_INFO_EXIT_KINDS];
};

int xl_info(struct xl_client *c, struct xl_info *info);

/*
 * A buffer this large always holds one XL_CMD_DMESG reply (the module
 * sends at most 8 KiB per reply).
 */
#define XL_DMESG_BUF_SIZE	16384

struct xl_dmesg_chunk {
	size_t len;		/* bytes of log text placed in the buffer */
	uint64_t next_seq;	/* ask for this next */
	uint64_t dropped;	/* bytes overwritten before this chunk */
};

/*
 * Read the hypervisor's log from byte @seq into @buf.  A chunk with len 0
 * means the reader has caught up.  -XL_ERR_TOOBIG if the kernel sent more
 * than @size bytes.
 */
int xl_dmesg_read(struct xl_client *c, uint64_t seq, void *buf, size_t size,
		  struct xl_dmesg_chunk *out);

/* Guest domains (XL_CMD_DOMAIN_*). */
struct xl_domain {
	uint32_t domid;
	char name[64];
	uint32_t state;			/* enum xl_dom_state (dom0ctl.h) */
	uint32_t shutdown_reason;	/* SHUTDOWN_* (xen/sched.h) */
	uint32_t vcpus;
	uint64_t mem_kb;
	uint64_t maxmem_kb;
	uint64_t target_kb;		/* balloon target (mem-set) */
	uint64_t cpu_ns;
	uint64_t hypercalls;
	uint64_t evtchn_sends;
	uint64_t age_ns;
};

/* A domain with @mem_kb of Dom0's memory (at most @maxmem_kb later). */
int xl_domain_create(struct xl_client *c, const char *name, uint32_t vcpus,
		     uint64_t mem_kb, uint64_t maxmem_kb, uint32_t *domid);
int xl_domain_destroy(struct xl_client *c, uint32_t domid);
/* The builder: copy into a domain's memory before it first runs. */
int xl_domain_write(struct xl_client *c, uint32_t domid, uint64_t gpa,
		    const void *data, size_t len);
/* Up to @max guests in id order; returns how many, or an error. */
int xl_domain_list(struct xl_client *c, struct xl_domain *out, size_t max);

/*
 * Start a built domain's vCPU 0 at the PVH @entry with ebx = @start_info
 * (guest-physical hvm_start_info); @paused leaves it paused.  Its vCPUs
 * run only on the CPUs of @cpu_mask (bit N: CPU N; 0: any), -EINVAL if
 * none of them is under the hypervisor.  After this, xl_domain_write()
 * is refused.
 */
int xl_domain_start(struct xl_client *c, uint32_t domid, uint32_t entry,
		    uint64_t start_info, int paused, uint64_t cpu_mask);
int xl_domain_pause(struct xl_client *c, uint32_t domid);
int xl_domain_unpause(struct xl_client *c, uint32_t domid);

/*
 * Shut a running or paused guest down with @reason (SHUTDOWN_poweroff,
 * _reboot or _crash from xen/sched.h), as if it had asked to.  Forced:
 * there is no way yet to ask the guest; on_* apply afterwards.
 */
int xl_domain_shutdown(struct xl_client *c, uint32_t domid, uint32_t reason);

/* A domain's BVT parameters (domid 0 is Dom0); see xl_ctl_bvt_dom. */
struct xl_bvt_dom {
	uint32_t mcu_advance;	/* 1..XL_BVT_ADVANCE_MAX; share ~ 1/this */
	uint32_t warp_enabled;	/* 0 or 1 */
	uint64_t warp;		/* weighted MCUs */
	uint64_t warp_limit_ns;	/* 0: no limit */
	uint64_t unwarp_req_ns;
};

/* Which fields of struct xl_bvt_dom xl_sched_bvt_set() changes. */
enum {
	XL_BVT_SET_MCU_ADVANCE = 1 << 0,
	XL_BVT_SET_WARP_ENABLED = 1 << 1,
	XL_BVT_SET_WARP = 1 << 2,
	XL_BVT_SET_WARP_LIMIT = 1 << 3,
	XL_BVT_SET_UNWARP_REQ = 1 << 4,
};

int xl_sched_bvt_get(struct xl_client *c, uint32_t domid,
		     struct xl_bvt_dom *out);
/*
 * Change the fields of @in that @mask names (the others keep their
 * values); *@out, if not NULL, gets the values now in force.
 */
int xl_sched_bvt_set(struct xl_client *c, uint32_t domid, unsigned int mask,
		     const struct xl_bvt_dom *in, struct xl_bvt_dom *out);

/* The scheduler's global parameters. */
struct xl_bvt_global {
	uint64_t mcu_ns;
	uint64_t ctx_allow_ns;
};

enum {
	XL_BVT_SET_MCU = 1 << 0,
	XL_BVT_SET_CTX_ALLOW = 1 << 1,
};

int xl_sched_bvt_global_get(struct xl_client *c, struct xl_bvt_global *out);
int xl_sched_bvt_global_set(struct xl_client *c, unsigned int mask,
			    const struct xl_bvt_global *in,
			    struct xl_bvt_global *out);

struct xl_vcpu {
	uint32_t vcpu;
	uint32_t cpu;		/* physical CPU (Linux's number) */
	uint32_t state;		/* enum xl_vcpu_state (dom0ctl.h) */
	uint64_t cpu_ns;
};

/* Up to @max vCPUs of @domid (0: Dom0); returns how many, or an error. */
int xl_vcpu_list(struct xl_client *c, uint32_t domid, struct xl_vcpu *out,
		 size_t max);

/*
 * xl's "b" state: every vCPU of @v[0..@nr) that is up waits for an event
 * (and at least one is up).
 */
int xl_vcpus_blocked(const struct xl_vcpu *v, int nr);

/* A buffer this large always holds one console chunk, as for dmesg. */
#define XL_CONSOLE_BUF_SIZE	XL_DMESG_BUF_SIZE

/*
 * Read domain @domid's console output from byte @seq into @buf.  Returns
 * the number of bytes placed (0: caught up) with *@next the byte to ask
 * for next and *@dropped the bytes overwritten before this chunk, or a
 * negative error (-XL_ERR_TOOBIG if the chunk exceeds @size).
 */
int xl_domain_console_read(struct xl_client *c, uint32_t domid, uint64_t seq,
			   void *buf, size_t size, uint64_t *next,
			   uint64_t *dropped);

/*
 * Xenstore rings (XL_CMD_STORE_*), for the xenstore daemon.  Setup: guest
 * frame at @gpa becomes domain @domid's store ring, *@port its store
 * port, and the frame at @console_gpa its console ring with
 * *@console_port (only while the domain is being built).  Read: request bytes the guest
 * queued, at most @size: how many.  Write: 1 .. XL_STORE_CHUNK bytes
 * onto the response ring: how many fitted.  Pending: ids of the guests
 * that notified since the last call: how many.  -EIO: the guest broke
 * its ring.
 */
#define XL_STORE_CHUNK		4096	/* XL_STORE_IO_MAX */
int xl_store_setup(struct xl_client *c, uint32_t domid, uint64_t gpa,
		   uint64_t console_gpa, uint32_t *port,
		   uint32_t *console_port);
int xl_store_read(struct xl_client *c, uint32_t domid, void *buf,
		  size_t size);
int xl_store_write(struct xl_client *c, uint32_t domid, const void *buf,
		   size_t len);
int xl_store_pending(struct xl_client *c, uint32_t *ids, size_t max);
/*
 * Console input: 1 .. XL_STORE_CHUNK bytes onto the input side of the
 * domain's console ring; how many fit (0: the guest has not read what
 * is there yet), or an error.
 */
int xl_console_write(struct xl_client *c, uint32_t domid, const void *buf,
		     size_t len);

#endif
