// SPDX-License-Identifier: GPL-2.0
/*
 * gzip (zlib), xz (liblzma) and, when built with XL_HAVE_ZSTD, zstd
 * (libzstd) decompression into a growing buffer (see decomp.h).
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <lzma.h>
#include <zlib.h>
#ifdef XL_HAVE_ZSTD
#include <zstd.h>
#endif

#include "bld_util.h"
#include "decomp.h"

/*
 * liblzma allocates the dictionary the stream header asks for; the
 * kernel's is 32 MiB (scripts/xz_wrap.sh).  Refuse more than this.
 */
#define XZ_MEMLIMIT	(128ULL << 20)
#define OBUF_MIN	(64u << 10)
#define HINT_MAX_RATIO	32

/*
 * The output buffer.  It may grow to @cap + 1 bytes: the one byte more is
 * how a stream that would exceed the cap is told from one that fills it.
 */
struct xl_obuf {
	uint8_t *p;
	size_t size;
	size_t limit;
};

/*
 * The first allocation.  A kernel's payload ends with the decompressed
 * size (gzip's ISIZE; the kernel's Makefile appends it to the others),
 * which saves growing (and copying) to 60 MiB.  Only a plausible one is
 * taken: a kernel compresses 4 to 10 times, and a few bytes claiming
 * 256 MiB must not get 256 MiB without first producing them.
 */
static int xl_obuf_init(struct xl_obuf *b, const uint8_t *in, size_t inlen,
			size_t cap)
{
	size_t want = inlen <= SIZE_MAX / 4 ? inlen * 4 : SIZE_MAX;
	uint32_t hint = inlen >= 4 ? xl_rd32(in + inlen - 4) : 0;

	if (hint >= want && hint / HINT_MAX_RATIO <= inlen)
		want = (size_t)hint + 1;	/* no grow to see the end */
	b->limit = cap < SIZE_MAX ? cap + 1 : cap;
	b->size = want < OBUF_MIN ? OBUF_MIN : want;
	if (b->size > b->limit)
		b->size = b->limit;
	b->p = malloc(b->size);
	return b->p ? 0 : -ENOMEM;
}

/* Double the buffer, up to the limit. */
static int xl_obuf_grow(struct xl_obuf *b)
{
	size_t size;
	uint8_t *p;

	if (b->size >= b->limit)
		return -EFBIG;
	size = b->size <= b->limit / 2 ? b->size * 2 : b->limit;
	p = realloc(b->p, size);
	if (!p)
		return -ENOMEM;
	b->p = p;
	b->size = size;
	return 0;
}

static int xl_gunzip(const uint8_t *in, size_t inlen, struct xl_obuf *b,
		     size_t *done, char *err, size_t errsize)
{
	size_t in_left = inlen;
	z_stream zs;
	int ret, zret;

	memset(&zs, 0, sizeof(zs));
	/* 16 + MAX_WBITS: a gzip header and trailer, not zlib's. */
	if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK)
		return -ENOMEM;
	zs.next_in = (Bytef *)in;
	zs.next_out = b->p;
	for (;;) {
		/* z_stream counts in uInt: feed both sides in slices. */
		if (!zs.avail_in && in_left) {
			zs.avail_in = in_left < UINT_MAX ? (uInt)in_left :
							   UINT_MAX;
			in_left -= zs.avail_in;
		}
		*done = (size_t)(zs.next_out - b->p);
		if (*done == b->size) {
			ret = xl_obuf_grow(b);
			if (ret)
				goto out;
			zs.next_out = b->p + *done;
		}
		zs.avail_out = b->size - *done < UINT_MAX ?
			       (uInt)(b->size - *done) : UINT_MAX;
		zret = inflate(&zs, Z_NO_FLUSH);
		*done = (size_t)(zs.next_out - b->p);
		if (zret == Z_STREAM_END) {
			ret = 0;
			goto out;
		}
		if (zret == Z_OK)
			continue;
		/*
		 * No progress although there was room (we grow before each
		 * call): the input ended before the stream did.
		 */
		if (zret == Z_BUF_ERROR && !zs.avail_in && !in_left)
			ret = xl_bld_err(err, errsize, -EINVAL,
					 "gzip payload truncated");
		else if (zret == Z_MEM_ERROR)
			ret = -ENOMEM;
		else
			ret = xl_bld_err(err, errsize, -EINVAL,
					 "gzip payload corrupt: %s",
					 zs.msg ? zs.msg : zError(zret));
		goto out;
	}
out:
	inflateEnd(&zs);
	return ret;
}

static int xl_lzma_err(lzma_ret lret, char *err, size_t errsize)
{
	switch (lret) {
	case LZMA_MEM_ERROR:
		return -ENOMEM;
	case LZMA_MEMLIMIT_ERROR:
		return xl_bld_err(err, errsize, -EINVAL,
				  "xz payload needs more than %llu MiB of memory to decompress",
				  XZ_MEMLIMIT >> 20);
	case LZMA_BUF_ERROR:
		return xl_bld_err(err, errsize, -EINVAL,
				  "xz payload truncated");
	case LZMA_FORMAT_ERROR:
		return xl_bld_err(err, errsize, -EINVAL,
				  "xz payload corrupt: bad stream header");
	case LZMA_OPTIONS_ERROR:
		return xl_bld_err(err, errsize, -EINVAL,
				  "xz payload uses unsupported options");
	case LZMA_DATA_ERROR:
		return xl_bld_err(err, errsize, -EINVAL,
				  "xz payload corrupt: data error");
	default:
		return xl_bld_err(err, errsize, -EINVAL,
				  "xz payload: decoder error %d", (int)lret);
	}
}

