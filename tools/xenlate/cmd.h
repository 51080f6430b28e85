/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The commands of the xenlate CLI and the helpers they share.  A command
 * is one file defining a struct xl_cmd, listed in main.c's table.
 */
#ifndef XL_CMD_H
#define XL_CMD_H

#include <stdint.h>

#define XL_EXIT_OK	0
#define XL_EXIT_FAIL	1	/* failed, or hypervisor not loaded */
#define XL_EXIT_USAGE	2	/* bad command line */

struct xl_client;

struct xl_cmd {
	const char *name;
	const char *args;	/* after the name in the usage line */
	const char *summary;	/* one line for 'xenlate help' */
	const char *help;	/* more for 'xenlate help NAME', or NULL */
	int (*run)(int argc, char *argv[]);	/* argv[0] is the name */
};

extern const struct xl_cmd xl_cmd_help;
extern const struct xl_cmd xl_cmd_version;
extern const struct xl_cmd xl_cmd_load;
extern const struct xl_cmd xl_cmd_unload;
extern const struct xl_cmd xl_cmd_info;
extern const struct xl_cmd xl_cmd_dmesg;
extern const struct xl_cmd xl_cmd_list;
extern const struct xl_cmd xl_cmd_destroy;
extern const struct xl_cmd xl_cmd_create;
extern const struct xl_cmd xl_cmd_pause;
extern const struct xl_cmd xl_cmd_unpause;
extern const struct xl_cmd xl_cmd_console;
extern const struct xl_cmd xl_cmd_shutdown;
extern const struct xl_cmd xl_cmd_reboot;
extern const struct xl_cmd xl_cmd_vcpu_list;
extern const struct xl_cmd xl_cmd_sched_bvt;
extern const struct xl_cmd xl_cmd_xs_read;
extern const struct xl_cmd xl_cmd_xs_write;
extern const struct xl_cmd xl_cmd_xs_rm;
extern const struct xl_cmd xl_cmd_xs_ls;
extern const struct xl_cmd xl_cmd_mem_set;
extern const struct xl_cmd xl_cmd_top;

/*
 * One-line messages on stderr, "xenlate: " first, control characters
 * replaced so that a message stays one line whatever it quotes.
 */
__attribute__((format(printf, 1, 2)))
int xl_error(const char *fmt, ...);		/* returns XL_EXIT_FAIL */

__attribute__((format(printf, 2, 3)))
int xl_usage_error(const char *cmd, const char *fmt, ...);
						/* returns XL_EXIT_USAGE */

/* The client library's error for @err (@c may be NULL): XL_EXIT_FAIL. */
int xl_client_error(const struct xl_client *c, int err);

/*
 * The id of the domain @arg names (a name or an id): XL_EXIT_OK, or the
 * exit status after saying why not (domarg.c).
 */
int xl_domain_arg(struct xl_client *c, const char *arg, uint32_t *domid);
/* The same, and Dom0 as "Domain-0" or "0" (sched-bvt, vcpu-list). */
int xl_domain_arg_any(struct xl_client *c, const char *arg, uint32_t *domid);

/*
 * A command whose only argument is a DOMAIN (argv[1]): resolve it, call
 * @op, report its error.  Returns the exit status.
 */
int xl_domain_cmd(int argc, char *argv[],
		  int (*op)(struct xl_client *c, uint32_t domid));

/*
 * Destroy guest @domid and forget its xenstore nodes (destroy.c): the
 * one way every command destroys a domain.
 */
int xl_destroy_domain(struct xl_client *c, uint32_t domid);

/* For commands without arguments: 0, or a usage error's exit status. */
int xl_no_args(const struct xl_cmd *cmd, int argc, char *argv[]);

#endif
