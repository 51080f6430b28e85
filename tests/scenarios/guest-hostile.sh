#!/bin/sh
# Hostile guests affect only themselves: one that writes outside its
# memory, one that triple-faults, and one that loops with interrupts off
# forever are stopped or preempted; garbage to every hypercall gets
# errors; Dom0 and a well-behaved guest keep running throughout, and the
# hypervisor log says what happened.  One CPU: the hostile guests share
# it with Dom0 and the burner.
# vm: --cpus 1 --mem 768 --timeout 240
SCENARIO=guest-hostile
. /usr/libexec/xenlate-tests/lib.sh

G=/usr/lib/xenlate-tests/guests
# create -e: no monitor applies on_crash or on_poweroff, so that a guest
# that stopped stays listed for its log line and console to be read.

# $1 name: wait until the guest printed a RESULT line; print that line.
result() {
	i=0
	until xenlate console -n "$1" 2>/dev/null | grep -q '^RESULT:'; do
		i=$((i + 1))
		[ $i -lt 150 ] || fail "$1: no RESULT: $(xenlate console -n "$1" | tail -3)"
		sleep 0.2
	done
	xenlate console -n "$1" | grep '^RESULT:'
}

# $1 domain name, $2 text: wait for the hypervisor to log it crashing.
expect_crash() {
	i=0
	until xenlate dmesg | grep -q "domain $(domid "$1") crashed: .*$2"; do
		i=$((i + 1))
		[ $i -lt 100 ] || fail "$1: no crash logged: $(xenlate dmesg | tail -5)"
		sleep 0.2
	done
}

domid() {
	xenlate list | awk -v n="$1" '$1 == n { print $2 }'
}

# Gone, whether on_crash already destroyed it or not.
gone() {
	xenlate destroy "$1" >/dev/null 2>&1
	xenlate list | grep -q "^$1 " && fail "$1 still listed"
	true
}

# Dom0 answers: a one-second sleep takes about a second.
dom0_alive() {
	t0=$(date +%s)
	sleep 1
	t1=$(date +%s)
	[ $((t1 - t0)) -le 3 ] || fail "$1: sleep 1 took $((t1 - t0)) s"
	xenlate list >/dev/null || fail "$1: xenlate list"
}

before=$(memfree_kb)
xenlate load || fail "xenlate load"
xenlate create $G/burner.cfg extra="forever=1 report=500" ||
	fail "create burner"
reports() {
	xenlate console -n burner | grep -c "burner: report"
}

for step in 0 1 2; do
	xenlate create -e $G/badmem.cfg extra="step=$step" ||
		fail "create badmem step=$step"
	expect_crash badmem "outside its memory"
	gone badmem
done
dom0_alive "after badmem"
ok "writes past RAM, to the APIC page and far away: each crashed the writer"

xenlate create -e $G/triple.cfg || fail "create triple"
expect_crash triple "triple fault"
gone triple
ok "a triple fault crashed the guest, not the machine"

xenlate create -e $G/badcall.cfg || fail "create badcall"
r=$(result badcall)
[ "$r" = "RESULT: PASS" ] || fail "badcall: $r"
gone badcall
ok "garbage to every hypercall: errors only ($(xenlate dmesg | grep -c 'd[0-9]*: badcall') lines of report)"

n0=$(reports)
xenlate create $G/cliloop.cfg || fail "create cliloop"
sleep 1
dom0_alive "with cliloop spinning"
dom0_alive "with cliloop spinning (again)"
n1=$(reports)
[ "$n1" -gt "$n0" ] || fail "burner made no progress beside cliloop ($n0 -> $n1)"
gone cliloop
ok "a guest spinning with interrupts off is preempted: Dom0 and the burner ran"

xenlate create -e $G/cliloop.cfg extra="seconds=3" || fail "create cliloop 3 s"
r=$(result cliloop)
[ "$r" = "RESULT: PASS" ] || fail "cliloop seconds=3: $r"
gone cliloop

gone burner
xenlate unload || fail "unload"
[ "$(pct_diff "$(memfree_kb)" "$before")" -le 2 ] ||
	fail "MemFree $(memfree_kb) kB vs $before kB before"
expect_clean_dmesg
ok "all destroyed, memory back, unloaded, dmesg clean"
