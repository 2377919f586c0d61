//! Every semantic rule of the registry, each reported at the text that breaks it.
//! The output, a [`Model`], holds only values the expansion can trust.

use std::ops::Range;

use crate::diagnostic::Diagnostic;
use crate::document::{
    CodeRange, FieldDecl, FieldType, FieldValue, Located, Reason, ReconnectSpec, Registry,
};

/// A checked `[[field]]` of an application registry.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct FieldSpec {
    /// The name, snake_case: the accessor.
    pub name: String,
    /// The accessor's documentation.
    pub doc: String,
    /// What the field holds.
    pub kind: FieldKind,
}

/// What an application field holds.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum FieldKind {
    /// A boolean.
    Bool,
    /// A 64-bit signed integer.
    Integer,
    /// A string.
    String,
    /// One of these words, snake_case: a generated enum.
    Words(Vec<String>),
}

/// A checked value of an application field.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum FieldValueSpec {
    /// Of a `bool` field.
    Bool(bool),
    /// Of an `integer` field.
    Integer(i64),
    /// Of a `string` field.
    String(String),
    /// Of a field of words: one of them.
    Word(String),
}

/// Names a field cannot take: the generated accessors and trait methods of every enum.
pub const RESERVED_FIELD_NAMES: &[&str] = &[
    "code",
    "from_code",
    "name",
    "title",
    "description",
    "reference",
    "link",
    "is_sendable",
    "is_browser_sendable",
    "is_normal_closure",
    "reconnect",
    "reconnect_advice",
    "reconnect_for",
    "close_frame",
    "classify",
    "aliases",
    "clone",
    "clone_from",
    "eq",
    "ne",
    "cmp",
    "partial_cmp",
    "max",
    "min",
    "clamp",
    "hash",
    "fmt",
    "from_str",
    "try_from",
    "from",
    "into",
    "try_into",
    "to_string",
    "serialize",
    "deserialize",
];

/// What a client does after a code: a checked `reconnect` policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ReconnectPolicy {
    /// Do not reconnect automatically.
    Never,
    /// Reconnect at once.
    Immediately,
    /// Reconnect with a growing delay.
    Backoff,
    /// Reconnect after a randomised delay inside the window, in milliseconds.
    AfterDelay {
        /// The shortest delay.
        min_ms: u32,
        /// The longest delay.
        max_ms: u32,
    },
}

/// A checked `[[reason]]`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ReasonSpec {
    /// The registry name, snake_case.
    pub name: String,
    /// The enum variant, UpperCamelCase.
    pub variant: String,
    /// The code.
    pub value: u16,
    /// The short title.
    pub title: String,
    /// Whether the code may be sent (for an application: by its own rule).
    pub sendable: bool,
    /// Markdown documentation.
    pub doc: String,
    /// The defining document.
    pub reference: String,
    /// A web address for the reference.
    pub link: Option<String>,
    /// Whether a close with the code is a normal end of the connection.
    pub normal_closure: bool,
    /// What a client does after the code; `None`: an application's code that takes
    /// its range's policy from the standard registry.
    pub reconnect: Option<ReconnectPolicy>,
    /// Advice about reconnecting, in words, if any.
    pub reconnect_advice: Option<String>,
    /// `None`: the code follows its range.
    pub browser_sendable: Option<bool>,
    /// The names other WebSocket stacks give the code, for documentation search.
    pub aliases: Vec<String>,
    /// The values of the application's fields, in the order of [`Model::fields`].
    pub fields: Vec<FieldValueSpec>,
}

/// A checked `[[range]]`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct RangeSpec {
    /// The registry name, snake_case.
    pub name: String,
    /// The enum variant, UpperCamelCase.
    pub variant: String,
    /// The first code.
    pub start: u16,
    /// The last code.
    pub end: u16,
    /// The short title.
    pub title: String,
    /// Whether the codes no reason names may be sent.
    pub sendable: bool,
    /// Markdown documentation.
    pub doc: String,
    /// The defining document.
    pub reference: Option<String>,
    /// A web address for the reference.
    pub link: Option<String>,
    /// Whether a web page may close with the codes no reason overrides.
    pub browser_sendable: bool,
    /// What a client does after the codes no reason names (the standard registry
    /// states it for every range).
    pub reconnect: Option<ReconnectPolicy>,
}

/// The registry once every rule holds: what the expansion works from.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Model {
    /// The reasons, in file order (ascending code).
    pub reasons: Vec<ReasonSpec>,
    /// The ranges, in file order (ascending).
    pub ranges: Vec<RangeSpec>,
    /// An application's own fields, in file order (none in the standard registry).
    pub fields: Vec<FieldSpec>,
}

impl Rules {
    /// The rules a registry's text asks for: the standard registry's when it has a
    /// `[[range]]` table (only the standard registry declares ranges), an application's
    /// otherwise, so that a tool can check either kind of file without being told which.
    ///
    /// ```
    /// use close_reasons_registry::Rules;
    ///
    /// assert_eq!(Rules::for_text("[[reason]]\nname = \"kicked\"\n"), Rules::Application);
    /// assert_eq!(Rules::for_text("[[range]]\nname = \"private\"\n"), Rules::Standard);
    /// ```
    #[must_use]
    pub fn for_text(text: &str) -> Rules {
        match Registry::parse(text).0 {
            // A broken entry whose header cannot be read might be a range; only a
            // `[[range]` header says it is one.
            Some(registry)
                if !registry.ranges.is_empty()
                    || (registry.ranges_incomplete
                        && (!registry.syntax_broken || text.contains("[[range"))) =>
            {
                Rules::Standard
            }
            _ => Rules::Application,
        }
    }
}

impl Model {
    /// A registry without entries: the stand-in when nothing could be read.
    pub fn empty() -> Model {
        Model {
            reasons: Vec::new(),
            ranges: Vec::new(),
            fields: Vec::new(),
        }
    }

    /// Whether an endpoint may send `code` and must accept it: a named reason decides
    /// for itself, any other code takes the rule of its range, and a code in no range
    /// is never valid. The plain statement of the rule that `sendable_runs` computes.
    #[cfg(test)]
    pub fn is_sendable(&self, code: u16) -> bool {
        if let Some(reason) = self.reasons.iter().find(|reason| reason.value == code) {
            return reason.sendable;
        }
        self.ranges
            .iter()
            .find(|range| (range.start..=range.end).contains(&code))
            .is_some_and(|range| range.sendable)
    }

    /// The sendable codes as maximal runs `start..=end`, ascending.
    pub fn sendable_runs(&self) -> Vec<(u16, u16)> {
        let mut sendable = vec![false; usize::from(u16::MAX) + 1];
        // Ranges first and named reasons over them: the same rule as `is_sendable`, in
        // time linear in the number of codes.
        for range in &self.ranges {
            sendable[usize::from(range.start)..=usize::from(range.end)].fill(range.sendable);
        }
        for reason in &self.reasons {
            sendable[usize::from(reason.value)] = reason.sendable;
        }
        runs(&sendable)
    }

