#!/bin/sh
# Ballooning (decision 5): the balloon guest gives pages back
# (XENMEM_decrease_reservation) and takes them again (populate_physmap)
# from the spare frames Dom0 hands the hypervisor; they come back zeroed.
# While the guest is down and its target lowered (xenlate mem-set), Dom0
# has those pages: MemFree goes up by that much, and down again once the
# target is raised and the guest took them.  A target above maxmem is
# refused; destroy and unload give everything back.
# vm: --cpus 2 --mem 1024 --timeout 300
SCENARIO=guest-balloon
. /usr/libexec/xenlate-tests/lib.sh

G=/usr/lib/xenlate-tests/guests
if [ ! -e $G/balloon.elf ]; then
	echo "$SCENARIO: skip: no test guests in $G"
	exit 77
fi

mib_diff() {
	echo $(( ($1 - $2) / 1024 ))
}

unloaded=$(memfree_kb)
xenlate load || fail "xenlate load"
before=$(memfree_kb)

# The guest as shipped: 64 pages out and back, zeroed, counters right.
xenlate create $G/balloon.cfg on_poweroff=preserve on_crash=preserve ||
	fail "create balloon"
wait_console balloon 60 "^RESULT:"
grep -q "^RESULT: PASS" /tmp/balloon.con || fail "balloon: $(cat /tmp/balloon.con)"
grep -q "64 pages back, all zeroed" /tmp/balloon.con ||
	fail "balloon: $(cat /tmp/balloon.con)"
[ "$(json_field balloon target_kb)" = 16384 ] ||
	fail "target: $(xenlate list --json)"
xenlate destroy balloon || fail "destroy balloon"
ok "balloon guest: 64 pages out and back in, zeroed"

# 2048 pages (8 MiB) out of a 32 MiB guest whose target is 24 MiB.
xenlate create -p $G/balloon.cfg name=big memory=32 \
	extra="pages=2048 wait=60" on_poweroff=preserve on_crash=preserve ||
	fail "create big"
created=$(memfree_kb)
xenlate mem-set big 24 >/tmp/out 2>&1 || fail "mem-set big 24: $(cat /tmp/out)"
[ "$(json_field big target_kb)" = 24576 ] ||
	fail "target after mem-set: $(xenlate list --json)"
xenlate mem-set big 64 >/tmp/out 2>&1 && fail "target above maxmem accepted"
grep -q "above the domain's maxmem" /tmp/out || fail "mem-set 64: $(cat /tmp/out)"
xenlate mem-set big 1x >/tmp/out 2>&1 && fail "mem-set 1x accepted"
[ "$(json_field big target_kb)" = 24576 ] ||
	fail "a refused mem-set changed the target: $(xenlate list --json)"
ok "mem-set: target 24 MiB; above maxmem and bad sizes refused"

xenlate unpause big || fail "unpause big"
wait_console big 60 "waiting for Dom0's spare frames"
sleep 2		# the adapter collects every 250 ms
down=$(memfree_kb)
rise=$(mib_diff "$down" "$created")
[ "$rise" -ge 6 ] && [ "$rise" -le 10 ] ||
	fail "MemFree rose by $rise MiB while 8 MiB were ballooned out"
[ "$(json_field big mem_kb)" = 24576 ] ||
	fail "big holds: $(xenlate list --json)"
grep -q "^RESULT:" /tmp/big.con && fail "big did not wait: $(cat /tmp/big.con)"
ok "ballooned down: Dom0's MemFree rose by $rise MiB ($((down - created)) kB)"

xenlate mem-set big 32 >/tmp/out 2>&1 || fail "mem-set big 32: $(cat /tmp/out)"
wait_console big 60 "^RESULT:"
grep -q "^RESULT: PASS" /tmp/big.con || fail "big: $(cat /tmp/big.con)"
grep -q "2048 pages back, all zeroed" /tmp/big.con || fail "big: $(cat /tmp/big.con)"
sleep 1
up=$(memfree_kb)
drop=$(mib_diff "$down" "$up")
[ "$drop" -ge 6 ] && [ "$drop" -le 10 ] ||
	fail "MemFree fell by $drop MiB when 8 MiB were ballooned back in"
[ "$(json_field big mem_kb)" = 32768 ] || fail "big holds: $(xenlate list --json)"
ok "ballooned up: MemFree fell by $drop MiB ($((down - up)) kB), pages back zeroed"

xenlate destroy big || fail "destroy big"
[ "$(pct_diff "$(memfree_kb)" "$before")" -le 1 ] ||
	fail "MemFree $(memfree_kb) kB after destroy vs $before kB before"
ok "destroy gave everything back (MemFree $(memfree_kb) kB, $before kB before)"

xenlate unload || fail "unload"
[ "$(pct_diff "$(memfree_kb)" "$unloaded")" -le 1 ] ||
	fail "MemFree $(memfree_kb) kB after unload vs $unloaded kB before load"
expect_clean_dmesg
ok "unloaded; MemFree back"
