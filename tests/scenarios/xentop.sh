#!/bin/sh
# xentop: refused with one line when the hypervisor is not loaded; in
# batch mode a CPU-burning guest's CPU(%) well above an idle (shut down)
# one's, Dom0 present; the live screen in tmux: header, a sort change,
# vCPU rows, columns dropped on a narrow window, the message while the
# hypervisor is unloaded and the pick-up once it is back, Q quits.
# vm: --cpus 1 --mem 768 --timeout 300
SCENARIO=xentop
. /usr/libexec/xenlate-tests/lib.sh

G=/usr/lib/xenlate-tests/guests
if [ ! -e $G/burner.elf ]; then
	echo "$SCENARIO: skip: no test guests in $G"
	exit 77
fi

xentop -b -i 1 >/tmp/out 2>&1 && fail "xentop ran without the hypervisor"
grep -q "not loaded" /tmp/out || fail "not loaded: $(cat /tmp/out)"
[ "$(wc -l </tmp/out)" = 1 ] || fail "not loaded: not one line: $(cat /tmp/out)"
ok "not loaded: one line, exit non-zero"

xenlate load || fail "xenlate load"
xenlate create -e $G/burner.cfg name=burner extra="forever=1" ||
	fail "create burner"
xenlate create -e $G/hello.cfg name=idle on_poweroff=preserve ||
	fail "create idle"
wait_until 20 "idle never shut down" sh -c \
	'xenlate list | grep -qE "^idle .* ---s-- "'

# --- batch ---------------------------------------------------------------
xentop -b -i 3 -d 1 >/tmp/batch 2>&1 || fail "xentop -b: $(cat /tmp/batch)"
# The last refresh: after the last blank line.
awk 'BEGIN { RS = "" } { last = $0 } END { print last }' /tmp/batch >/tmp/last
echo "$SCENARIO: last batch refresh:"
cat /tmp/last
col() { awk -v n="$1" -v c="$2" '$1 == n { print $c }' /tmp/last; }
grep -q '^xentop - .*Xenlate ' /tmp/last || fail "no title line"
grep -qE '^3 domains: 2 running, 0 blocked, 0 paused, 0 crashed, 0 dying, 1 shutdown' /tmp/last ||
	fail "domain counts: $(grep domains: /tmp/last)"
grep -qE '^Mem: [0-9]+k total, [0-9]+k used, [0-9]+k free    CPUs: 1 @ [0-9]+MHz' /tmp/last ||
	fail "memory line: $(grep Mem: /tmp/last)"
grep -q 'NAME  STATE   CPU(sec) CPU(%)' /tmp/last || fail "no titles"
[ -n "$(col Domain-0 4)" ] || fail "no Domain-0 row"
[ "$(col idle 2)" = "-s----" ] || fail "idle state: $(col idle 2)"
burn=$(col burner 4)
idle=$(col idle 4)
awk -v b="$burn" -v i="$idle" 'BEGIN { exit !(b >= 20 && i < 1) }' ||
	fail "burner at $burn%, idle at $idle%"
ok "batch: burner at $burn% CPU, idle at $idle%, Dom0 row present"
# -n -x -v: a network, a block device and a vCPU row under each domain,
# the devices all 0 as none exists yet.
xentop -b -i 1 -n -x -v >/tmp/rows 2>&1 || fail "xentop -b -n -x -v: $(cat /tmp/rows)"
[ "$(grep -c '^    Net  RX: 0bytes .* TX: 0bytes' /tmp/rows)" = 3 ] ||
	fail "-n: $(cat /tmp/rows)"
[ "$(grep -c '^    VBD  OO: 0  RD: 0  WR: 0' /tmp/rows)" = 3 ] ||
	fail "-x: $(cat /tmp/rows)"
grep -qE '^    VCPU +0 +CPU +0 ' /tmp/rows || fail "-v: $(cat /tmp/rows)"
ok "-n -x -v: the rows, devices at 0"
xenlate top -b -i 1 -a | grep -q 'MEM(MiB\*h)' || fail "xenlate top -b -a"
ok "xenlate top runs xentop; -a shows cumulative use"

# Without CAP_NET_ADMIN (as nobody): one line that says so.
grep -q '^nobody:' /etc/passwd ||
	echo 'nobody:x:65534:65534:nobody:/:/bin/sh' >>/etc/passwd
