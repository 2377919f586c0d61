//! Every semantic rule of the registry, each reported at the text that breaks it.
//! The output, a [`Model`], holds only values the expansion can trust.

use std::collections::HashMap;
use std::ops::Range;

use crate::diagnostic::Diagnostic;
use crate::document::{CodeRange, Located, Reason, ReconnectSpec, Registry};

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
            Some(registry) if !registry.ranges.is_empty() || registry.ranges_incomplete => {
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
    let reasons: Vec<_> = registry
        .reasons
        .iter()
        .filter_map(|reason| check_reason(reason, &mut errors))
        .collect();
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
        Ok(Model { reasons, ranges })
    } else {
        errors.sort_by_key(|error| error.span.start);
        Err(errors)
    }
}

fn check_reason(reason: &Reason, errors: &mut Vec<Diagnostic>) -> Option<ReasonSpec> {
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
    })
}

/// Aliases become `#[doc(alias = "…")]` on the variant and the constant: words of
/// identifier characters, none the reason's own name (rustdoc refuses an alias equal to
/// the item's name), none said twice, none on two reasons. Compared without case, as
/// rustdoc's search compares them.
fn check_aliases(registry: &Registry, errors: &mut Vec<Diagnostic>) {
    let mut seen: HashMap<String, &Located<String>> = HashMap::new();
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
            match seen.get(&folded) {
                Some(first) => errors.push(
                    Diagnostic::new(
                        alias.span.clone(),
                        format!("alias {written:?} is given twice"),
                    )
                    .related(first.span.clone(), format!("{:?} is here", first.value))
                    .hint("an alias leads to one code; keep it where that stack uses it"),
                ),
                None => {
                    seen.insert(folded, alias);
                }
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
    let mut seen: HashMap<String, (&str, &Located<String>)> = HashMap::new();
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
        if let Some((first_kind, first)) = seen.get(&variant) {
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
        seen.insert(variant, (kind, name));
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
    let mut seen: HashMap<i128, &Reason> = HashMap::new();
    for reason in &registry.reasons {
        match seen.get(&reason.value.value) {
            Some(first) => errors.push(
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
            ),
            None => {
                seen.insert(reason.value.value, reason);
            }
        }
    }
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
