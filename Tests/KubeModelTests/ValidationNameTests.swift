import Testing
@testable import KubeModel

/// The string formats of k8s.io/apimachinery/pkg/util/validation, with the API server's exact messages.
@Suite struct ValidationNameTests {
    static let subdomainMsg = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"
    static let labelMsg = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"
    static let dns1035Msg = "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')"
    static let wildcardMsg = "a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character (e.g. '*.example.com', regex used for validation is '\\*\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"
    static let namePartMsg = "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"
    static let labelValueMsg = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"

    enum Rule: String, Sendable { case subdomain, label, dns1035, wildcard, qualifiedName, labelValue, portName }

    struct Case: Sendable, CustomTestStringConvertible {
        var rule: Rule
        var value: String
        var messages: [String]
        var testDescription: String { "\(rule) '\(value.prefix(40))'" }
    }

    static let cases: [Case] = [
        Case(rule: .subdomain, value: "example.com", messages: []),
        Case(rule: .subdomain, value: "my-app", messages: []),
        Case(rule: .subdomain, value: "a", messages: []),
        Case(rule: .subdomain, value: "1.2.3.4", messages: []),
        Case(rule: .subdomain, value: "Foo", messages: [subdomainMsg]),
        Case(rule: .subdomain, value: "-a", messages: [subdomainMsg]),
        Case(rule: .subdomain, value: "a-", messages: [subdomainMsg]),
        Case(rule: .subdomain, value: "a..b", messages: [subdomainMsg]),
        Case(rule: .subdomain, value: "a.", messages: [subdomainMsg]),
        Case(rule: .subdomain, value: "", messages: [subdomainMsg]),
        Case(rule: .subdomain, value: "a_b", messages: [subdomainMsg]),
        Case(rule: .subdomain, value: "web\n", messages: [subdomainMsg]),
        Case(rule: .subdomain, value: String(repeating: "a", count: 253), messages: []),
        Case(rule: .subdomain, value: String(repeating: "a", count: 254), messages: ["must be no more than 253 characters"]),
        Case(rule: .label, value: "my-name", messages: []),
        Case(rule: .label, value: "123-abc", messages: []),
        Case(rule: .label, value: "a.b", messages: ["must not contain dots"]),
        Case(rule: .label, value: "A", messages: [labelMsg]),
        Case(rule: .label, value: String(repeating: "a", count: 64), messages: ["must be no more than 63 characters"]),
        Case(rule: .dns1035, value: "my-svc", messages: []),
        Case(rule: .dns1035, value: "a", messages: []),
        Case(rule: .dns1035, value: "1abc", messages: [dns1035Msg]),
        Case(rule: .dns1035, value: "abc-", messages: [dns1035Msg]),
        Case(rule: .dns1035, value: "a.b", messages: [dns1035Msg]),
        Case(rule: .dns1035, value: "", messages: [dns1035Msg]),
        Case(rule: .dns1035, value: "é", messages: [dns1035Msg]),
        Case(rule: .wildcard, value: "*.example.com", messages: []),
        Case(rule: .wildcard, value: "foo.*.com", messages: [wildcardMsg]),
        Case(rule: .wildcard, value: "*", messages: [wildcardMsg]),
        Case(rule: .wildcard, value: "*.*.com", messages: [wildcardMsg]),
        Case(rule: .wildcard, value: "*foo.com", messages: [wildcardMsg]),
        Case(rule: .qualifiedName, value: "app", messages: []),
        Case(rule: .qualifiedName, value: "app.kubernetes.io/name", messages: []),
        Case(rule: .qualifiedName, value: "My_Key.1", messages: []),
        Case(rule: .qualifiedName, value: "-app", messages: [namePartMsg]),
        Case(rule: .qualifiedName, value: "", messages: ["name part must be non-empty", namePartMsg]),
        Case(rule: .qualifiedName, value: "a/", messages: ["name part must be non-empty", namePartMsg]),
        Case(rule: .qualifiedName, value: "/a", messages: ["prefix part must be non-empty"]),
        Case(rule: .qualifiedName, value: "Example.com/a", messages: ["prefix part " + subdomainMsg]),
        Case(rule: .qualifiedName, value: String(repeating: "k", count: 64), messages: ["name part must be no more than 63 characters"]),
        Case(rule: .qualifiedName, value: "a/b/c", messages: ["a valid label key must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"]),
        Case(rule: .labelValue, value: "", messages: []),
        Case(rule: .labelValue, value: "MyValue", messages: []),
        Case(rule: .labelValue, value: "v1.2_3-x", messages: []),
        Case(rule: .labelValue, value: "a b", messages: [labelValueMsg]),
        Case(rule: .labelValue, value: "-x", messages: [labelValueMsg]),
        Case(rule: .labelValue, value: String(repeating: "v", count: 64), messages: ["must be no more than 63 characters"]),
        Case(rule: .portName, value: "http", messages: []),
        Case(rule: .portName, value: "http-alt", messages: []),
        Case(rule: .portName, value: "h2c", messages: []),
        Case(rule: .portName, value: "80", messages: ["must contain at least one letter (a-z)"]),
        Case(rule: .portName, value: "HTTP", messages: ["must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)", "must contain at least one letter (a-z)"]),
        Case(rule: .portName, value: "my--port", messages: ["must not contain consecutive hyphens"]),
        Case(rule: .portName, value: "-http", messages: ["must not begin or end with a hyphen"]),
        Case(rule: .portName, value: "a-very-long-port-name", messages: ["must be no more than 15 characters"]),
        Case(rule: .portName, value: "", messages: ["must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)", "must contain at least one letter (a-z)"]),
    ]

