/* SPDX-License-Identifier: GPL-2.0 */
/* A domain's recent CPU% as a one-line ASCII sparkline. */
#ifndef XT_SPARK_H
#define XT_SPARK_H

#include "dom.h"

/*
 * The last @width refreshes of @d's CPU history into @buf (@width + 1
 * bytes), newest on the right, blank where there is no history yet.
 * ASCII, so it reads the same on every terminal and in any locale.
 */
void xt_sparkline(char *buf, int width, const struct xt_dom *d);

#endif
