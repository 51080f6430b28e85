#!/bin/sh
# BVT weights at run time on one CPU: three CPU-burning guests with
# mcu_adv 40:20:10 (weights 1:2:4) get 1/7, 2/7, 4/7 of the CPU the
# three of them get over 10 s, within 2 points; a CPU-bound Dom0
# process and a CPU-bound guest with equal weights share the CPU about
# evenly (40..60%, by the hypervisor's accounting); bad values are
# refused with one clear line and change nothing.
# vm: --cpus 1 --mem 768 --timeout 180
SCENARIO=sched-bvt
. /usr/libexec/xenlate-tests/lib.sh

G=/usr/lib/xenlate-tests/guests
if [ ! -e $G/burner.elf ]; then
	echo "$SCENARIO: skip: no test guests in $G"
	exit 77
fi
# Share error allowed, in percentage points (issue 4 asks for 2).
TOL=${BVT_TOL:-2}

# CPU ns of every domain, one "name ns" line each, from one snapshot.
cpu_ns() {
	xenlate list --json |
		sed -n 's/.*"name": "\([^"]*\)".*"cpu_ns": \([0-9]*\).*/\1 \2/p'
}

# $1 $2: snapshots; $3: name -> ns it ran between them.
delta() {
	a=$(awk -v n="$3" '$1 == n { print $2 }' "$1")
	b=$(awk -v n="$3" '$1 == n { print $2 }' "$2")
	echo $((b - a))
}

# Refused, with one line holding $1, and nothing changed.
expect_refused() {
	want=$1
	shift
	xenlate sched-bvt "$@" >/tmp/out 2>&1 && fail "accepted: sched-bvt $*"
	grep -q -- "$want" /tmp/out || fail "sched-bvt $*: $(cat /tmp/out)"
	[ "$(wc -l </tmp/out)" = 1 ] || fail "sched-bvt $*: not one line: $(cat /tmp/out)"
}

xenlate load || fail "xenlate load"
for n in 1 2 4; do
	xenlate create $G/burner.cfg name=w$n extra="forever=1 report=1000" ||
		fail "create w$n"
done
xenlate sched-bvt w1 mcu_adv=40 || fail "mcu_adv w1"
xenlate sched-bvt w2 mcu_adv=20 || fail "mcu_adv w2"
xenlate sched-bvt w4 mcu_adv=10 || fail "mcu_adv w4"
xenlate sched-bvt | grep -qE '^w1 +[0-9]+ +40 ' || fail "w1 not at 40: $(xenlate sched-bvt)"

# Bad values: refused, one line each, nothing changed.
expect_refused "mcu_adv: 0 out of range 1..10000" w1 mcu_adv=0
expect_refused "mcu_adv: 10001 out of range" w1 mcu_adv=10001
expect_refused "mcu_adv: 'abc' is not a number" w1 mcu_adv=abc
expect_refused "warp_enabled: 2 out of range 0..1" w1 warp_enabled=2
expect_refused "unknown parameter 'weight'" w1 weight=4
expect_refused "no domain 'nosuch'" nosuch mcu_adv=3
expect_refused "mcu: 1000 out of range" -g mcu=1000
expect_refused "ctx_allow, the context-switch allowance, must be at least mcu" -g mcu=20ms
expect_refused "ctx_allow must be at least mcu" -g mcu=2ms ctx_allow=1ms
xenlate sched-bvt w1 | grep -qE '^w1 +[0-9]+ +40 +0 +0 +0 +0$' ||
	fail "w1 changed: $(xenlate sched-bvt w1)"
xenlate sched-bvt -g | tail -n 1 | grep -qE '^ +100000 +5000000$' ||
	fail "globals changed: $(xenlate sched-bvt -g)"
ok "bad values refused with one line each; nothing changed"

sleep 2	# past the start-up of all three
cpu_ns >/tmp/s0
sleep 10
cpu_ns >/tmp/s1
d1=$(delta /tmp/s0 /tmp/s1 w1)
d2=$(delta /tmp/s0 /tmp/s1 w2)
d4=$(delta /tmp/s0 /tmp/s1 w4)
sum=$((d1 + d2 + d4))
[ $sum -gt 5000000000 ] || fail "the guests ran only $sum ns in 10 s"
# Share of each in tenths of a percent, and its error from n/7.
res=$(awk -v a=$d1 -v b=$d2 -v c=$d4 -v s=$sum -v tol=$TOL 'BEGIN {
	split(a " " b " " c, d, " "); split("1 2 4", w, " ")
	bad = 0; worst = 0
	for (i = 1; i <= 3; i++) {
		sh = 100 * d[i] / s; want = 100 * w[i] / 7; e = sh - want
		if (e < 0) e = -e
		if (e > worst) worst = e
		if (e > tol) bad = 1
		printf "w%d %.1f%% (want %.1f%%) ", w[i], sh, want
	}
	printf "worst error %.2f points", worst
	exit bad }')
rc=$?
echo "$SCENARIO: shares over 10 s: $res"
[ $rc = 0 ] || fail "shares off by more than $TOL points: $res"
ok "weights 1:2:4 got $res"

# Dom0 against one guest, equal weights (10, the default).
xenlate destroy w1 || fail "destroy w1"
xenlate destroy w2 || fail "destroy w2"
xenlate sched-bvt w4 mcu_adv=10 || fail "w4 back to 10"
xenlate sched-bvt Domain-0 | grep -qE '^Domain-0 +0 +10 ' ||
	fail "Dom0 weight: $(xenlate sched-bvt Domain-0)"
# The scheduler's view: Dom0's vCPU time against the guest's.  (Linux's
# own accounting of the hog also counts the time the guest took from
# it: Dom0 has no steal time; it is printed, not judged.)
dom0_s() { xenlate vcpu-list Domain-0 | awk '$1 == "Domain-0" { print $6 }'; }
sh -c 'while :; do :; done' &
hog=$!
sleep 2
t0=$(awk '{ print $14 + $15 }' /proc/$hog/stat)
v0=$(dom0_s)
g0=$(cpu_ns | awk '$1 == "w4" { print $2 }')
u0=$(cut -d' ' -f1 /proc/uptime)
sleep 10
t1=$(awk '{ print $14 + $15 }' /proc/$hog/stat)
v1=$(dom0_s)
g1=$(cpu_ns | awk '$1 == "w4" { print $2 }')
u1=$(cut -d' ' -f1 /proc/uptime)
kill $hog
hz=$(getconf CLK_TCK 2>/dev/null || echo 100)
res=$(awk -v v0=$v0 -v v1=$v1 -v g=$((g1 - g0)) -v p=$((t1 - t0)) -v hz=$hz \
	-v u0=$u0 -v u1=$u1 'BEGIN {
	d = v1 - v0; gs = g / 1e9; s = 100 * d / (d + gs)
	printf "Dom0 %.1f%% (%.1f s), guest %.1f%% (%.1f s) of %.1f s;", \
		s, d, 100 - s, gs, u1 - u0
	printf " Linux counted %.1f s for the hog", p / hz
	exit (s < 40 || s > 60) }')
rc=$?
echo "$SCENARIO: Dom0 vs guest: $res"
[ $rc = 0 ] || fail "Dom0 and the guest not about even: $res"
ok "equal weights, a CPU-bound Dom0 process vs a guest: $res"

xenlate destroy w4 || fail "destroy w4"
xenlate unload || fail "unload"
expect_clean_dmesg
