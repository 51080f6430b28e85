#!/bin/sh
# BVT warp: a mostly idle guest that sleeps 10 ms at a time is dispatched
# promptly while two guests burn the CPU, when it is warped; unwarped it
# waits for the rest of the running burner's context-switch allowance.  Compared as
# a ratio within one run (the machine's speed drifts), never as times.
# Dom0 sleeps while the sleeper measures.
# vm: --cpus 1 --mem 768 --timeout 240
SCENARIO=sched-warp
. /usr/libexec/xenlate-tests/lib.sh

G=/usr/lib/xenlate-tests/guests
N=100

# $1 name: wait for the RESULT line, print the latency line.
latency() {
	# Dom0 quiet meanwhile: while it runs, a guest's timer can only
	# fire at Dom0's next tick (doc/domains-plan.md), which would blur
	# what is measured here.
	sleep 3
	i=0
	until xenlate console -n "$1" 2>/dev/null | grep -q '^RESULT:'; do
		i=$((i + 1))
		[ $i -lt 400 ] || fail "$1: no RESULT: $(xenlate console -n "$1" | tail -3)"
		sleep 0.2
	done
	xenlate console -n "$1" | grep -q '^RESULT: PASS' ||
		fail "$1: $(xenlate console -n "$1" | tail -2)"
	xenlate console -n "$1" | grep '^timer: latency'
}

mean_us() {
	echo "$1" | sed -n 's/.* mean=\([0-9]*\) us.*/\1/p'
}

xenlate load || fail "xenlate load"
# A long context-switch allowance (20 ms): unwarped, the sleeper waits
# out what is left of the running burner's; warped, it overtakes it.
xenlate sched-bvt -g ctx_allow=20ms || fail "ctx_allow"
for b in b1 b2; do
	xenlate create -e $G/burner.cfg name=$b extra="forever=1 report=1000" ||
		fail "create $b"
done

xenlate create -e $G/timer.cfg name=plain \
	extra="reads=0 latency=$N period=10" || fail "create plain"
plain=$(latency plain)
xenlate destroy plain

xenlate create -e -p $G/timer.cfg name=warped \
	extra="reads=0 latency=$N period=10" || fail "create warped"
xenlate sched-bvt warped warp_enabled=1 warp=2000 || fail "warp"
xenlate unpause warped || fail "unpause warped"
warped=$(latency warped)
xenlate destroy warped

p=$(mean_us "$plain") w=$(mean_us "$warped")
echo "$SCENARIO: unwarped: $plain"
echo "$SCENARIO: warped:   $warped"
[ -n "$p" ] && [ -n "$w" ] || fail "no latency numbers"
[ $((w * 2)) -lt "$p" ] ||
	fail "warped mean $w us is not under half the unwarped $p us"
ok "warped sleeper dispatched promptly: mean $w us against $p us unwarped"

xenlate destroy b1
xenlate destroy b2
xenlate unload || fail "unload"
expect_clean_dmesg
