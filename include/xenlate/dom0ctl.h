/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Dom0's private control hypercall.  Dom0 is not a Xen guest: it talks to
 * the hypervisor through one hypercall number outside Xen's range, with a
 * command in rdi and the guest-physical address and length of an argument
 * block in rsi and rdx.  Only Dom0 at CPL 0 may use it.
 */
#ifndef XENLATE_DOM0CTL_H
#define XENLATE_DOM0CTL_H

#include "types.h"

#define XL_HYPERCALL_DOM0CTL	0x1000

#define XL_VERSION_MAJOR	0
#define XL_VERSION_MINOR	1

/* CPUID leaves Dom0 sees: base returns this signature and max leaf. */
#define XL_CPUID_BASE		0x40000000
#define XL_CPUID_SIGNATURE	"XenlateHV\0\0\0"
/* base+1: eax = version (major << 16 | minor), ebx = hv CPU index. */

enum xl_ctl_cmd {
	XL_CTL_INFO = 1,	/* arg: struct xl_ctl_info, filled */
	XL_CTL_LOG_READ = 2,	/* arg: struct xl_ctl_log */
	XL_CTL_DEVIRT = 3,	/* leave guest mode on this CPU; no arg */
	/*
	 * Fault inside the hypervisor on this CPU, to test the panic path:
	 * the CPU prints the panic and halts.  Only when loaded with
	 * debug=1; -EPERM otherwise.  No arg.
	 */
	XL_CTL_DEBUG_CRASH = 4,
	XL_CTL_DOM_CREATE = 5,	/* arg: struct xl_ctl_dom_create */
	XL_CTL_DOM_POPULATE = 6,	/* arg: struct xl_ctl_dom_populate */
	XL_CTL_DOM_DESTROY = 7,	/* arg: struct xl_ctl_dom_destroy */
	XL_CTL_DOM_LIST = 8,	/* arg: struct xl_ctl_dom_list */
	XL_CTL_DOM_WRITE = 9,	/* arg: struct xl_ctl_dom_write */
	XL_CTL_DOM_START = 10,	/* arg: struct xl_ctl_dom_start */
	XL_CTL_DOM_PAUSE = 11,	/* arg: struct xl_ctl_dom_id */
	XL_CTL_DOM_UNPAUSE = 12,	/* arg: struct xl_ctl_dom_id */
	XL_CTL_DOM_CONSOLE = 13,	/* arg: struct xl_ctl_dom_console */
	/*
	 * No arg: an exit on this CPU, so that it catches up with domain
	 * changes (guest mode on or off, Dom0 TLB flushed after frames left
	 * it).  Dom0 calls it on every CPU after creating or destroying a
	 * domain, and when XL_CTL_DOM_START says -EAGAIN.
	 */
	XL_CTL_SYNC = 14,
	XL_CTL_BVT_DOM_GET = 15,	/* arg: struct xl_ctl_bvt_dom */
	XL_CTL_BVT_DOM_SET = 16,	/* arg: struct xl_ctl_bvt_dom */
	XL_CTL_BVT_GLOBAL_GET = 17,	/* arg: struct xl_ctl_bvt_global */
	XL_CTL_BVT_GLOBAL_SET = 18,	/* arg: struct xl_ctl_bvt_global */
	XL_CTL_VCPU_LIST = 19,	/* arg: struct xl_ctl_vcpu_list */
	XL_CTL_DOM_SHUTDOWN = 20,	/* arg: struct xl_ctl_dom_shutdown */
	XL_CTL_DOM_BALLOON = 21,	/* arg: struct xl_ctl_dom_balloon */
	XL_CTL_DOM_STORE = 22,	/* arg: struct xl_ctl_dom_store */
};

/* A new guest domain, with no memory and its vCPUs not started. */
struct xl_ctl_dom_create {
	uint32_t nr_vcpus;	/* 1 .. 64 */
	uint32_t domid;		/* out */
	uint64_t max_pages;	/* the most frames it may ever own */
};

