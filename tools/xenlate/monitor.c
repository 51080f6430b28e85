// SPDX-License-Identifier: GPL-2.0
/*
 * The per-domain monitor process (monitor.h).
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <syslog.h>
#include <time.h>
#include <unistd.h>

#include "cmd.h"
#include "domcfg.h"
#include "monitor.h"
#include "xl_client.h"

#define XL_LIST_MAX	256
/* Failed list requests in a row before giving up (5 s). */
#define XL_MONITOR_ERRORS	25

static bool xl_mon_syslog;

__attribute__((format(printf, 1, 2)))
static void xl_mon_log(const char *fmt, ...)
{
	char stamp[32];
	struct tm tm;
	time_t t = time(NULL);
	va_list ap;

	va_start(ap, fmt);
	if (xl_mon_syslog) {
		vsyslog(LOG_INFO, fmt, ap);
	} else {
		strftime(stamp, sizeof(stamp), "%Y-%m-%d %H:%M:%S",
			 localtime_r(&t, &tm));
		fprintf(stderr, "%s [%d] ", stamp, (int)getpid());
		vfprintf(stderr, fmt, ap);
		fputc('\n', stderr);
		fflush(stderr);
	}
	va_end(ap);
}

/* stdout and stderr to the log file; false if it cannot be opened. */
static bool xl_mon_open_log(const char *name)
{
	char path[sizeof(XL_MONITOR_LOG_DIR) + 80];
	int fd;

	mkdir("/var/log", 0755);
	mkdir(XL_MONITOR_LOG_DIR, 0755);
	snprintf(path, sizeof(path), "%s/%s.log", XL_MONITOR_LOG_DIR, name);
	fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
	if (fd < 0)
		return false;
	dup2(fd, STDOUT_FILENO);
	dup2(fd, STDERR_FILENO);
	close(fd);
	return true;
}

int xl_monitor_fork(const char *name)
{
	pid_t pid;
	int fd;

	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid)
		return pid < 0 ? -errno : pid;

	/* Nothing of the terminal or the shell that ran 'create'. */
	setsid();
	signal(SIGHUP, SIG_IGN);
	signal(SIGINT, SIG_IGN);
	signal(SIGPIPE, SIG_IGN);
	signal(SIGTERM, SIG_DFL);
	/* Not to hold a mount busy; nothing relies on the directory. */
	fd = chdir("/");
	(void)fd;
	fd = open("/dev/null", O_RDWR | O_CLOEXEC);
	if (fd >= 0) {
		dup2(fd, STDIN_FILENO);
		dup2(fd, STDOUT_FILENO);
		dup2(fd, STDERR_FILENO);
		close(fd);
	}
	if (!xl_mon_open_log(name)) {
		xl_mon_syslog = true;
		openlog("xenlate-monitor", LOG_PID, LOG_DAEMON);
	}
	return 0;
}

static uint64_t xl_mon_now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec;
}

static enum xl_dom_action xl_mon_action(const struct xl_on_policy *p,
					const char *why)
{
	if (!strcmp(why, "poweroff"))
		return p->poweroff;
	if (!strcmp(why, "reboot"))
		return p->reboot;
	return p->crash;
}

/* Our domain in the list: by id, and by name in case of a stale id. */
static const struct xl_domain *xl_mon_find(const struct xl_domain *doms,
					   int nr, const struct xl_monitor *m)
{
	int i;

	for (i = 0; i < nr; i++)
		if (doms[i].domid == m->domid && !strcmp(doms[i].name, m->name))
			return &doms[i];
	return NULL;
}

static bool xl_mon_destroy(struct xl_client *c, const struct xl_monitor *m)
{
	char why[512];
	int err = xl_destroy_domain(c, m->domid);

	/* Destroyed by someone else meanwhile: as good. */
	if (err && err != -ESRCH) {
		xl_mon_log("domain %s (id %" PRIu32 "): destroy failed: %s",
			   m->name, m->domid,
			   xl_errmsg(c, err, why, sizeof(why)));
		return false;
	}
	return true;
}

