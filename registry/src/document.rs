//! The typed view of `close-reasons.toml`: every field keeps the byte span it came from,
//! so later stages can point at the exact text that is wrong.
//!
//! Reading never stops at the first problem: every table is read, every field is
//! checked, and all diagnostics are returned together. The TOML is read by toml's
//! recovering parser; a file with syntax errors is read again entry by entry (see
//! [`Registry::parse`]), so that each independent syntax error is reported once and the
//! entries around it are still read and checked.

use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::diagnostic::Diagnostic;

/// A value from the registry and the byte range of its text.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Located<T> {
    /// The value as read.
    pub value: T,
    /// The byte range of its text in the registry source.
    pub span: Range<usize>,
}

/// One `[[reason]]`: a close code with a name.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Reason {
    /// `name`: snake_case, becomes the variant.
    pub name: Located<String>,
    /// `value`: the code, as written (range checked later).
    pub value: Located<i128>,
    /// `title`: the short title.
    pub title: Located<String>,
    /// Optional: applications may leave it out (true); the standard registry may not.
    pub sendable: Option<Located<bool>>,
    /// `doc`: Markdown documentation.
    pub doc: Located<String>,
    /// `reference`: the defining document.
    pub reference: Located<String>,
    /// `link`: a web address for the reference.
    pub link: Option<Located<String>>,
    /// Whether a close with this code counts as a normal end of the connection.
    pub normal_closure: Option<Located<bool>>,
    /// `reconnect`: what a client does after this code, as a policy a program acts on.
    pub reconnect: Option<Located<ReconnectSpec>>,
    /// `reconnect_advice`: what the registry advises a client in words (Markdown).
    pub reconnect_advice: Option<Located<String>>,
    /// The code is registered with IANA (3000-3999) for the application that uses it.
    pub iana: Option<Located<bool>>,
    /// Whether a web page may close a `WebSocket` with the code (standard registry only).
    pub browser_sendable: Option<Located<bool>>,
    /// `aliases`: the names other WebSocket stacks give the code (empty when absent).
    pub aliases: Vec<Located<String>>,
    /// `fields`: the values of the application's own fields, by name, as written.
    pub fields: Vec<(Located<String>, Located<FieldValue>)>,
}

/// What could be read of a `[[reason]]` that has other problems: enough for the
/// stand-in to keep its variant, so that code using it adds no error of its own.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct PartialReason {
    /// `name`, which could be read.
    pub name: Located<String>,
    /// `value`, if it could be read.
    pub value: Option<Located<i128>>,
}

/// One `[[range]]`: a block of codes with a shared meaning.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct CodeRange {
    /// `name`: snake_case, becomes the variant.
    pub name: Located<String>,
    /// `start`: the first code, as written.
    pub start: Located<i128>,
    /// `end`: the last code, as written.
    pub end: Located<i128>,
    /// `title`: printed for unnamed codes.
    pub title: Located<String>,
    /// `sendable`: whether unnamed codes of the range may be sent.
    pub sendable: bool,
    /// `doc`: Markdown documentation.
    pub doc: Located<String>,
    /// `reference`: the defining document.
    pub reference: Option<Located<String>>,
    /// `link`: a web address for the reference.
    pub link: Option<Located<String>>,
    /// Whether a web page may close a `WebSocket` with the range's unnamed codes.
    pub browser_sendable: Option<Located<bool>>,
    /// `reconnect`: what a client does after the range's unnamed codes.
    pub reconnect: Option<Located<ReconnectSpec>>,
}

/// A value of an application field, as written (a word of a list is a `String`).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum FieldValue {
    /// `true` or `false`.
    Bool(bool),
    /// An integer (range checked later).
    Integer(i128),
    /// A string, or a word of a list.
    String(String),
}

/// The `type` of an application field, as written.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum FieldType {
    /// `"bool"`.
    Bool,
    /// `"integer"`: a 64-bit signed integer.
    Integer,
    /// `"string"`.
    String,
    /// A list of words, `["debug", "info"]`: the value is one of them.
    Words(Vec<Located<String>>),
}

/// One `[[field]]`: a field an application's registry declares for its reasons.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct FieldDecl {
    /// `name`: snake_case, becomes the accessor.
    pub name: Located<String>,
    /// `type`.
    pub kind: Located<FieldType>,
    /// `doc`: the accessor's documentation.
    pub doc: Located<String>,
    /// `default`: the value of a reason that does not set it.
    pub default: Located<FieldValue>,
}

/// A `reconnect` policy as written: `"never"`, `"immediately"`, `"backoff"`, or
/// `{ after_delay_ms = [min, max] }` (a randomised delay inside the window).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ReconnectSpec {
    /// `"never"`: do not reconnect automatically.
    Never,
    /// `"immediately"`: reconnect at once.
    Immediately,
    /// `"backoff"`: reconnect with a growing delay.
    Backoff,
    /// `{ after_delay_ms = [min, max] }`, the bounds as written (checked later).
    AfterDelay {
        /// The shortest delay, in milliseconds.
        min_ms: Located<i128>,
        /// The longest delay, in milliseconds.
        max_ms: Located<i128>,
    },
}

/// The words of a `reconnect` policy, in the order the docs give them.
pub const RECONNECT_WORDS: &[&str] = &["never", "immediately", "backoff"];

