/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Where Dom0's tools find the xenstore daemon (tools/xenstored), and the
 * daemon's program name: xenlate's own, beside Xen's if both exist.
 */
#ifndef XENLATE_XENSTORE_H
#define XENLATE_XENSTORE_H

#define XSD_SOCKET	"/run/xenlate/xenstored.sock"
#define XSD_PROGRAM	"xenlate-xenstored"

#endif
