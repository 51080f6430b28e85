// SPDX-License-Identifier: GPL-2.0
/*
 * A synchronous xenstore client (xenbus.h): requests go on the ring's
 * req half, replies and watch events come on its rsp half, each a
 * struct xsd_sockmsg and its payload, as a byte stream that wraps round
 * (MASK_XENSTORE_IDX) and may stop mid-message.  The guest notifies the
 * store port after producing requests or consuming replies; Dom0 after
 * the reverse.
 *
 * The store port stays masked and is waited on with SCHEDOP_poll (with
 * a timeout): no upcall handler is needed, so a guest's own is left
 * alone, and no wait is forever but xs_next_watch()'s.
 *
 * Dom0 is not trusted: every index it wrote is checked before use
 * (producer minus consumer never above the ring size), and a header's
 * len against XENSTORE_PAYLOAD_MAX in our copy of it, which Dom0
 * cannot change under us.  A violation kills the connection.
 */
#include "guest.h"
#include "hypercall.h"

/*
 * xs_wire.h builds xsd_errors, its table of XS_ERROR names, only if the
 * errno names are macros; here they are Xen's XEN_E* enum.  Xen's
 * errno.h, given an XEN_ERRNO() of ours, lists them again under the
 * plain names (the same values), and the #define lets the table's
 * "#ifdef EINVAL" through.
 */
#define XEN_ERRNO(name, value)	name = value,
enum {
#include <xen/errno.h>
};
#define EINVAL	EINVAL

#include "xenbus.h"

#define NS_PER_S	1000000000ULL
/* Watch events that can wait for xs_next_watch(). */
#define WATCH_QUEUE	8

/*
 * The ring's ordering, both ways at once: a full barrier (MFENCE, and
 * the compiler's) where Linux uses virt_rmb/wmb/mb, one of which would
 * do each time; a request or a reply is not worth the difference.
 */
#define mb()		__atomic_thread_fence(__ATOMIC_SEQ_CST)
#define IDX_LOAD(x)	__atomic_load_n(&(x), __ATOMIC_RELAXED)
#define IDX_STORE(x, v)	__atomic_store_n(&(x), (v), __ATOMIC_RELAXED)

/* A message as it travels: header, payload, and a NUL of ours. */
struct xs_msg {
	struct xsd_sockmsg hdr;
	char body[XENSTORE_PAYLOAD_MAX + 1];
};
_Static_assert(offsetof(struct xs_msg, body) == sizeof(struct xsd_sockmsg),
	       "the payload follows the header with no gap");

static struct xenstore_domain_interface *intf;
static uint64_t store_pfn;
static evtchn_port_t store_port;
static char broken[160];	/* why the connection is dead, or "" */
static uint32_t next_req_id = 1;
static uint32_t cur_tx;		/* xs_transaction_start()'s, or 0 */

static struct xs_msg out;	/* the request being sent */
static struct xs_msg in;	/* the message being received */
static uint32_t in_got;		/* bytes of it so far, header first */
static char pay[XENSTORE_PAYLOAD_MAX];	/* payloads being built */

static struct {
	uint32_t len;
	char body[XENSTORE_PAYLOAD_MAX + 1];
} watchq[WATCH_QUEUE];
static unsigned int watch_first, watch_count;

/* The connection is dead: say why, once.  Returns -XEN_EIO. */
static __printf(1, 2) int broke(const char *fmt, ...)
{
	va_list ap;
	int n;

	if (broken[0])
		return -XEN_EIO;
	n = snprintf(broken, sizeof(broken), "xenstore: ");
	va_start(ap, fmt);
	vsnprintf(broken + n, sizeof(broken) - n, fmt, ap);
	va_end(ap);
	printf("%s\n", broken);
	return -XEN_EIO;
}

const char *xenbus_broken(void)
{
	return broken[0] ? broken : NULL;
}

struct xenstore_domain_interface *xenbus_ring(void)
{
	return intf;
}

uint64_t xenbus_store_pfn(void)
{
	return store_pfn;
}

evtchn_port_t xenbus_store_port(void)
{
	return store_port;
}

const char *xs_errname(int err)
{
	static char num[16];
	unsigned int i;

	/* what every request answers once the connection is dead */
	if (err == -XEN_EIO && broken[0])
		return broken;
	for (i = 0; i < ARRAY_SIZE(xsd_errors); i++)
		if (xsd_errors[i].errnum == -err)
			return xsd_errors[i].errstring;
	snprintf(num, sizeof(num), "%d", err);
	return num;
}

