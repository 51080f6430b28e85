// SPDX-License-Identifier: GPL-2.0
/*
 * xl.cfg domain configuration files (see domcfg.h).  A hand-written lexer
 * and recursive-descent parser rather than flex and bison like xl's: the
 * grammar is a dozen rules, and this way every error can name the key
 * and the line it is about, which is what a user fixing a file needs.
 *
 * Each value is converted and checked as soon as its setting is read, so
 * the first error in the file is the one reported; what needs the whole
 * file (required keys, maxmem >= memory, ...) is checked at the end,
 * after the command line's overrides.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cpulist.h"
#include "domcfg.h"

/* Longest piece of user text quoted in a message, before "...". */
#define XL_SHOW_MAX	48

/* Where a setting comes from: a line of the file or an override. */
struct xl_origin {
	unsigned int line;	/* 0: the file as a whole */
	const char *arg;	/* the override argument, or NULL */
};

/* The state of one key: set or not, where, and its converted value. */
struct xl_slot {
	bool set;
	struct xl_origin org;
	char *str;		/* string keys */
	long long num;		/* integer keys; enums of string keys */
};

enum xl_key_id {
	K_NAME, K_TYPE, K_MEMORY, K_MAXMEM, K_VCPUS, K_MAXVCPUS, K_KERNEL,
	K_RAMDISK, K_CMDLINE, K_ROOT, K_EXTRA, K_ON_POWEROFF, K_ON_REBOOT,
	K_ON_CRASH, K_MCU_ADVANCE, K_WARP, K_WARP_LIMIT_MS, K_UNWARP_MS,
	K_CPUS, K_NR
};

struct xl_parser {
	const char *p;		/* the next byte to read */
	const char *end;	/* just past the input */
	unsigned int line;
	const char *source;	/* the file's name, for messages */
	struct xl_origin org;	/* of the setting being read */
	const char *key;	/* its key, once known */
	unsigned int vline;	/* the line of its value */
	struct xl_slot slot[K_NR];
	char *err;
	size_t errsize;
	bool failed;		/* keep the first reason */
};

enum xl_vkind { XV_STR, XV_NUM, XV_LIST };

/* A value as parsed, before a key gives it a type. */
struct xl_val {
	enum xl_vkind kind;
	unsigned int line;
	char *str;		/* XV_STR: unescaped, malloc'd */
	const char *text;	/* XV_NUM: as written, in the input */
	size_t textlen;
	long long num;		/* XV_NUM, if num_err is 0 */
	int num_err;		/* XV_NUM: 0 or as xl_parse_num() */
};

struct xl_key {
	const char *name;
	bool is_int;
	long long min, max;	/* is_int */
	const char *unit;	/* is_int: for messages */
	/* String keys: 0, or an error; may set *conv (enums, masks). */
	int (*check)(struct xl_parser *ps, const char *s, long long *conv);
	/* String keys: why a list is refused, if not just "a list". */
	const char *no_list;
};

static int xl_check_name(struct xl_parser *ps, const char *s,
			 long long *conv);
static int xl_check_type(struct xl_parser *ps, const char *s,
			 long long *conv);
static int xl_check_path(struct xl_parser *ps, const char *s,
			 long long *conv);
static int xl_check_action(struct xl_parser *ps, const char *s,
			   long long *conv);
static int xl_check_cpus(struct xl_parser *ps, const char *s,
			 long long *conv);

#define XL_INT(n, lo, hi, u)	{ .name = n, .is_int = true, .min = lo, \
				  .max = hi, .unit = u }
#define XL_STR(n, fn)		{ .name = n, .check = fn }

/* In the order missing required keys are reported. */
static const struct xl_key xl_keys[K_NR] = {
	[K_NAME]	= XL_STR("name", xl_check_name),
	[K_TYPE]	= XL_STR("type", xl_check_type),
	[K_MEMORY]	= XL_INT("memory", 1, XL_DOMCFG_MEM_MAX_MIB, " MiB"),
	[K_MAXMEM]	= XL_INT("maxmem", 1, XL_DOMCFG_MEM_MAX_MIB, " MiB"),
	[K_VCPUS]	= XL_INT("vcpus", 1, XL_DOMCFG_VCPUS_MAX, ""),
	[K_MAXVCPUS]	= XL_INT("maxvcpus", 1, XL_DOMCFG_VCPUS_MAX, ""),
	[K_KERNEL]	= XL_STR("kernel", xl_check_path),
	[K_RAMDISK]	= XL_STR("ramdisk", xl_check_path),
	[K_CMDLINE]	= XL_STR("cmdline", NULL),
	[K_ROOT]	= XL_STR("root", NULL),
	[K_EXTRA]	= XL_STR("extra", NULL),
	[K_ON_POWEROFF]	= XL_STR("on_poweroff", xl_check_action),
	[K_ON_REBOOT]	= XL_STR("on_reboot", xl_check_action),
	[K_ON_CRASH]	= XL_STR("on_crash", xl_check_action),
	[K_MCU_ADVANCE]	= XL_INT("mcu_advance", 1, 1000, ""),
	[K_WARP]	= XL_INT("warp", 0, 1000000, ""),
	[K_WARP_LIMIT_MS] = XL_INT("warp_limit_ms", 0, 60000, " ms"),
	[K_UNWARP_MS]	= XL_INT("unwarp_ms", 0, 60000, " ms"),
	/* xl's list form gives each vCPU its own CPU-LIST. */
	[K_CPUS]	= { .name = "cpus", .check = xl_check_cpus,
			    .no_list = "a list (one CPU-LIST per vCPU) is not "
				       "supported yet: one string pins all "
				       "vCPUs, e.g. cpus = \"0-3\"" },
};

