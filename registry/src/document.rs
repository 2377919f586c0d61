//! The typed view of `close-reasons.toml`: every field keeps the byte span it came from,
//! so later stages can point at the exact text that is wrong.
//!
//! Reading never stops at the first problem: every table is read, every field is
//! checked, and all diagnostics are returned together.

use std::ops::Range;

use toml_span::Value;
use toml_span::value::{Key, Table, ValueInner};

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
    /// The TOML itself is broken: the entries are what could be recovered, good for a
    /// stand-in but not to be validated.
    pub syntax_broken: bool,
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
    /// problem found on the way. When the TOML itself is broken, only the syntax errors
    /// are reported and the registry is marked [`syntax_broken`](Self::syntax_broken).
    pub fn parse(source: &str) -> (Option<Registry>, Vec<Diagnostic>) {
        let mut diagnostics = Vec::new();
        let salvaged;
        let document = match toml_span::parse(source) {
            Ok(document) => Some(document),
            Err(error) => {
                diagnostics.push(syntax_diagnostic(&error));
                salvaged = salvage_syntax(source, error);
                salvaged
                    .as_deref()
                    .and_then(|text| toml_span::parse(text).ok())
            }
        };
        // A document that does not parse yields partial tables; the problems found in
        // them are consequences of the syntax error and are not reported.
        let syntax_broken = !diagnostics.is_empty();
        let mut consequences = Vec::new();
        let mut reader = Reader {
            source,
            diagnostics: if syntax_broken {
                &mut consequences
            } else {
                &mut diagnostics
            },
            suggested: Vec::new(),
        };
        let mut registry = Registry {
            syntax_broken,
            ..Registry::default()
        };
        let root = document.as_ref().and_then(Value::as_table);
        for (key, value) in root.into_iter().flatten() {
            match key.name.as_ref() {
                "reason" => {
                    for table in reader.tables(value, "reason") {
                        match reader.reason(table) {
                            Ok(reason) => registry.reasons.push(reason),
                            Err(partial) => registry.partial_reasons.extend(partial),
                        }
                    }
                }
                "range" => {
                    let tables = reader.tables(value, "range");
                    registry.ranges_incomplete |= value
                        .as_array()
                        .is_none_or(|array| array.len() != tables.len());
                    for table in tables {
                        match reader.range(table) {
                            Some(range) => registry.ranges.push(range),
                            None => registry.ranges_incomplete = true,
                        }
                    }
                }
                "field" => {
                    for table in reader.tables(value, "field") {
                        if let Some(field) = reader.field_decl(table) {
                            registry.fields.push(field);
                        }
                    }
                }
                unknown => reader.unknown_key(key, unknown, TOP_LEVEL_KEYS, "the registry"),
            }
        }
        // An array of tables keeps the file order, which `ALL` and the ordering check
        // rely on (the keys of a table do not, but only the arrays' order matters).
        (Some(registry), diagnostics)
    }
}

/// A TOML syntax error as a diagnostic: toml-span's message at its span, and where the
/// first of two clashing definitions is.
fn syntax_diagnostic(error: &toml_span::Error) -> Diagnostic {
    let message = error.to_string();
    let first_line = message.lines().next().unwrap_or(&message).trim();
    let mut diagnostic = Diagnostic::new(
        error.span.start..error.span.end,
        format!("invalid TOML: {first_line}"),
    );
    match &error.kind {
        toml_span::ErrorKind::DuplicateKey { first, .. }
        | toml_span::ErrorKind::DuplicateTable { first, .. } => {
            diagnostic = diagnostic.related(first.start..first.end, "it is first defined here");
        }
        // Past i64, a number is no TOML integer at all; say what would be one.
        toml_span::ErrorKind::InvalidNumber | toml_span::ErrorKind::OutOfRange(_) => {
            return diagnostic.hint(
                "a TOML integer is a 64-bit signed number (close codes are 1-65535), in decimal or with 0x, 0o or 0b",
            );
        }
        _ => {}
    }
    diagnostic.hint("fix the TOML syntax; see https://toml.io for the format")
}

