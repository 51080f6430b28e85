// SPDX-License-Identifier: GPL-2.0
/*
 * Event channels the way a PVH Linux guest receives them: shared_info
 * mapped with XENMEM_add_to_physmap, 2-level pending/mask bitmaps, and
 * an upcall on a plain IDT vector (HVM_PARAM_CALLBACK_IRQ, type vector).
 * Guests run with interrupts off except inside evtchn_block(), so the
 * handler never races the code it reports to (vCPU 0 only).
 */
#include "guest.h"
#include "cpu.h"
#include "hypercall.h"

#define WORD_BITS	(sizeof(xen_ulong_t) * 8)

struct shared_info *shinfo;
volatile unsigned long upcall_count;

/* add_to_physmap replaces this page of our RAM with shared_info */
static uint8_t shinfo_page[PAGE_SIZE] __aligned(PAGE_SIZE);
static void (*port_handler)(evtchn_port_t port);

int shinfo_map(void)
{
	struct xen_add_to_physmap xatp = {
		.domid = DOMID_SELF,
		.space = XENMAPSPACE_shared_info,
		.idx = 0,
		.gpfn = (uintptr_t)shinfo_page >> PAGE_SHIFT,
	};
	long ret;

	if (shinfo)
		return 0;
	ret = HYPERVISOR_memory_op(XENMEM_add_to_physmap, &xatp);
	if (ret) {
		printf("evtchn: XENMEM_add_to_physmap(shared_info) at gpfn "
		       "%lx: %ld\n", (unsigned long)xatp.gpfn, ret);
		return (int)ret;
	}
	shinfo = (struct shared_info *)shinfo_page;
	return 0;
}

static void upcall(struct trap_frame *f)
{
	(void)f;
	upcall_count++;
	evtchn_scan();
}

/*
 * Map shared_info and ask for upcalls on UPCALL_VECTOR.  Without the
 * upcall (an error is printed) evtchn_block() still finds events by
 * looking at the bitmaps when SCHEDOP_block returns.
 */
int evtchn_init(void (*handler)(evtchn_port_t port))
{
	struct xen_hvm_param p = {
		.domid = DOMID_SELF,
		.index = HVM_PARAM_CALLBACK_IRQ,
		.value = ((uint64_t)HVM_PARAM_CALLBACK_TYPE_VECTOR << 56) |
			 UPCALL_VECTOR,
	};
	long ret;

	ret = shinfo_map();
	if (ret)
		return (int)ret;
	port_handler = handler;
	idt_set_handler(UPCALL_VECTOR, upcall);
	shinfo->vcpu_info[0].evtchn_upcall_mask = 0;
	ret = HYPERVISOR_hvm_op(HVMOP_set_param, &p);
	if (ret)
		printf("evtchn: HVM_PARAM_CALLBACK_IRQ vector 0x%x: %ld, "
		       "polling instead\n", UPCALL_VECTOR, ret);
	return 0;
}

void evtchn_unmask(evtchn_port_t port)
{
	struct evtchn_unmask u = { .port = port };

	/* The hypercall re-raises an event that came in while masked. */
	if (HYPERVISOR_event_channel_op(EVTCHNOP_unmask, &u) &&
	    shinfo)
		__atomic_fetch_and(&shinfo->evtchn_mask[port / WORD_BITS],
				   ~(1UL << (port % WORD_BITS)),
				   __ATOMIC_SEQ_CST);
}

/*
 * Every word, not just those evtchn_pending_sel names: a guest that
 * polls must not depend on the selector being right too.
 */
void evtchn_scan(void)
{
	struct vcpu_info *vi;
	unsigned int w;

	if (!shinfo)
		return;
	vi = &shinfo->vcpu_info[0];
	vi->evtchn_upcall_pending = 0;
	__atomic_exchange_n(&vi->evtchn_pending_sel, 0, __ATOMIC_SEQ_CST);
	for (w = 0; w < ARRAY_SIZE(shinfo->evtchn_pending); w++) {
		xen_ulong_t pend = shinfo->evtchn_pending[w] &
				   ~shinfo->evtchn_mask[w];

		while (pend) {
			unsigned int b = __builtin_ctzl(pend);

			pend &= pend - 1;
			__atomic_fetch_and(&shinfo->evtchn_pending[w],
					   ~(1UL << b), __ATOMIC_SEQ_CST);
			if (port_handler)
				port_handler(w * WORD_BITS + b);
		}
	}
}

/*
 * Wait for an event: its handler has run when this returns.  Interrupts
 * are on only inside the hypercall; the bitmaps are scanned afterwards
 * too, for a hypervisor that wakes us without an upcall.
 */
void evtchn_block(void)
{
	hypercall_block_irq_window();
	evtchn_scan();
}

/* Wait until an event handler has changed *c from @old. */
void evtchn_wait_change(volatile unsigned long *c, unsigned long old)
{
	for (;;) {
		evtchn_scan();
		if (*c != old)
			return;
		evtchn_block();
		if (*c != old)
			return;
	}
}

int evtchn_send(evtchn_port_t port)
{
	struct evtchn_send s = { .port = port };

	return (int)HYPERVISOR_event_channel_op(EVTCHNOP_send, &s);
}

/*
 * Polled ports (xenbus) stay masked: a notification sets the pending
 * bit, which wakes SCHEDOP_poll, and nothing else; evtchn_scan() and
 * the upcall leave them alone, so the poller sees every one.
 */
void evtchn_mask(evtchn_port_t port)
{
	if (shinfo)
		__atomic_fetch_or(&shinfo->evtchn_mask[port / WORD_BITS],
				  1UL << (port % WORD_BITS), __ATOMIC_SEQ_CST);
}

bool evtchn_clear_pending(evtchn_port_t port)
{
	xen_ulong_t bit = 1UL << (port % WORD_BITS);

	if (!shinfo)
		return false;
	return __atomic_fetch_and(&shinfo->evtchn_pending[port / WORD_BITS],
				  ~bit, __ATOMIC_SEQ_CST) & bit;
}

/*
 * Other ports' events are handled first: the upcall flag they leave
 * set would end every poll at once (the hypervisor does not block a
 * vCPU with an upcall pending).
 */
long evtchn_poll(evtchn_port_t port, uint64_t deadline_ns)
{
	struct sched_poll p = { .nr_ports = 1, .timeout = deadline_ns };

	set_xen_guest_handle(p.ports, &port);
	evtchn_scan();
	return HYPERVISOR_sched_op(SCHEDOP_poll, &p);
}
