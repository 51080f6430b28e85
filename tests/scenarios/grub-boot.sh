#!/bin/sh
# The "existing server" path: the VM boots from a disk through GRUB 2 and
# Debian's initrd, then the project's module is loaded into that system.
# vm: --boot grub --cpus 2 --mem 1024 --timeout 300

fail() { echo "grub-boot: FAIL: $*"; exit 1; }

grep -q 'BOOT_IMAGE=' /proc/cmdline || fail "not booted by GRUB: $(cat /proc/cmdline)"
[ "$(awk '$2 == "/" { print $3 }' /proc/mounts)" = ext4 ] || fail "root is not the ext4 disk"
grep -qw svm /proc/cpuinfo || fail "no svm flag in /proc/cpuinfo"
command -v xenlate >/dev/null || fail "xenlate is not on PATH"

# The late launch, as on a real server: load, every CPU under the
# hypervisor, unload, every CPU back.
xenlate load || fail "xenlate load"
/usr/libexec/xenlate-tests/xl-cpuid --expect-hv || fail "a CPU is not under the hypervisor"
xenlate info || fail "xenlate info"
xenlate unload || fail "xenlate unload"
/usr/libexec/xenlate-tests/xl-cpuid --expect-native || fail "a CPU stayed under the hypervisor"
if dmesg | grep -E 'BUG:|WARNING:|Oops|general protection'; then
	fail "kernel complained (above)"
fi
echo "grub-boot: OK"
