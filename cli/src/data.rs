//! The registry as the commands see it, whether it is the standard one compiled into
//! close-reasons or a file read at run time: the named codes and the ranges.

use close_reasons::{CloseCode, CloseRange, CloseReason, DelayWindow, Reconnect};
use close_reasons_registry::{Model, ReconnectPolicy, Rules};

/// One named code.
pub struct Code {
    pub name: String,
    pub value: u16,
    pub title: String,
    pub description: String,
    pub reference: String,
    pub link: Option<String>,
    pub sendable: bool,
    pub browser_sendable: bool,
    pub normal_closure: bool,
    /// What a client does after the code.
    pub reconnect: Reconnect,
    /// The advice in words, if any.
    pub reconnect_advice: Option<String>,
    /// Where the name comes from, for `explain`: `CloseReason::Normal`, or the file.
    pub origin: String,
    /// The names other stacks give the code.
    pub aliases: Vec<String>,
    /// The values of an application's own fields, by name (none in the standard registry).
    pub fields: Vec<(String, serde_json::Value)>,
}

/// One range.
pub struct Range {
    pub name: String,
    pub start: u16,
    pub end: u16,
    pub title: String,
    pub description: String,
    pub unnamed_codes_sendable: bool,
    /// What a client does after the codes of the range no reason names.
    pub reconnect: Reconnect,
}

/// A registry's named codes (ascending) and ranges (none for an application's).
pub struct Codes {
    pub codes: Vec<Code>,
    pub ranges: Vec<Range>,
    /// An application's own fields, in file order; each code's `fields` follow it.
    pub fields: Vec<close_reasons_registry::FieldSpec>,
}

impl Codes {
    /// The standard registry, as compiled into close-reasons.
    pub fn standard() -> Codes {
        let codes = CloseReason::ALL
            .iter()
            .map(|reason| Code {
                name: reason.name().to_owned(),
                value: reason.code().get(),
                title: reason.title().to_owned(),
                description: reason.description().to_owned(),
                reference: reason.reference().to_owned(),
                link: reason.link().map(str::to_owned),
                sendable: reason.is_sendable(),
                browser_sendable: reason.is_browser_sendable(),
                normal_closure: reason.is_normal_closure(),
                reconnect: reason.reconnect(),
                reconnect_advice: reason.reconnect_advice().map(str::to_owned),
                origin: format!("CloseReason::{reason:?}"),
                fields: Vec::new(),
                aliases: reason
                    .aliases()
                    .iter()
                    .map(|alias| (*alias).to_owned())
                    .collect(),
            })
            .collect();
        let ranges = CloseRange::ALL
            .iter()
            .map(|range| Range {
                name: range.name().to_owned(),
                start: *range.codes().start(),
                end: *range.codes().end(),
                title: range.title().to_owned(),
                description: range.description().to_owned(),
                unnamed_codes_sendable: range.unnamed_codes_sendable(),
                reconnect: range.reconnect(),
            })
            .collect();
        Codes {
            codes,
            ranges,
            fields: Vec::new(),
        }
    }

    /// A checked registry file. An application's codes follow the browser's rule as
    /// the generated enums apply it; a standard registry's follow its own data.
    pub fn from_model(model: Model, rules: Rules, origin: &str) -> Codes {
        let browser_runs = model.browser_sendable_runs();
        let codes = model
            .reasons
            .iter()
            .map(|reason| {
                let page_may_send = match rules {
                    Rules::Standard => browser_runs
                        .iter()
                        .any(|&(start, end)| (start..=end).contains(&reason.value)),
                    _ => CloseCode::new(reason.value).is_some_and(CloseCode::is_browser_sendable),
                };
                Code {
                    name: reason.name.clone(),
                    value: reason.value,
                    title: reason.title.clone(),
                    description: reason.doc.clone(),
                    reference: reason.reference.clone(),
                    link: reason.link.clone(),
                    sendable: reason.sendable,
                    browser_sendable: reason.sendable && page_may_send,
                    normal_closure: reason.normal_closure,
                    // As the generated enum answers: its own policy, else its range's
                    // in the standard registry.
                    reconnect: reason.reconnect.map_or_else(
                        || CloseCode::new(reason.value).map_or(Reconnect::Never, range_policy),
                        policy,
                    ),
                    reconnect_advice: reason.reconnect_advice.clone(),
                    origin: origin.to_owned(),
                    aliases: reason.aliases.clone(),
                    fields: model
                        .fields
                        .iter()
                        .zip(&reason.fields)
                        .map(|(field, value)| (field.name.clone(), field_json(value)))
                        .collect(),
                }
            })
            .collect();
        let ranges = model
            .ranges
            .iter()
            .map(|range| Range {
                name: range.name.clone(),
                start: range.start,
                end: range.end,
                title: range.title.clone(),
                description: range.doc.clone(),
                unnamed_codes_sendable: range.sendable,
                reconnect: range.reconnect.map_or(Reconnect::Never, policy),
            })
            .collect();
        Codes {
            codes,
            ranges,
            fields: model.fields.clone(),
        }
    }

