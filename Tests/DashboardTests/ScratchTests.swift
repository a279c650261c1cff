import Testing
@testable import Dashboard

@Test func scratchRender() throws {
    let sim = TestSupport.demoSimulator()
    for v in ["svc", "po", "ep", "ing", "deploy", "no", "ev", "ns", "help"] {
        print(try Renderer.render(view: v, state: sim.snapshot, size: (120, 40), color: false, theme: nil, namespace: nil, epoch: sim.config.epoch))
    }
    print(try Renderer.render(view: "svc", state: sim.snapshot, size: (80, 24), color: false, theme: nil))
    print(try Renderer.render(view: "ep", state: sim.snapshot, size: (80, 24), color: false, theme: nil))
}
