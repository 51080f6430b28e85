// SPDX-License-Identifier: GPL-2.0
/*
 * hello: the first guest to try.  Shows what the domain builder gave
 * us (start_info, command line, memory map, modules) and that a simple
 * hypercall answers, then passes.
 */
#include "guest.h"
#include "hypercall.h"

static const char *memtype(uint32_t type)
{
	switch (type) {
	case XEN_HVM_MEMMAP_TYPE_RAM:		return "ram";
	case XEN_HVM_MEMMAP_TYPE_RESERVED:	return "reserved";
	case XEN_HVM_MEMMAP_TYPE_ACPI:		return "acpi";
	case XEN_HVM_MEMMAP_TYPE_NVS:		return "nvs";
	case XEN_HVM_MEMMAP_TYPE_UNUSABLE:	return "unusable";
	case XEN_HVM_MEMMAP_TYPE_DISABLED:	return "disabled";
	case XEN_HVM_MEMMAP_TYPE_PMEM:		return "pmem";
	default:				return "?";
	}
}

static void show_module0(const struct hvm_modlist_entry *m)
{
	const uint8_t *p = (const uint8_t *)(uintptr_t)m->paddr;
	char hex[3 * 16 + 1];
	unsigned int i, n = m->size < 16 ? m->size : 16;

	for (i = 0; i < n; i++)
		snprintf(hex + 3 * i, 4, " %02x", p[i]);
	hex[3 * n] = 0;
	printf("hello: module 0 first bytes:%s\n", n ? hex : " (empty)");
}

/* The PV console ring, as Linux's hvc0 uses it: the same console. */
static void ring_hello(void)
{
	static const char line[] = "hello: over the console ring\n";
	int ret = pvcons_write(line, sizeof(line) - 1);

	if (ret)
		printf("hello: no console ring (%d)\n", ret);
}

int guest_main(const struct hvm_start_info *si)
{
	const struct hvm_memmap_table_entry *mm;
	const struct hvm_modlist_entry *mod;
	uint64_t ram = 0;
	unsigned int i;
	long ver;

	printf("hello from a xenlate guest\n");
	printf("hello: start_info at %p: magic %x version %u flags %x "
	       "(hypercalls: %s)\n", si, si->magic, si->version, si->flags,
	       hypercall_mode());
	if (si->version < 1)
		fail("start_info version %u, want >= 1 (memory map)",
		     si->version);
	printf("hello: cmdline \"%s\"\n", cmdline_raw());
	ring_hello();

	mm = (const void *)(uintptr_t)si->memmap_paddr;
	printf("hello: memmap at %lx, %u entries\n",
	       (unsigned long)si->memmap_paddr, si->memmap_entries);
	for (i = 0; i < si->memmap_entries; i++) {
		printf("hello:   %016lx-%016lx %s (%u)\n",
		       (unsigned long)mm[i].addr,
		       (unsigned long)(mm[i].addr + mm[i].size - 1),
		       memtype(mm[i].type), mm[i].type);
		if (mm[i].type == XEN_HVM_MEMMAP_TYPE_RAM)
			ram += mm[i].size;
	}
	printf("hello: total RAM %lu KiB\n", (unsigned long)(ram >> 10));
	if (!si->memmap_entries || !ram)
		fail("no RAM in the memory map");

	mod = (const void *)(uintptr_t)si->modlist_paddr;
	printf("hello: %u module(s)\n", si->nr_modules);
	for (i = 0; i < si->nr_modules; i++) {
		printf("hello:   module %u at %lx size %lu cmdline \"%s\"\n",
		       i, (unsigned long)mod[i].paddr,
		       (unsigned long)mod[i].size,
		       mod[i].cmdline_paddr ?
		       (const char *)(uintptr_t)mod[i].cmdline_paddr : "");
	}
	if (si->nr_modules)
		show_module0(&mod[0]);

	ver = HYPERVISOR_xen_version(XENVER_version, NULL);
	if (ver < 0)
		printf("hello: xen_version(XENVER_version): %ld\n", ver);
	else
		printf("hello: xen_version(XENVER_version): %ld.%ld\n",
		       ver >> 16, ver & 0xffff);
	return 0;
}
