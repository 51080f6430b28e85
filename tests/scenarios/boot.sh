#!/bin/sh
# Smoke test of the rig itself: the VM has the CPU features, the project's
# installed files, a working scratch disk and network.
# vm: --cpus 2 --mem 1024 --timeout 120

fail() { echo "boot: FAIL: $*"; exit 1; }

for f in svm npt; do
	grep -qw "$f" /proc/cpuinfo || fail "no $f flag in /proc/cpuinfo"
done
[ "$(grep -c '^processor' /proc/cpuinfo)" = 2 ] || fail "expected 2 CPUs"

command -v xenlate >/dev/null || fail "xenlate is not on PATH ($PATH)"
[ -d "/lib/modules/$(uname -r)/extra" ] || fail "no /lib/modules/$(uname -r)/extra"
# KVM is there for refusal tests, but must not be loaded behind our back.
modprobe -n kvm_amd || fail "kvm_amd is not available"
! grep -q '^kvm' /proc/modules || fail "kvm is loaded"

# Scratch disk: write 4 MiB past the page cache, read it back.
[ -b /dev/scratch ] || fail "no scratch disk (/dev/scratch)"
dd if=/dev/urandom of=/tmp/pattern bs=1M count=4 2>/dev/null
dd if=/tmp/pattern of=/dev/scratch bs=1M oflag=direct 2>/dev/null || fail "disk write"
echo 3 >/proc/sys/vm/drop_caches
cmp -n 4194304 /tmp/pattern /dev/scratch || fail "disk read-back differs"

# Network: QEMU's user-mode gateway answers ping.
ip -4 addr show eth0 | grep -q 'inet 10.0.2.15/24' || fail "eth0 has no 10.0.2.15/24"
ping -c 1 -W 5 10.0.2.2 >/dev/null || fail "no ping reply from 10.0.2.2"

echo "boot: OK"
