// SPDX-License-Identifier: GPL-2.0
/*
 * triple: a triple fault.  int3 through an IDT of limit 0 raises #GP,
 * which cannot be delivered either: #DF, then shutdown.  The hypervisor
 * must turn that into the domain's crash, not the machine's reset.
 */
#include "guest.h"

int guest_main(const struct hvm_start_info *si)
{
	struct {
		uint16_t limit;
		uint64_t base;
	} __attribute__((packed)) empty = { 0, 0 };

	(void)si;
	printf("triple: empty IDT, then int3: expect a triple fault\n");
	asm volatile("lidt %0; int3" : : "m"(empty) : "memory");
	fail("still running after a triple fault");
}
