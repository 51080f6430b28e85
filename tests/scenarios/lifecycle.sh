#!/bin/sh
# A domain's life after create: its monitor applies on_poweroff,
# on_reboot and on_crash (destroy, preserve, restart, and the restart
# limit); shutdown and reboot force them from Dom0; list shows shut down
# and crashed domains; vcpu-list shows a vCPU that never came up; unload
# is refused while domains live.
# vm: --cpus 2 --mem 1024 --timeout 240
SCENARIO=lifecycle
. /usr/libexec/xenlate-tests/lib.sh

G=/usr/lib/xenlate-tests/guests
LOGS=/var/log/xenlate
if [ ! -e $G/hello.elf ]; then
	echo "$SCENARIO: skip: no test guests in $G"
	exit 77
fi

listed() { xenlate list | grep -qE "^$1 +[0-9]+ .* $2 "; }
gone() { ! xenlate list | grep -q "^$1 "; }
domid() { xenlate list | awk -v n="$1" '$1 == n { print $2 }'; }
logged() { grep -q -- "$2" $LOGS/$1.log; }

xenlate load || fail "xenlate load"
before=$(memfree_kb)

# create returns at once, its output closed: the monitor holds nothing.
t0=$(date +%s)
out=$(xenlate create $G/hello.cfg 2>&1) || fail "create hello: $out"
[ $(($(date +%s) - t0)) -le 5 ] || fail "create took $(($(date +%s) - t0)) s"
wait_until 20 "on_poweroff=destroy: hello still listed" gone hello
wait_until 5 "monitor log" logged hello "destroyed: monitor ends"
logged hello "poweroff, on_poweroff=destroy" || fail "log: $(cat $LOGS/hello.log)"
ok "on_poweroff=destroy: hello powered off and was destroyed (monitor logged it)"

xenlate create $G/hello.cfg on_poweroff=preserve || fail "create preserve"
wait_until 20 "on_poweroff=preserve" listed hello ---s--
xenlate list --json | grep -q '"name": "hello".*"status": "shutdown", "shutdown_reason": "poweroff"' ||
	fail "json: $(xenlate list --json)"
xenlate console -n hello | grep -q '^RESULT: PASS' || fail "console kept"
wait_until 5 "monitor ends on preserve" logged hello "preserved, shut down: monitor ends"
xenlate shutdown hello >/tmp/out 2>&1 && fail "shutdown of a shut down domain"
grep -q "shut down already" /tmp/out || fail "shutdown twice: $(cat /tmp/out)"
xenlate destroy hello || fail "destroy preserved hello"
ok "on_poweroff=preserve: kept as ---s--, reason poweroff in --json, console readable"

xenlate create -e $G/hello.cfg || fail "create -e"
wait_until 20 "create -e: hello shut down" listed hello ---s--
sleep 1
listed hello ---s-- || fail "create -e: hello acted on: $(xenlate list)"
xenlate destroy hello || fail "destroy hello"
ok "create -e: no monitor, the shut down domain stays"

xenlate create $G/triple.cfg || fail "create triple"
wait_until 20 "on_crash=destroy: triple still listed" gone triple
logged triple "crash, on_crash=destroy" || fail "log: $(cat $LOGS/triple.log)"
xenlate dmesg | grep -q "crashed: .*triple fault" || fail "hv log: no triple fault"
xenlate create $G/triple.cfg on_crash=preserve || fail "create triple"
wait_until 20 "on_crash=preserve" listed triple ----c-
xenlate destroy triple || fail "destroy triple"
ok "on_crash: destroy removes the triple-faulting guest, preserve shows it as ----c-"

