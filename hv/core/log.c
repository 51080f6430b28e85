// SPDX-License-Identifier: GPL-2.0
/*
 * The hypervisor log ring and printf.  Each line is prefixed with the CPU
 * and the time since load, like Linux's dmesg, so interleaved output from
 * several CPUs can be told apart.
 */
#include <hv/log.h>
#include <hv/lib.h>
#include <hv/arch.h>
#include <hv/spinlock.h>

static struct log_ring ring;
static spinlock_t log_lock = SPINLOCK_INIT;
static void (*log_sink)(const char *s, size_t n);
static bool at_line_start = true;

void log_ring_write(struct log_ring *r, const char *s, size_t n)
{
	/* Only the newest LOG_RING_SIZE bytes can be kept anyway. */
	if (n > LOG_RING_SIZE) {
		r->head += n - LOG_RING_SIZE;
		s += n - LOG_RING_SIZE;
		n = LOG_RING_SIZE;
	}
	while (n) {
		size_t off = r->head % LOG_RING_SIZE;
		size_t part = MIN(n, LOG_RING_SIZE - off);

		memcpy(r->buf + off, s, part);
		r->head += part;
		s += part;
		n -= part;
	}
}

size_t log_ring_read(const struct log_ring *r, u64 *seq, char *dst,
		     size_t len, u64 *dropped)
{
	u64 oldest = r->head > LOG_RING_SIZE ? r->head - LOG_RING_SIZE : 0;
	size_t done = 0;

	*dropped = 0;
	if (*seq > r->head)
		*seq = r->head;
	if (*seq < oldest) {
		*dropped = oldest - *seq;
		*seq = oldest;
	}
	len = MIN(len, r->head - *seq);
	while (done < len) {
		size_t off = (*seq + done) % LOG_RING_SIZE;
		size_t part = MIN(len - done, LOG_RING_SIZE - off);

		memcpy(dst + done, r->buf + off, part);
		done += part;
	}
	return done;
}

void log_set_sink(void (*sink)(const char *s, size_t n))
{
	log_sink = sink;
}

/*
 * A panicking CPU may hold the lock itself: give up waiting after a while
 * rather than lose the panic message.
 */
static bool log_lock_bounded(void)
{
	for (int i = 0; i < 10000000; i++) {
		u32 owner = __atomic_load_n(&log_lock.owner, __ATOMIC_ACQUIRE);
		u32 next = owner;

		if (__atomic_compare_exchange_n(&log_lock.next, &next,
						owner + 1, false,
						__ATOMIC_ACQUIRE,
						__ATOMIC_RELAXED))
			return true;
		cpu_relax();
	}
	return false;
}

static void emit(const char *s, size_t n)
{
	log_ring_write(&ring, s, n);
	if (log_sink)
		log_sink(s, n);
}

void hv_vprintf(const char *fmt, va_list ap)
{
	char line[256], prefix[40];
	bool locked;
	size_t n, start = 0;
	int len;

	len = vsnprintf(line, sizeof(line), fmt, ap);
	n = MIN((size_t)len, sizeof(line) - 1);
	/* A cut line still ends its line, so the next one gets a prefix. */
	if ((size_t)len > n && fmt[strlen(fmt) - 1] == '\n')
		line[n - 1] = '\n';
	locked = log_lock_bounded();
	for (size_t i = 0; i < n; i++) {
		if (at_line_start) {
			u64 t = arch_now_ns();
			u32 cpu = arch_cpu_index();
			char who[12] = "load";
			int p;

			if (cpu != ARCH_NO_CPU)
				snprintf(who, sizeof(who), "cpu%u", cpu);
			p = snprintf(prefix, sizeof(prefix), "[%s %5llu.%06llu] ",
				     who, (unsigned long long)(t / 1000000000),
				     (unsigned long long)(t / 1000 % 1000000));

			emit(prefix, MIN((size_t)p, sizeof(prefix) - 1));
			at_line_start = false;
		}
		if (line[i] == '\n') {
			emit(line + start, i + 1 - start);
			start = i + 1;
			at_line_start = true;
		}
	}
	if (start < n)
		emit(line + start, n - start);
	if (locked)
		spin_unlock(&log_lock);
}

void hv_printf(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	hv_vprintf(fmt, ap);
	va_end(ap);
}

size_t hv_log_read(u64 *seq, char *dst, size_t len, u64 *dropped)
{
	size_t n;

	spin_lock(&log_lock);
	n = log_ring_read(&ring, seq, dst, len, dropped);
	spin_unlock(&log_lock);
	return n;
}
