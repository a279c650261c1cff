import Foundation
import Testing

/// `switchboard render`: the header's context name, describe/yaml pages of one object, the topology, bad input.
@Suite struct RenderCommandTests {
    func header(_ stdout: String) -> String { stdout.split(separator: "\n").first.map(String.init) ?? "" }

    @Test func headerNamesTheDemoClusterOrTheManifestPath() throws {
        let demo = try CLI.run(["render", "svc", "--size", "80x24"])
        #expect(demo.status == 0, "\(demo.stderr)")
        #expect(header(demo.stdout).hasPrefix(" demo-cluster "))
        let file = try CLI.run(["render", "svc", "--size", "80x24", "-f", "demo-cluster/00-nodes.yaml"])
        #expect(header(file.stdout).hasPrefix(" 00-nodes.yaml "), "\(file.stdout)")
        let dir = try CLI.run(["render", "svc", "--size", "80x24", "-f", "demo-cluster/"])
        #expect(header(dir.stdout).hasPrefix(" demo-cluster "), "\(dir.stdout)")
        let stdin = try CLI.run(["render", "svc", "--size", "80x24", "-f", "-"],
                                stdin: "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: x\n")
        #expect(header(stdin.stdout).hasPrefix(" stdin "), "\(stdin.stdout)")
        let two = try CLI.run(["render", "svc", "--size", "80x24", "-f", "demo-cluster/00-nodes.yaml",
                               "-f", "demo-cluster/01-namespaces.yaml"])
        #expect(header(two.stdout).hasPrefix(" 00-nodes.yaml +1 "), "\(two.stdout)")
    }

    @Test func describeAndYamlRenderOneObject() throws {
        let d = try CLI.run(["render", "describe", "svc/api", "-n", "shop", "--size", "100x40"])
        #expect(d.status == 0, "\(d.stderr)")
        #expect(d.stdout.contains("Describe(shop/api)"))
        #expect(d.stdout.contains("ClusterIP Service: pods reach it at 10.96.0.5:80"))
        #expect(d.stdout.contains("Selector:") && d.stdout.contains("Events:"))
        let y = try CLI.run(["render", "yaml", "deploy/frontend", "-n", "shop", "--size", "100x40"])
        #expect(y.status == 0, "\(y.stderr)")
        #expect(y.stdout.contains("YAML(shop/frontend)") && y.stdout.contains("kind: Deployment"))
        let node = try CLI.run(["render", "describe", "node/node-2", "--size", "160x90"])
        #expect(node.stdout.contains("Describe(node-2)") && node.stdout.contains("Non-terminated Pods:"))
    }

    @Test func trafficRendersTheCountersOfTheLoadGivenWithE() throws {
        let r = try CLI.run(["render", "traffic", "-n", "shop", "--size", "120x12", "-e",
                             "load http://shop.example.com/api --rps 50", "-e", "advance 20s"])
        #expect(r.status == 0, "\(r.stderr)")
        let api = r.stdout.split(separator: "\n").first { $0.contains("Service api ") }.map(String.init) ?? ""
        #expect(api.contains(" 50.0 ") && api.contains(" 1000 ") && api.contains("100.0%"), "\(r.stdout)")
        #expect(r.stdout.contains("└─ api-"), "\(r.stdout)")
        let idle = try CLI.run(["render", "traffic", "--size", "120x12"])
        #expect(idle.stdout.contains("No load is running. Start one from the prompt, e.g. :load http://shop.example.com/api --rps 50"),
                "\(idle.stdout)")
    }

    @Test func topologyRendersTheTree() throws {
        let r = try CLI.run(["render", "xray", "-n", "blog", "--size", "100x30"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Topology(blog)"))
        #expect(r.stdout.contains("Internet") && r.stdout.contains("└─ Ingress blog"))
    }

    @Test(arguments: [
        (["render", "describe"], "error: render describe needs an object: KIND/NAME, e.g. render describe svc/api -n shop"),
        (["render", "describe", "svc"], "error: invalid object \"svc\": expected KIND/NAME, e.g. svc/api"),
        (["render", "describe", "svc/"], "error: invalid object \"svc/\": expected KIND/NAME, e.g. svc/api"),
        (["render", "yaml", "svc/a/b"], "error: invalid object \"svc/a/b\": expected KIND/NAME, e.g. svc/api"),
        (["render", "describe", "widgets/x"], "error: the server doesn't have a resource type \"widgets\""),
        (["render", "describe", "svc/nope", "-n", "shop"], "error: services \"nope\" not found in namespace shop"),
        (["render", "describe", "node/nope"], "error: nodes \"nope\" not found"),
        (["render", "svc", "svc/api"], "error: unexpected argument \"svc/api\": only describe and yaml take an object"),
    ])
    func badObjectsAreOneLineErrors(args: [String], message: String) throws {
        let r = try CLI.run(args)
        #expect(r.status == 1)
        #expect(r.stderr == message + "\n", "\(r.stderr)")
        #expect(r.stdout.isEmpty)
    }
}
