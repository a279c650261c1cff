import Foundation
import Testing

@Suite("switchboard trace")
struct TraceCLITests {
    /// `<repo>/../shared/fixtures/real-world/online-boutique.yaml`, found as the Manifests tests find fixtures.
    static let boutique: URL = CLI.repo.resolvingSymlinksInPath().deletingLastPathComponent()
        .appendingPathComponent("shared/fixtures/real-world/online-boutique.yaml")

    static func json(_ args: [String]) throws -> [String: Any] {
        let r = try CLI.run(args)
        #expect(r.status == 0, "\(r.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    }

    static func hops(_ trace: [String: Any]) throws -> [[String: Any]] { try #require(trace["hops"] as? [[String: Any]]) }

    @Test("A host name on the demo cluster: the hop line from client to pod, then the status")
    func demoIngressText() throws {
        let r = try CLI.run(["trace", "http://shop.example.com/api"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines[0].hasPrefix("client → Ingress shop/shop (shop.example.com /api Prefix) → Service shop/api:80 → EndpointSlice api-"))
        #expect(lines[0].contains("→ Pod api-"))
        #expect(lines[0].range(of: #"Pod api-[a-z0-9]+-[a-z0-9]{5} 10\.244\.\d+\.\d+:8080 \(node-\d\)$"#, options: .regularExpression) != nil,
                "\(lines[0])")
        #expect(lines[1].hasPrefix("200: "))
    }

    @Test("-o json has DESIGN's shape: request, status, outcome, reason, hops")
    func demoIngressJSON() throws {
        let t = try Self.json(["trace", "http://shop.example.com/api/cart/42", "-o", "json", "-X", "post"])
        let request = try #require(t["request"] as? [String: Any])
        #expect(request["method"] as? String == "POST")
        #expect(request["url"] as? String == "http://shop.example.com/api/cart/42")
        #expect(request["host"] as? String == "shop.example.com")
        #expect(request["path"] as? String == "/api/cart/42")
        #expect(t["status"] as? Int == 200)
        #expect(t["outcome"] as? String == "delivered")
        #expect((t["reason"] as? String)?.isEmpty == false)
        let hops = try Self.hops(t)
        #expect(hops.map { $0["kind"] as? String } == ["Ingress", "Service", "EndpointSlice", "Pod"])
        #expect(hops[0]["namespace"] as? String == "shop")
        #expect(hops[0]["name"] as? String == "shop")
        let rule = try #require(hops[0]["rule"] as? [String: Any])
        #expect(rule["host"] as? String == "shop.example.com")
        #expect(rule["path"] as? String == "/api/cart")
        #expect(rule["pathType"] as? String == "Prefix")
        #expect(hops[1]["name"] as? String == "cart")
        #expect(hops[1]["port"] as? Int == 80)
        #expect(hops[3]["port"] as? Int == 8080)
        #expect((hops[3]["ip"] as? String)?.hasPrefix("10.244.") == true)
        #expect((hops[3]["node"] as? String)?.hasPrefix("node-") == true)
    }

    @Test("A ClusterIP on the demo cluster goes through that Service")
    func demoClusterIP() throws {
        let svc = try Self.json(["get", "svc", "api", "-n", "shop", "-o", "json"])
        let ip = try #require((svc["spec"] as? [String: Any])?["clusterIP"] as? String)
        let t = try Self.json(["trace", "http://\(ip)/", "-o", "json"])
        #expect(t["status"] as? Int == 200)
        let hops = try Self.hops(t)
        #expect(hops.first?["kind"] as? String == "Service")
        #expect(hops.first?["name"] as? String == "api")
        #expect((hops.last?["name"] as? String)?.hasPrefix("api-") == true)
    }

    @Test("The blog's NodePort 30080 on a node's InternalIP reaches a ghost pod")
    func demoNodePort() throws {
        let nodes = try Self.json(["get", "nodes", "-o", "json"])
        let node = try #require((nodes["items"] as? [[String: Any]])?.first)
        let addresses = try #require((node["status"] as? [String: Any])?["addresses"] as? [[String: Any]])
        let ip = try #require(addresses.first { $0["type"] as? String == "InternalIP" }?["address"] as? String)
        let t = try Self.json(["trace", "http://\(ip):30080/ghost", "-o", "json"])
        #expect(t["status"] as? Int == 200)
        let hops = try Self.hops(t)
        #expect(hops.first?["kind"] as? String == "Node")
        #expect(hops.first?["nodePort"] as? Int == 30080)
        #expect(hops[1]["name"] as? String == "ghost-admin")
        #expect((hops.last?["name"] as? String)?.hasPrefix("ghost-") == true)
    }

    @Test("online-boutique: the frontend-external LoadBalancer address reaches a frontend pod")
    func boutiqueLoadBalancer() throws {
        let path = Self.boutique.path
        try #require(FileManager.default.fileExists(atPath: path), "fixture missing at \(path)")
        let svc = try Self.json(["get", "svc", "frontend-external", "-f", path, "-o", "json"])
        let lb = try #require(((svc["status"] as? [String: Any])?["loadBalancer"] as? [String: Any])?["ingress"] as? [[String: Any]])
        let ip = try #require(lb.first?["ip"] as? String)
        let t = try Self.json(["trace", "http://\(ip)/", "-f", path, "-o", "json"])
        #expect(t["status"] as? Int == 200, "\(t["reason"] ?? "")")
        let hops = try Self.hops(t)
        #expect(hops.first?["kind"] as? String == "LoadBalancer")
        #expect(hops[1]["name"] as? String == "frontend-external")
        #expect(hops.last?["kind"] as? String == "Pod")
        #expect((hops.last?["name"] as? String)?.hasPrefix("frontend-") == true)
    }

    @Test("--requests N prints a summary of statuses and pods")
    func requestsSummary() throws {
        let t = try Self.json(["trace", "http://shop.example.com/api", "--requests", "300", "-o", "json"])
        #expect(t["requests"] as? Int == 300)
        #expect(t["status"] as? [String: Int] == ["200": 300])
        let pods = try #require(t["pods"] as? [String: Int])
        #expect(pods.count == 3, "the ingress controller spreads over api's three pods")
        #expect(pods.values.reduce(0, +) == 300)
    }

    @Test("Failures are explained, and the exit code is still 0: 404 for an unknown host, 503 after a scale to zero")
    func failuresExplained() throws {
        let r = try CLI.run(["trace", "http://foo.com/", "-e", "delete ingress/fallback -n ingress-nginx"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "client\n404: no Ingress rule for host foo.com and no default backend: 404\n")
        let scaled = try CLI.run(["trace", "http://shop.example.com/api/cart", "-e", "scale deployment/cart --replicas=0 -n shop",
                                  "-e", "advance 60s"])
        #expect(scaled.status == 0, "\(scaled.stderr)")
        #expect(scaled.stdout.contains("503: Service shop/cart has 0 ready endpoints: 503"))
    }

    @Test("A killed pod still gets requests until kube-proxy catches up")
    func killedPodLag() throws {
        let pods = try Self.json(["get", "pods", "-n", "shop", "-l", "app.kubernetes.io/name=cart", "-o", "json"])
        let names = try #require(pods["items"] as? [[String: Any]]).compactMap { ($0["metadata"] as? [String: Any])?["name"] as? String }
        try #require(names.count == 2)
        let kill = names.map { ["-e", "kill pod/\($0) -n shop"] }.flatMap { $0 }
        let t = try Self.json(["trace", "http://cart.shop/", "-o", "json"] + kill)
        #expect(t["outcome"] as? String == "connection-failed", "\(t["reason"] ?? "")")
        let later = try Self.json(["trace", "http://cart.shop/", "-o", "json"] + kill + ["-e", "advance 1s"])
        #expect(later["outcome"] as? String == "no-endpoints", "\(later["reason"] ?? "")")
    }

    @Test("Bad input: one clear line on stderr, exit 1")
    func badInput() throws {
        let cases: [([String], String)] = [
            (["trace", "ftp://shop.example.com/"], "error: unknown scheme \"ftp\" in \"ftp://shop.example.com/\": use http or https\n"),
            (["trace", "http://shop.example.com:70000/"], "error: port 70000 out of range in \"http://shop.example.com:70000/\": ports are 1 to 65535\n"),
            (["trace", "http://"], "error: malformed URL \"http://\": no host\n"),
            (["trace", "http://shop.example.com/", "-H", "Host shop"], "error: header \"Host shop\" has no colon: write it as 'Name: value'\n"),
            (["trace", "http://shop.example.com/", "--requests", "0"], "error: --requests must be between 1 and 1000000, not 0\n"),
            (["trace", "http://shop.example.com/", "--requests", "1000000000"], "error: --requests must be between 1 and 1000000, not 1000000000\n"),
            (["trace", "http://shop.example.com/", "-o", "yaml"], "error: unknown output format \"yaml\": use text or json\n"),
            (["trace", "http://shop.example.com/", "--proxy-mode", "nft"], "error: unknown proxy mode \"nft\": use iptables or ipvs\n"),
            (["trace", "http://cart/", "--from", "shop"], "error: --from must be NAMESPACE/POD, not \"shop\"\n"),
        ]
        for (args, expected) in cases {
            let r = try CLI.run(args)
            #expect(r.status == 1, "\(args)")
            #expect(r.stderr == expected, "\(args)")
            #expect(r.stdout.isEmpty, "\(args)")
        }
    }
}
