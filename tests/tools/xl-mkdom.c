// SPDX-License-Identifier: GPL-2.0
/*
 * xl-mkdom NAME MIB [VCPUS [GPA FILE]]: create a bare guest domain
 * (memory, no kernel, never started) through the control plane, and
 * optionally write FILE's bytes at guest-physical GPA, for the tests of
 * memory donation and of the builder's writes.  `xenlate create` is the
 * user's way; this one skips the builder so each can be tested alone.
 */
#include <stdio.h>
#include <errno.h>
#include <stdlib.h>

#include "xl_client.h"

static int write_file(struct xl_client *c, uint32_t domid, uint64_t gpa,
		      const char *path)
{
	static char data[1 << 20];
	FILE *f = fopen(path, "rb");
	size_t n;

	if (!f)
		return -errno;
	n = fread(data, 1, sizeof(data), f);
	fclose(f);
	return xl_domain_write(c, domid, gpa, data, n);
}

int main(int argc, char **argv)
{
	struct xl_client *c;
	unsigned long mib, vcpus = 1;
	uint32_t domid;
	char buf[512];
	int err;

	if (argc < 3 || argc > 6 || argc == 5) {
		fprintf(stderr, "usage: xl-mkdom NAME MIB [VCPUS [GPA FILE]]\n");
		return 2;
	}
	mib = strtoul(argv[2], NULL, 10);
	if (argc >= 4)
		vcpus = strtoul(argv[3], NULL, 10);
	err = xl_open(&c);
	if (!err)
		err = xl_domain_create(c, argv[1], (uint32_t)vcpus, mib << 10,
				       mib << 10, &domid);
	if (err) {
		fprintf(stderr, "xl-mkdom: %s\n", xl_errmsg(c, err, buf,
							    sizeof(buf)));
		xl_close(c);
		return 1;
	}
	printf("%u\n", domid);
	if (argc == 6)
		err = write_file(c, domid, strtoull(argv[4], NULL, 0), argv[5]);
	if (err)
		fprintf(stderr, "xl-mkdom: write: %s\n",
			xl_errmsg(c, err, buf, sizeof(buf)));
	xl_close(c);
	return err ? 1 : 0;
}
