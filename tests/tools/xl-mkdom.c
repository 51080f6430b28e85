// SPDX-License-Identifier: GPL-2.0
/*
 * xl-mkdom NAME MIB [VCPUS]: create a bare guest domain (memory, no
 * kernel, never started) through the control plane, for the tests of
 * memory donation.  `xenlate create` is the user's way; this one skips
 * the builder so memory can be tested on its own.
 */
#include <stdio.h>
#include <stdlib.h>

#include "xl_client.h"

int main(int argc, char **argv)
{
	struct xl_client *c;
	unsigned long mib, vcpus = 1;
	uint32_t domid;
	char buf[512];
	int err;

	if (argc < 3 || argc > 4) {
		fprintf(stderr, "usage: xl-mkdom NAME MIB [VCPUS]\n");
		return 2;
	}
	mib = strtoul(argv[2], NULL, 10);
	if (argc == 4)
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
	xl_close(c);
	return 0;
}
