// SPDX-License-Identifier: GPL-2.0
/*
 * A refresh's requests: XL_CMD_INFO, one XL_CMD_DOMAIN_LIST dump, and the
 * vCPUs of each domain (blocked state, V rows, Dom0's charged time).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <xenlate/dom0ctl.h>

#include "dom0.h"
#include "fetch.h"

#define XT_DOM0_VCPUS	256	/* one per CPU under the hypervisor */

static uint64_t xt_now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

void xt_sample_free(struct xt_sample *s)
{
	int i;

	for (i = 0; i < s->nr; i++) {
		free(s->dom[i].vcpu);
		free(s->dom[i].vcpu_pct);
	}
	free(s->dom);
	memset(s, 0, sizeof(*s));
}

/* A failed vCPU list only costs the V rows and the "b" state. */
static void xt_fetch_vcpus(struct xl_client *c, struct xt_dom *d, int max)
{
	d->vcpu = calloc(max, sizeof(*d->vcpu));
	d->vcpu_pct = calloc(max, sizeof(*d->vcpu_pct));
	if (d->vcpu && d->vcpu_pct)
		d->nr_vcpu = xl_vcpu_list(c, d->domid, d->vcpu, max);
	if (!d->vcpu || !d->vcpu_pct || d->nr_vcpu < 0) {
		free(d->vcpu);
		free(d->vcpu_pct);
		d->vcpu = NULL;
		d->vcpu_pct = NULL;
		d->nr_vcpu = 0;
	}
}

static void xt_copy_guest(struct xt_dom *d, const struct xl_domain *g)
{
	memset(d, 0, sizeof(*d));
	d->domid = g->domid;
	memcpy(d->name, g->name, sizeof(d->name));
	d->state = g->state;
	d->shutdown_reason = g->shutdown_reason;
	d->vcpus = g->vcpus;
	d->mem_kb = g->mem_kb;
	d->maxmem_kb = g->maxmem_kb;
	d->cpu_ns = g->cpu_ns;
	d->age_ns = g->age_ns;
}

static void xt_fill_dom0(struct xl_client *c, struct xt_sample *s)
{
	struct xt_dom *d0 = &s->dom[0];
	int i;

	xt_fetch_vcpus(c, d0, XT_DOM0_VCPUS);
	for (i = 0; i < d0->nr_vcpu; i++)
		d0->hv_ns += d0->vcpu[i].cpu_ns;
	/* Dom0 is scheduled, and charged, only while guests exist. */
	d0->hv_charged = s->nr > 1 && d0->vcpu;
	/* The guests' memory came out of Dom0's. */
	for (i = 1; i < s->nr; i++)
		d0->mem_kb -= s->dom[i].mem_kb < d0->mem_kb ?
			      s->dom[i].mem_kb : d0->mem_kb;
}

int xt_fetch(struct xl_client *c, struct xt_sample *s)
{
	static struct xl_domain g[XT_MAX_DOMS];
	struct xl_info info;
	int nr, i, err;

	xt_sample_free(s);
	err = xl_info(c, &info);
	if (err)
		return err;
	nr = xl_domain_list(c, g, XT_MAX_DOMS);
	if (nr < 0)
		return nr;
	s->dom = calloc(nr + 1, sizeof(*s->dom));
	if (!s->dom)
		return -ENOMEM;
	s->t_ns = xt_now_ns();
	snprintf(s->m.version, sizeof(s->m.version), "%s", info.version);
	s->m.cpus = info.cpus_launched;
	s->m.mhz = info.tsc_khz / 1000;
	xt_dom0_linux(&s->dom[0], &s->m);
	s->nr = nr + 1;
	for (i = 0; i < nr; i++) {
		struct xt_dom *d = &s->dom[i + 1];

		xt_copy_guest(d, &g[i]);
		xt_fetch_vcpus(c, d, d->vcpus ? d->vcpus : 1);
		d->blocked = d->state == XL_DOM_RUNNING &&
			     xl_vcpus_blocked(d->vcpu, d->nr_vcpu);
	}
	xt_fill_dom0(c, s);
	return 0;
}
