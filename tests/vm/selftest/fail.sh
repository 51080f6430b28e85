#!/bin/sh
# Rig self-test: a scenario's exit status is what the runner reports.
# vm: --timeout 60
# expect: rc=3
echo "fail: exiting with 3"
exit 3
