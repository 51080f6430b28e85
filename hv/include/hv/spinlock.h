/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A ticket lock.  The hypervisor runs with the global interrupt flag clear,
 * so nothing interrupts a lock holder and no irq-saving variants are needed.
 */
#ifndef HV_SPINLOCK_H
#define HV_SPINLOCK_H

#include <hv/types.h>

typedef struct {
	volatile u32 next;
	volatile u32 owner;
} spinlock_t;

#define SPINLOCK_INIT	{ 0, 0 }

static inline void cpu_relax(void)
{
	__builtin_ia32_pause();
}

static inline void spin_lock(spinlock_t *l)
{
	u32 me = __atomic_fetch_add(&l->next, 1, __ATOMIC_ACQUIRE);

	while (__atomic_load_n(&l->owner, __ATOMIC_ACQUIRE) != me)
		cpu_relax();
}

static inline void spin_unlock(spinlock_t *l)
{
	__atomic_store_n(&l->owner, l->owner + 1, __ATOMIC_RELEASE);
}

#endif
