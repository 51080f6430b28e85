#!/bin/sh
# Many short event floods in a row on CPU 0 (the CPU that also takes
# Dom0's device interrupts) while a burner runs on CPU 1: every one must
# finish with RESULT: PASS.  Under QEMU's multi-threaded TCG this is
# where the emulator now and then enters a guest with state that is not
# its own (hv/arch/x86/guest_resume.c repairs it); it runs on the rig's
# one TCG thread like every scenario, since that race can also take a
# Dom0 state whose replay is not exact and kill Dom0 (seen here, in a
# fresh-clone run, with a thread per vCPU).
# vm: --cpus 2 --mem 1024 --timeout 240
SCENARIO=guest-evflood-loop
. /usr/libexec/xenlate-tests/lib.sh

G=/usr/lib/xenlate-tests/guests
RUNS=20
if [ ! -e $G/evflood.elf ]; then
	echo "$SCENARIO: skip: no test guests in $G"
	exit 77
fi

xenlate load || fail "xenlate load"
xenlate create $G/burner.cfg cpus=1 extra="forever=1 report=2000" ||
	fail "create burner"
for i in $(seq 1 $RUNS); do
	xenlate create $G/evflood.cfg cpus=0 name=ev$i on_poweroff=preserve \
		on_crash=preserve extra="seconds=2" || fail "create ev$i"
	j=0
	until xenlate console -n ev$i >/tmp/ev.con 2>&1 &&
		grep -q "^RESULT:" /tmp/ev.con; do
		j=$((j + 1))
		if [ $j -ge 50 ]; then
			xenlate list
			fail "ev$i: no result: $(tail -n 3 /tmp/ev.con | tr '\n' ' ')"
		fi
		sleep 0.2
	done
	grep -q "^RESULT: PASS" /tmp/ev.con ||
		fail "ev$i: $(tr '\n' ' ' </tmp/ev.con)"
	xenlate destroy ev$i || fail "destroy ev$i"
done
repairs=$(xenlate dmesg | grep -c "VMRUN lost the guest's state")
ok "$RUNS floods on CPU 0 passed ($repairs lost guest states repaired)"
xenlate destroy burner || fail "destroy burner"
xenlate unload || fail "unload"
expect_clean_dmesg
