// SPDX-License-Identifier: GPL-2.0
/*
 * A small vsnprintf: flags '-' and '0', a field width, the length
 * modifiers l, ll and z, and the conversions d i u x X p s c %.  It always
 * NUL-terminates when size > 0 and returns the length it would have
 * written, like C99's.
 */
#include <hv/lib.h>

struct out {
	char *buf;
	size_t size;
	size_t len;
};

static void put(struct out *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

static void put_padded(struct out *o, const char *s, size_t n, int width,
		       bool left, char pad)
{
	int fill = width > (int)n ? width - (int)n : 0;

	if (!left) {
		/* Zero padding goes after the sign. */
		if (pad == '0' && n && *s == '-') {
			put(o, *s++);
			n--;
		}
		while (fill-- > 0)
			put(o, pad);
	}
	while (n--)
		put(o, *s++);
	while (left && fill-- > 0)
		put(o, ' ');
}

static size_t format_number(char *tmp, u64 v, unsigned int base, bool upper,
			    bool negative)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char rev[24];
	size_t n = 0, i = 0;

	do {
		rev[n++] = digits[v % base];
		v /= base;
	} while (v);
	if (negative)
		tmp[i++] = '-';
	while (n)
		tmp[i++] = rev[--n];
	return i;
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct out o = { buf, size, 0 };
	char tmp[24];

	for (; *fmt; fmt++) {
		bool left = false, is_signed = false, upper = false;
		char pad = ' ';
		int width = 0, lng = 0;
		unsigned int base = 10;
		u64 v;
		size_t n;

		if (*fmt != '%') {
			put(&o, *fmt);
			continue;
		}
		fmt++;
		for (;; fmt++) {
			if (*fmt == '-')
				left = true;
			else if (*fmt == '0')
				pad = '0';
			else
				break;
		}
		while (*fmt >= '0' && *fmt <= '9')
			width = width * 10 + (*fmt++ - '0');
		while (*fmt == 'l' || *fmt == 'z') {
			lng++;
			fmt++;
		}
		switch (*fmt) {
		case 'd':
		case 'i':
			is_signed = true;
			break;
		case 'u':
			break;
		case 'X':
			upper = true;
			/* fall through */
		case 'x':
			base = 16;
			break;
		case 'p':
			v = (u64)va_arg(ap, void *);
			put(&o, '0');
			put(&o, 'x');
			n = format_number(tmp, v, 16, false, false);
			put_padded(&o, tmp, n, 16, false, '0');
			continue;
		case 's': {
			const char *s = va_arg(ap, const char *);

			if (!s)
				s = "(null)";
			put_padded(&o, s, strlen(s), width, left, ' ');
			continue;
		}
		case 'c':
			tmp[0] = (char)va_arg(ap, int);
			put_padded(&o, tmp, 1, width, left, ' ');
			continue;
		case '%':
			put(&o, '%');
			continue;
		case '\0':
			fmt--;
			continue;
		default:
			put(&o, '%');
			put(&o, *fmt);
			continue;
		}
		if (is_signed) {
			s64 sv = lng ? va_arg(ap, s64) : va_arg(ap, int);

			n = format_number(tmp, sv < 0 ? -(u64)sv : (u64)sv,
					  base, upper, sv < 0);
		} else {
			v = lng ? va_arg(ap, u64) : va_arg(ap, unsigned int);
			n = format_number(tmp, v, base, upper, false);
		}
		put_padded(&o, tmp, n, width, left, left ? ' ' : pad);
	}
	if (size)
		buf[o.len < size ? o.len : size - 1] = '\0';
	return (int)o.len;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}
