#!/bin/sh
# Loads that must fail with one clear line and leave Linux as it was:
# not enough memory, bad parameters, a CPU that fails to enter or comes
# too late (every CPU rolls back), SVM already in use by KVM.
# vm: --cpus 2 --mem 1024 --timeout 240
SCENARIO=refuse
. /usr/libexec/xenlate-tests/lib.sh

# try REASON ARGS...: xenlate load ARGS must fail and say REASON.
try() {
	reason=$1
	shift
	if xenlate load "$@" >/tmp/out 2>&1; then
		fail "xenlate load $* succeeded"
	fi
	[ "$(wc -l </tmp/out)" = 1 ] || fail "more than one line: $(cat /tmp/out)"
	grep -q "$reason" /tmp/out || fail "'$reason' not in: $(cat /tmp/out)"
	[ -e /sys/module/xenlate ] && fail "xenlate left loaded after: $*"
	expect_native
	ok "load $* refused: $(cat /tmp/out)"
}

try "not enough memory" mem=2000
try "out of range" mem=1
try "is not auto, trap or direct" dom0_apic=sometimes
try "rolled back" fail_cpu=1
try "rolled back" fail_cpu=0
try "did not arrive within 300 ms" late_cpu=1 launch_timeout_ms=300

# SVM in use: a KVM virtual machine switches SVM on in every CPU.
modprobe kvm_amd || fail "modprobe kvm_amd"
$T/kvm-hold >/tmp/kvm-hold.out 2>&1 &
hold=$!
n=0
until grep -q "VM created" /tmp/kvm-hold.out; do
	n=$((n + 1))
	[ $n -lt 50 ] || fail "kvm-hold: $(cat /tmp/kvm-hold.out)"
	sleep 0.1
done
try "already in use" 
kill $hold
wait $hold 2>/dev/null
rmmod kvm_amd kvm

# And after all that, a normal load still works.
xenlate load || fail "load after the refusals"
expect_hv
xenlate unload || fail "unload"
expect_native
expect_clean_dmesg
ok "normal load and unload after the refusals"
