//! The typed view of `close-reasons.toml`: every field keeps the byte span it came from,
//! so later stages can point at the exact text that is wrong.
//!
//! Reading never stops at the first problem: every table is read, every field is
//! checked, and all diagnostics are returned together.

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
        let (document, syntax_errors) = DeTable::parse_recoverable(source);
        let mut diagnostics: Vec<Diagnostic> = syntax_errors
            .iter()
            .map(|error| {
                let span = error.span().unwrap_or(0..0);
                Diagnostic::new(
                    span,
                    format!("invalid TOML: {}", first_line(error.message())),
                )
                .hint("fix the TOML syntax; see https://toml.io for the format")
            })
            .collect();
        // A document that does not parse yields partial tables; the problems found in
        // them are consequences of the syntax error and are not reported.
        let syntax_broken = !diagnostics.is_empty();
        let mut consequences = Vec::new();
        let mut reader = Reader {
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
        let root = document.get_ref();
        for (key, value) in root.iter() {
            match &**key.get_ref() {
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
                        .get_ref()
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

fn first_line(message: &str) -> &str {
    message.lines().next().unwrap_or(message).trim()
}

struct Reader<'d> {
    diagnostics: &'d mut Vec<Diagnostic>,
    /// Fields that an unknown key of the current table looks like a misspelling of:
    /// reporting them as missing too would repeat the same mistake.
    suggested: Vec<&'static str>,
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
                    value.span(),
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
                Some(table) => tables.push((table, item.span())),
                None => self.error(
                    Diagnostic::new(
                        item.span(),
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
                            value.span(),
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
            span: value.span(),
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
                                value.span(),
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
            span: value.span(),
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
                        span: key.span(),
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
                            value.span(),
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
            span: value.span(),
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
                        key.span(),
                        format!("unknown field `{}` in `{field}`", key.get_ref()),
                    )
                    .hint(format!("the table form of `{field}` is {FORM}: a randomised delay between two bounds, in milliseconds")),
                );
            }
        }
        let Some(window) = table.get("after_delay_ms") else {
            self.error(
                Diagnostic::new(value.span(), format!("`{field}` has no `after_delay_ms`")).hint(
                    format!("write {FORM}, or one of \"never\", \"immediately\", \"backoff\""),
                ),
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
                        span: item.span(),
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
                        window.span(),
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
        let mut diagnostic =
            Diagnostic::new(key.span(), format!("unknown field `{name}` in {owner}"));
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
                value.span(),
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
                span: value.span(),
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
                    span: item.span(),
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
                span: value.span(),
            }),
            Err(_) => {
                self.error(
                    Diagnostic::new(value.span(), format!("`{field}` is far outside 0..=65535"))
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
                span: value.span(),
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
