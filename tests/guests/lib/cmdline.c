// SPDX-License-Identifier: GPL-2.0
/*
 * The guest's command line (xl.cfg "extra"): space-separated "key=value"
 * or bare "key" tokens.  Copied, because start_info's memory is the
 * builder's and a guest may reuse it (balloon does).
 */
#include "guest.h"

#define CMDLINE_MAX	1024

static char raw[CMDLINE_MAX];
static char toks[CMDLINE_MAX];

void cmdline_init(const char *s)
{
	size_t i;

	for (i = 0; s && s[i] && i < CMDLINE_MAX - 1; i++)
		raw[i] = s[i];
	raw[i] = 0;
	/* toks: the same with separators turned into NULs */
	for (i = 0; i < CMDLINE_MAX; i++)
		toks[i] = (raw[i] == ' ' || raw[i] == '\t' ||
			   raw[i] == '\n') ? 0 : raw[i];
}

const char *cmdline_raw(void)
{
	return raw;
}

/* Value of the last "key=..." token ("" for a bare "key"), or NULL. */
const char *cmdline_get(const char *key)
{
	size_t klen = strlen(key), i = 0;
	const char *val = NULL;

	while (i < CMDLINE_MAX && raw[i]) {
		const char *t = &toks[i];
		size_t tlen = strlen(t);

		if (tlen && !strncmp(t, key, klen)) {
			if (t[klen] == '=')
				val = t + klen + 1;
			else if (!t[klen])
				val = t + klen;
		}
		i += tlen + 1;
	}
	return val;
}

static int digit(char c, int base)
{
	int d;

	if (c >= '0' && c <= '9')
		d = c - '0';
	else if (c >= 'a' && c <= 'f')
		d = c - 'a' + 10;
	else if (c >= 'A' && c <= 'F')
		d = c - 'A' + 10;
	else
		return -1;
	return d < base ? d : -1;
}

/* base 0: "0x" means 16, else 10 */
unsigned long strtoul(const char *s, const char **end, int base)
{
	unsigned long v = 0;
	int d;

	if (!base) {
		base = 10;
		if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X') &&
		    digit(s[2], 16) >= 0) {
			base = 16;
			s += 2;
		}
	}
	while ((d = digit(*s, base)) >= 0) {
		v = v * base + d;
		s++;
	}
	if (end)
		*end = s;
	return v;
}

unsigned long cmdline_ulong(const char *key, unsigned long dflt)
{
	const char *v = cmdline_get(key), *end;
	unsigned long n;

	if (!v || !*v)
		return dflt;
	n = strtoul(v, &end, 0);
	if (*end) {
		printf("cmdline: %s=%s is not a number, using %lu\n",
		       key, v, dflt);
		return dflt;
	}
	return n;
}
