// SPDX-License-Identifier: GPL-2.0
/*
 * xenlate console [-n] DOMAIN: a domain's console output from its start,
 * then followed as it grows, until the domain is destroyed or the user
 * presses Ctrl-] (as xl's console).  Output only: the ABI has no input
 * path to the guest yet, so keys other than Ctrl-] are ignored.
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
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

/*
 * Wait up to @ms before the next read; true when the user asked to
 * leave: Ctrl-], end of the terminal's input, or a signal.
 */
static bool xl_console_wait(const struct xl_tty *t, int ms)
{
	struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN };
	char keys[64];
	ssize_t n;

	if (xl_console_stop)
		return true;
	if (!t->raw) {
		/* Not a terminal: nothing to read there, just wait. */
		if (ms)
			poll(NULL, 0, ms);
		return xl_console_stop;
	}
	if (poll(&p, 1, ms) <= 0)
		return xl_console_stop;
	n = read(STDIN_FILENO, keys, sizeof(keys));
	if (n == 0)
		return true;
	return n > 0 && memchr(keys, XL_CONSOLE_ESCAPE, (size_t)n);
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
	struct xl_dmesg_chunk ch;
	struct xl_log_view v;
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
		/* Ctrl-] counts even while output streams. */
		if (follow && xl_console_wait(t, n ? 0 : XL_CONSOLE_POLL_MS))
			break;
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
	"(when standard input is a terminal).\n"
	"  -n, --no-follow   print what is there now and exit\n",
	.run = xl_console_run,
};
