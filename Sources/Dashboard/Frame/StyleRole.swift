/// What a cell means, not how it looks: a theme turns each role into colours and attributes. Views only ever pick
/// roles, so the same frame draws in any skin, in monochrome, or as plain text.
public enum StyleRole: String, CaseIterable, Sendable, Hashable {
    /// Anything without a more specific role.
    case body
    /// The header line: the product name, labels and values.
    case logo, headerLabel, headerValue
    /// PAUSED in the header, and the REC marker while recording.
    case paused, recording
    /// Drill-down breadcrumbs: earlier pages and the current one.
    case crumb, crumbActive
    /// The box around the table and its title: view name, namespace or scope, row count, filter.
    case border, title, titleScope, titleCounter, titleFilter
    /// The table's column headings.
    case tableHeader
    /// Table rows by state: standard (ready, running), pending (not ready yet), error (failed, crash-looping, no
    /// endpoints), terminating (being deleted), completed (finished, greyed).
    case rowNormal, rowPending, rowError, rowTerminating, rowCompleted
    /// Rows added or changed in the last couple of seconds of virtual time.
    case rowAdded, rowChanged
    /// Rows on the route of the trace last run with `t` (topology).
    case rowTraced
    /// The selected row.
    case cursor
    /// The one-line key hint bar.
    case menuKey, menuText
    /// The flash line: information and errors.
    case flashInfo, flashError
    /// The `:` and `/` prompts and their completion suggestion.
    case prompt, promptSuggest
    /// A yes/no confirmation box.
    case dialog, dialogButton
    /// The `?` help page.
    case helpSection, helpKey, helpText
}
