// SPDX-License-Identifier: GPL-2.0
/*
 * The image's entry point, called by the loader in Linux's context
 * (include/xenlate/boot.h describes the contract).
 */
#include <hv/mm.h>
#include <hv/log.h>
#include <hv/lib.h>
#include <hv/errno.h>
#include <xenlate/boot.h>
#include <xenlate/dom0ctl.h>
#include <hv/dom0.h>
#include <hv/domctl.h>
#include <hv/xen_guest.h>

int arch_init(const struct xl_boot_info *bi);
long arch_launch_cpu(u32 index, u64 resume_rsp, u64 resume_rip);

extern const char hv_header[], __hv_image_end[];

/* Our own copy: the loader's may go away after init. */
static struct xl_boot_info boot_info;
u16 hv_boot_flags;

static long hv_init(const struct xl_boot_info *bi)
{
	u64 image = (u64)__hv_image_end - (u64)hv_header;
	int rc;

	memcpy(&boot_info, bi, sizeof(boot_info));
	bi = &boot_info;
	if (bi->abi != XL_BOOT_ABI || !bi->nr_chunks ||
	    bi->nr_chunks > XL_MAX_CHUNKS || bi->nr_ranges > XL_MAX_RANGES ||
	    (bi->paging_levels != 4 && bi->paging_levels != 5) ||
	    !bi->nr_cpus || image > XL_CHUNK_SIZE)
		return -EINVAL;
	hv_boot_flags = bi->flags;
	mem_init(&hv_mem, bi->image_va, bi->chunk_pa, bi->nr_chunks, image);
	rc = arch_init(bi);
	if (rc)
		return rc;
	domctl_init();
	arch_domain_setup(bi->paging_levels);
	xen_time_init(bi->load_wallclock_ns);
	hv_log("xenlate %u.%u: %u MiB, %u CPUs possible, %llu KiB used at init",
	       XL_VERSION_MAJOR, XL_VERSION_MINOR,
	       (u32)(hv_mem.nr_pages * PAGE_SIZE >> 20), bi->nr_cpus,
	       (unsigned long long)((hv_mem.nr_pages - hv_mem.nr_free) *
				    PAGE_SIZE >> 10));
	return 0;
}

long hv_entry(u64 op, void *arg, u64 resume_rsp, u64 resume_rip)
{
	switch (op) {
	case XL_OP_INIT:
		return hv_init(arg);
	case XL_OP_LAUNCH:
		return arch_launch_cpu((u32)(u64)arg, resume_rsp, resume_rip);
	}
	return -EINVAL;
}
