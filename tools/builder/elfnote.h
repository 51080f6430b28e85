/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ELF notes: a generic reader, for the Xen notes a PVH kernel carries
 * (XEN_ELFNOTE_PHYS32_ENTRY, XEN_ELFNOTE_GUEST_OS, XEN_ELFNOTE_FEATURES,
 * ... from <xen/elfnote.h>, all with the name "Xen") and any other.
 *
 * A note is a 12-byte header (namesz, descsz, type), the name, padded
 * to 4 bytes, then the descriptor, padded to 4 bytes.  Xen and Linux use
 * 4-byte padding in 64-bit files too, and so does this reader.
 */
#ifndef XL_ELFNOTE_H
#define XL_ELFNOTE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* One note; the pointers point into the buffer being read. */
struct xl_elfnote {
	const char *name;	/* namesz bytes, NUL included if present */
	uint32_t namesz;
	uint32_t type;
	const uint8_t *desc;	/* descsz bytes, any alignment */
	uint32_t descsz;
};

/* Walks a buffer of notes: a PT_NOTE segment's or SHT_NOTE section's. */
struct xl_elfnote_iter {
	const uint8_t *p;
	size_t len;
	size_t pos;
};

void xl_elfnote_iter_init(struct xl_elfnote_iter *it, const void *notes,
			  size_t len);

/*
 * The next note into @n: returns 1, or 0 at the end, or -EINVAL if a note
 * claims more bytes than the buffer has left.  Fewer than 12 bytes left
 * over at the end are padding, not a note.
 */
int xl_elfnote_next(struct xl_elfnote_iter *it, struct xl_elfnote *n);

/*
 * Is @n the note @type of owner @name ("Xen")?  The name matches with or
 * without its terminating NUL counted in namesz.
 */
bool xl_elfnote_is(const struct xl_elfnote *n, const char *name,
		   uint32_t type);

/*
 * The descriptor as a little-endian number of 1, 2, 4 or 8 bytes (what
 * Xen accepts for numeric notes).  0 or -EINVAL for any other size.
 */
int xl_elfnote_num(const struct xl_elfnote *n, uint64_t *val);

/*
 * The descriptor as a C string: it must hold a NUL (the string ends at
 * the first one).  0 or -EINVAL.
 */
int xl_elfnote_str(const struct xl_elfnote *n, const char **s);

/*
 * Find note @type of owner @name in the ELF file @elf: in its PT_NOTE
 * segments, or if none of those has it, in its SHT_NOTE sections (Xen's
 * own order).  Every note where it is found is read, so a malformed note
 * stream is an error even after a match, and the same note found twice
 * with different contents is an error.  Returns 0 (found, *@n points into
 * @elf), -ENOENT (not there; @err is not written), or -ENOEXEC, -EINVAL,
 * -EOPNOTSUPP with one line in @err.
 */
int xl_elf_find_note(const void *elf, size_t len, const char *name,
		     uint32_t type, struct xl_elfnote *n, char *err,
		     size_t errsize);

#endif
