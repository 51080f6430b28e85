#!/bin/sh
# Rig self-test: a scenario that never ends must be killed and reported.
# vm: --timeout 25
# expect: timeout after 25 s
echo "hang: sleeping forever"
while :; do sleep 1000; done
