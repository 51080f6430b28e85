#!/bin/sh
# Guest memory comes out of Dom0 (decision 5): creating a domain takes its
# memory from Linux (MemFree drops by that much), destroying gives all of
# it back; names are unique; too much memory is refused with one line;
# unloading with domains alive is refused.  Bare domains (no kernel,
# never started): this is about memory only.
# vm: --cpus 2 --mem 1024 --timeout 240
SCENARIO=dommem
. /usr/libexec/xenlate-tests/lib.sh

unloaded=$(memfree_kb)
xenlate load || fail "xenlate load"
hv_free=$(info_field mem_free_mib)
before=$(memfree_kb)
$T/xl-mkdom g1 256 >/tmp/id || fail "create g1: $(cat /tmp/id)"
after=$(memfree_kb)
drop=$(( (before - after) / 1024 ))
[ "$drop" -ge 250 ] && [ "$drop" -le 270 ] ||
	fail "MemFree dropped by $drop MiB for a 256 MiB domain"
xenlate list | grep -E '^g1 +[0-9]+ +256 +1 +--p---' >/dev/null ||
	fail "list: $(xenlate list)"
ok "g1 created: MemFree dropped by $drop MiB"

$T/xl-mkdom g1 16 >/tmp/out 2>&1 && fail "a second g1 was created"
grep -q "exists" /tmp/out || fail "duplicate name: $(cat /tmp/out)"
$T/xl-mkdom big 2000 >/tmp/out 2>&1 && fail "2000 MiB domain created"
grep -q "more memory than Dom0 can give" /tmp/out || fail "big: $(cat /tmp/out)"
$T/xl-mkdom bad/name 16 >/tmp/out 2>&1 && fail "bad name accepted"
ok "duplicate name, too much memory and a bad name refused"

if xenlate unload >/tmp/out 2>&1; then
	fail "unloaded with a domain alive"
fi
grep -q "1 domain alive (g1)" /tmp/out || fail "unload: $(cat /tmp/out)"
expect_hv
ok "unload refused with a domain alive: $(cat /tmp/out)"

xenlate destroy g1 || fail "destroy g1"
xenlate list | grep -q '^g1 ' && fail "g1 still listed"
[ "$(pct_diff "$(memfree_kb)" "$before")" -le 1 ] ||
	fail "MemFree $(memfree_kb) kB after destroy vs $before kB before"
ok "g1 destroyed; memory back"

# The builder's writes land in the domain's memory, only inside it.
head -c 100000 /dev/urandom >/tmp/blob
$T/xl-mkdom w 16 1 0x200000 /tmp/blob >/dev/null || fail "write into w"
$T/xl-mkdom w2 16 1 0xfff000 /tmp/blob >/tmp/out 2>&1 &&
	fail "a write past the end of w2's memory succeeded"
grep -q "rejected" /tmp/out || fail "write past the end: $(cat /tmp/out)"
xenlate destroy w && xenlate destroy w2 || fail "destroy w, w2"
ok "builder writes inside the domain only"

# Many at once, and repeated: nothing leaks in Dom0 or the hypervisor.
i=0
while [ $i -lt 10 ]; do
	for n in a b c d; do
		$T/xl-mkdom "$n$i" 16 >/dev/null || fail "create $n$i"
	done
	[ "$(xenlate list | grep -c -- '--p---')" = 4 ] || fail "list: $(xenlate list)"
	for n in a b c d; do
		xenlate destroy "$n$i" || fail "destroy $n$i"
	done
	i=$((i + 1))
done
[ "$(info_field mem_free_mib)" = "$hv_free" ] ||
	fail "hypervisor memory free $(info_field mem_free_mib) MiB, was $hv_free"
[ "$(pct_diff "$(memfree_kb)" "$before")" -le 1 ] ||
	fail "MemFree $(memfree_kb) kB after 40 domains vs $before kB"
ok "40 domains created and destroyed; nothing leaked"

# unload --force destroys what is left, and gives its memory back.
$T/xl-mkdom last 64 >/dev/null || fail "create last"
xenlate unload --force || fail "unload --force"
[ "$(pct_diff "$(memfree_kb)" "$unloaded")" -le 1 ] ||
	fail "MemFree $(memfree_kb) kB after unload --force vs $unloaded kB before load"
expect_native
expect_clean_dmesg
ok "unload --force destroyed the last domain"
