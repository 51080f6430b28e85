#!/bin/sh
# Runs inside a 1-CPU test VM (bench/sched puts ROUNDS in front).
# Prints "share ..." and "warp ..." lines for bench/sched.
: "${ROUNDS:=3}"
G=/usr/lib/xenlate-tests/guests

# "name ns" of every guest from one snapshot of the hypervisor's counts.
snap() {
	xenlate list --json |
		sed -n 's/.*"name": "\([^"]*\)".*"cpu_ns": \([0-9]*\).*/\1 \2/p'
}

# Wait for guest $1's RESULT line (max ~80 s).
done_wait() {
	w=0
	until xenlate console -n "$1" 2>/dev/null | grep -q '^RESULT:'; do
		w=$((w + 1))
		[ $w -lt 400 ] || return 1
		sleep 0.2
	done
}

xenlate load || { echo "bench: load failed"; exit 1; }

# BVT shares: weights 1:2:4 (mcu_adv 40:20:10), 10 s per round.
for n in 1 2 4; do
	xenlate create -e -p $G/burner.cfg name=w$n \
		extra="forever=1 report=60000" >/dev/null || exit 1
	xenlate sched-bvt w$n mcu_adv=$((40 / n))
done
for n in 1 2 4; do xenlate unpause w$n; done
sleep 2
r=1
while [ $r -le "$ROUNDS" ]; do
	snap >/tmp/a
	sleep 10
	snap >/tmp/b
	echo "share $r $(awk 'NR == FNR { a[$1] = $2; next }
		$1 ~ /^w[124]$/ { d[$1] = $2 - a[$1]; t += d[$1] }
		END { printf "%.4f %.4f %.4f", d["w1"] / t, d["w2"] / t, d["w4"] / t }' /tmp/a /tmp/b)"
	r=$((r + 1))
done
for n in 1 2 4; do xenlate destroy w$n; done

# Warp: a sleeper's lateness among two burners, unwarped and warped,
# for two context-switch allowances.
for b in b1 b2; do
	xenlate create -e $G/burner.cfg name=$b extra="forever=1 report=60000" \
		>/dev/null || exit 1
done
for ctx in 5ms 20ms; do
	xenlate sched-bvt -g ctx_allow=$ctx
	for warp in 0 1; do
		xenlate create -e -p $G/timer.cfg name=s \
			extra="reads=0 latency=200 period=10" >/dev/null || exit 1
		[ $warp = 1 ] && xenlate sched-bvt s warp_enabled=1 warp=2000
		xenlate unpause s
		sleep 4
		done_wait s || exit 1
		echo "warp $ctx $warp $(xenlate console -n s | grep '^timer: latency')"
		xenlate destroy s
	done
done
xenlate destroy b1
xenlate destroy b2
xenlate unload
