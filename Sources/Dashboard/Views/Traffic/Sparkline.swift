/// A row of block characters for a series of counts: each character sums `values.count / width` consecutive values
/// (rounded up) and its height is its share of the largest; an empty stretch stays blank, so "no requests" and "a
/// few requests" look different.
enum Sparkline {
    static func render(_ values: [Int], width: Int, glyphs: Glyphs) -> String {
        guard width > 0, !values.isEmpty else { return "" }
        let per = (values.count + width - 1) / width
        let sums = stride(from: 0, to: values.count, by: per).map { values[$0..<min(values.count, $0 + per)].reduce(0, +) }
        let levels = glyphs.sparkline
        let top = sums.max() ?? 0
        return String(sums.map { v -> Character in
            guard v > 0, top > 0 else { return " " }
            // 1…top spread over the levels; the largest always gets the full block.
            let level = (v * levels.count + top - 1) / top - 1
            return levels[min(levels.count - 1, max(0, level))]
        })
    }
}
