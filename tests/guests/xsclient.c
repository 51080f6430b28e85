// SPDX-License-Identifier: GPL-2.0
/*
 * xsclient: xenstore from a guest, as a PVH Linux guest uses it
 * (lib/xenbus.c).  It reads and writes in its home /local/domain/<domid>,
 * checks error replies and a transaction, announces that it handles
 * shutdown requests (control/feature-poweroff, -reboot), then follows
 * two watches for good: memory/target, toward which it balloons, and
 * control/shutdown, whose request it takes as Linux's xen/manage.c does
 * and carries out.  The console lines are listed in README.md.
 *
 * Any failure: "xsclient: FAIL <what>", then RESULT: FAIL (crash).
 */
#include "guest.h"
#include "xenbus.h"

#define VALUE_MAX	128	/* the values read here, NUL included */
#define KIB_PER_PAGE	(PAGE_SIZE / 1024)
#define BALLOON_STEP	4096	/* frames per balloon_frames() call */
#define BALLOON_WAIT_S	10	/* for Dom0's spare frames, per call */

/*
 * Ballooned out: the frames from out_low up to ram_top, but the store
 * ring's.  Given from the top of RAM down, never below floor_pfn: the
 * image, the builder's boot information and modules lie under it.
 */
static uint64_t ram_top, floor_pfn, out_low;
static xen_pfn_t step[BALLOON_STEP];

static __noreturn __printf(1, 2) void xs_fail(const char *fmt, ...)
{
	char what[200];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	printf("xsclient: FAIL %s\n", what);
	fail("%s", what);
}

static void must_read(const char *path, char *buf, size_t size)
{
	int ret = xs_read(path, buf, size);

	if (ret < 0)
		xs_fail("read %s: %s", path, xs_errname(ret));
}

static void must_write(const char *path, const char *value)
{
	int ret = xs_write(path, value);

	if (ret)
		xs_fail("write %s: %s", path, xs_errname(ret));
}

static void must_watch(const char *path, const char *token)
{
	int ret = xs_watch(path, token);

	if (ret)
		xs_fail("watch %s: %s", path, xs_errname(ret));
}

/* Reads back what was written, or fails naming @what. */
static void must_hold(const char *path, const char *value, const char *what)
{
	char v[VALUE_MAX];

	must_read(path, v, sizeof(v));
	if (strcmp(v, value))
		xs_fail("%s: %s reads back \"%s\", not \"%s\"", what, path, v,
			value);
}

/* Our name and domid, and the home they make. */
static void identify(void)
{
	char name[VALUE_MAX], domid[16], path[64], want[64];
	const char *end;
	unsigned long id;
	long ret;

	must_read("name", name, sizeof(name));
	printf("xsclient: name=%s\n", name);
	must_read("domid", domid, sizeof(domid));
	id = strtoul(domid, &end, 10);
	if (end == domid || *end || id >= DOMID_FIRST_RESERVED)
		xs_fail("domid \"%s\" is no domain id", domid);
	printf("xsclient: domid=%lu\n", id);

	ret = xs_request(XS_GET_DOMAIN_PATH, 0, domid, strlen(domid) + 1,
			 path, sizeof(path));
	if (ret < 0)
		xs_fail("XS_GET_DOMAIN_PATH %s: %s", domid,
			xs_errname((int)ret));
	printf("xsclient: domain path %s\n", path);
	snprintf(want, sizeof(want), "/local/domain/%lu", id);
	if (strcmp(path, want))
		xs_fail("XS_GET_DOMAIN_PATH %s: %s, want %s", domid, path,
			want);
}

/* @ret must be an XS_ERROR reply (@want, if nonzero), on a live link. */
static void expect_error(const char *check, long ret, int want)
{
	if (ret < 0 && !xenbus_broken() && (!want || ret == want))
		return;
	xs_fail("errors: %s: %s, want %s", check,
		ret >= 0 ? "success" : xs_errname((int)ret),
		want ? xs_errname(want) : "an XS_ERROR reply");
}

static void check_errors(void)
{
	char buf[VALUE_MAX];

	expect_error("read of a missing node",
		     xs_read("data/xsclient-missing", buf, sizeof(buf)),
		     -XEN_ENOENT);
	expect_error("write to /local/domain/0",
		     xs_write("/local/domain/0/xsclient-was-here", "1"),
		     -XEN_EACCES);
	expect_error("XS_TRANSACTION_END with tx_id 0",
		     xs_request(XS_TRANSACTION_END, 0, "T", 2, buf,
				sizeof(buf)), 0);
	expect_error("request type 999",
		     xs_request(999, 0, "", 1, buf, sizeof(buf)), 0);
	/* and the connection still works after it */
	must_read("name", buf, sizeof(buf));
	printf("xsclient: errors ok\n");
}

