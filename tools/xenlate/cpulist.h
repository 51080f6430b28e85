/* SPDX-License-Identifier: GPL-2.0 */
/*
 * xl.cfg's CPU-LIST, the value of the cpus key: the physical CPUs (Linux's
 * numbers) a domain's vCPUs may run on.  Pure, unit tested on the host
 * with the config parser (test_domcfg).
 *
 * As xl has it, items separated by ',' and applied left to right:
 *	"all"		every CPU
 *	"N"		CPU N
 *	"N-M"		CPUs N to M
 *	"^..."		any of the above, taken out of what came before
 * so "0-3,5,^1" is 0, 2, 3 and 5, and "all,^0" all but CPU 0.  Numbers
 * are decimal.  Blanks around items and numbers are allowed.  CPUs are 0
 * to XL_CPULIST_MAX - 1: the mask given to the hypervisor has 64 bits,
 * so "0-63" means any CPU as "all" does.  Refused: xl's "node:N" and
 * "nodes:N-M" (NUMA nodes: not supported yet), an empty item ("0,,1",
 * which xl skips: more likely a typo) and a list that leaves no CPU.
 */
#ifndef XL_CPULIST_H
#define XL_CPULIST_H

#include <stddef.h>
#include <stdint.h>

#define XL_CPULIST_MAX		64
#define XL_CPULIST_ALL		(~(uint64_t)0)

/*
 * @s (NUL-terminated) into *@mask: bit N for CPU N, XL_CPULIST_ALL for
 * "all".  Returns 0, or -EINVAL with a reason in @why (no key, no
 * newline; the offending item quoted), e.g.
 *	CPU 64 is out of range (0 to 63)
 *	'3-1' is not a range (3 is more than 1)
 */
int xl_cpulist_parse(const char *s, uint64_t *mask, char *why,
		     size_t whysize);

#endif
