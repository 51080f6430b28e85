#!/bin/sh
# A CPU without SVM, or with SVM but without nested paging: the load is
# refused with one line that says which.
# vm: --cpus 2 --cpu-model qemu64,-svm --timeout 120
# vm: --cpus 2 --cpu-model qemu64,+svm,-npt --timeout 120
SCENARIO=nosvm
. /usr/libexec/xenlate-tests/lib.sh

if grep -qw svm /proc/cpuinfo; then
	reason="no nested paging"
else
	reason="no AMD SVM"
fi
if xenlate load >/tmp/out 2>&1; then
	fail "xenlate load succeeded without $reason"
fi
[ "$(wc -l </tmp/out)" = 1 ] || fail "more than one line: $(cat /tmp/out)"
grep -q "$reason" /tmp/out || fail "'$reason' not in: $(cat /tmp/out)"
[ -e /sys/module/xenlate ] && fail "xenlate left loaded"
ok "refused: $(cat /tmp/out)"
