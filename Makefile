# SPDX-License-Identifier: GPL-2.0
#
# xenlate: make (build all), make install [DESTDIR=D], make deps,
# make check (deps, build, unit tests, VM scenarios), make demo.

MAKEFLAGS += --no-print-directory
TOP := $(abspath $(dir $(lastword $(MAKEFILE_LIST))))
BUILD := $(TOP)/build

KVER ?= $(shell $(TOP)/scripts/kver 2>/dev/null)
KDIR ?= /lib/modules/$(KVER)/build

DESTDIR ?=
# Sub-makes run in other directories: make a relative DESTDIR absolute.
DEST := $(if $(DESTDIR),$(abspath $(DESTDIR)))
DEMO_ARGS ?=
# e.g. CHECK_ARGS="-j 2 launch*": options and test globs for tests/check
CHECK_ARGS ?=

all: hv modules tools test-tools guests

hv:
	@$(MAKE) -s -C hv O=$(BUILD)/hv

check-kdir:
	@if [ ! -e "$(KDIR)/Makefile" ]; then \
		echo "xenlate: no kernel headers at '$(KDIR)': run 'make deps' as root (installs linux-headers-amd64), or pass KDIR=/path/to/kbuild/tree" >&2; \
		exit 1; fi

modules: hv check-kdir
	@$(MAKE) -C $(KDIR) M=$(TOP) HV_BIN=$(BUILD)/hv/hv.bin modules

tools:
	@$(MAKE) -s -C tools O=$(BUILD)/tools
	@$(MAKE) -s -C tools/xentop O=$(BUILD)/tools
	@$(MAKE) -s -C tools/xenstored O=$(BUILD)/tools

test-tools: tools
	@$(MAKE) -s -C tests/tools O=$(BUILD)/tests

guests:
	@$(MAKE) -s -C tests/guests O=$(BUILD)/guests

install: all
	install -d $(DEST)/lib/modules/$(KVER)/extra
	install -m 644 loader/xenlate.ko dom0-adapter/xenlate_dom0.ko \
		tests/modules/xenlate_probe.ko \
		$(DEST)/lib/modules/$(KVER)/extra/
	@$(MAKE) -s -C tools O=$(BUILD)/tools DESTDIR=$(DEST) install
	@$(MAKE) -s -C tools/xentop O=$(BUILD)/tools DESTDIR=$(DEST) install
	@$(MAKE) -s -C tools/xenstored O=$(BUILD)/tools DESTDIR=$(DEST) install
	@$(MAKE) -s -C tests/tools O=$(BUILD)/tests DESTDIR=$(DEST) install
	@$(MAKE) -s -C tests/guests O=$(BUILD)/guests DESTDIR=$(DEST) install
	@if [ -z "$(DEST)" ]; then depmod -a $(KVER); fi

deps:
	@$(TOP)/scripts/deps

unit:
	@$(MAKE) -s -C tests/unit O=$(BUILD)/unit

check: deps
	@$(MAKE) all
	@$(MAKE) -s install DESTDIR=$(BUILD)/root
	@$(MAKE) unit
	@$(TOP)/tests/check $(CHECK_ARGS)

demo: deps
	@$(MAKE) all
	@$(MAKE) -s install DESTDIR=$(BUILD)/root
	@$(TOP)/tests/vm/demo $(DEMO_ARGS)

clean:
	@$(MAKE) -s -C hv O=$(BUILD)/hv clean
	@if [ -e "$(KDIR)/Makefile" ]; then $(MAKE) -s -C $(KDIR) M=$(TOP) clean; fi
	rm -rf $(BUILD)

.PHONY: all hv modules tools test-tools guests install deps unit check demo clean check-kdir
