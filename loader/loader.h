/* SPDX-License-Identifier: GPL-2.0 */
/* The loader module's internal interfaces. */
#ifndef XENLATE_LOADER_INTERNAL_H
#define XENLATE_LOADER_INTERNAL_H

#include <linux/types.h>
#include <linux/percpu.h>
#include <xenlate/boot.h>

#define pr_fmt_xl "xenlate: "

/* hvmem.c: the hypervisor's memory, taken from Linux. */
struct hv_memory {
	unsigned int nr_chunks;
	struct page **chunks;		/* 2 MiB each */
	u8 *order;			/* per chunk: its block's order, or 0 */
	void *va;			/* all chunks, contiguous */
	u64 text_offset, text_size;	/* the image's code, in va */
	struct resource *res;		/* /proc/iomem entries */
	unsigned int nr_res;
};

int hvmem_alloc(struct hv_memory *m, unsigned int nr_chunks);
void hvmem_free(struct hv_memory *m);
int hvmem_protect_text(struct hv_memory *m, u64 offset, u64 size);

/* image.c: copy and relocate the embedded image; returns its entry. */
typedef long (*hv_entry_t)(u64 op, void *arg, u64 rsp, u64 rip);
int image_load(struct hv_memory *m, hv_entry_t *entry);
bool image_intact(struct hv_memory *m);

/* memmap.c: the firmware memory map as the hypervisor needs it. */
int memmap_fill(struct xl_boot_info *bi);

/* ioapic.c: the IOAPICs' addresses from the ACPI MADT. */
int ioapic_fill(struct xl_boot_info *bi);

/* launch.c: taking CPUs over and giving them back. */
extern hv_entry_t xl_entry;
DECLARE_PER_CPU(bool, xl_launched);
int svm_check_cpu(void);
int launch_this_cpu(void);
long devirt_this_cpu(void);
int launch_all(void);
int devirt_all(void);
extern int fail_cpu, late_cpu;
extern unsigned int launch_timeout_ms;

/* hotplug.c: starting and stopping, CPU hotplug, reboot and suspend. */
int hotplug_start(void);
void hotplug_stop(void);
void hotplug_unregister(void);

/* enter.S */
long xenlate_enter(hv_entry_t entry, u64 op, void *arg);

#endif
