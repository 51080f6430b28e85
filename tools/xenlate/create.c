// SPDX-License-Identifier: GPL-2.0
/*
 * xenlate create [-p] [-n] [-e] FILE [KEY=VALUE...]: build a domain from
 * an xl.cfg file and start it, as xl create does.
 *
 * Everything that can be checked without the hypervisor (the file, the
 * kernel, the ramdisk, the layout) is checked before the domain exists.
 * Any failure after that, an interruption included, destroys it: a
 * failed create leaves nothing allocated.  Once it runs, a monitor
 * process (monitor.h) stays behind to apply on_poweroff, on_reboot and
 * on_crash, unless -e.
 */
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "build.h"
#include "cmd.h"
#include "domcfg.h"
#include "kimage.h"
#include "monitor.h"
#include "readfile.h"
#include "xl_client.h"
#include "xs_client.h"

/* A kernel file larger than this is not a kernel (Debian's: ~8 MiB). */
#define XL_KERNEL_FILE_MAX	((size_t)256 << 20)
/* Bytes per xl_domain_write() call: an interruption is seen between. */
#define XL_CREATE_SLICE		((size_t)1 << 20)
#define XL_CREATE_MSG		512

struct xl_create {
	const char *cfg_path;
	bool paused;
	bool dry_run;
	bool no_monitor;	/* -e: nobody applies on_* */
	int nr_over;		/* KEY=VALUE overrides */
	char **over;
	struct xl_domcfg cfg;
	char *kernel_path;
	char *ramdisk_path;
	struct xl_kimage kimage;
	void *ramdisk;
	size_t ramdisk_len;
	struct xl_build layout;
};

static volatile sig_atomic_t xl_create_interrupted;

static void xl_create_signal(int sig)
{
	(void)sig;
	xl_create_interrupted = 1;
}

static int xl_create_args(struct xl_create *cr, int argc, char *argv[])
{
	int i;

	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		if (!strcmp(argv[i], "-p")) {
			cr->paused = true;
		} else if (!strcmp(argv[i], "-n") ||
			   !strcmp(argv[i], "--dry-run")) {
			cr->dry_run = true;
		} else if (!strcmp(argv[i], "-e")) {
			cr->no_monitor = true;
		} else if (!strcmp(argv[i], "--")) {
			i++;
			break;
		} else {
			return xl_usage_error("create", "unknown option '%s'",
					      argv[i]);
		}
	}
	if (i >= argc)
		return xl_usage_error("create", "which configuration file?");
	cr->cfg_path = argv[i];
	cr->over = argv + i + 1;
	cr->nr_over = argc - i - 1;
	return XL_EXIT_OK;
}

/* The file the config names as @key (@given), whole, into *@buf. */
static int xl_create_read(const struct xl_create *cr, const char *key,
			  const char *given, size_t max, const char *what_max,
			  char **path, void **buf, size_t *len)
{
	int err = xl_domcfg_resolve_path(cr->cfg_path, given, path);

	if (err)
		return xl_error("%s: %s: %s", cr->cfg_path, key,
				strerror(-err));
	err = xl_read_file(*path, max, buf, len);
	if (err == -EFBIG)
		return xl_error("%s: %s '%s': larger than %s (%zu MiB)",
				cr->cfg_path, key, *path, what_max, max >> 20);
	if (err == -EINVAL)
		return xl_error("%s: %s '%s': not a regular file",
				cr->cfg_path, key, *path);
	if (err == -EAGAIN)
		return xl_error("%s: %s '%s': changed while being read",
				cr->cfg_path, key, *path);
	if (err)
		return xl_error("%s: %s '%s': %s", cr->cfg_path, key, *path,
				strerror(-err));
	return XL_EXIT_OK;
}

static int xl_create_kernel(struct xl_create *cr)
{
	char msg[XL_CREATE_MSG];
	void *file;
	size_t len;
	int ret;

	ret = xl_create_read(cr, "kernel", cr->cfg.kernel, XL_KERNEL_FILE_MAX,
			     "any kernel", &cr->kernel_path, &file, &len);
	if (ret)
		return ret;
	/* The parsed image owns copies of what it needs. */
	if (xl_kimage_parse(file, len, &cr->kimage, msg, sizeof(msg)))
		ret = xl_error("%s: kernel '%s': %s", cr->cfg_path,
			       cr->kernel_path, msg);
	free(file);
	return ret;
}

