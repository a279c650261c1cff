import Testing
@testable import KubeModel

/// LabelSelector (the API object) against labels, with apimachinery's Requirement.Matches semantics.
@Suite struct SelectorMatchingTests {
    typealias Req = LabelSelector.Requirement

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var selector: LabelSelector
        var labels: [String: String]
        var matches: Bool
        var testDescription: String { name }
    }

    static let web: [String: String] = ["app": "web", "tier": "fe"]

    static let cases: [Case] = [
        Case(name: "empty selector matches everything", selector: LabelSelector(), labels: web, matches: true),
        Case(name: "empty selector matches no labels", selector: LabelSelector(), labels: [:], matches: true),
        Case(name: "matchLabels equal", selector: LabelSelector(["app": "web"]), labels: web, matches: true),
        Case(name: "matchLabels different value", selector: LabelSelector(["app": "db"]), labels: web, matches: false),
        Case(name: "matchLabels key absent", selector: LabelSelector(["env": "prod"]), labels: web, matches: false),
        Case(name: "matchLabels all must hold", selector: LabelSelector(["app": "web", "tier": "be"]), labels: web, matches: false),
        Case(name: "matchLabels empty value needs present key", selector: LabelSelector(["x": ""]), labels: web, matches: false),
        Case(name: "matchLabels empty value present", selector: LabelSelector(["x": ""]), labels: ["x": ""], matches: true),
        Case(name: "In value listed",
             selector: LabelSelector(matchExpressions: [Req(key: "tier", op: .in, values: ["fe", "be"])]), labels: web, matches: true),
        Case(name: "In value not listed",
             selector: LabelSelector(matchExpressions: [Req(key: "tier", op: .in, values: ["be"])]), labels: web, matches: false),
        Case(name: "In key absent",
             selector: LabelSelector(matchExpressions: [Req(key: "env", op: .in, values: ["prod"])]), labels: web, matches: false),
        Case(name: "In with no values never matches",
             selector: LabelSelector(matchExpressions: [Req(key: "app", op: .in, values: [])]), labels: web, matches: false),
        Case(name: "NotIn value listed",
             selector: LabelSelector(matchExpressions: [Req(key: "tier", op: .notIn, values: ["fe"])]), labels: web, matches: false),
        Case(name: "NotIn value not listed",
             selector: LabelSelector(matchExpressions: [Req(key: "tier", op: .notIn, values: ["be"])]), labels: web, matches: true),
        Case(name: "NotIn key absent matches",
             selector: LabelSelector(matchExpressions: [Req(key: "env", op: .notIn, values: ["prod"])]), labels: web, matches: true),
        Case(name: "Exists present",
             selector: LabelSelector(matchExpressions: [Req(key: "app", op: .exists)]), labels: web, matches: true),
        Case(name: "Exists with empty value",
             selector: LabelSelector(matchExpressions: [Req(key: "x", op: .exists)]), labels: ["x": ""], matches: true),
        Case(name: "Exists absent",
             selector: LabelSelector(matchExpressions: [Req(key: "env", op: .exists)]), labels: web, matches: false),
        Case(name: "DoesNotExist absent",
             selector: LabelSelector(matchExpressions: [Req(key: "env", op: .doesNotExist)]), labels: web, matches: true),
        Case(name: "DoesNotExist present",
             selector: LabelSelector(matchExpressions: [Req(key: "app", op: .doesNotExist)]), labels: web, matches: false),
        Case(name: "matchLabels AND expressions, both hold",
             selector: LabelSelector(matchLabels: ["app": "web"], matchExpressions: [Req(key: "canary", op: .doesNotExist)]),
             labels: web, matches: true),
        Case(name: "matchLabels AND expressions, expression fails",
             selector: LabelSelector(matchLabels: ["app": "web"], matchExpressions: [Req(key: "tier", op: .notIn, values: ["fe"])]),
             labels: web, matches: false),
        Case(name: "keys are case-sensitive", selector: LabelSelector(["App": "web"]), labels: web, matches: false),
    ]

    @Test(arguments: cases)
    func matches(_ c: Case) {
        #expect(c.selector.matches(c.labels) == c.matches)
        #expect(LabelSelector.matches(c.selector, c.labels) == c.matches)
        // The same selector in query form must agree.
        #expect(c.selector.query.matches(c.labels) == c.matches)
    }

    @Test(arguments: [[:], ["app": "web"]] as [[String: String]])
    func missingSelectorMatchesNothing(_ labels: [String: String]) {
        #expect(LabelSelector.matches(nil, labels) == false)
        #expect(LabelSelector.matches(LabelSelector(), labels) == true)
    }

    struct MapCase: Sendable {
        var selector: [String: String]
        var labels: [String: String]
        var matches: Bool
    }

    @Test(arguments: [
        MapCase(selector: [:], labels: [:], matches: true),
        MapCase(selector: [:], labels: ["app": "web"], matches: true),
        MapCase(selector: ["app": "web"], labels: ["app": "web", "x": "y"], matches: true),
        MapCase(selector: ["app": "web"], labels: ["app": "db"], matches: false),
        MapCase(selector: ["app": "web"], labels: [:], matches: false),
        MapCase(selector: ["app": "web", "tier": "fe"], labels: ["app": "web"], matches: false),
    ])
    func mapSelector(_ c: MapCase) {
        #expect(LabelSelector.matches(c.selector, c.labels) == c.matches)
        #expect(SelectorQuery(matchLabels: c.selector).matches(c.labels) == c.matches)
    }

    struct StringCase: Sendable {
        var selector: LabelSelector
        var text: String
    }

    @Test(arguments: [
        StringCase(selector: LabelSelector(), text: ""),
        StringCase(selector: LabelSelector(["tier": "fe", "app": "web"]), text: "app=web,tier=fe"),
        StringCase(selector: LabelSelector(matchExpressions: [Req(key: "app", op: .in, values: ["b", "a"])]), text: "app in (a,b)"),
        StringCase(selector: LabelSelector(matchExpressions: [Req(key: "app", op: .notIn, values: ["a"])]), text: "app notin (a)"),
        StringCase(selector: LabelSelector(matchExpressions: [Req(key: "k", op: .exists)]), text: "k"),
        StringCase(selector: LabelSelector(matchExpressions: [Req(key: "k", op: .doesNotExist)]), text: "!k"),
        StringCase(selector: LabelSelector(matchLabels: ["z": "1"], matchExpressions: [
            Req(key: "canary", op: .doesNotExist), Req(key: "tier", op: .in, values: ["fe", "be"]),
        ]), text: "!canary,tier in (be,fe),z=1"),
    ])
    func selectorString(_ c: StringCase) throws {
        #expect(c.selector.selectorString == c.text)
        // What kubectl prints, kubectl can parse back.
        #expect(try SelectorQuery(parsing: c.text) == c.selector.query)
    }
}
