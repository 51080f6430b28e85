/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Domain configuration files for 'xenlate create FILE [KEY=VALUE...]',
 * in Xen's xl.cfg syntax.  The parser is pure: it reads a buffer, not a
 * file, allocates only the result, never prints; unit tested on the host.
 *
 * Syntax, as xl's own parser (libxlu) has it:
 *
 *	# a comment, to the end of the line (not inside a string)
 *	name = "guest1"			settings end at a newline or ';'
 *	memory = 512; vcpus = 2		the last one may lack its newline
 *	kernel = '/boot/vmlinuz'	"..." and '...' are the same, both
 *					with the escapes \" \' \\ \a \b \f
 *					\n \r \t \v; a string ends on its line
 *	extra += " quiet"		appends to a string set before
 *	disk = [ 'a', 'b',		a list: strings, numbers or lists,
 *		 'c', ]			over several lines, trailing ','
 *
 * Numbers are decimal or 0x hexadecimal.  Where we differ from xl, we are
 * stricter and say so:
 *   - A key given twice with '=' is an error (xl silently takes the last).
 *   - A number with a leading zero ("010") is an error: xl reads it as
 *     octal, which nobody writing "memory = 0512" means.
 *   - Numeric string escapes (\x41, \101) are an error: xl accepts them
 *     but drops the character they stand for.
 *   - Control characters other than tab inside strings, NUL bytes
 *     anywhere, and lists nested deeper than XL_DOMCFG_LIST_DEPTH.
 * And more lenient: CRLF line ends, keys with capitals or a leading '_'
 * (reported as unknown keys rather than syntax errors), a comment on the
 * last line without a newline, and "-5" lexed as a number (a key then
 * says it is out of range, instead of a syntax error at '-').
 *
 * An integer key takes a number or a string holding one (memory = "512"
 * works in xl too); a string key takes a string or a number, whose text
 * is kept as written.
 *
 * Keys:
 *	name		required: 1..63 of [A-Za-z0-9_.-], not starting
 *			with '-', not "." or "..", not all digits (it would
 *			read as a domain id), not "Domain-0"
 *	type		"pvh" only, and the default (xl's default is "pv")
 *	memory		required: MiB, 1..XL_DOMCFG_MEM_MAX_MIB
 *	maxmem		MiB, memory..XL_DOMCFG_MEM_MAX_MIB; default memory
 *	vcpus		1..XL_DOMCFG_VCPUS_MAX; default 1
 *	maxvcpus	vcpus..XL_DOMCFG_VCPUS_MAX; default vcpus
 *	kernel		required: path, as written (xl_domcfg_resolve_path)
 *	ramdisk		path, optional
 *	cmdline, root, extra	the guest's command line, composed as xl
 *			does: cmdline if given (root and extra are then
 *			ignored: root_extra_ignored); else "root=ROOT EXTRA"
 *			with either part left out if not given or empty;
 *			at most XL_DOMCFG_CMDLINE_MAX bytes in the end
 *	on_poweroff, on_reboot, on_crash	destroy, restart,
 *			preserve, coredump-destroy, coredump-restart or
 *			rename-restart; defaults destroy, restart, destroy
 *			(xl's).  The last three are accepted for xl's
 *			configs and done as destroy, restart, restart
 *			(onaction.h).  soft-reset: "not supported yet"
 *	mcu_advance	BVT (hv/include/hv/sched_bvt.h, struct bvt_dom):
 *			virtual time charged per MCU run; CPU shares are
 *			proportional to 1 / mcu_advance.  1..1000 (the
 *			scheduler takes up to 10000), default 10 (Xen 2.0's)
 *	warp		BVT: in weighted MCUs, the unit of virtual time: a
 *			warped vCPU competes as if it had run warp /
 *			mcu_advance MCUs less.  0..1000000, default 0 (the
 *			domain never warps)
 *	warp_limit_ms	BVT: longest warped run, in ms.  0..60000, default
 *			0 (no limit)
 *	unwarp_ms	BVT: after hitting the limit, how long the domain
 *			stays unwarped, in ms.  0..60000, default 0
 *	cpus		hard affinity of every vCPU: a CPU-LIST string
 *			("all", "1", "0-3,5,^1": cpulist.h), CPUs 0..63.
 *			Default: any CPU.  xl's list form, a CPU-LIST per
 *			vCPU, is "not supported yet"
 * Keys of xl's that we do not implement yet (disk, vif, pci, builder,
 * bootloader, device_model_*, ...) are "not supported yet"; any other
 * key is "unknown key".
 *
 * Overrides (the KEY=VALUE arguments of 'xenlate create') replace the
 * file's value of KEY, or add KEY; "KEY+=VALUE" appends as in the file.
 * One setting per argument.  VALUE is parsed as in the file when it
 * starts with a quote or '[' or is a number; anything else is taken
 * verbatim as a string (xl create FILE name=foo).  Required keys and the
 * checks across keys (maxmem >= memory, ...) come after the overrides;
 * each value is checked where it is given, so a bad value in the file is
 * an error even if an override would replace it.
 */
#ifndef XL_DOMCFG_H
#define XL_DOMCFG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define XL_DOMCFG_NAME_MAX	63		/* bytes of a name */
#define XL_DOMCFG_MEM_MAX_MIB	(1UL << 20)	/* 1 TiB */
#define XL_DOMCFG_VCPUS_MAX	128
#define XL_DOMCFG_STR_MAX	4095		/* bytes of any string */
#define XL_DOMCFG_CMDLINE_MAX	2047		/* Linux: COMMAND_LINE_SIZE-1 */
#define XL_DOMCFG_LIST_DEPTH	8
#define XL_DOMCFG_FILE_MAX	(1UL << 20)	/* xl_domcfg_load only */

/* What to do when the guest powers off, reboots or crashes. */
enum xl_dom_action {
	XL_ACTION_DESTROY,
	XL_ACTION_RESTART,
	XL_ACTION_PRESERVE,	/* keep it, shut down, for inspection */
	/* xl's, done as what they fall back to (onaction.h says how). */
	XL_ACTION_COREDUMP_DESTROY,	/* no core dumps yet: destroy */
	XL_ACTION_COREDUMP_RESTART,	/* no core dumps yet: restart */
	XL_ACTION_RENAME_RESTART,	/* restart, the old one not kept */
};

struct xl_domcfg {
	char *name;
	unsigned long memory_mib;
	unsigned long maxmem_mib;
	unsigned int vcpus;
	unsigned int maxvcpus;
	char *kernel;		/* as written in the file */
	char *ramdisk;		/* NULL if none */
	char *cmdline;		/* composed (see above); "" if none */
	bool root_extra_ignored; /* cmdline given with root or extra */
	enum xl_dom_action on_poweroff;
	enum xl_dom_action on_reboot;
	enum xl_dom_action on_crash;
	struct {
		unsigned int mcu_advance;
		unsigned int warp;
		unsigned int warp_limit_ms;	/* 0: no limit */
		unsigned int unwarp_ms;
	} bvt;
	uint64_t cpu_mask;	/* bit N: CPU N; 0 (cpus not given): any */
};

/*
 * Parse the config in @buf (@len bytes, need not be NUL-terminated) named
 * @source in messages ("guest.cfg"), then apply the @argc overrides of
 * @argv (KEY=VALUE, not modified).  Returns 0 and fills @cfg, whose
 * strings the caller frees with xl_domcfg_free(); or -EINVAL (or -ENOMEM)
 * with @cfg zeroed and a one-line reason in @err, e.g.
 *	guest.cfg:7: memory: not a number ('lots')
 *	guest.cfg:3: unknown key 'memroy' (did you mean 'memory'?)
 *	guest.cfg: kernel: missing (required)
 *	command line: memory=abc: not a number
 * (no newline, no program name; control characters it quotes are '?').
 */
int xl_domcfg_parse(const char *buf, size_t len, const char *source,
		    int argc, char *const argv[], struct xl_domcfg *cfg,
		    char *err, size_t errsize);

/*
 * xl_domcfg_parse() on the file at @path (at most XL_DOMCFG_FILE_MAX
 * bytes), named @path in messages.  Also -errno for an unreadable file.
 */
int xl_domcfg_load(const char *path, int argc, char *const argv[],
		   struct xl_domcfg *cfg, char *err, size_t errsize);

/* Free @cfg's strings and zero it; a zeroed @cfg is fine. */
void xl_domcfg_free(struct xl_domcfg *cfg);

/* "destroy", "restart", "preserve", "coredump-destroy", ... */
const char *xl_domcfg_action_name(enum xl_dom_action a);

/*
 * @path of a config file's kernel or ramdisk, relative to the directory
 * of the config file @cfg_path (a path as given to 'xenlate create'), so
 * that "kernel = 'vmlinuz'" means the one next to the file whatever the
 * working directory: "/etc/xen/g.cfg" + "vmlinuz" -> "/etc/xen/vmlinuz",
 * "g.cfg" + "vmlinuz" -> "vmlinuz"; an absolute @path, or a NULL
 * @cfg_path, gives @path unchanged.  Pure string work, no file system
 * access.  Returns 0 and a malloc'd *@out, -EINVAL (empty @path) or
 * -ENOMEM.
 */
int xl_domcfg_resolve_path(const char *cfg_path, const char *path,
			   char **out);

#endif
