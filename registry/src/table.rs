//! The registry as Markdown tables, written one way for every place that shows them:
//! the crate documentation of `close-reasons` and of each generated enum (the macro
//! links each row to its item) and `close-reasons explain --markdown`.

/// One row of [`reasons_table`]. The callers build rows from what they hold (a checked
/// model, or the compiled `CloseReason`), so it has public fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReasonRow<'a> {
    /// The code.
    pub value: u16,
    /// The second column: a name or a link to the generated item, as Markdown.
    pub label: String,
    /// The title.
    pub title: &'a str,
    /// Whether the code may be sent.
    pub sendable: bool,
    /// The defining specification.
    pub reference: &'a str,
    /// A web address for the reference.
    pub link: Option<&'a str>,
}

/// One row of [`ranges_table`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RangeRow<'a> {
    /// The first code.
    pub start: u16,
    /// The last code.
    pub end: u16,
    /// The second column: a name or a link to the generated item, as Markdown.
    pub label: String,
    /// The title.
    pub title: &'a str,
    /// Whether the codes the registry does not name may be sent.
    pub unnamed_codes_sendable: bool,
}

/// `| Code | <label_header> | Title | Sendable | Reference |` and a line per row.
///
/// ```
/// use close_reasons_registry::table::{ReasonRow, reasons_table};
///
/// let row = ReasonRow {
///     value: 4001,
///     label: "`kicked`".into(),
///     title: "Kicked | Banned",
///     sendable: true,
///     reference: "Chat §3",
///     link: None,
/// };
/// assert_eq!(
///     reasons_table("Name", [row]),
///     "| Code | Name | Title | Sendable | Reference |\n|---:|---|---|:---:|---|\n\
///      | 4001 | `kicked` | Kicked \\| Banned | yes | Chat §3 |\n"
/// );
/// ```
pub fn reasons_table<'a>(
    label_header: &str,
    rows: impl IntoIterator<Item = ReasonRow<'a>>,
) -> String {
    let mut table = format!(
        "| Code | {label_header} | Title | Sendable | Reference |\n|---:|---|---|:---:|---|\n"
    );
    for row in rows {
        table += &format!(
            "| {} | {} | {} | {} | {} |\n",
            row.value,
            row.label,
            cell(row.title),
            yes_no(row.sendable),
            cell(&reference_markdown(row.reference, row.link)),
        );
    }
    table
}

/// `| Codes | <label_header> | Title | Unnamed codes sendable |` and a line per row.
pub fn ranges_table<'a>(
    label_header: &str,
    rows: impl IntoIterator<Item = RangeRow<'a>>,
) -> String {
    let mut table = format!(
        "| Codes | {label_header} | Title | Unnamed codes sendable |\n|---|---|---|:---:|\n"
    );
    for row in rows {
        table += &format!(
            "| {}–{} | {} | {} | {} |\n",
            row.start,
            row.end,
            row.label,
            cell(row.title),
            yes_no(row.unnamed_codes_sendable),
        );
    }
    table
}

/// `yes` or `no`, as every table and listing of the registry says it.
#[must_use]
pub fn yes_no(flag: bool) -> &'static str {
    if flag { "yes" } else { "no" }
}

/// The reference as Markdown: a link when there is an address.
#[must_use]
pub fn reference_markdown(reference: &str, link: Option<&str>) -> String {
    match link {
        Some(link) => format!("[{reference}]({link})"),
        None => reference.to_owned(),
    }
}

/// A `|` would end a Markdown table cell.
fn cell(text: &str) -> String {
    text.replace('|', "\\|")
}