/* Config, kernel, ramdisk, layout: all before the domain exists. */
static int xl_create_prepare(struct xl_create *cr)
{
	struct xl_build_in in = { 0 };
	char msg[XL_CREATE_MSG];
	uint64_t mem;
	int ret;

	if (xl_domcfg_load(cr->cfg_path, cr->nr_over, cr->over, &cr->cfg, msg,
			   sizeof(msg)))
		return xl_error("%s", msg);
	if (cr->cfg.root_extra_ignored)
		fprintf(stderr, "xenlate: warning: %s: cmdline is set: root and extra are ignored\n",
			cr->cfg_path);
	ret = xl_create_kernel(cr);
	if (ret)
		return ret;
	mem = (uint64_t)cr->cfg.memory_mib << 20;
	/* A ramdisk larger than the guest cannot fit: say so from its size. */
	if (cr->cfg.ramdisk) {
		ret = xl_create_read(cr, "ramdisk", cr->cfg.ramdisk,
				     mem < XL_BUILD_MEM_MAX ? mem :
							      XL_BUILD_MEM_MAX,
				     "the domain's memory", &cr->ramdisk_path, &cr->ramdisk,
				     &cr->ramdisk_len);
		if (ret)
			return ret;
		if (!cr->ramdisk_len)
			return xl_error("%s: ramdisk '%s' is empty",
					cr->cfg_path, cr->ramdisk_path);
	}
	in.kernel = &cr->kimage;
	in.mem_bytes = mem;
	in.cmdline = cr->cfg.cmdline;
	in.ramdisk = cr->ramdisk;
	in.ramdisk_len = cr->ramdisk_len;
	if (xl_build_layout(&in, &cr->layout, msg, sizeof(msg)))
		return xl_error("%s: %s", cr->cfg_path, msg);
	return XL_EXIT_OK;
}

/* -n: what would be written where, and how it would start. */
static void xl_create_show(const struct xl_create *cr)
{
	const struct xl_build *b = &cr->layout;
	unsigned int i;

	printf("domain %s: %lu MiB, %u vCPUs\n", cr->cfg.name,
	       cr->cfg.memory_mib, cr->cfg.vcpus);
	for (i = 0; i < b->nr_writes; i++)
		printf("  0x%08" PRIx64 " %10zu bytes  %s\n",
		       b->writes[i].gpa, b->writes[i].len, b->writes[i].what);
	printf("  0x%08" PRIx64 " %10llu bytes  console ring\n",
	       b->console_gpa, XL_BUILD_PAGE_SIZE);
	printf("  0x%08" PRIx64 " %10llu bytes  xenstore ring\n",
	       b->store_gpa, XL_BUILD_PAGE_SIZE);
	printf("entry 0x%08" PRIx32 ", hvm_start_info at 0x%08" PRIx64 "\n",
	       b->entry, b->start_info);
}

static int xl_create_write(struct xl_client *c, uint32_t domid,
			   const struct xl_build_write *w)
{
	const uint8_t *p = w->data;
	size_t off, n;
	int err;

	for (off = 0; off < w->len; off += n) {
		if (xl_create_interrupted)
			return -EINTR;
		n = w->len - off < XL_CREATE_SLICE ? w->len - off :
						      XL_CREATE_SLICE;
		err = xl_domain_write(c, domid, w->gpa + off, p + off, n);
		if (err)
			return err;
	}
	return 0;
}

/* The config's BVT parameters, before the domain first runs. */
static int xl_create_bvt(const struct xl_create *cr, struct xl_client *c,
			 uint32_t domid)
{
	const struct xl_domcfg *cfg = &cr->cfg;
	struct xl_bvt_dom b = {
		.mcu_advance = cfg->bvt.mcu_advance,
		.warp_enabled = cfg->bvt.warp != 0,
		.warp = cfg->bvt.warp,
		.warp_limit_ns = (uint64_t)cfg->bvt.warp_limit_ms * 1000000,
		.unwarp_req_ns = (uint64_t)cfg->bvt.unwarp_ms * 1000000,
	};

	return xl_sched_bvt_set(c, domid, XL_BVT_SET_MCU_ADVANCE |
				XL_BVT_SET_WARP_ENABLED | XL_BVT_SET_WARP |
				XL_BVT_SET_WARP_LIMIT | XL_BVT_SET_UNWARP_REQ,
				&b, NULL);
}

/*
 * The domain's console and xenstore rings and ports in the hypervisor,
 * its nodes in the xenstore daemon (started if need be), which then
 * serves it.  The hypervisor drains the console ring itself.
 */
