import ClusterStore
import KubeModel

/// A page's table as shown: the view's rows through the page's filter.
struct PageData {
    /// The view's table; its rows are the filtered ones.
    var table: TableModel
    /// Rows before filtering.
    var unfilteredCount: Int
    var filterError: String?

    static func build(state: ClusterState, ui: UIState, page: Page, glyphs: Glyphs) -> (all: TableModel, shown: PageData) {
        let ctx = ViewContext(state: state, namespace: page.view.isNamespaced ? ui.namespace : nil, scope: page.scope,
                              glyphs: glyphs)
        let all = Views.table(for: page, ctx: ctx)
        let filter = RowFilter(page.filter)
        var shown = all
        shown.rows = filter.apply(all.rows)
        return (all, PageData(table: shown, unfilteredCount: all.rows.count, filterError: filter.error))
    }

    /// The cursor row and first visible row for a page, keeping the cursor on the same object when rows move and
    /// on the same position when its object is gone.
    static func resolve(_ page: Page, rows: [Row], bodyHeight: Int) -> (index: Int?, top: Int) {
        guard !rows.isEmpty else { return (nil, 0) }
        let height = max(1, bodyHeight)
        var index = min(max(0, page.selectedIndex), rows.count - 1)
        if let key = page.selectedKey, let found = rows.firstIndex(where: { $0.key == key }) { index = found }
        var top = page.top
        if index < top { top = index }
        if index >= top + height { top = index - height + 1 }
        top = max(0, min(top, rows.count - height))
        return (index, max(0, top))
    }
}
