/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The generic netlink control family between Dom0's kernel side
 * (dom0-adapter) and user space (the xenlate CLI, xentop).  Every command
 * needs CAP_NET_ADMIN.  Attributes are typed as noted; unknown attributes
 * are rejected.
 */
#ifndef XENLATE_GENL_H
#define XENLATE_GENL_H

#define XL_GENL_NAME		"xenlate"
#define XL_GENL_VERSION		1

enum xl_genl_cmd {
	XL_CMD_UNSPEC,
	XL_CMD_INFO,		/* reply: XL_A_INFO_* */
	XL_CMD_DMESG,		/* req: XL_A_LOG_SEQ (opt); reply: XL_A_LOG_* */
	/*
	 * req: XL_A_DOM_NAME, XL_A_DOM_VCPUS, XL_A_DOM_MEM_KB, XL_A_DOM_MAXMEM_KB
	 * (opt, default MEM); reply: XL_A_DOM_ID.  Memory comes out of Dom0.
	 */
	XL_CMD_DOMAIN_CREATE,
	XL_CMD_DOMAIN_DESTROY,	/* req: XL_A_DOM_ID */
	XL_CMD_DOMAIN_LIST,	/* reply: one nested XL_A_DOM per domain */
	/*
	 * The builder: req XL_A_DOM_ID, XL_A_DOM_GPA, XL_A_DOM_DATA (at most
	 * XL_DOM_WRITE_MAX bytes); only before the domain first runs.
	 */
	XL_CMD_DOMAIN_WRITE,
	/*
	 * req: XL_A_DOM_ID, XL_A_DOM_ENTRY, XL_A_DOM_START_INFO,
	 * XL_A_DOM_PAUSED (flag, opt), XL_A_DOM_CPU_MASK (opt, default
	 * any CPU): start vCPU 0 (xl_ctl_dom_start).
	 */
	XL_CMD_DOMAIN_START,
	XL_CMD_DOMAIN_PAUSE,	/* req: XL_A_DOM_ID */
	XL_CMD_DOMAIN_UNPAUSE,	/* req: XL_A_DOM_ID */
	/*
	 * req: XL_A_DOM_ID, XL_A_LOG_SEQ (opt); reply: XL_A_LOG_SEQ,
	 * XL_A_LOG_DATA, XL_A_LOG_DROPPED of the domain's console.
	 */
	XL_CMD_DOMAIN_CONSOLE,
	/*
	 * req: XL_A_DOM_ID (0 = Dom0); reply: XL_A_DOM_ID and every
	 * XL_A_BVT_* of a domain (MCU_ADVANCE .. UNWARP_REQ_NS).
	 */
	XL_CMD_SCHED_BVT_GET,
	/*
	 * req: XL_A_DOM_ID (0 = Dom0) and the domain's XL_A_BVT_* to change
	 * (at least one); the others keep their values.  Reply as _GET,
	 * with the values now in force.
	 */
	XL_CMD_SCHED_BVT_SET,
	/* reply: XL_A_BVT_MCU_NS, XL_A_BVT_CTX_ALLOW_NS */
	XL_CMD_SCHED_BVT_GLOBAL_GET,
	/* req: XL_A_BVT_MCU_NS and/or XL_A_BVT_CTX_ALLOW_NS; reply as _GET */
	XL_CMD_SCHED_BVT_GLOBAL_SET,
	/*
	 * req: XL_A_DOM_ID (0 = Dom0); reply: XL_A_DOM_ID and one nested
	 * XL_A_VCPU per vCPU, in id order.
	 */
	XL_CMD_VCPU_LIST,
	/*
	 * req: XL_A_DOM_ID, XL_A_DOM_SHUTDOWN_REASON (SHUTDOWN_poweroff,
	 * _reboot or _crash): shut the guest down as if it had asked to
	 * (xl_ctl_dom_shutdown in dom0ctl.h); reply: XL_A_DOM_ID.
	 */
	XL_CMD_DOMAIN_SHUTDOWN,
	/*
	 * req: XL_A_DOM_ID, XL_A_DOM_TARGET_KB: the memory the guest may
	 * hold (at most its maxmem; Dom0 must be able to give the rest).
	 * The guest is not told (no xenstore yet); it can populate up to
	 * it.  reply: XL_A_DOM_ID, XL_A_DOM_TARGET_KB, XL_A_DOM_MEM_KB,
	 * XL_A_DOM_MAXMEM_KB.
	 */
	XL_CMD_DOMAIN_MEM_SET,
	/*
	 * Xenstore, for Dom0's daemon (xl_ctl_dom_store in dom0ctl.h).
	 * SETUP req: XL_A_DOM_ID, XL_A_DOM_GPA and XL_A_STORE_CONSOLE_GPA
	 * (the store and console rings' page-aligned guest-physical
	 * addresses), only while building; reply: XL_A_DOM_ID,
	 * XL_A_STORE_PORT, XL_A_STORE_CONSOLE_PORT.
	 */
	XL_CMD_STORE_SETUP,
	/* req: XL_A_DOM_ID; reply: XL_A_DOM_ID, XL_A_DOM_DATA (maybe empty) */
	XL_CMD_STORE_READ,
	/*
	 * req: XL_A_DOM_ID, XL_A_DOM_DATA (1 .. XL_STORE_IO_MAX bytes);
	 * reply: XL_A_DOM_ID, XL_A_STORE_LEN (bytes that fit the ring).
	 */
	XL_CMD_STORE_WRITE,
	/* reply: XL_A_STORE_DOMIDS, the guests that notified since */
	XL_CMD_STORE_PENDING,
	/*
	 * Console input, as XL_CMD_STORE_WRITE but onto the input side of
	 * the domain's console ring.
	 */
	XL_CMD_CONSOLE_WRITE,
	__XL_CMD_MAX,
};
#define XL_CMD_MAX (__XL_CMD_MAX - 1)