/* An XS_ERROR reply's payload, "ENOENT", as -XEN_ENOENT. */
static int error_of(const char *name)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(xsd_errors); i++)
		if (!strcmp(name, xsd_errors[i].errstring))
			return -xsd_errors[i].errnum;
	/* As Linux: a name not in the table counts as EINVAL. */
	printf("xenstore: XS_ERROR \"%s\" is no errno name: EINVAL\n", name);
	return -XEN_EINVAL;
}

int xenbus_init(const struct hvm_start_info *si)
{
	uint64_t port, at;
	uint32_t type;
	long ret;

	ret = hvm_get_param(HVM_PARAM_STORE_PFN, &store_pfn);
	if (!ret)
		ret = hvm_get_param(HVM_PARAM_STORE_EVTCHN, &port);
	if (ret) {
		broke("HVMOP_hvm_get_param(HVM_PARAM_STORE_*): %ld", ret);
		return (int)ret;
	}
	if (!store_pfn) {
		broke("none (store pfn 0)");
		return -XEN_ENODEV;
	}
	if (!port || port >= EVTCHN_2L_NR_CHANNELS) {
		broke("store pfn 0x%lx, but port %lu",
		      (unsigned long)store_pfn, (unsigned long)port);
		return -XEN_ENODEV;
	}
	store_port = (evtchn_port_t)port;
	/*
	 * Ours to write, so our own memory: a page of the memory map,
	 * reserved there as Xen reserves its special pages (or RAM), and
	 * none this guest uses for something else.
	 */
	at = store_pfn << PAGE_SHIFT;
	type = store_pfn >> (64 - PAGE_SHIFT) ? 0 : memmap_type(si, at);
	if (type != XEN_HVM_MEMMAP_TYPE_RESERVED &&
	    type != XEN_HVM_MEMMAP_TYPE_RAM) {
		broke("store pfn 0x%lx is not guest memory (memory map type "
		      "%u)", (unsigned long)store_pfn, type);
		return -XEN_EINVAL;
	}
	if (at + PAGE_SIZE > (uintptr_t)__image_start &&
	    at < (uintptr_t)__bss_end) {
		broke("store pfn 0x%lx is inside this guest's image",
		      (unsigned long)store_pfn);
		return -XEN_EINVAL;
	}
	/* head.S maps the first 4 GiB only */
	ret = pt_map_1g(at);
	if (!ret)
		ret = shinfo_map();
	if (ret) {
		broke("store pfn 0x%lx: cannot map it, or shared_info (%ld)",
		      (unsigned long)store_pfn, ret);
		return (int)ret;
	}
	evtchn_mask(store_port);
	intf = (struct xenstore_domain_interface *)(uintptr_t)at;
	return 0;
}

/* How much of @want fits from ring index @idx on: @avail at the most. */
static uint32_t chunk(uint32_t want, XENSTORE_RING_IDX idx, uint32_t avail)
{
	uint32_t n = XENSTORE_RING_SIZE - MASK_XENSTORE_IDX(idx);

	if (n > avail)
		n = avail;
	return want < n ? want : n;
}

/*
 * Up to @len bytes onto the request ring from @buf (@put), or off the
 * response ring into it: how many, or -XEN_EIO.  Our index says how far
 * we got; Dom0's bounds how far we may go.
 */
static long ring_move(bool put, char *buf, uint32_t len)
{
	XENSTORE_RING_IDX cons, prod, idx, *ours;
	char *ring = put ? intf->req : intf->rsp;
	uint32_t done = 0, room, n;

	cons = put ? IDX_LOAD(intf->req_cons) : IDX_LOAD(intf->rsp_cons);
	prod = put ? IDX_LOAD(intf->req_prod) : IDX_LOAD(intf->rsp_prod);
	if (prod - cons > XENSTORE_RING_SIZE)
		return broke("%s ring indices impossible: cons %u prod %u",
			     put ? "request" : "response", cons, prod);
	ours = put ? &intf->req_prod : &intf->rsp_cons;
	idx = put ? prod : cons;
	room = put ? XENSTORE_RING_SIZE - (prod - cons) : prod - cons;
	/*
	 * No byte touched before the index that makes it ours: Dom0 may
	 * still read a request slot, or not have written a response.
	 */
	mb();
	while (done < len && room) {
		n = chunk(len - done, idx, room);
		if (put)
			memcpy(ring + MASK_XENSTORE_IDX(idx), buf + done, n);
		else
			memcpy(buf + done, ring + MASK_XENSTORE_IDX(idx), n);
		idx += n;
		done += n;
		room -= n;
	}
	if (done) {
		/* Every byte written, or read, before Dom0 sees the index. */
		mb();
		IDX_STORE(*ours, idx);
	}
	return done;
}

/*
 * A complete XS_WATCH_EVENT, "path\0token\0", in `in`: queued.  One
 * already queued with the same path and token says all this one does
 * (the watcher reads the node when it gets to it): not queued twice.
 */