su -s /bin/sh -c 'xentop -b -i 1' nobody >/tmp/out 2>&1 &&
	fail "xentop ran as nobody"
grep -q "permission denied: needs root (CAP_NET_ADMIN)" /tmp/out ||
	fail "as nobody: $(cat /tmp/out)"
[ "$(wc -l </tmp/out)" = 1 ] || fail "as nobody: not one line: $(cat /tmp/out)"
ok "no permission: one line"

# --- the live screen -----------------------------------------------------
screen() { tmux capture-pane -p -t xt; }
# until_screen SECONDS WHAT PATTERN: wait for PATTERN on the screen.
until_screen() {
	n=$(($1 * 5))
	until screen | grep -qE -- "$3"; do
		n=$((n - 1))
		[ $n -gt 0 ] || { screen; fail "screen: $2"; }
		sleep 0.2
	done
}
# The name in the first row under the titles.
first_row() { screen | awk 'f { print $1; exit } /NAME +STATE/ { f = 1 }'; }

tmux new-session -d -s xt -x 200 -y 30 "xentop -d 1" || fail "tmux"
until_screen 10 "no header" '^xentop - '
until_screen 10 "no counts" '^3 domains: '
until_screen 10 "no memory line" '^Mem: .*CPUs: 1 @'
until_screen 10 "no Dom0 row" '^ +Domain-0 '
until_screen 10 "no sparkline column" 'CPU HISTORY'
ok "screen: header, rows, sparklines"

[ "$(first_row)" = Domain-0 ] || fail "not sorted by name: $(first_row)"
tmux send-keys -t xt S S S
until_screen 5 "no sort note" 'sorted by CPU\(%\)'
sleep 2
# Dom0 (xentop, tmux, this script) may use more than the burner here:
# what counts is that the rows are in CPU(%) order, largest first.
screen >/tmp/screen
awk '$2 ~ /^[-dsbcpr]{6}$/ { if (n++ && $4 > last) bad = 1; last = $4 }
	END { exit bad || n != 3 }' /tmp/screen ||
	{ cat /tmp/screen; fail "S S S: rows not by CPU(%)"; }
ok "S: sorted by CPU(%): $(awk '$2 ~ /^[-dsbcpr]{6}$/ { printf "%s %s%% ", $1, $4 }' /tmp/screen)"

tmux send-keys -t xt V
until_screen 5 "no vCPU rows" '^ +VCPU +0 +CPU +0 '
echo "$SCENARIO: the screen:"
screen
ok "V: vCPU rows"

tmux resize-window -t xt -x 40 -y 30 || fail "resize-window"
sleep 2
tmux has-session -t xt 2>/dev/null || fail "xentop died on a resize"
screen | grep -q 'MEM(k)' && { screen; fail "40 columns: MEM(k) still shown"; }
until_screen 5 "narrow: no titles" 'NAME +STATE +CPU\(sec\)'
echo "$SCENARIO: at 40 columns:"
screen
tmux resize-window -t xt -x 6 -y 2 || fail "resize-window to 6x2"
sleep 2
tmux has-session -t xt 2>/dev/null || fail "xentop died at 6x2"
tmux resize-window -t xt -x 200 -y 30
until_screen 5 "wide again: not all columns" 'VBD_WSECT'
ok "resize: columns dropped at 40, none lost at 6x2, back at 200"

tmux send-keys -t xt A
until_screen 5 "A: no cumulative use" 'MEM\(MiB\*h\) +VBD\(sect\) +NET\(bytes\) +AGE'
tmux send-keys -t xt A
until_screen 5 "A again: not back" 'MAXMEM\(k\)'
ok "A: cumulative use and back"

xenlate destroy burner || fail "destroy burner"
xenlate destroy idle || fail "destroy idle"
xenlate unload || fail "unload"
until_screen 10 "no message while unloaded" 'not loaded'
xenlate load || fail "load again"
until_screen 10 "no pick-up after load" '^1 domains: '
ok "unloaded: a message; loaded again: picked up"

tmux send-keys -t xt q
n=25
while tmux has-session -t xt 2>/dev/null; do
	n=$((n - 1))
	[ $n -gt 0 ] || fail "q did not quit"
	sleep 0.2
done
ok "q quits"

xenlate unload || fail "unload"
expect_clean_dmesg