/*
 * Give the domain Dom0's frames frames[0..nr) at guest frames first_gfn
 * onwards.  Each frame leaves Dom0 (it must be Dom0's RAM, not already
 * given) and is zeroed.  At most XL_POPULATE_MAX per call; done says how
 * many were taken before an error, so the caller knows which to keep.
 */
#define XL_POPULATE_MAX		512
struct xl_ctl_dom_populate {
	uint32_t domid;
	uint32_t pad;
	uint64_t first_gfn;
	uint64_t nr;
	uint64_t frames;	/* guest-physical address of uint64_t[nr] */
	uint64_t done;		/* out */
};

/*
 * The domain builder: copy len bytes from Dom0's buffer src (guest-
 * physical in Dom0) to guest-physical address gpa of the domain.  Only
 * while the domain has never run; afterwards Dom0 reaches a guest's
 * memory only through what the guest grants (decision 6).
 */
#define XL_WRITE_MAX		65536
struct xl_ctl_dom_write {
	uint32_t domid;
	uint32_t pad;
	uint64_t gpa;
	uint64_t src;
	uint64_t len;		/* 1 .. XL_WRITE_MAX */
};

/*
 * Start a built domain as the PVH boot ABI says: vCPU 0 enters at entry
 * (XEN_ELFNOTE_PHYS32_ENTRY) in 32-bit protected mode, paging off, flat
 * segments, ebx = start_info (guest-physical address of hvm_start_info).
 * Only from XL_DOM_BUILDING; afterwards the builder can no longer write.
 * paused != 0 leaves it paused (xenlate create -p).
 */
struct xl_ctl_dom_start {
	uint32_t domid;
	uint32_t entry;
	uint64_t start_info;
	uint32_t paused;
	uint32_t pad;
	/*
	 * Hard affinity of every vCPU: bit N for CPU N (Linux's numbers);
	 * 0 or all-ones: any CPU.  -EINVAL if no CPU under the hypervisor
	 * is in it.
	 */
	uint64_t cpu_mask;
};

/* Commands that only name a domain (pause, unpause). */
struct xl_ctl_dom_id {
	uint32_t domid;
	uint32_t pad;
};

/*
 * A domain's console output (console_io writes), a ring like the
 * hypervisor log: bytes from seq on.
 */
struct xl_ctl_dom_console {
	uint32_t domid;
	uint32_t pad;
	uint64_t seq;		/* in: first byte wanted; out: next byte */
	uint64_t buf;		/* guest-physical address of the buffer */
	uint64_t len;		/* in: buffer size; out: bytes copied */
	uint64_t dropped;	/* out: bytes lost before seq (overwritten) */
};

/* Stop the domain and give every frame back to Dom0, zeroed. */
struct xl_ctl_dom_destroy {
	uint32_t domid;
	uint32_t pad;
	uint64_t returned;	/* out: frames given back */
};

enum xl_dom_state {
	XL_DOM_BUILDING = 0,
	XL_DOM_RUNNING = 1,
	XL_DOM_PAUSED = 2,
	XL_DOM_SHUTDOWN = 3,
	XL_DOM_DYING = 4,
};

struct xl_dom_info {
	uint32_t domid;
	uint32_t state;		/* enum xl_dom_state */
	uint32_t shutdown_reason;	/* SHUTDOWN_* (xen/sched.h) */
	uint32_t nr_vcpus;
	uint64_t nr_pages;
	uint64_t max_pages;
	uint64_t cpu_ns;
	uint64_t hypercalls;
	uint64_t evtchn_sends;
	uint64_t age_ns;	/* since creation */
};

/* Domains with domid >= from, in id order, at most max of them. */
struct xl_ctl_dom_list {
	uint32_t from;
	uint32_t max;
	uint64_t buf;		/* guest-physical address of xl_dom_info[max] */
	uint32_t nr;		/* out */
	uint32_t pad;
};

/*
 * BVT scheduling (DESIGN decision 7; hv/include/hv/sched_bvt.h has the
 * algorithm).  The limits are the scheduler's: values outside them are
 * refused with -EINVAL, as is a global ctx_allow_ns below mcu_ns.
 */
