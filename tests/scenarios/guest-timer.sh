#!/bin/sh
# The timer guest: singleshot timers never early, VIRQ_TIMER through an
# event channel and the upcall vector, pvclock monotonic; and pvclock's
# system time (ns since the hypervisor's load) agrees with the uptime
# Dom0 reads from the hypervisor.
# vm: --cpus 2 --mem 1024 --timeout 120
SCENARIO=guest-timer
. /usr/libexec/xenlate-tests/lib.sh

G=/usr/lib/xenlate-tests/guests
if [ ! -e $G/timer.elf ]; then
	echo "$SCENARIO: skip: no test guests in $G"
	exit 77
fi

uptime_s() {
	xenlate info | sed -n 's/^uptime: .*(\([0-9]*\) s)$/\1/p'
}

xenlate load || fail "xenlate load"
sleep 1
t0=$(uptime_s)
xenlate create $G/timer.cfg on_poweroff=preserve on_crash=preserve ||
	fail "create timer"
wait_console timer 45 "^RESULT:"
t1=$(uptime_s)
grep -q "^RESULT: PASS" /tmp/timer.con || fail "timer: $(cat /tmp/timer.con)"
grep -q "VIRQ_TIMER on port" /tmp/timer.con || fail "no VIRQ_TIMER"
grep -q " 0 backwards" /tmp/timer.con || fail "pvclock: $(cat /tmp/timer.con)"
ok "timer guest: one-shots not early, VIRQ_TIMER, pvclock monotonic"

# The first pvclock reading, in s, lies between the uptimes around it.
st=$(sed -n 's/.*pvclock version [0-9]* system_time \([0-9]*\) ns.*/\1/p' \
	/tmp/timer.con)
[ -n "$st" ] || fail "no system_time line: $(cat /tmp/timer.con)"
st=$((st / 1000000000))
[ "$st" -ge $((t0 - 1)) ] && [ "$st" -le $((t1 + 1)) ] ||
	fail "pvclock says ${st} s since load, Dom0 saw $t0..$t1 s"
ok "pvclock agrees with the hypervisor uptime Dom0 reads ($t0 <= $st <= $t1 s)"
grep "timer:" /tmp/timer.con

xenlate destroy timer || fail "destroy timer"

# The same guest through the hypercall page (CPUID leaf base+2's MSR),
# as older Linux kernels call: every hypercall then goes through it.
xenlate create $G/timer.cfg name=page extra="hcall=page reads=1000" \
	on_poweroff=preserve on_crash=preserve || fail "create page"
wait_console page 45 "^RESULT:"
grep -q "^RESULT: PASS" /tmp/page.con || fail "page: $(cat /tmp/page.con)"
grep -q "hypercalls: page" /tmp/page.con ||
	fail "not through the page: $(head -3 /tmp/page.con)"
ok "hypercalls through the hypercall page"
xenlate destroy page || fail "destroy page"
xenlate unload || fail "unload"
expect_clean_dmesg
