// SPDX-License-Identifier: GPL-2.0
/*
 * tools/xenlate/onaction.c: what a domain's monitor does when it sees
 * the domain, for every state, shutdown reason and on_* action, and the
 * restart limit.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include "unit.h"

#include <xen/xen.h>
#include <xen/sched.h>
#include <xenlate/dom0ctl.h>

#include "onaction.h"

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))
#define SEC		1000000000ULL

static const struct xl_restart_log none;

static struct xl_on_decision decide(enum xl_dom_action poweroff,
				    enum xl_dom_action reboot,
				    enum xl_dom_action crash, uint32_t state,
				    uint32_t reason)
{
	struct xl_on_policy p = { poweroff, reboot, crash };

	return xl_on_decide(&p, true, state, reason, &none, 100 * SEC);
}

/* Whatever the policy, nothing happens until the domain shuts down. */
static void test_not_shut_down(void **state)
{
	static const uint32_t states[] = {
		XL_DOM_BUILDING, XL_DOM_RUNNING, XL_DOM_PAUSED, XL_DOM_DYING,
	};
	struct xl_on_policy p = {
		XL_ACTION_RESTART, XL_ACTION_RESTART, XL_ACTION_RESTART,
	};

	for (size_t i = 0; i < ARRAY_SIZE(states); i++)
		for (uint32_t r = 0; r <= SHUTDOWN_MAX; r++) {
			struct xl_on_decision d = xl_on_decide(&p, true,
						states[i], r, &none, 0);

			if (d.step != XL_ON_WAIT)
				fail_fmt("state %u reason %u: step %d",
					 states[i], r, d.step);
		}
	(void)state;
}

static void test_gone(void **state)
{
	struct xl_on_policy p = {
		XL_ACTION_PRESERVE, XL_ACTION_RESTART, XL_ACTION_DESTROY,
	};
	struct xl_on_decision d = xl_on_decide(&p, false, XL_DOM_SHUTDOWN,
					       SHUTDOWN_reboot, &none, 0);

	assert_int_equal(d.step, XL_ON_GONE);
	(void)state;
}

/* Each reason picks its own action, never another's. */
static void test_reason_picks_action(void **state)
{
	struct xl_on_decision d;

	d = decide(XL_ACTION_DESTROY, XL_ACTION_RESTART, XL_ACTION_PRESERVE,
		   XL_DOM_SHUTDOWN, SHUTDOWN_poweroff);
	assert_int_equal(d.step, XL_ON_DESTROY);
	assert_string_equal(d.why, "poweroff");
	assert_null(d.note);

	d = decide(XL_ACTION_DESTROY, XL_ACTION_RESTART, XL_ACTION_PRESERVE,
		   XL_DOM_SHUTDOWN, SHUTDOWN_reboot);
	assert_int_equal(d.step, XL_ON_RESTART);
	assert_string_equal(d.why, "reboot");

	d = decide(XL_ACTION_DESTROY, XL_ACTION_RESTART, XL_ACTION_PRESERVE,
		   XL_DOM_SHUTDOWN, SHUTDOWN_crash);
	assert_int_equal(d.step, XL_ON_PRESERVE);
	assert_string_equal(d.why, "crash");

	d = decide(XL_ACTION_PRESERVE, XL_ACTION_DESTROY, XL_ACTION_RESTART,
		   XL_DOM_SHUTDOWN, SHUTDOWN_poweroff);
	assert_int_equal(d.step, XL_ON_PRESERVE);
	d = decide(XL_ACTION_PRESERVE, XL_ACTION_DESTROY, XL_ACTION_RESTART,
		   XL_DOM_SHUTDOWN, SHUTDOWN_reboot);
	assert_int_equal(d.step, XL_ON_DESTROY);
	d = decide(XL_ACTION_PRESERVE, XL_ACTION_DESTROY, XL_ACTION_RESTART,
		   XL_DOM_SHUTDOWN, SHUTDOWN_crash);
	assert_int_equal(d.step, XL_ON_RESTART);
	(void)state;
}

/* suspend, watchdog, soft_reset and garbage: as a crash, with a note. */
static void test_other_reasons(void **state)
{
	static const uint32_t reasons[] = {
		SHUTDOWN_suspend, SHUTDOWN_watchdog, SHUTDOWN_soft_reset, 99,
		UINT32_MAX,
	};

	for (size_t i = 0; i < ARRAY_SIZE(reasons); i++) {
		struct xl_on_decision d = decide(XL_ACTION_RESTART,
						 XL_ACTION_RESTART,
						 XL_ACTION_DESTROY,
						 XL_DOM_SHUTDOWN, reasons[i]);

		if (d.step != XL_ON_DESTROY || strcmp(d.why, "crash") ||
		    !d.note)
			fail_fmt("reason %u: step %d why %s", reasons[i],
				 d.step, d.why);
	}
	(void)state;
}

