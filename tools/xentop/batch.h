/* SPDX-License-Identifier: GPL-2.0 */
#ifndef XT_BATCH_H
#define XT_BATCH_H

#include "opts.h"

/* -b: refreshes as plain text on stdout.  Returns the exit status. */
int xt_batch(const struct xt_opts *o);

#endif