    /// The codes a web page may pass to `WebSocket.close()`, as maximal runs: a named
    /// reason that says so decides for itself, any other code follows its range; only
    /// codes that may be sent at all qualify.
    pub fn browser_sendable_runs(&self) -> Vec<(u16, u16)> {
        let mut allowed = vec![false; usize::from(u16::MAX) + 1];
        for range in &self.ranges {
            allowed[usize::from(range.start)..=usize::from(range.end)]
                .fill(range.browser_sendable && range.sendable);
        }
        for reason in &self.reasons {
            let code = usize::from(reason.value);
            allowed[code] = reason.sendable && reason.browser_sendable.unwrap_or(allowed[code]);
        }
        runs(&allowed)
    }
}

/// The maximal runs of codes whose flag is set, ascending; code 0 never counts.
fn runs(flags: &[bool]) -> Vec<(u16, u16)> {
    crate::membership::runs(
        (1..=u16::MAX)
            .zip(&flags[1..])
            .filter_map(|(code, flag)| flag.then_some(code)),
    )
}

/// Which rules apply beyond the common ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Rules {
    /// The registry of `close-reasons` itself: the codes of the standard.
    Standard,
    /// An application's own registry: private-use codes (4000-4999), or codes
    /// registered with IANA (3000-3999) and marked `iana = true`.
    Application,
}

/// Checks every rule on the entries that could be read.
///
/// # Errors
///
/// Every diagnostic, in file order, when a rule fails.
pub fn validate(registry: &Registry, rules: Rules) -> Result<Model, Vec<Diagnostic>> {
    let mut errors = Vec::new();
    for reason in &registry.reasons {
        check_allocation(reason, rules, &mut errors);
    }
    if rules == Rules::Application {
        check_no_ranges(registry, &mut errors);
    }
    check_browser_rule(registry, rules, &mut errors);
    if rules == Rules::Standard {
        check_sendable_stated(registry, &mut errors);
        check_reconnect_stated(registry, &mut errors);
    }
    let fields = check_field_decls(registry, rules, &mut errors);
    let reasons: Vec<_> = registry
        .reasons
        .iter()
        .filter_map(|reason| check_reason(reason, &fields, registry.fields_incomplete, &mut errors))
        .collect();
    let fields = fields.into_iter().map(|(spec, _)| spec).collect();
    let ranges: Vec<_> = registry
        .ranges
        .iter()
        .filter_map(|range| check_range(range, &mut errors))
        .collect();

    check_names(registry, &mut errors);
    check_aliases(registry, &mut errors);
    check_order(
        registry.reasons.iter().map(|reason| &reason.value),
        "reason",
        "value",
        &mut errors,
    );
    check_order(
        registry.ranges.iter().map(|range| &range.start),
        "range",
        "start",
        &mut errors,
    );
    check_duplicate_values(registry, &mut errors);
    check_overlaps(registry, &mut errors);
    check_coverage(registry, rules, &mut errors);

    if errors.is_empty() {
        Ok(Model {
            reasons,
            ranges,
            fields,
        })
    } else {
        sort_by_position(&mut errors);
        Err(errors)
    }
}

/// The declared fields that can become accessors, each with its checked default.
pub(crate) fn check_field_decls(
    registry: &Registry,
    rules: Rules,
    errors: &mut Vec<Diagnostic>,
) -> Vec<(FieldSpec, FieldValueSpec)> {
    let mut checked: Vec<(FieldSpec, FieldValueSpec)> = Vec::new();
    let mut seen = FirstSeen::new();
    for decl in &registry.fields {
        let name = &decl.name;
        if rules == Rules::Standard {
            errors.push(
                Diagnostic::new(
                    name.span.clone(),
                    "the standard registry declares no fields",
                )
                .hint("`[[field]]` is for an application's own registry; remove it here"),
            );
            continue;
        }
        let problem = if !is_snake_case(&name.value) {
            Some("is not snake_case")
        } else if KEYWORDS.contains(&name.value.as_str()) {
            Some("is a Rust keyword")
        } else if RESERVED_FIELD_NAMES.contains(&name.value.as_str()) {
            Some("would clash with a generated accessor of the same name")
        } else {
            None
        };
        if let Some(problem) = problem {
            errors.push(
                Diagnostic::new(name.span.clone(), format!("field name {:?} {problem}", name.value))
                    .hint("name the field in lowercase snake_case, unlike the enum's own accessors (code, name, title, reconnect, …)"),
            );
            continue;
        }
        if let Some(first) = seen.claim(name.value.as_str(), name) {
            errors.push(
                Diagnostic::new(
                    name.span.clone(),
                    format!("field `{}` is declared twice", name.value),
                )
                .related(first.span.clone(), "the first declaration is here")
                .hint("declare each field once"),
            );
            continue;
        }
        let Some(kind) = check_field_type(decl, errors) else {
            continue;
        };
        let doc = text(&decl.doc, "doc", errors);
        let default = field_value(&kind, &decl.default, &name.value, errors);
        if let (Some(doc), Some(default)) = (doc, default) {
            let spec = FieldSpec {
                name: name.value.clone(),
                doc,
                kind,
            };
            checked.push((spec, default));
        }
    }
    checked
}

fn check_field_type(decl: &FieldDecl, errors: &mut Vec<Diagnostic>) -> Option<FieldKind> {
    Some(match &decl.kind.value {
        FieldType::Bool => FieldKind::Bool,
        FieldType::Integer => FieldKind::Integer,
        FieldType::String => FieldKind::String,
        FieldType::Words(words) => {
            let mut good = true;
            if words.is_empty() {
                errors.push(
                    Diagnostic::new(decl.kind.span.clone(), "a list of words needs at least one")
                        .hint("write the words the field may take, e.g. [\"info\", \"warn\"]"),
                );
                return None;
            }
            // Keyed by the variant a word becomes: `tls1_3` and `tls13` would be one.
            let mut seen = FirstSeen::new();
            for word in words {
                if !is_snake_case(&word.value) || word.value == "self" {
                    errors.push(
                        Diagnostic::new(word.span.clone(), format!("word {:?} cannot be a variant", word.value))
                            .hint("each word becomes a variant of the field's enum: write it in lowercase snake_case, not `self`"),
                    );
                    good = false;
                } else if let Some(first) = seen.claim(variant_name(&word.value), word) {
                    errors.push(
                        Diagnostic::new(
                            word.span.clone(),
                            format!(
                                "word {:?} is listed twice (as the variant `{}`)",
                                word.value,
                                variant_name(&word.value)
                            ),
                        )
                        .related(first.span.clone(), "it is listed here first")
                        .hint("list each word once"),
                    );
                    good = false;
                }
            }
            if !good {
                return None;
            }
            FieldKind::Words(words.iter().map(|word| word.value.clone()).collect())
        }
    })
}

