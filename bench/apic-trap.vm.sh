#!/bin/sh
# Runs inside the test VM (bench/apic-trap puts ROUNDS and SECS in
# front).  For each workload, runs it with the hypervisor loaded as
# dom0_apic=direct (A) and dom0_apic=trap (B) back to back, alternating
# which goes first, and prints one "sample" line per pair plus one
# "exits" line per run: Dom0's exit counters before and after it.
: "${ROUNDS:=5}" "${SECS:=3}"
WORKLOADS="cpu switch timer disk"
n=$(nproc)
KINDS="intr vintr hlt cpuid msr vmmcall apic npf ioio other"

# Centiseconds since boot (busybox date has no %N).
now_cs() {
	awk '{ printf "%d\n", $1 * 100 }' /proc/uptime
}

# ops/s (real time) of one run of workload $1.
rate() {
	if [ "$1" = disk ]; then
		# 4 KiB direct reads of the virtio scratch disk: one
		# interrupt (and one APIC EOI) per read.
		t0=$(now_cs)
		dd if=/dev/scratch of=/dev/null bs=4k count=$((SECS * 1000)) \
			iflag=direct 2>/dev/null || { echo 0; return; }
		t1=$(now_cs)
		awk -v n=$((SECS * 1000)) -v cs=$((t1 - t0 + 1)) \
			'BEGIN { printf "%.2f\n", n * 100 / cs }'
		return
	fi
	stress-ng --"$1" "$n" --timeout "${SECS}s" --metrics-brief \
		--yaml /tmp/m.yaml >/dev/null 2>&1 || { echo 0; return; }
	awk '/bogo-ops-per-second-real-time:/ { s += $2 } END { printf "%.2f\n", s }' /tmp/m.yaml
}

# Dom0's exit counters, one line: "total k1 k2 ...".
counters() {
	xenlate info | awk -v kinds="$KINDS" '
		/^dom0_exits: / { t = $2 }
		/^dom0_exits_/ { sub(/^dom0_exits_/, "", $1); sub(/:$/, "", $1); c[$1] = $2 }
		END { n = split(kinds, k, " "); printf "%s", t
		      for (i = 1; i <= n; i++) printf " %s", c[k[i]] + 0
		      printf "\n" }'
}

measure() {	# $1 = A or B, $2 = workload
	mode=direct
	[ "$1" = B ] && mode=trap
	xenlate load dom0_apic=$mode >/dev/null ||
		{ echo "bench: load failed" >&2; exit 1; }
	before=$(counters) t0=$(now_cs)
	r=$(rate "$2")
	after=$(counters) t1=$(now_cs)
	xenlate unload >/dev/null || { echo "bench: unload failed" >&2; exit 1; }
	# To the console now (stderr: stdout is the rate), so a VM that
	# dies later keeps the rounds it finished.
	echo "exits $n $2 $mode $((t1 - t0 + 1)) $before $after" >&2
	echo "$r"
}

r=1
while [ "$r" -le "$ROUNDS" ]; do
	for w in $WORKLOADS; do
		if [ $((r % 2)) = 1 ]; then
			a=$(measure A "$w"); b=$(measure B "$w")
		else
			b=$(measure B "$w"); a=$(measure A "$w")
		fi
		echo "sample $n $w $r $a $b"
	done
	r=$((r + 1))
done
