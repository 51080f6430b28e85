#!/bin/sh
# Late launch and unload: every CPU enters and leaves the hypervisor, Dom0
# keeps working in between (interrupts, IPIs, NMIs, timers, disk, network),
# hypervisor memory is visible and returned.
# vm: --cpus 1 --mem 1024 --timeout 180
# vm: --cpus 2 --mem 1024 --timeout 180
# vm: --cpus 4 --mem 1024 --timeout 240
SCENARIO=launch
. /usr/libexec/xenlate-tests/lib.sh
n=$(nproc)

expect_native
before=$(memfree_kb)
xenlate load mem=32 || fail "xenlate load"
expect_hv
[ -n "$(hv_ranges)" ] || fail "no 'xenlate hypervisor' range in /proc/iomem"
during=$(memfree_kb)
drop=$(( (before - during) / 1024 ))
[ "$drop" -ge 32 ] || fail "MemFree dropped by only $drop MiB for 32 MiB"
ok "loaded; MemFree dropped by $drop MiB"

[ "$(info_field cpus)" = "$n of $n ($( [ "$n" = 1 ] && echo 0 || echo "0-$((n - 1))"))" ] ||
	fail "xenlate info cpus: '$(info_field cpus)'"
info_field version | grep -q '^[0-9]*\.[0-9]*$' || fail "xenlate info version"
[ "$(info_field mem_total_mib)" = 32 ] || fail "mem_total_mib $(info_field mem_total_mib)"
xenlate dmesg | grep -q "xenlate 0\.[0-9]*: 32 MiB" || fail "xenlate dmesg lacks the init line"
ok "info and dmesg"

# Timers and IPIs: every CPU runs something, sleeps wake up on time.
for c in $(seq 0 $((n - 1))); do
	taskset -c "$c" sh -c 'i=0; while [ $i -lt 2000 ]; do i=$((i+1)); done' ||
		fail "cannot run on CPU $c"
done
t0=$(date +%s); sleep 2; t1=$(date +%s)
[ $((t1 - t0)) -ge 2 ] && [ $((t1 - t0)) -le 4 ] || fail "sleep 2 took $((t1 - t0)) s"
# NMIs: the NMI backtrace goes to every CPU through the APIC.
echo l >/proc/sysrq-trigger
sleep 1
[ "$(dmesg | grep -c 'NMI backtrace for cpu')" -ge "$n" ] ||
	fail "NMI backtrace did not reach all $n CPUs"
dmesg -c >/dev/null	# the backtraces themselves are expected
ok "timers, IPIs, NMIs"

# Disk and network I/O.
dd if=/dev/urandom of=/tmp/pat bs=1M count=8 2>/dev/null
dd if=/tmp/pat of=/dev/scratch bs=1M oflag=direct 2>/dev/null || fail "disk write"
echo 3 >/proc/sys/vm/drop_caches
cmp -n 8388608 /tmp/pat /dev/scratch || fail "disk read-back differs"
ping -c 3 -W 5 10.0.2.2 >/dev/null || fail "no ping reply"
ok "disk and network"

# Clean: no stalls, lockups or warnings so far (NMI backtraces cleared).
expect_clean_dmesg
expect_hv
xenlate unload || fail "xenlate unload"
expect_native
[ -z "$(hv_ranges)" ] || fail "hypervisor range still in /proc/iomem"
after=$(memfree_kb)
[ "$(pct_diff "$after" "$before")" -le 1 ] ||
	fail "MemFree $after kB after unload vs $before kB before"
dmesg | grep -q "code changed" && fail "hypervisor code was modified"
expect_clean_dmesg
ok "unloaded; MemFree $before -> $during -> $after kB"
