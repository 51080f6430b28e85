#!/bin/sh
# Rig self-test: a VM that reports its result but then does not power off
# (as when a hypervisor left loaded breaks shutdown) fails, 15 s after the
# result rather than at its timeout.  The result line is printed here by
# hand and the scenario then hangs, standing in for a hung power-off.
# vm: --timeout 120
# expect: did not power off within 15 s
echo
echo "XENLATE-VM-RESULT rc=0"
while :; do sleep 1000; done