/// The whole registry, in file order.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct Registry {
    /// The `[[reason]]` tables that could be read completely.
    pub reasons: Vec<Reason>,
    /// The `[[range]]` tables that could be read completely.
    pub ranges: Vec<CodeRange>,
    /// Some `[[range]]` could not be read; checks that need every range are skipped,
    /// so the maintainer sees the real mistake and not its consequences.
    pub ranges_incomplete: bool,
    /// The TOML itself is broken: the entries of [`reasons`](Self::reasons),
    /// [`ranges`](Self::ranges) and [`fields`](Self::fields) are those without a syntax
    /// error, and are checked; the broken ones are in
    /// [`partial_reasons`](Self::partial_reasons), for the stand-in only.
    pub syntax_broken: bool,
    /// Some `[[field]]` could not be read: a reason's value for an undeclared field may
    /// be one of its, so it is not reported.
    pub fields_incomplete: bool,
    /// Reasons that could not be read completely, for the stand-in only.
    pub partial_reasons: Vec<PartialReason>,
    /// The `[[field]]` tables that could be read completely.
    pub fields: Vec<FieldDecl>,
}

const TOP_LEVEL_KEYS: &[&str] = &["reason", "range", "field"];
const FIELD_FIELDS: &[&str] = &["name", "type", "doc", "default"];
const REASON_FIELDS: &[&str] = &[
    "name",
    "value",
    "title",
    "sendable",
    "doc",
    "reference",
    "link",
    "normal_closure",
    "reconnect",
    "reconnect_advice",
    "iana",
    "browser_sendable",
    "aliases",
    "fields",
];
const RANGE_FIELDS: &[&str] = &[
    "name",
    "start",
    "end",
    "title",
    "sendable",
    "doc",
    "reference",
    "link",
    "browser_sendable",
    "reconnect",
];

impl Registry {
    /// Parses the registry source. Returns the entries that could be read and every
    /// problem found on the way, in one pass: reading never stops at the first problem.
    ///
    /// When the TOML itself is broken, the registry is marked
    /// [`syntax_broken`](Self::syntax_broken) and read entry by entry (each `[[…]]` header
    /// starts one): an entry with a syntax error reports its first one only, since what
    /// follows it in the entry is usually a consequence, and keeps what could be read of it
    /// for the stand-in; every other entry is read and reported on as usual. One mistake
    /// that swallows the rest of the file (an array missing its `]`, a string never
    /// closed) so costs one diagnostic, and the entries after it are still read.
    pub fn parse(source: &str) -> (Option<Registry>, Vec<Diagnostic>) {
        let (document, syntax_errors) = DeTable::parse_recoverable(source);
        let mut registry = Registry::default();
        let mut diagnostics = Vec::new();
        if syntax_errors.is_empty() {
            Reader::new(0, &mut diagnostics).document(document.get_ref(), &mut registry);
            return (Some(registry), diagnostics);
        }
        registry.syntax_broken = true;
        // What is read from a broken entry is reported by nobody: its problems are most
        // likely the syntax error's consequences.
        let mut consequences = Vec::new();
        let mut broken_before = false;
        for section in sections(source) {
            let text = &source[section.clone()];
            let (part, errors) = DeTable::parse_recoverable(text);
            // An entry that reads on its own can still clash with another one (a table or
            // key defined twice); the whole file's errors tell. After a broken entry they
            // are more likely its consequences, and are left for the next build.
            let whole = 0..source.len();
            let reported = if errors.is_empty() {
                if broken_before {
                    Vec::new()
                } else {
                    let clash = syntax_errors.iter().find(|error| {
                        error
                            .span()
                            .is_some_and(|span| section.contains(&span.start))
                    });
                    clash
                        .map(|error| syntax_diagnostic(error, source, &whole))
                        .into_iter()
                        .collect()
                }
            } else {
                independent_errors(&errors, text)
                    .map(|error| syntax_diagnostic(error, source, &section))
                    .collect()
            };
            if reported.is_empty() {
                Reader::new(section.start, &mut diagnostics)
                    .document(part.get_ref(), &mut registry);
                continue;
            }
            diagnostics.extend(reported);
            broken_before = true;
            let mut salvaged = Registry::default();
            Reader::new(section.start, &mut consequences).document(part.get_ref(), &mut salvaged);
            registry.salvage_broken_entry(salvaged, header_key(text));
        }
        // Whatever the entries say, a file toml cannot read is never accepted.
        if diagnostics
            .iter()
            .all(|diagnostic| !diagnostic.message.starts_with("invalid TOML"))
        {
            if let Some(error) = syntax_errors.first() {
                diagnostics.push(syntax_diagnostic(error, source, &(0..source.len())));
            }
        }
        (Some(registry), diagnostics)
    }

    /// Keeps what could be read of an entry with a syntax error, for the stand-in only, and
    /// records which checks can no longer see the whole registry.
    fn salvage_broken_entry(&mut self, salvaged: Registry, header: Option<&str>) {
        let partial = salvaged.reasons.into_iter().map(|reason| PartialReason {
            name: reason.name,
            value: Some(reason.value),
        });
        self.partial_reasons.extend(partial);
        self.partial_reasons.extend(salvaged.partial_reasons);
        // A broken `[[reason]]` hides no range or field, a broken `[[range]]` no field, a
        // broken `[[field]]` no range; an entry under no readable header might hide either.
        self.ranges_incomplete |= !matches!(header, Some("reason" | "field"));
        self.fields_incomplete |= !matches!(header, Some("reason" | "range"));
    }
}

/// The syntax errors of one entry worth reporting: the first, and after a string left
/// open on its line (which toml reads up to the end of that line, and no further) the
/// next error on a later line, and so on. Any other first error may make the rest of the
/// entry unreadable, so what follows it is most likely a consequence.
fn independent_errors<'e>(
    errors: &'e [toml::de::Error],
    text: &'e str,
) -> impl Iterator<Item = &'e toml::de::Error> {
    let line_of = |error: &toml::de::Error| {
        let at = error.span().map_or(0, |span| span.start);
        text.get(..at).unwrap_or_default().matches('\n').count()
    };
    let mut last: Option<(usize, bool)> = None;
    errors.iter().filter(move |error| {
        let line = line_of(error);
        let keep = match last {
            None => true,
            Some((last_line, recoverable)) => recoverable && line > last_line,
        };
        if keep {
            let message = error.message();
            let recoverable = message.starts_with("invalid basic string")
                || message.starts_with("invalid literal string");
            last = Some((line, recoverable));
        }
        keep
    })
}

