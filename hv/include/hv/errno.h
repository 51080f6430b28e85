/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Error numbers.  Guests see Xen's values (xen/errno.h), which match Linux's
 * for the ones used here, so the hypervisor uses them everywhere.
 */
#ifndef HV_ERRNO_H
#define HV_ERRNO_H

#define EPERM		1
#define ENOENT		2
#define ESRCH		3
#define EIO		5
#define E2BIG		7
#define EAGAIN		11
#define ENOMEM		12
#define EACCES		13
#define EFAULT		14
#define EBUSY		16
#define EEXIST		17
#define ENODEV		19
#define EINVAL		22
#define ENOSPC		28
#define ERANGE		34
#define ENOSYS		38
#define ETIMEDOUT	110
#define EOPNOTSUPP	95

#endif
