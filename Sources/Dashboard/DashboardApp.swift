import ClusterStore
import CNcursesw
import Foundation
import KubeModel
import Simulation

/// The interactive dashboard: the simulator on a background thread, ncurses on this one.
public enum DashboardApp {
    /// Runs until the user quits (`q`, `:q`, SIGINT/SIGTERM/SIGHUP). Returns the exit code: 0, or 1 when there is no
    /// usable terminal (after printing why and what to use instead). The terminal is restored in every case.
    public static func run(simulator: Simulator, options: DashboardOptions) throws -> Int32 {
        let environment = ProcessInfo.processInfo.environment
        if let problem = TerminalCheck.problem(environment: environment) {
            FileHandle.standardError.write(Data("switchboard: \(problem)\n".utf8))
            return 1
        }
        let ui = try initialState(epoch: simulator.config.epoch, options: options)
        let pipe = try WakePipe()
        let runner = SimulationRunner(simulator: simulator, paused: options.paused, speed: ui.speed, pipe: pipe,
                                      onAction: options.onAction, recorder: options.recorder)
        return run(source: runner, ui: ui, pipe: pipe, options: options, timeline: nil)
    }

    /// The dashboard over a recording: every view, a timeline bar, play/pause/seek keys, and `b` to branch into a
    /// live simulation from the moment on screen.
    public static func run(replay timeline: ReplayTimeline, options: DashboardOptions) throws -> Int32 {
        if let problem = TerminalCheck.problem(environment: ProcessInfo.processInfo.environment) {
            FileHandle.standardError.write(Data("switchboard: \(problem)\n".utf8))
            return 1
        }
        var ui = try initialState(epoch: SimulationConfig().epoch, options: options)
        let pipe = try WakePipe()
        let runner = ReplayRunner(timeline: timeline, playing: !options.paused, speed: ui.speed, pipe: pipe)
        ui.timeline = runner.take().timeline
        ui.flash = Flash("replay: space play/pause, ←/→ actions, [/] ±10s, 0/$ start/end, :goto 1m30s, b branch")
        return run(source: runner, ui: ui, pipe: pipe, options: options, timeline: timeline)
    }

    private static func run(source: ClusterSource, ui initial: UIState, pipe: WakePipe, options: DashboardOptions,
                            timeline: ReplayTimeline?) -> Int32 {
        var ui = initial
        let environment = ProcessInfo.processInfo.environment
        let color = !Themes.colorDisabled(environment: environment)
        let theme = options.theme ?? Themes.standard
        setlocale(LC_ALL, "")
        let utf8 = sb_locale_is_utf8() != 0
        Signals.install(pipeFD: pipe.writeFD)
        defer { Signals.restore() }
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal(theme: theme, color: color, utf8: utf8)
        } catch {
            FileHandle.standardError.write(Data("switchboard: \(error)\n".utf8))
            return 1
        }
        defer { terminal.end() }
        source.start()
        var loop = EventLoop(terminal: terminal, source: source, pipe: pipe, glyphs: utf8 ? .unicode : .ascii,
                             timeline: timeline, options: options)
        loop.run(&ui)
        loop.source.shutdown()
        return 0
    }

    static func initialState(epoch: Timestamp, options: DashboardOptions) throws -> UIState {
        var view = ViewKind.services
        if let name = options.view {
            guard let kind = ViewKind.named(name) else {
                throw DashboardError("unknown view \"\(name)\"; views: \(ViewKind.allCases.map { $0.names[0] }.joined(separator: ", "))")
            }
            view = kind
        }
        var ui = UIState(view: view, namespace: options.namespace)
        ui.speed = UIState.speeds.min { abs($0 - options.speed) < abs($1 - options.speed) } ?? 1
        ui.paused = options.paused
        ui.recording = options.recording
        ui.contextName = options.contextName
        ui.epoch = epoch
        return ui
    }
}

/// The UI thread's loop: wait on stdin and the wake-up pipe, apply keys, draw.
struct EventLoop {
    let terminal: CursesTerminal
    var source: ClusterSource
    let pipe: WakePipe
    let glyphs: Glyphs
    /// The recording being replayed, until `b` branches away from it.
    var timeline: ReplayTimeline?
    let options: DashboardOptions
    /// How long a flash message stays, in wall-clock seconds.
    static let flashSeconds = 4.0