/// A value checked against its field's kind.
fn field_value(
    kind: &FieldKind,
    value: &Located<FieldValue>,
    field: &str,
    errors: &mut Vec<Diagnostic>,
) -> Option<FieldValueSpec> {
    let wrong = |expected: String, errors: &mut Vec<Diagnostic>| {
        errors.push(
            Diagnostic::new(value.span.clone(), format!("`{field}` must be {expected}")).hint(
                format!("the `[[field]]` named `{field}` declares what it holds"),
            ),
        );
        None
    };
    match (kind, &value.value) {
        (FieldKind::Bool, FieldValue::Bool(flag)) => Some(FieldValueSpec::Bool(*flag)),
        (FieldKind::Integer, FieldValue::Integer(number)) => match i64::try_from(*number) {
            Ok(number) => Some(FieldValueSpec::Integer(number)),
            Err(_) => wrong("a 64-bit signed integer".to_owned(), errors),
        },
        (FieldKind::String, FieldValue::String(text)) => Some(FieldValueSpec::String(text.clone())),
        (FieldKind::Words(words), FieldValue::String(word)) if words.contains(word) => {
            Some(FieldValueSpec::Word(word.clone()))
        }
        (FieldKind::Words(words), _) => {
            let listed = words
                .iter()
                .map(|word| format!("\"{word}\""))
                .collect::<Vec<_>>();
            wrong(format!("one of {}", listed.join(", ")), errors)
        }
        (FieldKind::Bool, _) => wrong("a boolean (true or false)".to_owned(), errors),
        (FieldKind::Integer, _) => wrong("an integer".to_owned(), errors),
        (FieldKind::String, _) => wrong("a string".to_owned(), errors),
    }
}

/// A reason's field values, one per declared field (its default where the reason sets
/// none); every value it sets must be of a declared field and of its kind.
fn check_field_values(
    reason: &Reason,
    fields: &[(FieldSpec, FieldValueSpec)],
    fields_incomplete: bool,
    errors: &mut Vec<Diagnostic>,
) -> Option<Vec<FieldValueSpec>> {
    let mut values: Vec<FieldValueSpec> =
        fields.iter().map(|(_, default)| default.clone()).collect();
    let mut good = true;
    for (name, value) in &reason.fields {
        match fields.iter().position(|(spec, _)| spec.name == name.value) {
            Some(index) => match field_value(&fields[index].0.kind, value, &name.value, errors) {
                Some(checked) => values[index] = checked,
                None => good = false,
            },
            // Its declaration may be the `[[field]]` that could not be read.
            None if fields_incomplete => good = false,
            None => {
                let known: Vec<&str> = fields.iter().map(|(spec, _)| spec.name.as_str()).collect();
                let hint = match crate::document::closest_name(&name.value, &known) {
                    Some(close) => format!("did you mean `{close}`?"),
                    None if known.is_empty() => "declare it first, in a `[[field]]` table with its name, type, doc and default".to_owned(),
                    None => format!("the declared fields are: {}", known.join(", ")),
                };
                errors.push(
                    Diagnostic::new(
                        name.span.clone(),
                        format!("field `{}` is not declared", name.value),
                    )
                    .hint(hint),
                );
                good = false;
            }
        }
    }
    good.then_some(values)
}

fn check_reason(
    reason: &Reason,
    fields: &[(FieldSpec, FieldValueSpec)],
    fields_incomplete: bool,
    errors: &mut Vec<Diagnostic>,
) -> Option<ReasonSpec> {
    let field_values = check_field_values(reason, fields, fields_incomplete, errors);
    let value = close_code(&reason.value, errors);
    let title = text(&reason.title, "title", errors);
    let doc = text(&reason.doc, "doc", errors);
    let reference = text(&reason.reference, "reference", errors);
    let link = optional(reason.link.as_ref(), |link| check_link(link, errors));
    let reconnect = optional(reason.reconnect.as_ref(), |policy| {
        check_policy(policy, errors)
    });
    let reconnect_advice = optional(reason.reconnect_advice.as_ref(), |advice| {
        text(advice, "reconnect_advice", errors)
    });
    Some(ReasonSpec {
        name: reason.name.value.clone(),
        variant: variant_name(&reason.name.value),
        value: value?,
        title: title?,
        // Most application codes may be sent; only local-only ones need to say so.
        sendable: reason.sendable.as_ref().is_none_or(|flag| flag.value),
        doc: doc?,
        reference: reference?,
        link: link?,
        normal_closure: reason
            .normal_closure
            .as_ref()
            .is_some_and(|flag| flag.value),
        reconnect: reconnect?,
        reconnect_advice: reconnect_advice?,
        browser_sendable: reason.browser_sendable.as_ref().map(|flag| flag.value),
        aliases: reason
            .aliases
            .iter()
            .map(|alias| alias.value.clone())
            .collect(),
        fields: field_values?,
    })
}

/// Aliases become `#[doc(alias = "…")]` on the variant and the constant: words of
/// identifier characters, none the reason's own name (rustdoc refuses an alias equal to
/// the item's name), none said twice, none on two reasons. Compared without case, as
/// rustdoc's search compares them.
fn check_aliases(registry: &Registry, errors: &mut Vec<Diagnostic>) {
    let mut seen = FirstSeen::new();
    for reason in &registry.reasons {
        let name = &reason.name.value;
        let own = [
            name.to_ascii_lowercase(),
            variant_name(name).to_ascii_lowercase(),
        ];
        for alias in &reason.aliases {
            let written = &alias.value;
            let folded = written.to_ascii_lowercase();
            let word = !written.is_empty()
                && written
                    .chars()
                    .all(|character| character.is_ascii_alphanumeric() || character == '_');
            if !word {
                errors.push(
                    Diagnostic::new(alias.span.clone(), format!("alias {written:?} is not a word"))
                        .hint("write the other stack's name of the code as it is spelled there, e.g. \"Away\" or \"GOING_AWAY\""),
                );
                continue;
            }
            if own.contains(&folded) {
                errors.push(
                    Diagnostic::new(
                        alias.span.clone(),
                        format!("alias {written:?} is this reason's own name"),
                    )
                    .hint("remove it: the generated items already carry it"),
                );
                continue;
            }
            if let Some(first) = seen.claim(folded, alias) {
                errors.push(
                    Diagnostic::new(
                        alias.span.clone(),
                        format!("alias {written:?} is given twice"),
                    )
                    .related(first.span.clone(), format!("{:?} is here", first.value))
                    .hint("an alias leads to one code; keep it where that stack uses it"),
                );
            }
        }
    }
}

const IANA_CODES: std::ops::RangeInclusive<i128> = 3000..=3999;
const PRIVATE_CODES: std::ops::RangeInclusive<i128> = 4000..=4999;

