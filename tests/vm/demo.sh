#!/bin/sh
# The demo's command list, run as root in the demo VM's Dom0 by
# tests/vm/demo (installed in the VM as /usr/lib/xenlate-vm/demo.sh).
# Extend it as the project grows (guests, xentop, ...).  Exit status: that
# of the first step that failed.

step() {
	echo
	echo "### $*"
	"$@" || { rc=$?; echo "### FAILED (exit $rc): $*"; exit $rc; }
}

echo "### Dom0: $(uname -r), $(grep -c '^processor' /proc/cpuinfo) CPUs, $(free -m | awk '/^Mem:/ { print $2 }') MiB"
# Load the hypervisor underneath the running kernel: through the CLI when
# it has a "load" command, else the module directly.
if xenlate help load >/dev/null 2>&1; then
	step xenlate load
else
	step modprobe xenlate
fi
step xenlate info
step /usr/libexec/xenlate-tests/xl-cpuid
step xenlate dmesg

# Three CPU-burning guests with BVT weights 1:2:4 (mcu_advance 4:2:1; the
# share is 1 / mcu_advance), pinned to CPU 0, and the CPU time they get.
G=/usr/lib/xenlate-tests/guests
for w in 1:40 2:20 4:10; do
	n=burner-w${w%%:*}
	step xenlate create -p $G/burner.cfg name=$n cpus=0 \
		extra="forever=1 report=5000"
	step xenlate sched-bvt $n mcu_adv=${w#*:}
done
for n in burner-w1 burner-w2 burner-w4; do
	step xenlate unpause $n
done
step xenlate sched-bvt
step xenlate vcpu-list
echo
echo "### the guests burn for 15 s..."
sleep 15
step xenlate list
echo "### CPU time should be in proportion 1:2:4 among guests on one CPU:"
xenlate vcpu-list | awk 'NR > 1 && $1 ~ /^burner/ { print "###   " $1 " on CPU " $4 ": " $6 " s" }'
step xenlate console -n burner-w4

# The end: xentop, Dom0 and the three burners with their CPU shares.
FW=/sys/firmware/qemu_fw_cfg/by_name/opt/xenlate
if [ "$(cat $FW/shell/raw 2>/dev/null)" = 1 ]; then
	# Interactive: the live screen on the console at the host terminal's
	# size and type (as init sets them for the shell that follows).
	t=$(cat $FW/term/raw 2>/dev/null)
	[ -n "$t" ] && [ -e "/lib/terminfo/$(echo "$t" | cut -c1)/$t" ] &&
		export TERM="$t"
	size=$(cat $FW/size/raw 2>/dev/null)
	# shellcheck disable=SC2086  # "ROWS COLS"
	[ -n "$size" ] && set -- $size && stty -F /dev/ttyS0 rows "$1" cols "$2"
	echo
	echo "### xentop (Q quits; the Dom0 shell follows)"
	setsid -c xentop -d 1 <>/dev/ttyS0 >&0 2>&1
else
	step xentop -b -i 2
fi
