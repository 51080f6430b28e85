// SPDX-License-Identifier: GPL-2.0
/*
 * badcall: every hypercall number 0..63 and some huge ones, with
 * garbage: unknown sub-commands, pointers to unmapped or kernel-half
 * addresses, huge lengths, negative indices.  Each must come back with
 * an error; none may hang or hurt the hypervisor.  Then real
 * sub-commands with bad pointers, which reach the copy-from-guest code.
 * Passes if it survives; a call that succeeds is flagged "!" and counted.
 */
#include "guest.h"
#include "hypercall.h"

#define UNMAPPED	0x7f00000000ULL		/* no guest RAM there */
#define KERNELISH	0xffff800000000000ULL	/* kernel half */
#define NONCANON	0x8000000000000000ULL
#define HUGE_LEN	(1ULL << 40)

struct argset {
	uint64_t a[5];
};

/* First argument is the sub-command of most hypercalls: make it bogus. */
static const struct argset garbage[] = {
	{ { 0xdeadbeef, UNMAPPED, HUGE_LEN, (uint64_t)-1, KERNELISH } },
	{ { (uint64_t)-1, KERNELISH, (uint64_t)-1, UNMAPPED, HUGE_LEN } },
	{ { 0x7fffffff, NONCANON, 0x80000000, (uint64_t)-4096, 1 } },
};

static const uint64_t huge_nrs[] = {
	64, 127, 128, 255, 256, 1000, 0x7fffffff, 0xffffffff,
	0x100000000ULL, (uint64_t)-1,
};

/* Real sub-commands, bad buffers: each must fail cleanly (-EFAULT...). */
static const struct {
	const char *what;
	uint64_t nr;
	struct argset args;
} pointed[] = {
	{ "console_io write kernel ptr", __HYPERVISOR_console_io,
	  { { CONSOLEIO_write, 64, KERNELISH } } },
	{ "console_io write huge len", __HYPERVISOR_console_io,
	  { { CONSOLEIO_write, 0x10000000, UNMAPPED } } },
	{ "console_io write negative len", __HYPERVISOR_console_io,
	  { { CONSOLEIO_write, (uint64_t)-1, 0x100000 } } },
	{ "console_io read unmapped", __HYPERVISOR_console_io,
	  { { CONSOLEIO_read, 4096, UNMAPPED } } },
	{ "xen_version extraversion", __HYPERVISOR_xen_version,
	  { { XENVER_extraversion, UNMAPPED } } },
	{ "memory_op decrease unmapped", __HYPERVISOR_memory_op,
	  { { XENMEM_decrease_reservation, UNMAPPED } } },
	{ "memory_op populate kernel", __HYPERVISOR_memory_op,
	  { { XENMEM_populate_physmap, KERNELISH } } },
	{ "memory_op add_to_physmap", __HYPERVISOR_memory_op,
	  { { XENMEM_add_to_physmap, NONCANON } } },
	{ "memory_op current_reservation", __HYPERVISOR_memory_op,
	  { { XENMEM_current_reservation, UNMAPPED } } },
	{ "memory_op memory_map", __HYPERVISOR_memory_op,
	  { { XENMEM_memory_map, KERNELISH } } },
	{ "evtchn send unmapped", __HYPERVISOR_event_channel_op,
	  { { EVTCHNOP_send, UNMAPPED } } },
	{ "evtchn bind_virq kernel", __HYPERVISOR_event_channel_op,
	  { { EVTCHNOP_bind_virq, KERNELISH } } },
	{ "evtchn alloc_unbound", __HYPERVISOR_event_channel_op,
	  { { EVTCHNOP_alloc_unbound, NONCANON } } },
	{ "vcpu_op initialise vcpu -1", __HYPERVISOR_vcpu_op,
	  { { VCPUOP_initialise, 0xffffffff, UNMAPPED } } },
	{ "vcpu_op initialise vcpu 0 bad", __HYPERVISOR_vcpu_op,
	  { { VCPUOP_initialise, 0, KERNELISH } } },
	{ "vcpu_op up vcpu 100000", __HYPERVISOR_vcpu_op,
	  { { VCPUOP_up, 100000, 0 } } },
	{ "vcpu_op singleshot unmapped", __HYPERVISOR_vcpu_op,
	  { { VCPUOP_set_singleshot_timer, 0, UNMAPPED } } },
	{ "hvm_op set_param unmapped", __HYPERVISOR_hvm_op,
	  { { HVMOP_set_param, UNMAPPED } } },
	{ "hvm_op get_param kernel", __HYPERVISOR_hvm_op,
	  { { HVMOP_get_param, KERNELISH } } },
	{ "grant_table setup_table huge", __HYPERVISOR_grant_table_op,
	  { { GNTTABOP_setup_table, UNMAPPED, 0x7fffffff } } },
	{ "grant_table copy kernel", __HYPERVISOR_grant_table_op,
	  { { GNTTABOP_copy, KERNELISH, 1 } } },
	{ "sched_op shutdown unmapped", __HYPERVISOR_sched_op,
	  { { SCHEDOP_shutdown, UNMAPPED } } },
	{ "sched_op poll kernel", __HYPERVISOR_sched_op,
	  { { SCHEDOP_poll, KERNELISH } } },
	{ "sched_op remote_shutdown", __HYPERVISOR_sched_op,
	  { { SCHEDOP_remote_shutdown, UNMAPPED } } },
};

static unsigned int successes;

/* Errors are small negative numbers; anything else is worth a look. */
static const char *verdict(long ret)
{
	if (ret == -XEN_ENOSYS)
		return "-ENOSYS";
	if (ret < 0 && ret >= -4095)
		return "error";
	successes++;
	return "! not an error";
}

static long call(uint64_t nr, const struct argset *s)
{
	return hypercall(nr, s->a[0], s->a[1], s->a[2], s->a[3], s->a[4]);
}

int guest_main(const struct hvm_start_info *si)
{
	unsigned int i, k;
	uint64_t nr;
	long ret;

	(void)si;
	hypercall_quiet = true;
	printf("badcall: nr set -> result\n");
	for (nr = 0; nr < 64; nr++) {
		for (k = 0; k < ARRAY_SIZE(garbage); k++) {
			ret = call(nr, &garbage[k]);
			printf("badcall: %3lu %u -> %ld %s\n",
			       (unsigned long)nr, k, ret, verdict(ret));
		}
	}
	for (i = 0; i < ARRAY_SIZE(huge_nrs); i++) {
		/* past the hypercall page: always direct VMMCALL */
		nr = huge_nrs[i];
		ret = hypercall_direct(nr, garbage[0].a[0], garbage[0].a[1],
				       garbage[0].a[2], garbage[0].a[3],
				       garbage[0].a[4]);
		printf("badcall: %lx 0 -> %ld %s\n", (unsigned long)nr, ret,
		       verdict(ret));
	}
	for (i = 0; i < ARRAY_SIZE(pointed); i++) {
		ret = call(pointed[i].nr, &pointed[i].args);
		printf("badcall: %2lu %-32s -> %ld %s\n",
		       (unsigned long)pointed[i].nr, pointed[i].what, ret,
		       verdict(ret));
	}
	hypercall_quiet = false;
	printf("badcall: survived %u calls, %u did not return an error\n",
	       64 * (unsigned int)ARRAY_SIZE(garbage) +
	       (unsigned int)(ARRAY_SIZE(huge_nrs) + ARRAY_SIZE(pointed)),
	       successes);
	return 0;
}
