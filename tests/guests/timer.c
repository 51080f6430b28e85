// SPDX-License-Identifier: GPL-2.0
/*
 * timer: the time services a PVH Linux guest relies on.  VIRQ_TIMER
 * through an event channel and the upcall vector, one-shot timers at
 * 1, 10 and 100 ms (never early; lateness reported), and pvclock time
 * that never goes backwards.
 *
 * cmdline: reads=N pvclock reads for the monotonicity check (1000000);
 * latency=N period=MS: then N one-shots MS apart (10), reporting the
 * mean and worst lateness (how promptly a sleeper gets its CPU back).
 */
#include "guest.h"
#include "cpu.h"
#include "hypercall.h"

static evtchn_port_t timer_port;
static volatile unsigned long timer_events;
static volatile uint64_t fired_ns;

static void on_event(evtchn_port_t port)
{
	if (port != timer_port)
		return;
	fired_ns = pvclock_ns(0);
	timer_events++;
}

/* Returns lateness in ns, negative if the timer fired early. */
static int64_t one_shot(uint64_t delay_ns)
{
	struct vcpu_set_singleshot_timer t;
	unsigned long before = timer_events;
	long ret;

	t.timeout_abs_ns = pvclock_ns(0) + delay_ns;
	t.flags = 0;
	ret = HYPERVISOR_vcpu_op(VCPUOP_set_singleshot_timer, 0, &t);
	if (ret)
		fail("VCPUOP_set_singleshot_timer +%lu ns: %ld",
		     (unsigned long)delay_ns, ret);
	evtchn_wait_change(&timer_events, before);
	return (int64_t)(fired_ns - t.timeout_abs_ns);
}

static bool pvclock_monotonic(unsigned long reads)
{
	uint64_t prev = pvclock_ns(0), now, step, max_step = 0, worst = 0;
	unsigned long i, back = 0;

	for (i = 0; i < reads; i++) {
		now = pvclock_ns(0);
		if (now < prev) {
			back++;
			if (prev - now > worst)
				worst = prev - now;
		} else {
			step = now - prev;
			if (step > max_step)
				max_step = step;
		}
		prev = now;
	}
	printf("timer: pvclock %lu reads: %lu backwards (worst %lu ns), "
	       "largest step %lu ns\n", reads, back, (unsigned long)worst,
	       (unsigned long)max_step);
	return !back;
}

/* @n one-shots @period_ms apart: print lateness; return how many early. */
static unsigned int latency(unsigned long n, unsigned long period_ms)
{
	uint64_t sum = 0, worst = 0;
	unsigned int early = 0;
	unsigned long i;

	for (i = 0; i < n; i++) {
		int64_t late = one_shot(period_ms * 1000000);

		if (late < 0) {
			early++;
			continue;
		}
		sum += (uint64_t)late;
		if ((uint64_t)late > worst)
			worst = (uint64_t)late;
	}
	if (n)
		printf("timer: latency n=%lu period=%lums mean=%lu us "
		       "max=%lu us early=%u\n", n, period_ms,
		       (unsigned long)(sum / n / 1000),
		       (unsigned long)(worst / 1000), early);
	return early;
}

int guest_main(const struct hvm_start_info *si)
{
	static const uint64_t delays_ms[] = { 1, 10, 100 };
	struct evtchn_bind_virq bind = { .virq = VIRQ_TIMER, .vcpu = 0 };
	volatile struct vcpu_time_info *vt;
	unsigned int i, early = 0;
	uint64_t t0;
	long ret;

	(void)si;
	ret = evtchn_init(on_event);
	if (ret)
		fail("no shared_info (%ld)", ret);
	vt = &shinfo->vcpu_info[0].time;
	printf("timer: pvclock version %u system_time %lu ns mul %u "
	       "shift %d (hypercalls: %s)\n", vt->version,
	       (unsigned long)vt->system_time, vt->tsc_to_system_mul,
	       vt->tsc_shift, hypercall_mode());
	if (!vt->version || !vt->tsc_to_system_mul)
		fail("pvclock not set up (version %u, mul %u)", vt->version,
		     vt->tsc_to_system_mul);

	/* Xen starts a 10 ms periodic VIRQ_TIMER; it would look early. */
	ret = HYPERVISOR_vcpu_op(VCPUOP_stop_periodic_timer, 0, NULL);
	if (ret)
		printf("timer: VCPUOP_stop_periodic_timer: %ld\n", ret);

	ret = HYPERVISOR_event_channel_op(EVTCHNOP_bind_virq, &bind);
	if (ret)
		fail("EVTCHNOP_bind_virq(VIRQ_TIMER): %ld", ret);
	timer_port = bind.port;
	evtchn_unmask(timer_port);
	printf("timer: VIRQ_TIMER on port %u\n", timer_port);

	for (i = 0; i < ARRAY_SIZE(delays_ms); i++) {
		int64_t late;

		t0 = pvclock_ns(0);
		late = one_shot(delays_ms[i] * 1000000);
		if (late < 0) {
			early++;
			printf("timer: +%lu ms fired %ld ns EARLY\n",
			       (unsigned long)delays_ms[i], (long)-late);
		} else {
			printf("timer: +%lu ms fired %ld us late "
			       "(waited %lu us)\n",
			       (unsigned long)delays_ms[i], (long)late / 1000,
			       (unsigned long)((fired_ns - t0) / 1000));
		}
	}
	printf("timer: %lu timer events, %lu upcalls\n", timer_events,
	       upcall_count);
	early += latency(cmdline_ulong("latency", 0),
			 cmdline_ulong("period", 10));

	if (!pvclock_monotonic(cmdline_ulong("reads", 1000000)))
		fail("pvclock went backwards");
	if (early)
		fail("%u of %u one-shot timers fired early", early,
		     (unsigned int)ARRAY_SIZE(delays_ms));
	return 0;
}
