#!/bin/sh
# Load and unload 50 times in a row while a CPU and disk stress load runs:
# every cycle takes and gives back every CPU, nothing leaks, nothing warns.
# vm: --cpus 1 --mem 1024 --timeout 600
# vm: --cpus 2 --mem 1024 --timeout 600
# vm: --cpus 4 --mem 1024 --timeout 900
SCENARIO=cycles
. /usr/libexec/xenlate-tests/lib.sh
CYCLES=50

before=$(memfree_kb)
stress-ng --cpu "$(nproc)" --timeout 1200 --quiet &
stress=$!
( while :; do
	dd if=/dev/zero of=/dev/scratch bs=1M count=4 oflag=direct 2>/dev/null
done ) &
disk=$!
trap 'kill $stress $disk 2>/dev/null' EXIT

i=0
while [ $i -lt $CYCLES ]; do
	modprobe xenlate || fail "load $i"
	expect_hv
	rmmod xenlate || fail "unload $i"
	i=$((i + 1))
done
kill $stress $disk
wait 2>/dev/null
expect_native
expect_clean_dmesg
echo 3 >/proc/sys/vm/drop_caches
after=$(memfree_kb)
[ "$(pct_diff "$after" "$before")" -le 1 ] ||
	fail "MemFree $after kB after $CYCLES cycles vs $before kB before"
ok "$CYCLES cycles under stress; MemFree $before -> $after kB"
