// SPDX-License-Identifier: GPL-2.0
/*
 * kvm-hold: create a KVM virtual machine and keep it until killed, so
 * KVM has SVM switched on (EFER.SVME) on every CPU.  For the test that
 * xenlate refuses to load next to another hypervisor.
 */
#include <fcntl.h>
#include <linux/kvm.h>
#include <stdio.h>
#include <sys/ioctl.h>
#include <unistd.h>

int main(void)
{
	int kvm = open("/dev/kvm", O_RDWR);
	int vm;

	if (kvm < 0) {
		perror("kvm-hold: /dev/kvm");
		return 1;
	}
	vm = ioctl(kvm, KVM_CREATE_VM, 0);
	if (vm < 0) {
		perror("kvm-hold: KVM_CREATE_VM");
		return 1;
	}
	printf("kvm-hold: VM created\n");
	fflush(stdout);
	pause();
	return 0;
}