/// The source with every line that a syntax error touches blanked out, repeated until
/// it parses: what remains gives the stand-in its entries, so that code using them adds
/// no errors of its own to the one about the syntax. Blanking keeps every byte offset,
/// so spans into the salvaged text are spans into the source. `None` when nothing
/// parses.
fn salvage_syntax(source: &str, first: toml_span::Error) -> Option<String> {
    let mut bytes = source.as_bytes().to_vec();
    let mut error = first;
    // Each round blanks at least one more line; a registry has a few hundred.
    for _ in 0..bytes.len().min(1024) {
        let start = error.span.start.min(bytes.len());
        let end = error.span.end.clamp(start, bytes.len());
        let line_start = bytes[..start]
            .iter()
            .rposition(|&byte| byte == b'\n')
            .map_or(0, |at| at + 1);
        let line_end = bytes[end..]
            .iter()
            .position(|&byte| byte == b'\n')
            .map_or(bytes.len(), |at| end + at);
        let mut changed = false;
        for byte in &mut bytes[line_start..line_end] {
            if *byte != b' ' {
                *byte = b' ';
                changed = true;
            }
        }
        // Spaces in place of whole lines leave the text valid UTF-8.
        let text = String::from_utf8(bytes).ok()?;
        match toml_span::parse(&text) {
            Ok(_) => return Some(text),
            Err(next) if changed || next.span != error.span => error = next,
            Err(_) => return None,
        }
        bytes = text.into_bytes();
    }
    None
}

struct Reader<'d> {
    /// The text the values were read from, to span a string literal's quotes.
    source: &'d str,
    diagnostics: &'d mut Vec<Diagnostic>,
    /// Fields that an unknown key of the current table looks like a misspelling of:
    /// reporting them as missing too would repeat the same mistake.
    suggested: Vec<&'static str>,
}