#define XL_BVT_ADVANCE_MAX	10000
#define XL_BVT_WARP_MAX		(1ULL << 40)
#define XL_BVT_WARP_TIME_MAX_NS	(3600ULL * 1000000000ULL)
#define XL_BVT_MCU_MIN_NS	10000ULL		/* 10 us */
#define XL_BVT_MCU_MAX_NS	100000000ULL		/* 100 ms */
#define XL_BVT_CTX_ALLOW_MAX_NS	1000000000ULL		/* 1 s */

/*
 * One domain's BVT parameters; domid 0 is Dom0.  _GET fills the rest,
 * _SET replaces all of them at once (read, change, write back).
 */
struct xl_ctl_bvt_dom {
	uint32_t domid;
	/*
	 * Virtual time charged per MCU run, 1 .. XL_BVT_ADVANCE_MAX: CPU
	 * shares are proportional to 1 / mcu_advance (4:2:1 -> 1:2:4).
	 */
	uint32_t mcu_advance;
	uint32_t warp_enabled;	/* 0 or 1: warp while runnable */
	uint32_t pad;
	/*
	 * Warp in weighted MCUs, 0 .. XL_BVT_WARP_MAX: a warped vCPU
	 * competes as if it had run warp / mcu_advance MCUs less.
	 */
	uint64_t warp;
	/* Longest warped run, 0 (no limit) .. XL_BVT_WARP_TIME_MAX_NS. */
	uint64_t warp_limit_ns;
	/* After the limit, unwarped this long; 0 .. XL_BVT_WARP_TIME_MAX_NS. */
	uint64_t unwarp_req_ns;
};

/* The scheduler's global parameters; _SET replaces both. */
struct xl_ctl_bvt_global {
	/* Minimum charging unit, XL_BVT_MCU_MIN_NS .. XL_BVT_MCU_MAX_NS. */
	uint64_t mcu_ns;
	/*
	 * Context-switch allowance: a newly dispatched vCPU keeps the CPU
	 * at least this long; mcu_ns .. XL_BVT_CTX_ALLOW_MAX_NS.
	 */
	uint64_t ctx_allow_ns;
};

enum xl_vcpu_state {
	XL_VCPU_RUNNING = 0,	/* on a physical CPU right now */
	/* Up and not blocked: waits for a CPU (or its domain is paused). */
	XL_VCPU_RUNNABLE = 1,
	XL_VCPU_BLOCKED = 2,	/* waits for an event or its timer */
	XL_VCPU_DOWN = 3,	/* never brought up, or halted for good */
};

struct xl_vcpu_info {
	uint32_t vcpu;		/* id within its domain */
	uint32_t cpu;		/* physical CPU (Linux's number) it is on */
	uint32_t state;		/* enum xl_vcpu_state */
	uint32_t pad;
	uint64_t cpu_ns;	/* CPU time it has been charged, ever */
};

/*
 * The vCPUs of domain domid (0: Dom0, one per CPU under the hypervisor)
 * in id order, at most max of them.  The states are a snapshot.
 */
struct xl_ctl_vcpu_list {
	uint32_t domid;
	uint32_t max;
	uint64_t buf;		/* guest-physical address of xl_vcpu_info[max] */
	uint32_t nr;		/* out */
	uint32_t pad;
};

/*
 * Stop a running or paused guest as if it had asked to (SCHEDOP_shutdown)
 * with reason SHUTDOWN_poweroff, _reboot or _crash (xen/sched.h): its
 * vCPUs stop, the domain keeps its memory in XL_DOM_SHUTDOWN, and Dom0's
 * tools apply on_poweroff / on_reboot / on_crash.  There is no way yet to
 * ask the guest to shut itself down (no xenstore): this is the forced
 * form.  -EPERM before it started, -EBUSY once it is shut down.
 */
struct xl_ctl_dom_shutdown {
	uint32_t domid;
	uint32_t reason;
};

