// SPDX-License-Identifier: GPL-2.0
/*
 * Where Dom0's IOAPICs are, for the hypervisor to trap their writes while
 * guests exist (DESIGN decision 11).  The ACPI MADT is what Linux itself
 * used to find them; its IOAPIC entries are read here, not Linux's
 * internal table, which is not exported.
 */
#define pr_fmt(fmt) "xenlate: " fmt

#include <linux/acpi.h>
#include "loader.h"

int ioapic_fill(struct xl_boot_info *bi)
{
	struct acpi_table_header *t;
	struct acpi_subtable_header *e;
	u8 *p, *end;

	bi->nr_ioapics = 0;
	if (acpi_disabled || ACPI_FAILURE(acpi_get_table(ACPI_SIG_MADT, 1, &t)))
		return 0;	/* no MADT: MP-table machines are not handled */
	p = (u8 *)t + sizeof(struct acpi_table_madt);
	end = (u8 *)t + t->length;
	for (; p + sizeof(*e) <= end; p += e->length) {
		struct acpi_madt_io_apic *io = (void *)p;

		e = (void *)p;
		if (e->length < sizeof(*e) || p + e->length > end)
			break;	/* a malformed table: stop, keep what was read */
		if (e->type != ACPI_MADT_TYPE_IO_APIC ||
		    e->length < sizeof(*io))
			continue;
		if (bi->nr_ioapics == XL_MAX_IOAPICS) {
			pr_err("cannot load: more than %u IOAPICs\n",
			       XL_MAX_IOAPICS);
			acpi_put_table(t);
			return -E2BIG;
		}
		bi->ioapic_pa[bi->nr_ioapics++] = io->address;
	}
	acpi_put_table(t);
	return 0;
}
