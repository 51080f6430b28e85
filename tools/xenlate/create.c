// SPDX-License-Identifier: GPL-2.0
/*
 * xenlate create [-p] [-n] FILE [KEY=VALUE...]: build a domain from an
 * xl.cfg file and start it, as xl create does.
 *
 * Everything that can be checked without the hypervisor (the file, the
 * kernel, the ramdisk, the layout) is checked before the domain exists.
 * Any failure after that, an interruption included, destroys it: a
 * failed create leaves nothing allocated.
 */
#include <errno.h>
#include <inttypes.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "build.h"
#include "cmd.h"
#include "domcfg.h"
#include "kimage.h"
#include "readfile.h"
#include "xl_client.h"

/* A kernel file larger than this is not a kernel (Debian's: ~8 MiB). */
#define XL_KERNEL_FILE_MAX	((size_t)256 << 20)
/* Bytes per xl_domain_write() call: an interruption is seen between. */
#define XL_CREATE_SLICE		((size_t)1 << 20)
#define XL_CREATE_MSG		512

struct xl_create {
	const char *cfg_path;
	bool paused;
	bool dry_run;
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
	err = xl_domain_start(c, domid, b->entry, b->start_info, cr->paused);
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

static int xl_create_domain(struct xl_create *cr)
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
	if (!xl_create_fill(cr, c, domid, msg, sizeof(msg)))
		goto out;
	err = xl_domain_destroy(c, domid);
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

static int xl_create_run(int argc, char *argv[])
{
	static struct xl_create cr;
	int ret;

	memset(&cr, 0, sizeof(cr));
	ret = xl_create_args(&cr, argc, argv);
	if (!ret)
		ret = xl_create_prepare(&cr);
	if (!ret && cr.dry_run)
		xl_create_show(&cr);
	else if (!ret)
		ret = xl_create_domain(&cr);
	xl_domcfg_free(&cr.cfg);
	xl_kimage_free(&cr.kimage);
	free(cr.kernel_path);
	free(cr.ramdisk_path);
	free(cr.ramdisk);
	return ret;
}

const struct xl_cmd xl_cmd_create = {
	.name = "create",
	.args = "[-p] [-n] FILE [KEY=VALUE...]",
	.summary = "Create a domain from an xl.cfg file and start it",
	.help =
	"FILE is in xl.cfg syntax: name, memory, maxmem, vcpus, kernel,\n"
	"ramdisk, cmdline (or root and extra), ... Paths in it are relative\n"
	"to the file's directory. KEY=VALUE arguments override the file's\n"
	"settings (KEY+=VALUE appends), as in xl. The kernel is an ELF or a\n"
	"bzImage (gzip or xz) with Xen's PVH entry note.\n"
	"  -p             leave the domain paused ('xenlate unpause' starts it)\n"
	"  -n, --dry-run  check everything and show the layout; create nothing\n"
	"On any error the domain is destroyed again: nothing stays allocated.\n",
	.run = xl_create_run,
};
