#!/bin/sh
# CPU hotplug while loaded: a CPU going offline leaves the hypervisor, one
# coming back enters it again; 10 rounds over every CPU but 0.  Suspend
# is refused while loaded.  Then unload.
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

# Suspend is refused while loaded (and the machine stays as it was).
if [ -e /sys/power/state ] && grep -qw freeze /sys/power/state; then
	if echo freeze >/sys/power/state 2>/dev/null; then
		fail "suspend to idle was not refused"
	fi
	dmesg | grep -q "suspend refused while the hypervisor is loaded" ||
		fail "no refusal line for suspend"
	expect_hv
	ok "suspend refused"
fi

xenlate unload || fail "xenlate unload"
expect_native
expect_clean_dmesg
ok "unloaded"
