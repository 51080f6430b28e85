// SPDX-License-Identifier: GPL-2.0
/*
 * From head.S into the guest, and out again: every guest ends with one
 * "RESULT: PASS" or "RESULT: FAIL <reason>" line, which is what the VM
 * scenarios look for, then a shutdown whose reason matches.
 */
#include "guest.h"
#include "cpu.h"
#include "hypercall.h"

/* QEMU's isa-debug-exit device (serial=1 runs only): ends the VM. */
#define QEMU_DEBUG_EXIT	0xf4

void lib_start(uint32_t start_info);
void lib_ap_start(uint32_t vcpu);

__noreturn void shutdown(unsigned int reason)
{
	struct sched_shutdown s = { .reason = reason };

	/* The RESULT line stays the last one, even if this is -ENOSYS. */
	hypercall_quiet = true;
	HYPERVISOR_sched_op(SCHEDOP_shutdown, &s);
	/*
	 * Still here: no shutdown hypercall.  HLT with interrupts off on
	 * every vCPU is power-off for xenlate; under plain QEMU the debug
	 * exit port ends the run (exit status 3 pass, 5 otherwise).
	 */
	if (serial_debug)
		outb(QEMU_DEBUG_EXIT, reason == SHUTDOWN_poweroff ? 1 : 2);
	halt_forever();
}

__noreturn void pass(void)
{
	printf("RESULT: PASS\n");
	shutdown(SHUTDOWN_poweroff);
}

__noreturn void fail(const char *fmt, ...)
{
	char reason[200];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(reason, sizeof(reason), fmt, ap);
	va_end(ap);
	printf("RESULT: FAIL %s\n", reason);
	shutdown(SHUTDOWN_crash);
}

uint64_t memmap_ram_end(const struct hvm_start_info *si)
{
	const struct hvm_memmap_table_entry *mm =
		(const void *)(uintptr_t)si->memmap_paddr;
	uint64_t end = 0;
	unsigned int i;

	for (i = 0; si->memmap_paddr && i < si->memmap_entries; i++)
		if (mm[i].type == XEN_HVM_MEMMAP_TYPE_RAM &&
		    mm[i].addr + mm[i].size > end)
			end = mm[i].addr + mm[i].size;
	return end;
}

uint32_t memmap_type(const struct hvm_start_info *si, uint64_t addr)
{
	const struct hvm_memmap_table_entry *mm =
		(const void *)(uintptr_t)si->memmap_paddr;
	unsigned int i;

	for (i = 0; si->memmap_paddr && i < si->memmap_entries; i++)
		if (addr >= mm[i].addr && addr - mm[i].addr < mm[i].size)
			return mm[i].type;
	return 0;
}

__attribute__((weak)) void guest_ap_main(unsigned int vcpu)
{
	fail("vCPU %u started, but this guest has no secondary code", vcpu);
}

void lib_ap_start(uint32_t vcpu)
{
	idt_load();
	guest_ap_main(vcpu);
}

void lib_start(uint32_t start_info)
{
	const struct hvm_start_info *si = (const void *)(uintptr_t)start_info;
	int ret;

	/*
	 * Check the magic before reading the cmdline through it; without
	 * a cmdline there is no serial=1, so a bad start_info is reported
	 * on the hypervisor console only.
	 */
	if (si && si->magic == XEN_HVM_START_MAGIC_VALUE && si->cmdline_paddr)
		cmdline_init((const char *)(uintptr_t)si->cmdline_paddr);
	serial_debug = cmdline_ulong("serial", 0) != 0;
	idt_init();
	if (!si || si->magic != XEN_HVM_START_MAGIC_VALUE)
		fail("hvm_start_info at %p: bad magic %x", si,
		     si ? si->magic : 0);

	ret = hypercall_init();
	if (ret)
		fail("hypercall page unavailable (%d), reported by vmmcall",
		     ret);

	ret = guest_main(si);
	if (ret)
		fail("guest_main returned %d", ret);
	pass();
}
