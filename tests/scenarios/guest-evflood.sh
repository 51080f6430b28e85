#!/bin/sh
# A guest flooding EVTCHNOP_send on a loopback channel affects only
# itself: Dom0 keeps answering (xenlate list within seconds, every
# time), and another guest (burner) keeps making progress meanwhile.
# vm: --cpus 2 --mem 1024 --timeout 120
SCENARIO=guest-evflood
. /usr/libexec/xenlate-tests/lib.sh

G=/usr/lib/xenlate-tests/guests
if [ ! -e $G/evflood.elf ]; then
	echo "$SCENARIO: skip: no test guests in $G"
	exit 77
fi

reports() {
	xenlate console -n burner 2>/dev/null | grep -c "burner: report"
}

xenlate load || fail "xenlate load"
xenlate create $G/burner.cfg extra="forever=1 report=500" ||
	fail "create burner"
xenlate create $G/evflood.cfg on_poweroff=preserve on_crash=preserve \
	extra="seconds=8" || fail "create evflood"
sleep 1
r0=$(reports)
# Eight seconds of flood: Dom0's control path answers throughout.
for i in 1 2 3 4 5 6; do
	start=$(date +%s)
	timeout 5 xenlate list >/tmp/list || fail "xenlate list took over 5 s"
	[ $(($(date +%s) - start)) -le 3 ] || fail "xenlate list slow"
	sleep 1
done
r1=$(reports)
[ "$r1" -ge $((r0 + 3)) ] || fail "burner stalled: $r0 -> $r1 reports"
ok "during the flood: xenlate list answered 6 times, burner $r0 -> $r1 reports"

i=0
until xenlate console -n evflood >/tmp/evflood.con 2>&1 &&
	grep -q "^RESULT:" /tmp/evflood.con; do
	i=$((i + 1))
	[ $i -lt 100 ] || fail "evflood: no result: $(tail -n 5 /tmp/evflood.con)"
	sleep 0.2
done
grep -q "^RESULT: PASS" /tmp/evflood.con ||
	fail "evflood: $(cat /tmp/evflood.con)"
grep "evflood:" /tmp/evflood.con
ok "evflood PASS"

xenlate destroy evflood || fail "destroy evflood"
xenlate destroy burner || fail "destroy burner"
xenlate unload || fail "unload"
expect_clean_dmesg
