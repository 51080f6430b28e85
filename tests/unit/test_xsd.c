// SPDX-License-Identifier: GPL-2.0
/*
 * tools/xenstored/conn.c and dispatch.c: messages assembled from bytes
 * in any pieces, oversized headers refused, domain messages only from
 * Dom0, watch events to every watcher that may read the node (and the
 * first one XS_WATCH owes), @introduceDomain/@releaseDomain, and output
 * bounded per connection.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "unit.h"

#include "daemon.h"

static struct xsd d;
static struct xsd_conn *dom0;

static int setup(void **state)
{
	(void)state;
	memset(&d, 0, sizeof(d));
	d.store = xs_store_new();
	dom0 = xsd_conn_new(&d, 0, -1);
	return d.store && dom0 ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	while (d.conns)
		xsd_conn_free(&d, d.conns);
	xs_store_free(d.store);
	return 0;
}

/* Feed one message to @c, @chunk bytes at a time. */
static void send_msg(struct xsd_conn *c, uint32_t type, uint32_t req_id,
		     const void *payload, uint32_t len, size_t chunk)
{
	uint8_t buf[sizeof(struct xsd_sockmsg) + XENSTORE_PAYLOAD_MAX];
	struct xsd_sockmsg h = { .type = type, .req_id = req_id, .len = len };
	size_t n = sizeof(h) + len;

	memcpy(buf, &h, sizeof(h));
	memcpy(buf + sizeof(h), payload, len);
	for (size_t off = 0; off < n; off += chunk)
		xsd_conn_feed(&d, c, buf + off, n - off < chunk ? n - off :
								   chunk);
}

/* The next queued message of @c (payload NUL-terminated in @body). */
static bool next_msg(struct xsd_conn *c, struct xsd_sockmsg *h, char *body)
{
	if (c->out_len < sizeof(*h))
		return false;
	memcpy(h, c->out, sizeof(*h));
	assert_true(c->out_len >= sizeof(*h) + h->len);
	memcpy(body, c->out + sizeof(*h), h->len);
	body[h->len] = '\0';
	xsd_conn_consumed(c, sizeof(*h) + h->len);
	return true;
}

static void expect_msg(struct xsd_conn *c, uint32_t type, const char *body)
{
	char got[XENSTORE_PAYLOAD_MAX + 1];
	struct xsd_sockmsg h;

	assert_true(next_msg(c, &h, got));
	assert_int_equal(h.type, type);
	assert_string_equal(got, body);
}

static struct xsd_conn *introduce(uint32_t dom)
{
	char p[32];
	int n = snprintf(p, sizeof(p), "%u%c7%c9", dom, 0, 0);

	send_msg(dom0, XS_INTRODUCE, 1, p, (uint32_t)n + 1, 1000);
	expect_msg(dom0, XS_INTRODUCE, "OK");
	return xsd_conn_find_dom(&d, dom);
}

static void test_pieces(void **state)
{
	(void)state;
	/* Byte by byte: one reply, once the last byte is in. */
	send_msg(dom0, XS_WRITE, 7, "/a\0v", 4, 1);
	expect_msg(dom0, XS_WRITE, "OK");
	send_msg(dom0, XS_READ, 8, "/a", 3, 5);
	expect_msg(dom0, XS_READ, "v");
	assert_int_equal(dom0->out_len, 0);
}

static void test_oversized(void **state)
{
	struct xsd_conn *g;
	struct xsd_sockmsg h = { .type = XS_READ,
				 .len = XENSTORE_PAYLOAD_MAX + 1 };

	(void)state;
	g = introduce(5);
	assert_non_null(g);
	xsd_conn_feed(&d, g, (const uint8_t *)&h, sizeof(h));
	assert_true(g->dead);
	assert_int_equal(g->out_len, 0);
}

static void test_domain_msgs_dom0_only(void **state)
{
	struct xsd_conn *g;

	(void)state;
	g = introduce(5);
	send_msg(g, XS_INTRODUCE, 2, "6\0" "1\0" "1", 6, 100);
	expect_msg(g, XS_ERROR, "EACCES");
	assert_null(xsd_conn_find_dom(&d, 6));
	send_msg(g, XS_RELEASE, 3, "5", 2, 100);
	expect_msg(g, XS_ERROR, "EACCES");
	/* Bad ids from Dom0: refused. */
	send_msg(dom0, XS_INTRODUCE, 4, "0", 2, 100);
	expect_msg(dom0, XS_ERROR, "EINVAL");
	send_msg(dom0, XS_INTRODUCE, 4, "x5", 3, 100);
	expect_msg(dom0, XS_ERROR, "EINVAL");
	send_msg(dom0, XS_INTRODUCE, 4, "5", 1, 100);	/* no NUL */
	expect_msg(dom0, XS_ERROR, "EINVAL");
	send_msg(dom0, XS_IS_DOMAIN_INTRODUCED, 5, "5", 2, 100);
	expect_msg(dom0, XS_IS_DOMAIN_INTRODUCED, "T");
	send_msg(dom0, XS_IS_DOMAIN_INTRODUCED, 5, "9", 2, 100);
	expect_msg(dom0, XS_IS_DOMAIN_INTRODUCED, "F");
}