/// Where a code may come from: `iana = true` only in 3000-3999, and for applications
/// only private-use codes or their IANA registrations.
fn check_allocation(reason: &Reason, rules: Rules, errors: &mut Vec<Diagnostic>) {
    let code = reason.value.value;
    let claims_iana = reason.iana.as_ref().filter(|flag| flag.value);
    if let Some(flag) = claims_iana {
        if !IANA_CODES.contains(&code) {
            errors.push(
                Diagnostic::new(
                    flag.span.clone(),
                    format!("`iana = true` on {code}, which is outside the IANA range 3000-3999"),
                )
                .related(reason.value.span.clone(), "the value is here")
                .hint("IANA registers codes 3000-3999 only; remove `iana` or fix the value"),
            );
        }
        return;
    }
    if rules == Rules::Standard || PRIVATE_CODES.contains(&code) || !(1..=65535).contains(&code) {
        return;
    }
    let diagnostic = if IANA_CODES.contains(&code) {
        Diagnostic::new(
            reason.value.span.clone(),
            format!("{code} is in the IANA range 3000-3999, but `{}` does not say it is registered", reason.name.value),
        )
        .hint("add `iana = true` if IANA registered this code for your application, or use a private-use code (4000-4999)")
    } else {
        Diagnostic::new(
            reason.value.span.clone(),
            format!("{code} is not an application code"),
        )
        .hint("applications use private-use codes (4000-4999), or codes IANA registered for them (3000-3999, with `iana = true`)")
    };
    errors.push(diagnostic);
}

/// The ranges are the standard's (RFC 6455 §7.4.2): an application registry that
/// declared its own would expect them to do something.
fn check_no_ranges(registry: &Registry, errors: &mut Vec<Diagnostic>) {
    for range in &registry.ranges {
        errors.push(
            Diagnostic::new(
                range.name.span.clone(),
                format!(
                    "application registries cannot define ranges; `{}` would have no effect",
                    range.name.value
                ),
            )
            .hint("remove this [[range]]: the ranges of close codes are fixed by RFC 6455 §7.4.2 and come with close-reasons"),
        );
    }
}

/// In the standard registry every code says whether it may be sent: a default would let
/// a forgotten field put a local-only code such as 1015 on the wire.
/// A policy whose delays fit the generated `Duration`s and make a window.
fn check_policy(
    policy: &Located<ReconnectSpec>,
    errors: &mut Vec<Diagnostic>,
) -> Option<ReconnectPolicy> {
    Some(match &policy.value {
        ReconnectSpec::Never => ReconnectPolicy::Never,
        ReconnectSpec::Immediately => ReconnectPolicy::Immediately,
        ReconnectSpec::Backoff => ReconnectPolicy::Backoff,
        ReconnectSpec::AfterDelay { min_ms, max_ms } => {
            let milliseconds = |bound: &Located<i128>, errors: &mut Vec<Diagnostic>| {
                let fits = u32::try_from(bound.value).ok();
                if fits.is_none() {
                    errors.push(
                        Diagnostic::new(
                            bound.span.clone(),
                            format!("a delay of {} ms is outside 0..=4294967295", bound.value),
                        )
                        .hint("delays are milliseconds, from 0 to about 49 days"),
                    );
                }
                fits
            };
            let (min, max) = (milliseconds(min_ms, errors), milliseconds(max_ms, errors));
            let (min, max) = (min?, max?);
            if min > max {
                errors.push(
                    Diagnostic::new(
                        max_ms.span.clone(),
                        format!(
                            "the longest delay, {max} ms, is shorter than the shortest, {min} ms"
                        ),
                    )
                    .related(min_ms.span.clone(), "the shortest delay is here")
                    .hint("write the window as [shortest, longest]"),
                );
                return None;
            }
            ReconnectPolicy::AfterDelay {
                min_ms: min,
                max_ms: max,
            }
        }
    })
}

/// The standard registry says what a client does after every code it names and every
/// range: applications rely on it for the codes they leave without a policy.
fn check_reconnect_stated(registry: &Registry, errors: &mut Vec<Diagnostic>) {
    let reasons = registry
        .reasons
        .iter()
        .filter(|reason| reason.reconnect.is_none())
        .map(|reason| (&reason.name, "reason"));
    let ranges = registry
        .ranges
        .iter()
        .filter(|range| range.reconnect.is_none())
        .map(|range| (&range.name, "range"));
    for (name, entry) in reasons.chain(ranges) {
        errors.push(
            Diagnostic::new(
                name.span.clone(),
                format!("{entry} `{}` does not say what a client does after it", name.value),
            )
            .hint("add `reconnect = \"never\"`, `\"immediately\"`, `\"backoff\"` or `{ after_delay_ms = [min, max] }`; the standard registry states it for every code, with its source in a comment"),
        );
    }
}

fn check_sendable_stated(registry: &Registry, errors: &mut Vec<Diagnostic>) {
    for reason in registry
        .reasons
        .iter()
        .filter(|reason| reason.sendable.is_none())
    {
        errors.push(
            Diagnostic::new(
                reason.name.span.clone(),
                format!("reason `{}` does not say whether it may be sent", reason.name.value),
            )
            .hint("add `sendable = true`, or `sendable = false` for a code that only reports a local condition; the standard registry states it for every code"),
        );
    }
}

/// `browser_sendable` states the WHATWG rule for `WebSocket.close()`, which only the
/// standard registry describes, and which never allows a code the wire forbids.
fn check_browser_rule(registry: &Registry, rules: Rules, errors: &mut Vec<Diagnostic>) {
    let reasons = registry.reasons.iter().filter_map(|reason| {
        let sendable = reason.sendable.as_ref().is_none_or(|flag| flag.value);
        Some((reason.browser_sendable.as_ref()?, sendable))
    });
    let ranges = registry
        .ranges
        .iter()
        .filter_map(|range| Some((range.browser_sendable.as_ref()?, range.sendable)));
    for (flag, sendable) in reasons.chain(ranges) {
        if rules == Rules::Application {
            errors.push(
                Diagnostic::new(
                    flag.span.clone(),
                    "`browser_sendable` is the browser's rule, which an application registry cannot change",
                )
                .hint("remove it: a page may close with any of your codes that may be sent (the WHATWG WebSockets Standard allows 3000-4999)"),
            );
        } else if flag.value && !sendable {
            errors.push(
                Diagnostic::new(
                    flag.span.clone(),
                    "`browser_sendable = true` on a code that may not be sent",
                )
                .hint("a page can only send what the wire allows; set `sendable = true` or remove `browser_sendable`"),
            );
        }
    }
}

fn check_range(range: &CodeRange, errors: &mut Vec<Diagnostic>) -> Option<RangeSpec> {
    let start = bound(&range.start, errors);
    let end = bound(&range.end, errors);
    if let (Some(start), Some(end)) = (start, end) {
        if start > end {
            errors.push(
                Diagnostic::new(
                    range.end.span.clone(),
                    format!(
                        "range `{}` ends at {end}, before its start {start}",
                        range.name.value
                    ),
                )
                .related(range.start.span.clone(), "the start is here")
                .hint("swap `start` and `end`, or fix the one that is wrong"),
            );
        }
    }
    let title = text(&range.title, "title", errors);
    let doc = text(&range.doc, "doc", errors);
    let reference = optional(range.reference.as_ref(), |reference| {
        text(reference, "reference", errors)
    });
    let link = optional(range.link.as_ref(), |link| check_link(link, errors));
    let reconnect = optional(range.reconnect.as_ref(), |policy| {
        check_policy(policy, errors)
    });
    Some(RangeSpec {
        name: range.name.value.clone(),
        variant: variant_name(&range.name.value),
        start: start?,
        end: end?,
        title: title?,
        sendable: range.sendable,
        browser_sendable: range
            .browser_sendable
            .as_ref()
            .is_some_and(|flag| flag.value),
        doc: doc?,
        reference: reference?,
        link: link?,
        reconnect: reconnect?,
    })
}

