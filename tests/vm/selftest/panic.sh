#!/bin/sh
# Rig self-test: a kernel crash ends the VM at once (panic=-1, -no-reboot)
# and is reported as such, long before the timeout.
# vm: --timeout 60
# expect: VM exited without a result
echo c >/proc/sysrq-trigger
sleep 1000