/// The byte ranges of the file's entries: the text before the first header, then one per
/// line that opens a top-level table (`[[reason]]`, a broken `[[reason]`, `[meta]`; not a
/// sub-table such as `[reason.fields]`, which belongs to the entry above it) up to the
/// next one. Only a file that toml could not parse is split. A line inside a multi-line
/// string is text, not a header, unless the string is never closed: then the lines after
/// its opening that look like headers start entries again, since toml reads the rest of
/// the file into that string.
fn sections(source: &str) -> Vec<Range<usize>> {
    let mut starts = vec![0];
    let mut inside_string = Vec::new();
    let mut open: Option<(&str, usize)> = None;
    let mut offset = 0;
    for line in source.split_inclusive('\n') {
        if offset > 0 && is_header_line(line) {
            match open {
                None => starts.push(offset),
                Some((_, opened_at)) => inside_string.push((offset, opened_at)),
            }
        }
        open = multi_line_state(line, offset, open);
        offset += line.len();
    }
    // A string still open at the end is the mistake; the entries after it are read again.
    if let Some((_, opened_at)) = open {
        starts.extend(
            inside_string
                .iter()
                .filter(|(_, string)| *string == opened_at)
                .map(|(line, _)| *line),
        );
        starts.sort_unstable();
    }
    let mut ends = starts.clone();
    ends.remove(0);
    ends.push(source.len());
    starts
        .into_iter()
        .zip(ends)
        .map(|(start, end)| start..end)
        .collect()
}

/// Whether a multi-line string (`"""` or `'''`, and where it opened) is open after `line`,
/// given whether one was open before it. Only the triple quotes are looked at: this
/// splits a broken file into entries, it does not read TOML.
fn multi_line_state<'q>(
    line: &str,
    offset: usize,
    mut open: Option<(&'q str, usize)>,
) -> Option<(&'q str, usize)> {
    let mut at = 0;
    while at < line.len() {
        let rest = &line[at..];
        match open {
            Some((quotes, _)) => match rest.find(quotes) {
                Some(found) => {
                    open = None;
                    at += found + 3;
                }
                None => break,
            },
            None => {
                // A comment ends what can open a string on this line.
                let code = rest.split('#').next().unwrap_or(rest);
                let basic = code.find("\"\"\"").map(|found| (found, "\"\"\""));
                let literal = code.find("'''").map(|found| (found, "'''"));
                let Some((found, quotes)) = [basic, literal].into_iter().flatten().min() else {
                    break;
                };
                open = Some((quotes, offset + at + found));
                at += found + 3;
            }
        }
    }
    open
}

/// A line that opens a top-level table: `[[` at its start, or `[` with a `]` at its end
/// (before a comment), and a key without a dot. A Markdown reference such as
/// `[RFC 6455]: https://…` does not end in `]`.
fn is_header_line(line: &str) -> bool {
    let line = line.trim();
    let before_comment = line.split('#').next().unwrap_or(line).trim_end();
    let opens = line.starts_with("[[") || (line.starts_with('[') && before_comment.ends_with(']'));
    opens && !header_of(line).contains('.')
}

/// The key written in a header line, without its brackets.
fn header_of(line: &str) -> &str {
    let key = line.trim().trim_start_matches('[');
    key.split(']').next().unwrap_or(key).trim()
}

/// The key of the section's header (`reason` for `[[reason]]`), when it has a readable one.
fn header_key(section: &str) -> Option<&str> {
    let line = section.lines().find(|line| is_header_line(line))?;
    Some(header_of(line))
}

/// A TOML syntax error as a diagnostic, at its place in the file (`read` is the text that
/// toml read), with what else the maintainer needs to find it.
fn syntax_diagnostic(error: &toml::de::Error, source: &str, read: &Range<usize>) -> Diagnostic {
    let offset = read.start;
    let span = error.span().unwrap_or(0..0);
    let span = span.start + offset..span.end + offset;
    let message = first_line(error.message());
    let key = source.get(span.clone()).unwrap_or_default();
    let mut diagnostic = if message == "duplicate key" && !key.is_empty() {
        Diagnostic::new(
            span.clone(),
            format!("invalid TOML: duplicate key: `{key}`"),
        )
    } else {
        Diagnostic::new(span.clone(), format!("invalid TOML: {message}"))
    };
    let before = source.get(..span.start).unwrap_or_default();
    if message.starts_with("duplicate key") {
        if let Some(first) = earlier_definition(source, offset, span.start, key) {
            diagnostic = diagnostic.related(first, "it is first defined here");
        }
    } else if message.starts_with("invalid multi-line")
        && source
            .get(span.start..read.end)
            .is_some_and(|rest| rest.trim().is_empty())
    {
        // toml reports a multi-line string that is never closed where the text ends; the
        // mistake is where it opens, at the last triple quote before that.
        let opening = ["\"\"\"", "'''"]
            .iter()
            .filter_map(|quotes| before.get(offset..)?.rfind(quotes).map(|at| offset + at))
            .max();
        if let Some(opening) = opening {
            return Diagnostic::new(
                opening..opening + 3,
                "invalid TOML: this multi-line string is never closed",
            )
            .related(span, "toml reaches here still inside the string")
            .hint("close the string with the same three quotes it opens with");
        }
    } else if message.contains("in array") || message.starts_with("missing comma between array") {
        if let Some(opening) = open_array(source, offset, span.start) {
            return diagnostic
                .related(opening..opening + 1, "the array opens here")
                .hint("close the array with `]`, or separate its values with commas");
        }
    }
    diagnostic.hint("fix the TOML syntax; see https://toml.io for the format")
}