    pub fn named(&self, value: u16) -> Option<&Code> {
        self.codes.iter().find(|code| code.value == value)
    }

    pub fn range_of(&self, value: u16) -> Option<&Range> {
        self.ranges
            .iter()
            .find(|range| (range.start..=range.end).contains(&value))
    }

    /// The wire rule: a named code decides for itself, another follows its range, a code
    /// in no range is never sent.
    pub fn is_sendable(&self, value: u16) -> bool {
        match self.named(value) {
            Some(code) => code.sendable,
            None => self
                .range_of(value)
                .is_some_and(|range| range.unnamed_codes_sendable),
        }
    }

    /// The code whose registry name is `name`.
    pub fn by_name(&self, name: &str) -> Option<&Code> {
        self.codes.iter().find(|code| code.name == name)
    }
}

/// A checked policy of a registry file, as the generated code states it.
pub fn policy(policy: ReconnectPolicy) -> Reconnect {
    match policy {
        ReconnectPolicy::Immediately => Reconnect::Immediately,
        ReconnectPolicy::Backoff => Reconnect::Backoff,
        // The registry crate checked that the window is not empty.
        ReconnectPolicy::AfterDelay { min_ms, max_ms } => {
            DelayWindow::from_millis(u64::from(min_ms), u64::from(max_ms))
                .map_or(Reconnect::Never, Reconnect::AfterDelay)
        }
        // `Never`, and any policy a later registry crate adds (the CLI pins it exactly).
        _ => Reconnect::Never,
    }
}

/// The standard registry's policy for a code no reason of it names: its range's.
fn range_policy(code: CloseCode) -> Reconnect {
    code.range().map_or(Reconnect::Never, CloseRange::reconnect)
}

/// The JSON shape of a policy, as the TypeScript export's `Reconnect` type has it:
/// `{"kind": "never"}`, …, `{"kind": "after_delay", "minMs": 5000, "maxMs": 30000}`.
pub fn policy_json(reconnect: Reconnect) -> serde_json::Value {
    match reconnect {
        Reconnect::Immediately => serde_json::json!({ "kind": "immediately" }),
        Reconnect::Backoff => serde_json::json!({ "kind": "backoff" }),
        Reconnect::AfterDelay(window) => serde_json::json!({
            "kind": "after_delay",
            "minMs": u64::try_from(window.min().as_millis()).unwrap_or(u64::MAX),
            "maxMs": u64::try_from(window.max().as_millis()).unwrap_or(u64::MAX),
        }),
        _ => serde_json::json!({ "kind": "never" }),
    }
}

/// A policy in words, for `explain`.
pub fn policy_text(reconnect: Reconnect) -> String {
    match reconnect {
        Reconnect::Immediately => "immediately".to_owned(),
        Reconnect::Backoff => "with backoff".to_owned(),
        Reconnect::AfterDelay(window) => format!(
            "after a random delay of {} to {} ms",
            window.min().as_millis(),
            window.max().as_millis()
        ),
        _ => "never".to_owned(),
    }
}

/// A field's value as JSON: a boolean, a number or a string (a word is its string).
fn field_json(value: &close_reasons_registry::FieldValueSpec) -> serde_json::Value {
    use close_reasons_registry::FieldValueSpec;
    match value {
        FieldValueSpec::Bool(flag) => serde_json::Value::Bool(*flag),
        FieldValueSpec::Integer(number) => serde_json::Value::from(*number),
        FieldValueSpec::String(text) | FieldValueSpec::Word(text) => {
            serde_json::Value::String(text.clone())
        }
        // A kind a later registry crate adds (the CLI pins it exactly).
        _ => serde_json::Value::Null,
    }
}