/* xl's actions without machinery here: what they fall back to. */
static void test_fallback_actions(void **state)
{
	static const struct {
		enum xl_dom_action a;
		enum xl_on_step step;
		const char *note;
	} cases[] = {
		{ XL_ACTION_DESTROY, XL_ON_DESTROY, NULL },
		{ XL_ACTION_RESTART, XL_ON_RESTART, NULL },
		{ XL_ACTION_PRESERVE, XL_ON_PRESERVE, NULL },
		{ XL_ACTION_COREDUMP_DESTROY, XL_ON_DESTROY, "coredump-destroy" },
		{ XL_ACTION_COREDUMP_RESTART, XL_ON_RESTART, "coredump-restart" },
		{ XL_ACTION_RENAME_RESTART, XL_ON_RESTART, "rename-restart" },
	};

	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		struct xl_on_decision d = decide(cases[i].a, cases[i].a,
						 cases[i].a, XL_DOM_SHUTDOWN,
						 SHUTDOWN_crash);

		if (d.step != cases[i].step)
			fail_fmt("action %d: step %d, expected %d", cases[i].a,
				 d.step, cases[i].step);
		if (!cases[i].note ? d.note != NULL :
		    !d.note || !strstr(d.note, cases[i].note))
			fail_fmt("action %d: note \"%s\"", cases[i].a,
				 d.note ? d.note : "(none)");
	}
	(void)state;
}

/* 10 restarts in a minute, then the domain is preserved. */
static void test_restart_limit(void **state)
{
	struct xl_on_policy p = {
		XL_ACTION_DESTROY, XL_ACTION_RESTART, XL_ACTION_DESTROY,
	};
	struct xl_restart_log log = { .nr = 0 };
	struct xl_on_decision d;
	uint64_t t = 1000 * SEC;

	for (int i = 0; i < XL_ON_RESTART_MAX; i++) {
		d = xl_on_decide(&p, true, XL_DOM_SHUTDOWN, SHUTDOWN_reboot,
				 &log, t);
		if (d.step != XL_ON_RESTART)
			fail_fmt("restart %d refused", i + 1);
		xl_on_restarted(&log, t);
		t += SEC;
	}
	/* The 11th within the minute: preserved, with a note. */
	d = xl_on_decide(&p, true, XL_DOM_SHUTDOWN, SHUTDOWN_reboot, &log, t);
	assert_int_equal(d.step, XL_ON_PRESERVE);
	assert_non_null(d.note);
	assert_non_null(strstr(d.note, "too often"));
	/* Only restarts count: a poweroff is still destroyed. */
	d = xl_on_decide(&p, true, XL_DOM_SHUTDOWN, SHUTDOWN_poweroff, &log,
			 t);
	assert_int_equal(d.step, XL_ON_DESTROY);
	/* A minute after the first, one slot is free again. */
	t = 1000 * SEC + XL_ON_RESTART_WINDOW_NS;
	d = xl_on_decide(&p, true, XL_DOM_SHUTDOWN, SHUTDOWN_reboot, &log, t);
	assert_int_equal(d.step, XL_ON_RESTART);
	xl_on_restarted(&log, t);
	assert_int_equal(log.nr, XL_ON_RESTART_MAX);
	/* ... and no second one at the same time. */
	d = xl_on_decide(&p, true, XL_DOM_SHUTDOWN, SHUTDOWN_reboot, &log, t);
	assert_int_equal(d.step, XL_ON_PRESERVE);
	/* Slow restarts never hit the limit. */
	memset(&log, 0, sizeof(log));
	for (int i = 0; i < 100; i++) {
		t += 7 * SEC;
		d = xl_on_decide(&p, true, XL_DOM_SHUTDOWN, SHUTDOWN_reboot,
				 &log, t);
		if (d.step != XL_ON_RESTART)
			fail_fmt("slow restart %d refused", i + 1);
		xl_on_restarted(&log, t);
	}
	(void)state;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_not_shut_down),
		cmocka_unit_test(test_gone),
		cmocka_unit_test(test_reason_picks_action),
		cmocka_unit_test(test_other_reasons),
		cmocka_unit_test(test_fallback_actions),
		cmocka_unit_test(test_restart_limit),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
