//! `close-reasons explain`: what each close code means, from the standard registry
//! compiled into close-reasons, or from a registry file: an application's codes first and
//! the standard ones otherwise, or a whole standard registry being edited.

use std::fmt::Write as _;

use close_reasons::{CloseCode, Reconnect};
use close_reasons_registry::table::{self, RangeRow, ReasonRow, yes_no};

use crate::data::{Code, Codes};
use crate::report::{self, Outcome, Reporter};

/// Where names come from: an application's registry, if given, over the standard one.
pub struct Layers {
    pub application: Option<Codes>,
    pub standard: Codes,
}

impl Layers {
    fn named(&self, value: u16) -> Option<&Code> {
        self.application
            .as_ref()
            .and_then(|codes| codes.named(value))
            .or_else(|| self.standard.named(value))
    }

    /// The codes a table lists: the application's, or the standard ones.
    fn listed(&self) -> &Codes {
        self.application.as_ref().unwrap_or(&self.standard)
    }

    /// A code written as a number, a registry name (the application's first), or as
    /// `Display` writes it.
    fn parse(&self, text: &str) -> Result<u16, String> {
        if let Some(code) = self.application.as_ref().and_then(|codes| {
            codes
                .codes
                .iter()
                .find(|code| code.name == text || format!("{} {}", code.value, code.title) == text)
        }) {
            return Ok(code.value);
        }
        if let Some(code) = self.standard.by_name(text) {
            return Ok(code.value);
        }
        text.parse::<CloseCode>()
            .map(CloseCode::get)
            .map_err(|error| format!("`{text}`: {error}"))
    }
}

/// Prints each code, the whole table when there is none, or the table as Markdown.
pub fn run(codes: &[String], markdown: bool, layers: &Layers, reporter: Reporter) -> Outcome {
    if markdown {
        report::print(&markdown_table(layers));
        return Outcome::Clean;
    }
    if codes.is_empty() {
        report::print(&plain_table(layers));
        return Outcome::Clean;
    }
    let mut outcome = Outcome::Clean;
    let mut first = true;
    for text in codes {
        match layers.parse(text) {
            Ok(value) => {
                if !first {
                    report::print("\n");
                }
                first = false;
                report::print(&explain(value, layers));
            }
            Err(message) => {
                reporter.error(&message);
                outcome = Outcome::CouldNotRun;
            }
        }
    }
    outcome
}

fn explain(value: u16, layers: &Layers) -> String {
    let mut out = String::new();
    let standard = &layers.standard;
    let range = standard.range_of(value);
    let range_text = range.map_or_else(
        || "none".to_owned(),
        |range| format!("{} ({}-{})", range.title, range.start, range.end),
    );
    match layers.named(value) {
        Some(code) => {
            let _ = writeln!(out, "{value} {}", code.title);
            let _ = writeln!(out, "  name:      {} ({})", code.name, code.origin);
            if !code.aliases.is_empty() {
                let _ = writeln!(out, "  aliases:   {}", code.aliases.join(", "));
            }
            let _ = writeln!(out, "  range:     {range_text}");
            let _ = writeln!(out, "  sendable:  {}", yes_no(code.sendable));
            let _ = writeln!(
                out,
                "  reconnect: {}",
                crate::data::policy_text(code.reconnect)
            );
            let link = code
                .link
                .as_ref()
                .map(|link| format!(" <{link}>"))
                .unwrap_or_default();
            let _ = writeln!(out, "  reference: {}{link}", code.reference);
            let _ = writeln!(out, "  {}", code.description);
        }
        None => {
            let _ = match range {
                Some(range) => writeln!(out, "{value} ({})", range.title),
                None => writeln!(out, "{value}"),
            };
            let _ = writeln!(out, "  name:      none");
            let _ = writeln!(out, "  range:     {range_text}");
            let _ = writeln!(out, "  sendable:  {}", yes_no(standard.is_sendable(value)));
            let reconnect = range.map_or(Reconnect::Never, |range| range.reconnect);
            let _ = writeln!(out, "  reconnect: {}", crate::data::policy_text(reconnect));
            let about = range.map_or(
                "Outside every range of RFC 6455 §7.4.2: never valid in a Close frame.",
                |range| range.description.as_str(),
            );
            let _ = writeln!(out, "  {about}");
        }
    }
    out
}

fn plain_table(layers: &Layers) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<6} {:<18} {:<27} {:<14} sendable",
        "code", "name", "title", "range"
    );
    for code in &layers.listed().codes {
        let range = layers
            .standard
            .range_of(code.value)
            .map_or("none", |range| range.name.as_str());
        let _ = writeln!(
            out,
            "{:<6} {:<18} {:<27} {:<14} {}",
            code.value,
            code.name,
            code.title,
            range,
            yes_no(code.sendable)
        );
    }
    if layers.application.is_none() {
        let _ = writeln!(
            out,
            "\n{:<11} {:<14} {:<14} unnamed codes sendable",
            "codes", "range", "title"
        );
        for range in &layers.standard.ranges {
            let _ = writeln!(
                out,
                "{:<11} {:<14} {:<14} {}",
                format!("{}-{}", range.start, range.end),
                range.name,
                range.title,
                yes_no(range.unnamed_codes_sendable)
            );
        }
    }
    out
}

/// The README's table (for the standard registry), or an application's codes.
pub fn markdown_table(layers: &Layers) -> String {
    let codes = layers.listed();
    let mut out = table::reasons_table(
        "Name",
        codes.codes.iter().map(|code| ReasonRow {
            value: code.value,
            label: format!("`{}`", code.name),
            title: &code.title,
            sendable: code.sendable,
            reference: &code.reference,
            link: code.link.as_deref(),
        }),
    );
    if layers.application.is_none() {
        out.push('\n');
        out += &table::ranges_table(
            "Range",
            layers.standard.ranges.iter().map(|range| RangeRow {
                start: range.start,
                end: range.end,
                label: format!("`{}`", range.name),
                title: &range.title,
                unnamed_codes_sendable: range.unnamed_codes_sendable,
            }),
        );
    }
    out
}
