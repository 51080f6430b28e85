// SPDX-License-Identifier: GPL-2.0
/*
 * The guest's console: HYPERVISOR_console_io(CONSOLEIO_write), which
 * xenlate logs per domain.  With the debug option serial=1 every line is
 * also written to COM1, so a guest booted by plain QEMU (no hypervisor,
 * hypercalls fault) still shows how far it got.
 */
#include "guest.h"
#include "cpu.h"
#include "hypercall.h"

#define COM1		0x3f8
#define COM1_LSR	(COM1 + 5)
#define LSR_THRE	0x20

bool serial_debug;

/* smp: several vCPUs print; keep their lines whole. */
static volatile int console_lock;

static void lock(void)
{
	while (__atomic_exchange_n(&console_lock, 1, __ATOMIC_ACQUIRE))
		cpu_relax();
}

static void unlock(void)
{
	__atomic_store_n(&console_lock, 0, __ATOMIC_RELEASE);
}

/* A dying vCPU may have been interrupted holding the lock. */
void console_break_lock(void)
{
	unlock();
}

static void serial_putc(char c)
{
	unsigned int spin;

	/* bounded: a missing UART must not hang the guest */
	for (spin = 0; spin < 100000 && !(inb(COM1_LSR) & LSR_THRE); spin++)
		cpu_relax();
	outb(COM1, c);
}

void serial_write(const char *s, size_t len)
{
	size_t i;

	if (!serial_debug)
		return;
	for (i = 0; i < len; i++) {
		if (s[i] == '\n')
			serial_putc('\r');
		serial_putc(s[i]);
	}
}

void console_write(const char *s, size_t len)
{
	lock();
	serial_write(s, len);
	HYPERVISOR_console_io(CONSOLEIO_write, (int)len, s);
	unlock();
}
