// SPDX-License-Identifier: GPL-2.0
/*
 * The live screen: ncurses drawing and keys.  The header and the column
 * titles stay at the top, the domains below scroll with Up and Down.
 */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "conn.h"
#include "screen.h"
#include "sort.h"
#include "view.h"

#define XT_KEY_ESC	27
#define XT_MAX_LINES	4096

struct xt_screen {
	struct xt_opts o;	/* the keys change a copy */
	struct xt_conn k;
	enum xt_col sort;
	int scroll;
	bool connected;
	char note[128];		/* a message on the bottom line */
	/* The lines of the last render: header, titles, then the body. */
	char *line[XT_MAX_LINES];
	enum xt_line kind[XT_MAX_LINES];
	int nr;
};

static uint64_t xt_mono_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void xt_collect(void *arg, enum xt_line kind, const char *text)
{
	struct xt_screen *s = arg;

	if (s->nr == XT_MAX_LINES)
		return;
	s->kind[s->nr] = kind;
	s->line[s->nr] = strdup(text);
	if (s->line[s->nr])
		s->nr++;
}

static void xt_lines_free(struct xt_screen *s)
{
	while (s->nr)
		free(s->line[--s->nr]);
}

static void xt_put_line(int y, const char *text, int attr)
{
	if (y >= LINES)
		return;
	attron(attr);
	mvaddnstr(y, 0, text, COLS);
	attroff(attr);
}

/* The header and first titles stay put; the rest starts at @s->scroll. */
static void xt_draw_lines(struct xt_screen *s)
{
	int y = 0, i, body = 0, shown = 0, scrollable = 0;

	/* Down stops at the last line, however many fewer there are now. */
	for (i = 0; i < s->nr; i++)
		scrollable += s->kind[i] != XT_LINE_HEADER;
	if (s->scroll > scrollable - 2)
		s->scroll = scrollable > 2 ? scrollable - 2 : 0;
	for (i = 0; i < s->nr; i++) {
		bool fixed = s->kind[i] == XT_LINE_HEADER ||
			     (s->kind[i] == XT_LINE_TITLES && !body++);

		if (!fixed && shown++ < s->scroll)
			continue;
		xt_put_line(y++, s->line[i],
			    s->kind[i] == XT_LINE_TITLES ? A_REVERSE : 0);
	}
}

static void xt_draw(struct xt_screen *s)
{
	struct xt_render r = {
		.o = &s->o, .sort = s->sort, .width = COLS, .hist = true,
	};
	char msg[320];

	erase();
	if (!s->connected) {
		snprintf(msg, sizeof(msg), "xentop: %s; trying again every "
			 "%.1f s (Q quits)", s->k.err, s->o.delay);
		xt_put_line(0, msg, A_BOLD);
	} else {
		xt_lines_free(s);
		xt_render(&r, &s->k.cur, xt_collect, s);
		xt_draw_lines(s);
	}
	if (s->note[0])
		xt_put_line(LINES - 1, s->note, A_BOLD);
	refresh();
}

/* D: a new delay, typed on the bottom line. */
static void xt_prompt_delay(struct xt_screen *s)
{
	char buf[32] = "";
	double d;

	echo();
	curs_set(1);
	timeout(-1);
	move(LINES - 1, 0);
	clrtoeol();
	printw("Delay(sec) [%.1f]: ", s->o.delay);
	getnstr(buf, sizeof(buf) - 1);
	noecho();
	curs_set(0);
	if (!buf[0])
		return;
	d = xt_parse_delay(buf);
	if (d < 0)
		snprintf(s->note, sizeof(s->note),
			 "'%.20s' is not a delay of 0.1 to 86400 seconds", buf);
	else
		s->o.delay = d;
}

/* Returns false to quit. */
static bool xt_key(struct xt_screen *s, int ch)
{
	struct xt_view v;

	s->note[0] = '\0';
	switch (ch) {
	case 'q':
	case 'Q':
	case XT_KEY_ESC:
		return false;
	case 'd':
	case 'D':
		xt_prompt_delay(s);
		break;
	case 'n':
	case 'N':
		s->o.networks = !s->o.networks;
		break;
	case 'b':
	case 'B':
		s->o.vbds = !s->o.vbds;
		break;
	case 'v':
	case 'V':
		s->o.vcpus = !s->o.vcpus;
		break;
	case 'r':
	case 'R':
		s->o.repeat_header = !s->o.repeat_header;
		break;
	case 'a':
	case 'A':
		s->o.usage = !s->o.usage;
		s->sort = XT_COL_NAME;	/* the old column may not be here */
		break;
	case 's':
	case 'S':
		xt_view_init(&v, s->o.usage, true);
		s->sort = xt_sort_next(&v, s->sort);
		snprintf(s->note, sizeof(s->note), "sorted by %s",
			 xt_col_title(s->sort));
		break;
	case KEY_UP:
		if (s->scroll > 0)
			s->scroll--;
		break;
	case KEY_DOWN:
		s->scroll++;	/* the drawing keeps it in range */
		break;
	}
	return true;
}

static void xt_tick(struct xt_screen *s)
{
	s->connected = !xt_refresh(&s->k);
}

int xt_screen(const struct xt_opts *o)
{
	static struct xt_screen s;
	uint64_t next;
	int ch;

	s.o = *o;
	s.sort = XT_COL_NAME;
	/* Not loaded, no permission: one line, before taking the screen. */
	if (xt_refresh(&s.k)) {
		fprintf(stderr, "xentop: %s\n", s.k.err);
		xt_conn_close(&s.k);
		return 1;
	}
	s.connected = true;
	if (!initscr()) {
		fprintf(stderr, "xentop: cannot use this terminal\n");
		return 1;
	}
	cbreak();
	noecho();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	curs_set(0);
	next = xt_mono_ms() + (uint64_t)(s.o.delay * 1000);
	for (;;) {
		uint64_t now = xt_mono_ms();

		if (now >= next) {
			xt_tick(&s);
			next = now + (uint64_t)(s.o.delay * 1000);
		}
		xt_draw(&s);
		timeout((int)(next - now < 1 ? 1 : next - now));
		ch = getch();
		/* KEY_RESIZE: ncurses has the new size; the redraw uses it. */
		if (ch != ERR && ch != KEY_RESIZE && !xt_key(&s, ch))
			break;
	}
	endwin();
	xt_lines_free(&s);
	xt_conn_close(&s.k);
	return 0;
}
