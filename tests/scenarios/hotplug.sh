#!/bin/sh
# CPU hotplug while loaded: a CPU going offline leaves the hypervisor, one
# coming back enters it again; 10 rounds over every CPU but 0; then
# suspend-to-idle, which takes every CPU out and back in; then unload.
# vm: --cpus 2 --mem 1024 --timeout 300
# vm: --cpus 4 --mem 1024 --timeout 400
SCENARIO=hotplug
. /usr/libexec/xenlate-tests/lib.sh
n=$(nproc)

xenlate load || fail "xenlate load"
expect_hv
round=0
while [ $round -lt 10 ]; do
	for c in $(seq 1 $((n - 1))); do
		echo 0 >/sys/devices/system/cpu/cpu$c/online || fail "offline cpu$c"
		$T/xl-cpuid --expect-hv >/dev/null || fail "after offlining cpu$c"
		echo 1 >/sys/devices/system/cpu/cpu$c/online || fail "online cpu$c"
		expect_hv
	done
	round=$((round + 1))
done
[ "$(info_field cpus | cut -d' ' -f1)" = "$n" ] || fail "info: $(info_field cpus)"
ok "10 offline/online rounds over $((n - 1)) CPUs"

# Suspend to idle and back, woken by the RTC.
if [ -e /sys/power/state ] && grep -qw freeze /sys/power/state; then
	rtcwake -m freeze -s 3 >/tmp/rtc.out 2>&1 || fail "rtcwake: $(cat /tmp/rtc.out)"
	dmesg | grep -q "left the hypervisor for suspend" || fail "no devirt on suspend"
	dmesg | grep -q "re-entered the hypervisor after resume" || fail "no relaunch on resume"
	expect_hv
	ok "suspend to idle and back"
else
	ok "suspend: not offered by this kernel, skipped"
fi

xenlate unload || fail "xenlate unload"
expect_native
expect_clean_dmesg
ok "unloaded"
