#!/bin/sh
# Rig self-test: a VM that prints nothing at all (QEMU starts it stopped,
# -S) must be reported as a timeout that never reached its init.
# vm: --timeout 15 --qemu-arg -S
# expect: never reached its init
exit 0