static void test_watch_events(void **state)
{
	struct xsd_conn *g;

	(void)state;
	/* The guest's home is Dom0's; children inherit "may read". */
	send_msg(dom0, XS_MKDIR, 1, "/local/domain/5", 16, 1000);
	expect_msg(dom0, XS_MKDIR, "OK");
	send_msg(dom0, XS_SET_PERMS, 3, "/local/domain/5\0n0\0r5", 22, 1000);
	expect_msg(dom0, XS_SET_PERMS, "OK");
	send_msg(dom0, XS_WRITE, 1, "/local/domain/5/memory/target\0" "16",
		 32, 1000);
	expect_msg(dom0, XS_WRITE, "OK");
	send_msg(dom0, XS_WATCH, 2, "@introduceDomain\0" "intro", 23, 1000);
	expect_msg(dom0, XS_WATCH, "OK");
	expect_msg(dom0, XS_WATCH_EVENT, "@introduceDomain");
	g = introduce(5);	/* the answer first, then the event */
	expect_msg(dom0, XS_WATCH_EVENT, "@introduceDomain");

	/* Relative watch: the first event at once, in the guest's form. */
	send_msg(g, XS_WATCH, 4, "memory/target\0tok", 18, 1000);
	expect_msg(g, XS_WATCH, "OK");
	expect_msg(g, XS_WATCH_EVENT, "memory/target");
	send_msg(dom0, XS_WRITE, 5, "/local/domain/5/memory/target\0" "12",
		 32, 1000);
	expect_msg(dom0, XS_WRITE, "OK");
	expect_msg(g, XS_WATCH_EVENT, "memory/target");

	/* A node the guest may not read: no event for it. */
	send_msg(g, XS_WATCH, 6, "/secret\0t2", 11, 1000);
	expect_msg(g, XS_WATCH, "OK");
	expect_msg(g, XS_WATCH_EVENT, "/secret");
	send_msg(dom0, XS_WRITE, 7, "/secret\0x", 9, 1000);
	expect_msg(dom0, XS_WRITE, "OK");
	assert_int_equal(g->out_len, 0);

	/* Release: its connection goes, @releaseDomain fires. */
	send_msg(dom0, XS_WATCH, 8, "@releaseDomain\0rel", 19, 1000);
	expect_msg(dom0, XS_WATCH, "OK");
	expect_msg(dom0, XS_WATCH_EVENT, "@releaseDomain");
	send_msg(dom0, XS_RELEASE, 9, "5", 2, 1000);
	expect_msg(dom0, XS_RELEASE, "OK");
	expect_msg(dom0, XS_WATCH_EVENT, "@releaseDomain");
	assert_true(g->dead);
	assert_null(xsd_conn_find_dom(&d, 5));
}

static void test_event_token(void **state)
{
	char got[XENSTORE_PAYLOAD_MAX + 1];
	struct xsd_sockmsg h;

	(void)state;
	send_msg(dom0, XS_WATCH, 1, "/w\0my-token", 12, 1000);
	expect_msg(dom0, XS_WATCH, "OK");
	assert_true(next_msg(dom0, &h, got));
	assert_int_equal(h.len, 12);
	assert_memory_equal(got, "/w\0my-token", 12);
}

static void test_reintroduce_drops_old(void **state)
{
	struct xsd_conn *old, *new;

	(void)state;
	old = introduce(5);
	send_msg(old, XS_WATCH, 1, "data\0t", 7, 1000);
	old->out_len = 0;
	new = introduce(5);
	assert_true(old->dead);
	assert_ptr_not_equal(old, new);
	assert_int_equal(new->xs.nr_watches, 0);
}

static void test_output_bounded(void **state)
{
	static char big[XENSTORE_PAYLOAD_MAX];
	unsigned int sent = 0;

	(void)state;
	while (xsd_conn_send(dom0, XS_READ, 1, 0, big, sizeof(big)))
		sent++;
	assert_true(dom0->out_len <= XSD_OUT_MAX);
	assert_true(sent >= XSD_OUT_MAX / (sizeof(big) + 16) - 1);
	assert_true(dom0->warned_full);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_pieces, setup, teardown),
		cmocka_unit_test_setup_teardown(test_oversized, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_domain_msgs_dom0_only,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_watch_events, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_event_token, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_reintroduce_drops_old,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_output_bounded, setup,
						teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
