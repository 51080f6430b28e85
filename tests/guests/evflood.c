// SPDX-License-Identifier: GPL-2.0
/*
 * evflood: EVTCHNOP_send as fast as possible on a loopback channel (two
 * ports of this domain bound to each other), with upcalls let in now
 * and then.  Hostile load on the send path and the upcall injection;
 * the hypervisor and Dom0 must stay responsive.
 *
 * cmdline: seconds=N (10), upcall=0 (keep the ports polled only).
 */
#include "guest.h"
#include "cpu.h"
#include "hypercall.h"

static evtchn_port_t rx_port;
static volatile unsigned long received;

static void on_event(evtchn_port_t port)
{
	if (port == rx_port)
		received++;
}

int guest_main(const struct hvm_start_info *si)
{
	struct evtchn_alloc_unbound a = {
		.dom = DOMID_SELF,
		.remote_dom = DOMID_SELF,
	};
	struct evtchn_bind_interdomain b = { .remote_dom = DOMID_SELF };
	unsigned long seconds = cmdline_ulong("seconds", 10);
	bool upcalls = cmdline_ulong("upcall", 1);
	unsigned long sends = 0, errors = 0;
	uint64_t hz = tsc_hz(), start, now;
	long ret, first_err = 0;

	(void)si;
	ret = evtchn_init(on_event);
	if (ret)
		printf("evflood: no shared_info (%ld): sending only\n", ret);

	ret = HYPERVISOR_event_channel_op(EVTCHNOP_alloc_unbound, &a);
	if (ret)
		fail("EVTCHNOP_alloc_unbound to self: %ld", ret);
	b.remote_port = a.port;
	ret = HYPERVISOR_event_channel_op(EVTCHNOP_bind_interdomain, &b);
	if (ret)
		fail("EVTCHNOP_bind_interdomain to self port %u: %ld", a.port,
		     ret);
	rx_port = b.local_port;
	evtchn_unmask(rx_port);
	printf("evflood: port %u -> port %u for %lu s, upcalls %s\n",
	       a.port, rx_port, seconds, upcalls ? "on" : "off");

	start = rdtsc();
	do {
		ret = evtchn_send(a.port);
		if (ret && !errors++)
			first_err = ret;
		sends++;
		if (!(sends & 1023)) {
			/* sti; nop; cli: an interrupt window of one insn */
			if (upcalls)
				asm volatile("sti; nop; cli" ::: "memory");
			else
				evtchn_scan();
		}
		now = rdtsc();
	} while (now - start < seconds * hz);

	printf("evflood: %lu sends in %lu ms (%lu/s), %lu errors, "
	       "%lu received, %lu upcalls\n", sends,
	       (unsigned long)((now - start) * 1000 / hz),
	       (unsigned long)(sends * hz / (now - start)), errors, received,
	       upcall_count);
	if (errors == sends)
		fail("every EVTCHNOP_send failed, first with %ld", first_err);
	return 0;
}
