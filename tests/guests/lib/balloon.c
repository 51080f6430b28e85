// SPDX-License-Identifier: GPL-2.0
/*
 * The balloon driver's hypercalls, for the guests that give memory back
 * and take it again (balloon, xsclient): the reservation counters, and
 * XENMEM_decrease_reservation / XENMEM_populate_physmap of 4 KiB frames
 * the caller names.
 *
 * Neither call need do all it is asked (Xen's semantics: it returns how
 * many extents it did).  Populate takes frames from the spare pool Dom0
 * fills every ~250 ms (dom0-adapter/balloon.c), decrease puts them on a
 * ring Dom0 empties as often: when a call does nothing, yield and retry
 * for a while.
 */
#include "guest.h"
#include "cpu.h"
#include "hypercall.h"

/* Frames per call, as Linux's balloon driver. */
#define BALLOON_BATCH	512

long mem_reservation(int cmd)
{
	domid_t self = DOMID_SELF;

	return HYPERVISOR_memory_op(cmd, &self);
}

static long reservation_op(int cmd, xen_pfn_t *pfns, unsigned int n)
{
	struct xen_memory_reservation r = {
		.nr_extents = n,
		.extent_order = 0,
		.mem_flags = 0,
		.domid = DOMID_SELF,
	};

	set_xen_guest_handle(r.extent_start, pfns);
	return HYPERVISOR_memory_op(cmd, &r);
}

long balloon_frames(int cmd, xen_pfn_t *pfns, unsigned int n,
		    unsigned long wait_s, const char *who)
{
	bool populate = cmd == XENMEM_populate_physmap;
	uint64_t start = rdtsc_ordered(), limit = wait_s * tsc_hz();
	unsigned int done = 0, batch;
	bool said = false;
	long ret;

	while (done < n) {
		batch = n - done < BALLOON_BATCH ? n - done : BALLOON_BATCH;
		ret = reservation_op(cmd, &pfns[done], batch);
		if (ret < 0 || ret > (long)batch) {
			printf("%s: %s of %u frames: %ld\n", who,
			       populate ? "XENMEM_populate_physmap" :
			       "XENMEM_decrease_reservation", batch, ret);
			return ret < 0 ? ret : -XEN_EIO;
		}
		done += (unsigned int)ret;
		/* Progress: the next call may well do more at once. */
		if (ret)
			continue;
		if (rdtsc_ordered() - start > limit)
			break;
		if (!said)
			printf("%s: %u of %u pages %s, waiting for Dom0's %s\n",
			       who, done, n, populate ? "back" : "given",
			       populate ? "spare frames" : "collection");
		said = true;
		HYPERVISOR_sched_op(SCHEDOP_yield, NULL);
	}
	return done;
}
