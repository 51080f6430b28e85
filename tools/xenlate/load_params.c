// SPDX-License-Identifier: GPL-2.0
/*
 * Parsing 'xenlate load KEY=VALUE...' into module parameters (see
 * load_params.h).  Friendly keys are checked here so that a typo fails
 * with a sentence instead of a kernel log line about a bad parameter.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "load_params.h"

/* ASCII only, whatever the locale: "mib", "com2", "off". */
static int xl_lower(int ch)
{
	return ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch;
}

static int xl_ieq_n(const char *a, const char *b, size_t n)
{
	for (; n; a++, b++, n--) {
		if (xl_lower((unsigned char)*a) != xl_lower((unsigned char)*b))
			return 0;
		if (!*a)
			return 1;
	}
	return 1;
}

static int xl_ieq(const char *a, const char *b)
{
	return xl_ieq_n(a, b, (size_t)-1);
}

/* Decimal digits only: no sign, no spaces, no locale. */
static int xl_parse_dec(const char **sp, unsigned long long *v)
{
	const char *s = *sp;
	unsigned long long n = 0;

	if (*s < '0' || *s > '9')
		return -EINVAL;
	for (; *s >= '0' && *s <= '9'; s++) {
		if (n > (UINT64_MAX - (unsigned int)(*s - '0')) / 10)
			return -ERANGE;
		n = n * 10 + (unsigned int)(*s - '0');
	}
	*sp = s;
	*v = n;
	return 0;
}

int xl_parse_mem_mib(const char *s, unsigned long *mib)
{
	unsigned long long n, scale;
	int err;

	err = xl_parse_dec(&s, &n);
	if (err)
		return err;
	if (!*s || xl_ieq(s, "m") || xl_ieq(s, "mib"))
		scale = 1;
	else if (xl_ieq(s, "g") || xl_ieq(s, "gib"))
		scale = 1024;
	else
		return -EINVAL;
	if (n == 0 || n > UINT32_MAX / scale)
		return -ERANGE;
	*mib = (unsigned long)(n * scale);
	return 0;
}

static int xl_parse_hex(const char *s, unsigned long long *v)
{
	unsigned long long n = 0;
	unsigned int d;

	if (!*s)
		return -EINVAL;
	for (; *s; s++) {
		if (*s >= '0' && *s <= '9')
			d = *s - '0';
		else if (*s >= 'a' && *s <= 'f')
			d = *s - 'a' + 10;
		else if (*s >= 'A' && *s <= 'F')
			d = *s - 'A' + 10;
		else
			return -EINVAL;
		if (n > 0xffff)
			return -ERANGE;	/* stop before it can overflow */
		n = n * 16 + d;
	}
	*v = n;
	return 0;
}

int xl_parse_serial(const char *s, unsigned int *port)
{
	static const unsigned int com[] = { 0x3f8, 0x2f8, 0x3e8, 0x2e8 };
	unsigned long long n;
	int err;

	if (xl_ieq(s, "off") || xl_ieq(s, "none")) {
		*port = 0;
		return 0;
	}
	if (xl_ieq_n(s, "com", 3) && s[3] >= '1' && s[3] <= '4' &&
	    !s[4]) {
		*port = com[s[3] - '1'];
		return 0;
	}
	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		err = xl_parse_hex(s + 2, &n);
	} else {
		err = xl_parse_dec(&s, &n);
		if (!err && *s)
			err = -EINVAL;
	}
	if (err)
		return err;
	if (n > 0xffff)
		return -ERANGE;
	*port = (unsigned int)n;
	return 0;
}

static int xl_key_valid(const char *key, size_t len)
{
	size_t i;

	if (!len || (key[0] >= '0' && key[0] <= '9'))
		return 0;
	for (i = 0; i < len; i++) {
		char ch = key[i];

		if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
		      (ch >= '0' && ch <= '9') || ch == '_' || ch == '-'))
			return 0;
	}
	return 1;
}

/* The kernel splits parameters at spaces and treats '"' as quoting. */
static int xl_value_valid(const char *v)
{
	for (; *v; v++) {
		unsigned char ch = (unsigned char)*v;

		if (ch <= ' ' || ch == '"' || ch == 0x7f)
			return 0;
	}
	return 1;
}

/* Keys of two params equal?  The kernel treats '-' and '_' alike. */
static int xl_same_key(const char *a, const char *b)
{
	for (; *a && *a != '=' && *b && *b != '='; a++, b++) {
		char ca = *a == '-' ? '_' : *a;
		char cb = *b == '-' ? '_' : *b;

		if (ca != cb)
			return 0;
	}
	return (!*a || *a == '=') && (!*b || *b == '=');
}

