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
	char build[64];
};

struct xl_ctl_log {
	uint64_t seq;		/* in: first byte wanted; out: next byte */
	uint64_t buf;		/* guest-physical address of the buffer */
	uint64_t len;		/* in: buffer size; out: bytes copied */
	uint64_t dropped;	/* out: bytes lost before seq (overwritten) */
};

#endif
