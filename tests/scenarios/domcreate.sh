#!/bin/sh
# xenlate create: a config file, a kernel and a ramdisk become a started
# domain whose console shows what the builder gave it; every error, before
# the domain exists or after, is one line naming the file and leaves
# nothing allocated; pause and unpause change its state.
# vm: --cpus 2 --mem 1024 --timeout 240
SCENARIO=domcreate
. /usr/libexec/xenlate-tests/lib.sh

G=/usr/lib/xenlate-tests/guests
if [ ! -e $G/hello.elf ]; then
	echo "$SCENARIO: skip: no test guests in $G"
	exit 77
fi

# $1: what; the rest: a create that must fail with one line holding $2.
expect_fail() {
	what=$1 want=$2
	shift 2
	xenlate create "$@" >/tmp/out 2>&1 && fail "$what: created"
	grep -q -- "$want" /tmp/out || fail "$what: $(cat /tmp/out)"
	[ "$(wc -l </tmp/out)" = 1 ] || fail "$what: not one line: $(cat /tmp/out)"
}

# Nothing of a failed create is left: no domain, Dom0's memory back.
expect_nothing_left() {
	[ "$(xenlate list | wc -l)" = 2 ] || fail "$1: left: $(xenlate list)"
	[ "$(pct_diff "$(memfree_kb)" "$before")" -le 1 ] ||
		fail "$1: MemFree $(memfree_kb) kB vs $before kB before"
}

# Files in /tmp take Dom0 memory: make them before measuring it.
head -c 20000000 /dev/urandom >/tmp/big.img
head -c 100000 /dev/urandom >/tmp/rd.img
xenlate load || fail "xenlate load"
before=$(memfree_kb)

cat >/tmp/bad.cfg <<EOF
name = "bad"
memory = 16
memroy = 16
kernel = "$G/hello.elf"
EOF
expect_fail "unknown key" "^xenlate: /tmp/bad.cfg:3: unknown key 'memroy'" \
	/tmp/bad.cfg
expect_fail "missing kernel" "hello.cfg: kernel '/nonexistent': No such file" \
	$G/hello.cfg kernel=/nonexistent
expect_fail "not a kernel" "hello.cfg: kernel '/etc/passwd': not a kernel" \
	$G/hello.cfg kernel=/etc/passwd
expect_fail "4 GiB" "above 3 GiB is not supported yet" \
	$G/hello.cfg memory=4096
expect_fail "big ramdisk" "ramdisk '/tmp/big.img': larger than the domain's memory" \
	$G/hello.cfg ramdisk=/tmp/big.img
expect_fail "too much memory" "more memory than Dom0 can give" \
	$G/hello.cfg memory=3000
expect_nothing_left "refused creates"
ok "bad configs, kernels, ramdisks and sizes refused with one line"

xenlate create -n $G/hello.cfg >/tmp/out || fail "create -n: $(cat /tmp/out)"
grep -q "hvm_start_info at 0x" /tmp/out || fail "create -n: $(cat /tmp/out)"
expect_nothing_left "create -n"
ok "create -n shows the layout and creates nothing"

# -e: no monitor, so hello stays (shut down) after it powers off.
xenlate create -e -p $G/hello.cfg ramdisk=/tmp/rd.img >/tmp/out 2>&1 ||
	fail "create -p hello: $(cat /tmp/out)"
xenlate list | grep -E '^hello +[0-9]+ +16 +1 +--p---' >/dev/null ||
	fail "created paused: $(xenlate list)"
xenlate unpause hello || fail "unpause"
ok "created paused, unpaused"

# Its console shows what the builder gave it.
i=0
until xenlate console -n hello >/tmp/con 2>&1 &&
	grep -q "module 0 first bytes" /tmp/con; do
	i=$((i + 1))
	[ $i -lt 50 ] || fail "console: $(cat /tmp/con)"
	sleep 0.2
done
grep -q 'cmdline "hello=world"' /tmp/con || fail "cmdline: $(cat /tmp/con)"
# RAM, then the console and xenstore rings' pages, reserved.
grep -q "0000000000000000-0000000000ffdfff ram" /tmp/con &&
	grep -q "0000000000ffe000-0000000000ffffff reserved" /tmp/con ||
	fail "memory map: $(cat /tmp/con)"
want=$(od -An -tx1 -N16 /tmp/rd.img | tr -s ' \n' ' ' | sed 's/ $//')
grep -q "module 0 first bytes: *$want" /tmp/con ||
	fail "ramdisk ($want): $(cat /tmp/con)"
ok "console: command line, memory map and ramdisk as built"

xenlate destroy hello || fail "destroy hello"
expect_nothing_left "destroy hello"
xenlate console -n hello >/tmp/out 2>&1 && fail "console of a destroyed domain"
ok "destroyed: memory back, its console gone"

# A guest that runs until stopped: pause and unpause change its state.
xenlate create $G/burner.cfg extra=forever=1 || fail "create burner"
xenlate list | grep -qE '^burner .* r----- ' || fail "running: $(xenlate list)"
xenlate pause burner || fail "pause"
xenlate list | grep -qE '^burner .* --p--- ' || fail "paused: $(xenlate list)"
xenlate unpause burner || fail "unpause"
xenlate list | grep -qE '^burner .* r----- ' || fail "unpaused: $(xenlate list)"
# console follows until the domain is destroyed.
xenlate console burner >/tmp/con 2>&1 &
con=$!
sleep 2
xenlate destroy burner || fail "destroy burner"
i=0
while kill -0 $con 2>/dev/null; do
	i=$((i + 1))
	[ $i -lt 50 ] || fail "console still following a destroyed domain"
	sleep 0.2
done
wait $con || fail "console: $(cat /tmp/con)"
grep -q "burner: report" /tmp/con || fail "console: $(cat /tmp/con)"
expect_nothing_left "destroy burner"
ok "pause, unpause; console followed until destroy"
xenlate unload || fail "unload"
expect_clean_dmesg
