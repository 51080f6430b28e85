#!/bin/sh
# Xenstore: the first domain starts the daemon (xenlate-xenstored); the
# xsclient guest reads its nodes, writes its own, is refused others',
# runs a transaction, and watches memory/target and control/shutdown as
# Linux does.  mem-set reaches it through memory/target and it balloons
# to the target; shutdown asks it through control/shutdown and it powers
# itself off.  A guest that announced nothing is still stopped by force.
# Destroy removes the domain's home.  The console ring (HVM_PARAM_CONSOLE_*)
# reaches 'xenlate console'.  Guests that break their ring lose
# their connection, nobody else does.  Unload ends the daemon.
# vm: --cpus 2 --mem 1024 --timeout 180
SCENARIO=guest-xenstore
. /usr/libexec/xenlate-tests/lib.sh

G=/usr/lib/xenlate-tests/guests
if [ ! -e $G/xsclient.elf ]; then
	echo "$SCENARIO: skip: no test guests in $G"
	exit 77
fi

shut_down() {
	xenlate list | grep -qE "^$1 .*---s--"
}

holds_12mib() {
	[ "$(json_field xsclient mem_kb)" = 12288 ]
}

xenlate load || fail "xenlate load"
pidof xenlate-xenstored >/dev/null && fail "a daemon before any domain"
xenlate xenstore-ls >/tmp/out 2>&1 && fail "xenstore-ls without a daemon"
grep -q "no xenstore daemon" /tmp/out || fail "xenstore-ls: $(cat /tmp/out)"

xenlate create $G/xsclient.cfg on_poweroff=preserve on_crash=preserve ||
	fail "create xsclient"
pidof xenlate-xenstored >/dev/null || fail "no daemon after create"
id=$(id_of xsclient)
home=/local/domain/$id
wait_console xsclient 30 "xsclient: name=xsclient"
wait_console xsclient 30 "xsclient: errors ok"
wait_console xsclient 30 "xsclient: target 16384 KiB"
grep -q "FAIL" /tmp/xsclient.con && fail "xsclient: $(cat /tmp/xsclient.con)"
ok "guest reads its nodes, writes its own, is refused others' (domain $id)"

[ "$(xenlate xenstore-read $home/data/hello)" = world ] ||
	fail "data/hello: $(xenlate xenstore-ls $home)"
[ "$(xenlate xenstore-read $home/data/tx)" = 1 ] ||
	fail "data/tx (transaction): $(xenlate xenstore-ls $home)"
[ "$(xenlate xenstore-read $home/control/feature-poweroff)" = 1 ] ||
	fail "feature-poweroff: $(xenlate xenstore-ls $home)"
xenlate xenstore-read /local/domain/0/xsclient-was-here >/dev/null 2>&1 &&
	fail "the guest wrote into Dom0's home"
ok "Dom0 sees what the guest wrote, in and out of a transaction"

xenlate mem-set xsclient 12 >/tmp/out 2>&1 || fail "mem-set: $(cat /tmp/out)"
[ "$(xenlate xenstore-read $home/memory/target)" = 12288 ] ||
	fail "memory/target: $(xenlate xenstore-ls $home)"
wait_console xsclient 30 "xsclient: target 12288 KiB"
wait_console xsclient 60 "xsclient: now 12288 KiB"
wait_until 10 "xsclient holds 12 MiB" holds_12mib
ok "mem-set 12: the guest was told and ballooned down to it"

xenlate shutdown xsclient >/tmp/out 2>&1 || fail "shutdown: $(cat /tmp/out)"
grep -q "asked to poweroff" /tmp/out || fail "shutdown: $(cat /tmp/out)"
wait_console xsclient 30 "xsclient: shutdown request poweroff"
wait_until 20 "xsclient never shut down" shut_down xsclient
[ -z "$(xenlate xenstore-read $home/control/shutdown)" ] ||
	fail "control/shutdown not acknowledged"
ok "shutdown asked through control/shutdown; the guest powered off"

xenlate destroy xsclient || fail "destroy"
xenlate xenstore-read $home/name >/dev/null 2>&1 &&
	fail "the domain's home outlived it: $(xenlate xenstore-ls $home)"
ok "destroy removed /local/domain/$id"

xenlate create $G/hello.cfg on_poweroff=preserve >/dev/null ||
	fail "create hello"
wait_console hello 30 "^RESULT:"
grep -q "^hello: over the console ring" /tmp/hello.con ||
	fail "hello: no console ring line: $(cat /tmp/hello.con)"
xenlate destroy hello || fail "destroy hello"
ok "the console ring reaches 'xenlate console'"

xenlate create $G/burner.cfg name=mute on_poweroff=preserve extra=forever=1 \
	>/dev/null || fail "create mute"
xenlate shutdown mute >/tmp/out 2>&1 || fail "shutdown mute: $(cat /tmp/out)"
grep -q "stopped by the hypervisor" /tmp/out ||
	fail "shutdown mute: $(cat /tmp/out)"
xenlate destroy mute || fail "destroy mute"
ok "a guest that announced nothing is stopped by force"

# Hostile guests: a ring claiming more than it holds, a message larger
# than xenstore allows.  The daemon drops each and serves the next.
log=/run/xenlate/xenstored.sock.log
for how in indices oversize; do
	xenlate create $G/xsclient.cfg name=bad-$how extra="break=$how" \
		on_crash=preserve || fail "create bad-$how"
	bad=$(id_of bad-$how)
	wait_console bad-$how 30 "ring broken on purpose"
	wait_until 10 "the daemon kept bad-$how ($bad)" \
		grep -q "domain $bad .*connection closed" $log
	xenlate destroy bad-$how || fail "destroy bad-$how"
done
pidof xenlate-xenstored >/dev/null || fail "the daemon died: $(cat $log)"
xenlate create $G/xsclient.cfg name=after || fail "create after"
wait_console after 30 "xsclient: errors ok"
xenlate destroy after || fail "destroy after"
ok "broken rings dropped ($(grep -c 'connection closed' $log) logged); the next guest served"

xenlate unload || fail "unload"
wait_until 5 "the daemon outlived the hypervisor" \
	sh -c "! pidof xenlate-xenstored"
expect_clean_dmesg
ok "unloaded; the daemon ended"