static int tx_write(void *arg)
{
	(void)arg;
	return xs_write("data/tx", "1");
}

static void check_transaction(void)
{
	unsigned int attempts;
	int ret = xs_transaction(tx_write, NULL, &attempts);

	if (ret)
		xs_fail("transaction writing data/tx (attempt %u): %s",
			attempts, xs_errname(ret));
	must_hold("data/tx", "1", "transaction");
	printf("xsclient: transaction ok, data/tx=1 after %u attempt(s)\n",
	       attempts);
}

static uint64_t raise_to(uint64_t end, uint64_t addr, uint64_t len)
{
	return addr + len > end ? addr + len : end;
}

static void balloon_init(const struct hvm_start_info *si)
{
	const struct hvm_modlist_entry *mod =
		(const void *)(uintptr_t)si->modlist_paddr;
	uint64_t end = raise_to((uintptr_t)__bss_end, (uintptr_t)si,
				PAGE_SIZE);
	unsigned int i;

	end = raise_to(end, si->memmap_paddr, si->memmap_entries *
		       sizeof(struct hvm_memmap_table_entry));
	for (i = 0; si->modlist_paddr && i < si->nr_modules; i++)
		end = raise_to(end, mod[i].paddr, mod[i].size);
	floor_pfn = (end + PAGE_SIZE - 1) >> PAGE_SHIFT;
	ram_top = out_low = memmap_ram_end(si) >> PAGE_SHIFT;
}

/*
 * Up to @max frames next to what is out: those below out_low to give,
 * or from out_low up to take back; never the store ring's.
 */
static unsigned int pick(bool back, uint64_t max)
{
	uint64_t pfn = back ? out_low : out_low - 1;
	unsigned int n = 0;

	/* one test for both ends: below 0 wraps above ram_top */
	while (n < max && n < BALLOON_STEP && pfn >= floor_pfn &&
	       pfn < ram_top) {
		if (pfn != xenbus_store_pfn())
			step[n++] = pfn;
		pfn = back ? pfn + 1 : pfn - 1;
	}
	return n;
}

/*
 * Give frames or take them back until we hold @kib, as far as the
 * floor, the frames given and Dom0's spare pool allow.  Returns the
 * pages held, or a negative errno if the hypervisor does not say.
 */
static long balloon_to(unsigned long kib)
{
	long cur = mem_reservation(XENMEM_current_reservation), ret;
	uint64_t want = kib / KIB_PER_PAGE;
	unsigned int n;
	bool back;

	if (cur < 0) {
		printf("xsclient: XENMEM_current_reservation: %ld, not "
		       "ballooning\n", cur);
		return cur;
	}
	while ((uint64_t)cur != want) {
		back = (uint64_t)cur < want;
		n = pick(back, back ? want - cur : cur - want);
		if (!n)
			break;
		ret = balloon_frames(back ? XENMEM_populate_physmap :
				     XENMEM_decrease_reservation, step, n,
				     BALLOON_WAIT_S, "xsclient");
		if (ret < 0)
			xs_fail("%s %u pages: %ld", back ? "taking back" :
				"giving", n, ret);
		if (ret)
			out_low = back ? step[ret - 1] + 1 : step[ret - 1];
		cur += back ? ret : -ret;
		if (ret < n)
			break;
	}
	return cur;
}

static void on_target(void)
{
	char v[VALUE_MAX];
	unsigned long kib;
	const char *end;
	long held;
	int ret;

	ret = xs_read("memory/target", v, sizeof(v));
	if (ret < 0 && xenbus_broken())
		xs_fail("read memory/target: %s", xs_errname(ret));
	if (ret < 0) {
		printf("xsclient: memory/target: %s\n", xs_errname(ret));
		return;
	}
	kib = strtoul(v, &end, 10);
	if (end == v || *end) {
		printf("xsclient: memory/target \"%s\" is no KiB count\n", v);
		return;
	}
	printf("xsclient: target %lu KiB\n", kib);
	held = balloon_to(kib);
	if (held >= 0)
		printf("xsclient: now %lu KiB\n", held * KIB_PER_PAGE);
}

/*
 * In one transaction, as Linux's xen/manage.c: read control/shutdown
 * and clear it, so a request is carried out once.  1: no request (the
 * watch's first event, or the one our clearing fires).
 */
static int take_request(void *req)
{
	int ret = xs_read("control/shutdown", req, VALUE_MAX);

	if (ret == -XEN_ENOENT || !ret)
		return 1;
	if (ret < 0)
		return ret;
	return xs_write("control/shutdown", "");
}