# reboot: the burner never stops by itself; on_reboot=restart (xl's default)
xenlate create $G/burner.cfg extra="forever=1 report=500" || fail "create burner"
id1=$(domid burner)
wait_until 20 "burner reports" sh -c 'xenlate console -n burner | grep -q "burner: report"'
xenlate reboot burner || fail "reboot burner"
wait_until 20 "restarted burner" sh -c "xenlate list | grep -qE '^burner +[0-9]+ ' &&
	[ \"\$(xenlate list | awk '\$1 == \"burner\" { print \$2 }')\" != $id1 ]"
id2=$(domid burner)
listed burner r----- || fail "restarted burner not running: $(xenlate list)"
wait_until 20 "restarted burner reports" sh -c 'xenlate console -n burner | grep -q "burner: report"'
logged burner "burner restarted: id $id1 is now id $id2" || fail "log: $(cat $LOGS/burner.log)"
ok "reboot: on_reboot=restart brought burner back as id $id2 (was $id1), running"

xenlate shutdown burner || fail "shutdown burner"
wait_until 20 "shutdown burner: on_poweroff=destroy" gone burner
logged burner "poweroff, on_poweroff=destroy" || fail "log: $(cat $LOGS/burner.log)"
xenlate shutdown nosuch >/tmp/out 2>&1 && fail "shutdown nosuch"
grep -q "no domain 'nosuch'" /tmp/out || fail "shutdown nosuch: $(cat /tmp/out)"
ok "shutdown: the same burner powered off and destroyed; unknown domain refused"

# Restart limit: a guest that powers off at once, with on_poweroff=restart.
xenlate create $G/hello.cfg on_poweroff=restart || fail "create restart loop"
wait_until 60 "restart limit" logged hello "restarted too often"
n=$(grep -c "hello restarted: id" $LOGS/hello.log)
[ "$n" = 10 ] || fail "$n restarts, expected 10: $(cat $LOGS/hello.log)"
listed hello ---s-- || fail "after the limit: $(xenlate list)"
xenlate destroy hello || fail "destroy hello"
ok "restart loop stopped after 10 restarts in a minute; the domain preserved"

# vcpu-list: vCPU 1 of the burner is never brought up.
xenlate create $G/burner.cfg vcpus=2 extra="forever=1" || fail "create burner vcpus=2"
xenlate vcpu-list burner >/tmp/vl || fail "vcpu-list burner"
[ "$(grep -c '^burner ' /tmp/vl)" = 2 ] || fail "vcpu-list: $(cat /tmp/vl)"
head -n 1 /tmp/vl | grep -qE '^Name +ID +VCPU +CPU +State +Time\(s\)$' ||
	fail "vcpu-list header: $(head -n 1 /tmp/vl)"
grep -qE '^burner +[0-9]+ +1 +- +--p +0\.0$' /tmp/vl || fail "vCPU 1 not down: $(cat /tmp/vl)"
grep -qE '^burner +[0-9]+ +0 +[01] +(r--|---) ' /tmp/vl || fail "vCPU 0: $(cat /tmp/vl)"
xenlate vcpu-list Domain-0 >/tmp/vl || fail "vcpu-list Domain-0"
[ "$(grep -c '^Domain-0 ' /tmp/vl)" = 2 ] || fail "Dom0 vCPUs: $(cat /tmp/vl)"
xenlate vcpu-list | grep -c -E '^(Domain-0|burner) ' | grep -qx 4 ||
	fail "vcpu-list all: $(xenlate vcpu-list)"
ok "vcpu-list: burner's vCPU 0 up, vCPU 1 down (--p, CPU -); Dom0 has one per CPU"

xenlate unload >/tmp/out 2>&1 && fail "unload with burner alive"
grep -q "1 domain alive (burner)" /tmp/out || fail "unload: $(cat /tmp/out)"
listed burner r----- || fail "burner gone after a refused unload"
xenlate destroy burner || fail "destroy burner"
wait_until 5 "monitors end" sh -c '[ "$(ps -o args | grep -c "^xenlate create")" = 0 ]'
[ "$(pct_diff "$(memfree_kb)" "$before")" -le 2 ] ||
	fail "MemFree $(memfree_kb) kB vs $before kB before"
xenlate unload || fail "unload"
expect_clean_dmesg
ok "unload refused while burner lived; after destroy every monitor ended, unloaded"