/// The `[` of the last array in the entry starting at `entry`, before `error`, that opens
/// at the end of its line (`key = [`) and so may never be closed.
fn open_array(source: &str, entry: usize, error: usize) -> Option<usize> {
    let text = source.get(entry..error)?;
    let mut offset = entry;
    let mut opening = None;
    for line in text.split_inclusive('\n') {
        let code = line.split('#').next().unwrap_or(line).trim_end();
        if let Some((_, value)) = code.split_once('=') {
            if value.trim() == "[" {
                opening = Some(offset + code.len() - 1);
            }
        }
        offset += line.len();
    }
    opening
}

/// Where `key` was first written as `key = …` in the entry that starts at `entry` and
/// defines it again at `again`.
fn earlier_definition(source: &str, entry: usize, again: usize, key: &str) -> Option<Range<usize>> {
    if key.is_empty() {
        return None;
    }
    let mut offset = entry;
    for line in source.get(entry..again)?.split_inclusive('\n') {
        let indent = line.len() - line.trim_start().len();
        let rest = &line[indent..];
        if rest
            .strip_prefix(key)
            .is_some_and(|after| after.trim_start().starts_with('='))
        {
            return Some(offset + indent..offset + indent + key.len());
        }
        offset += line.len();
    }
    None
}

fn first_line(message: &str) -> &str {
    message.lines().next().unwrap_or(message).trim()
}

struct Reader<'d> {
    /// Where the text that toml read starts in the file: spans are into the file.
    offset: usize,
    diagnostics: &'d mut Vec<Diagnostic>,
    /// Fields that an unknown key of the current table looks like a misspelling of:
    /// reporting them as missing too would repeat the same mistake.
    suggested: Vec<&'static str>,
}

impl<'d> Reader<'d> {
    fn new(offset: usize, diagnostics: &'d mut Vec<Diagnostic>) -> Reader<'d> {
        Reader {
            offset,
            diagnostics,
            suggested: Vec::new(),
        }
    }

    /// The byte range in the file of a span into the text toml read.
    fn at(&self, span: Range<usize>) -> Range<usize> {
        span.start + self.offset..span.end + self.offset
    }

    /// Every entry of a document (or of one section of it) into `registry`.
    fn document(&mut self, root: &DeTable<'_>, registry: &mut Registry) {
        for (key, value) in root.iter() {
            match &**key.get_ref() {
                "reason" => {
                    for table in self.tables(value, "reason") {
                        match self.reason(table) {
                            Ok(reason) => registry.reasons.push(reason),
                            Err(partial) => registry.partial_reasons.extend(partial),
                        }
                    }
                }
                "range" => {
                    let tables = self.tables(value, "range");
                    registry.ranges_incomplete |= value
                        .get_ref()
                        .as_array()
                        .is_none_or(|array| array.len() != tables.len());
                    for table in tables {
                        match self.range(table) {
                            Some(range) => registry.ranges.push(range),
                            None => registry.ranges_incomplete = true,
                        }
                    }
                }
                "field" => {
                    for table in self.tables(value, "field") {
                        match self.field_decl(table) {
                            Some(field) => registry.fields.push(field),
                            None => registry.fields_incomplete = true,
                        }
                    }
                }
                unknown => self.unknown_key(key, unknown, TOP_LEVEL_KEYS, "the registry"),
            }
        }
        // An array of tables keeps the file order, which `ALL` and the ordering check
        // rely on (the keys of a table do not, but only the arrays' order matters).
    }
}

impl Reader<'_> {
    fn error(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }

    /// The tables of an array of tables such as `[[reason]]`.
    fn tables<'v, 'i>(
        &mut self,
        value: &'v Spanned<DeValue<'i>>,
        key: &str,
    ) -> Vec<(&'v DeTable<'i>, Range<usize>)> {
        let Some(array) = value.get_ref().as_array() else {
            self.error(
                Diagnostic::new(
                    self.at(value.span()),
                    format!(
                        "`{key}` must be an array of tables, found {}",
                        describe(value.get_ref())
                    ),
                )
                .hint(format!("write each entry under its own `[[{key}]]` header")),
            );
            return Vec::new();
        };
        let mut tables = Vec::new();
        for item in array.iter() {
            match item.get_ref().as_table() {
                Some(table) => tables.push((table, self.at(item.span()))),
                None => self.error(
                    Diagnostic::new(
                        self.at(item.span()),
                        format!(
                            "each `{key}` entry must be a table, found {}",
                            describe(item.get_ref())
                        ),
                    )
                    .hint(format!("write each entry under its own `[[{key}]]` header")),
                ),
            }
        }
        tables
    }

