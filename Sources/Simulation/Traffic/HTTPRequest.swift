/// One simulated HTTP request as a client would send it: `curl -X METHOD -H 'Host: …' URL`.
public struct HTTPRequest: Sendable, Hashable {
    public enum Scheme: String, Sendable, Hashable { case http, https }

    public var method: String
    public var scheme: Scheme
    /// The host as written in the URL, lower-cased (DNS names and the Host header ignore case).
    public var urlHost: String
    /// The port the client connects to: the URL's, else 80 for http and 443 for https.
    public var port: Int
    /// Path as sent, without query or fragment; "/" when the URL has none.
    public var path: String
    /// Headers in the order given; a `Host` header overrides the URL's host for virtual hosting.
    public var headers: [(name: String, value: String)]
    /// The URL exactly as typed, for the trace's `request.url`.
    public var url: String

    /// What the server sees as the host: the Host header if one was given, else the URL's host.
    public var host: String {
        if let h = headers.last(where: { $0.name.lowercased() == "host" })?.value {
            return HTTPRequest.stripPort(h.strippingBlanks()).lowercased()
        }
        return urlHost
    }

    public init(method: String = "GET", scheme: Scheme = .http, host: String, port: Int? = nil, path: String = "/",
                headers: [(name: String, value: String)] = [], url: String? = nil) {
        self.method = method
        self.scheme = scheme
        self.urlHost = host.lowercased()
        self.port = port ?? (scheme == .https ? 443 : 80)
        self.path = path
        self.headers = headers
        self.url = url ?? "\(scheme.rawValue)://\(host)\(port.map { ":\($0)" } ?? "")\(path)"
    }

    public static func == (a: HTTPRequest, b: HTTPRequest) -> Bool {
        a.method == b.method && a.scheme == b.scheme && a.urlHost == b.urlHost && a.port == b.port && a.path == b.path
            && a.url == b.url && a.headers.map(\.name) == b.headers.map(\.name)
            && a.headers.map(\.value) == b.headers.map(\.value)
    }

    public func hash(into h: inout Hasher) {
        h.combine(url)
        h.combine(method)
        for header in headers {
            h.combine(header.name)
            h.combine(header.value)
        }
    }

    static func stripPort(_ host: String) -> String {
        guard let colon = host.lastIndex(of: ":"), host[host.index(after: colon)...].allSatisfy(\.isNumber) else {
            return host
        }
        return String(host[..<colon])
    }
}

/// Input a trace or a load cannot start from, worded for the person who typed it.
public struct TrafficInputError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

extension HTTPRequest {
    /// Parses `scheme://host[:port][/path][?query][#fragment]` as curl would take it. A URL without a scheme is
    /// taken as http, as curl does.
    public static func parse(_ url: String, method: String = "GET", headers: [String] = []) throws -> HTTPRequest {
        guard !url.isEmpty else { throw TrafficInputError("malformed URL \"\": it is empty") }
        if let bad = url.unicodeScalars.first(where: { $0.value <= 0x20 || $0.value == 0x7f }) {
            let shown = bad == " " ? "a space" : "a control character"
            throw TrafficInputError("malformed URL \"\(printable(url))\": it contains \(shown)")
        }
        var rest = Substring(url)
        var scheme = Scheme.http
        if let sep = rest.range(of: "://") {
            let name = rest[..<sep.lowerBound].lowercased()
            guard let s = Scheme(rawValue: name) else {
                let shown = name.isEmpty ? "(none)" : name
                throw TrafficInputError("unknown scheme \"\(shown)\" in \"\(url)\": use http or https")
            }
            scheme = s
            rest = rest[sep.upperBound...]
        } else if rest.contains("//") || rest.hasPrefix("/") || rest.hasPrefix(":") {
            throw TrafficInputError("malformed URL \"\(url)\": expected scheme://host[:port][/path]")
        }
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        var pathPart = rest[authorityEnd...]
        if let cut = pathPart.firstIndex(where: { $0 == "?" || $0 == "#" }) { pathPart = pathPart[..<cut] }
        if authority.contains("@") {
            throw TrafficInputError("malformed URL \"\(url)\": user information (user@host) is not supported")
        }
        var hostText = authority
        var port: Int?
        if let colon = authority.lastIndex(of: ":") {
            hostText = authority[..<colon]
            let portText = authority[authority.index(after: colon)...]
            guard !portText.isEmpty, portText.allSatisfy(\.isASCII), portText.allSatisfy(\.isNumber) else {
                throw TrafficInputError("malformed URL \"\(url)\": port \"\(portText)\" is not a number")
            }
            guard portText.count <= 6, let p = Int(portText), (1...65535).contains(p) else {
                throw TrafficInputError("port \(portText) out of range in \"\(url)\": ports are 1 to 65535")
            }
            port = p
        }
        guard !hostText.isEmpty else { throw TrafficInputError("malformed URL \"\(url)\": no host") }
        let labels = (hostText.hasSuffix(".") ? hostText.dropLast() : hostText).split(separator: ".", omittingEmptySubsequences: false)
        guard hostText.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-" || $0 == "_") }),
              labels.allSatisfy({ !$0.isEmpty && !$0.hasPrefix("-") && !$0.hasSuffix("-") }) else {
            throw TrafficInputError("malformed URL \"\(url)\": \"\(hostText)\" is not a host name or IPv4 address")
        }
        guard hostText.count <= 253 else {
            throw TrafficInputError("malformed URL \"\(url)\": the host name is longer than 253 characters")
        }
        var parsedHeaders: [(name: String, value: String)] = []
        for header in headers {
            guard let colon = header.firstIndex(of: ":") else {
                throw TrafficInputError("header \"\(printable(header))\" has no colon: write it as 'Name: value'")
            }
            let name = header[..<colon].strippingBlanks()
            guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_".contains($0)) }) else {
                throw TrafficInputError("header \"\(printable(header))\" has no valid name before the colon")
            }
            parsedHeaders.append((name, header[header.index(after: colon)...].strippingBlanks()))
        }
        let verb = method.uppercased()
        guard !verb.isEmpty, verb.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            throw TrafficInputError("method \"\(printable(method))\" is not an HTTP method (e.g. GET, POST)")
        }
        let path = pathPart.isEmpty ? "/" : String(pathPart)
        var host = String(hostText)
        if host.hasSuffix(".") { host.removeLast() }  // a fully qualified name: `svc.ns.svc.cluster.local.`
        var request = HTTPRequest(method: verb, scheme: scheme, host: host, port: port, path: path,
                                  headers: parsedHeaders, url: url)
        request.url = url
        return request
    }

    /// Control characters shown as `\u{…}` so an error message never carries them to the terminal.
    static func printable(_ s: String) -> String {
        let cut = s.count > 80 ? String(s.prefix(80)) + "…" : s
        return cut.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7f ? "\\u{\(String($0.value, radix: 16))}" : String($0) }
            .joined()
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces and tabs.
    func strippingBlanks() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }
}
