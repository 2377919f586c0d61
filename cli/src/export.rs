//! `close-reasons export`: the codes of a registry for other languages.

use std::fmt::Write as _;

use close_reasons::{CloseCode, Reconnect};
use close_reasons_registry::membership;
use serde_json::{Value, json};

use crate::Format;
use crate::data::{Code, Codes, Range};
use crate::report::{self, Outcome, Reporter};

/// The names the TypeScript module defines besides one constant per code.
const TYPESCRIPT_NAMES: &[&str] = &["CLOSE_CODES", "TITLES", "SENDABLE"];

/// Writes the codes of `codes` (read from `source`) in `format`.
pub fn run(format: Format, source: &str, codes: &Codes, reporter: Reporter) -> Outcome {
    match format {
        Format::Json => report::print(&format!("{}\n", to_json(&codes.codes, &codes.ranges))),
        Format::Typescript => {
            let field_names: Vec<String> = codes
                .fields
                .iter()
                .map(|field| format!("FIELD_{}", field.name.to_ascii_uppercase()))
                .collect();
            if let Some(clash) = codes.codes.iter().find(|code| {
                let name = code.name.to_ascii_uppercase();
                TYPESCRIPT_NAMES.contains(&name.as_str()) || field_names.contains(&name)
            }) {
                reporter.error(&format!(
                    "reason `{}` would be exported as `{}`, a name the TypeScript module already uses; rename the reason",
                    clash.name,
                    clash.name.to_ascii_uppercase()
                ));
                return Outcome::Mistakes;
            }
            report::print(&to_typescript(source, codes));
        }
    }
    Outcome::Clean
}

fn to_json(codes: &[Code], ranges: &[Range]) -> String {
    let reasons: Vec<Value> = codes
        .iter()
        .map(|code| {
            let mut reason = json!({
                "name": code.name,
                "value": code.value,
                "title": code.title,
                "description": code.description,
                "reference": code.reference,
                "link": code.link,
                "sendable": code.sendable,
                "browser_sendable": code.browser_sendable,
                "normal_closure": code.normal_closure,
                "reconnect": crate::data::policy_json(code.reconnect),
                "reconnect_advice": code.reconnect_advice,
                "aliases": code.aliases,
            });
            // Only an application registry with fields of its own has them.
            if !code.fields.is_empty() {
                let fields: serde_json::Map<String, Value> = code.fields.iter().cloned().collect();
                reason["fields"] = Value::Object(fields);
            }
            reason
        })
        .collect();
    let ranges: Vec<Value> = ranges
        .iter()
        .map(|range| {
            json!({
                "name": range.name,
                "start": range.start,
                "end": range.end,
                "title": range.title,
                "unnamed_codes_sendable": range.unnamed_codes_sendable,
                "reconnect": crate::data::policy_json(range.reconnect),
            })
        })
        .collect();
    let document = json!({ "reasons": reasons, "ranges": ranges });
    serde_json::to_string_pretty(&document).unwrap_or_default()
}

/// The codes a page may send, as a TypeScript condition on `code`: one test per run of
/// [`CloseCode::is_browser_sendable`] (`code === 1000 || (code >= 3000 && code <= 4999)`).
fn browser_rule() -> String {
    let runs = membership::runs(
        (1..=u16::MAX)
            .filter(|&number| CloseCode::new(number).is_some_and(CloseCode::is_browser_sendable)),
    );
    if runs.is_empty() {
        return "false".to_owned();
    }
    runs.iter()
        .map(|&(start, end)| {
            if start == end {
                format!("code === {start}")
            } else {
                format!("(code >= {start} && code <= {end})")
            }
        })
        .collect::<Vec<_>>()
        .join(" || ")
}

/// A string literal of TypeScript (JSON's escaping is valid there).
fn literal(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_default()
}

/// A comment line that cannot end the comment it sits in.
fn comment(text: &str) -> String {
    text.replace("*/", "*\\/").replace('\n', " ")
}

/// What a client does after each code, as the Rust enum's `reconnect_for` answers:
/// the file's policy for the codes it names; for any other, the file's range when it
/// has ranges (a standard registry file), else the compiled standard registry. As
/// maximal runs of codes with the same policy, ascending, `Never` left out.
fn reconnect_runs(codes: &Codes) -> Vec<(u16, u16, Reconnect)> {
    let policy = |number: u16| {
        if let Some(code) = codes.named(number) {
            return code.reconnect;
        }
        if codes.ranges.is_empty() {
            return CloseCode::new(number).map_or(Reconnect::Never, CloseCode::reconnect);
        }
        codes
            .range_of(number)
            .map_or(Reconnect::Never, |range| range.reconnect)
    };
    let mut runs: Vec<(u16, u16, Reconnect)> = Vec::new();
    for number in 1..=u16::MAX {
        let reconnect = policy(number);
        match runs.last_mut() {
            Some((_, end, last)) if *last == reconnect && *end + 1 == number => *end = number,
            _ => runs.push((number, number, reconnect)),
        }
    }
    runs.retain(|&(_, _, reconnect)| reconnect != Reconnect::Never);
    runs
}

/// The TypeScript `Reconnect` literal of a policy.
fn reconnect_literal(reconnect: Reconnect) -> String {
    let json = crate::data::policy_json(reconnect);
    let kind = json["kind"].as_str().unwrap_or("never");
    match (json.get("minMs"), json.get("maxMs")) {
        (Some(min), Some(max)) => format!("{{ kind: \"{kind}\", minMs: {min}, maxMs: {max} }}"),
        _ => format!("{{ kind: \"{kind}\" }}"),
    }
}

