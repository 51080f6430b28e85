// SPDX-License-Identifier: GPL-2.0
/*
 * evtping: event-channel ping-pong between two domains, the cheapest
 * inter-domain control transfer, with its round-trip cost in cycles.
 *
 *   role=server peer=DOMID		prints "port=P" and echoes events
 *   role=client peer=DOMID port=P	sends, waits for the echo, count times
 *   count=N (1000)			round trips
 *   wait=block|poll|spin		SCHEDOP_block + upcall (default),
 *					SCHEDOP_poll, or busy polling
 */
#include "guest.h"
#include "cpu.h"
#include "hypercall.h"

static evtchn_port_t local_port;
static volatile unsigned long received;
static enum { WAIT_BLOCK, WAIT_POLL, WAIT_SPIN } wait_mode;

static void on_event(evtchn_port_t port)
{
	if (port == local_port)
		received++;
}

static void wait_event(unsigned long old)
{
	struct sched_poll p = { .nr_ports = 1, .timeout = 0 };
	long ret;

	switch (wait_mode) {
	case WAIT_BLOCK:
		evtchn_wait_change(&received, old);
		break;
	case WAIT_POLL:
		set_xen_guest_handle(p.ports, &local_port);
		while (evtchn_scan(), received == old) {
			ret = HYPERVISOR_sched_op(SCHEDOP_poll, &p);
			if (ret)
				fail("SCHEDOP_poll: %ld", ret);
		}
		break;
	case WAIT_SPIN:
		while (evtchn_scan(), received == old)
			cpu_relax();
		break;
	}
}

static void server(domid_t peer, unsigned long count)
{
	struct evtchn_alloc_unbound a = {
		.dom = DOMID_SELF,
		.remote_dom = peer,
	};
	unsigned long served;
	long ret;

	ret = HYPERVISOR_event_channel_op(EVTCHNOP_alloc_unbound, &a);
	if (ret)
		fail("EVTCHNOP_alloc_unbound for dom %u: %ld", peer, ret);
	local_port = a.port;
	evtchn_unmask(local_port);
	printf("evtping: server for dom %u, %lu round trips\n", peer, count);
	/* on a line of its own: the scenario passes it to the client */
	printf("port=%u\n", local_port);

	for (served = 0; served < count; served++) {
		wait_event(served);
		ret = evtchn_send(local_port);
		if (ret)
			fail("EVTCHNOP_send on port %u: %ld", local_port, ret);
	}
	printf("evtping: served %lu round trips\n", served);
}

static void client(domid_t peer, evtchn_port_t port, unsigned long count)
{
	struct evtchn_bind_interdomain b = {
		.remote_dom = peer,
		.remote_port = port,
	};
	uint64_t t, sum = 0, min = ~0ULL, max = 0, hz;
	unsigned long i;
	long ret;

	ret = HYPERVISOR_event_channel_op(EVTCHNOP_bind_interdomain, &b);
	if (ret)
		fail("EVTCHNOP_bind_interdomain dom %u port %u: %ld", peer,
		     port, ret);
	local_port = b.local_port;
	evtchn_unmask(local_port);
	printf("evtping: client port %u -> dom %u port %u\n", local_port,
	       peer, port);

	for (i = 0; i < count; i++) {
		t = rdtsc();
		ret = evtchn_send(local_port);
		if (ret)
			fail("EVTCHNOP_send on port %u: %ld", local_port, ret);
		wait_event(i);
		t = rdtsc() - t;
		sum += t;
		if (t < min)
			min = t;
		if (t > max)
			max = t;
	}
	hz = tsc_hz();
	printf("evtping: %lu round trips, mean %lu cycles (min %lu max %lu), "
	       "mean %lu ns\n", count, (unsigned long)(sum / count),
	       (unsigned long)min, (unsigned long)max,
	       (unsigned long)(sum / count * 1000000000ULL / hz));
}

int guest_main(const struct hvm_start_info *si)
{
	const char *role = cmdline_get("role");
	const char *wait = cmdline_get("wait");
	unsigned long count = cmdline_ulong("count", 1000);
	domid_t peer = cmdline_ulong("peer", 0);
	long ret;

	(void)si;
	if (!count)
		count = 1;
	if (!wait || !strcmp(wait, "block"))
		wait_mode = WAIT_BLOCK;
	else if (!strcmp(wait, "poll"))
		wait_mode = WAIT_POLL;
	else if (!strcmp(wait, "spin"))
		wait_mode = WAIT_SPIN;
	else
		fail("wait=%s: use block, poll or spin", wait);

	ret = evtchn_init(on_event);
	if (ret)
		fail("no shared_info (%ld)", ret);
	if (role && !strcmp(role, "server"))
		server(peer, count);
	else if (role && !strcmp(role, "client") && cmdline_get("port"))
		client(peer, cmdline_ulong("port", 0), count);
	else
		fail("need role=server peer=D, or role=client peer=D port=P");
	return 0;
}
