// SPDX-License-Identifier: GPL-2.0
/*
 * xenlate console [-n] DOMAIN: a domain's console output from its start,
 * then followed as it grows, until the domain is destroyed or the user
 * presses Ctrl-] (as xl's console).  What is typed (or piped in) goes to
 * the guest's console ring (the input side of HVM_PARAM_CONSOLE_PFN's
 * page), as xenconsoled does; the guest echoes it if it wants.
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "cmd.h"
#include "logview.h"
#include "xl_client.h"

#define XL_CONSOLE_ESCAPE	0x1d	/* Ctrl-] */
#define XL_CONSOLE_POLL_MS	100	/* between reads once caught up */

static volatile sig_atomic_t xl_console_stop;

static void xl_console_signal(int sig)
{
	(void)sig;
	xl_console_stop = 1;
}

struct xl_tty {
	bool raw;		/* stdin is a terminal we switched */
	struct termios saved;
};

/* Keys one at a time and unechoed, so that Ctrl-] is seen at once. */
static void xl_tty_raw(struct xl_tty *t)
{
	struct termios raw;

	t->raw = false;
	if (!isatty(STDIN_FILENO) || tcgetattr(STDIN_FILENO, &t->saved))
		return;
	raw = t->saved;
	raw.c_lflag &= ~(ICANON | ECHO);
	raw.c_cc[VMIN] = 1;
	raw.c_cc[VTIME] = 0;
	t->raw = !tcsetattr(STDIN_FILENO, TCSANOW, &raw);
}

static void xl_tty_restore(struct xl_tty *t)
{
	if (t->raw)
		tcsetattr(STDIN_FILENO, TCSANOW, &t->saved);
}

/* Keys read and not yet taken by the guest's ring. */
struct xl_input {
	char buf[XL_STORE_CHUNK];
	size_t len;
	bool eof;		/* nothing more to read: a pipe ended */
	bool dead;		/* the ring refused: output only */
};

/*
 * Hand what waits to the guest: as much as its ring takes now.  An error
 * (no console ring, a broken one) is said once and ends the input; the
 * output goes on.
 */
static void xl_input_flush(struct xl_client *c, uint32_t domid,
			   struct xl_input *in)
{
	char msg[256];
	int n;

	if (!in->len || in->dead)
		return;
	n = xl_console_write(c, domid, in->buf, in->len);
	if (n < 0) {
		in->dead = true;
		in->len = 0;
		/* Destroyed: the next read ends the console anyway. */
		if (n == -ESRCH)
			return;
		fprintf(stderr, "\r\nxenlate console: input not delivered: "
			"%s; output only from now on\r\n",
			xl_errmsg(c, n, msg, sizeof(msg)));
		return;
	}
	memmove(in->buf, in->buf + n, in->len - (size_t)n);
	in->len -= (size_t)n;
}

/*
 * Wait up to @ms before the next read, taking keys meanwhile; true when
 * the user asked to leave: Ctrl-] (the keys before it still go), the
 * terminal hung up, or a signal.
 */
static bool xl_console_wait(const struct xl_tty *t, struct xl_input *in,
			    int ms)
{
	struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN };
	size_t room = sizeof(in->buf) - in->len;
	char *esc;
	ssize_t n;

	if (xl_console_stop)
		return true;
	/*
	 * Keys that cannot go (the ring refused, or the guest reads nothing
	 * and 4 KiB wait) are dropped, but Ctrl-] must still leave.
	 */
	if (t->raw && !in->eof && (in->dead || !room)) {
		char keys[64];

		if (poll(&p, 1, ms) <= 0)
			return xl_console_stop;
		n = read(STDIN_FILENO, keys, sizeof(keys));
		return n == 0 || (n > 0 && memchr(keys, XL_CONSOLE_ESCAPE,
						  (size_t)n)) || xl_console_stop;
	}
	/* Nothing more to take (or no room yet): just wait. */
	if (in->eof || in->dead || !room) {
		if (ms)
			poll(NULL, 0, ms);
		return xl_console_stop;
	}
	if (poll(&p, 1, ms) <= 0)
		return xl_console_stop;
	n = read(STDIN_FILENO, in->buf + in->len, room);
	if (n <= 0) {
		/* A terminal that hangs up leaves; a pipe just ends. */
		if (t->raw && n == 0)
			return true;
		in->eof = n == 0 || errno != EINTR;
		return xl_console_stop;
	}
	esc = t->raw ? memchr(in->buf + in->len, XL_CONSOLE_ESCAPE,
			      (size_t)n) : NULL;
	if (esc) {
		in->len = (size_t)(esc - in->buf);
		return true;
	}
	in->len += (size_t)n;
	return xl_console_stop;
}