static void queue_watch(void)
{
	uint32_t len = in.hdr.len;
	unsigned int i, slot;

	if (strlen(in.body) >= len) {
		printf("xenstore: watch event \"%s\" without a token, "
		       "dropped\n", in.body);
		return;
	}
	for (i = 0; i < watch_count; i++) {
		slot = (watch_first + i) % WATCH_QUEUE;
		if (watchq[slot].len == len &&
		    !memcmp(watchq[slot].body, in.body, len))
			return;
	}
	if (watch_count == WATCH_QUEUE) {
		printf("xenstore: watch queue full, event %s dropped\n",
		       in.body);
		return;
	}
	slot = (watch_first + watch_count++) % WATCH_QUEUE;
	watchq[slot].len = len;
	memcpy(watchq[slot].body, in.body, len + 1);
}

/*
 * Take what the response ring holds into `in`, message by message:
 * watch events go to the queue; the reply to request @want_req (0:
 * none is outstanding) stops it with *reply set, and stays in `in`
 * until xs_request() has it.  Bytes taken, or -XEN_EIO.
 */
static long rsp_pump(uint32_t want_req, bool *reply)
{
	const uint32_t hdr = sizeof(in.hdr);
	uint32_t end;
	long total = 0, n;

	for (;;) {
		/* The header first: it says how much payload follows. */
		end = in_got < hdr ? hdr : hdr + in.hdr.len;
		if (in_got < end) {
			n = ring_move(false, (char *)&in + in_got,
				      end - in_got);
			if (n < 0)
				return n;
			total += n;
			in_got += n;
			if (in_got < end)
				return total;
			if (end == hdr && in.hdr.len > XENSTORE_PAYLOAD_MAX)
				return broke("message type %u of %u bytes, "
					     "above XENSTORE_PAYLOAD_MAX",
					     in.hdr.type, in.hdr.len);
			if (end == hdr)
				continue;
		}
		in.body[in.hdr.len] = 0;
		if (in.hdr.type == XS_WATCH_EVENT) {
			queue_watch();
			in_got = 0;
			continue;
		}
		if (!want_req || in.hdr.req_id != want_req)
			return broke("reply type %u with req_id %u, but %u is "
				     "outstanding", in.hdr.type,
				     in.hdr.req_id, want_req);
		*reply = true;
		return total;
	}
}

/* Dom0 may say on the ring page that it gave up on the connection. */
static int dom0_error(void)
{
	uint32_t err = IDX_LOAD(intf->error);

	if ((IDX_LOAD(intf->server_features) &
	     XENSTORE_SERVER_FEATURE_ERROR) && err != XENSTORE_ERROR_NONE)
		return broke("Dom0 set error %u on the ring", err);
	return 0;
}

/*
 * Move bytes until all @len of @msg (maybe none) are on the ring and,
 * with @want_req, its reply is in `in`; without, until a watch event
 * is queued.  The pending bit is cleared before each look at the ring:
 * a notification after the look sets it again, and the poll returns
 * at once.  @deadline: system time in ns, 0 for none.
 */
static int exchange(char *msg, uint32_t len, uint32_t want_req,
		    uint64_t deadline)
{
	uint32_t sent = 0;
	bool reply = false;
	long put, got, ret;

	for (;;) {
		evtchn_clear_pending(store_port);
		put = sent < len ? ring_move(true, msg + sent, len - sent) : 0;
		got = (reply || put < 0) ? 0 : rsp_pump(want_req, &reply);
		if (put < 0 || got < 0)
			return -XEN_EIO;
		sent += put;
		/* Dom0 may be waiting for these bytes, or for the room. */
		ret = (put || got) ? evtchn_send(store_port) : 0;
		if (ret)
			return broke("EVTCHNOP_send on port %u: %ld",
				     store_port, ret);
		if (sent == len && (want_req ? reply : watch_count > 0))
			return 0;
		if (put || got)
			continue;
		if (dom0_error())
			return -XEN_EIO;
		ret = evtchn_poll(store_port, deadline);
		if (ret)
			return broke("SCHEDOP_poll on port %u: %ld",
				     store_port, ret);
		if (deadline && pvclock_ns(0) >= deadline)
			return broke("request %u unanswered after %u s (%u "
				     "of %u bytes sent)", want_req,
				     XS_TIMEOUT_S, sent, len);
	}
}