/*
 * Keys of xl.cfg that a working xl config may well hold but that we do
 * not implement yet: saying so beats "unknown key".  Any key starting
 * with "device_model_" is one too.
 */
static const struct {
	const char *name;
	const char *hint;
} xl_unsupported[] = {
	{ "bootloader", NULL },	{ "bootloader_args", NULL },
	{ "builder", "xenlate builds type = \"pvh\" guests" },
	{ "cap", NULL },	{ "channel", NULL },
	{ "cpu_weight", "see mcu_advance" },
	{ "cpus_soft", NULL },
	{ "device_model", NULL }, { "device_tree", NULL },
	{ "disk", NULL },	{ "firmware", NULL },
	{ "nestedhvm", NULL },	{ "on_soft_reset", NULL },
	{ "on_watchdog", NULL }, { "p9", NULL },
	{ "pci", NULL },	{ "pool", NULL },
	{ "pvh", "type = \"pvh\" replaces it" },
	{ "seclabel", NULL },	{ "serial", NULL },
	{ "sdl", NULL },	{ "usbctrl", NULL },
	{ "usbdev", NULL },	{ "uuid", NULL },
	{ "vfb", NULL },	{ "vif", NULL },
	{ "vkb", NULL },	{ "vnc", NULL },
	{ "vnuma", NULL },	{ "vtpm", NULL },
};

#define XL_ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

/* --- messages ----------------------------------------------------------- */

/* The reason quotes user text: keep it one printable line. */
static void xl_sanitize(char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			*s = '?';
}

/* @len bytes of @s for a message: cut to XL_SHOW_MAX, then "...". */
static const char *xl_show(char buf[XL_SHOW_MAX + 4], const char *s,
			   size_t len)
{
	size_t n = len > XL_SHOW_MAX ? XL_SHOW_MAX : len;

	memcpy(buf, s, n);
	strcpy(buf + n, len > n ? "..." : "");
	return buf;
}

/* One byte, for "unexpected ..." messages: 'x' or 0x0d. */
static const char *xl_show_char(char buf[16], char c)
{
	unsigned char u = (unsigned char)c;

	if (u < 0x20 || u >= 0x7f)
		snprintf(buf, 16, "byte 0x%02x", u);
	else
		snprintf(buf, 16, "'%c'", c);
	return buf;
}

/*
 * "SOURCE:LINE: KEY: why", "SOURCE: KEY: why" (line 0) or, for an
 * override, "command line: ARG: why" (the argument shows the key).
 * Returns -EINVAL for the caller to pass up.
 */
__attribute__((format(printf, 4, 0)))
static int xl_vfail(struct xl_parser *ps, const struct xl_origin *org,
		    const char *key, const char *fmt, va_list ap)
{
	char why[320], shown[XL_SHOW_MAX + 4];

	if (ps->failed || !ps->errsize)
		goto out;
	vsnprintf(why, sizeof(why), fmt, ap);
	if (org->arg)
		snprintf(ps->err, ps->errsize, "command line: %s: %s",
			 xl_show(shown, org->arg, strlen(org->arg)), why);
	else if (org->line)
		snprintf(ps->err, ps->errsize, "%s:%u: %s%s%s", ps->source,
			 org->line, key ? key : "", key ? ": " : "", why);
	else
		snprintf(ps->err, ps->errsize, "%s: %s%s%s", ps->source,
			 key ? key : "", key ? ": " : "", why);
	xl_sanitize(ps->err);
out:
	ps->failed = true;
	return -EINVAL;
}

/* An error about the setting being read, at line @line of the file. */
__attribute__((format(printf, 3, 4)))
static int xl_fail_at(struct xl_parser *ps, unsigned int line,
		      const char *fmt, ...)
{
	struct xl_origin org = { .line = line, .arg = ps->org.arg };
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = xl_vfail(ps, &org, ps->key, fmt, ap);
	va_end(ap);
	return rc;
}

/* An error about the value of the setting being read. */
#define xl_fail_val(ps, ...)	xl_fail_at(ps, (ps)->vline, __VA_ARGS__)

/* An error about key @id as set at @org (or never set: line 0). */
__attribute__((format(printf, 4, 5)))
static int xl_fail_key(struct xl_parser *ps, enum xl_key_id id,
		       const struct xl_origin *org, const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = xl_vfail(ps, org, xl_keys[id].name, fmt, ap);
	va_end(ap);
	return rc;
}

static int xl_fail_nomem(struct xl_parser *ps)
{
	if (!ps->failed && ps->errsize) {
		snprintf(ps->err, ps->errsize, "%s: out of memory",
			 ps->source);
		xl_sanitize(ps->err);
	}
	ps->failed = true;
	return -ENOMEM;
}

/* --- values ------------------------------------------------------------- */

/*
 * "123", "0x1f", "-5" -> *out.  Returns 0, -EINVAL (not a number), -EDOM
 * (a leading zero: xl reads "010" as octal 8, which is never what the
 * writer meant, so refuse rather than differ) or -ERANGE.
 */
