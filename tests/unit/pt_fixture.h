/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Page tables built in host memory for the tests of pgtable.c and its
 * users.  A table page's "physical address" is its host address, and
 * phys_to_virt only accepts addresses of pages this allocator handed out.
 * Include after <cmocka.h>, "unit.h" and "pgtable.h".
 */
#ifndef PT_FIXTURE_H
#define PT_FIXTURE_H

#include <stdlib.h>
#include <string.h>

#define MAX_TABLES	256

struct test_alloc {
	unsigned int nr;	/* pages handed out */
	unsigned int limit;	/* fail once nr reaches it */
	unsigned int freed;
	void *page[MAX_TABLES];
};

static void *t_alloc(void *opaque, u64 *pa)
{
	struct test_alloc *a = opaque;
	void *p;

	if (a->nr >= a->limit || a->nr >= MAX_TABLES)
		return NULL;
	p = aligned_alloc(4096, 4096);
	assert_non_null(p);
	memset(p, 0, 4096);
	a->page[a->nr++] = p;
	*pa = (u64)(uintptr_t)p;
	return p;
}

static void *t_phys_to_virt(void *opaque, u64 pa)
{
	struct test_alloc *a = opaque;

	for (unsigned int i = 0; i < a->nr; i++)
		if ((u64)(uintptr_t)a->page[i] == pa)
			return a->page[i];
	fail_fmt("phys_to_virt(%#llx): not a table page",
		 (unsigned long long)pa);
	return NULL;
}

static void t_free(void *opaque, void *va)
{
	struct test_alloc *a = opaque;

	for (unsigned int i = 0; i < a->nr; i++)
		if (a->page[i] == va) {
			free(va);
			a->page[i] = NULL;
			a->freed++;
			return;
		}
	fail_fmt("free(%p): not a live table page", va);
}

struct fixture {
	struct test_alloc a;
	struct pt_ops ops;
	struct pt pt;
};

static struct fixture *fixture_new(unsigned int limit)
{
	struct fixture *f = calloc(1, sizeof(*f));

	assert_non_null(f);
	f->a.limit = limit;
	f->ops.alloc = t_alloc;
	f->ops.phys_to_virt = t_phys_to_virt;
	f->ops.free = t_free;
	f->ops.opaque = &f->a;
	return f;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	if (f)
		for (unsigned int i = 0; i < f->a.nr; i++)
			free(f->a.page[i]);
	free(f);
	*state = NULL;
	return 0;
}

#endif
