#!/bin/sh
# Console input: what `xenlate console` reads (here from a pipe; from a
# terminal it is the keys) reaches the guest's console ring, and the
# guest's answers come back in the same console.  More than the ring
# holds (1 KiB) arrives whole and in order.  On a terminal (tmux) keys go
# as typed and Ctrl-] leaves.  A domain that does not exist: one clear
# line.
# vm: --cpus 1 --mem 768 --timeout 240
SCENARIO=guest-console
. /usr/libexec/xenlate-tests/lib.sh

G=/usr/lib/xenlate-tests/guests

# type SECONDS TEXT: TEXT into echo's console, showing the console for
# SECONDS more (Ctrl-C ends it, as a user would).
type_in() {
	(printf '%s' "$2"; sleep "$1") |
		timeout -s INT $(($1 + 10)) xenlate console echo
}

xenlate load || fail "xenlate load"
xenlate create -e $G/echo.cfg extra="seconds=200" || fail "create echo"
wait_console echo 60 'echo: ready'

out=$(type_in 3 "ping
second line
") || fail "xenlate console: $out"
echo "$out" | grep -q '^echo: got ping$' || fail "no answer to ping: $out"
echo "$out" | grep -q '^echo: got second line$' ||
	fail "no answer to the second line: $out"
ok "typed lines reach the guest, its answers show"

# 300 numbered lines, about 2.7 KiB: the ring fills, the rest waits.
numbered() {	# numbered PREFIX: PREFIX1 .. PREFIX300, a line each
	i=1
	while [ $i -le 300 ]; do
		echo "$1$i"
		i=$((i + 1))
	done
}
type_in 5 "$(numbered 'line ')
" >/dev/null || fail "xenlate console with 300 lines"
wait_console echo 30 '^echo: got line 300$'
got=$(grep -c '^echo: got line ' /tmp/echo.con)
[ "$got" = 300 ] || fail "$got of 300 lines reached the guest"
numbered 'echo: got line ' >/tmp/want.con
grep '^echo: got line ' /tmp/echo.con | cmp -s - /tmp/want.con ||
	fail "lines out of order or changed"
ok "300 lines, more than the ring holds, arrived whole and in order"

# On a terminal: keys go as typed, Ctrl-] leaves (and is not sent).
tmux new-session -d -s con -x 120 -y 30 "xenlate console echo" ||
	fail "tmux"
wait_until 20 "console on the terminal" sh -c \
	"tmux capture-pane -p -S - -t con | grep -q 'echo: ready'"
tmux send-keys -t con 'from a terminal' Enter
wait_until 20 "the guest's answer on the terminal" sh -c \
	"tmux capture-pane -p -S - -t con | grep -q 'echo: got from a terminal'"
tmux send-keys -t con C-]
wait_until 10 "Ctrl-] to leave the console" sh -c \
	"! tmux has-session -t con 2>/dev/null"
ok "keys from a terminal reach the guest; Ctrl-] leaves"

type_in 2 "quit
" >/dev/null
wait_console echo 30 'RESULT: PASS'
ok "quit ends the guest"

# Nobody reads the ring now: 6000 keys fill it (1 KiB) and what the
# console holds back (4 KiB), the rest is dropped; Ctrl-] still leaves.
tmux new-session -d -s full -x 120 -y 30 "xenlate console echo" ||
	fail "tmux"
wait_until 20 "console on the terminal" sh -c \
	"tmux capture-pane -p -S - -t full | grep -q 'RESULT: PASS'"
tmux send-keys -t full -l "$(head -c 6000 /dev/zero | tr '\0' k)"
sleep 1
tmux send-keys -t full C-]
wait_until 20 "Ctrl-] with the ring full" sh -c \
	"! tmux has-session -t full 2>/dev/null"
ok "with the guest reading nothing, Ctrl-] still leaves"

# Errors: one clear line each.
if xenlate console nosuch </dev/null >/tmp/err 2>&1; then
	fail "console of a missing domain succeeded"
fi
grep -q 'nosuch' /tmp/err || fail "unclear error: $(cat /tmp/err)"
xenlate destroy echo || fail "destroy echo"
ok "a missing domain is refused"

xenlate unload || fail "unload"
expect_clean_dmesg
ok "guest-console done"
