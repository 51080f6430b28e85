#!/bin/sh
# A guest brings up its second vCPU the PVH way: VCPUOP_initialise with
# a 32-bit vcpu_hvm_context, VCPUOP_up, VCPUOP_is_up.
# vm: --cpus 2 --mem 1024 --timeout 120
SCENARIO=guest-smp
. /usr/libexec/xenlate-tests/lib.sh

G=/usr/lib/xenlate-tests/guests
if [ ! -e $G/smp.elf ]; then
	echo "$SCENARIO: skip: no test guests in $G"
	exit 77
fi

xenlate load || fail "xenlate load"
xenlate create $G/smp.cfg on_poweroff=preserve on_crash=preserve \
	extra="vcpus=2 timeout=30" || fail "create smp"
i=0
until xenlate console -n smp >/tmp/smp.con 2>&1 &&
	grep -q "^RESULT:" /tmp/smp.con; do
	i=$((i + 1))
	[ $i -lt 200 ] || fail "smp: no result: $(tail -n 5 /tmp/smp.con)"
	sleep 0.2
done
grep -q "^RESULT: PASS" /tmp/smp.con || fail "smp: $(cat /tmp/smp.con)"
grep -q "hello from vCPU 1" /tmp/smp.con || fail "smp: $(cat /tmp/smp.con)"
ok "smp guest: vCPU 1 initialised, up and heard from"

xenlate destroy smp || fail "destroy smp"
xenlate unload || fail "unload"
expect_clean_dmesg
