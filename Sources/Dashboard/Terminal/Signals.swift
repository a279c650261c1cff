import CNcursesw

/// The process's signal handling while the dashboard owns the terminal. All calls into the shim's signal functions
/// live in this file (their state is file-local C statics).
enum Signals {
    /// SIGINT/SIGTERM/SIGHUP wake the UI through `pipeFD`; crashes restore the terminal before the backtracer runs.
    static func install(pipeFD: Int32) {
        sb_install_quit_signals(pipeFD)
        sb_install_fatal_signals()
    }

    static func restore() {
        sb_restore_fatal_signals()
        sb_restore_quit_signals()
    }

    /// The quit signal received since the last call, or 0.
    static func take() -> Int32 { sb_take_signal() }
}
