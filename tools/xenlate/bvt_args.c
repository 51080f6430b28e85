// SPDX-License-Identifier: GPL-2.0
/*
 * 'xenlate sched-bvt' arguments (bvt_args.h).
 */
#include <errno.h>
#include <stddef.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <xenlate/dom0ctl.h>

#include "bvt_args.h"

enum xl_bvt_kind { XL_BVT_NUM, XL_BVT_TIME };

/* Where a key's value goes: a field of struct xl_bvt_args. */
#define XL_BVT_U32(f)	offsetof(struct xl_bvt_args, f), 4
#define XL_BVT_U64(f)	offsetof(struct xl_bvt_args, f), 8

struct xl_bvt_key {
	const char *name, *alias;
	enum xl_bvt_kind kind;
	uint64_t min, max;
	size_t off, size;
	unsigned int bit;	/* in mask, or gmask if global */
	bool global;
};

static const struct xl_bvt_key xl_bvt_keys[] = {
	{ "mcu_adv", "mcu_advance", XL_BVT_NUM, 1, XL_BVT_ADVANCE_MAX,
	  XL_BVT_U32(set.mcu_advance), XL_BVT_SET_MCU_ADVANCE, false },
	{ "warp", NULL, XL_BVT_NUM, 0, XL_BVT_WARP_MAX,
	  XL_BVT_U64(set.warp), XL_BVT_SET_WARP, false },
	{ "warpl", "warp_limit", XL_BVT_TIME, 0, XL_BVT_WARP_TIME_MAX_NS,
	  XL_BVT_U64(set.warp_limit_ns), XL_BVT_SET_WARP_LIMIT, false },
	{ "warpu", "unwarp_req", XL_BVT_TIME, 0, XL_BVT_WARP_TIME_MAX_NS,
	  XL_BVT_U64(set.unwarp_req_ns), XL_BVT_SET_UNWARP_REQ, false },
	{ "warp_enabled", NULL, XL_BVT_NUM, 0, 1,
	  XL_BVT_U32(set.warp_enabled), XL_BVT_SET_WARP_ENABLED, false },
	{ "mcu", NULL, XL_BVT_TIME, XL_BVT_MCU_MIN_NS, XL_BVT_MCU_MAX_NS,
	  XL_BVT_U64(global.mcu_ns), XL_BVT_SET_MCU, true },
	{ "ctx_allow", NULL, XL_BVT_TIME, XL_BVT_MCU_MIN_NS,
	  XL_BVT_CTX_ALLOW_MAX_NS, XL_BVT_U64(global.ctx_allow_ns),
	  XL_BVT_SET_CTX_ALLOW, true },
};

#define XL_BVT_NR_KEYS	(sizeof(xl_bvt_keys) / sizeof(xl_bvt_keys[0]))

__attribute__((format(printf, 3, 4)))
static int xl_bvt_fail(char *err, size_t size, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err, size, fmt, ap);
	va_end(ap);
	return -EINVAL;
}

/* Decimal digits into *@v; false on anything else or overflow. */
static bool xl_bvt_digits(const char *s, size_t len, uint64_t *v)
{
	uint64_t n = 0;
	size_t i;

	if (!len)
		return false;
	for (i = 0; i < len; i++) {
		unsigned int d = (unsigned char)s[i] - '0';

		if (d > 9 || n > (UINT64_MAX - d) / 10)
			return false;
		n = n * 10 + d;
	}
	*v = n;
	return true;
}

/* "123", "123ns", "5us", "10ms", "2s" -> ns; false if not that. */
static bool xl_bvt_time(const char *s, uint64_t *ns)
{
	static const struct { const char *unit; uint64_t mul; } units[] = {
		{ "ns", 1 }, { "us", 1000 }, { "ms", 1000000 },
		{ "s", 1000000000 },
	};
	size_t len = strspn(s, "0123456789"), i;
	uint64_t n;

	if (!xl_bvt_digits(s, len, &n))
		return false;
	if (!s[len]) {
		*ns = n;
		return true;
	}
	for (i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
		if (strcmp(s + len, units[i].unit))
			continue;
		if (n > UINT64_MAX / units[i].mul)
			return false;
		*ns = n * units[i].mul;
		return true;
	}
	return false;
}

