#!/bin/sh
# CPU hotplug while guests run: a CPU going offline first hands its guest
# vCPUs to the other CPUs, then leaves the hypervisor; coming back it
# enters again.  10 rounds over every CPU but 0 while a burner and the
# pattern guest run: every CPU ends under the hypervisor, the guests'
# work went on and the pattern is intact.  A CPU that is the only one a
# guest may run on (cpus=) cannot go offline.
# vm: --cpus 2 --mem 1024 --timeout 400
# vm: --cpus 4 --mem 1024 --timeout 500
SCENARIO=hotplug-guests
. /usr/libexec/xenlate-tests/lib.sh

G=/usr/lib/xenlate-tests/guests
ncpu=$(nproc)
last=$((ncpu - 1))

count() {	# count NAME REGEX: matching lines of NAME's console
	xenlate console -n "$1" 2>/dev/null | grep -c "$2"
}

above() {	# above NAME REGEX N
	[ "$(count "$1" "$2")" -gt "$3" ]
}

xenlate load || fail "xenlate load"
xenlate create -e $G/burner.cfg name=burn extra="forever=1 report=500" ||
	fail "create burn"
xenlate create -e $G/pattern.cfg name=pat \
	extra="seed=4242 pages=128 seconds=0 report=500" || fail "create pat"
wait_console burn 60 'burner: report 1 '
wait_console pat 60 'pattern: check 1 ok'
ok "two guests run on $ncpu CPUs"

round=0
while [ $round -lt 10 ]; do
	b=$(count burn 'burner: report') p=$(count pat 'pattern: check')
	for c in $(seq 1 $last); do
		echo 0 >/sys/devices/system/cpu/cpu$c/online ||
			fail "offline cpu$c: $(dmesg | tail -n 2)"
		$T/xl-cpuid --expect-hv >/dev/null || fail "after offlining cpu$c"
		xenlate vcpu-list | awk -v c=$c '$4 == c { bad = 1 } END { exit bad }' ||
			fail "a vCPU is still on offline cpu$c: $(xenlate vcpu-list)"
		echo 1 >/sys/devices/system/cpu/cpu$c/online ||
			fail "online cpu$c: $(dmesg | tail -n 2)"
		expect_hv
	done
	wait_until 20 "burner reports in round $round" above burn 'burner: report' "$b"
	wait_until 20 "pattern checks in round $round" above pat 'pattern: check' "$p"
	round=$((round + 1))
done
[ "$(info_field cpus | cut -d' ' -f1)" = "$ncpu" ] || fail "info: $(info_field cpus)"
xenlate dmesg | grep -q 'vcpu 0 moves from cpu' || fail "no vCPU moved"
xenlate console -n pat | grep -q CORRUPT && fail "pattern corrupted"
ok "10 offline/online rounds over CPUs 1-$last; guests went on"

# The last CPU a guest may run on stays.
xenlate create -e $G/burner.cfg name=pinned cpus=$last \
	extra="forever=1 report=500" || fail "create pinned"
wait_console pinned 60 'burner: report 1 '
if echo 0 >/sys/devices/system/cpu/cpu$last/online 2>/dev/null; then
	fail "cpu$last went offline under a guest pinned to it"
fi
xenlate dmesg | grep -q "cpu $last cannot go offline: domain [0-9]* can run on no other CPU" ||
	fail "no refusal in the hypervisor log"
expect_hv
ok "offlining the only CPU of a pinned guest refused"

for d in burn pat pinned; do
	xenlate destroy $d || fail "destroy $d"
done
xenlate unload || fail "xenlate unload"
expect_native
expect_clean_dmesg
ok "unloaded"
