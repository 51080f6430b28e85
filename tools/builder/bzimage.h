/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The x86 Linux boot protocol's bzImage: where its compressed payload
 * (the kernel's ELF file) is, and how it is compressed.
 */
#ifndef XL_BZIMAGE_H
#define XL_BZIMAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "kimage.h"

struct xl_bzimage {
	uint16_t version;		/* boot protocol, 0x020f = 2.15 */
	unsigned int setup_sects;	/* 512-byte sectors of setup code */
	const uint8_t *payload;		/* inside the file */
	size_t payload_len;
	enum xl_kimage_comp comp;
};

/* Does the file carry a boot protocol setup header ("HdrS")? */
bool xl_bzimage_is(const void *p, size_t len);

/*
 * Find and identify the payload of the bzImage @p.  Returns 0, -EINVAL
 * (malformed), -EOPNOTSUPP (protocol before 2.08, or a compression we do
 * not decode: the message names it), with one line in @err.
 */
int xl_bzimage_open(struct xl_bzimage *bz, const void *p, size_t len,
		    char *err, size_t errsize);

#endif
