#!/bin/sh
# Runs inside the test VM (bench/domains puts SCALE and SECS in front).
# Prints "key value..." lines; bench/domains turns them into tables.
: "${SCALE:=1 8 32 128}" "${SECS:=10}"
G=/usr/lib/xenlate-tests/guests
export PATH=$PATH:/usr/sbin

# Wait until domain $1's console has a line matching $2 (max ~60 s).
wait_console() {
	w=0
	until xenlate console -n "$1" 2>/dev/null | grep -q "$2"; do
		w=$((w + 1))
		[ $w -lt 600 ] || { echo "bench: $1: no '$2'" >&2; return 1; }
		sleep 0.1
	done
}

# hv log time (seconds, float) of the first line matching $1.
hv_time() {
	xenlate dmesg | grep -m1 "$1" | sed 's/^\[[a-z0-9]* *\([0-9.]*\)\].*/\1/'
}

xenlate load || { echo "bench: load failed"; exit 1; }

# Hypercall round trip, from inside a guest.
for r in 1 2 3; do
	xenlate create $G/hcbench.cfg name=hc$r >/dev/null || exit 1
	wait_console hc$r "^RESULT:" || exit 1
	xenlate console -n hc$r | grep '^hcbench:' | sed 's/^/hcall /'
	xenlate destroy hc$r
done

# Create to first instruction (its first console line) and destroy, in
# the hypervisor's clock (busybox date has no sub-second time).
for mem in 16 256; do
	for r in 1 2 3; do
		xenlate create $G/hello.cfg name=c$mem$r memory=$mem \
			on_poweroff=preserve >/dev/null || exit 1
		wait_console c$mem$r "^RESULT:" || exit 1
		id=$(xenlate list | awk -v n=c$mem$r '$1 == n { print $2 }')
		xenlate destroy c$mem$r
		echo "create $mem $(hv_time "domain $id created") \
$(hv_time "domain $id: started") $(hv_time "d$id: ") \
$(hv_time "domain $id: destroying") $(hv_time "domain $id destroyed")"
	done
done

# Event-channel round trip between two domains (evtping), 3 runs.  Ids
# are handed out increasing: the server is told its client's id ahead.
for r in 1 2 3; do
	srv=$((id + 1))
	xenlate create $G/evtping.cfg name=srv$r on_poweroff=preserve \
		extra="role=server peer=$((srv + 1)) count=1000" >/dev/null || exit 1
	wait_console srv$r "^port=" || exit 1
	port=$(xenlate console -n srv$r | sed -n 's/^port=\([0-9]*\)$/\1/p')
	xenlate create $G/evtping.cfg name=cli$r on_poweroff=preserve \
		extra="role=client peer=$srv port=$port count=1000" >/dev/null ||
		exit 1
	wait_console cli$r "^RESULT:" || exit 1
	xenlate console -n cli$r | grep 'round trips, mean' | sed 's/^/evtping /'
	id=$(xenlate list | awk -v n=cli$r '$1 == n { print $2 }')
	xenlate destroy cli$r
	xenlate destroy srv$r
done

# Xenstore read round trip from a guest (xsclient bench=200), 3 runs:
# guest -> hypervisor -> Dom0's daemon (polling) -> hypervisor -> guest.
for r in 1 2 3; do
	xenlate create $G/xsclient.cfg name=xs$r extra="bench=200" \
		>/dev/null || exit 1
	wait_console xs$r "bench 200 reads" || exit 1
	xenlate console -n xs$r | grep 'bench 200 reads' | sed 's/^/xsread /'
	xenlate destroy xs$r
done

# Scale: K burners created paused, unpaused together, SECS seconds each;
# the sum of their work rates against one alone.
for k in $SCALE; do
	i=1
	while [ $i -le "$k" ]; do
		xenlate create -p $G/burner.cfg name=b$i memory=4 \
			on_poweroff=preserve extra="seconds=$SECS report=$((SECS * 1000))" \
			>/dev/null || { echo "bench: create b$i of $k failed"; break; }
		i=$((i + 1))
	done
	made=$((i - 1))
	t0=$(cut -d' ' -f1 /proc/uptime)
	i=1
	while [ $i -le "$made" ]; do
		xenlate unpause b$i
		i=$((i + 1))
	done
	# Work done by all of them over the whole window (first unpause to
	# last done), not each one's own rate: their starts are skewed.
	# Dom0 keeps still meanwhile: polling consoles costs it a CPU here.
	sleep "$SECS"
	loops=0
	i=1
	while [ $i -le "$made" ]; do
		wait_console b$i "burner: done" || break
		l=$(xenlate console -n b$i | sed -n 's/.*done: \([0-9]*\) loops.*/\1/p')
		loops=$((loops + l))
		i=$((i + 1))
	done
	t1=$(cut -d' ' -f1 /proc/uptime)
	sum=$(awk -v l=$loops -v a=$t0 -v b=$t1 'BEGIN { printf "%d", l / (b - a) }')
	echo "scale $k $made $sum"
	i=1
	while [ $i -le "$made" ]; do
		xenlate destroy b$i
		i=$((i + 1))
	done
done
xenlate unload