long xs_request(uint32_t type, uint32_t tx_id, const void *payload,
		uint32_t len, char *reply, size_t size)
{
	uint32_t req_id;
	int ret;

	if (broken[0] || !intf)
		return -XEN_EIO;
	if (len > XENSTORE_PAYLOAD_MAX)
		return -XEN_E2BIG;
	req_id = next_req_id++;
	if (!next_req_id)
		next_req_id = 1;	/* 0 is the watch events' */
	out.hdr = (struct xsd_sockmsg){
		.type = type,
		.req_id = req_id,
		.tx_id = tx_id,
		.len = len,
	};
	memcpy(out.body, payload, len);
	ret = exchange((char *)&out, sizeof(out.hdr) + len, req_id,
		       pvclock_ns(0) + XS_TIMEOUT_S * NS_PER_S);
	if (ret)
		return ret;
	/* `in` is not written again before the next exchange() */
	in_got = 0;
	if (in.hdr.type == XS_ERROR)
		return error_of(in.body);
	if (in.hdr.type != type)
		return broke("reply type %u to request type %u",
			     in.hdr.type, type);
	if (in.hdr.len >= size)
		return -XEN_E2BIG;
	memcpy(reply, in.body, in.hdr.len + 1);
	return in.hdr.len;
}

/* Payload "a\0b", and b's NUL if @b_nul: its length, or -XEN_E2BIG. */
static long pack(const char *a, const char *b, bool b_nul)
{
	size_t la = strlen(a) + 1, lb = b ? strlen(b) + b_nul : 0;

	if (la + lb > sizeof(pay))
		return -XEN_E2BIG;
	memcpy(pay, a, la);
	if (b)
		memcpy(pay + la, b, lb);
	return (long)(la + lb);
}

int xs_read(const char *path, char *buf, size_t size)
{
	long n = pack(path, NULL, false);

	return (int)(n < 0 ? n : xs_request(XS_READ, cur_tx, pay, n, buf,
					     size));
}

int xs_write(const char *path, const char *value)
{
	char ack[8];
	long n = pack(path, value, false);

	if (n >= 0)
		n = xs_request(XS_WRITE, cur_tx, pay, n, ack, sizeof(ack));
	return n < 0 ? (int)n : 0;
}

int xs_watch(const char *path, const char *token)
{
	char ack[8];
	long n = pack(path, token, true);

	/* the tx_id of XS_WATCH is ignored: no watch is transactional */
	if (n >= 0)
		n = xs_request(XS_WATCH, 0, pay, n, ack, sizeof(ack));
	return n < 0 ? (int)n : 0;
}

int xs_transaction_start(void)
{
	char id[16];
	const char *end;
	unsigned long tx;
	long n;

	if (cur_tx)
		return -XEN_EBUSY;
	n = xs_request(XS_TRANSACTION_START, 0, "", 1, id, sizeof(id));
	if (n < 0)
		return (int)n;
	tx = strtoul(id, &end, 10);
	if (end == id || *end || !tx || tx > UINT32_MAX)
		return broke("XS_TRANSACTION_START answered \"%s\"", id);
	cur_tx = (uint32_t)tx;
	return 0;
}

int xs_transaction_end(bool commit)
{
	uint32_t tx = cur_tx;
	char ack[8];
	long n;

	if (!tx)
		return -XEN_EINVAL;
	/* Over whatever the answer: xenstored has forgotten it (EAGAIN too). */
	cur_tx = 0;
	n = xs_request(XS_TRANSACTION_END, tx, commit ? "T" : "F", 2, ack,
		       sizeof(ack));
	return n < 0 ? (int)n : 0;
}

int xs_transaction(int (*fn)(void *arg), void *arg, unsigned int *attempts)
{
	unsigned int n;
	int ret;

	for (n = 1;; n++) {
		*attempts = n;
		ret = xs_transaction_start();
		if (ret)
			return ret;
		ret = fn(arg);
		if (ret) {
			xs_transaction_end(false);
			return ret;
		}
		ret = xs_transaction_end(true);
		if (ret != -XEN_EAGAIN || n == XS_TX_ATTEMPTS)
			return ret;
	}
}

int xs_next_watch(char *path, size_t psize, char *token, size_t tsize)
{
	const char *p, *t;
	size_t plen, tlen;
	int ret;

	if (broken[0] || !intf)
		return -XEN_EIO;
	if (!watch_count) {
		ret = exchange(NULL, 0, 0, 0);
		if (ret)
			return ret;
	}
	p = watchq[watch_first].body;
	watch_first = (watch_first + 1) % WATCH_QUEUE;
	watch_count--;
	/* both NUL-terminated inside the slot: queue_watch() checked */
	plen = strlen(p);
	t = p + plen + 1;
	tlen = strlen(t);
	if (plen >= psize || tlen >= tsize)
		return -XEN_E2BIG;
	memcpy(path, p, plen + 1);
	memcpy(token, t, tlen + 1);
	return 0;
}