static int xl_unxz(const uint8_t *in, size_t inlen, struct xl_obuf *b,
		   size_t *done, char *err, size_t errsize)
{
	lzma_stream s = LZMA_STREAM_INIT;
	lzma_ret lret;
	int ret;

	/*
	 * One stream, not LZMA_CONCATENATED: the kernel's size trailer
	 * follows it.  The x86 BCJ filter the kernel uses is decoded too.
	 */
	lret = lzma_stream_decoder(&s, XZ_MEMLIMIT, 0);
	if (lret != LZMA_OK)
		return xl_lzma_err(lret, err, errsize);
	s.next_in = in;
	s.avail_in = inlen;
	s.next_out = b->p;
	s.avail_out = b->size;
	for (;;) {
		/* All input is there: LZMA_FINISH from the start. */
		lret = lzma_code(&s, LZMA_FINISH);
		*done = (size_t)(s.next_out - b->p);
		if (lret == LZMA_STREAM_END) {
			ret = 0;
			break;
		}
		if (lret != LZMA_OK) {
			ret = xl_lzma_err(lret, err, errsize);
			break;
		}
		if (!s.avail_out) {
			ret = xl_obuf_grow(b);
			if (ret)
				break;
			s.next_out = b->p + *done;
			s.avail_out = b->size - *done;
		}
	}
	lzma_end(&s);
	return ret;
}

#ifdef XL_HAVE_ZSTD
static int xl_unzstd(const uint8_t *in, size_t inlen, struct xl_obuf *b,
		     size_t *done, char *err, size_t errsize)
{
	ZSTD_inBuffer ib = { .src = in, .size = inlen };
	ZSTD_outBuffer ob;
	ZSTD_DStream *ds;
	size_t zret, in_pos, out_pos;
	int ret;

	/*
	 * The default window limit (ZSTD_WINDOWLOG_LIMIT_DEFAULT, 128 MiB)
	 * bounds the memory a frame header can ask for, and fits the
	 * kernel's zstd -22 --ultra.
	 */
	ds = ZSTD_createDStream();
	if (!ds)
		return -ENOMEM;
	*done = 0;
	for (;;) {
		if (*done == b->size) {
			ret = xl_obuf_grow(b);
			if (ret)
				break;
		}
		ob.dst = b->p;
		ob.size = b->size;
		ob.pos = out_pos = *done;
		in_pos = ib.pos;
		zret = ZSTD_decompressStream(ds, &ob, &ib);
		*done = ob.pos;
		if (ZSTD_isError(zret)) {
			ret = xl_bld_err(err, errsize, -EINVAL,
					 "zstd payload corrupt: %s",
					 ZSTD_getErrorName(zret));
			break;
		}
		/* 0: the frame is complete and flushed. */
		if (!zret) {
			ret = 0;
			break;
		}
		/*
		 * Nothing read, nothing written, with room for output: it
		 * wants input there is not.
		 */
		if (ib.pos == in_pos && ob.pos == out_pos) {
			ret = xl_bld_err(err, errsize, -EINVAL,
					 "zstd payload truncated");
			break;
		}
	}
	ZSTD_freeDStream(ds);
	return ret;
}
#endif

int xl_decompress(enum xl_kimage_comp comp, const uint8_t *in, size_t inlen,
		  size_t cap, uint8_t **out, size_t *outlen, char *err,
		  size_t errsize)
{
	struct xl_obuf b;
	size_t done = 0;
	int ret;

	*out = NULL;
	*outlen = 0;
	if (comp == XL_KIMAGE_COMP_NONE)
		return xl_bld_err(err, errsize, -EINVAL,
				  "payload is not compressed");
#ifndef XL_HAVE_ZSTD
	if (comp == XL_KIMAGE_COMP_ZSTD)
		return xl_bld_err(err, errsize, -EOPNOTSUPP,
				  "bzImage payload is zstd-compressed: this build has no zstd support (install libzstd-dev and rebuild)");
#endif
	if (xl_obuf_init(&b, in, inlen, cap))
		return xl_bld_err(err, errsize, -ENOMEM,
				  "out of memory decompressing");
	switch (comp) {
	case XL_KIMAGE_COMP_GZIP:
		ret = xl_gunzip(in, inlen, &b, &done, err, errsize);
		break;
	case XL_KIMAGE_COMP_XZ:
		ret = xl_unxz(in, inlen, &b, &done, err, errsize);
		break;
#ifdef XL_HAVE_ZSTD
	case XL_KIMAGE_COMP_ZSTD:
		ret = xl_unzstd(in, inlen, &b, &done, err, errsize);
		break;
#endif
	default:
		ret = xl_bld_err(err, errsize, -EINVAL,
				 "no decompressor for compression %d", comp);
	}
	if (!ret && done > cap)
		ret = -EFBIG;
	if (ret == -EFBIG)
		xl_bld_err(err, errsize, ret,
			   "%s payload decompresses to more than %zu bytes",
			   xl_kimage_comp_name(comp), cap);
	else if (ret == -ENOMEM)
		xl_bld_err(err, errsize, ret, "out of memory decompressing");
	if (ret) {
		free(b.p);
		return ret;
	}
	*out = b.p;
	*outlen = done;
	return 0;
}