static int xl_param_add(struct xl_load_params *out, const char *arg,
			const char *key, const char *val, char *err,
			size_t errsize)
{
	char *p;
	unsigned int i;
	int n;

	if (out->count >= XL_LOAD_MAX_PARAMS) {
		snprintf(err, errsize, "too many parameters (at most %d)",
			 XL_LOAD_MAX_PARAMS);
		return -E2BIG;
	}
	p = out->param[out->count];
	n = snprintf(p, XL_LOAD_PARAM_LEN, "%s=%s", key, val);
	if (n < 0 || n >= XL_LOAD_PARAM_LEN) {
		snprintf(err, errsize, "'%.64s': too long (at most %d bytes)",
			 arg, XL_LOAD_PARAM_LEN - 1);
		return -E2BIG;
	}
	for (i = 0; i < out->count; i++) {
		if (xl_same_key(out->param[i], p)) {
			snprintf(err, errsize, "'%.64s': %s given twice", arg,
				 key);
			return -EINVAL;
		}
	}
	out->count++;
	return 0;
}

static int xl_param_mem(struct xl_load_params *out, const char *arg,
			const char *val, char *err, size_t errsize)
{
	char num[24];
	unsigned long mib;
	int rc;

	rc = xl_parse_mem_mib(val, &mib);
	if (rc == -ERANGE) {
		snprintf(err, errsize,
			 "'%.64s': out of range (1 to 4294967295 MiB)", arg);
		return -EINVAL;
	}
	if (rc) {
		snprintf(err, errsize,
			 "'%.64s': not a size in MiB (e.g. mem=64 or mem=1G)",
			 arg);
		return -EINVAL;
	}
	snprintf(num, sizeof(num), "%lu", mib);
	return xl_param_add(out, arg, "mem_mb", num, err, errsize);
}

static int xl_param_serial(struct xl_load_params *out, const char *arg,
			   const char *val, char *err, size_t errsize)
{
	char num[24];
	unsigned int port;
	int rc;

	rc = xl_parse_serial(val, &port);
	if (rc == -ERANGE) {
		snprintf(err, errsize,
			 "'%.64s': port out of range (0x1 to 0xffff)", arg);
		return -EINVAL;
	}
	if (rc) {
		snprintf(err, errsize,
			 "'%.64s': not a port (e.g. 0x2f8, com2 or off)", arg);
		return -EINVAL;
	}
	/* 0 is the module's "no serial log". */
	snprintf(num, sizeof(num), port ? "%#x" : "%u", port);
	return xl_param_add(out, arg, "serial", num, err, errsize);
}

static int xl_param_one(struct xl_load_params *out, const char *arg,
			char *err, size_t errsize)
{
	const char *eq = strchr(arg, '=');
	char key[XL_LOAD_PARAM_LEN];
	const char *val;
	size_t klen;

	if (!eq) {
		snprintf(err, errsize, "'%.64s' is not KEY=VALUE", arg);
		return -EINVAL;
	}
	klen = eq - arg;
	val = eq + 1;
	if (klen >= sizeof(key) || !xl_key_valid(arg, klen)) {
		snprintf(err, errsize,
			 "'%.64s': a key is letters, digits, '_' or '-'", arg);
		return -EINVAL;
	}
	memcpy(key, arg, klen);
	key[klen] = '\0';

	if (!strcmp(key, "mem"))
		return xl_param_mem(out, arg, val, err, errsize);
	if (!strcmp(key, "serial"))
		return xl_param_serial(out, arg, val, err, errsize);
	if (!xl_value_valid(val)) {
		snprintf(err, errsize,
			 "'%.64s': no spaces, quotes or controls in a value",
			 arg);
		return -EINVAL;
	}
	return xl_param_add(out, arg, key, val, err, errsize);
}

/* The reason quotes the argument: keep it one printable line. */
static void sanitize(char *err)
{
	for (; *err; err++)
		if ((unsigned char)*err < 0x20 || *err == 0x7f)
			*err = '?';
}

int xl_load_params_parse(int argc, char *const argv[],
			 struct xl_load_params *out, char *err,
			 size_t errsize)
{
	int i, rc;

	memset(out, 0, sizeof(*out));
	if (errsize)
		err[0] = '\0';
	for (i = 0; i < argc; i++) {
		rc = xl_param_one(out, argv[i], err, errsize);
		if (rc) {
			if (errsize)
				sanitize(err);
			return rc;
		}
	}
	return 0;
}
