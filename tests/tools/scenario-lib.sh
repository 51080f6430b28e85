# Shared by the VM scenarios (sourced; runs in Dom0 as root).  Installed
# with the test tools as /usr/libexec/xenlate-tests/lib.sh.

T=/usr/libexec/xenlate-tests
: "${SCENARIO:=${0##*/}}"

fail() {
	echo "$SCENARIO: FAIL: $*"
	echo "--- dmesg (tail)"; dmesg | tail -n 20
	if [ -e /sys/module/xenlate_dom0 ]; then
		echo "--- xenlate dmesg (tail)"; xenlate dmesg | tail -n 20
	fi
	exit 1
}

ok() {
	echo "$SCENARIO: ok: $*"
}

# Free memory in kB: MemFree plus the free pages the page allocator keeps
# in its per-CPU lists (not counted in MemFree; with few CPUs they hold
# tens of MiB, and any process's exit can fill them).
memfree_kb() {
	pcp=$(awk '$1 == "count:" { n += $2 } END { print n * 4 }' /proc/zoneinfo)
	awk -v pcp="$pcp" '/^MemFree:/ { print $2 + pcp }' /proc/meminfo
}

# The hypervisor's ranges from /proc/iomem, as "start-end,start-end".
hv_ranges() {
	sed -n 's/^ *\([0-9a-f]*\)-\([0-9a-f]*\) : xenlate hypervisor$/\1-\2/p' \
		/proc/iomem | paste -sd, -
}

# Every online CPU answers CPUID from xenlate (or none does).
expect_hv() {
	$T/xl-cpuid --expect-hv >/tmp/cpuid.out ||
		fail "not every CPU is under the hypervisor: $(tr '\n' ' ' </tmp/cpuid.out)"
}

expect_native() {
	$T/xl-cpuid --expect-native >/tmp/cpuid.out ||
		fail "a CPU is still under the hypervisor: $(tr '\n' ' ' </tmp/cpuid.out)"
}

# Kernel log free of what must never appear while we run.
expect_clean_dmesg() {
	if dmesg | grep -E 'WARNING:|BUG:|Oops|rcu.*stall|soft lockup|hard LOCKUP|Call Trace|general protection' >/tmp/bad.out; then
		fail "kernel log has: $(head -n 3 /tmp/bad.out | tr '\n' ' ')"
	fi
}

# A line of `xenlate info`: info_field cpus -> "2 of 2 (0-1)".
info_field() {
	xenlate info | sed -n "s/^$1: //p"
}

# wait_until SECONDS WHAT CMD...: poll CMD every 0.2 s; fail with WHAT
# and the domain list if it never succeeds.
wait_until() {
	n=$(($1 * 5)) what=$2
	shift 2
	i=0
	until "$@" >/dev/null 2>&1; do
		i=$((i + 1))
		[ $i -lt $n ] || fail "$what: $(xenlate list)"
		sleep 0.2
	done
}

# wait_console NAME SECONDS REGEX: until domain NAME's console has a line
# matching REGEX (the console is left in /tmp/NAME.con); fail with its
# last lines if it never does.
wait_console() {
	i=0
	until xenlate console -n "$1" >/tmp/$1.con 2>&1 &&
		grep -q "$3" /tmp/$1.con; do
		i=$((i + 1))
		[ $i -lt $(($2 * 5)) ] ||
			fail "$1: no '$3' in $2 s: $(tail -n 5 /tmp/$1.con)"
		sleep 0.2
	done
}

# The id of domain NAME in 'xenlate list'.
id_of() {
	xenlate list | awk -v n="$1" '$1 == n { print $2 }'
}

# A numeric field of domain NAME in 'xenlate list --json': json_field
# NAME mem_kb.
json_field() {
	xenlate list --json |
		sed -n "s/.*\"name\": \"$1\".*\"$2\": \([0-9]*\).*/\1/p"
}

# Percentage difference of two numbers, rounded down, absolute.
pct_diff() {
	awk -v a="$1" -v b="$2" 'BEGIN { d = (a - b) * 100 / b; if (d < 0) d = -d; printf "%d\n", d }'
}
