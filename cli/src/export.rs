//! `close-reasons export`: the codes of a registry for other languages.

use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

use close_reasons::{CloseCode, CloseRange, CloseReason};
use close_reasons_registry::{Model, Rules, check};
use serde_json::{Value, json};

use crate::Format;

/// The names the TypeScript module defines besides one constant per code.
const TYPESCRIPT_NAMES: &[&str] = &["CLOSE_CODES", "TITLES", "SENDABLE"];

/// One named code, whichever registry it came from.
struct Code {
    name: String,
    value: u16,
    title: String,
    description: String,
    reference: String,
    link: Option<String>,
    sendable: bool,
    browser_sendable: bool,
    normal_closure: bool,
    reconnect: Option<String>,
}

/// One range of the standard registry.
struct Range {
    name: String,
    start: u16,
    end: u16,
    title: String,
    unnamed_codes_sendable: bool,
}

pub fn run(format: Format, file: Option<&Path>, application: bool) -> ExitCode {
    let (source, codes, ranges) = match file {
        None => (
            "the standard registry of close-reasons".to_owned(),
            standard_codes(),
            standard_ranges(),
        ),
        Some(file) => match read(file, application) {
            Ok(model) => {
                let source = file.file_name().map_or_else(
                    || file.display().to_string(),
                    |name| name.to_string_lossy().into_owned(),
                );
                let ranges = model_ranges(&model);
                (source, model_codes(model), ranges)
            }
            Err(message) => {
                eprintln!("{message}");
                return ExitCode::FAILURE;
            }
        },
    };
    match format {
        Format::Json => println!("{}", to_json(&codes, &ranges)),
        Format::Typescript => {
            if let Some(clash) = codes
                .iter()
                .find(|code| TYPESCRIPT_NAMES.contains(&code.name.to_ascii_uppercase().as_str()))
            {
                eprintln!(
                    "error: reason `{}` would be exported as `{}`, a name the TypeScript module already uses; rename the reason",
                    clash.name,
                    clash.name.to_ascii_uppercase()
                );
                return ExitCode::FAILURE;
            }
            print!("{}", to_typescript(&source, &codes));
        }
    }
    ExitCode::SUCCESS
}

fn read(file: &Path, application: bool) -> Result<Model, String> {
    let shown = file.display().to_string();
    let bytes =
        std::fs::read(file).map_err(|error| format!("error: cannot read `{shown}`: {error}"))?;
    let text = close_reasons_registry::decode(&shown, bytes)
        .map_err(|rendered| format!("error: {rendered}"))?;
    let rules = if application {
        Rules::Application
    } else {
        Rules::Standard
    };
    check(&text, rules).map_err(|failure| {
        let mut message =
            format!("error: `{shown}` has mistakes; `close-reasons check` shows them all");
        if let Some(first) = failure.diagnostics.first() {
            message += &format!("\nerror: {}", first.render(&shown, &text));
        }
        message
    })
}

/// The browser's rule, as the generated enums apply it: the registry lets the code be
/// sent, and a page may pass it to `WebSocket.close()`.
fn browser_sendable(value: u16, sendable: bool) -> bool {
    sendable && CloseCode::new(value).is_some_and(CloseCode::is_browser_sendable)
}

fn standard_codes() -> Vec<Code> {
    CloseReason::ALL
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
            reconnect: reason.reconnect().map(str::to_owned),
        })
        .collect()
}

fn standard_ranges() -> Vec<Range> {
    CloseRange::ALL
        .iter()
        .map(|range| Range {
            name: range.name().to_owned(),
            start: *range.codes().start(),
            end: *range.codes().end(),
            title: range.title().to_owned(),
            unnamed_codes_sendable: range.unnamed_codes_sendable(),
        })
        .collect()
}

fn model_codes(model: Model) -> Vec<Code> {
    model
        .reasons
        .into_iter()
        .map(|reason| Code {
            browser_sendable: browser_sendable(reason.value, reason.sendable),
            name: reason.name,
            value: reason.value,
            title: reason.title,
            description: reason.doc,
            reference: reason.reference,
            link: reason.link,
            sendable: reason.sendable,
            normal_closure: reason.normal_closure,
            reconnect: reason.reconnect,
        })
        .collect()
}

fn model_ranges(model: &Model) -> Vec<Range> {
    model
        .ranges
        .iter()
        .map(|range| Range {
            name: range.name.clone(),
            start: range.start,
            end: range.end,
            title: range.title.clone(),
            unnamed_codes_sendable: range.sendable,
        })
        .collect()
}

fn to_json(codes: &[Code], ranges: &[Range]) -> String {
    let reasons: Vec<Value> = codes
        .iter()
        .map(|code| {
            json!({
                "name": code.name,
                "value": code.value,
                "title": code.title,
                "description": code.description,
                "reference": code.reference,
                "link": code.link,
                "sendable": code.sendable,
                "browser_sendable": code.browser_sendable,
                "normal_closure": code.normal_closure,
                "reconnect": code.reconnect,
            })
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
            })
        })
        .collect();
    let document = json!({ "reasons": reasons, "ranges": ranges });
    serde_json::to_string_pretty(&document).unwrap_or_default()
}

/// The codes a page may send, as a TypeScript condition on `code`: one test per run of
/// [`CloseCode::is_browser_sendable`] (`code === 1000 || (code >= 3000 && code <= 4999)`).
fn browser_rule() -> String {
    let mut runs: Vec<(u16, u16)> = Vec::new();
    let allowed = (1..=u16::MAX)
        .filter(|&number| CloseCode::new(number).is_some_and(CloseCode::is_browser_sendable));
    for number in allowed {
        match runs.last_mut() {
            Some((_, end)) if *end + 1 == number => *end = number,
            _ => runs.push((number, number)),
        }
    }
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

fn to_typescript(source: &str, codes: &[Code]) -> String {
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
         export function mayCloseFromPage(code: number): boolean {{\n  return {};\n}}",
        browser_rule()
    );
    out
}