static int xl_parse_num(const char *s, size_t len, long long *out)
{
	unsigned long long n = 0;
	unsigned int base = 10, d;
	bool neg = false, big = false;
	size_t i = 0;

	if (len && s[0] == '-') {
		neg = true;
		i = 1;
	}
	if (len - i > 2 && s[i] == '0' && (s[i + 1] | 0x20) == 'x') {
		base = 16;
		i += 2;
	} else if (len - i == 2 && s[i] == '0' && (s[i + 1] | 0x20) == 'x') {
		return -EINVAL;
	} else if (len - i > 1 && s[i] == '0') {
		for (; i < len; i++)
			if (s[i] < '0' || s[i] > '9')
				return -EINVAL;
		return -EDOM;
	}
	if (i == len)
		return -EINVAL;
	for (; i < len; i++) {
		char c = s[i];

		if (c >= '0' && c <= '9')
			d = c - '0';
		else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
			d = (c | 0x20) - 'a' + 10;
		else
			return -EINVAL;
		if (d >= base)
			return -EINVAL;
		/* Keep reading: "99999999999999999999x" is not a number. */
		if (n > ((unsigned long long)LLONG_MAX - d) / base)
			big = true;
		else
			n = n * base + d;
	}
	if (big)
		return -ERANGE;
	*out = neg ? -(long long)n : (long long)n;
	return 0;
}

static void xl_val_free(struct xl_val *v)
{
	free(v->str);
	v->str = NULL;
}

