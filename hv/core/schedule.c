// SPDX-License-Identifier: GPL-2.0
/*
 * The per-CPU scheduling loop around the BVT core (sched_bvt.c).
 *
 * While no guest exists Dom0 runs alone with its minimal intercepts and
 * nothing here runs (decision 3).  From the first guest on, every CPU is in
 * "guest mode": Dom0's physical interrupts and HLT exit, and each exit
 * ends here, where timers are checked and BVT picks the vCPU to run next:
 * Dom0's vCPU of this CPU or one of the guest vCPUs placed on it.  The
 * hypervisor's own timer only runs while a guest vCPU runs or the CPU
 * idles; while Dom0 runs, its own timer ticks give the decision points.
 *
 * Locking: one lock per CPU's queue.  The exit path holds its own queue's
 * lock from the decision through the register switch, so "running" is
 * exact for anyone holding that lock.  No path holds two queue locks.
 * A guest vCPU stays on the CPU it was placed on until that CPU goes
 * offline (sched_cpu_release moves its vCPUs, see lock_vcpu).
 */
#include <hv/vcpu.h>
#include <hv/domain.h>
#include <hv/arch.h>
#include <hv/mm.h>
#include <hv/log.h>
#include <hv/lib.h>
#include <hv/errno.h>
#include <hv/spinlock.h>

struct sched_cpu {
	spinlock_t lock;
	struct bvt_rq rq;
	struct vcpu *dom0;
	struct vcpu *curr;	/* NULL while the CPU idles here */
	struct vcpu *guests;	/* every guest vCPU placed here */
	u32 nr_guests;
	bool guest_mode;
	bool leaving;		/* going offline: no guest vCPU comes here */
	u64 armed;		/* the hypervisor timer's deadline; 0: off */
};

static struct sched_cpu *scpu;
static u32 sched_nr_cpus;
/* Guest domains alive: guest mode is on everywhere while non-zero. */
u32 sched_guest_domains;
static struct domain dom0_domain = { .id = DOMID_DOM0,
				     .state = DOMAIN_RUNNING };

int sched_init(u32 nr_cpus)
{
	u64 pages = ALIGN_UP(nr_cpus * sizeof(*scpu), PAGE_SIZE) / PAGE_SIZE;

	scpu = alloc_pages(pages);
	if (!scpu)
		return -ENOMEM;
	memset(scpu, 0, pages * PAGE_SIZE);
	sched_nr_cpus = nr_cpus;
	bvt_dom_init(&dom0_domain.sched);
	for (u32 i = 0; i < nr_cpus; i++)
		bvt_rq_init(&scpu[i].rq);
	return 0;
}

void sched_set_dom0_vcpu(u32 cpu, struct vcpu *v)
{
	struct sched_cpu *s = &scpu[cpu];

	v->dom = &dom0_domain;
	v->id = cpu;
	v->cpu = cpu;
	v->up = true;
	v->blocked = false;
	v->running = true;
	/*
	 * A fresh queue at each launch: a CPU back from offline had its
	 * guest vCPUs moved away, but its queue still links Dom0's old entry.
	 */
	bvt_rq_init(&s->rq);
	s->guests = NULL;
	s->nr_guests = 0;
	s->armed = 0;
	bvt_vcpu_init(&v->sched, &dom0_domain.sched);
	s->dom0 = v;
	s->curr = v;
	s->guest_mode = false;
	WRITE_ONCE(s->leaving, false);
}

struct domain *sched_dom0(void)
{
	return &dom0_domain;
}

struct vcpu *sched_dom0_vcpu(u32 cpu)
{
	return cpu < sched_nr_cpus ? scpu[cpu].dom0 : NULL;
}

struct vcpu *sched_current(u32 cpu)
{
	return scpu[cpu].curr;
}

bool sched_cpu_has_guests(u32 cpu)
{
	return scpu[cpu].guest_mode;
}

static bool runnable(const struct vcpu *v)
{
	return v->up && !v->blocked && v->dom->state == DOMAIN_RUNNING;
}

