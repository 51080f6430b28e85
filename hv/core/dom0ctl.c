// SPDX-License-Identifier: GPL-2.0
/*
 * Dom0's control hypercall: information, the log, and leaving the
 * hypervisor.  Arguments are guest-physical addresses in Dom0 and are
 * checked page by page by copy_to_dom0()/copy_from_dom0().
 */
#include <hv/hypercall.h>
#include <hv/domctl.h>
#include <hv/dom0.h>
#include <hv/log.h>
#include <hv/mm.h>
#include <hv/lib.h>
#include <hv/errno.h>

#define LOG_CHUNK	1024

static long ctl_info(u64 gpa, u64 len)
{
	struct xl_ctl_info info;

	if (len != sizeof(info))
		return -EINVAL;
	memset(&info, 0, sizeof(info));
	info.version_major = XL_VERSION_MAJOR;
	info.version_minor = XL_VERSION_MINOR;
	info.mem_total = hv_mem.nr_pages * PAGE_SIZE;
	info.mem_free = hv_mem.nr_free * PAGE_SIZE;
	snprintf(info.build, sizeof(info.build), "xenlate %u.%u (%s)",
		 XL_VERSION_MAJOR, XL_VERSION_MINOR, __DATE__);
	arch_fill_info(&info);
	return copy_to_dom0(gpa, &info, sizeof(info));
}

static long ctl_log_read(u64 gpa, u64 len)
{
	struct xl_ctl_log req;
	char buf[LOG_CHUNK];
	u64 done = 0, dropped = 0;
	int rc;

	if (len != sizeof(req))
		return -EINVAL;
	rc = copy_from_dom0(&req, gpa, sizeof(req));
	if (rc)
		return rc;
	if (req.len > (1U << 20))
		return -E2BIG;
	while (done < req.len) {
		u64 d;
		size_t n = hv_log_read(&req.seq, buf,
				       MIN(sizeof(buf), req.len - done), &d);

		dropped += d;
		if (!n)
			break;
		rc = copy_to_dom0(req.buf + done, buf, n);
		if (rc)
			return rc;
		req.seq += n;
		done += n;
	}
	req.len = done;
	req.dropped = dropped;
	return copy_to_dom0(gpa, &req, sizeof(req));
}

long do_dom0ctl(u64 cmd, u64 gpa, u64 len)
{
	switch (cmd) {
	case XL_CTL_INFO:
		return ctl_info(gpa, len);
	case XL_CTL_LOG_READ:
		return ctl_log_read(gpa, len);
	case XL_CTL_DEVIRT:
		return arch_dom0_devirt();
	case XL_CTL_DOM_CREATE:
	case XL_CTL_DOM_POPULATE:
	case XL_CTL_DOM_DESTROY:
	case XL_CTL_DOM_LIST:
	case XL_CTL_DOM_WRITE:
	case XL_CTL_DOM_START:
	case XL_CTL_DOM_PAUSE:
	case XL_CTL_DOM_UNPAUSE:
	case XL_CTL_DOM_CONSOLE:
	case XL_CTL_BVT_DOM_GET:
	case XL_CTL_BVT_DOM_SET:
	case XL_CTL_BVT_GLOBAL_GET:
	case XL_CTL_BVT_GLOBAL_SET:
	case XL_CTL_VCPU_LIST:
	case XL_CTL_DOM_SHUTDOWN:
	case XL_CTL_DOM_BALLOON:
	case XL_CTL_DOM_STORE:
		return do_domctl(cmd, gpa, len);
	case XL_CTL_SYNC:
		return 0;	/* the exit itself did the work */
	case XL_CTL_DEBUG_CRASH:
		if (!(hv_boot_flags & XL_BOOT_DEBUG))
			return -EPERM;
		hv_log("dom0: crashing this CPU on request (debug=1)");
		arch_debug_crash();
		return -EIO;	/* not reached */
	}
	return -EINVAL;
}