static const struct xl_bvt_key *xl_bvt_key(const char *name, size_t len)
{
	size_t i;

	for (i = 0; i < XL_BVT_NR_KEYS; i++) {
		const struct xl_bvt_key *k = &xl_bvt_keys[i];

		if ((strlen(k->name) == len && !strncmp(k->name, name, len)) ||
		    (k->alias && strlen(k->alias) == len &&
		     !strncmp(k->alias, name, len)))
			return k;
	}
	return NULL;
}

/* @v is within the key's range, which fits its field. */
static void xl_bvt_store(struct xl_bvt_args *a, const struct xl_bvt_key *k,
			 uint64_t v)
{
	char *field = (char *)a + k->off;
	uint32_t v32 = (uint32_t)v;

	if (k->size == 4)
		memcpy(field, &v32, 4);
	else
		memcpy(field, &v, 8);
}

static int xl_bvt_setting(struct xl_bvt_args *a, const char *arg, bool global,
			  char *err, size_t size)
{
	const char *eq = strchr(arg, '=');
	const struct xl_bvt_key *k;
	unsigned int *mask = global ? &a->gmask : &a->mask;
	uint64_t v;
	bool ok;

	if (!eq || eq == arg)
		return xl_bvt_fail(err, size, "'%s': expected KEY=VALUE", arg);
	k = xl_bvt_key(arg, (size_t)(eq - arg));
	if (!k || k->global != global)
		return xl_bvt_fail(err, size,
				   global ? "unknown global parameter '%.*s' (mcu, ctx_allow)" :
					    "unknown parameter '%.*s' (mcu_adv, warp, warpl, warpu, warp_enabled)",
				   (int)(eq - arg), arg);
	if (*mask & k->bit)
		return xl_bvt_fail(err, size, "%s given twice", k->name);
	if (k->kind == XL_BVT_TIME)
		ok = xl_bvt_time(eq + 1, &v);
	else
		ok = xl_bvt_digits(eq + 1, strlen(eq + 1), &v);
	if (!ok)
		return xl_bvt_fail(err, size, k->kind == XL_BVT_TIME ?
				   "%s: '%s' is not a time (ns, or with a unit: us, ms, s)" :
				   "%s: '%s' is not a number", k->name, eq + 1);
	if (v < k->min || v > k->max)
		return xl_bvt_fail(err, size, "%s: %s out of range %llu..%llu%s",
				   k->name, eq + 1, (unsigned long long)k->min,
				   (unsigned long long)k->max,
				   k->kind == XL_BVT_TIME ? " ns" : "");
	*mask |= k->bit;
	xl_bvt_store(a, k, v);
	return 0;
}

int xl_bvt_args_parse(int argc, char *const argv[], struct xl_bvt_args *a,
		      char *err, size_t errsize)
{
	bool global = argc > 1 && !strcmp(argv[1], "-g");
	int i = global ? 2 : 1, rc;

	memset(a, 0, sizeof(*a));
	if (!global && i < argc) {
		if (argv[i][0] == '-')
			return xl_bvt_fail(err, errsize, "unknown option '%s'",
					   argv[i]);
		a->dom = argv[i++];
	}
	for (; i < argc; i++) {
		if (argv[i][0] == '-')
			return xl_bvt_fail(err, errsize, !strcmp(argv[i], "-g") ?
					   "-g comes first, without a domain" :
					   "unknown option '%s'", argv[i]);
		if (global && !strchr(argv[i], '='))
			return xl_bvt_fail(err, errsize,
					   "-g takes no domain: '%s'", argv[i]);
		rc = xl_bvt_setting(a, argv[i], global, err, errsize);
		if (rc)
			return rc;
	}
	if (global && (a->gmask & XL_BVT_SET_MCU) &&
	    (a->gmask & XL_BVT_SET_CTX_ALLOW) &&
	    a->global.ctx_allow_ns < a->global.mcu_ns)
		return xl_bvt_fail(err, errsize,
				   "ctx_allow must be at least mcu");
	if (global)
		a->mode = a->gmask ? XL_BVT_GLOBAL_SET : XL_BVT_GLOBAL_SHOW;
	else if (!a->dom)
		a->mode = XL_BVT_SHOW_ALL;
	else
		a->mode = a->mask ? XL_BVT_SET : XL_BVT_SHOW;
	return 0;
}