/* Bring BVT's view of @v in line with its flags.  Queue lock held. */
static void sync_bvt(struct sched_cpu *s, struct vcpu *v, u64 now)
{
	bool want = runnable(v);

	if (want && !v->sched.runnable)
		bvt_wake(&s->rq, &v->sched, now);
	else if (!want && v->sched.runnable)
		bvt_block(&s->rq, &v->sched, now);
}

/* Whether @v's domain may run on @cpu (its hard affinity, cpu_mask). */
static bool sched_allowed(const struct vcpu *v, u32 cpu)
{
	u64 mask = v->dom->cpu_mask;

	if (!mask || mask == ~0ULL)
		return true;
	return cpu < 64 && (mask >> cpu & 1) && arch_cpu_online(cpu);
}

/* Whether @v may be placed on @cpu now. */
static bool usable(const struct vcpu *v, u32 cpu)
{
	return arch_cpu_online(cpu) && !READ_ONCE(scpu[cpu].leaving) &&
	       sched_allowed(v, cpu);
}

/*
 * The usable CPU with the fewest guest vCPUs, preferring CPUs in guest
 * mode already and, at a tie, this one.  Its domain's mask has an online
 * CPU (dom_start checked, and a CPU going offline checks that another
 * can take its vCPUs); should there be none, this one rather than nobody.
 */
static u32 choose_cpu(const struct vcpu *v)
{
	u32 best = arch_cpu_index();

	for (u32 i = 0; !usable(v, best) && i < sched_nr_cpus; i++)
		if (usable(v, i))
			best = i;
	for (u32 i = 0; i < sched_nr_cpus; i++)
		if (usable(v, i) && scpu[i].guest_mode &&
		    (!scpu[best].guest_mode ||
		     scpu[i].nr_guests < scpu[best].nr_guests))
			best = i;
	return best;
}

/*
 * The queue of @v's CPU, locked.  @v moves (off a CPU going offline) by
 * leaving its queue, then joining another, its cpu changing only under
 * the new queue's lock: the CPU read before locking may be stale, so it
 * is read again under the lock.  Callers check v->queued under it.
 */
static struct sched_cpu *lock_vcpu(struct vcpu *v)
{
	for (;;) {
		u32 cpu = READ_ONCE(v->cpu);
		struct sched_cpu *s = &scpu[cpu];

		spin_lock(&s->lock);
		if (READ_ONCE(v->cpu) == cpu)
			return s;
		spin_unlock(&s->lock);
	}
}

/* Place @v on a CPU (until that CPU goes offline). */
void sched_attach(struct vcpu *v)
{
	struct sched_cpu *s;
	u32 best;

	for (u32 tries = 0;; tries++) {
		best = choose_cpu(v);
		s = &scpu[best];
		spin_lock(&s->lock);
		/* It may have started leaving since: choose again. */
		if (!s->leaving || tries >= sched_nr_cpus)
			break;
		spin_unlock(&s->lock);
	}
	WRITE_ONCE(v->cpu, best);
	v->next_on_cpu = s->guests;
	s->guests = v;
	s->nr_guests++;
	v->queued = true;
	bvt_insert(&s->rq, &v->sched, arch_now_ns());
	sync_bvt(s, v, arch_now_ns());
	spin_unlock(&s->lock);
	arch_kick_cpu(best);
}

/* Off its queue; @s locked, @v not running. */
static void unqueue(struct sched_cpu *s, struct vcpu *v)
{
	struct vcpu **pp;

	bvt_remove(&s->rq, &v->sched, arch_now_ns());
	for (pp = &s->guests; *pp; pp = &(*pp)->next_on_cpu)
		if (*pp == v) {
			*pp = v->next_on_cpu;
			break;
		}
	s->nr_guests--;
	v->queued = false;
}