/* Ctrl-C and friends end the loop, so the terminal is restored. */
static void xl_console_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = xl_console_signal;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
}

/* 0 once done (caught up, gone, or left), or the library's error. */
static int xl_console_loop(struct xl_client *c, uint32_t domid, bool follow,
			   const struct xl_tty *t)
{
	static char buf[XL_CONSOLE_BUF_SIZE];
	static struct xl_input in;
	struct xl_dmesg_chunk ch;
	struct xl_log_view v;
	bool leave = false;
	int n;

	xl_log_view_init(&v, "console");
	for (;;) {
		n = xl_domain_console_read(c, domid, v.seq, buf, sizeof(buf),
					   &ch.next_seq, &ch.dropped);
		/* Destroyed while we followed it: its console ends there. */
		if (n == -ESRCH && !v.first) {
			n = 0;
			break;
		}
		if (n < 0)
			break;
		ch.len = (size_t)n;
		xl_log_show(&v, &ch, buf, stdout);
		fflush(stdout);
		if (!n && !follow)
			break;
		if (leave)
			break;
		/* Ctrl-] counts even while output streams. */
		leave = xl_console_wait(t, &in, n ? 0 : XL_CONSOLE_POLL_MS);
		xl_input_flush(c, domid, &in);
		/* One more read: the guest's answer to the last keys. */
	}
	xl_log_end(&v, stdout);
	return n < 0 ? n : 0;
}

static int xl_console_run(int argc, char *argv[])
{
	const char *dom = NULL;
	struct xl_client *c;
	struct xl_tty t = { 0 };
	bool follow = true;
	uint32_t domid;
	int i, err, ret;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-n") || !strcmp(argv[i], "--no-follow"))
			follow = false;
		else if (argv[i][0] == '-')
			return xl_usage_error("console", "unknown option '%s'",
					      argv[i]);
		else if (dom)
			return xl_usage_error("console",
					      "unexpected argument '%s'",
					      argv[i]);
		else
			dom = argv[i];
	}
	if (!dom)
		return xl_usage_error("console", "which domain?");
	err = xl_open(&c);
	if (err)
		return xl_client_error(NULL, err);
	ret = xl_domain_arg(c, dom, &domid);
	if (!ret) {
		if (follow) {
			xl_console_signals();
			xl_tty_raw(&t);
		}
		err = xl_console_loop(c, domid, follow, &t);
		xl_tty_restore(&t);
		if (err)
			ret = xl_client_error(c, err);
	}
	xl_close(c);
	return ret;
}

const struct xl_cmd xl_cmd_console = {
	.name = "console",
	.args = "[-n] DOMAIN",
	.summary = "Show a domain's console; Ctrl-] leaves",
	.help =
	"Prints what the domain wrote to its console since it started, then\n"
	"follows it until the domain is destroyed or Ctrl-] is pressed\n"
	"(when standard input is a terminal).  What is typed, or piped in,\n"
	"goes to the guest's console ring.\n"
	"  -n, --no-follow   print what is there now and exit\n",
	.run = xl_console_run,
};
