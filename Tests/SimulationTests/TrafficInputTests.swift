import Testing
@testable import Simulation

@Suite("Request URLs, headers and load actions: bad input")
struct TrafficInputTests {
    static func message(_ url: String, headers: [String] = [], method: String = "GET") -> String? {
        do {
            _ = try HTTPRequest.parse(url, method: method, headers: headers)
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test("A well-formed URL: scheme, host, port, path; no scheme means http; the query is not part of the path")
    func parses() throws {
        let r = try HTTPRequest.parse("HTTPS://Shop.Example.com:8443/api/x?q=1#top", method: "post", headers: ["X-A: b"])
        #expect(r.scheme == .https && r.urlHost == "shop.example.com" && r.port == 8443 && r.path == "/api/x")
        #expect(r.method == "POST")
        #expect(r.headers.map(\.name) == ["X-A"] && r.headers.map(\.value) == ["b"])
        let bare = try HTTPRequest.parse("shop.example.com")
        #expect(bare.scheme == .http && bare.port == 80 && bare.path == "/")
        #expect(try HTTPRequest.parse("https://a.b").port == 443)
        #expect(try HTTPRequest.parse("http://a.b/", headers: ["host:  Other.COM:8080 "]).host == "other.com")
    }

    @Test("Malformed URLs, unknown schemes, ports out of range: exact messages")
    func badURLs() {
        let cases: [(String, String)] = [
            ("", "malformed URL \"\": it is empty"),
            ("http://", "malformed URL \"http://\": no host"),
            ("http:///path", "malformed URL \"http:///path\": no host"),
            ("//host/x", "malformed URL \"//host/x\": expected scheme://host[:port][/path]"),
            ("http://a b/", "malformed URL \"http://a b/\": it contains a space"),
            ("http://a\u{1b}[31m/", "malformed URL \"http://a\\u{1b}[31m/\": it contains a control character"),
            ("http://exa mple", "malformed URL \"http://exa mple\": it contains a space"),
            ("http://ex..com/", "malformed URL \"http://ex..com/\": \"ex..com\" is not a host name or IPv4 address"),
            ("http://-x.com/", "malformed URL \"http://-x.com/\": \"-x.com\" is not a host name or IPv4 address"),
            ("http://a%2f.com/", "malformed URL \"http://a%2f.com/\": \"a%2f.com\" is not a host name or IPv4 address"),
            ("http://user@host/", "malformed URL \"http://user@host/\": user information (user@host) is not supported"),
            ("http://host:/", "malformed URL \"http://host:/\": port \"\" is not a number"),
            ("http://host:8o/", "malformed URL \"http://host:8o/\": port \"8o\" is not a number"),
            ("ftp://host/", "unknown scheme \"ftp\" in \"ftp://host/\": use http or https"),
            ("://host/", "unknown scheme \"(none)\" in \"://host/\": use http or https"),
            ("http://host:0/", "port 0 out of range in \"http://host:0/\": ports are 1 to 65535"),
            ("http://host:65536/", "port 65536 out of range in \"http://host:65536/\": ports are 1 to 65535"),
            ("http://host:99999999999999999999/", "port 99999999999999999999 out of range in \"http://host:99999999999999999999/\": ports are 1 to 65535"),
        ]
        for (url, expected) in cases {
            #expect(Self.message(url) == expected, "\(url)")
        }
        let long = "http://" + String(repeating: "a.", count: 130) + "com/"
        #expect(Self.message(long) == "malformed URL \"\(long)\": the host name is longer than 253 characters")
    }

    @Test("Headers without a colon or a name, and bad methods: exact messages")
    func badHeadersAndMethods() {
        #expect(Self.message("http://a/", headers: ["Host shop.example.com"])
            == "header \"Host shop.example.com\" has no colon: write it as 'Name: value'")
        #expect(Self.message("http://a/", headers: [": value"]) == "header \": value\" has no valid name before the colon")
        #expect(Self.message("http://a/", headers: [""]) == "header \"\" has no colon: write it as 'Name: value'")
        #expect(Self.message("http://a/", method: "GE T") == "method \"GE T\" is not an HTTP method (e.g. GET, POST)")
        #expect(Self.message("http://a/", method: "") == "method \"\" is not an HTTP method (e.g. GET, POST)")
    }

    @Test("load actions round-trip through their canonical text")
    func loadRoundTrip() throws {
        let actions: [Action] = [
            .load(url: "http://shop.example.com/api", rps: 100, durationMs: nil),
            .load(url: "http://10.96.0.5:8080/", rps: 1, durationMs: 90_000),
            .stopLoad(url: nil), .stopLoad(url: "http://shop.example.com/api"),
        ]
        for action in actions {
            #expect(try ActionParser.parse(action.description) == action, "\(action)")
        }
        #expect(Action.load(url: "http://a/", rps: 5, durationMs: 30_000).description == "load http://a/ --rps 5 --for 30s")
        #expect(try ActionParser.parse("load http://a/ --rps=7 --for=1m") == .load(url: "http://a/", rps: 7, durationMs: 60_000))
        #expect(Action.reference.contains { $0.0 == "load URL --rps N [--for DURATION]" })
    }

    @Test("Bad load actions: exact messages")
    func badLoadActions() {
        let cases: [(String, String)] = [
            ("load", "load: expected one URL, e.g. load http://shop.example.com/ --rps 100"),
            ("load http://a/", "load: required flag --rps not set (e.g. load http://a/ --rps 100)"),
            ("load http://a/ --rps 0", "load: --rps must be a whole number from 1 to 1000000, not \"0\""),
            ("load http://a/ --rps 1000001", "load: --rps must be a whole number from 1 to 1000000, not \"1000001\""),
            ("load http://a/ --rps ten", "load: --rps must be a whole number from 1 to 1000000, not \"ten\""),
            ("load http://a/ --rps", "flag --rps needs a value"),
            ("load http://a/ --rps 5 --for 0s", "load: --for must be longer than 0s"),
            ("load http://a/ --rps 5 --for soon", "invalid duration \"soon\": use a number with a unit, e.g. 500ms, 30s, 2m, 1h"),
            ("load http://a/ --rps 5 --burst 3", "load: unknown flag --burst"),
            ("load ftp://a/ --rps 5", "load: unknown scheme \"ftp\" in \"ftp://a/\": use http or https"),
            ("load http://a:70000/ --rps 5", "load: port 70000 out of range in \"http://a:70000/\": ports are 1 to 65535"),
            ("load stop a b", "load stop: expected at most one URL"),
            ("load stop --now", "load stop: unknown flag --now"),
            ("lod http://a/ --rps 5", "unknown action \"lod\" (did you mean \"load\"?)"),
        ]
        for (line, expected) in cases {
            #expect(throws: (any Error).self, "\(line)") { try ActionParser.parse(line) }
            do {
                _ = try ActionParser.parse(line)
            } catch {
                #expect("\(error)" == expected, "\(line)")
            }
        }
    }
}
