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

// ---- Dashboard additions -------------------------------------------------------------------------------------------
// (Swift 6 rejects glibc's stdin/stdout globals; function-like checks on terminfo; async-signal-safe handlers.)
#include <errno.h>
#include <langinfo.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static inline FILE *sb_stdout(void) { return stdout; }
static inline FILE *sb_stdin(void) { return stdin; }
static inline int sb_key_code_yes(void) { return KEY_CODE_YES; }
static inline mmask_t sb_button1_released(void) { return BUTTON1_RELEASED; }

/// Whether the current terminal can address the cursor (TERM=dumb cannot). Call after newterm/setupterm.
static inline int sb_has_cup(void) {
    char *s = tigetstr("cup");
    return s != 0 && s != (char *)-1;
}

/// Whether the locale's character set is UTF-8 (call after setlocale).
static inline int sb_locale_is_utf8(void) {
    const char *cs = nl_langinfo(CODESET);
    return cs != 0 && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
}

// Signal handling. The state lives in function-local statics (Swift's importer does not emit header globals), so
// every call must come from one Swift file (Dashboard/Terminal/Signals.swift): each file gets its own copy.
static inline int *sb_signal_pipe_fd(void) { static int fd = -1; return &fd; }
static inline volatile sig_atomic_t *sb_last_signal(void) { static volatile sig_atomic_t s = 0; return &s; }
static inline struct sigaction *sb_saved_actions(void) { static struct sigaction saved[65]; return saved; }

static inline void sb_on_quit_signal(int sig) {
    int saved = errno;
    *sb_last_signal() = sig;
    if (*sb_signal_pipe_fd() >= 0) {
        char c = 's';
        ssize_t ignored = write(*sb_signal_pipe_fd(), &c, 1);
        (void)ignored;
    }
    errno = saved;
}

/// SIGINT, SIGTERM and SIGHUP write a byte to `fd` (the UI's wake-up pipe) and are remembered for sb_take_signal.
static inline void sb_install_quit_signals(int fd) {
    *sb_signal_pipe_fd() = fd;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = sb_on_quit_signal;
    sigemptyset(&sa.sa_mask);
    int sigs[] = { SIGINT, SIGTERM, SIGHUP };
    for (int i = 0; i < 3; i++) {
        sigaction(sigs[i], 0, &sb_saved_actions()[sigs[i]]);
        sigaction(sigs[i], &sa, 0);
    }
}

static inline void sb_restore_quit_signals(void) {
    int sigs[] = { SIGINT, SIGTERM, SIGHUP };
    for (int i = 0; i < 3; i++) sigaction(sigs[i], &sb_saved_actions()[sigs[i]], 0);
    *sb_signal_pipe_fd() = -1;
}

static inline int sb_take_signal(void) {
    int s = *sb_last_signal();
    *sb_last_signal() = 0;
    return s;
}

/// Crashes: restore the terminal first, then hand the signal to whoever had it before (Swift's backtracer).
static inline void sb_on_fatal_signal(int sig, siginfo_t *info, void *context) {
    (void)context;
    endwin();
    sigaction(sig, &sb_saved_actions()[sig], 0);
    // A fault re-executes its instruction when the handler returns, and so reaches the previous handler with its
    // real context; a sent signal (kill, abort) has to be raised again.
    if (info == 0 || info->si_code <= 0) {
        sigset_t set;
        sigemptyset(&set);
        sigaddset(&set, sig);
        pthread_sigmask(SIG_UNBLOCK, &set, 0);
        raise(sig);            // the previous handler runs now
        signal(sig, SIG_DFL);  // and if it returns, the signal's default action ends the process
        raise(sig);
    }
}

static inline void sb_install_fatal_signals(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = sb_on_fatal_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_SIGINFO | SA_RESETHAND;
    int sigs[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP };
    for (int i = 0; i < 6; i++) {
        sigaction(sigs[i], 0, &sb_saved_actions()[sigs[i]]);
        sigaction(sigs[i], &sa, 0);
    }
}

static inline void sb_restore_fatal_signals(void) {
    int sigs[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP };
    for (int i = 0; i < 6; i++) sigaction(sigs[i], &sb_saved_actions()[sigs[i]], 0);
}
#endif