/* The decision @d taken: false when the monitor ends. */
static bool xl_mon_act(struct xl_client *c, struct xl_monitor *m,
		       const struct xl_on_decision *d,
		       struct xl_restart_log *restarts)
{
	uint32_t old = m->domid;

	if (d->step == XL_ON_GONE) {
		xl_mon_log("domain %s (id %" PRIu32 ") is gone: monitor ends",
			   m->name, m->domid);
		return false;
	}
	xl_mon_log("domain %s (id %" PRIu32 "): %s, on_%s=%s", m->name,
		   m->domid, d->why, d->why,
		   xl_domcfg_action_name(xl_mon_action(&m->on, d->why)));
	if (d->note)
		xl_mon_log("domain %s: note: %s", m->name, d->note);
	switch (d->step) {
	case XL_ON_PRESERVE:
		xl_mon_log("domain %s (id %" PRIu32 ") preserved, shut down: monitor ends",
			   m->name, m->domid);
		return false;
	case XL_ON_DESTROY:
		if (xl_mon_destroy(c, m))
			xl_mon_log("domain %s (id %" PRIu32 ") destroyed: monitor ends",
				   m->name, m->domid);
		return false;
	case XL_ON_RESTART:
		if (!xl_mon_destroy(c, m))
			return false;
		if (m->recreate(m->arg, &m->domid)) {
			xl_mon_log("domain %s: restart failed (above): monitor ends",
				   m->name);
			return false;
		}
		xl_on_restarted(restarts, xl_mon_now_ns());
		xl_mon_log("domain %s restarted: id %" PRIu32 " is now id %" PRIu32,
			   m->name, old, m->domid);
		return true;
	default:
		return true;
	}
}

int xl_monitor_run(struct xl_monitor *m)
{
	static struct xl_domain doms[XL_LIST_MAX];
	const struct timespec poll = {
		.tv_nsec = XL_MONITOR_POLL_MS * 1000000L,
	};
	struct xl_restart_log restarts = { .nr = 0 };
	struct xl_client *c;
	char why[512];
	int nr, errors = 0, err;

	err = xl_open(&c);
	if (err) {
		xl_mon_log("domain %s: no control plane: %s: monitor ends",
			   m->name, xl_errmsg(NULL, err, why, sizeof(why)));
		return XL_EXIT_FAIL;
	}
	xl_mon_log("monitoring domain %s (id %" PRIu32 "): on_poweroff=%s on_reboot=%s on_crash=%s",
		   m->name, m->domid, xl_domcfg_action_name(m->on.poweroff),
		   xl_domcfg_action_name(m->on.reboot),
		   xl_domcfg_action_name(m->on.crash));
	for (;;) {
		const struct xl_domain *d;
		struct xl_on_decision dec;

		nanosleep(&poll, NULL);
		nr = xl_domain_list(c, doms, XL_LIST_MAX);
		if (nr == -XL_ERR_NOT_LOADED) {
			xl_mon_log("domain %s: the hypervisor is unloaded: monitor ends",
				   m->name);
			break;
		}
		if (nr < 0) {
			if (++errors < XL_MONITOR_ERRORS)
				continue;
			xl_mon_log("domain %s: cannot list domains: %s: monitor ends",
				   m->name, xl_errmsg(c, nr, why, sizeof(why)));
			break;
		}
		errors = 0;
		d = xl_mon_find(doms, nr, m);
		dec = xl_on_decide(&m->on, d != NULL, d ? d->state : 0,
				   d ? d->shutdown_reason : 0, &restarts,
				   xl_mon_now_ns());
		if (dec.step != XL_ON_WAIT && !xl_mon_act(c, m, &dec, &restarts))
			break;
	}
	xl_close(c);
	return XL_EXIT_OK;
}