static bool xl_is_key_start(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static bool xl_is_key_char(char c)
{
	return xl_is_key_start(c) || (c >= '0' && c <= '9');
}

static bool xl_is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/*
 * A key as written: '-' and '.' are not in keys, but taking them here
 * turns "on-crash = ..." into "unknown key 'on-crash' (did you mean
 * 'on_crash'?)" rather than a puzzling "expected '='".
 */
static const char *xl_scan_key(const char *p, const char *end)
{
	while (p < end && (xl_is_key_char(*p) || *p == '-' || *p == '.'))
		p++;
	return p;
}

static bool xl_at_eol(const struct xl_parser *ps)
{
	return ps->p < ps->end &&
	       (*ps->p == '\n' ||
		(*ps->p == '\r' && ps->p + 1 < ps->end && ps->p[1] == '\n'));
}

static void xl_skip_blanks(struct xl_parser *ps)
{
	while (ps->p < ps->end && (*ps->p == ' ' || *ps->p == '\t'))
		ps->p++;
}

/* Past a '#' comment, to its newline (left for the caller). */
static int xl_skip_comment(struct xl_parser *ps)
{
	for (; ps->p < ps->end && *ps->p != '\n'; ps->p++)
		if (!*ps->p)
			return xl_fail_at(ps, ps->line,
					  "NUL byte (not a text file?)");
	return 0;
}

/* Blanks, comments and newlines: what may separate list items. */
static int xl_skip_space(struct xl_parser *ps)
{
	int rc;

	for (;;) {
		xl_skip_blanks(ps);
		if (ps->p == ps->end)
			return 0;
		if (xl_at_eol(ps)) {
			ps->p += *ps->p == '\r' ? 2 : 1;
			ps->line++;
		} else if (*ps->p == '#') {
			rc = xl_skip_comment(ps);
			if (rc)
				return rc;
		} else {
			return 0;
		}
	}
}

/*
 * A string in @q quotes, at ps->p.  As in xl it ends on its line, and
 * both quotes take the same escapes.
 */
static int xl_lex_string(struct xl_parser *ps, struct xl_val *v)
{
	char buf[XL_DOMCFG_STR_MAX + 1], cb[16];
	char q = *ps->p++;
	size_t n = 0;
	char c;

	for (;;) {
		if (ps->p == ps->end || xl_at_eol(ps))
			return xl_fail_val(ps, "unterminated string (no "
					   "closing %c on its line)", q);
		c = *ps->p++;
		if (c == q)
			break;
		if (c == '\\') {
			if (ps->p == ps->end || xl_at_eol(ps))
				continue;	/* unterminated, above */
			c = *ps->p++;
			switch (c) {
			case '"': case '\'': case '\\':
				break;
			case 'a': c = '\a'; break;
			case 'b': c = '\b'; break;
			case 'f': c = '\f'; break;
			case 'n': c = '\n'; break;
			case 'r': c = '\r'; break;
			case 't': c = '\t'; break;
			case 'v': c = '\v'; break;
			case 'x': case '0': case '1': case '2': case '3':
			case '4': case '5': case '6': case '7':
				/* xl parses them, then drops the character */
				return xl_fail_val(ps, "numeric escapes "
						   "(\\%c...) are not "
						   "supported", c);
			default:
				return xl_fail_val(ps, "unknown escape: "
						   "backslash and %s",
						   xl_show_char(cb, c));
			}
		} else if (!c) {
			return xl_fail_val(ps, "NUL byte in a string");
		} else if (((unsigned char)c < 0x20 && c != '\t') ||
			   c == 0x7f) {
			return xl_fail_val(ps, "control character (%s) in a "
					   "string: write it as an escape",
					   xl_show_char(cb, c));
		}
		if (n == XL_DOMCFG_STR_MAX)
			return xl_fail_val(ps, "string longer than %d bytes",
					   XL_DOMCFG_STR_MAX);
		buf[n++] = c;
	}
	v->kind = XV_STR;
	v->str = malloc(n + 1);
	if (!v->str)
		return xl_fail_nomem(ps);
	memcpy(v->str, buf, n);
	v->str[n] = '\0';
	return 0;
}

/*
 * A number, at ps->p.  The whole word is taken, so that "12abc" or "1.5"
 * is reported as not a number rather than as a stray character; the key
 * decides what to do with a bad one (xl_val_int, xl_val_str).
 */
static void xl_lex_number(struct xl_parser *ps, struct xl_val *v)
{
	const char *s = ps->p;

	ps->p++;	/* a digit, or '-' before one */
	while (ps->p < ps->end && (xl_is_key_char(*ps->p) || *ps->p == '.'))
		ps->p++;
	v->kind = XV_NUM;
	v->text = s;
	v->textlen = ps->p - s;
	v->num_err = xl_parse_num(s, v->textlen, &v->num);
}

static int xl_parse_value(struct xl_parser *ps, struct xl_val *v,
			  unsigned int depth);

/*
 * A list, at its '['.  Items are parsed, then dropped: no key we
 * implement takes a list yet (disk and vif will).  Nesting is bounded,
 * so the recursion is.
 */
static int xl_parse_list(struct xl_parser *ps, struct xl_val *v,
			 unsigned int depth)
{
	unsigned int line = ps->line;
	struct xl_val item;
	char cb[16];
	int rc;

	if (depth >= XL_DOMCFG_LIST_DEPTH)
		return xl_fail_at(ps, line, "lists nested deeper than %d",
				  XL_DOMCFG_LIST_DEPTH);
	ps->p++;
	v->kind = XV_LIST;
	for (;;) {
		rc = xl_skip_space(ps);
		if (rc)
			return rc;
		if (ps->p == ps->end)
			break;
		if (*ps->p == ']') {	/* empty, or after a ',' */
			ps->p++;
			return 0;
		}
		rc = xl_parse_value(ps, &item, depth + 1);
		xl_val_free(&item);
		if (rc)
			return rc;
		rc = xl_skip_space(ps);
		if (rc)
			return rc;
		if (ps->p == ps->end)
			break;
		if (*ps->p == ']') {
			ps->p++;
			return 0;
		}
		if (*ps->p != ',')
			return xl_fail_at(ps, ps->line, "%s in a list, expected"
					  " ',' or ']'",
					  xl_show_char(cb, *ps->p));
		ps->p++;
	}
	return xl_fail_at(ps, line, "unterminated list (no ']' for the '['"
			  " on line %u)", line);
}

static int xl_parse_value(struct xl_parser *ps, struct xl_val *v,
			  unsigned int depth)
{
	char cb[16], shown[XL_SHOW_MAX + 4];
	const char *s = ps->p;
	char c;

	memset(v, 0, sizeof(*v));
	v->line = ps->line;
	ps->vline = ps->line;
	if (ps->p == ps->end || xl_at_eol(ps) || *ps->p == '#' ||
	    *ps->p == ';')
		return xl_fail_val(ps, "missing value");
	c = *ps->p;
	if (c == '"' || c == '\'')
		return xl_lex_string(ps, v);
	if (c == '[')
		return xl_parse_list(ps, v, depth);
	if (xl_is_digit(c) ||
	    (c == '-' && ps->p + 1 < ps->end && xl_is_digit(ps->p[1]))) {
		xl_lex_number(ps, v);
		return 0;
	}
	if (xl_is_key_start(c)) {
		while (ps->p < ps->end && xl_is_key_char(*ps->p))
			ps->p++;
		return xl_fail_val(ps, "unquoted string '%s' (put it in "
				   "quotes)",
				   xl_show(shown, s, ps->p - s));
	}
	if (!c)
		return xl_fail_val(ps, "NUL byte (not a text file?)");
	return xl_fail_val(ps, "unexpected %s", xl_show_char(cb, c));
}

/* --- keys --------------------------------------------------------------- */

static int xl_lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/* @n bytes of @a equal @b's first @n, ignoring the case of @a. */
static bool xl_eq_n(const char *a, const char *b, size_t n)
{
	for (; n; n--, a++, b++)
		if (xl_lower((unsigned char)*a) != *b)
			return false;
	return true;
}

/*
 * Is @s (@n bytes) a likely typo of @known: the same but for case, or
 * one letter changed, added, dropped, or two swapped?
 */
static bool xl_near(const char *s, size_t n, const char *known)
{
	size_t m = strlen(known), i = 0;

	while (i < n && i < m && xl_lower((unsigned char)s[i]) == known[i])
		i++;
	if (i == n && i == m)
		return true;
	if (n == m)
		return xl_eq_n(s + i + 1, known + i + 1, n - i - 1) ||
		       (i + 1 < n &&
			xl_lower((unsigned char)s[i]) == known[i + 1] &&
			xl_lower((unsigned char)s[i + 1]) == known[i] &&
			xl_eq_n(s + i + 2, known + i + 2, n - i - 2));
	if (n + 1 == m)
		return xl_eq_n(s + i, known + i + 1, n - i);
	if (n == m + 1)
		return xl_eq_n(s + i + 1, known + i, m - i);
	return false;
}

/* Key @s (@n bytes) -> its id, or an error naming it. */
static int xl_key_lookup(struct xl_parser *ps, const char *s, size_t n)
{
	char shown[XL_SHOW_MAX + 4];
	size_t i;

	for (i = 0; i < K_NR; i++)
		if (strlen(xl_keys[i].name) == n &&
		    !memcmp(xl_keys[i].name, s, n))
			return (int)i;
	xl_show(shown, s, n);
	for (i = 0; i < XL_ARRAY_SIZE(xl_unsupported); i++)
		if (strlen(xl_unsupported[i].name) == n &&
		    !memcmp(xl_unsupported[i].name, s, n))
			return xl_fail_at(ps, ps->org.line,
					  "%s: not supported yet%s%s%s",
					  shown,
					  xl_unsupported[i].hint ? " (" : "",
					  xl_unsupported[i].hint ?
					  xl_unsupported[i].hint : "",
					  xl_unsupported[i].hint ? ")" : "");
	if (n > 13 && !memcmp(s, "device_model_", 13))
		return xl_fail_at(ps, ps->org.line,
				  "%s: not supported yet", shown);
	for (i = 0; i < K_NR; i++)
		if (xl_near(s, n, xl_keys[i].name))
			return xl_fail_at(ps, ps->org.line,
					  "unknown key '%s' (did you mean "
					  "'%s'?)", shown, xl_keys[i].name);
	return xl_fail_at(ps, ps->org.line, "unknown key '%s'", shown);
}

static int xl_check_name(struct xl_parser *ps, const char *s,
			 long long *conv)
{
	char shown[XL_SHOW_MAX + 4];
	size_t i, len = strlen(s);
	bool digits = true;

	(void)conv;
	if (!len)
		return xl_fail_val(ps, "empty");
	xl_show(shown, s, len);
	if (len > XL_DOMCFG_NAME_MAX)
		return xl_fail_val(ps, "'%s' is longer than %d characters",
				   shown, XL_DOMCFG_NAME_MAX);
	for (i = 0; i < len; i++) {
		char c = s[i];

		if (!xl_is_key_char(c) && c != '.' && c != '-')
			return xl_fail_val(ps, "'%s': only letters, digits, "
					   "'_', '.' and '-'", shown);
		if (!xl_is_digit(c))
			digits = false;
	}
	if (s[0] == '-')
		return xl_fail_val(ps, "'%s' starts with '-' (it would read "
				   "as an option)", shown);
	if (!strcmp(s, ".") || !strcmp(s, ".."))
		return xl_fail_val(ps, "'%s' is not a name", shown);
	if (digits)
		return xl_fail_val(ps, "'%s' is all digits (it would read as "
				   "a domain id)", shown);
	if (!strcmp(s, "Domain-0"))
		return xl_fail_val(ps, "'Domain-0' is Dom0's name");
	return 0;
}

static int xl_check_type(struct xl_parser *ps, const char *s,
			 long long *conv)
{
	char shown[XL_SHOW_MAX + 4];

	(void)conv;
	if (!strcmp(s, "pvh"))
		return 0;
	xl_show(shown, s, strlen(s));
	if (!strcmp(s, "pv") || !strcmp(s, "hvm"))
		return xl_fail_val(ps, "'%s' is not supported yet (only "
				   "\"pvh\")", shown);
	return xl_fail_val(ps, "unknown type '%s' (xl has pv, pvh and hvm;"
			   " xenlate runs pvh)", shown);
}

static int xl_check_path(struct xl_parser *ps, const char *s,
			 long long *conv)
{
	(void)conv;
	return *s ? 0 : xl_fail_val(ps, "empty path");
}

static const char *const xl_actions[] = {
	[XL_ACTION_DESTROY] = "destroy",
	[XL_ACTION_RESTART] = "restart",
	[XL_ACTION_PRESERVE] = "preserve",
	[XL_ACTION_COREDUMP_DESTROY] = "coredump-destroy",
	[XL_ACTION_COREDUMP_RESTART] = "coredump-restart",
	[XL_ACTION_RENAME_RESTART] = "rename-restart",
};

static int xl_check_action(struct xl_parser *ps, const char *s,
			   long long *conv)
{
	static const char *const later[] = {
		"soft-reset",
	};
	char shown[XL_SHOW_MAX + 4];
	size_t i;

	for (i = 0; i < XL_ARRAY_SIZE(xl_actions); i++) {
		if (!strcmp(s, xl_actions[i])) {
			*conv = (long long)i;
			return 0;
		}
	}
	xl_show(shown, s, strlen(s));
	for (i = 0; i < XL_ARRAY_SIZE(later); i++)
		if (!strcmp(s, later[i]))
			return xl_fail_val(ps, "'%s' is not supported yet "
					   "(destroy, restart or preserve)",
					   shown);
	return xl_fail_val(ps, "unknown action '%s' (destroy, restart or "
			   "preserve)", shown);
}

static int xl_check_cpus(struct xl_parser *ps, const char *s,
			 long long *conv)
{
	char why[160];
	uint64_t mask;

	if (xl_cpulist_parse(s, &mask, why, sizeof(why)))
		return xl_fail_val(ps, "%s", why);
	*conv = (long long)mask;	/* the bits, back in xl_finish */
	return 0;
}

/* @v for an integer key: a number, or a string holding one. */
static int xl_val_int(struct xl_parser *ps, const struct xl_key *k,
		      const struct xl_val *v, long long *out)
{
	char shown[XL_SHOW_MAX + 4], detail[XL_SHOW_MAX + 16] = "";
	const char *text;
	size_t len;
	int rc;

	if (v->kind == XV_LIST)
		return xl_fail_val(ps, "a list, expected a number");
	if (v->kind == XV_NUM) {
		text = v->text;
		len = v->textlen;
		rc = v->num_err;
		*out = v->num;
	} else {
		text = v->str;
		len = strlen(v->str);
		rc = xl_parse_num(text, len, out);
	}
	xl_show(shown, text, len);
	/* An override's argument is in the message already. */
	if (!ps->org.arg)
		snprintf(detail, sizeof(detail), " ('%s')", shown);
	if (rc == -EINVAL)
		return xl_fail_val(ps, "not a number%s", detail);
	if (rc == -EDOM)
		return xl_fail_val(ps, "leading zero in '%s' (xl would read it"
				   " as octal)", shown);
	if (rc || *out < k->min || *out > k->max)
		return xl_fail_val(ps, "%s is out of range (%lld to %lld%s)",
				   shown, k->min, k->max, k->unit);
	return 0;
}

/* @v for the string key @k, into the malloc'd *@out. */
static int xl_val_str(struct xl_parser *ps, const struct xl_key *k,
		      struct xl_val *v, char **out)
{
	char shown[XL_SHOW_MAX + 4];

	if (v->kind == XV_LIST)
		return xl_fail_val(ps, "%s", k->no_list ? k->no_list :
				   "a list, expected a string");
	if (v->kind == XV_STR) {
		*out = v->str;
		v->str = NULL;
		return 0;
	}
	/* A number's text, as xl takes it; a bad one needs quotes. */
	if (v->num_err)
		return xl_fail_val(ps, "unquoted string '%s' (put it in "
				   "quotes)",
				   xl_show(shown, v->text, v->textlen));
	*out = strndup(v->text, v->textlen);
	return *out ? 0 : xl_fail_nomem(ps);
}

/*
 * KEY = @v or KEY += @v, for the key @id of the setting being read.
 * A second '=' is an error in the file (xl silently takes the last one,
 * which hides mistakes) and among the overrides, but an override may
 * replace the file's value: that is what overrides are for.
 */
static int xl_assign(struct xl_parser *ps, enum xl_key_id id, bool append,
		     struct xl_val *v)
{
	const struct xl_key *k = &xl_keys[id];
	struct xl_slot *s = &ps->slot[id];
	bool over = ps->org.arg, was_over = s->org.arg;
	long long num = 0;
	char *str = NULL, *cat;
	int rc;

	ps->vline = v->line;
	if (s->set && !append && over == was_over) {
		if (over)
			return xl_fail_at(ps, 0, "%s given twice on the "
					  "command line", k->name);
		return xl_fail_at(ps, ps->org.line, "given twice (first on "
				  "line %u)", s->org.line);
	}
	if (k->is_int) {
		if (append)
			return xl_fail_at(ps, ps->org.line,
					  "'+=' only appends to strings");
		rc = xl_val_int(ps, k, v, &num);
		if (rc)
			return rc;
	} else {
		rc = xl_val_str(ps, k, v, &str);
		if (rc)
			return rc;
		if (append && s->set) {
			if (strlen(s->str) + strlen(str) > XL_DOMCFG_STR_MAX) {
				free(str);
				return xl_fail_val(ps, "string longer than %d "
						   "bytes", XL_DOMCFG_STR_MAX);
			}
			rc = asprintf(&cat, "%s%s", s->str, str);
			free(str);
			if (rc < 0)
				return xl_fail_nomem(ps);
			str = cat;
		}
		rc = k->check ? k->check(ps, str, &num) : 0;
		if (rc) {
			free(str);
			return rc;
		}
	}
	free(s->str);
	s->str = str;
	s->num = num;
	s->set = true;
	s->org = ps->org;
	return 0;
}

/* --- settings ----------------------------------------------------------- */

/*
 * "KEY = VALUE" or "KEY += VALUE" in the file, at its key.  What follows
 * the value is checked before the value is given to the key, so that
 * "memory = 1 2" is about the stray '2', not about the 1.
 */
static int xl_parse_setting(struct xl_parser *ps)
{
	const char *k = ps->p;
	struct xl_val v;
	bool append;
	char cb[16];
	int id, rc;

	ps->org.line = ps->line;
	ps->p = xl_scan_key(ps->p, ps->end);
	id = xl_key_lookup(ps, k, ps->p - k);
	if (id < 0)
		return id;
	ps->key = xl_keys[id].name;
	xl_skip_blanks(ps);
	append = ps->end - ps->p >= 2 && ps->p[0] == '+' && ps->p[1] == '=';
	if (!append && (ps->p == ps->end || *ps->p != '='))
		return xl_fail_at(ps, ps->line, "expected '=' after the key");
	ps->p += append ? 2 : 1;
	xl_skip_blanks(ps);
	rc = xl_parse_value(ps, &v, 0);
	if (rc)
		goto out;
	/* A setting ends at a newline, a ';', a comment or EOF. */
	xl_skip_blanks(ps);
	if (ps->p < ps->end && !xl_at_eol(ps) && *ps->p != ';' &&
	    *ps->p != '#')
		rc = xl_fail_at(ps, ps->line, "unexpected %s after the value",
				xl_show_char(cb, *ps->p));
	else
		rc = xl_assign(ps, id, append, &v);
out:
	xl_val_free(&v);
	return rc;
}

static int xl_parse_file(struct xl_parser *ps)
{
	char cb[16];
	int rc;

	for (;;) {
		ps->key = NULL;
		rc = xl_skip_space(ps);
		if (rc)
			return rc;
		if (ps->p == ps->end)
			return 0;
		if (*ps->p == ';') {	/* an empty setting */
			ps->p++;
			continue;
		}
		if (!*ps->p)
			return xl_fail_at(ps, ps->line,
					  "NUL byte (not a text file?)");
		if (!xl_is_key_start(*ps->p))
			return xl_fail_at(ps, ps->line, "unexpected %s, "
					  "expected KEY = VALUE",
					  xl_show_char(cb, *ps->p));
		rc = xl_parse_setting(ps);
		if (rc)
			return rc;
	}
}

/*
 * One override: "KEY=VALUE" or "KEY+=VALUE".  VALUE in quotes or
 * brackets, or a number, is parsed as in a file; anything else is a
 * string as it stands (xl create g.cfg name=foo), bar blanks around it.
 */
static int xl_parse_override(struct xl_parser *ps, const char *arg)
{
	const char *k, *rest, *e;
	struct xl_val v;
	long long num;
	bool append;
	int id, rc;

	ps->org.arg = arg;
	ps->org.line = 0;
	ps->key = NULL;
	ps->p = arg;
	ps->end = arg + strlen(arg);
	ps->line = 1;
	xl_skip_blanks(ps);
	k = ps->p;
	ps->p = xl_scan_key(ps->p, ps->end);
	e = ps->p;
	xl_skip_blanks(ps);
	append = ps->end - ps->p >= 2 && ps->p[0] == '+' && ps->p[1] == '=';
	if (e == k || !xl_is_key_start(*k) ||
	    (!append && (ps->p == ps->end || *ps->p != '=')))
		return xl_fail_at(ps, 0, "not KEY=VALUE");
	ps->p += append ? 2 : 1;
	id = xl_key_lookup(ps, k, e - k);
	if (id < 0)
		return id;
	ps->key = xl_keys[id].name;
	xl_skip_blanks(ps);
	rest = ps->p;
	e = ps->end;
	while (e > rest && (e[-1] == ' ' || e[-1] == '\t'))
		e--;
	if (rest < e && (*rest == '"' || *rest == '\'' || *rest == '[')) {
		rc = xl_parse_value(ps, &v, 0);
		if (!rc) {
			xl_skip_blanks(ps);
			if (ps->p != ps->end)
				rc = xl_fail_at(ps, 0, "unexpected text after "
						"the value (one KEY=VALUE per"
						" argument)");
		}
	} else if (!xl_parse_num(rest, e - rest, &num)) {
		memset(&v, 0, sizeof(v));
		v.kind = XV_NUM;
		v.text = rest;
		v.textlen = e - rest;
		v.num = num;
		rc = 0;
	} else {
		memset(&v, 0, sizeof(v));
		v.kind = XV_STR;
		for (rc = 0, k = rest; k < e && !rc; k++)
			if ((unsigned char)*k < 0x20 || *k == 0x7f)
				rc = xl_fail_at(ps, 0, "control character in "
						"the value");
		if (!rc && e - rest > XL_DOMCFG_STR_MAX)
			rc = xl_fail_at(ps, 0, "string longer than %d bytes",
					XL_DOMCFG_STR_MAX);
		if (!rc) {
			v.str = strndup(rest, e - rest);
			if (!v.str)
				rc = xl_fail_nomem(ps);
		}
	}
	if (!rc)
		rc = xl_assign(ps, id, append, &v);
	xl_val_free(&v);
	return rc;
}

/* --- the result --------------------------------------------------------- */

static const struct xl_origin *xl_org(struct xl_parser *ps,
				      enum xl_key_id id)
{
	return &ps->slot[id].org;
}

static long long xl_num(struct xl_parser *ps, enum xl_key_id id,
			long long dflt)
{
	return ps->slot[id].set ? ps->slot[id].num : dflt;
}

/* Take the string of key @id out of its slot: the result owns it. */
static char *xl_take(struct xl_parser *ps, enum xl_key_id id)
{
	char *s = ps->slot[id].str;

	ps->slot[id].str = NULL;
	return s;
}

/*
 * The guest's command line, as xl composes it: cmdline wins over root
 * and extra (xl warns that it ignores them: root_extra_ignored lets the
 * caller do the same); else "root=ROOT EXTRA".
 */
static int xl_compose_cmdline(struct xl_parser *ps, struct xl_domcfg *cfg)
{
	const char *root = ps->slot[K_ROOT].str;
	const char *extra = ps->slot[K_EXTRA].str;
	enum xl_key_id by = K_CMDLINE;
	size_t len;
	int rc;

	if (ps->slot[K_CMDLINE].set) {
		cfg->cmdline = xl_take(ps, K_CMDLINE);
		cfg->root_extra_ignored = ps->slot[K_ROOT].set ||
					  ps->slot[K_EXTRA].set;
	} else {
		if (root && !*root)
			root = NULL;
		if (extra && !*extra)
			extra = NULL;
		rc = asprintf(&cfg->cmdline, "%s%s%s%s", root ? "root=" : "",
			      root ? root : "", root && extra ? " " : "",
			      extra ? extra : "");
		if (rc < 0) {
			cfg->cmdline = NULL;
			return xl_fail_nomem(ps);
		}
		by = ps->slot[K_EXTRA].set ? K_EXTRA : K_ROOT;
	}
	len = strlen(cfg->cmdline);
	if (len > XL_DOMCFG_CMDLINE_MAX)
		return xl_fail_key(ps, by, xl_org(ps, by), "the command line "
				   "is %zu bytes, more than %d", len,
				   XL_DOMCFG_CMDLINE_MAX);
	return 0;
}

static int xl_finish(struct xl_parser *ps, struct xl_domcfg *cfg)
{
	static const enum xl_key_id required[] = {
		K_NAME, K_MEMORY, K_KERNEL,
	};
	static const struct xl_origin nowhere;
	size_t i;

	for (i = 0; i < XL_ARRAY_SIZE(required); i++)
		if (!ps->slot[required[i]].set)
			return xl_fail_key(ps, required[i], &nowhere,
					   "missing (required)");
	cfg->memory_mib = xl_num(ps, K_MEMORY, 0);
	cfg->maxmem_mib = xl_num(ps, K_MAXMEM, cfg->memory_mib);
	if (cfg->maxmem_mib < cfg->memory_mib)
		return xl_fail_key(ps, K_MAXMEM, xl_org(ps, K_MAXMEM),
				   "%lu MiB is less than memory (%lu MiB)",
				   cfg->maxmem_mib, cfg->memory_mib);
	/* Ranges were checked: the narrowing below loses nothing. */
	cfg->vcpus = xl_num(ps, K_VCPUS, 1);
	cfg->maxvcpus = xl_num(ps, K_MAXVCPUS, cfg->vcpus);
	if (cfg->maxvcpus < cfg->vcpus)
		return xl_fail_key(ps, K_MAXVCPUS, xl_org(ps, K_MAXVCPUS),
				   "%u is less than vcpus (%u)",
				   cfg->maxvcpus, cfg->vcpus);
	cfg->on_poweroff = xl_num(ps, K_ON_POWEROFF, XL_ACTION_DESTROY);
	cfg->on_reboot = xl_num(ps, K_ON_REBOOT, XL_ACTION_RESTART);
	cfg->on_crash = xl_num(ps, K_ON_CRASH, XL_ACTION_DESTROY);
	cfg->bvt.mcu_advance = xl_num(ps, K_MCU_ADVANCE, 10);
	cfg->bvt.warp = xl_num(ps, K_WARP, 0);
	cfg->bvt.warp_limit_ms = xl_num(ps, K_WARP_LIMIT_MS, 0);
	cfg->bvt.unwarp_ms = xl_num(ps, K_UNWARP_MS, 0);
	cfg->cpu_mask = (uint64_t)xl_num(ps, K_CPUS, 0);
	cfg->name = xl_take(ps, K_NAME);
	cfg->kernel = xl_take(ps, K_KERNEL);
	cfg->ramdisk = xl_take(ps, K_RAMDISK);
	return xl_compose_cmdline(ps, cfg);
}

int xl_domcfg_parse(const char *buf, size_t len, const char *source,
		    int argc, char *const argv[], struct xl_domcfg *cfg,
		    char *err, size_t errsize)
{
	struct xl_parser ps;
	int i, rc;
	size_t k;

	memset(cfg, 0, sizeof(*cfg));
	memset(&ps, 0, sizeof(ps));
	ps.p = buf;
	ps.end = buf ? buf + len : buf;
	ps.line = 1;
	ps.source = source ? source : "config";
	ps.err = err;
	ps.errsize = err ? errsize : 0;
	if (ps.errsize)
		err[0] = '\0';

	rc = xl_parse_file(&ps);
	for (i = 0; !rc && i < argc; i++)
		rc = xl_parse_override(&ps, argv[i]);
	if (!rc)
		rc = xl_finish(&ps, cfg);
	for (k = 0; k < K_NR; k++)
		free(ps.slot[k].str);
	if (rc)
		xl_domcfg_free(cfg);
	return rc;
}

/* Read all of @fd, up to @max + 1 bytes (to tell "too large"). */
static int xl_read_all(int fd, char *buf, size_t max, size_t *len)
{
	ssize_t n;

	*len = 0;
	while (*len <= max) {
		n = read(fd, buf + *len, max + 1 - *len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -errno;
		if (!n)
			break;
		*len += n;
	}
	return 0;
}

int xl_domcfg_load(const char *path, int argc, char *const argv[],
		   struct xl_domcfg *cfg, char *err, size_t errsize)
{
	char *buf = NULL;
	size_t len = 0;
	int fd, rc;

	memset(cfg, 0, sizeof(*cfg));
	if (!err)
		errsize = 0;
	if (errsize)
		err[0] = '\0';
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		rc = -errno;
		goto fail;
	}
	buf = malloc(XL_DOMCFG_FILE_MAX + 1);
	rc = buf ? xl_read_all(fd, buf, XL_DOMCFG_FILE_MAX, &len) : -ENOMEM;
	close(fd);
	if (rc)
		goto fail;
	if (len > XL_DOMCFG_FILE_MAX) {
		rc = -EFBIG;
		if (errsize)
			snprintf(err, errsize, "%s: larger than %lu KiB, not "
				 "a domain configuration", path,
				 XL_DOMCFG_FILE_MAX / 1024);
		goto out;
	}
	rc = xl_domcfg_parse(buf, len, path, argc, argv, cfg, err, errsize);
	free(buf);
	return rc;
fail:
	if (errsize)
		snprintf(err, errsize, "%s: %s", path, strerror(-rc));
out:
	if (errsize)
		xl_sanitize(err);
	free(buf);
	return rc;
}

void xl_domcfg_free(struct xl_domcfg *cfg)
{
	free(cfg->name);
	free(cfg->kernel);
	free(cfg->ramdisk);
	free(cfg->cmdline);
	memset(cfg, 0, sizeof(*cfg));
}

const char *xl_domcfg_action_name(enum xl_dom_action a)
{
	if ((unsigned int)a < XL_ARRAY_SIZE(xl_actions))
		return xl_actions[a];
	return "?";
}

int xl_domcfg_resolve_path(const char *cfg_path, const char *path,
			   char **out)
{
	const char *slash = cfg_path ? strrchr(cfg_path, '/') : NULL;
	size_t dlen, plen;

	*out = NULL;
	if (!path || !*path)
		return -EINVAL;
	/* No "..", no symlinks: that would take the file system. */
	if (path[0] == '/' || !slash) {
		*out = strdup(path);
		return *out ? 0 : -ENOMEM;
	}
	dlen = slash - cfg_path + 1;
	plen = strlen(path);
	*out = malloc(dlen + plen + 1);
	if (!*out)
		return -ENOMEM;
	memcpy(*out, cfg_path, dlen);
	memcpy(*out + dlen, path, plen + 1);
	return 0;
}
