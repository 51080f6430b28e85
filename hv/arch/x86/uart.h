/* SPDX-License-Identifier: GPL-2.0 */
#ifndef X86_UART_H
#define X86_UART_H

#include <hv/types.h>

void uart_init(u16 port);
void uart_write(const char *s, size_t n);
u16 uart_get_port(void);

#endif
