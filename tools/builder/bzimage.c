// SPDX-License-Identifier: GPL-2.0
/*
 * bzImage setup header (see bzimage.h and the kernel's
 * Documentation/arch/x86/boot.rst).  The file's first bytes are laid out
 * as the boot_params ("zero page") the header is copied into, so offsets
 * come from <asm/bootparam.h>'s struct boot_params.
 */
#include <asm/bootparam.h>
#include <elf.h>
#include <errno.h>
#include <string.h>

#include "bld_util.h"
#include "bzimage.h"

#define HDR(p, f)	XL_RD_FIELD(p, struct boot_params, hdr.f)
#define HDR_END(f)	(offsetof(struct boot_params, hdr.f) +		\
			 sizeof(((struct boot_params *)0)->hdr.f))

/* boot.rst: "HdrS" as a little-endian 32-bit value, and the boot flag. */
#define BZ_HEADER_MAGIC		0x53726448
#define BZ_BOOT_FLAG		0xaa55
/* payload_offset and payload_length exist from protocol 2.08 on. */
#define BZ_MIN_VERSION		0x0208
#define BZ_SECTOR		512
/* setup_sects 0 is an old convention for 4. */
#define BZ_DEFAULT_SETUP_SECTS	4

/* What the kernel's arch/x86/boot/compressed/Makefile may produce. */
static const struct {
	const char *name;
	enum xl_kimage_comp comp;	/* XL_KIMAGE_COMP_NONE: unsupported */
	unsigned char magic[6];
	unsigned int magic_len;
} xl_comp_magic[] = {
	{ "gzip", XL_KIMAGE_COMP_GZIP, { 0x1f, 0x8b }, 2 },
	{ "xz", XL_KIMAGE_COMP_XZ, { 0xfd, '7', 'z', 'X', 'Z', 0 }, 6 },
	{ "zstd", XL_KIMAGE_COMP_ZSTD, { 0x28, 0xb5, 0x2f, 0xfd }, 4 },
	{ "bzip2", XL_KIMAGE_COMP_NONE, { 'B', 'Z', 'h' }, 3 },
	{ "lzma", XL_KIMAGE_COMP_NONE, { 0x5d, 0, 0 }, 3 },
	{ "lzo", XL_KIMAGE_COMP_NONE, { 0x89, 'L', 'Z', 'O' }, 4 },
	{ "lz4", XL_KIMAGE_COMP_NONE, { 0x02, 0x21, 0x4c, 0x18 }, 4 },
};

bool xl_bzimage_is(const void *p, size_t len)
{
	return len >= HDR_END(header) && HDR(p, header) == BZ_HEADER_MAGIC;
}

static int xl_bzimage_comp(struct xl_bzimage *bz, char *err, size_t errsize)
{
	unsigned int i;

	/* An uncompressed kernel is the ELF file itself. */
	if (bz->payload_len >= SELFMAG &&
	    !memcmp(bz->payload, ELFMAG, SELFMAG)) {
		bz->comp = XL_KIMAGE_COMP_NONE;
		return 0;
	}
	for (i = 0; i < sizeof(xl_comp_magic) / sizeof(xl_comp_magic[0]);
	     i++) {
		if (bz->payload_len < xl_comp_magic[i].magic_len ||
		    memcmp(bz->payload, xl_comp_magic[i].magic,
			   xl_comp_magic[i].magic_len))
			continue;
		if (xl_comp_magic[i].comp == XL_KIMAGE_COMP_NONE)
			return xl_bld_err(err, errsize, -EOPNOTSUPP,
					  "bzImage payload is %s-compressed: unsupported (use gzip, xz or zstd)",
					  xl_comp_magic[i].name);
		bz->comp = xl_comp_magic[i].comp;
		return 0;
	}
	return xl_bld_err(err, errsize, -EINVAL,
			  "bzImage payload: unknown compression (magic %02x %02x %02x %02x)",
			  bz->payload_len > 0 ? bz->payload[0] : 0,
			  bz->payload_len > 1 ? bz->payload[1] : 0,
			  bz->payload_len > 2 ? bz->payload[2] : 0,
			  bz->payload_len > 3 ? bz->payload[3] : 0);
}

int xl_bzimage_open(struct xl_bzimage *bz, const void *p, size_t len,
		    char *err, size_t errsize)
{
	uint64_t pm_start, off;

	memset(bz, 0, sizeof(*bz));
	if (!xl_bzimage_is(p, len))
		return xl_bld_err(err, errsize, -EINVAL,
				  "not a bzImage (no HdrS setup header)");
	if (len < HDR_END(version))
		return xl_bld_err(err, errsize, -EINVAL,
				  "bzImage setup header truncated");
	bz->version = (uint16_t)HDR(p, version);
	if (bz->version < BZ_MIN_VERSION)
		return xl_bld_err(err, errsize, -EOPNOTSUPP,
				  "bzImage boot protocol %u.%02u too old (need 2.08 for the payload fields)",
				  bz->version >> 8, bz->version & 0xff);
	if (len < HDR_END(payload_length))
		return xl_bld_err(err, errsize, -EINVAL,
				  "bzImage setup header truncated");
	if (HDR(p, boot_flag) != BZ_BOOT_FLAG)
		return xl_bld_err(err, errsize, -EINVAL,
				  "bzImage boot flag %#llx, expected %#x",
				  (unsigned long long)HDR(p, boot_flag),
				  BZ_BOOT_FLAG);
	bz->setup_sects = (unsigned int)HDR(p, setup_sects);
	if (!bz->setup_sects)
		bz->setup_sects = BZ_DEFAULT_SETUP_SECTS;
	/* The boot sector, then the setup sectors: then protected mode. */
	pm_start = ((uint64_t)bz->setup_sects + 1) * BZ_SECTOR;
	/* pm_start < 2^17 and the offset is 32-bit: the sum cannot wrap. */
	off = pm_start + HDR(p, payload_offset);
	bz->payload_len = (size_t)HDR(p, payload_length);
	if (!bz->payload_len)
		return xl_bld_err(err, errsize, -EINVAL,
				  "bzImage payload length is 0");
	if (!xl_in_bounds(off, bz->payload_len, len))
		return xl_bld_err(err, errsize, -EINVAL,
				  "bzImage payload (offset %#llx, length %#zx) outside the file (%zu bytes)",
				  (unsigned long long)off, bz->payload_len,
				  len);
	bz->payload = (const uint8_t *)p + off;
	return xl_bzimage_comp(bz, err, errsize);
}
