#!/bin/sh
# A hostile Dom0 cannot evict a CPU or read a guest (DESIGN decision 11).
# While a guest runs that keeps checking a pattern in its memory, a test
# module tries, one at a time: INIT to each other CPU, INIT through the
# all-excluding-self shorthand, SIPI, INIT as an MSI written into the
# APIC's MSI window, moving and disabling the local APIC, changing its
# ID, an IOAPIC entry with INIT delivery, a write form the decoder does
# not know (#GP), clearing EFER.SVME, the SVM MSRs, VMRUN and friends,
# and reading every RAM page for the guest's pattern.  Each is refused
# and logged, the guest's checks go on, every CPU stays under the
# hypervisor.  Once the guest is gone the guard is lifted
# (dom0_apic=auto) and unload works.
# vm: --cpus 2 --mem 1024 --timeout 360
# vm: --cpus 4 --mem 1024 --timeout 480
SCENARIO=dom0-hostile
. /usr/libexec/xenlate-tests/lib.sh

G=/usr/lib/xenlate-tests/guests
PROBE=/lib/modules/$(uname -r)/extra/xenlate_probe.ko
SEED=$(( $(date +%s) % 1000000 + 7 ))

checks() {
	xenlate console -n pat 2>/dev/null | grep -c '^pattern: check [0-9]* ok'
}

checks_above() {
	[ "$(checks)" -gt "$1" ]
}

xenlate load || fail "xenlate load"
expect_hv
xenlate dmesg | grep -q 'dom0_apic=auto' || fail "no dom0_apic line"
xenlate create $G/pattern.cfg name=pat \
	extra="seed=$SEED pages=256 seconds=0 report=500" || fail "create pat"
wait_console pat 60 'pattern: check 1 ok'
xenlate dmesg | grep -q 'APIC and IOAPIC writes checked while guests exist' ||
	fail "guard not raised with a guest"
ok "guest checks its pattern (seed $SEED), guard raised"

for p in init_each init_others sipi msi_init apic_base apic_id \
	ioapic_init apic_badform efer svm_msrs svm_insns guest_mem; do
	n=$(checks)
	insmod "$PROBE" probe=$p seed=$SEED >/tmp/insmod.out 2>&1 ||
		fail "$p got through: $(dmesg | grep xenlate_probe | tail -n 3)"
	rmmod xenlate_probe || fail "rmmod after $p"
	expect_hv
	wait_until 30 "guest's checks after $p" checks_above "$n"
	ok "$p refused: $(dmesg | grep "xenlate_probe: $p:" | tail -n 1 |
		sed 's/^\[[^]]*\] //')"
done
dmesg | grep -q 'guest_mem: [1-9][0-9]* RAM pages scanned, [1-9][0-9]* refused, 0 pattern' ||
	fail "guest_mem scanned nothing: $(dmesg | grep guest_mem)"

for what in 'INIT IPI to cpu' 'SIPI IPI to cpu' 'moving the local APIC' \
	'changing the APIC mode while guests exist' 'changing the APIC ID' \
	'entry [0-9]* with INIT delivery' 'clearing EFER.SVME' \
	'wrmsr c0010117' 'VMRUN at' 'read of unmapped memory' \
	'unknown instruction form at fee00080'; do
	xenlate dmesg | grep -q "$what" || fail "hypervisor log lacks '$what'"
done
xenlate dmesg | grep -Eq 'write of unmapped memory at fee|QEMU would send as an MSI' ||
	fail "hypervisor log lacks the MSI window write"
ok "every attempt logged by the hypervisor"

xenlate console -n pat | grep -q CORRUPT && fail "pattern corrupted"
xenlate destroy pat || fail "destroy pat"
xenlate dmesg | grep -q 'no guests left, APIC and IOAPIC writes direct' ||
	fail "guard not lifted"
expect_hv
expect_clean_dmesg
ok "guest intact to the end; guard lifted with it"

xenlate unload || fail "xenlate unload"
expect_native
ok "unloaded"