    mutating func run(_ ui: inout UIState) {
        var published = source.take()
        var state = published.state
        ui.traffic = published.traffic
        var geometry = Geometry(cols: terminal.size.cols, rows: terminal.size.rows)
        var flashShown: Flash?
        var flashDeadline: UInt64 = 0
        var dirty = true
        var fds = [pollfd(fd: 0, events: Int16(POLLIN), revents: 0),
                   pollfd(fd: pipe.readFD, events: Int16(POLLIN), revents: 0)]
        while true {
            if dirty {
                geometry = draw(&ui, state: state)
                dirty = false
            }
            if ui.flash != flashShown {
                flashShown = ui.flash
                flashDeadline = DispatchTime.now().uptimeNanoseconds + UInt64(Self.flashSeconds * 1e9)
            }
            var timeout: Int32 = -1
            if ui.flash != nil {
                let now = DispatchTime.now().uptimeNanoseconds
                timeout = flashDeadline > now ? Int32((flashDeadline - now) / 1_000_000) + 1 : 0
            }
            for i in fds.indices { fds[i].revents = 0 }
            let ready = poll(&fds, nfds_t(fds.count), timeout)
            if Signals.take() != 0 { return }
            if ready < 0, errno != EINTR { return }

            if fds[1].revents & Int16(POLLIN) != 0 {
                pipe.drain()
                let next = source.take()
                if next.generation != published.generation {
                    published = next
                    state = next.state
                    ui.recording = next.recording
                    ui.traffic = next.traffic
                    if let trace = next.trace { ui.show(trace) }
                    if let t = next.timeline {
                        ui.timeline = t
                        ui.paused = !t.playing
                        ui.speed = t.speed
                    }
                    if let message = next.messages.last { ui.flash = message }
                    dirty = true
                }
            }
            // Keys (also after EINTR: a resize arrives as KEY_RESIZE).
            for key in terminal.readKeys() {
                dirty = true
                var key = key
                switch key {
                case .resize:
                    terminal.invalidate()
                    continue
                case .click(let x, let y):
                    key = .click(x: x, y: y - geometry.bodyY)
                default: break
                }
                for effect in ui.handle(key, state: state, bodyHeight: geometry.bodyHeight, glyphs: glyphs,
                                        cols: geometry.cols) {
                    switch effect {
                    case .quit: return
                    case .perform(let action): source.send(.perform(action))
                    case .setPaused(let p): source.send(.setPaused(p))
                    case .setSpeed(let s): source.send(.setSpeed(s))
                    case .seek(let target): source.send(.seek(target))
                    case .toggleRecording: source.send(.toggleRecording)
                    case .trace(let url): source.send(.trace(url))
                    case .branch:
                        if branch(&ui, at: published.elapsedMs) {
                            published = source.take()
                            state = published.state
                            ui.traffic = published.traffic
                        }
                    }
                }
            }
            if ui.flash != nil, ui.flash == flashShown, DispatchTime.now().uptimeNanoseconds >= flashDeadline {
                ui.flash = nil
                flashShown = nil
                dirty = true
            }
        }
    }

    /// `b` in a replay: a live simulator at the moment on screen replaces the replay. Returns whether it did.
    private mutating func branch(_ ui: inout UIState, at atMs: Int64) -> Bool {
        guard let timeline else {
            ui.flash = Flash("b branches from a replay; this is already a live simulation", level: .error)
            return false
        }
        let simulator: Simulator
        do { simulator = try timeline.branch(atMs: atMs) } catch {
            ui.flash = Flash("cannot branch: \(error)", level: .error)
            return false
        }
        source.shutdown()
        let runner = SimulationRunner(simulator: simulator, paused: false, speed: ui.speed, pipe: pipe,
                                      onAction: options.onAction)
        runner.start()
        source = runner
        self.timeline = nil
        let at = VirtualDuration.format(max(0, atMs - timeline.startMs))
        ui.timeline = nil
        ui.paused = false
        ui.contextName = "branch@\(at)"
        ui.flash = Flash("branched at \(at): a live simulation (the recording is unchanged)")
        return true
    }

    /// Renders and draws a frame, and keeps the page's cursor where it was drawn.
    private func draw(_ ui: inout UIState, state: ClusterState) -> Geometry {
        let size = terminal.size
        let (all, data) = PageData.build(state: state, ui: ui, page: ui.page, glyphs: glyphs)
        let view = ChangeTracker.pageKey(ui)
        if all.keyed != nil {
            // Only the rows on screen are formatted, so only they are compared.
            let bodyHeight = Geometry(cols: size.cols, rows: size.rows).bodyHeight
            let (_, top) = PageData.resolve(ui.page, data: data, bodyHeight: bodyHeight)
            // A new sort order brings rows into view that are not new, like scrolling does.
            let sort = ui.page.sort.map { "\($0.column)\($0.ascending)" } ?? ""
            ui.changes.observe(view: view, columns: all.columns, visible: data.window(top: top, height: bodyHeight),
                               window: "\(top)|\(bodyHeight)|\(ui.page.filter)|\(sort)", nowMs: state.now.milliseconds)
        } else {
            ui.changes.observe(view: view, table: all, nowMs: state.now.milliseconds)
        }
        let rendered = Screen.render(state: state, ui: ui, cols: size.cols, rows: size.rows, glyphs: glyphs,
                                     suggestion: Completion.suggestion(for: ui, state: state), data: data)
        if let index = rendered.selectedIndex {
            ui.page.selectedIndex = index
            ui.page.selectedKey = rendered.data.key(at: index)
        }
        ui.page.top = rendered.top
        terminal.draw(rendered.frame)
        return rendered.geometry
    }
}
