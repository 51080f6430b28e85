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
	__XL_A_MAX,
};
#define XL_A_MAX (__XL_A_MAX - 1)

#endif
