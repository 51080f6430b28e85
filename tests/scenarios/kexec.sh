#!/bin/sh
# kexec with the hypervisor loaded: the reboot notifier takes every CPU out
# of the hypervisor first, so the new kernel starts on bare metal (no CPU
# answers xenlate's CPUID leaf) instead of inside a guest whose hypervisor
# memory it is about to reuse.
# vm: --cpus 2 --mem 1024 --timeout 240 --kexec-files
SCENARIO=kexec
. /usr/libexec/xenlate-tests/lib.sh

# Second boot (the same scenario runs again): check and finish.
if grep -qw xenlate_kexeced /proc/cmdline; then
	expect_native
	[ -e /sys/module/xenlate ] && fail "xenlate loaded after kexec"
	ok "the kexec'd kernel runs on bare metal on every CPU"
	exit 0
fi

# The runner's --kexec-files disks (zero padding does not bother kexec).
for b in /sys/block/vd*; do
	case $(cat "$b/serial" 2>/dev/null) in
	xlkernel) cat "/dev/${b##*/}" >/tmp/vmlinuz ;;
	xlinitrd) cat "/dev/${b##*/}" >/tmp/initrd ;;
	esac
done
[ -s /tmp/vmlinuz ] && [ -s /tmp/initrd ] || fail "no kernel or initrd disk (--kexec-files)"
xenlate load || fail "xenlate load"
expect_hv
kexec -l /tmp/vmlinuz --initrd=/tmp/initrd \
	--append="$(cat /proc/cmdline) xenlate_kexeced" || fail "kexec -l"
ok "loaded; kexec into the same kernel"
echo 8 >/proc/sys/kernel/printk	# show the notifier's line on the console
kexec -e
fail "kexec -e returned"
