/* SPDX-License-Identifier: GPL-2.0 */
#ifndef XT_SCREEN_H
#define XT_SCREEN_H

#include "opts.h"

/* The live ncurses screen until Q or Esc.  Returns the exit status. */
int xt_screen(const struct xt_opts *o);

#endif
