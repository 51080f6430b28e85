/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The hypervisor log: a byte ring that Dom0 reads with `xenlate dmesg`,
 * mirrored to a serial port when one is configured.
 */
#ifndef HV_LOG_H
#define HV_LOG_H

#include <hv/types.h>

#define LOG_RING_SIZE	(64 * 1024)	/* a power of two */

struct log_ring {
	u64 head;		/* bytes ever written; next write goes here */
	char buf[LOG_RING_SIZE];
};

void log_ring_write(struct log_ring *r, const char *s, size_t n);
/*
 * Copy up to @len bytes starting at byte @seq into @dst.  Bytes before
 * the oldest still held are reported in *@dropped and skipped.  Returns
 * the number copied; the next sequence number is *@seq + returned.
 */
size_t log_ring_read(const struct log_ring *r, u64 *seq, char *dst,
		     size_t len, u64 *dropped);

/* Where console output goes besides the ring (set by arch code). */
void log_set_sink(void (*sink)(const char *s, size_t n));

void hv_printf(const char *fmt, ...) __printf(1, 2);
void hv_vprintf(const char *fmt, va_list ap);
size_t hv_log_read(u64 *seq, char *dst, size_t len, u64 *dropped);

/* Prefixes each line with "[cpu N seconds]". */
#define hv_log(fmt, ...)	hv_printf(fmt "\n", ##__VA_ARGS__)

#endif
