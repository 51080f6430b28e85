/* SPDX-License-Identifier: GPL-2.0 */
/*
 * xenlate_probe: a hostile Dom0 module for the tests.  Each probe tries
 * something the hypervisor must refuse and reports whether it was.
 */
#ifndef XENLATE_PROBE_H
#define XENLATE_PROBE_H

#include <linux/types.h>

/* Each returns 0 when the hypervisor refused, -EIO when it got through. */
int probe_hv_read(void);
int probe_hv_write(void);
int probe_efer(void);
int probe_svm_msrs(void);
int probe_svm_insns(void);
int probe_msr_outside(void);
int probe_crash_refused(void);
int probe_crash_file_create(void);
void probe_crash_file_remove(void);

#endif