/// Checks an optional field: `Some(None)` when absent, `None` when present and wrong.
fn optional<V, T>(
    value: Option<&Located<V>>,
    check: impl FnOnce(&Located<V>) -> Option<T>,
) -> Option<Option<T>> {
    match value {
        None => Some(None),
        Some(value) => check(value).map(Some),
    }
}

fn close_code(value: &Located<i128>, errors: &mut Vec<Diagnostic>) -> Option<u16> {
    let problem = match value.value {
        0 => "0 is not a close code",
        number if number.is_negative() => "a close code cannot be negative",
        number if number > i128::from(u16::MAX) => "a close code cannot be above 65535",
        number => return u16::try_from(number).ok(),
    };
    errors.push(
        Diagnostic::new(
            value.span.clone(),
            format!("value {}: {problem}", value.value),
        )
        .hint("close codes are between 1 and 65535 (RFC 6455 §7.4)"),
    );
    None
}

fn bound(value: &Located<i128>, errors: &mut Vec<Diagnostic>) -> Option<u16> {
    match u16::try_from(value.value) {
        Ok(number) => Some(number),
        Err(_) => {
            errors.push(
                Diagnostic::new(
                    value.span.clone(),
                    format!("range bound {} is outside 0..=65535", value.value),
                )
                .hint("range bounds are 16-bit close codes"),
            );
            None
        }
    }
}

fn text(value: &Located<String>, field: &str, errors: &mut Vec<Diagnostic>) -> Option<String> {
    if value.value.trim().is_empty() {
        errors.push(
            Diagnostic::new(value.span.clone(), format!("`{field}` is empty")).hint(format!(
                "write the {field}; the generated documentation shows it"
            )),
        );
        return None;
    }
    if field == "title" && value.value.contains(['\n', '\r']) {
        errors.push(
            Diagnostic::new(value.span.clone(), "`title` spans several lines")
                .hint("keep the title on one line; put details in `doc`"),
        );
        return None;
    }
    Some(value.value.clone())
}

fn check_link(link: &Located<String>, errors: &mut Vec<Diagnostic>) -> Option<String> {
    let url = link.value.trim();
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    if rest.is_none_or(|rest| rest.is_empty() || rest.contains(char::is_whitespace)) {
        errors.push(
            Diagnostic::new(
                link.span.clone(),
                format!("`link` is not a web address: {url:?}"),
            )
            .hint("write an absolute address starting with https://"),
        );
        return None;
    }
    Some(url.to_owned())
}

/// Words that cannot be identifiers; `self` would also turn into the keyword `Self`.
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
    "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
    "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "self", "static", "struct", "super", "trait", "true", "try", "type", "typeof",
    "union", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// Whether a registry name can become the generated identifiers.
pub fn is_usable_name(name: &str) -> bool {
    is_snake_case(name)
        && !KEYWORDS.contains(&name)
        && !RESERVED_VARIANTS.contains(&variant_name(name).as_str())
}

fn is_snake_case(name: &str) -> bool {
    // Starting as if after an underscore refuses a leading one like a doubled one.
    let mut previous = '_';
    for (index, character) in name.chars().enumerate() {
        let ok = match character {
            'a'..='z' => true,
            '0'..='9' => index > 0,
            '_' => previous != '_',
            _ => false,
        };
        if !ok {
            return false;
        }
        previous = character;
    }
    !name.is_empty() && previous != '_'
}

/// `going_away` → `GoingAway`.
pub fn variant_name(name: &str) -> String {
    name.split('_')
        .map(|word| {
            let mut characters = word.chars();
            characters.next().map_or_else(String::new, |first| {
                first.to_ascii_uppercase().to_string() + characters.as_str()
            })
        })
        .collect()
}

/// Range names that would give `CloseCode` a predicate it already has
/// (`is_sendable`, `is_normal_closure`, `is_browser_sendable`).
pub const RESERVED_RANGE_NAMES: &[&str] = &["sendable", "normal_closure", "browser_sendable"];

/// Variant names that would hide an associated item of the generated enums. Reachable:
/// `a_l_l` becomes `ALL`.
pub const RESERVED_VARIANTS: &[&str] = &["ALL"];

fn check_names(registry: &Registry, errors: &mut Vec<Diagnostic>) {
    for range in &registry.ranges {
        let name = &range.name;
        if RESERVED_RANGE_NAMES.contains(&name.value.as_str()) {
            errors.push(
                Diagnostic::new(
                    name.span.clone(),
                    format!(
                        "range name {:?} would clash with `CloseCode::is_{}`",
                        name.value, name.value
                    ),
                )
                .hint("choose another name for the range"),
            );
        }
    }
    let names = registry
        .reasons
        .iter()
        .map(|reason| ("reason", &reason.name))
        .chain(registry.ranges.iter().map(|range| ("range", &range.name)));
    // Reasons and ranges share one namespace: both become associated items of
    // `CloseCode` (`CloseCode::GOING_AWAY`, `CloseCode::PRIVATE`).
    let mut seen = FirstSeen::new();
    for (kind, name) in names {
        let written = &name.value;
        if !is_snake_case(written) {
            errors.push(
                Diagnostic::new(
                    name.span.clone(),
                    format!("{kind} name {written:?} is not lowercase snake_case"),
                )
                .hint("use lowercase ASCII letters and digits separated by single underscores, e.g. \"going_away\""),
            );
            continue;
        }
        if KEYWORDS.contains(&written.as_str()) {
            errors.push(
                Diagnostic::new(
                    name.span.clone(),
                    format!("{kind} name {written:?} is a Rust keyword"),
                )
                .hint("choose another word, e.g. add a qualifier such as \"_code\""),
            );
            continue;
        }
        let variant = variant_name(written);
        if RESERVED_VARIANTS.contains(&variant.as_str()) {
            errors.push(
                Diagnostic::new(
                    name.span.clone(),
                    format!("{kind} name {written:?} becomes `{variant}`, which would hide the generated `{variant}`"),
                )
                .hint("choose another name"),
            );
            continue;
        }
        if let Some((first_kind, first)) = seen.claim(variant.clone(), (kind, name)) {
            let message = if &first.value == written {
                format!("duplicate name {written:?}")
            } else {
                format!(
                    "{kind} name {written:?} becomes `{variant}`, like {first_kind} {:?}",
                    first.value
                )
            };
            errors.push(
                Diagnostic::new(name.span.clone(), message)
                    .related(
                        first.span.clone(),
                        format!("{first_kind} {:?} is here", first.value),
                    )
                    .hint("give every reason and range its own name"),
            );
            continue;
        }
    }
}