    @Test(arguments: cases)
    func rule(_ c: Case) {
        let messages: [String]
        switch c.rule {
        case .subdomain: messages = Validation.isDNS1123Subdomain(c.value)
        case .label: messages = Validation.isDNS1123Label(c.value)
        case .dns1035: messages = Validation.isDNS1035Label(c.value)
        case .wildcard: messages = Validation.isWildcardDNS1123Subdomain(c.value)
        case .qualifiedName: messages = Validation.isQualifiedName(c.value)
        case .labelValue: messages = Validation.isValidLabelValue(c.value)
        case .portName: messages = Validation.isValidPortName(c.value)
        }
        #expect(messages == c.messages)
    }

    @Test(arguments: [(0, false), (1, true), (80, true), (65535, true), (65536, false), (-1, false)])
    func portNumbers(_ port: Int, _ valid: Bool) {
        let errs = Validation.portNumber(port, at: FieldPath.root.child("port"))
        #expect(errs.map(\.description) == (valid ? [] : ["port: Invalid value: \(port): must be between 1 and 65535, inclusive"]))
    }

    @Test(arguments: [(30000, true), (32767, true), (29999, false), (32768, false), (80, false)])
    func nodePortRange(_ port: Int, _ valid: Bool) {
        let errs = Validation.nodePort(port, at: FieldPath.root.child("nodePort"))
        #expect(errs.map(\.description) == (valid ? [] : [
            "nodePort: Invalid value: \(port): provided port is not in the valid range. The range of valid ports is 30000-32767",
        ]))
    }

    @Test func targetPortNumberOrName() {
        let p = FieldPath.root.child("targetPort")
        #expect(Validation.portNumOrName(.int(8080), at: p).isEmpty)
        #expect(Validation.portNumOrName(.string("http"), at: p).isEmpty)
        #expect(Validation.portNumOrName(.int(70000), at: p).map(\.description)
            == ["targetPort: Invalid value: 70000: must be between 1 and 65535, inclusive"])
        #expect(Validation.portNumOrName(.string("web-http-port-x"), at: p).isEmpty)
        #expect(Validation.portNumOrName(.string("web-http-port-xy"), at: p).map(\.description)
            == ["targetPort: Invalid value: \"web-http-port-xy\": must be no more than 15 characters"])
    }

    @Test func objectMetaUsesTheKindsNameRule() {
        let meta = ObjectMeta(name: "My_Svc", namespace: "default", labels: ["-bad": "ok", "good": "not ok"])
        let errs = Validation.objectMeta(meta, namespaced: true, nameRule: .dns1035Label).map(\.description)
        #expect(errs == [
            "metadata.name: Invalid value: \"My_Svc\": \(Self.dns1035Msg)",
            "metadata.labels: Invalid value: \"-bad\": \(Self.namePartMsg)",
            "metadata.labels: Invalid value: \"not ok\": \(Self.labelValueMsg)",
        ])
        #expect(Validation.objectMeta(ObjectMeta(name: "web.example", namespace: "default"), namespaced: true,
                                      nameRule: .dns1123Subdomain).isEmpty)
        #expect(Validation.objectMeta(ObjectMeta(name: "a.b"), namespaced: false, nameRule: .dns1123Label)
            .map(\.description) == ["metadata.name: Invalid value: \"a.b\": must not contain dots"])
        #expect(Validation.objectMeta(ObjectMeta(name: "web", namespace: "Prod"), namespaced: true, nameRule: .dns1123Subdomain)
            .map(\.description) == ["metadata.namespace: Invalid value: \"Prod\": \(Self.labelMsg)"])
        #expect(Validation.objectMeta(ObjectMeta(name: ""), namespaced: true, nameRule: .dns1123Subdomain)
            .map(\.description) == ["metadata.name: Required value: name or generateName is required"])
    }

    @Test func generateNameMayEndInADash() {
        var meta = ObjectMeta(name: "web-x7k2p", namespace: "default")
        meta.generateName = "web-"
        #expect(Validation.objectMeta(meta, namespaced: true, nameRule: .dns1123Subdomain).isEmpty)
        meta.generateName = "Web-"
        #expect(Validation.objectMeta(meta, namespaced: true, nameRule: .dns1123Subdomain).count == 1)
    }

    @Test func annotationKeysAndSize() {
        let path = FieldPath.root.child("metadata").child("annotations")
        #expect(Validation.annotations(["Example.COM/Key": "x"], at: path).isEmpty)  // checked lowercased
        #expect(Validation.annotations(["bad key": "x"], at: path).map(\.description)
            == ["metadata.annotations: Invalid value: \"bad key\": \(Self.namePartMsg)"])
        #expect(Validation.annotations(["k": String(repeating: "x", count: 256 * 1024)], at: path).map(\.description)
            == ["metadata.annotations: Too long: may not be more than 262144 bytes"])
    }

    @Test func goQuotingMatchesStrconvQuote() {
        #expect(goQuote("a\"b\\c") == "\"a\\\"b\\\\c\"")
        #expect(goQuote("tab\there\n") == "\"tab\\there\\n\"")
        #expect(goQuote("\u{0}") == "\"\\x00\"")
        #expect(goQuote("ключ") == "\"ключ\"")
        #expect(goQuote("a\u{200B}b\u{A0}") == "\"a\\u200bb\\u00a0\"")
    }
}
