// SPDX-License-Identifier: GPL-2.0
/*
 * xen_version: who the guest runs on.  We answer as Xen 4.17 (the
 * interface our headers describe) with our own name in the extra
 * version, and the features a PVH guest needs.
 */
#include <hv/hypercall.h>
#include <hv/guest_access.h>
#include <hv/vcpu.h>
#include <hv/lib.h>
#include <hv/errno.h>
#include <xen/xen.h>
#include <xen/version.h>
#include <xen/features.h>

static long put(struct vcpu *v, u64 arg, const void *p, u64 len)
{
	return copy_to_guest(v, arg, p, len) ? -EFAULT : 0;
}

static u32 features(u32 submap)
{
	if (submap != 0)
		return 0;
	return BIT(XENFEAT_writable_page_tables) |
	       BIT(XENFEAT_auto_translated_physmap) |
	       BIT(XENFEAT_hvm_callback_vector) |
	       BIT(XENFEAT_hvm_safe_pvclock);
}

long xen_version_op(struct vcpu *v, u64 cmd, u64 arg)
{
	union {
		xen_extraversion_t extra;
		struct xen_compile_info ci;
		xen_capabilities_info_t caps;
		xen_changeset_info_t cs;
		struct xen_platform_parameters pp;
		struct xen_feature_info fi;
		xen_domain_handle_t handle;
	} u;

	memset(&u, 0, sizeof(u));
	switch (cmd) {
	case XENVER_version:
		return 4 << 16 | 17;
	case XENVER_extraversion:
		snprintf(u.extra, sizeof(u.extra), "%s", ".0-xenlate");
		return put(v, arg, &u.extra, sizeof(u.extra));
	case XENVER_compile_info:
		snprintf(u.ci.compiler, sizeof(u.ci.compiler), "%s", "gcc");
		snprintf(u.ci.compile_by, sizeof(u.ci.compile_by), "%s",
			 "xenlate");
		return put(v, arg, &u.ci, sizeof(u.ci));
	case XENVER_capabilities:
		snprintf(u.caps, sizeof(u.caps), "%s",
			 "hvm-3.0-x86_64 hvm-3.0-x86_32 hvm-3.0-x86_32p");
		return put(v, arg, &u.caps, sizeof(u.caps));
	case XENVER_changeset:
		snprintf(u.cs, sizeof(u.cs), "%s", "xenlate");
		return put(v, arg, &u.cs, sizeof(u.cs));
	case XENVER_platform_parameters:
		return put(v, arg, &u.pp, sizeof(u.pp));
	case XENVER_get_features:
		if (copy_from_guest(v, &u.fi, arg, sizeof(u.fi)))
			return -EFAULT;
		u.fi.submap = features(u.fi.submap_idx);
		return put(v, arg, &u.fi, sizeof(u.fi));
	case XENVER_pagesize:
		return PAGE_SIZE;
	case XENVER_guest_handle:
		return put(v, arg, &u.handle, sizeof(u.handle));
	case XENVER_commandline:
	case XENVER_build_id:
		return -EPERM;	/* Dom0's business, as in Xen */
	}
	return -ENOSYS;
}
