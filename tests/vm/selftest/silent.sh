#!/bin/sh
# Rig self-test: the VM goes away without a word and without a result line
# (as when the machine resets or powers off under a broken hypervisor).
# vm: --timeout 60
# expect: VM exited without a result
exec >/dev/null 2>&1
sync
poweroff -f