    fn reason(
        &mut self,
        (table, span): (&DeTable<'_>, Range<usize>),
    ) -> Result<Reason, Option<PartialReason>> {
        self.unknown_fields(table, REASON_FIELDS, "[[reason]]");
        let name = self.string(table, &span, "name", "reason");
        let value = self.integer(table, &span, "value", "reason");
        let title = self.string(table, &span, "title", "reason");
        let sendable = self.optional_boolean(table, "sendable");
        let doc = self.string(table, &span, "doc", "reason");
        let reference = self.string(table, &span, "reference", "reason");
        let link = self.optional_string(table, "link");
        let normal_closure = self.optional_boolean(table, "normal_closure");
        let reconnect = self.optional(table, "reconnect", Self::as_reconnect);
        let reconnect_advice = self.optional_string(table, "reconnect_advice");
        let iana = self.optional_boolean(table, "iana");
        let browser_sendable = self.optional_boolean(table, "browser_sendable");
        let aliases = self.optional(table, "aliases", Self::as_string_list);
        let fields = self.optional(table, "fields", Self::as_field_values);
        let reason = (|| {
            Some(Reason {
                name: name.clone()?,
                value: value.clone()?,
                title: title?,
                sendable: sendable?,
                doc: doc?,
                reference: reference?,
                link: link?,
                normal_closure: normal_closure?,
                reconnect: reconnect?,
                reconnect_advice: reconnect_advice?,
                iana: iana?,
                browser_sendable: browser_sendable?,
                aliases: aliases?.unwrap_or_default(),
                fields: fields?.unwrap_or_default(),
            })
        })();
        reason.ok_or_else(|| name.map(|name| PartialReason { name, value }))
    }

    fn range(&mut self, (table, span): (&DeTable<'_>, Range<usize>)) -> Option<CodeRange> {
        self.unknown_fields(table, RANGE_FIELDS, "[[range]]");
        let name = self.string(table, &span, "name", "range");
        let start = self.integer(table, &span, "start", "range");
        let end = self.integer(table, &span, "end", "range");
        let title = self.string(table, &span, "title", "range");
        let sendable = self.boolean(table, &span, "sendable", "range");
        let doc = self.string(table, &span, "doc", "range");
        let reference = self.optional_string(table, "reference");
        let link = self.optional_string(table, "link");
        let browser_sendable = self.optional_boolean(table, "browser_sendable");
        let reconnect = self.optional(table, "reconnect", Self::as_reconnect);
        Some(CodeRange {
            name: name?,
            start: start?,
            end: end?,
            title: title?,
            sendable: sendable?,
            doc: doc?,
            reference: reference?,
            link: link?,
            browser_sendable: browser_sendable?,
            reconnect: reconnect?,
        })
    }

    fn field_decl(&mut self, (table, span): (&DeTable<'_>, Range<usize>)) -> Option<FieldDecl> {
        self.unknown_fields(table, FIELD_FIELDS, "[[field]]");
        let name = self.string(table, &span, "name", "field");
        let kind = self
            .field(table, &span, "type", "field")
            .and_then(|value| self.as_field_type(value));
        let doc = self.string(table, &span, "doc", "field");
        let default = self
            .field(table, &span, "default", "field")
            .and_then(|value| self.as_field_value(value, "default"));
        Some(FieldDecl {
            name: name?,
            kind: kind?,
            doc: doc?,
            default: default?,
        })
    }

    /// A field's `type`: `"bool"`, `"integer"`, `"string"`, or an array of words.
    fn as_field_type(&mut self, value: &Spanned<DeValue<'_>>) -> Option<Located<FieldType>> {
        const EXPECTED: &str = "\"bool\", \"integer\", \"string\" or a list of words";
        let kind = match value.get_ref() {
            DeValue::String(word) => match &**word {
                "bool" => FieldType::Bool,
                "integer" => FieldType::Integer,
                "string" => FieldType::String,
                other => {
                    let hint = match closest(other, &["bool", "integer", "string"]) {
                        Some(word) => format!("did you mean \"{word}\"?"),
                        None => "write `type` as one of them, or as [\"word\", …] for a value that is one of a list".to_owned(),
                    };
                    self.error(
                        Diagnostic::new(
                            self.at(value.span()),
                            format!("`type` must be {EXPECTED}, found {other:?}"),
                        )
                        .hint(hint),
                    );
                    return None;
                }
            },
            DeValue::Array(_) => FieldType::Words(self.as_string_list(value, "type")?),
            _ => {
                self.wrong_type(value, "type", EXPECTED);
                return None;
            }
        };
        Some(Located {
            value: kind,
            span: self.at(value.span()),
        })
    }

    /// A field value: a boolean, an integer or a string.
    fn as_field_value(
        &mut self,
        value: &Spanned<DeValue<'_>>,
        field: &str,
    ) -> Option<Located<FieldValue>> {
        let read = match value.get_ref() {
            DeValue::Boolean(flag) => FieldValue::Bool(*flag),
            DeValue::String(text) => FieldValue::String(text.to_string()),
            DeValue::Integer(integer) => {
                match i128::from_str_radix(integer.as_str(), integer.radix()) {
                    Ok(number) => FieldValue::Integer(number),
                    Err(_) => {
                        self.error(
                            Diagnostic::new(
                                self.at(value.span()),
                                format!("`{field}` is far outside the 64-bit integers"),
                            )
                            .hint("application integer fields are i64"),
                        );
                        return None;
                    }
                }
            }
            _ => {
                self.wrong_type(value, field, "a boolean, an integer or a string");
                return None;
            }
        };
        Some(Located {
            value: read,
            span: self.at(value.span()),
        })
    }

    /// A reason's `fields`: a table of the application's field values.
    fn as_field_values(
        &mut self,
        value: &Spanned<DeValue<'_>>,
        field: &str,
    ) -> Option<Vec<(Located<String>, Located<FieldValue>)>> {
        let Some(table) = value.get_ref().as_table() else {
            self.wrong_type(
                value,
                field,
                "a table of field values, e.g. { resumable = true }",
            );
            return None;
        };
        let mut values = Vec::new();
        let mut readable = true;
        for (key, item) in table.iter() {
            let name: &str = key.get_ref();
            match self.as_field_value(item, name) {
                Some(read) => values.push((
                    Located {
                        value: name.to_owned(),
                        span: self.at(key.span()),
                    },
                    read,
                )),
                None => readable = false,
            }
        }
        readable.then_some(values)
    }

    /// A `reconnect` policy: one of [`RECONNECT_WORDS`], or a table holding only
    /// `after_delay_ms`, an array of two integers.
    fn as_reconnect(
        &mut self,
        value: &Spanned<DeValue<'_>>,
        field: &str,
    ) -> Option<Located<ReconnectSpec>> {
        const EXPECTED: &str =
            "\"never\", \"immediately\", \"backoff\" or { after_delay_ms = [min, max] }";
        let spec = match value.get_ref() {
            DeValue::String(word) => match &**word {
                "never" => ReconnectSpec::Never,
                "immediately" => ReconnectSpec::Immediately,
                "backoff" => ReconnectSpec::Backoff,
                other => {
                    let hint = if other.contains(char::is_whitespace) {
                        "`reconnect` is the policy a program acts on; advice in words goes in `reconnect_advice`".to_owned()
                    } else {
                        match closest(other, RECONNECT_WORDS) {
                            Some(word) => format!("did you mean \"{word}\"?"),
                            None => format!("write `{field}` as {EXPECTED}"),
                        }
                    };
                    self.error(
                        Diagnostic::new(
                            self.at(value.span()),
                            format!("`{field}` must be {EXPECTED}, found {other:?}"),
                        )
                        .hint(hint),
                    );
                    return None;
                }
            },
            DeValue::Table(table) => self.after_delay(table, value, field)?,
            _ => {
                self.wrong_type(value, field, EXPECTED);
                return None;
            }
        };
        Some(Located {
            value: spec,
            span: self.at(value.span()),
        })
    }

    /// The table form of a `reconnect` policy: `{ after_delay_ms = [min, max] }`.
    fn after_delay(
        &mut self,
        table: &DeTable<'_>,
        value: &Spanned<DeValue<'_>>,
        field: &str,
    ) -> Option<ReconnectSpec> {
        const FORM: &str = "{ after_delay_ms = [5000, 30000] }";
        for key in table.keys() {
            if &**key.get_ref() != "after_delay_ms" {
                self.error(
                    Diagnostic::new(
                        self.at(key.span()),
                        format!("unknown field `{}` in `{field}`", key.get_ref()),
                    )
                    .hint(format!("the table form of `{field}` is {FORM}: a randomised delay between two bounds, in milliseconds")),
                );
            }
        }
        let Some(window) = table.get("after_delay_ms") else {
            self.error(
                Diagnostic::new(
                    self.at(value.span()),
                    format!("`{field}` has no `after_delay_ms`"),
                )
                .hint(format!(
                    "write {FORM}, or one of \"never\", \"immediately\", \"backoff\""
                )),
            );
            return None;
        };
        let bounds = window.get_ref().as_array().map(|items| {
            items
                .iter()
                .map(|item| {
                    let integer = item.get_ref().as_integer()?;
                    let number = i128::from_str_radix(integer.as_str(), integer.radix()).ok()?;
                    Some(Located {
                        value: number,
                        span: self.at(item.span()),
                    })
                })
                .collect::<Option<Vec<_>>>()
        });
        match bounds {
            Some(Some(bounds)) if bounds.len() == 2 => {
                let mut bounds = bounds.into_iter();
                let min_ms = bounds.next()?;
                let max_ms = bounds.next()?;
                Some(ReconnectSpec::AfterDelay { min_ms, max_ms })
            }
            _ => {
                self.error(
                    Diagnostic::new(
                        self.at(window.span()),
                        "`after_delay_ms` must be an array of two integers: the shortest and the longest delay, in milliseconds",
                    )
                    .hint(format!("write {FORM}")),
                );
                None
            }
        }
    }

    fn unknown_fields(&mut self, table: &DeTable<'_>, known: &[&'static str], header: &str) {
        self.suggested.clear();
        for key in table.keys() {
            let name: &str = key.get_ref();
            if !known.contains(&name) {
                self.unknown_key(key, name, known, header);
            }
        }
    }

    fn unknown_key(
        &mut self,
        key: &Spanned<std::borrow::Cow<'_, str>>,
        name: &str,
        known: &[&'static str],
        owner: &str,
    ) {
        let mut diagnostic = Diagnostic::new(
            self.at(key.span()),
            format!("unknown field `{name}` in {owner}"),
        );
        diagnostic = match closest(name, known) {
            Some(suggestion) => {
                self.suggested.push(suggestion);
                diagnostic.hint(format!("did you mean `{suggestion}`?"))
            }
            None => diagnostic.hint(format!("the fields are: {}", known.join(", "))),
        };
        self.error(diagnostic);
    }

    fn field<'t, 'i>(
        &mut self,
        table: &'t DeTable<'i>,
        span: &Range<usize>,
        field: &str,
        entry: &str,
    ) -> Option<&'t Spanned<DeValue<'i>>> {
        let value = table.get(field);
        if value.is_none() && !self.suggested.contains(&field) {
            self.error(
                Diagnostic::new(
                    span.clone(),
                    format!("missing field `{field}` in this {entry}"),
                )
                .hint(format!("add `{field} = ...` to this [[{entry}]] entry")),
            );
        }
        value
    }

    fn wrong_type(&mut self, value: &Spanned<DeValue<'_>>, field: &str, expected: &str) {
        self.error(
            Diagnostic::new(
                self.at(value.span()),
                format!(
                    "`{field}` must be {expected}, found {}",
                    describe(value.get_ref())
                ),
            )
            .hint(format!("write `{field}` as {expected}")),
        );
    }

    fn string(
        &mut self,
        table: &DeTable<'_>,
        span: &Range<usize>,
        field: &str,
        entry: &str,
    ) -> Option<Located<String>> {
        let value = self.field(table, span, field, entry)?;
        self.as_string(value, field)
    }

    fn optional_string(
        &mut self,
        table: &DeTable<'_>,
        field: &str,
    ) -> Option<Option<Located<String>>> {
        self.optional(table, field, Self::as_string)
    }

    /// An optional field: `Some(None)` when absent, `None` when present and unreadable.
    fn optional<T>(
        &mut self,
        table: &DeTable<'_>,
        field: &str,
        read: impl FnOnce(&mut Self, &Spanned<DeValue<'_>>, &str) -> Option<T>,
    ) -> Option<Option<T>> {
        match table.get(field) {
            None => Some(None),
            Some(value) => read(self, value, field).map(Some),
        }
    }

    fn as_string(&mut self, value: &Spanned<DeValue<'_>>, field: &str) -> Option<Located<String>> {
        match value.get_ref().as_str() {
            Some(text) => Some(Located {
                value: text.to_owned(),
                span: self.at(value.span()),
            }),
            None => {
                self.wrong_type(value, field, "a string");
                None
            }
        }
    }

    fn as_string_list(
        &mut self,
        value: &Spanned<DeValue<'_>>,
        field: &str,
    ) -> Option<Vec<Located<String>>> {
        let Some(items) = value.get_ref().as_array() else {
            self.wrong_type(value, field, "an array of strings, e.g. [\"Away\"]");
            return None;
        };
        let mut strings = Vec::new();
        let mut readable = true;
        for item in items.iter() {
            match item.get_ref().as_str() {
                Some(text) => strings.push(Located {
                    value: text.to_owned(),
                    span: self.at(item.span()),
                }),
                None => {
                    self.wrong_type(item, field, "an array of strings, e.g. [\"Away\"]");
                    readable = false;
                }
            }
        }
        readable.then_some(strings)
    }

    fn integer(
        &mut self,
        table: &DeTable<'_>,
        span: &Range<usize>,
        field: &str,
        entry: &str,
    ) -> Option<Located<i128>> {
        let value = self.field(table, span, field, entry)?;
        let Some(integer) = value.get_ref().as_integer() else {
            self.wrong_type(value, field, "an integer");
            return None;
        };
        match i128::from_str_radix(integer.as_str(), integer.radix()) {
            Ok(number) => Some(Located {
                value: number,
                span: self.at(value.span()),
            }),
            Err(_) => {
                self.error(
                    Diagnostic::new(
                        self.at(value.span()),
                        format!("`{field}` is far outside 0..=65535"),
                    )
                    .hint("close codes are 16-bit numbers"),
                );
                None
            }
        }
    }

    fn boolean(
        &mut self,
        table: &DeTable<'_>,
        span: &Range<usize>,
        field: &str,
        entry: &str,
    ) -> Option<bool> {
        let value = self.field(table, span, field, entry)?;
        self.as_boolean(value, field).map(|flag| flag.value)
    }

    fn optional_boolean(
        &mut self,
        table: &DeTable<'_>,
        field: &str,
    ) -> Option<Option<Located<bool>>> {
        self.optional(table, field, Self::as_boolean)
    }

    fn as_boolean(&mut self, value: &Spanned<DeValue<'_>>, field: &str) -> Option<Located<bool>> {
        match value.get_ref().as_bool() {
            Some(flag) => Some(Located {
                value: flag,
                span: self.at(value.span()),
            }),
            None => {
                self.wrong_type(value, field, "a boolean (true or false)");
                None
            }
        }
    }
}

fn describe(value: &DeValue<'_>) -> String {
    match value {
        DeValue::String(text) => format!("a string ({text:?})"),
        DeValue::Integer(number) => format!("an integer ({number})"),
        DeValue::Float(number) => format!("a float ({number})"),
        DeValue::Boolean(flag) => format!("a boolean ({flag})"),
        DeValue::Datetime(_) => "a date-time".to_owned(),
        DeValue::Array(_) => "an array".to_owned(),
        DeValue::Table(_) => "a table".to_owned(),
    }
}

/// [`closest`], for the other stages.
pub(crate) fn closest_name<'k>(name: &str, known: &[&'k str]) -> Option<&'k str> {
    closest(name, known)
}

/// The known name closest to a misspelt one, if it is close enough to be a typo.
fn closest<'k>(name: &str, known: &[&'k str]) -> Option<&'k str> {
    known
        .iter()
        .map(|candidate| (edit_distance(name, candidate), *candidate))
        .filter(|(distance, candidate)| *distance <= candidate.len().div_ceil(3))
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

