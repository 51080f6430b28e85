// SPDX-License-Identifier: GPL-2.0
/*
 * xl-cpuid: run CPUID 0x40000000 on every online CPU and say which
 * hypervisor each one answers from.
 *
 *   xl-cpuid              print "cpuN: SIGNATURE" per CPU
 *   xl-cpuid --expect-hv  exit 0 only if every CPU is under xenlate
 *   xl-cpuid --expect-native
 *                         exit 0 only if no CPU is under xenlate
 */
#define _GNU_SOURCE
#include <cpuid.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define XENLATE_SIG "XenlateHV"

static int signature_on(int cpu, char sig[13])
{
	unsigned int a, b, c, d;
	cpu_set_t set;

	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	if (sched_setaffinity(0, sizeof(set), &set))
		return -1;
	__cpuid(0x40000000, a, b, c, d);
	memcpy(sig, &b, 4);
	memcpy(sig + 4, &c, 4);
	memcpy(sig + 8, &d, 4);
	sig[12] = '\0';
	return 0;
}

int main(int argc, char **argv)
{
	long n = sysconf(_SC_NPROCESSORS_CONF);
	int expect = 0, bad = 0;	/* 1: hv, -1: native */

	if (argc == 2 && !strcmp(argv[1], "--expect-hv"))
		expect = 1;
	else if (argc == 2 && !strcmp(argv[1], "--expect-native"))
		expect = -1;
	else if (argc != 1) {
		fprintf(stderr, "usage: xl-cpuid [--expect-hv | --expect-native]\n");
		return 2;
	}
	for (int cpu = 0; cpu < n; cpu++) {
		char sig[13];
		int hv;

		if (signature_on(cpu, sig))
			continue;	/* offline */
		hv = !strcmp(sig, XENLATE_SIG);
		printf("cpu%d: %s\n", cpu, sig[0] ? sig : "(none)");
		if ((expect == 1 && !hv) || (expect == -1 && hv))
			bad++;
	}
	return bad ? 1 : 0;
}