static void on_shutdown(void)
{
	static const struct {
		const char *req;
		unsigned int reason;
	} reqs[] = {
		{ "poweroff", SHUTDOWN_poweroff },
		{ "halt", SHUTDOWN_poweroff },
		{ "reboot", SHUTDOWN_reboot },
		{ "crash", SHUTDOWN_crash },
	};
	char req[VALUE_MAX];
	unsigned int attempts, i;
	int ret;

	ret = xs_transaction(take_request, req, &attempts);
	if (ret > 0)
		return;
	if (ret == -XEN_E2BIG) {
		printf("xsclient: shutdown request too long, ignored\n");
		return;
	}
	if (ret)
		xs_fail("taking control/shutdown (attempt %u): %s", attempts,
			xs_errname(ret));
	printf("xsclient: shutdown request %s\n", req);
	for (i = 0; i < ARRAY_SIZE(reqs); i++) {
		if (!strcmp(req, reqs[i].req)) {
			printf("RESULT: PASS\n");
			shutdown(reqs[i].reason);
		}
	}
	/* as Linux: an unknown request is not an error, just not done */
	printf("xsclient: shutdown request %s ignored\n", req);
}

/*
 * bench=N: N reads of "name", each timed by pvclock: the round trip
 * guest -> hypervisor -> Dom0's daemon -> hypervisor -> guest.
 */
static void bench_reads(unsigned long n)
{
	char name[VALUE_MAX];
	uint64_t t, sum = 0, max = 0;

	for (unsigned long i = 0; i < n; i++) {
		t = pvclock_ns(0);
		must_read("name", name, sizeof(name));
		t = pvclock_ns(0) - t;
		sum += t;
		if (t > max)
			max = t;
	}
	printf("xsclient: bench %lu reads mean %lu ns max %lu ns\n", n,
	       (unsigned long)(n ? sum / n : 0), (unsigned long)max);
}

/*
 * break=indices|oversize: a hostile guest.  Its ring claims more than a
 * ring holds, or its request announces a payload larger than xenstore
 * allows.  Dom0's daemon must drop the connection and carry on; the
 * guest then only waits.
 */
static __noreturn void break_ring(const char *how)
{
	struct xenstore_domain_interface *r = xenbus_ring();
	struct xsd_sockmsg h = { .type = XS_READ, .req_id = 1,
				 .len = XENSTORE_PAYLOAD_MAX + 1 };

	if (!strcmp(how, "indices")) {
		r->req_prod = r->req_cons + 5 * XENSTORE_RING_SIZE;
	} else if (!strcmp(how, "oversize")) {
		for (unsigned int i = 0; i < sizeof(h); i++)
			r->req[MASK_XENSTORE_IDX(r->req_prod + i)] =
				((const char *)&h)[i];
		__atomic_thread_fence(__ATOMIC_SEQ_CST);
		r->req_prod += sizeof(h);
	} else {
		xs_fail("break=%s: indices or oversize", how);
	}
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	if (evtchn_send(xenbus_store_port()))
		xs_fail("break=%s: EVTCHNOP_send failed", how);
	printf("xsclient: ring broken on purpose (%s)\n", how);
	for (;;)
		evtchn_block();
}

int guest_main(const struct hvm_start_info *si)
{
	char path[64], token[16];
	int ret;

	if (xenbus_init(si))
		xs_fail("%s", xenbus_broken());
	printf("xsclient: store pfn 0x%lx port %u\n",
	       (unsigned long)xenbus_store_pfn(), xenbus_store_port());
	balloon_init(si);

	identify();
	if (cmdline_get("break"))
		break_ring(cmdline_get("break"));
	if (cmdline_get("bench"))
		bench_reads(cmdline_ulong("bench", 100));
	must_write("data/hello", "world");
	must_hold("data/hello", "world", "write");
	printf("xsclient: data/hello=world\n");
	check_errors();
	check_transaction();

	must_write("control/feature-poweroff", "1");
	must_write("control/feature-reboot", "1");
	printf("xsclient: control/feature-poweroff=1 "
	       "control/feature-reboot=1\n");
	must_watch("memory/target", "target");
	must_watch("control/shutdown", "shutdown");
	printf("xsclient: ready, watching memory/target and "
	       "control/shutdown\n");

	for (;;) {
		ret = xs_next_watch(path, sizeof(path), token, sizeof(token));
		if (ret)
			xs_fail("waiting for watch events: %s",
				xs_errname(ret));
		if (!strcmp(token, "target"))
			on_target();
		else if (!strcmp(token, "shutdown"))
			on_shutdown();
		else
			printf("xsclient: event %s, token %s: not ours\n",
			       path, token);
	}
}
