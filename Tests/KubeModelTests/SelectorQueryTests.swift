import Testing
@testable import KubeModel

/// kubectl's `-l` syntax: parsing, canonical printing, matching and kubectl's error messages.
@Suite struct SelectorQueryTests {
    typealias Req = SelectorQuery.Requirement

    struct ParseCase: Sendable, CustomTestStringConvertible {
        var input: String
        var canonical: String
        var requirements: [Req]? = nil
        var testDescription: String { "'\(input)'" }
    }

    static let parses: [ParseCase] = [
        ParseCase(input: "", canonical: "", requirements: []),
        ParseCase(input: "  \t\n ", canonical: "", requirements: []),
        ParseCase(input: "a=b", canonical: "a=b", requirements: [Req(key: "a", op: .equals, values: ["b"])]),
        ParseCase(input: "a==b", canonical: "a==b", requirements: [Req(key: "a", op: .doubleEquals, values: ["b"])]),
        ParseCase(input: "a!=b", canonical: "a!=b", requirements: [Req(key: "a", op: .notEquals, values: ["b"])]),
        ParseCase(input: "a in (x,y)", canonical: "a in (x,y)", requirements: [Req(key: "a", op: .in, values: ["x", "y"])]),
        ParseCase(input: "a notin (x, y)", canonical: "a notin (x,y)", requirements: [Req(key: "a", op: .notIn, values: ["x", "y"])]),
        ParseCase(input: "a", canonical: "a", requirements: [Req(key: "a", op: .exists)]),
        ParseCase(input: "!a", canonical: "!a", requirements: [Req(key: "a", op: .doesNotExist)]),
        ParseCase(input: "a>1", canonical: "a>1", requirements: [Req(key: "a", op: .greaterThan, values: ["1"])]),
        ParseCase(input: "a < 10", canonical: "a<10", requirements: [Req(key: "a", op: .lessThan, values: ["10"])]),
        ParseCase(input: " a = b , c in ( x , y ) ", canonical: "a=b,c in (x,y)"),
        ParseCase(input: "\ta\n=\r\nb", canonical: "a=b"),
        ParseCase(input: "z=1,a=2", canonical: "a=2,z=1"),
        ParseCase(input: "a in (y,x,x)", canonical: "a in (x,y)", requirements: [Req(key: "a", op: .in, values: ["x", "y"])]),
        // Kept from apimachinery: empty entries are the empty value.
        ParseCase(input: "a in ()", canonical: "a in ()", requirements: [Req(key: "a", op: .in, values: [""])]),
        ParseCase(input: "a in (,x)", canonical: "a in (,x)", requirements: [Req(key: "a", op: .in, values: ["", "x"])]),
        ParseCase(input: "a=", canonical: "a=", requirements: [Req(key: "a", op: .equals, values: [""])]),
        ParseCase(input: "a=,b", canonical: "a=,b"),
        // `in`/`notin` are keywords only where an operator is expected.
        ParseCase(input: "in in (in,notin)", canonical: "in in (in,notin)"),
        ParseCase(input: "app.kubernetes.io/name=web", canonical: "app.kubernetes.io/name=web"),
        ParseCase(input: "x in (foo,,baz),y,z notin ()", canonical: "x in (,baz,foo),y,z notin ()"),
        ParseCase(input: "tier in (fe,be),!canary,app=web", canonical: "app=web,!canary,tier in (be,fe)"),
        ParseCase(input: "a=1,a!=2", canonical: "a=1,a!=2"),
    ]