impl Reader<'_> {
    /// The byte range of a value's text. toml-span spans a string's contents; a
    /// diagnostic points at the literal as written, quotes included.
    fn span(&self, value: &Value<'_>) -> Range<usize> {
        let (start, end) = (value.span.start, value.span.end);
        let bytes = self.source.as_bytes();
        match value.as_ref() {
            // A table from `[[reason]]` spans its whole entry; a diagnostic about the
            // entry points at its header line.
            ValueInner::Table(_) => {
                let line = bytes.get(start..end).unwrap_or_default();
                let header = line
                    .iter()
                    .position(|&byte| byte == b'\n')
                    .unwrap_or(line.len());
                return start..start + header;
            }
            // An empty `""` or `''` is spanned as its opening quote alone.
            ValueInner::String(text)
                if text.is_empty()
                    && end == start + 1
                    && matches!(bytes.get(start..start + 2), Some(b"\"\"" | b"''")) =>
            {
                return start..start + 2;
            }
            ValueInner::String(_) => {}
            _ => return start..end,
        }
        let before = bytes.get(..start).unwrap_or_default();
        let after = bytes.get(end..).unwrap_or_default();
        // Longest first: a multi-line string's opening quotes, with the newline that
        // TOML drops after them, before a single quote.
        for (open, close) in [
            (&b"\"\"\"\r\n"[..], &b"\"\"\""[..]),
            (b"'''\r\n", b"'''"),
            (b"\"\"\"\n", b"\"\"\""),
            (b"'''\n", b"'''"),
            (b"\"\"\"", b"\"\"\""),
            (b"'''", b"'''"),
            (b"\"", b"\""),
            (b"'", b"'"),
        ] {
            if before.ends_with(open) && after.starts_with(close) {
                return start - open.len()..end + close.len();
            }
        }
        start..end
    }

    fn error(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }

    /// The tables of an array of tables such as `[[reason]]`.
    fn tables<'v, 'i>(
        &mut self,
        value: &'v Value<'i>,
        key: &str,
    ) -> Vec<(&'v Table<'i>, Range<usize>)> {
        let Some(array) = value.as_array() else {
            self.error(
                Diagnostic::new(
                    self.span(value),
                    format!(
                        "`{key}` must be an array of tables, found {}",
                        describe(value)
                    ),
                )
                .hint(format!("write each entry under its own `[[{key}]]` header")),
            );
            return Vec::new();
        };
        let mut tables = Vec::new();
        for item in array {
            match item.as_table() {
                Some(table) => tables.push((table, self.span(item))),
                None => self.error(
                    Diagnostic::new(
                        self.span(item),
                        format!(
                            "each `{key}` entry must be a table, found {}",
                            describe(item)
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
        (table, span): (&Table<'_>, Range<usize>),
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

    fn range(&mut self, (table, span): (&Table<'_>, Range<usize>)) -> Option<CodeRange> {
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

    fn field_decl(&mut self, (table, span): (&Table<'_>, Range<usize>)) -> Option<FieldDecl> {
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
    fn as_field_type(&mut self, value: &Value<'_>) -> Option<Located<FieldType>> {
        const EXPECTED: &str = "\"bool\", \"integer\", \"string\" or a list of words";
        let kind = match value.as_ref() {
            ValueInner::String(word) => match word.as_ref() {
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
                            self.span(value),
                            format!("`type` must be {EXPECTED}, found {other:?}"),
                        )
                        .hint(hint),
                    );
                    return None;
                }
            },
            ValueInner::Array(_) => FieldType::Words(self.as_string_list(value, "type")?),
            _ => {
                self.wrong_type(value, "type", EXPECTED);
                return None;
            }
        };
        Some(Located {
            value: kind,
            span: self.span(value),
        })
    }

    /// A field value: a boolean, an integer or a string.
    fn as_field_value(&mut self, value: &Value<'_>, field: &str) -> Option<Located<FieldValue>> {
        let read = match value.as_ref() {
            ValueInner::Boolean(flag) => FieldValue::Bool(*flag),
            ValueInner::String(text) => FieldValue::String(text.to_string()),
            ValueInner::Integer(integer) => FieldValue::Integer(i128::from(*integer)),
            _ => {
                self.wrong_type(value, field, "a boolean, an integer or a string");
                return None;
            }
        };
        Some(Located {
            value: read,
            span: self.span(value),
        })
    }

    /// A reason's `fields`: a table of the application's field values.
    fn as_field_values(
        &mut self,
        value: &Value<'_>,
        field: &str,
    ) -> Option<Vec<(Located<String>, Located<FieldValue>)>> {
        let Some(table) = value.as_table() else {
            self.wrong_type(
                value,
                field,
                "a table of field values, e.g. { resumable = true }",
            );
            return None;
        };
        let mut values = Vec::new();
        let mut readable = true;
        for (key, item) in table {
            let name: &str = &key.name;
            match self.as_field_value(item, name) {
                Some(read) => values.push((
                    Located {
                        value: name.to_owned(),
                        span: key.span.start..key.span.end,
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
    fn as_reconnect(&mut self, value: &Value<'_>, field: &str) -> Option<Located<ReconnectSpec>> {
        const EXPECTED: &str =
            "\"never\", \"immediately\", \"backoff\" or { after_delay_ms = [min, max] }";
        let spec = match value.as_ref() {
            ValueInner::String(word) => match word.as_ref() {
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
                            self.span(value),
                            format!("`{field}` must be {EXPECTED}, found {other:?}"),
                        )
                        .hint(hint),
                    );
                    return None;
                }
            },
            ValueInner::Table(table) => self.after_delay(table, value, field)?,
            _ => {
                self.wrong_type(value, field, EXPECTED);
                return None;
            }
        };
        Some(Located {
            value: spec,
            span: self.span(value),
        })
    }

    /// The table form of a `reconnect` policy: `{ after_delay_ms = [min, max] }`.
    fn after_delay(
        &mut self,
        table: &Table<'_>,
        value: &Value<'_>,
        field: &str,
    ) -> Option<ReconnectSpec> {
        const FORM: &str = "{ after_delay_ms = [5000, 30000] }";
        for key in table.keys() {
            if key.name != "after_delay_ms" {
                self.error(
                    Diagnostic::new(
                        key.span.start..key.span.end,
                        format!("unknown field `{}` in `{field}`", key.name),
                    )
                    .hint(format!("the table form of `{field}` is {FORM}: a randomised delay between two bounds, in milliseconds")),
                );
            }
        }
        let Some(window) = table.get("after_delay_ms") else {
            self.error(
                Diagnostic::new(
                    self.span(value),
                    format!("`{field}` has no `after_delay_ms`"),
                )
                .hint(format!(
                    "write {FORM}, or one of \"never\", \"immediately\", \"backoff\""
                )),
            );
            return None;
        };
        let bounds = window.as_array().map(|items| {
            let mut bounds = Vec::with_capacity(items.len());
            for item in items {
                bounds.push(Located {
                    value: i128::from(item.as_integer()?),
                    span: self.span(item),
                });
            }
            Some(bounds)
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
                        self.span(window),
                        "`after_delay_ms` must be an array of two integers: the shortest and the longest delay, in milliseconds",
                    )
                    .hint(format!("write {FORM}")),
                );
                None
            }
        }
    }

    fn unknown_fields(&mut self, table: &Table<'_>, known: &[&'static str], header: &str) {
        self.suggested.clear();
        for key in table.keys() {
            let name: &str = &key.name;
            if !known.contains(&name) {
                self.unknown_key(key, name, known, header);
            }
        }
    }

    fn unknown_key(&mut self, key: &Key<'_>, name: &str, known: &[&'static str], owner: &str) {
        let mut diagnostic = Diagnostic::new(
            key.span.start..key.span.end,
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
        table: &'t Table<'i>,
        span: &Range<usize>,
        field: &str,
        entry: &str,
    ) -> Option<&'t Value<'i>> {
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

    fn wrong_type(&mut self, value: &Value<'_>, field: &str, expected: &str) {
        self.error(
            Diagnostic::new(
                self.span(value),
                format!("`{field}` must be {expected}, found {}", describe(value)),
            )
            .hint(format!("write `{field}` as {expected}")),
        );
    }

    fn string(
        &mut self,
        table: &Table<'_>,
        span: &Range<usize>,
        field: &str,
        entry: &str,
    ) -> Option<Located<String>> {
        let value = self.field(table, span, field, entry)?;
        self.as_string(value, field)
    }

    fn optional_string(
        &mut self,
        table: &Table<'_>,
        field: &str,
    ) -> Option<Option<Located<String>>> {
        self.optional(table, field, Self::as_string)
    }

    /// An optional field: `Some(None)` when absent, `None` when present and unreadable.
    fn optional<T>(
        &mut self,
        table: &Table<'_>,
        field: &str,
        read: impl FnOnce(&mut Self, &Value<'_>, &str) -> Option<T>,
    ) -> Option<Option<T>> {
        match table.get(field) {
            None => Some(None),
            Some(value) => read(self, value, field).map(Some),
        }
    }

    fn as_string(&mut self, value: &Value<'_>, field: &str) -> Option<Located<String>> {
        match value.as_str() {
            Some(text) => Some(Located {
                value: text.to_owned(),
                span: self.span(value),
            }),
            None => {
                self.wrong_type(value, field, "a string");
                None
            }
        }
    }

    fn as_string_list(&mut self, value: &Value<'_>, field: &str) -> Option<Vec<Located<String>>> {
        let Some(items) = value.as_array() else {
            self.wrong_type(value, field, "an array of strings, e.g. [\"Away\"]");
            return None;
        };
        let mut strings = Vec::new();
        let mut readable = true;
        for item in items {
            match item.as_str() {
                Some(text) => strings.push(Located {
                    value: text.to_owned(),
                    span: self.span(item),
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
        table: &Table<'_>,
        span: &Range<usize>,
        field: &str,
        entry: &str,
    ) -> Option<Located<i128>> {
        let value = self.field(table, span, field, entry)?;
        let Some(integer) = value.as_integer() else {
            self.wrong_type(value, field, "an integer");
            return None;
        };
        Some(Located {
            value: i128::from(integer),
            span: self.span(value),
        })
    }

    fn boolean(
        &mut self,
        table: &Table<'_>,
        span: &Range<usize>,
        field: &str,
        entry: &str,
    ) -> Option<bool> {
        let value = self.field(table, span, field, entry)?;
        self.as_boolean(value, field).map(|flag| flag.value)
    }

    fn optional_boolean(
        &mut self,
        table: &Table<'_>,
        field: &str,
    ) -> Option<Option<Located<bool>>> {
        self.optional(table, field, Self::as_boolean)
    }

    fn as_boolean(&mut self, value: &Value<'_>, field: &str) -> Option<Located<bool>> {
        match value.as_bool() {
            Some(flag) => Some(Located {
                value: flag,
                span: self.span(value),
            }),
            None => {
                self.wrong_type(value, field, "a boolean (true or false)");
                None
            }
        }
    }
}

fn describe(value: &Value<'_>) -> String {
    match value.as_ref() {
        ValueInner::String(text) => format!("a string ({text:?})"),
        ValueInner::Integer(number) => format!("an integer ({number})"),
        ValueInner::Float(number) => format!("a float ({number})"),
        ValueInner::Boolean(flag) => format!("a boolean ({flag})"),
        ValueInner::Array(_) => "an array".to_owned(),
        ValueInner::Table(_) => "a table".to_owned(),
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
