// SPDX-License-Identifier: GPL-2.0
/*
 * xl.cfg CPU-LIST (see cpulist.h).  xl splits on ',' and reads numbers
 * with strtoul; we read the same lists the same way, by hand so that each
 * refusal can quote the item at fault.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "cpulist.h"

/* Longest piece of an item quoted in a reason, before "...". */
#define XL_CPULIST_SHOW		32

/* One item, [s, e) of the list, and where to say what is wrong with it. */
struct xl_cl_item {
	const char *s, *e;
	char *why;
	size_t whysize;
};

static bool xl_cl_digit(char c)
{
	return c >= '0' && c <= '9';
}

static const char *xl_cl_blanks(const char *p, const char *e)
{
	while (p < e && (*p == ' ' || *p == '\t'))
		p++;
	return p;
}

/* [s, e) for a reason: cut to XL_CPULIST_SHOW bytes, then "...". */
static const char *xl_cl_show(char buf[XL_CPULIST_SHOW + 4], const char *s,
			      const char *e)
{
	size_t len = e - s, n = len > XL_CPULIST_SHOW ? XL_CPULIST_SHOW : len;

	memcpy(buf, s, n);
	strcpy(buf + n, len > n ? "..." : "");
	return buf;
}

__attribute__((format(printf, 2, 3)))
static int xl_cl_fail(struct xl_cl_item *it, const char *fmt, ...)
{
	va_list ap;

	if (it->whysize) {
		va_start(ap, fmt);
		vsnprintf(it->why, it->whysize, fmt, ap);
		va_end(ap);
	}
	return -EINVAL;
}

/* The reason for an item that is none of the forms. */
static int xl_cl_fail_form(struct xl_cl_item *it)
{
	char shown[XL_CPULIST_SHOW + 4];

	return xl_cl_fail(it, "'%s' is not a CPU, a range or \"all\" (e.g. "
			  "\"0-3,5,^1\")", xl_cl_show(shown, it->s, it->e));
}

/*
 * A CPU number at *@p, in decimal as xl reads it.  A number too large is
 * reported as written, however long, rather than as whatever it wrapped
 * to.
 */
static int xl_cl_cpu(struct xl_cl_item *it, const char **p, unsigned int *cpu)
{
	char shown[XL_CPULIST_SHOW + 4];
	const char *s = *p;
	unsigned int n = 0;

	if (s == it->e || !xl_cl_digit(*s))
		return xl_cl_fail_form(it);
	for (; *p < it->e && xl_cl_digit(**p); (*p)++)
		if (n < XL_CPULIST_MAX)
			n = n * 10 + (**p - '0');
	if (n >= XL_CPULIST_MAX)
		return xl_cl_fail(it, "CPU %s is out of range (0 to %d)",
				  xl_cl_show(shown, s, *p),
				  XL_CPULIST_MAX - 1);
	*cpu = n;
	return 0;
}

/* @it, not empty, into *@mask: set its CPUs, or clear them after '^'. */
static int xl_cl_item(struct xl_cl_item *it, uint64_t *mask)
{
	char shown[XL_CPULIST_SHOW + 4];
	const char *p = it->s, *e = it->e;
	unsigned int lo, hi;
	uint64_t bits;
	bool out = *p == '^';

	if (out)
		p = xl_cl_blanks(p + 1, e);
	if (e - p == 3 && !memcmp(p, "all", 3)) {
		bits = XL_CPULIST_ALL;
	} else if ((e - p > 5 && !memcmp(p, "node:", 5)) ||
		   (e - p > 6 && !memcmp(p, "nodes:", 6))) {
		return xl_cl_fail(it, "'%s': NUMA nodes are not supported "
				  "yet (list their CPUs)",
				  xl_cl_show(shown, it->s, e));
	} else {
		if (xl_cl_cpu(it, &p, &lo))
			return -EINVAL;
		hi = lo;
		p = xl_cl_blanks(p, e);
		if (p < e && *p == '-') {
			p = xl_cl_blanks(p + 1, e);
			if (xl_cl_cpu(it, &p, &hi))
				return -EINVAL;
		}
		if (p != e)
			return xl_cl_fail_form(it);
		if (lo > hi)
			return xl_cl_fail(it, "'%s' is not a range (%u is more "
					  "than %u)",
					  xl_cl_show(shown, it->s, e), lo, hi);
		/* hi is at most 63: both shifts stay defined. */
		bits = (XL_CPULIST_ALL >> (XL_CPULIST_MAX - 1 - hi)) &
		       (XL_CPULIST_ALL << lo);
	}
	if (out)
		*mask &= ~bits;
	else
		*mask |= bits;
	return 0;
}

int xl_cpulist_parse(const char *s, uint64_t *mask, char *why,
		     size_t whysize)
{
	struct xl_cl_item it = { .why = why, .whysize = why ? whysize : 0 };
	const char *end = s + strlen(s), *next;
	char shown[XL_CPULIST_SHOW + 4];

	*mask = 0;
	if (it.whysize)
		why[0] = '\0';
	if (xl_cl_blanks(s, end) == end)
		return xl_cl_fail(&it, "empty (a CPU list such as \"0-3,5,^1\","
				  " or \"all\")");
	for (next = s; next; ) {
		it.s = xl_cl_blanks(next, end);
		next = strchr(it.s, ',');
		it.e = next ? next++ : end;
		while (it.e > it.s && (it.e[-1] == ' ' || it.e[-1] == '\t'))
			it.e--;
		/* xl skips empty items: "0,,1" is more likely a typo. */
		if (it.s == it.e)
			return xl_cl_fail(&it, "'%s' has an empty item",
					  xl_cl_show(shown, s, end));
		if (xl_cl_item(&it, mask))
			return -EINVAL;
	}
	if (!*mask)
		return xl_cl_fail(&it, "'%s' leaves no CPU",
				  xl_cl_show(shown, s, end));
	return 0;
}