/*
 * Ballooning (DESIGN decision 5).  Dom0 is the only source of memory: it
 * sets a guest's target, hands the hypervisor spare frames ahead of the
 * guest's XENMEM_populate_physmap, and takes back the frames the guest
 * gave up with XENMEM_decrease_reservation.  One call does, in order:
 *
 *  1. with XL_BALLOON_SET_TARGET, target becomes the domain's target in
 *     pages (-EINVAL above max_pages; nothing else changed then).  The
 *     guest cannot be told (no xenstore yet); the target only bounds
 *     what it may populate;
 *  2. spare frames beyond what the guest may still take (target lowered)
 *     go back to Dom0: listed in back[] like 3;
 *  3. frames the guest gave up go back to Dom0, scrubbed, mapped in
 *     Dom0's tables again: their numbers are put in back[0..back_nr)
 *     (at most XL_BALLOON_BATCH); Dom0 may free those pages now.
 *     Frames whose TLB flush is not yet done everywhere stay queued
 *     (pending): XL_CTL_SYNC on every CPU, then call again;
 *  4. give[0..give_nr) (Dom0's frames, checked as for POPULATE) leave
 *     Dom0 for the spare pool, as long as nr_pages + spare stays within
 *     the target and the pool within XL_BALLOON_SPARE_MAX; given says
 *     how many were taken (the rest are still Dom0's).  An unacceptable
 *     frame stops there with its error.  Dom0 calls XL_CTL_SYNC on
 *     every CPU afterwards: the guest uses a spare frame only once
 *     every CPU has flushed Dom0's TLB.
 *
 * A domain's first call with XL_BALLOON_SET_TARGET sets it up; before
 * that its target is what it has and it cannot populate.  Destroy gives
 * the spare and the queued frames back with the rest.
 */
#define XL_BALLOON_BATCH	512	/* frames per call, each way */
#define XL_BALLOON_SPARE_MAX	1024	/* spare frames per domain */
#define XL_BALLOON_RING_SIZE	2048	/* given up, not yet collected */
#define XL_BALLOON_SET_TARGET	1
struct xl_ctl_dom_balloon {
	uint32_t domid;
	uint32_t flags;		/* XL_BALLOON_SET_TARGET */
	uint64_t target;	/* in with the flag; out: the target */
	uint64_t give;		/* guest-physical address of uint64_t[give_nr] */
	uint64_t give_nr;	/* 0 .. XL_BALLOON_BATCH */
	uint64_t given;		/* out: give[0..given) are the pool's now */
	/* guest-physical address of uint64_t[XL_BALLOON_BATCH], or 0 */
	uint64_t back;
	uint64_t back_nr;	/* out: frames in back[] */
	uint64_t pending;	/* out: given up, still queued */
	uint64_t nr_pages;	/* out: frames the guest has */
	uint64_t max_pages;	/* out */
	uint64_t spare;		/* out: frames in the spare pool */
};

/*
 * Xenstore (docs/domains-plan.md).  Dom0 never maps a guest's store
 * page (decision 6): the hypervisor moves the bytes of its ring
 * (struct xenstore_domain_interface, xen/io/xs_wire.h) and Dom0's
 * daemon interprets them.
 *
 * XL_STORE_SETUP: while the domain is being built, guest frame gfn (one
 *   of its own, not RAM in its memory map) becomes its store ring, and a
 *   port bound to Dom0 is made in it: port (out).  The guest reads both
 *   with HVM_PARAM_STORE_PFN / _EVTCHN.  Likewise console_gfn becomes
 *   its console ring (struct xencons_interface), console_port (out) its
 *   port (HVM_PARAM_CONSOLE_*): the hypervisor drains what the guest
 *   writes there into the console Dom0 reads (XL_CTL_DOM_CONSOLE), as
 *   console_io does.  Once per domain (-EEXIST).
 * XL_STORE_READ: up to len bytes of requests the guest queued, copied
 *   to buf; len (out) says how many.  Space freed: the guest is
 *   notified.
 * XL_STORE_WRITE: up to len bytes from buf onto the response ring, as
 *   many as fit; len (out) says how many; the guest is notified.
 * XL_STORE_PENDING: the domains that notified their store port since
 *   the last call, as uint32_t ids into buf (len entries at most; out:
 *   how many).  Each is reported once per notification batch.  domid is
 *   ignored.
 * XL_STORE_CONSOLE_IN: up to len bytes from buf onto the input side of
 *   the console ring (what `xenlate console` types), as many as fit; len
 *   (out) says how many; the guest is notified on its console port.
 *
 * READ and WRITE return -EIO when the guest's ring indices are
 * impossible (more queued than the ring holds): the guest broke its own
 * ring, and its connection is dead.  -ENOENT when it has no store, or
 * the ring's frame is not the guest's any more.
 */