fn check_order<'r>(
    keys: impl Iterator<Item = &'r Located<i128>>,
    entry: &str,
    field: &str,
    errors: &mut Vec<Diagnostic>,
) {
    let mut previous: Option<&Located<i128>> = None;
    for key in keys {
        if let Some(before) = previous {
            if key.value < before.value {
                errors.push(
                    Diagnostic::new(
                        key.span.clone(),
                        format!(
                            "{entry} with {field} {} comes after {}",
                            key.value, before.value
                        ),
                    )
                    .related(before.span.clone(), format!("{} is here", before.value))
                    .hint(format!(
                        "keep [[{entry}]] entries in ascending order of `{field}`"
                    )),
                );
            }
        }
        previous = Some(key);
    }
}

fn check_duplicate_values(registry: &Registry, errors: &mut Vec<Diagnostic>) {
    let mut seen = FirstSeen::new();
    for reason in &registry.reasons {
        if let Some(first) = seen.claim(reason.value.value, reason) {
            errors.push(
                Diagnostic::new(
                    reason.value.span.clone(),
                    format!(
                        "duplicate value {}: `{}` and `{}`",
                        reason.value.value, first.name.value, reason.name.value
                    ),
                )
                .related(
                    first.value.span.clone(),
                    format!("`{}` has it already", first.name.value),
                )
                .hint("every close code has one name; remove one entry or change its value"),
            );
        }
    }
}

/// The entries a check has met, to find the first holder of a name or a value.
///
/// A linear search rather than a hash map: a registry holds at most a few thousand
/// entries, and this crate is compiled into every user's proc macro, where one hash map
/// per key type costs more build time than all the searches take.
pub(crate) struct FirstSeen<K, V>(Vec<(K, V)>);

impl<K: PartialEq, V: Copy> FirstSeen<K, V> {
    pub(crate) fn new() -> Self {
        FirstSeen(Vec::new())
    }

    /// The value recorded first under `key`, or `None` after recording `value` there.
    pub(crate) fn claim(&mut self, key: K, value: V) -> Option<V> {
        for (seen, first) in &self.0 {
            if *seen == key {
                return Some(*first);
            }
        }
        self.0.push((key, value));
        None
    }
}

/// Sorts diagnostics into file order (stable: one span's problems keep their order).
/// One function for every caller, so the sort is compiled once.
pub(crate) fn sort_by_position(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by_key(|diagnostic| diagnostic.span.start);
}

/// The codes of a range as a half-open interval; saturating, because the bounds may be
/// any 128-bit integer the maintainer typed.
fn span_of(range: &CodeRange) -> Range<i128> {
    range.start.value..range.end.value.saturating_add(1)
}

fn check_overlaps(registry: &Registry, errors: &mut Vec<Diagnostic>) {
    for (index, later) in registry.ranges.iter().enumerate() {
        let later_codes = span_of(later);
        let overlapping = registry.ranges[..index].iter().find(|earlier| {
            let earlier_codes = span_of(earlier);
            earlier_codes.start < later_codes.end && later_codes.start < earlier_codes.end
        });
        if let Some(earlier) = overlapping {
            errors.push(
                Diagnostic::new(
                    later.start.span.clone(),
                    format!(
                        "range `{}` ({}..={}) overlaps range `{}` ({}..={})",
                        later.name.value,
                        later.start.value,
                        later.end.value,
                        earlier.name.value,
                        earlier.start.value,
                        earlier.end.value
                    ),
                )
                .related(
                    earlier.start.span.clone(),
                    format!("`{}` is here", earlier.name.value),
                )
                .hint("a code belongs to at most one range; move the bounds apart"),
            );
        }
    }
}

