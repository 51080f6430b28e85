// SPDX-License-Identifier: GPL-2.0
/*
 * Exceptions and the event-channel upcall.  An unexpected exception is
 * a failed test: print vector and RIP and shut down with "crash".
 */
#include "guest.h"
#include "cpu.h"
#include "hypercall.h"

#define GDT_CS64	0x18	/* head.S */
#define GATE_INTR	0x8e	/* present, DPL 0, 64-bit interrupt gate */
#define VEC_UD		6
#define VEC_PF		14

struct idt_gate {
	uint16_t off_lo;
	uint16_t sel;
	uint8_t ist;
	uint8_t type;
	uint16_t off_mid;
	uint32_t off_hi;
	uint32_t zero;
} __attribute__((packed));

struct extable {
	uint64_t insn, fixup;
};

extern const char trap_stubs[];
extern const struct extable __ex_table_start[], __ex_table_end[];

static struct idt_gate idt[256] __aligned(16);
static trap_handler_t handlers[256];
static int trap_depth;

static const char *const names[32] = {
	"#DE", "#DB", "NMI", "#BP", "#OF", "#BR", "#UD", "#NM",
	"#DF", "CSO", "#TS", "#NP", "#SS", "#GP", "#PF", "15",
	"#MF", "#AC", "#MC", "#XM", "#VE", "#CP", "22", "23",
	"24", "25", "26", "27", "#HV", "#VC", "#SX", "31",
};

void idt_load(void)
{
	struct {
		uint16_t limit;
		uint64_t base;
	} __attribute__((packed)) d = { sizeof(idt) - 1, (uintptr_t)idt };

	asm volatile("lidt %0" : : "m"(d));
}

void idt_init(void)
{
	unsigned int v;

	for (v = 0; v < 256; v++) {
		uint64_t a = (uintptr_t)trap_stubs + 16 * v;

		idt[v].off_lo = a & 0xffff;
		idt[v].sel = GDT_CS64;
		idt[v].type = GATE_INTR;
		idt[v].off_mid = (a >> 16) & 0xffff;
		idt[v].off_hi = a >> 32;
	}
	idt_load();
}

void idt_set_handler(unsigned int vector, trap_handler_t fn)
{
	handlers[vector & 0xff] = fn;
}

static bool fixup(struct trap_frame *f)
{
	const struct extable *e;

	for (e = __ex_table_start; e < __ex_table_end; e++) {
		if (e->insn == f->rip) {
			f->rip = e->fixup;
			return true;
		}
	}
	return false;
}

/*
 * serial=1 is for booting under plain QEMU: there VMMCALL raises #UD,
 * and answering -ENOSYS lets the guest run on and exercise the rest.
 * Never done otherwise: under xenlate a #UD there is a bug to see.
 */
static bool emulate_no_hypervisor(struct trap_frame *f)
{
	static const char note[] =
		"[serial=1: VMMCALL raised #UD: no hypervisor, "
		"hypercalls return -ENOSYS]\n";
	static bool noted;
	const uint8_t *insn = (const uint8_t *)f->rip;

	if (!serial_debug || f->vector != VEC_UD ||
	    insn[0] != 0x0f || insn[1] != 0x01 || insn[2] != 0xd9)
		return false;
	if (!noted) {
		noted = true;
		/* the console lock may be held: write the UART directly */
		serial_write(note, sizeof(note) - 1);
	}
	f->rax = (uint64_t)-XEN_ENOSYS;
	f->rip += 3;
	return true;
}

void trap_dispatch(struct trap_frame *f)
{
	unsigned int v = f->vector;
	char line[160];
	int n;

	if (handlers[v]) {
		handlers[v](f);
		return;
	}
	if (fixup(f) || emulate_no_hypervisor(f))
		return;

	/* A fault while reporting a fault: say so on COM1 if we can. */
	if (__atomic_fetch_add(&trap_depth, 1, __ATOMIC_SEQ_CST)) {
		n = snprintf(line, sizeof(line),
			     "nested trap: vector %u at rip %lx\n", v,
			     f->rip);
		serial_write(line, n);
		halt_forever();
	}
	console_break_lock();
	if (v == VEC_PF)
		fail("exception %u %s at rip %lx error %lx cr2 %lx", v,
		     v < 32 ? names[v] : "irq", f->rip, f->error, read_cr2());
	fail("exception %u %s at rip %lx error %lx rsp %lx", v,
	     v < 32 ? names[v] : "irq", f->rip, f->error, f->rsp);
}
