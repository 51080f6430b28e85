/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Decompressing a bzImage's payload into memory, with a bound on the
 * output so that a small hostile file cannot make us allocate without end.
 */
#ifndef XL_DECOMP_H
#define XL_DECOMP_H

#include <stddef.h>
#include <stdint.h>

#include "kimage.h"

/*
 * Decompress the single gzip member, xz stream or zstd frame at @in
 * (bytes after its end are ignored: the kernel appends the size) into a
 * malloc()ed *@out of *@outlen <= @cap bytes.  Returns 0, -EFBIG (output
 * would exceed @cap), -EINVAL (corrupt or truncated), -ENOMEM or
 * -EOPNOTSUPP (zstd in a build without libzstd), with one line in @err.
 */
int xl_decompress(enum xl_kimage_comp comp, const uint8_t *in, size_t inlen,
		  size_t cap, uint8_t **out, size_t *outlen, char *err,
		  size_t errsize);

#endif
