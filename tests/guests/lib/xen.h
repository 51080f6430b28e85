/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Every Xen definition the test guests use, from Debian's libxen-dev
 * headers: the guests must speak the same ABI as a stock Linux PVH
 * guest, so nothing here is re-typed.
 */
#ifndef GUEST_XEN_H
#define GUEST_XEN_H

#include <stdint.h>
#include <stddef.h>

#include <xen/xen.h>
#include <xen/arch-x86/cpuid.h>
#include <xen/arch-x86/hvm/start_info.h>
#include <xen/errno.h>
#include <xen/event_channel.h>
#include <xen/grant_table.h>
#include <xen/hvm/hvm_op.h>
#include <xen/hvm/hvm_vcpu.h>
#include <xen/hvm/params.h>
#include <xen/io/console.h>
#include <xen/memory.h>
#include <xen/sched.h>
#include <xen/vcpu.h>
#include <xen/version.h>

#endif
