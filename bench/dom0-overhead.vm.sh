#!/bin/sh
# Runs inside the test VM (bench/dom0-overhead puts ROUNDS and SECS in
# front).  For each stress-ng workload, runs with the hypervisor unloaded
# (A) and loaded (B) back to back, alternating which goes first, and
# prints one "sample" line per pair; the load and unload times come from
# the loader's log lines.
: "${ROUNDS:=5}" "${SECS:=3}"
STRESSORS="cpu get fork switch mmap"
n=$(nproc)

# ops/s (real time) of one stress-ng run of stressor $1.
rate() {
	# mmap's default 256 MiB per operation takes longer than a run here.
	stress-ng --"$1" "$n" --timeout "${SECS}s" --metrics-brief \
		--mmap-bytes 8M \
		--yaml /tmp/m.yaml >/dev/null 2>&1 || { echo 0; return; }
	awk '/bogo-ops-per-second-real-time:/ { s += $2 } END { printf "%.2f\n", s }' /tmp/m.yaml
}

measure() {	# $1 = A or B, $2 = stressor
	if [ "$1" = B ]; then
		modprobe xenlate || { echo "bench: load failed"; exit 1; }
		rate "$2"
		rmmod xenlate
	else
		rate "$2"
	fi
}

r=1
while [ "$r" -le "$ROUNDS" ]; do
	for s in $STRESSORS; do
		if [ $((r % 2)) = 1 ]; then
			a=$(measure A "$s"); b=$(measure B "$s")
		else
			b=$(measure B "$s"); a=$(measure A "$s")
		fi
		echo "sample $n $s $r $a $b"
	done
	r=$((r + 1))
done
dmesg | sed -n 's/.*entered in \([0-9]*\) us.*/load_us \1/p'
dmesg | sed -n 's/.*left the hypervisor in \([0-9]*\) us.*/unload_us \1/p'
