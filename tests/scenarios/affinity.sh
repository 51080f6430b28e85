#!/bin/sh
# Hard CPU affinity, xl.cfg's cpus: three burners pinned to CPU 0 all
# run there (unpinned, the second would go to the idle CPU 1), one
# pinned to CPU 1 as "0-1,^0" runs there, and a CPU the hypervisor does
# not run on is refused in one line with nothing left allocated.
# vm: --cpus 2 --mem 1024 --timeout 180
SCENARIO=affinity
. /usr/libexec/xenlate-tests/lib.sh

G=/usr/lib/xenlate-tests/guests
if [ ! -e $G/burner.elf ]; then
	echo "$SCENARIO: skip: no test guests in $G"
	exit 77
fi

# burner NAME CPUS: a burner for ever, no monitor (-e), pinned to CPUS.
burner() {
	xenlate create -e $G/burner.cfg name=$1 cpus=$2 \
		extra="forever=1 report=500" || fail "create $1 cpus=$2"
}

# on_cpu NAME CPU: vcpu-list shows NAME's vCPU 0 on CPU.
on_cpu() {
	xenlate vcpu-list >/tmp/vl || fail "vcpu-list"
	grep -qE "^$1 +[0-9]+ +0 +$2 " /tmp/vl ||
		fail "$1 not on CPU $2: $(cat /tmp/vl)"
}

reports() { xenlate console -n $1 | grep -q "burner: report"; }

xenlate load || fail "xenlate load"
before=$(memfree_kb)

# CPU 7 of a 2-CPU VM: refused, one line, the domain destroyed again.
xenlate create -e $G/burner.cfg name=b7 cpus=7 >/tmp/out 2>&1 &&
	fail "cpus=7 accepted: $(xenlate vcpu-list)"
[ "$(wc -l </tmp/out)" = 1 ] || fail "cpus=7: not one line: $(cat /tmp/out)"
grep -q "cpus: none of those CPUs is under the hypervisor" /tmp/out ||
	fail "cpus=7: $(cat /tmp/out)"
xenlate list >/tmp/list || fail "list"
[ "$(grep -vc '^Name ' /tmp/list)" = 1 ] && grep -q '^Domain-0 ' /tmp/list ||
	fail "cpus=7 left something: $(cat /tmp/list)"
ok "cpus=7 refused: $(cat /tmp/out)"

for b in b0 b1 b2; do
	burner $b 0
done
burner b3 0-1,^0
for b in b0 b1 b2; do
	on_cpu $b 0
done
on_cpu b3 1
# All three share CPU 0: each gets time there.
for b in b0 b1 b2 b3; do
	wait_until 30 "$b reports" reports $b
done
on_cpu b0 0
ok "cpus=0: b0, b1, b2 on CPU 0, all running; cpus=0-1,^0: b3 on CPU 1"

for b in b0 b1 b2 b3; do
	xenlate destroy $b || fail "destroy $b"
done
xenlate list >/tmp/list || fail "list"
[ "$(grep -vc '^Name ' /tmp/list)" = 1 ] || fail "left: $(cat /tmp/list)"
[ "$(pct_diff "$(memfree_kb)" "$before")" -le 2 ] ||
	fail "MemFree $(memfree_kb) kB vs $before kB before"
xenlate unload || fail "unload"
expect_clean_dmesg
ok "destroyed all four, memory back, unloaded"