bool sched_detach(struct vcpu *v)
{
	struct sched_cpu *s;

	if (!v->queued)
		return true;
	s = lock_vcpu(v);
	if (v->running) {
		spin_unlock(&s->lock);
		arch_kick_cpu(v->cpu);
		return false;
	}
	if (v->queued)
		unqueue(s, v);
	spin_unlock(&s->lock);
	return true;
}

void sched_update(struct vcpu *v)
{
	struct sched_cpu *s;

	if (!v->queued)
		return;
	s = lock_vcpu(v);
	if (v->queued)
		sync_bvt(s, v, arch_now_ns());
	spin_unlock(&s->lock);
	if (v->cpu != arch_cpu_index())
		arch_kick_cpu(v->cpu);
}

void sched_block_current(u32 cpu)
{
	struct sched_cpu *s = &scpu[cpu];

	spin_lock(&s->lock);
	if (s->curr) {
		s->curr->blocked = true;
		sync_bvt(s, s->curr, arch_now_ns());
	}
	spin_unlock(&s->lock);
}

void sched_dom0_halt(u32 cpu)
{
	struct sched_cpu *s = &scpu[cpu];

	if (arch_dom0_pending(cpu))
		return;
	spin_lock(&s->lock);
	s->dom0->blocked = true;
	sync_bvt(s, s->dom0, arch_now_ns());
	spin_unlock(&s->lock);
}

/* The first of the guest timers and Dom0's own timer, or U64_MAX. */
static u64 next_timer(struct sched_cpu *s, u32 cpu)
{
	u64 t = s->dom0->blocked ? arch_dom0_timer_deadline(cpu) : 0;

	/* Runnable, Dom0 gets its timer back when it runs: not ours. */
	if (!t)
		t = U64_MAX;
	for (struct vcpu *v = s->guests; v; v = v->next_on_cpu)
		if (v->timer_ns && v->timer_ns < t)
			t = v->timer_ns;
	return t;
}

static void fire_timers(struct sched_cpu *s, u32 cpu, u64 now)
{
	u64 d0 = arch_dom0_timer_deadline(cpu);

	for (struct vcpu *v = s->guests; v; v = v->next_on_cpu) {
		if (!v->timer_ns || v->timer_ns > now)
			continue;
		v->timer_ns = 0;
		vcpu_timer_fired(v);
		sync_bvt(s, v, now);
	}
	if (s->dom0->blocked &&
	    (arch_dom0_pending(cpu) || (d0 && d0 <= now))) {
		s->dom0->blocked = false;
		sync_bvt(s, s->dom0, now);
	}
}

/* Guest mode on or off, as the number of guest domains says. */
static bool mode_change(struct sched_cpu *s, u32 cpu, u64 now)
{
	bool want = READ_ONCE(sched_guest_domains) != 0 && !s->leaving;

	if (want && !s->guest_mode) {
		arch_dom0_guest_mode(cpu, true);
		s->guest_mode = true;
		sync_bvt(s, s->dom0, now);
		bvt_schedule(&s->rq, now, &(u64){ 0 });
	} else if (!want && s->guest_mode && !s->nr_guests &&
		   s->curr == s->dom0 && !arch_dom0_pending(cpu)) {
		s->dom0->blocked = false;
		arch_dom0_guest_mode(cpu, false);
		s->guest_mode = false;
	}
	return s->guest_mode;
}

/* Is there a CPU other than @cpu that @v may move to? */
static bool can_move(const struct vcpu *v, u32 cpu)
{
	for (u32 i = 0; i < sched_nr_cpus; i++)
		if (i != cpu && usable(v, i))
			return true;
	return false;
}

/*
 * Every guest vCPU placed on @cpu moves to another CPU it may run on, or,
 * if one of them has none, nothing moves: -EBUSY.  Runs on @cpu in
 * Dom0's call (so none of them runs here now).
 */