static int xl_create_store(struct xl_create *cr, struct xl_client *c,
			   uint32_t domid, char *msg, size_t size)
{
	const struct xl_domcfg *cfg = &cr->cfg;
	struct xl_xs_dom node = {
		.domid = domid, .name = cfg->name,
		.target_kb = (uint64_t)cfg->memory_mib << 10,
		.maxmem_kb = (uint64_t)cfg->maxmem_mib << 10,
	};
	uint64_t gpa = cr->layout.store_gpa;
	char why[XL_CREATE_MSG];
	struct xl_xs *x;
	uint32_t port, console_port;
	int err;

	err = xl_store_setup(c, domid, gpa, cr->layout.console_gpa, &port,
			     &console_port);
	if (err) {
		snprintf(msg, size, "setting up its console and xenstore rings: %s",
			 xl_errmsg(c, err, why, sizeof(why)));
		return err;
	}
	err = xl_xs_open(&x, true);
	if (err) {
		snprintf(msg, size,
			 "no xenstore daemon (" XSD_PROGRAM "): %s",
			 strerror(-err));
		return err;
	}
	err = xl_xs_dom_make(x, &node);
	if (!err)
		err = xl_xs_introduce(x, domid, gpa >> 12, port);
	xl_xs_close(x);
	if (err)
		snprintf(msg, size, "writing its xenstore nodes: %s",
			 strerror(-err));
	return err;
}

/* Fill and start domain @domid; a message in @msg if not. */
static int xl_create_fill(struct xl_create *cr, struct xl_client *c,
			  uint32_t domid, char *msg, size_t size)
{
	const struct xl_build *b = &cr->layout;
	char why[XL_CREATE_MSG];
	unsigned int i;
	int err;

	for (i = 0; i < b->nr_writes; i++) {
		err = xl_create_write(c, domid, &b->writes[i]);
		if (err == -EINTR) {
			snprintf(msg, size, "interrupted");
			return err;
		}
		if (err) {
			snprintf(msg, size, "writing the %s: %s",
				 b->writes[i].what,
				 xl_errmsg(c, err, why, sizeof(why)));
			return err;
		}
	}
	err = xl_create_store(cr, c, domid, msg, size);
	if (err)
		return err;
	err = xl_create_bvt(cr, c, domid);
	if (err) {
		snprintf(msg, size, "setting its BVT parameters: %s",
			 xl_errmsg(c, err, why, sizeof(why)));
		return err;
	}
	err = xl_domain_start(c, domid, b->entry, b->start_info, cr->paused,
			      cr->cfg.cpu_mask);
	if (err)
		snprintf(msg, size, "starting it: %s",
			 xl_errmsg(c, err, why, sizeof(why)));
	return err;
}

static void xl_create_signals(void (*handler)(int))
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = handler;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
}

static int xl_create_domain(struct xl_create *cr, uint32_t *out)
{
	const struct xl_domcfg *cfg = &cr->cfg;
	char msg[XL_CREATE_MSG], why[XL_CREATE_MSG];
	struct xl_client *c;
	uint32_t domid;
	int err, ret = XL_EXIT_OK;

	err = xl_open(&c);
	if (err)
		return xl_client_error(NULL, err);
	/* From here until it runs, an interruption must destroy it. */
	xl_create_signals(xl_create_signal);
	err = xl_domain_create(c, cfg->name, cfg->vcpus,
			       (uint64_t)cfg->memory_mib << 10,
			       (uint64_t)cfg->maxmem_mib << 10, &domid);
	if (err) {
		ret = xl_error("%s: creating domain '%s': %s", cr->cfg_path,
			       cfg->name, xl_errmsg(c, err, why, sizeof(why)));
		goto out;
	}
	if (!xl_create_fill(cr, c, domid, msg, sizeof(msg))) {
		*out = domid;
		goto out;
	}
	err = xl_destroy_domain(c, domid);
	if (err)
		ret = xl_error("%s: domain '%s' (id %" PRIu32 "): %s; destroying it failed too: %s",
			       cr->cfg_path, cfg->name, domid, msg,
			       xl_errmsg(c, err, why, sizeof(why)));
	else
		ret = xl_error("%s: domain '%s': %s; domain destroyed",
			       cr->cfg_path, cfg->name, msg);
out:
	xl_create_signals(SIG_DFL);
	xl_close(c);
	return ret;
}

static void xl_create_free(struct xl_create *cr)
{
	xl_domcfg_free(&cr->cfg);
	xl_kimage_free(&cr->kimage);
	free(cr->kernel_path);
	free(cr->ramdisk_path);
	free(cr->ramdisk);
}

/* What a restart needs: the same file (absolute now) and overrides. */
struct xl_create_src {
	char cfg_path[PATH_MAX];
	int nr_over;
	char **over;
};