    @Test(arguments: parses)
    func parsesAndRoundTrips(_ c: ParseCase) throws {
        let query = try SelectorQuery(parsing: c.input)
        #expect(query.description == c.canonical)
        if let reqs = c.requirements { #expect(query.requirements == reqs) }
        #expect(try SelectorQuery(parsing: query.description) == query)
    }

    struct MatchCase: Sendable, CustomTestStringConvertible {
        var selector: String
        var labels: [String: String]
        var matches: Bool
        var testDescription: String { "'\(selector)' ~ \(labels)" }
    }

    @Test(arguments: [
        MatchCase(selector: "", labels: [:], matches: true),
        MatchCase(selector: "", labels: ["a": "b"], matches: true),
        MatchCase(selector: "env=prod", labels: [:], matches: false),
        MatchCase(selector: "env==prod", labels: ["env": "prod"], matches: true),
        MatchCase(selector: "env!=prod", labels: [:], matches: true),
        MatchCase(selector: "env!=prod", labels: ["env": "prod"], matches: false),
        MatchCase(selector: "env!=prod", labels: ["env": "dev"], matches: true),
        MatchCase(selector: "env notin (prod)", labels: [:], matches: true),
        MatchCase(selector: "env notin (prod,dev)", labels: ["env": "dev"], matches: false),
        MatchCase(selector: "env in (prod,dev)", labels: ["env": "dev"], matches: true),
        MatchCase(selector: "env in (prod)", labels: [:], matches: false),
        MatchCase(selector: "env", labels: ["env": ""], matches: true),
        MatchCase(selector: "!env", labels: ["env": ""], matches: false),
        MatchCase(selector: "a in ()", labels: ["a": ""], matches: true),
        MatchCase(selector: "a in ()", labels: ["a": "x"], matches: false),
        MatchCase(selector: "a=", labels: ["a": ""], matches: true),
        MatchCase(selector: "a>5", labels: ["a": "6"], matches: true),
        MatchCase(selector: "a>5", labels: ["a": "5"], matches: false),
        MatchCase(selector: "a>5", labels: ["a": "x"], matches: false),
        MatchCase(selector: "a>5", labels: [:], matches: false),
        MatchCase(selector: "a<5", labels: ["a": "-3"], matches: true),
        MatchCase(selector: "a<5", labels: ["a": "99999999999999999999"], matches: false),
        MatchCase(selector: "app=web,tier in (fe,be),!canary", labels: ["app": "web", "tier": "fe"], matches: true),
        MatchCase(selector: "app=web,tier in (fe,be),!canary", labels: ["app": "web", "tier": "fe", "canary": "1"], matches: false),
    ])
    func matches(_ c: MatchCase) throws {
        #expect(try SelectorQuery(parsing: c.selector).matches(c.labels) == c.matches)
    }

    struct ErrorCase: Sendable, CustomTestStringConvertible {
        var input: String
        var message: String
        var offset: Int? = nil
        var testDescription: String { "'\(input)'" }
    }

    static let nameRegex = "(e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"
    static let valueRegex = "(e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"

    static let errors: [ErrorCase] = [
        ErrorCase(input: "a in (x", message: "unable to parse requirement: found '', expected: ',' or ')'", offset: 7),
        ErrorCase(input: "a in x", message: "unable to parse requirement: found 'x' expected: '('", offset: 5),
        ErrorCase(input: "a in (x))", message: "found ')', expected: ',' or 'end of string'", offset: 8),
        ErrorCase(input: "a in ((x)", message: "unable to parse requirement: found '(', expected: ',', ')' or identifier", offset: 6),
        ErrorCase(input: "a notin", message: "unable to parse requirement: found '' expected: '('"),
        ErrorCase(input: "=b", message: "found '=', expected: !, identifier, or 'end of string'", offset: 0),
        ErrorCase(input: ")", message: "found ')', expected: !, identifier, or 'end of string'"),
        ErrorCase(input: "a,", message: "found '', expected: identifier after ','", offset: 2),
        ErrorCase(input: ",a", message: "found ',', expected: !, identifier, or 'end of string'", offset: 0),
        ErrorCase(input: "a,,b", message: "found ',', expected: identifier after ','", offset: 2),
        ErrorCase(input: "a b", message: "unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt", offset: 2),
        ErrorCase(input: "!", message: "unable to parse requirement: found '', expected: identifier", offset: 1),
        ErrorCase(input: "!a=b", message: "found '=', expected: ',' or 'end of string'", offset: 2),
        ErrorCase(input: "a=(b)", message: "unable to parse requirement: found '(', expected: identifier", offset: 2),
        ErrorCase(input: "a>=1", message: "unable to parse requirement: found '=', expected: identifier", offset: 2),
        ErrorCase(input: "a>b",
                  message: "unable to parse requirement: values[0]: Invalid value: \"b\": for 'Gt', 'Lt' operators, the value must be an integer",
                  offset: 0),
        ErrorCase(input: "-a=b", message: "unable to parse requirement: Invalid value: \"-a\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character \(nameRegex)"),
        ErrorCase(input: "a=-b", message: "unable to parse requirement: values[0][a]: Invalid value: \"-b\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character \(valueRegex)"),
        ErrorCase(input: "a>-1", message: "unable to parse requirement: values[0][a]: Invalid value: \"-1\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character \(valueRegex)"),
        ErrorCase(input: "/a", message: "unable to parse requirement: Invalid value: \"/a\": prefix part must be non-empty"),
        ErrorCase(input: "a/b/c", message: "unable to parse requirement: Invalid value: \"a/b/c\": a valid label key must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character \(nameRegex) with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"),
        ErrorCase(input: String(repeating: "k", count: 64), message: "unable to parse requirement: Invalid value: \"\(String(repeating: "k", count: 64))\": name part must be no more than 63 characters"),
        ErrorCase(input: "ключ=v", message: "unable to parse requirement: Invalid value: \"ключ\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character \(nameRegex)", offset: 0),
        // Offsets count characters, not UTF-8 bytes ("é" is two bytes).
        ErrorCase(input: "a in (é", message: "unable to parse requirement: found '', expected: ',' or ')'", offset: 7),
        ErrorCase(input: "a=b\u{0}c", message: "unable to parse requirement: found a NUL byte at offset 3", offset: 3),
        ErrorCase(input: "((((((((", message: "found '(', expected: !, identifier, or 'end of string'", offset: 0),
    ]

    @Test(arguments: errors)
    func rejects(_ c: ErrorCase) {
        let e = #expect(throws: SelectorParseError.self) { try SelectorQuery(parsing: c.input) }
        #expect(e?.message == c.message)
        #expect(e?.description == c.message)
        if let offset = c.offset { #expect(e?.offset == offset) }
    }

    @Test func manyRequirementsParseInOrder() throws {
        let text = (0..<5000).map { "k\($0)=v\($0)" }.joined(separator: ",")
        let query = try SelectorQuery(parsing: text)
        #expect(query.requirements.count == 5000)
        #expect(query.requirements.map(\.key) == query.requirements.map(\.key).sorted())
        #expect(query.matches(Dictionary(uniqueKeysWithValues: (0..<5000).map { ("k\($0)", "v\($0)") })))
    }

    @Test func hugeValueIsRejectedNotCrashed() {
        let text = "a=" + String(repeating: "v", count: 100_000)
        let e = #expect(throws: SelectorParseError.self) { try SelectorQuery(parsing: text) }
        #expect(e?.message.contains("must be no more than 63 characters") == true)
    }

    @Test(arguments: ["(", ")", "!", "!!", "=", "==", "!==", "<>", "a in", "a in (", "a in (,", "a in (,,", "a in (x,",
                      "a notin (x y)", "a (x)", "!a b", "a=b c", "\u{FEFF}a", "a\u{200B}=b", "🙂", "a=🙂", "a in (🙂)"])
    func hostileInputIsAnErrorNotACrash(_ input: String) {
        #expect(throws: SelectorParseError.self) { try SelectorQuery(parsing: input) }
    }

    @Test func programmaticRequirementsPrintSorted() {
        let query = SelectorQuery([Req(key: "b", op: .notIn, values: ["z", "y"]), Req(key: "a", op: .exists)])
        #expect(query.description == "a,b notin (y,z)")
        #expect(!query.isEmpty)
        #expect(SelectorQuery().isEmpty)
    }
}
