#!/bin/sh
# Dom0 cannot reach the hypervisor: a hostile module tries to read and
# write every hypervisor page, clear EFER.SVME, write VM_HSAVE_PA and
# VM_CR, run the SVM instructions and touch MSRs outside the permission
# map.  Each attempt is refused and logged, the hypervisor's code is
# intact at unload, and kvm_amd cannot load next to it.
# vm: --cpus 2 --mem 1024 --timeout 240
SCENARIO=protect
. /usr/libexec/xenlate-tests/lib.sh

xenlate load || fail "xenlate load"
expect_hv
insmod "/lib/modules/$(uname -r)/extra/xenlate_probe.ko" probe=all \
	ranges="$(hv_ranges)" || fail "a probe got through: $(dmesg | grep 'NOT REFUSED')"
dmesg | grep -q 'hv_write: [1-9][0-9]* hypervisor pages tried, 0 got through' ||
	fail "hv_write did not probe any page"
rmmod xenlate_probe
for what in 'read of hypervisor memory' 'write of hypervisor memory' \
	'clearing EFER.SVME' 'wrmsr c0010117' 'wrmsr c0010114' \
	'VMRUN at' 'VMLOAD at' 'VMSAVE at' 'CLGI at' 'STGI at'; do
	xenlate dmesg | grep -q "$what" || fail "hypervisor log lacks '$what'"
done
ok "every probe refused and logged"
expect_hv

# Another hypervisor cannot start: kvm_amd refuses to load.
if modprobe kvm_amd 2>/tmp/kvm.err; then
	fail "kvm_amd loaded under the hypervisor"
fi
grep -q "kvm_amd" /tmp/kvm.err || fail "modprobe kvm_amd: $(cat /tmp/kvm.err)"
expect_hv
ok "kvm_amd refused: $(cat /tmp/kvm.err)"

xenlate unload || fail "xenlate unload"
dmesg | grep -q "code changed" && fail "hypervisor code was modified"
expect_native
ok "hypervisor code intact at unload"