/* The monitor's restart: everything read and checked again. */
static int xl_create_again(void *arg, uint32_t *domid)
{
	const struct xl_create_src *src = arg;
	struct xl_create *cr = calloc(1, sizeof(*cr));
	int ret;

	if (!cr)
		return xl_error("restart: out of memory");
	cr->cfg_path = src->cfg_path;
	cr->nr_over = src->nr_over;
	cr->over = src->over;
	ret = xl_create_prepare(cr);
	if (!ret)
		ret = xl_create_domain(cr, domid);
	xl_create_free(cr);
	free(cr);
	return ret;
}

/*
 * Leave the monitor behind.  In the parent: returns at once.  In the
 * child: runs it and returns its exit status.
 */
static int xl_create_monitor(const struct xl_create *cr, uint32_t domid)
{
	static struct xl_create_src src;
	static struct xl_monitor m;
	int pid;

	if (!realpath(cr->cfg_path, src.cfg_path))
		snprintf(src.cfg_path, sizeof(src.cfg_path), "%s",
			 cr->cfg_path);
	src.nr_over = cr->nr_over;
	src.over = cr->over;
	snprintf(m.name, sizeof(m.name), "%s", cr->cfg.name);
	m.domid = domid;
	m.on.poweroff = cr->cfg.on_poweroff;
	m.on.reboot = cr->cfg.on_reboot;
	m.on.crash = cr->cfg.on_crash;
	m.recreate = xl_create_again;
	m.arg = &src;
	pid = xl_monitor_fork(m.name);
	if (pid < 0) {
		fprintf(stderr, "xenlate: warning: domain '%s': no monitor (%s): on_poweroff, on_reboot and on_crash will not be applied\n",
			m.name, strerror(-pid));
		return XL_EXIT_OK;
	}
	return pid ? XL_EXIT_OK : xl_monitor_run(&m);
}

static int xl_create_run(int argc, char *argv[])
{
	static struct xl_create cr;
	uint32_t domid;
	int ret;

	memset(&cr, 0, sizeof(cr));
	ret = xl_create_args(&cr, argc, argv);
	if (!ret)
		ret = xl_create_prepare(&cr);
	if (!ret && cr.dry_run)
		xl_create_show(&cr);
	else if (!ret)
		ret = xl_create_domain(&cr, &domid);
	/* The monitor reads everything again if it restarts the domain. */
	xl_kimage_free(&cr.kimage);
	free(cr.ramdisk);
	memset(&cr.kimage, 0, sizeof(cr.kimage));
	cr.ramdisk = NULL;
	if (!ret && !cr.dry_run && !cr.no_monitor)
		ret = xl_create_monitor(&cr, domid);
	xl_create_free(&cr);
	return ret;
}

const struct xl_cmd xl_cmd_create = {
	.name = "create",
	.args = "[-p] [-n] [-e] FILE [KEY=VALUE...]",
	.summary = "Create a domain from an xl.cfg file and start it",
	.help =
	"FILE is in xl.cfg syntax: name, memory, maxmem, vcpus, kernel,\n"
	"ramdisk, cmdline (or root and extra), ... Paths in it are relative\n"
	"to the file's directory. KEY=VALUE arguments override the file's\n"
	"settings (KEY+=VALUE appends), as in xl. The kernel is an ELF or a\n"
	"bzImage (gzip or xz) with Xen's PVH entry note.\n"
	"  -p             leave the domain paused ('xenlate unpause' starts it)\n"
	"  -n, --dry-run  check everything and show the layout; create nothing\n"
	"  -e             no monitor: on_poweroff, on_reboot, on_crash are not\n"
	"                 applied, a domain that stops stays shut down\n"
	"On any error the domain is destroyed again: nothing stays allocated.\n"
	"\n"
	"After a successful create, a monitor process (as xl's) watches the\n"
	"domain and, when it shuts down, applies on_poweroff, on_reboot or\n"
	"on_crash: destroy; restart (destroy, then create again from the same\n"
	"file and overrides: new id, same name; at most 10 restarts a minute,\n"
	"then it is preserved); preserve (left shut down, for 'xenlate console'\n"
	"and 'xenlate destroy'). xl's coredump-destroy and coredump-restart\n"
	"act as destroy and restart (no core dumps yet), rename-restart as\n"
	"restart. The monitor ends when its domain is gone or the hypervisor\n"
	"is unloaded, and logs what it did to " XL_MONITOR_LOG_DIR "/NAME.log.\n"
	"The config's mcu_advance, warp, warp_limit_ms and unwarp_ms are set\n"
	"before the domain first runs ('xenlate sched-bvt' changes them).\n",
	.run = xl_create_run,
};
