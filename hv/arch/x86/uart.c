// SPDX-License-Identifier: GPL-2.0
/*
 * Polled output on a 16550 UART: the hypervisor's own log port (the test
 * rig's second serial port, 0x2f8).  Polling keeps it usable from a panic.
 */
#include "uart.h"

static u16 uart_port;

static inline void outb(u16 port, u8 v)
{
	__asm__ __volatile__("outb %0, %1" :: "a"(v), "Nd"(port));
}

static inline u8 inb(u16 port)
{
	u8 v;

	__asm__ __volatile__("inb %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

void uart_init(u16 port)
{
	uart_port = port;
	if (!port)
		return;
	outb(port + 1, 0x00);	/* no interrupts */
	outb(port + 3, 0x80);	/* DLAB */
	outb(port + 0, 0x01);	/* 115200 baud */
	outb(port + 1, 0x00);
	outb(port + 3, 0x03);	/* 8N1 */
	outb(port + 2, 0xc7);	/* FIFO on and cleared */
	outb(port + 4, 0x03);	/* DTR, RTS */
}

static void uart_putc(char ch)
{
	/* Bounded: a missing UART must not hang the hypervisor. */
	for (int i = 0; i < 100000 && !(inb(uart_port + 5) & 0x20); i++)
		__builtin_ia32_pause();
	outb(uart_port, (u8)ch);
}

void uart_write(const char *s, size_t n)
{
	if (!uart_port)
		return;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\n')
			uart_putc('\r');
		uart_putc(s[i]);
	}
}

u16 uart_get_port(void)
{
	return uart_port;
}
