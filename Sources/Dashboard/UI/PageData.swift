import ClusterStore
import KubeModel

/// A page's table as shown: the view's rows through the page's filter. Keyed tables (pods) are filtered on their
/// keys and format a row only when it is asked for.
struct PageData {
    /// The view's table; its rows (or keys) are the filtered ones.
    var table: TableModel
    /// Rows before filtering.
    var unfilteredCount: Int
    var filterError: String?

    static func build(state: ClusterState, ui: UIState, page: Page, glyphs: Glyphs) -> (all: TableModel, shown: PageData) {
        let ctx = ViewContext(state: state, namespace: page.view.isNamespaced ? ui.namespace : nil, scope: page.scope,
                              glyphs: glyphs, traffic: ui.traffic, traceHops: ui.trace?.hops ?? [])
        var all = Views.table(for: page, ctx: ctx)
        if let sort = page.sort, all.sortable, let index = all.columns.firstIndex(where: { $0.title == sort.column }) {
            if let keyed = all.keyed, let value = KeyedSort.value(view: page.view, column: sort.column, state: state) {
                // Large tables stay keyed: their keys are ordered by values read from the objects, not by cells.
                all.keyed?.keys = sort.order(keyed.keys, by: value)
                all.keyed?.inKeyOrder = false
            } else {
                if let keyed = all.keyed {
                    all.rows = keyed.keys.map(keyed.format)
                    all.keyed = nil
                }
                all.rows = sort.apply(all.rows, columns: all.columns)
            }
            all.columns[index].title += sort.ascending ? glyphs.sortAscending : glyphs.sortDescending
        }
        let filter = RowFilter(page.filter)
        var shown = all
        let unfiltered: Int
        if let keyed = all.keyed {
            shown.keyed = filter.apply(keyed)
            unfiltered = keyed.keys.count
        } else {
            shown.rows = filter.apply(all.rows)
            unfiltered = all.rows.count
        }
        return (all, PageData(table: shown, unfilteredCount: unfiltered, filterError: filter.error))
    }

    /// The number of rows shown.
    var count: Int { table.keyed?.keys.count ?? table.rows.count }

    /// The row at a position, formatted now for keyed tables.
    func row(at index: Int) -> Row {
        if let keyed = table.keyed { return keyed.format(keyed.keys[index]) }
        return table.rows[index]
    }

    func key(at index: Int) -> String {
        if let keyed = table.keyed { return keyed.rowKey(keyed.keys[index]) }
        return table.rows[index].key
    }

    func index(of key: String) -> Int? {
        if let keyed = table.keyed { return keyed.index(of: key) }
        return table.rows.firstIndex { $0.key == key }
    }

    /// Every row, formatted (tests and small tables; the dashboard formats only what it draws).
    var rows: [Row] { (0..<count).map(row(at:)) }

    /// The rows from `top`, at most `height` of them.
    func window(top: Int, height: Int) -> [Row] {
        guard top < count, height > 0 else { return [] }
        return (max(0, top)..<min(count, top + height)).map(row(at:))
    }

    /// The cursor row and first visible row for a page, keeping the cursor on the same object when rows move and
    /// on the same position when its object is gone.
    static func resolve(_ page: Page, data: PageData, bodyHeight: Int) -> (index: Int?, top: Int) {
        resolve(page, count: data.count, find: data.index(of:), bodyHeight: bodyHeight)
    }

    static func resolve(_ page: Page, rows: [Row], bodyHeight: Int) -> (index: Int?, top: Int) {
        resolve(page, count: rows.count, find: { key in rows.firstIndex { $0.key == key } }, bodyHeight: bodyHeight)
    }

    private static func resolve(_ page: Page, count: Int, find: (String) -> Int?, bodyHeight: Int) -> (index: Int?, top: Int) {
        guard count > 0 else { return (nil, 0) }
        let height = max(1, bodyHeight)
        var index = min(max(0, page.selectedIndex), count - 1)
        if let key = page.selectedKey, let found = find(key) { index = found }
        var top = page.top
        if index < top { top = index }
        if index >= top + height { top = index - height + 1 }
        top = max(0, min(top, count - height))
        return (index, max(0, top))
    }
}