/// `Reconnect` and `reconnectFor`, which answer as the Rust enum's `reconnect_for`.
fn typescript_reconnect(codes: &Codes) -> String {
    let mut out = String::from(
        "/**\n * What a client does after a close code: not reconnect automatically, reconnect at\n \
         * once, reconnect with a growing delay, or reconnect after a random delay between\n \
         * `minMs` and `maxMs` milliseconds.\n */\n\
         export type Reconnect =\n  \
         | { kind: \"never\" }\n  \
         | { kind: \"immediately\" }\n  \
         | { kind: \"backoff\" }\n  \
         | { kind: \"after_delay\"; minMs: number; maxMs: number };\n\n\
         /**\n * What a client does after `code`: this registry's policy for its codes, and\n \
         * close-reasons' standard registry's for any other (by its reason, else its range);\n \
         * what is not a close code never reconnects. The same answers as `reconnect_for` of\n \
         * the Rust enum.\n */\n\
         export function reconnectFor(code: number): Reconnect {\n  \
         if (!Number.isInteger(code)) return { kind: \"never\" };\n",
    );
    for (start, end, reconnect) in reconnect_runs(codes) {
        let test = if start == end {
            format!("code === {start}")
        } else {
            format!("code >= {start} && code <= {end}")
        };
        let _ = writeln!(
            out,
            "  if ({test}) return {};",
            reconnect_literal(reconnect)
        );
    }
    out.push_str("  return { kind: \"never\" };\n}\n");
    out
}

fn to_typescript(source: &str, registry: &Codes) -> String {
    let codes = &registry.codes;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "// Generated by `close-reasons export --format typescript` from {source}.\n\
         // Do not edit: change the registry and export again.\n"
    );
    for code in codes {
        let _ = writeln!(
            out,
            "/** {} {}: {} */\nexport const {} = {} as const;\n",
            code.value,
            comment(&code.title),
            comment(&code.description),
            code.name.to_ascii_uppercase(),
            code.value
        );
    }
    let union = if codes.is_empty() {
        "never".to_owned()
    } else {
        codes
            .iter()
            .map(|code| format!("typeof {}", code.name.to_ascii_uppercase()))
            .collect::<Vec<_>>()
            .join(" | ")
    };
    let _ = writeln!(
        out,
        "/** Every code of the registry. */\nexport type CloseCode = {union};\n"
    );
    let values: Vec<String> = codes.iter().map(|code| code.value.to_string()).collect();
    let _ = writeln!(
        out,
        "/** Every code of the registry, ascending. */\nexport const CLOSE_CODES: readonly CloseCode[] = [{}];\n",
        values.join(", ")
    );
    let _ = writeln!(
        out,
        "/** The title of each code, as `Display` prints it after the number. */"
    );
    let _ = writeln!(
        out,
        "export const TITLES: {{ readonly [Code in CloseCode]: string }} = {{"
    );
    for code in codes {
        let _ = writeln!(out, "  {}: {},", code.value, literal(&code.title));
    }
    let _ = writeln!(out, "}};\n");
    let sendable: Vec<String> = codes
        .iter()
        .filter(|code| code.sendable)
        .map(|code| code.value.to_string())
        .collect();
    let _ = writeln!(
        out,
        "/** The codes the registry lets an endpoint send; the others are reported locally only. */\n\
         export const SENDABLE: ReadonlySet<number> = new Set<number>([{}]);\n",
        sendable.join(", ")
    );
    let _ = writeln!(
        out,
        "/** Whether `code` is one of the registry's codes. */\n\
         export function isCloseCode(code: number): code is CloseCode {{\n  \
         return (CLOSE_CODES as readonly number[]).includes(code);\n}}\n"
    );
    let _ = writeln!(
        out,
        "/**\n * Whether a web page may pass `code` to `WebSocket.close()` (WHATWG WebSockets\n \
         * Standard); on any other code the browser throws an `InvalidAccessError` instead of\n \
         * closing. From the `browser_sendable` data of close-reasons' standard registry.\n */\n\
         export function mayCloseFromPage(code: number): boolean {{\n  return {};\n}}\n",
        browser_rule()
    );
    out.push_str(&typescript_reconnect(registry));
    out.push_str(&typescript_fields(registry));
    out
}

/// One constant per application field: each code's value (`FIELD_LOG_LEVEL[4002]`),
/// typed by the field's kind, a list of words as the union of their literals.
fn typescript_fields(registry: &Codes) -> String {
    use close_reasons_registry::FieldKind;
    let mut out = String::new();
    for (index, field) in registry.fields.iter().enumerate() {
        let kind = match &field.kind {
            FieldKind::Bool => "boolean".to_owned(),
            FieldKind::Integer => "number".to_owned(),
            FieldKind::Words(words) => words
                .iter()
                .map(|word| literal(word))
                .collect::<Vec<_>>()
                .join(" | "),
            _ => "string".to_owned(),
        };
        let _ = writeln!(
            out,
            "\n/** {} */\nexport const FIELD_{}: {{ readonly [Code in CloseCode]: {kind} }} = {{",
            comment(&field.doc),
            field.name.to_ascii_uppercase()
        );
        for code in &registry.codes {
            let value = code
                .fields
                .get(index)
                .map_or_else(String::new, |(_, value)| value.to_string());
            let _ = writeln!(out, "  {}: {value},", code.value);
        }
        out.push_str("};\n");
    }
    out
}
