/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Row order: by one column (key S cycles through the view's), names and
 * states in alphabetical order, numbers largest first, as Xen's xentop;
 * -z keeps Dom0 on top whatever the column.
 */
#ifndef XT_SORT_H
#define XT_SORT_H

#include <stdbool.h>

#include "layout.h"

void xt_sort(struct xt_dom *d, int nr, enum xt_col key, bool dom0_first);

/* The column after @key in @v that sorting can use (wraps to NAME). */
enum xt_col xt_sort_next(const struct xt_view *v, enum xt_col key);

#endif
