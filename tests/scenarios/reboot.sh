#!/bin/sh
# Rebooting with the hypervisor loaded and a guest running completes (a
# reboot notifier destroys the guests, the loader's takes every CPU out
# next): QEMU runs with -no-reboot, so a reset ends the VM, and a reboot
# that hangs is reported as "did not power off".
# vm: --cpus 2 --mem 1024 --timeout 120
SCENARIO=reboot
. /usr/libexec/xenlate-tests/lib.sh

xenlate load || fail "xenlate load"
expect_hv
xenlate create -e /usr/lib/xenlate-tests/guests/burner.cfg \
	extra="forever=1" || fail "create burner"
ok "loaded, a guest burning; rebooting"
# The result first (init never gets to print it), through the kernel's
# log, then a reboot without init's help.
echo "<3>XENLATE-VM-RESULT rc=0" >/dev/kmsg
echo 8 >/proc/sys/kernel/printk	# show the notifier's line on the console
reboot -f
sleep 30
fail "reboot -f returned"
