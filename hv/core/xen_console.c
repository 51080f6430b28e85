// SPDX-License-Identifier: GPL-2.0
/* console_io: a guest writes to its console (CONSOLEIO_write). */
#include <hv/hypercall.h>
#include <hv/console.h>
#include <hv/guest_access.h>
#include <hv/vcpu.h>
#include <hv/domain.h>
#include <hv/lib.h>
#include <hv/errno.h>
#include <xen/xen.h>

/* Bounded work per call: longer writes are the guest's to split. */
#define CONSOLE_IO_MAX	4096

long xen_console_io(struct vcpu *v, u64 cmd, u64 count, u64 buf)
{
	u8 chunk[256];
	u64 done = 0;

	switch (cmd) {
	case CONSOLEIO_write:
		if (count > CONSOLE_IO_MAX)
			return -EINVAL;
		while (done < count) {
			u64 n = MIN(count - done, sizeof(chunk));

			if (copy_from_guest(v, chunk, buf + done, n))
				return -EFAULT;
			console_write(v->dom, chunk, n);
			done += n;
		}
		return 0;
	case CONSOLEIO_read:
		return -EPERM;	/* the hypervisor's console is Dom0's */
	}
	return -ENOSYS;
}