fn check_coverage(registry: &Registry, rules: Rules, errors: &mut Vec<Diagnostic>) {
    let bounds_valid = registry.ranges.iter().all(|range| {
        (0..=i128::from(u16::MAX)).contains(&range.start.value)
            && (range.start.value..=i128::from(u16::MAX)).contains(&range.end.value)
    });
    // Without ranges there is nothing to lie in; with a broken range, the error about
    // that range is the one to fix first.
    // Applications have no ranges of their own; theirs are rejected above.
    if rules == Rules::Application
        || registry.ranges.is_empty()
        || registry.ranges_incomplete
        || !bounds_valid
    {
        return;
    }
    for reason in &registry.reasons {
        let code = reason.value.value;
        // An impossible value is reported as such, not also as lying outside the ranges.
        if !(1..=i128::from(u16::MAX)).contains(&code) {
            continue;
        }
        if !registry
            .ranges
            .iter()
            .any(|range| span_of(range).contains(&code))
        {
            errors.push(
                Diagnostic::new(
                    reason.value.span.clone(),
                    format!("reason `{}` ({code}) lies in no range", reason.name.value),
                )
                .hint("fix the value, or add a [[range]] that covers it"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(source: &str) -> Result<Model, Vec<String>> {
        let (registry, diagnostics) = Registry::parse(source);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        validate(&registry.unwrap(), Rules::Standard).map_err(|errors| {
            errors
                .iter()
                .map(|error| error.render("r.toml", source))
                .collect()
        })
    }

    fn reason(name: &str, value: &str) -> String {
        format!(
            "[[reason]]\nname = \"{name}\"\nvalue = {value}\ntitle = \"T\"\nsendable = true\n\
             doc = \"D\"\nreference = \"R\"\nreconnect = \"never\"\n"
        )
    }

    fn range(name: &str, start: i64, end: i64, sendable: bool) -> String {
        format!(
            "[[range]]\nname = \"{name}\"\nstart = {start}\nend = {end}\ntitle = \"T\"\n\
             sendable = {sendable}\ndoc = \"D\"\nreconnect = \"backoff\"\n"
        )
    }

    #[test]
    fn reads_every_reconnect_policy() {
        let registry = range("low", 1, 9, false)
            + &reason("a", "1")
            + &reason("b", "2").replace("\"never\"", "{ after_delay_ms = [5000, 30000] }")
            + &reason("c", "3").replace("\"never\"", "\"immediately\"");
        let model = check(&registry).unwrap();
        let policies: Vec<_> = model
            .reasons
            .iter()
            .map(|reason| reason.reconnect)
            .collect();
        assert_eq!(
            policies,
            [
                Some(ReconnectPolicy::Never),
                Some(ReconnectPolicy::AfterDelay {
                    min_ms: 5000,
                    max_ms: 30000
                }),
                Some(ReconnectPolicy::Immediately)
            ]
        );
        assert_eq!(model.ranges[0].reconnect, Some(ReconnectPolicy::Backoff));
    }

    #[test]
    fn rejects_delays_that_make_no_window() {
        let reversed = reason("a", "1").replace("\"never\"", "{ after_delay_ms = [30000, 5000] }");
        let errors = check(&(range("low", 1, 9, false) + &reversed)).unwrap_err();
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            errors[0].starts_with(
                "r.toml:16:40: the longest delay, 5000 ms, is shorter than the shortest, 30000 ms"
            ),
            "{errors:?}"
        );
        assert!(
            errors[0].contains("note: r.toml:16:33: the shortest delay is here"),
            "{errors:?}"
        );
        let huge = reason("a", "1").replace("\"never\"", "{ after_delay_ms = [0, 4294967296] }");
        let errors = check(&(range("low", 1, 9, false) + &huge)).unwrap_err();
        assert!(
            errors[0].contains("a delay of 4294967296 ms is outside 0..=4294967295"),
            "{errors:?}"
        );
    }

    #[test]
    fn the_standard_registry_states_every_policy() {
        let silent = reason("a", "1").replace("reconnect = \"never\"\n", "");
        let quiet_range = range("low", 1, 9, false).replace("reconnect = \"backoff\"\n", "");
        let errors = check(&(quiet_range + &silent)).unwrap_err();
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(
            errors[0]
                .starts_with("r.toml:2:8: range `low` does not say what a client does after it"),
            "{errors:?}"
        );
        assert!(
            errors[1]
                .starts_with("r.toml:9:8: reason `a` does not say what a client does after it"),
            "{errors:?}"
        );
        // An application's reason may leave it to its range.
        let (registry, _) =
            Registry::parse(&reason("kicked", "4002").replace("reconnect = \"never\"\n", ""));
        let model = validate(&registry.unwrap(), Rules::Application).unwrap();
        assert_eq!(model.reasons[0].reconnect, None);
    }

    /// An application registry with one field declaration and one reason setting it.
    fn with_field(declaration: &str, setting: &str) -> Vec<String> {
        let source = format!(
            "[[field]]\n{declaration}\n\n[[reason]]\nname = \"kicked\"\nvalue = 4002\n\
             title = \"T\"\ndoc = \"D\"\nreference = \"R\"\n{setting}\n"
        );
        let (registry, diagnostics) = Registry::parse(&source);
        let mut messages: Vec<String> = diagnostics
            .iter()
            .map(|error| error.render("r.toml", &source))
            .collect();
        if let Err(errors) = validate(&registry.unwrap(), Rules::Application) {
            messages.extend(errors.iter().map(|error| error.render("r.toml", &source)));
        }
        messages
    }

    #[test]
    fn reads_application_fields_with_defaults() {
        let source = "[[field]]\nname = \"level\"\ntype = [\"info\", \"warn\"]\ndoc = \"D\"\ndefault = \"info\"\n\n\
             [[field]]\nname = \"resumable\"\ntype = \"bool\"\ndoc = \"D\"\ndefault = false\n\n\
             [[reason]]\nname = \"a\"\nvalue = 4001\ntitle = \"T\"\ndoc = \"D\"\nreference = \"R\"\n\
             fields = { resumable = true }\n";
        let (registry, diagnostics) = Registry::parse(source);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        let model = validate(&registry.unwrap(), Rules::Application).unwrap();
        assert_eq!(model.fields.len(), 2);
        assert_eq!(
            model.fields[0].kind,
            FieldKind::Words(vec!["info".into(), "warn".into()])
        );
        assert_eq!(
            model.reasons[0].fields,
            [
                FieldValueSpec::Word("info".into()),
                FieldValueSpec::Bool(true)
            ]
        );
    }

    #[test]
    fn reports_every_mistake_with_an_application_field() {
        let declared =
            "name = \"log_level\"\ntype = [\"info\", \"warn\"]\ndoc = \"D\"\ndefault = \"info\"";
        let cases = [
            (
                declared,
                "fields = { log_levl = \"warn\" }",
                "r.toml:13:12: field `log_levl` is not declared",
                "did you mean `log_level`?",
            ),
            (
                declared,
                "fields = { log_level = \"loud\" }",
                "r.toml:13:24: `log_level` must be one of \"info\", \"warn\"",
                "the `[[field]]` named `log_level` declares what it holds",
            ),
            (
                declared,
                "fields = { log_level = 3 }",
                "r.toml:13:24: `log_level` must be one of",
                "declares what it holds",
            ),
            (
                "name = \"code\"\ntype = \"bool\"\ndoc = \"D\"\ndefault = false",
                "",
                "r.toml:2:8: field name \"code\" would clash with a generated accessor",
                "unlike the enum's own accessors",
            ),
            (
                "name = \"n\"\ntype = \"bool\"\ndoc = \"D\"\ndefault = 1",
                "",
                "r.toml:5:11: `n` must be a boolean (true or false)",
                "declares what it holds",
            ),
            (
                "name = \"n\"\ntype = \"integr\"\ndoc = \"D\"\ndefault = 1",
                "",
                "r.toml:3:8: `type` must be \"bool\", \"integer\", \"string\" or a list of words",
                "did you mean \"integer\"?",
            ),
            (
                "name = \"n\"\ntype = [\"tls1_3\", \"tls13\"]\ndoc = \"D\"\ndefault = \"tls13\"",
                "",
                "r.toml:3:19: word \"tls13\" is listed twice (as the variant `Tls13`)",
                "list each word once",
            ),
            (
                "name = \"n\"\ntype = \"integer\"\ndoc = \"D\"\ndefault = 9223372036854775808",
                "",
                "r.toml:5:11: `n` must be a 64-bit signed integer",
                "declares what it holds",
            ),
            (
                declared,
                "fields = { log_level = \"warn\", extra = 1 }",
                "r.toml:13:32: field `extra` is not declared",
                "the declared fields are: log_level",
            ),
        ];
        for (declaration, setting, message, hint) in cases {
            let errors = with_field(declaration, setting);
            assert!(
                errors.iter().any(|error| error.starts_with(message)),
                "{message}: {errors:?}"
            );
            assert!(
                errors.iter().any(|error| error.contains(hint)),
                "{hint}: {errors:?}"
            );
        }
        let twice = format!("{declared}\n\n[[field]]\n{declared}");
        let errors = with_field(&twice, "");
        assert!(
            errors
                .iter()
                .any(|error| error.contains("field `log_level` is declared twice")),
            "{errors:?}"
        );
        // The standard registry has no fields of its own.
        let standard = format!("[[field]]\n{declared}\n\n{}", range("low", 1, 9, false));
        let errors = check(&standard).unwrap_err();
        assert!(
            errors[0].starts_with("r.toml:2:8: the standard registry declares no fields"),
            "{errors:?}"
        );
    }

    #[test]
    fn converts_names_to_variants() {
        assert_eq!(variant_name("going_away"), "GoingAway");
        assert_eq!(variant_name("tls1_3"), "Tls13");
        assert!(is_snake_case("tls1_3"));
        for bad in ["", "Going", "going__away", "_x", "x_", "1x", "é", "a-b"] {
            assert!(!is_snake_case(bad), "{bad}");
        }
    }

    #[test]
    fn accepts_a_valid_registry() {
        let model =
            check(&(range("low", 1, 9, false) + &reason("a", "1") + &reason("b", "2"))).unwrap();
        assert_eq!(model.reasons[1].variant, "B");
        assert_eq!(model.ranges[0].end, 9);
    }

    #[test]
    fn rejects_out_of_range_values() {
        for (value, message) in [
            ("0", "value 0: 0 is not a close code"),
            ("-3", "value -3: a close code cannot be negative"),
            ("65536", "value 65536: a close code cannot be above 65535"),
        ] {
            let errors = check(&reason("a", value)).unwrap_err();
            assert!(
                errors[0].starts_with(&format!("r.toml:3:9: {message}")),
                "{errors:?}"
            );
        }
    }

    #[test]
    fn rejects_duplicates_pointing_at_both() {
        let errors = check(&(reason("a", "7") + &reason("b", "7"))).unwrap_err();
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(errors[0].starts_with("r.toml:11:9: duplicate value 7: `a` and `b`"));
        assert!(errors[0].contains("note: r.toml:3:9: `a` has it already"));

        let errors = check(&(reason("a", "7") + &reason("a", "8"))).unwrap_err();
        assert!(
            errors[0].starts_with("r.toml:10:8: duplicate name \"a\""),
            "{errors:?}"
        );
    }

    #[test]
    fn rejects_bad_names() {
        let errors = check(
            &(reason("Going", "1")
                + &reason("match", "2")
                + &reason("tls1_3", "3")
                + &reason("tls13", "4")),
        )
        .unwrap_err();
        assert_eq!(errors.len(), 3, "{errors:?}");
        assert!(errors[0].contains("\"Going\" is not lowercase snake_case"));
        assert!(errors[1].contains("\"match\" is a Rust keyword"));
        assert!(errors[2].contains("\"tls13\" becomes `Tls13`, like reason \"tls1_3\""));
    }

    #[test]
    fn rejects_range_names_that_clash_with_close_code_methods() {
        let errors = check(&range("sendable", 1, 9, true)).unwrap_err();
        assert!(
            errors[0].contains("range name \"sendable\" would clash with `CloseCode::is_sendable`"),
            "{errors:?}"
        );
    }

    #[test]
    fn the_standard_registry_states_sendable_for_every_code() {
        let silent = reason("a", "1").replace("sendable = true\n", "");
        let errors = check(&(range("low", 1, 9, true) + &silent)).unwrap_err();
        assert!(
            errors[0].contains("r.toml:10:8: reason `a` does not say whether it may be sent"),
            "{errors:?}"
        );
        let (registry, _) = Registry::parse(&silent.replace("value = 1", "value = 4001"));
        let model = validate(&registry.unwrap(), Rules::Application).unwrap();
        assert!(model.reasons[0].sendable, "applications default to true");
    }

    #[test]
    fn the_browser_rule_is_the_standard_registrys_and_within_the_wire() {
        let unsendable = range("low", 1, 9, false) + "browser_sendable = true\n";
        let errors = check(&unsendable).unwrap_err();
        assert!(
            errors[0]
                .contains("r.toml:9:20: `browser_sendable = true` on a code that may not be sent"),
            "{errors:?}"
        );
        let allowed = range("low", 1, 9, true) + "browser_sendable = true\n" + &reason("a", "1");
        let model = check(&allowed).unwrap();
        assert_eq!(model.browser_sendable_runs(), [(1, 9)]);
        // A reason that says nothing follows its range; one that says `false` does not.
        let opted_out = allowed + &reason("b", "2") + "browser_sendable = false\n";
        assert_eq!(
            check(&opted_out).unwrap().browser_sendable_runs(),
            [(1, 1), (3, 9)]
        );

        let application = reason("a", "4001") + "browser_sendable = true\n";
        let (registry, _) = Registry::parse(&application);
        let errors = validate(&registry.unwrap(), Rules::Application).unwrap_err();
        assert!(
            errors[0]
                .message
                .contains("`browser_sendable` is the browser's rule"),
            "{errors:?}"
        );
    }

    #[test]
    fn rejects_names_that_hide_generated_items() {
        let errors = check(&reason("a_l_l", "1")).unwrap_err();
        assert!(
            errors[0].contains("becomes `ALL`, which would hide the generated `ALL`"),
            "{errors:?}"
        );
    }

    #[test]
    fn survives_bounds_at_the_ends_of_the_integers() {
        let source = range("a", 0, 10, true).replace("end = 10", &format!("end = {}", i128::MAX))
            + &range("b", 20, 30, true).replace("start = 20", &format!("start = {}", i128::MIN));
        let errors = check(&source).unwrap_err().join("\n");
        assert!(errors.contains("is outside 0..=65535"), "{errors}");
    }

    #[test]
    fn rejects_order_overlap_and_uncovered_reasons() {
        let source = range("b", 10, 19, true)
            + &range("a", 0, 10, true)
            + &reason("y", "12")
            + &reason("x", "11")
            + &reason("z", "40");
        let errors = check(&source).unwrap_err();
        let joined = errors.join("\n");
        assert!(
            joined.contains("range with start 0 comes after 10"),
            "{joined}"
        );
        assert!(
            joined.contains("range `a` (0..=10) overlaps range `b` (10..=19)"),
            "{joined}"
        );
        assert!(
            joined.contains("reason with value 11 comes after 12"),
            "{joined}"
        );
        assert!(
            joined.contains("reason `z` (40) lies in no range"),
            "{joined}"
        );
    }

    #[test]
    fn rejects_inverted_ranges_empty_text_and_bad_links() {
        let source = range("a", 9, 1, true).replace("title = \"T\"", "title = \"  \"")
            + &reason("b", "5").replace("reference = \"R\"", "reference = \"R\"\nlink = \"rfc\"");
        let errors = check(&source).unwrap_err().join("\n");
        assert!(
            errors.contains("range `a` ends at 1, before its start 9"),
            "{errors}"
        );
        assert!(errors.contains("`title` is empty"), "{errors}");
        assert!(errors.contains("`link` is not a web address"), "{errors}");
    }

    #[test]
    fn sendable_runs_follow_reasons_then_ranges() {
        let mut source = range("low", 1, 9, false) + &range("high", 10, 20, true);
        source += &reason("a", "3");
        source += &reason("b", "12").replace("sendable = true", "sendable = false");
        let model = check(&source).unwrap();
        assert_eq!(model.sendable_runs(), [(3, 3), (10, 11), (13, 20)]);
    }

    #[test]
    fn sendable_runs_state_the_rule_for_every_code() {
        let source = include_str!("../../core/close-reasons.toml");
        let model = check(source).unwrap();
        let runs = model.sendable_runs();
        for code in 0..=u16::MAX {
            let in_run = runs
                .iter()
                .any(|&(start, end)| (start..=end).contains(&code));
            assert_eq!(in_run, code != 0 && model.is_sendable(code), "{code}");
        }
    }
}