#define XL_STORE_IO_MAX		4096	/* bytes per READ / WRITE */
#define XL_STORE_PENDING_MAX	256	/* ids per PENDING */
enum xl_store_op {
	XL_STORE_SETUP = 1,
	XL_STORE_READ = 2,
	XL_STORE_WRITE = 3,
	XL_STORE_PENDING = 4,
	XL_STORE_CONSOLE_IN = 5,
};

struct xl_ctl_dom_store {
	uint32_t domid;
	uint32_t op;		/* enum xl_store_op */
	uint64_t gfn;		/* SETUP */
	uint64_t buf;		/* guest-physical address in Dom0 */
	uint64_t len;		/* in: room; out: bytes or ids moved */
	uint32_t port;		/* SETUP, out: the guest's port */
	uint32_t console_port;	/* SETUP, out */
	uint64_t console_gfn;	/* SETUP */
};

/*
 * Dom0's #VMEXITs by cause, in XL_CTL_INFO: a benchmark tells from them
 * what a setting costs Dom0, which the total (dom0_exits, that also has
 * the exits of guest vCPUs) cannot.  The netlink attribute carries them
 * in this order and the CLI names them: new kinds go last, before
 * XL_DOM0_EXIT_KINDS.
 */
enum xl_dom0_exit_kind {
	/* INTR, VINTR and HLT are intercepted only while guests exist. */
	XL_DOM0_EXIT_INTR,	/* a host interrupt */
	XL_DOM0_EXIT_VINTR,	/* Dom0 can take an interrupt we hold */
	XL_DOM0_EXIT_HLT,
	XL_DOM0_EXIT_CPUID,
	XL_DOM0_EXIT_MSR,
	XL_DOM0_EXIT_VMMCALL,
	/* A trapped write to an APIC or IOAPIC page, emulated or refused. */
	XL_DOM0_EXIT_APIC,
	XL_DOM0_EXIT_NPF,	/* every other nested page fault */
	XL_DOM0_EXIT_IOIO,
	XL_DOM0_EXIT_OTHER,	/* the rest: SVM instructions refused */
	XL_DOM0_EXIT_KINDS
};

struct xl_ctl_info {
	uint32_t version_major;
	uint32_t version_minor;
	uint32_t nr_cpus_possible;
	uint32_t nr_cpus_launched;
	uint64_t cpus_launched[4];	/* bitmap of Linux CPU numbers */
	uint64_t mem_total;		/* bytes of hypervisor memory */
	uint64_t mem_free;
	uint64_t uptime_ns;
	uint64_t tsc_khz;
	uint64_t dom0_exits;		/* all CPUs, since load */
	/*
	 * Dom0's own exits by kind, all CPUs, since load.  Exits that only
	 * put back a Dom0 state the VMRUN lost are in none of them.
	 */
	uint64_t dom0_exit_kinds[XL_DOM0_EXIT_KINDS];
	char build[64];
};

struct xl_ctl_log {
	uint64_t seq;		/* in: first byte wanted; out: next byte */
	uint64_t buf;		/* guest-physical address of the buffer */
	uint64_t len;		/* in: buffer size; out: bytes copied */
	uint64_t dropped;	/* out: bytes lost before seq (overwritten) */
};

#endif
