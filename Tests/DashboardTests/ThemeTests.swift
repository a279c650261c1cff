import Foundation
import Testing

@testable import Dashboard

@Suite struct ThemeTests {
    static let fixtures = "/work/shared/fixtures/k9s-skins"

    static var fixtureFiles: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: fixtures)) ?? []
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
    }

    @Test func everyK9sSkinInTheFixturesLoads() throws {
        let files = Self.fixtureFiles
        try #require(!files.isEmpty, "no skins in \(Self.fixtures)")
        for file in files {
            let theme = try Themes.load("\(Self.fixtures)/\(file)")
            #expect(theme.name == String(file.prefix { $0 != "." }))
            // Every role has a style, and the cursor is visible one way or another.
            let cursor = theme.style(.cursor)
            #expect(cursor.foreground != cursor.background || cursor.reverse, "\(file): invisible cursor")
        }
    }

    @Test func stockSkinColours() throws {
        let stock = try Themes.load("\(Self.fixtures)/stock.yaml")
        #expect(stock.style(.body).foreground == SkinLoader.color("dodgerblue"))
        #expect(stock.style(.body).background == .palette(0))
        #expect(stock.style(.cursor).background == .palette(14))  // aqua is a basic colour
        #expect(stock.style(.rowError).foreground == .rgb(0xFF, 0x45, 0x00))  // orangered
    }

    @Test func bundledThemesLoadAndMatchTheFiles() throws {
        #expect(Set(Themes.bundledNames) == ["default", "light", "high-contrast", "monochrome"])
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../themes")
        for (name, contents) in BundledThemes.files {
            _ = try Themes.named(name)
            let onDisk = try String(contentsOf: dir.appendingPathComponent("\(name).yaml"), encoding: .utf8)
            #expect(onDisk.trimmingCharacters(in: .newlines) == contents,
                    "Sources/Dashboard/Theme/BundledThemes.swift is out of date for themes/\(name).yaml")
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".yaml") }
        #expect(files.count == BundledThemes.files.count, "a theme in themes/ is not bundled")
    }

    @Test func monochromeUsesAttributesOnly() throws {
        let mono = try Themes.named("monochrome")
        for role in StyleRole.allCases {
            #expect(mono.style(role).foreground == .terminalDefault)
            #expect(mono.style(role).background == .terminalDefault)
        }
        #expect(mono.style(.cursor).reverse)
        #expect(mono.style(.tableHeader).bold)
        #expect(Themes.standard.withoutColor().style(.cursor).reverse)
    }

    @Test func colourValues() {
        #expect(SkinLoader.color("default") == .terminalDefault)
        #expect(SkinLoader.color("") == .terminalDefault)
        #expect(SkinLoader.color("#fff") == .rgb(255, 255, 255))
        #expect(SkinLoader.color("#1E90FF") == .rgb(0x1E, 0x90, 0xFF))
        #expect(SkinLoader.color("DodgerBlue") == .rgb(0x1E, 0x90, 0xFF))
        #expect(SkinLoader.color("lightgrey") == SkinLoader.color("lightgray"))
        #expect(SkinLoader.color("red") == .palette(9))
        #expect(SkinLoader.color("#12345") == nil)
        #expect(SkinLoader.color("linegreen") == nil)  // a typo in k9s's stock skin: the terminal default, as in k9s
    }

    @Test func depthMapping() {
        #expect(ColorMapping.paletteIndex(.rgb(255, 0, 0), depth: .palette256) == 196)
        #expect(ColorMapping.paletteIndex(.rgb(0x30, 0x30, 0x30), depth: .palette256) == 236)
        #expect(ColorMapping.paletteIndex(.rgb(250, 10, 10), depth: .eight) == 1)
        #expect(ColorMapping.paletteIndex(.rgb(250, 10, 10), depth: .sixteen) == 9)
        #expect(ColorMapping.paletteIndex(.palette(12), depth: .eight) == 4)
        #expect(ColorMapping.paletteIndex(.rgb(1, 2, 3), depth: .none) == nil)
        #expect(ColorMapping.paletteIndex(.terminalDefault, depth: .palette256) == nil)
        #expect(ColorDepth.forColorCount(256) == .palette256)
        #expect(ColorDepth.forColorCount(8) == .eight)
        #expect(ColorDepth.forColorCount(0) == .none)
    }

    @Test func brokenSkinsAreErrorsNotCrashes() {
        for text in ["", "k9s: [", "foo: bar", "k9s: 3", "k9s:\n  body: [1, 2]", "\u{0}\u{1}", "k9s: &a [*a]"] {
            _ = try? SkinLoader.parse(text, name: "broken")
        }
        #expect(throws: SkinLoader.SkinError.self) { try SkinLoader.parse("foo: bar", name: "x") }
        #expect(throws: SkinLoader.SkinError.self) { try SkinLoader.parse("k9s: [", name: "x") }
        #expect(throws: SkinLoader.SkinError.self) { try Themes.load("no-such-theme", environment: [:]) }
        // Wrong shapes inside a skin fall back to defaults, as k9s does.
        let odd = try? SkinLoader.parse("k9s:\n  body: [1, 2]\n  frame: 7", name: "odd")
        #expect(odd != nil)
    }

    @Test func noColorEnvironment() {
        #expect(Themes.colorDisabled(environment: ["NO_COLOR": "1"]))
        #expect(!Themes.colorDisabled(environment: ["NO_COLOR": ""]))
        #expect(!Themes.colorDisabled(environment: [:]))
    }

    @Test func k9sSkinsDirectoryByName() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("sb-theme-\(getpid())")
        let skins = home.appendingPathComponent(".config/k9s/skins")
        try FileManager.default.createDirectory(at: skins, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        try "k9s:\n  body:\n    fgColor: red\n".write(to: skins.appendingPathComponent("mine.yaml"), atomically: true,
                                                        encoding: .utf8)
        let theme = try Themes.load("mine", environment: ["HOME": home.path])
        #expect(theme.style(.body).foreground == .palette(9))
    }
}