/// Levenshtein distance over characters; the names involved are a few bytes long.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, left) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, right) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(left != *right);
            current.push(substitution.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn messages(source: &str) -> Vec<String> {
        Registry::parse(source)
            .1
            .into_iter()
            .map(|diagnostic| diagnostic.render("r.toml", source))
            .collect()
    }

    const REASON: &str = "[[reason]]\nname = \"normal\"\nvalue = 1000\ntitle = \"Normal Closure\"\n\
                          sendable = true\ndoc = \"done\"\nreference = \"RFC 6455\"\n";

    #[test]
    fn reads_a_complete_reason_with_spans() {
        let (registry, diagnostics) = Registry::parse(REASON);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        let registry = registry.unwrap();
        let reason = &registry.reasons[0];
        assert_eq!(reason.value.value, 1000);
        assert_eq!(&REASON[reason.value.span.clone()], "1000");
        assert_eq!(&REASON[reason.name.span.clone()], "\"normal\"");
        assert!(reason.link.is_none());
    }

    #[test]
    fn keeps_file_order() {
        let source = format!("{REASON}{}", REASON.replace("normal", "alpha"));
        let registry = Registry::parse(&source).0.unwrap();
        let names: Vec<_> = registry
            .reasons
            .iter()
            .map(|r| r.name.value.as_str())
            .collect();
        assert_eq!(names, ["normal", "alpha"]);
    }

    #[test]
    fn reports_unknown_field_with_suggestion() {
        let source = REASON.replace("title", "titel");
        let messages = messages(&source);
        assert!(
            messages
                .iter()
                .any(|m| m.starts_with("r.toml:4:1: unknown field `titel`")
                    && m.contains("did you mean `title`?")),
            "{messages:?}"
        );
        // The misspelling is the mistake; "missing `title`" would say it twice.
        assert_eq!(messages.len(), 1, "{messages:?}");
        let messages = self::messages(&REASON.replace("title = \"Normal Closure\"\n", ""));
        assert!(
            messages[0].starts_with("r.toml:1:1: missing field `title`"),
            "{messages:?}"
        );
    }

    #[test]
    fn reports_wrong_type_at_the_value() {
        let messages = messages(&REASON.replace("1000", "\"1000\""));
        assert_eq!(messages.len(), 1, "{messages:?}");
        assert!(messages[0].starts_with("r.toml:3:9: `value` must be an integer, found a string"));
    }

    #[test]
    fn a_syntax_error_leaves_the_other_entries_for_the_stand_in() {
        let broken = REASON.replace("\"Normal Closure\"", "\"Normal Closure");
        let other = REASON
            .replace("normal", "going_away")
            .replace("1000", "1001");
        let source = format!("{broken}\n{other}");
        let (registry, diagnostics) = Registry::parse(&source);
        assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
        let registry = registry.unwrap();
        assert!(registry.syntax_broken);
        // The broken reason lost its title, so only its name and value are left.
        assert_eq!(registry.partial_reasons[0].name.value, "normal");
        assert_eq!(
            registry.partial_reasons[0].value.as_ref().unwrap().value,
            1000
        );
        assert_eq!(registry.reasons[0].name.value, "going_away");
        // Spans into what was salvaged are spans into the file.
        let title = registry.reasons[0].title.span.clone();
        assert_eq!(&source[title], "\"Normal Closure\"");
    }

    #[test]
    fn a_key_given_twice_points_at_both() {
        let source = REASON.replace("value = 1000\n", "value = 1000\nvalue = 1001\n");
        let messages = messages(&source);
        assert_eq!(messages.len(), 1, "{messages:?}");
        assert!(
            messages[0].starts_with("r.toml:4:1: invalid TOML: duplicate key: `value`"),
            "{messages:?}"
        );
        assert!(
            messages[0].contains("r.toml:3:1: it is first defined here"),
            "{messages:?}"
        );
    }

    #[test]
    fn string_spans_cover_the_quotes_of_every_kind_of_string() {
        let kinds = [
            r#""Normal""#,
            "'Normal'",
            r#""""Normal""""#,
            "'''Normal'''",
            "\"\"\"\nNormal\"\"\"",
            "'''\r\nNormal'''",
            r#""No\u0072mal""#,
        ];
        for written in kinds {
            let source = REASON.replace("\"Normal Closure\"", written);
            let (registry, diagnostics) = Registry::parse(&source);
            assert!(diagnostics.is_empty(), "{written}: {diagnostics:?}");
            let title = &registry.unwrap().reasons[0].title;
            assert_eq!(title.value, "Normal", "{written}");
            assert_eq!(&source[title.span.clone()], written);
        }
    }

    #[test]
    fn reports_syntax_errors_with_location() {
        let (registry, _) = Registry::parse("[[reason]\nname = 1\n");
        assert!(registry.unwrap().syntax_broken);
        let messages = messages("[[reason]\nname = 1\n");
        assert!(!messages.is_empty());
        assert!(messages[0].starts_with("r.toml:1:"), "{messages:?}");
        assert!(messages[0].contains("invalid TOML"));
    }

    #[test]
    fn reports_unknown_top_level_key() {
        let messages = messages(&format!("resons = 1\n{REASON}"));
        assert!(messages[0].contains("unknown field `resons`") && messages[0].contains("`reason`"));
    }

    #[test]
    fn reports_every_problem_at_once() {
        let source = format!(
            "{}{}",
            REASON.replace("1000", "true"),
            REASON.replace("doc", "dock")
        );
        let messages = messages(&source);
        assert_eq!(messages.len(), 2, "{messages:?}");
        assert!(messages[0].contains("`value` must be an integer, found a boolean"));
        assert!(messages[1].contains("unknown field `dock`"));
    }

    #[test]
    fn reports_every_mistake_in_a_reconnect_policy() {
        let entry = |policy: &str| {
            format!(
                "[[reason]]\nname = \"a\"\nvalue = 4000\ntitle = \"T\"\ndoc = \"D\"\n\
                 reference = \"R\"\nreconnect = {policy}\n"
            )
        };
        let cases = [
            (
                "\"Log in again, then reconnect.\"",
                "r.toml:7:13: `reconnect` must be \"never\", \"immediately\", \"backoff\" or { after_delay_ms = [min, max] }, found \"Log in again, then reconnect.\"",
                "advice in words goes in `reconnect_advice`",
            ),
            (
                "\"nevr\"",
                "r.toml:7:13: `reconnect` must be",
                "did you mean \"never\"?",
            ),
            (
                "true",
                "r.toml:7:13: `reconnect` must be",
                "found a boolean (true)",
            ),
            (
                "{ after_delay_ms = [1] }",
                "r.toml:7:32: `after_delay_ms` must be an array of two integers",
                "write { after_delay_ms = [5000, 30000] }",
            ),
            (
                "{ after_delay_ms = [1, \"2\"] }",
                "r.toml:7:32: `after_delay_ms` must be an array of two integers",
                "in milliseconds",
            ),
            (
                "{ delay_ms = [1, 2] }",
                "r.toml:7:15: unknown field `delay_ms` in `reconnect`",
                "the table form of `reconnect` is { after_delay_ms = [5000, 30000] }",
            ),
        ];
        for (policy, message, hint) in cases {
            let errors = messages(&entry(policy));
            assert!(
                errors.iter().any(|error| error.starts_with(message)),
                "{policy}: {errors:?}"
            );
            assert!(
                errors.iter().any(|error| error.contains(hint)),
                "{policy}: {errors:?}"
            );
        }
    }

    #[test]
    fn suggests_only_close_names() {
        assert_eq!(closest("sendabel", REASON_FIELDS), Some("sendable"));
        assert_eq!(closest("colour", REASON_FIELDS), None);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        // Insertions and deletions cost one each.
        assert_eq!(edit_distance("a", "abc"), 2);
        assert_eq!(edit_distance("abc", "a"), 2);
        assert_eq!(edit_distance("", "ab"), 2);
    }
}
