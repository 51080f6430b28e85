#!/bin/sh
# Event-channel ping-pong between two domains: 1000 round trips, both
# PASS.  The server's EVTCHNOP_alloc_unbound names the client's domain
# id before the client exists: ids are handed out increasing, so on a
# fresh load the server is domain 1 and the client domain 2.
# vm: --cpus 2 --mem 1024 --timeout 120
SCENARIO=guest-evtping
. /usr/libexec/xenlate-tests/lib.sh

G=/usr/lib/xenlate-tests/guests
if [ ! -e $G/evtping.elf ]; then
	echo "$SCENARIO: skip: no test guests in $G"
	exit 77
fi

xenlate load || fail "xenlate load"
xenlate create $G/evtping.cfg name=server on_poweroff=preserve \
	on_crash=preserve extra="role=server peer=2 count=1000" ||
	fail "create server"
[ "$(id_of server)" = 1 ] || fail "server is not domain 1: $(xenlate list)"
wait_console server 20 "^port="
port=$(sed -n 's/^port=\([0-9]*\)$/\1/p' /tmp/server.con)
xenlate create $G/evtping.cfg name=client on_poweroff=preserve \
	on_crash=preserve extra="role=client peer=1 port=$port count=1000" ||
	fail "create client"
[ "$(id_of client)" = 2 ] || fail "client is not domain 2: $(xenlate list)"
wait_console client 40 "^RESULT:"
wait_console server 10 "^RESULT:"
grep -q "^RESULT: PASS" /tmp/client.con || fail "client: $(cat /tmp/client.con)"
grep -q "^RESULT: PASS" /tmp/server.con || fail "server: $(cat /tmp/server.con)"
grep -q "served 1000 round trips" /tmp/server.con ||
	fail "server: $(cat /tmp/server.con)"
grep "round trips, mean" /tmp/client.con
ok "1000 round trips between domains 1 and 2, both PASS"

xenlate destroy client || fail "destroy client"
xenlate destroy server || fail "destroy server"
xenlate unload || fail "unload"
expect_clean_dmesg
