/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The test guests' runtime: what lib/ offers to the guests' .c files.
 * One file per concern in lib/; this header is their only interface.
 */
#ifndef GUEST_H
#define GUEST_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "xen.h"

#define __noreturn	__attribute__((noreturn))
#define __aligned(n)	__attribute__((aligned(n)))
#define __printf(a, b)	__attribute__((format(printf, a, b)))
#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))
#define PAGE_SIZE	4096UL
#define PAGE_SHIFT	12

/* Each guest defines this; returning 0 means PASS. */
int guest_main(const struct hvm_start_info *si);
/* smp: where secondary vCPUs go once in long mode (weak default fails). */
void guest_ap_main(unsigned int vcpu);

/* start.c: the last console line, then shutdown. */
__noreturn void pass(void);
__noreturn __printf(1, 2) void fail(const char *fmt, ...);
__noreturn void shutdown(unsigned int reason);
/* End of the highest RAM entry of start_info's memory map (0: none). */
uint64_t memmap_ram_end(const struct hvm_start_info *si);
/* XEN_HVM_MEMMAP_TYPE_* of the memory map's entry at @addr (0: none). */
uint32_t memmap_type(const struct hvm_start_info *si, uint64_t addr);

/* guest.lds: this guest's image, text to the end of bss */
extern char __image_start[], __bss_end[];

/* printf.c */
int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
__printf(3, 4) int snprintf(char *buf, size_t size, const char *fmt, ...);
__printf(1, 2) void printf(const char *fmt, ...);

/* console.c */
extern bool serial_debug;
void console_write(const char *s, size_t len);
void serial_write(const char *s, size_t len);
void console_break_lock(void);

/* cmdline.c: "key=value key2 flag" tokens of hvm_start_info's cmdline */
void cmdline_init(const char *s);
const char *cmdline_raw(void);
const char *cmdline_get(const char *key);
unsigned long cmdline_ulong(const char *key, unsigned long dflt);
unsigned long strtoul(const char *s, const char **end, int base);

/* string.c */
void *memset(void *d, int c, size_t n);
void *memcpy(void *d, const void *s, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);

/* traps.c */
struct trap_frame {
	uint64_t r15, r14, r13, r12, r11, r10, r9, r8;
	uint64_t rbp, rdi, rsi, rdx, rcx, rbx, rax;
	uint64_t vector, error;
	uint64_t rip, cs, rflags, rsp, ss;
};
typedef void (*trap_handler_t)(struct trap_frame *f);
void idt_init(void);
void idt_load(void);
void idt_set_handler(unsigned int vector, trap_handler_t fn);

/* xen_cpuid.c */
uint32_t xen_cpuid_base(void);	/* 0 if not under a Xen-compatible hv */
uint32_t xen_tsc_khz(void);	/* guest TSC kHz, 0 if not known */
uint64_t tsc_hz(void);		/* xen_tsc_khz, or a 1 GHz guess */

/* pagetable.c: identity-map the 1 GiB around @addr (head.S maps 4 GiB) */
int pt_map_1g(uint64_t addr);

/* evtchn.c: shared_info, the upcall vector, 2-level event channels */
#define UPCALL_VECTOR	0xf3
extern struct shared_info *shinfo;
int shinfo_map(void);
int evtchn_init(void (*handler)(evtchn_port_t port));
void evtchn_unmask(evtchn_port_t port);
void evtchn_scan(void);
void evtchn_block(void);
void evtchn_wait_change(volatile unsigned long *c, unsigned long old);
int evtchn_send(evtchn_port_t port);

/*
 * pvcons.c: write to the PV console ring; 0, -XEN_ENODEV (none), or
 * -XEN_EIO (the ring is broken).
 */
int pvcons_write(const char *s, size_t len);
/* What Dom0 typed (up to @len bytes): how many, or a -XEN_ error. */
long pvcons_read(char *buf, size_t len);
/* for a port that is polled: pending bit only, no upcall */
void evtchn_mask(evtchn_port_t port);
bool evtchn_clear_pending(evtchn_port_t port);	/* true if it was */
/* SCHEDOP_poll on @port; @deadline_ns: absolute system time, 0 none */
long evtchn_poll(evtchn_port_t port, uint64_t deadline_ns);
extern volatile unsigned long upcall_count;

/* pvclock.c: Xen system time in ns from vcpu_info's vcpu_time_info */
uint64_t pvclock_ns(unsigned int vcpu);

/* balloon.c: this domain's reservation, in 4 KiB frames */
long mem_reservation(int cmd);	/* XENMEM_{current,maximum}_reservation */
/*
 * XENMEM_decrease_reservation or XENMEM_populate_physmap of pfns[0..n),
 * retried for up to @wait_s seconds while the hypervisor does none (a
 * line prefixed @who says so, once).  Returns how many were done, in
 * order (pfns[0..ret)), or a negative errno.
 */
long balloon_frames(int cmd, xen_pfn_t *pfns, unsigned int n,
		    unsigned long wait_s, const char *who);

#endif
