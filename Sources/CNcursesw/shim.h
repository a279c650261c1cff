#ifndef SWITCHBOARD_CNCURSESW_SHIM_H
#define SWITCHBOARD_CNCURSESW_SHIM_H
// SwiftPM drops pkg-config's -D_XOPEN_SOURCE=600; without a wide-character define the cchar_t API is missing.
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <ncursesw/curses.h>
#include <term.h>

// Swift 6 rejects these C globals as shared mutable state, and cannot import function-like macros.
static inline WINDOW *sb_stdscr(void) { return stdscr; }
static inline int sb_lines(void) { return LINES; }
static inline int sb_cols(void) { return COLS; }
static inline int sb_colors(void) { return COLORS; }
static inline int sb_color_pairs(void) { return COLOR_PAIRS; }
static inline void sb_set_escdelay(int ms) { set_escdelay(ms); }
static inline attr_t sb_a_bold(void) { return A_BOLD; }
static inline attr_t sb_a_reverse(void) { return A_REVERSE; }
static inline attr_t sb_a_underline(void) { return A_UNDERLINE; }
static inline attr_t sb_a_dim(void) { return A_DIM; }
static inline attr_t sb_a_normal(void) { return A_NORMAL; }
static inline int sb_key_f(int n) { return KEY_F(n); }
static inline mmask_t sb_all_mouse_events(void) { return ALL_MOUSE_EVENTS; }
static inline mmask_t sb_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t sb_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t sb_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t sb_button5_pressed(void) { return BUTTON5_PRESSED; }
static inline int sb_add_wide_char(WINDOW *w, int y, int x, wchar_t ch, attr_t attrs, int pair) {
    cchar_t c;
    wchar_t s[2] = { ch, 0 };
    if (setcchar(&c, s, attrs, 0, &pair) != OK) return ERR;
    return mvwadd_wch(w, y, x, &c);
}
#endif