enum xl_genl_attr {
	XL_A_UNSPEC,
	XL_A_INFO_VERSION,	/* string "major.minor" */
	XL_A_INFO_BUILD,	/* string */
	XL_A_INFO_CPUS_POSSIBLE,	/* u32 */
	XL_A_INFO_CPUS_LAUNCHED,	/* u32 */
	XL_A_INFO_CPU_MASK,	/* binary: u64 bitmap of CPUs under the hv */
	XL_A_INFO_MEM_TOTAL,	/* u64 bytes */
	XL_A_INFO_MEM_FREE,	/* u64 bytes */
	XL_A_INFO_UPTIME_NS,	/* u64 */
	XL_A_INFO_TSC_KHZ,	/* u64 */
	XL_A_INFO_DOM0_EXITS,	/* u64 */
	XL_A_LOG_SEQ,		/* u64: first byte wanted / next byte */
	XL_A_LOG_DATA,		/* binary: log text */
	XL_A_LOG_DROPPED,	/* u64: bytes overwritten before seq */
	XL_A_PAD,
	XL_A_DOM,		/* nested: the XL_A_DOM_* of one domain */
	XL_A_DOM_ID,		/* u32 */
	XL_A_DOM_NAME,		/* string, 1..63 bytes */
	XL_A_DOM_STATE,		/* u32: enum xl_dom_state (dom0ctl.h) */
	XL_A_DOM_SHUTDOWN_REASON,	/* u32: SHUTDOWN_* */
	XL_A_DOM_VCPUS,		/* u32 */
	XL_A_DOM_MEM_KB,	/* u64 */
	XL_A_DOM_MAXMEM_KB,	/* u64 */
	XL_A_DOM_CPU_NS,	/* u64 */
	XL_A_DOM_HYPERCALLS,	/* u64 */
	XL_A_DOM_EVTCHN_SENDS,	/* u64 */
	XL_A_DOM_AGE_NS,	/* u64: since creation */
	XL_A_DOM_GPA,		/* u64: guest-physical address */
	XL_A_DOM_DATA,		/* binary */
	XL_A_DOM_ENTRY,		/* u32: PVH 32-bit entry point */
	XL_A_DOM_START_INFO,	/* u64: guest-physical hvm_start_info */
	XL_A_DOM_PAUSED,	/* flag */
	/* BVT, as struct xl_ctl_bvt_dom and _global (dom0ctl.h). */
	XL_A_BVT_MCU_ADVANCE,	/* u32: 1 .. XL_BVT_ADVANCE_MAX */
	XL_A_BVT_WARP_ENABLED,	/* u32: 0 or 1 */
	XL_A_BVT_WARP,		/* u64: weighted MCUs, 0 .. XL_BVT_WARP_MAX */
	XL_A_BVT_WARP_LIMIT_NS,	/* u64: 0 (none) .. XL_BVT_WARP_TIME_MAX_NS */
	XL_A_BVT_UNWARP_REQ_NS,	/* u64: 0 .. XL_BVT_WARP_TIME_MAX_NS */
	XL_A_BVT_MCU_NS,	/* u64: XL_BVT_MCU_MIN_NS .. _MAX_NS */
	XL_A_BVT_CTX_ALLOW_NS,	/* u64: MCU_NS .. XL_BVT_CTX_ALLOW_MAX_NS */
	XL_A_VCPU,		/* nested: the XL_A_VCPU_* of one vCPU */
	XL_A_VCPU_ID,		/* u32: id within its domain */
	XL_A_VCPU_CPU,		/* u32: physical CPU (Linux's number) */
	XL_A_VCPU_STATE,	/* u32: enum xl_vcpu_state (dom0ctl.h) */
	XL_A_VCPU_CPU_NS,	/* u64: CPU time charged, ever */
	XL_A_DOM_TARGET_KB,	/* u64: balloon target (also in XL_A_DOM) */
	XL_A_DOM_CPU_MASK,	/* u64: hard affinity, bit N: CPU N; 0: any */
	XL_A_STORE_PORT,	/* u32: the guest's xenstore port */
	XL_A_STORE_LEN,		/* u32: bytes moved */
	XL_A_STORE_DOMIDS,	/* binary: u32 domain ids */
	XL_A_STORE_CONSOLE_GPA,	/* u64 */
	XL_A_STORE_CONSOLE_PORT,	/* u32 */
	/*
	 * binary: u64 per enum xl_dom0_exit_kind (dom0ctl.h), in its order.
	 * A reader takes the kinds it knows and ignores any beyond.
	 */
	XL_A_INFO_DOM0_EXIT_KINDS,
	__XL_A_MAX,
};
#define XL_A_MAX (__XL_A_MAX - 1)

/* Bytes per XL_CMD_DOMAIN_WRITE: well inside one netlink attribute. */
#define XL_DOM_WRITE_MAX	32768

#endif
