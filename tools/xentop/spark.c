// SPDX-License-Identifier: GPL-2.0
/*
 * CPU sparklines: eight levels from idle ('_') to a full CPU ('#').
 */
#include <string.h>

#include "spark.h"

static const char xt_levels[] = "_.:-=+*#";

static char xt_level(unsigned int pct)
{
	/* Any use at all shows above idle: 1..100% in levels 1..7. */
	if (!pct)
		return xt_levels[0];
	if (pct > 100)
		pct = 100;
	return xt_levels[1 + (pct - 1) * 7 / 100];
}

void xt_sparkline(char *buf, int width, const struct xt_dom *d)
{
	int n = d->nr_hist < width ? d->nr_hist : width;
	int i;

	if (width < 0)
		width = n = 0;
	memset(buf, ' ', width - n);
	for (i = 0; i < n; i++)
		buf[width - n + i] = xt_level(d->hist[d->nr_hist - n + i]);
	buf[width] = '\0';
}
