/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Reading a whole file into memory: a guest's kernel or ramdisk.
 */
#ifndef XL_READFILE_H
#define XL_READFILE_H

#include <stddef.h>

/*
 * Read the regular file @path, at most @max bytes, into a malloc'd
 * *@buf of *@len bytes.  Returns 0, or -errno: -EFBIG when larger than
 * @max, -EINVAL when not a regular file.
 */
int xl_read_file(const char *path, size_t max, void **buf, size_t *len);

#endif
