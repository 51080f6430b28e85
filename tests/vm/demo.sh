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