static int evacuate(u32 cpu)
{
	struct sched_cpu *s = &scpu[cpu];
	struct vcpu *v, *moving = NULL, *next;

	spin_lock(&s->lock);
	for (v = s->guests; v; v = v->next_on_cpu) {
		if (v->running) {
			spin_unlock(&s->lock);
			return -EAGAIN;
		}
		if (!can_move(v, cpu)) {
			spin_unlock(&s->lock);
			hv_log("cpu %u cannot go offline: domain %u can run on "
			       "no other CPU", cpu, v->dom->id);
			return -EBUSY;
		}
	}
	WRITE_ONCE(s->leaving, true);
	while ((v = s->guests)) {
		unqueue(s, v);
		v->next_on_cpu = moving;
		moving = v;
	}
	spin_unlock(&s->lock);
	for (v = moving; v; v = next) {
		next = v->next_on_cpu;
		sched_attach(v);
		hv_log("d%u vcpu %u moves from cpu %u to cpu %u", v->dom->id,
		       v->id, cpu, READ_ONCE(v->cpu));
	}
	return 0;
}

/*
 * @cpu is about to leave the hypervisor (going offline): its guest
 * vCPUs go elsewhere, then guest mode ends here.  -EAGAIN: call again.
 */
int sched_cpu_release(u32 cpu)
{
	struct sched_cpu *s = &scpu[cpu];
	bool off;
	int rc;

	if (READ_ONCE(sched_guest_domains)) {
		rc = evacuate(cpu);
		if (rc) {
			if (rc == -EBUSY)
				WRITE_ONCE(s->leaving, false);
			return rc;
		}
	}
	spin_lock(&s->lock);
	WRITE_ONCE(s->leaving, true);
	mode_change(s, cpu, arch_now_ns());
	off = !s->guest_mode;	/* else Dom0 has an interrupt to take */
	spin_unlock(&s->lock);
	return off ? 0 : -EAGAIN;
}

/*
 * BVT's choice, except that Dom0 runs at once while the hypervisor holds
 * interrupts for it: they stay in service at the local APIC until Dom0
 * ends them, and meanwhile mask every vector of their priority class and
 * below, the hypervisor's own timer included.  A guest run then could
 * never be preempted.
 */
static struct vcpu *pick(struct sched_cpu *s, u32 cpu, u64 now, u64 *slice)
{
	struct bvt_vcpu *b;

	if (arch_dom0_pending(cpu) && s->dom0->sched.runnable)
		b = bvt_dispatch(&s->rq, &s->dom0->sched, now, slice);
	else
		b = bvt_schedule(&s->rq, now, slice);
	return b ? container_of(b, struct vcpu, sched) : NULL;
}

/*
 * Decide who runs next on @cpu, switch to it, and arm the hypervisor's
 * timer if it is not Dom0; with nothing to run, idle here until an
 * interrupt.
 */
void sched_exit_point(u32 cpu)
{
	struct sched_cpu *s = &scpu[cpu];
	struct vcpu *next;
	u64 now, slice, until = U64_MAX;

	for (;;) {
		arch_irq_window();
		now = arch_now_ns();
		spin_lock(&s->lock);
		if (!mode_change(s, cpu, now)) {
			spin_unlock(&s->lock);
			return;
		}
		fire_timers(s, cpu, now);
		if (s->curr)
			sync_bvt(s, s->curr, now);
		next = pick(s, cpu, now, &slice);
		if (next != s->curr) {
			if (s->curr)
				s->curr->running = false;
			arch_vcpu_switch(cpu, s->curr, next);
			s->curr = next;
			if (next)
				next->running = true;
		}
		if (next != s->dom0) {
			until = next_timer(s, cpu);
			if (next && slice && now + slice < until)
				until = now + slice;
			/*
			 * Only when it moves: under TCG every APIC write is
			 * emulated, and most exits change nothing here.
			 */
			if (until != s->armed || arch_timer_fired()) {
				arch_timer_arm(until == U64_MAX ? 0 :
					       MAX(until, now + 1) - now);
				s->armed = until;
			}
		} else {
			s->armed = 0;	/* Dom0 has its own timer back */
		}
		spin_unlock(&s->lock);
		if (next)
			return;
		arch_idle_wait();
	}
}
