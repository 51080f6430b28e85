#!/bin/sh
# The hypervisor's panic path: with debug=1, Dom0 asks CPU 1 to fault
# inside the hypervisor.  The panic (exception, host registers, backtrace,
# the exit being handled, the guest's registers) must reach the log, and
# that CPU halts; CPU 0 goes on long enough to read the log.
# vm: --cpus 2 --mem 1024 --timeout 120
SCENARIO=panic
. /usr/libexec/xenlate-tests/lib.sh

# Everything of ours stays on CPU 0: what is queued on CPU 1 when it
# halts never runs again.
# (init too: it reports the result after us).
taskset -p -c 0 $$ >/dev/null || fail "cannot pin to CPU 0"
taskset -p -c 0 1 >/dev/null || fail "cannot pin init to CPU 0"
# Interrupts too: the console's would otherwise be CPU 1's, and the rest
# of this scenario's output would never leave the VM.
for a in /proc/irq/*/smp_affinity; do echo 1 >"$a" 2>/dev/null; done
# Shutting down waits for every CPU: leave by QEMU's exit port instead.
echo /sys/module/xenlate_probe/parameters/exit_qemu >/run/xenlate-vm-hard-exit
xenlate load debug=1 || fail "xenlate load debug=1"
insmod "/lib/modules/$(uname -r)/extra/xenlate_probe.ko" probe=none ||
	fail "insmod xenlate_probe"
# Once CPU 1 is gone, anything in Dom0 that waits for every CPU (an IPI
# with wait, a code patch) hangs CPU 0 too.  Read the log at once, having
# done once before what reading it does the first time (netlink's
# one-time setup patches code).
xenlate dmesg >/dev/null || fail "xenlate dmesg"
# Some of those first uses defer their code patch to a work item (a
# DO_ONCE's static key): let it run while CPU 1 can still answer.
sleep 2
xenlate dmesg >/dev/null || fail "xenlate dmesg"
# The writer never comes back: CPU 1 stays in the hypervisor, halted.
taskset -c 1 sh -c 'echo 1 >/proc/xenlate_probe_crash' &
n=0
until xenlate dmesg >/tmp/hv.log && grep -q 'cpu 1 halted' /tmp/hv.log; do
	n=$((n + 1))
	[ $n -lt 100 ] || fail "no panic in the log: $(tail -n 3 /tmp/hv.log)"
done
cat /tmp/hv.log
for what in 'crashing this CPU on request' \
	'HYPERVISOR PANIC: exception 14' ' rip .* (image+0x[0-9a-f]*) rsp .* cr2 0000000000000000' \
	'backtrace:' '\[<[0-9a-f]*>\] (image+0x' ' exit 81 ' ' guest rip .* rsp ' \
	'cpu 1 halted'; do
	grep -q "$what" /tmp/hv.log || fail "panic output lacks '$what'"
done
ok "panic printed in full; CPU 1 halted"
echo "<3>panic: ok: panic printed in full; CPU 1 halted" >/dev/kmsg
# The machine is broken now (CPU 1 is gone for good): power off at once.
