// SPDX-License-Identifier: GPL-2.0
/*
 * Reading a whole file into memory (see readfile.h).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "readfile.h"

static int xl_read_fd(int fd, size_t max, void **buf, size_t *len)
{
	struct stat st;
	char *p;
	ssize_t n = 0;
	size_t size, got = 0;

	if (fstat(fd, &st))
		return -errno;
	if (!S_ISREG(st.st_mode))
		return -EINVAL;
	if ((unsigned long long)st.st_size > max)
		return -EFBIG;
	/* One byte more than it claims, to see it grow while we read. */
	size = (size_t)st.st_size + 1;
	p = malloc(size);
	if (!p)
		return -ENOMEM;
	while (got < size) {
		n = read(fd, p + got, size - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		got += (size_t)n;
	}
	if (n < 0 || got == size) {
		/* A read error, or the file grew under us. */
		int ret = n < 0 ? -errno : -EAGAIN;

		free(p);
		return ret;
	}
	*buf = p;
	*len = got;
	return 0;
}

int xl_read_file(const char *path, size_t max, void **buf, size_t *len)
{
	int fd, ret;

	*buf = NULL;
	*len = 0;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	ret = xl_read_fd(fd, max, buf, len);
	close(fd);
	return ret;
}
