//! `close-reasons explain`: what each close code means, from the standard registry
//! compiled into close-reasons.

use std::fmt::Write as _;
use std::process::ExitCode;

use close_reasons::{CloseCode, CloseRange, CloseReason};

/// Prints each code (a number or a registry name), the whole table when there is none,
/// or the table as Markdown (the README's).
pub fn run(codes: &[String], markdown: bool) -> ExitCode {
    if markdown {
        print!("{}", markdown_table());
        return ExitCode::SUCCESS;
    }
    if codes.is_empty() {
        print!("{}", plain_table());
        return ExitCode::SUCCESS;
    }
    let mut status = ExitCode::SUCCESS;
    for (index, text) in codes.iter().enumerate() {
        if index > 0 {
            println!();
        }
        match text.parse::<CloseCode>() {
            Ok(code) => print!("{}", explain(code)),
            Err(error) => {
                eprintln!("{text}: {error}");
                status = ExitCode::from(2);
            }
        }
    }
    status
}

fn yes_no(flag: bool) -> &'static str {
    if flag { "yes" } else { "no" }
}

fn explain(code: CloseCode) -> String {
    let mut out = String::new();
    let range = code
        .range()
        .map_or_else(|| "none".to_owned(), |range| range.to_string());
    let _ = writeln!(out, "{code}");
    match code.reason() {
        Some(reason) => {
            let _ = writeln!(
                out,
                "  name:      {} (CloseReason::{reason:?})",
                reason.name()
            );
            let _ = writeln!(out, "  range:     {range}");
            let _ = writeln!(out, "  sendable:  {}", yes_no(code.is_sendable()));
            let link = reason
                .link()
                .map(|link| format!(" <{link}>"))
                .unwrap_or_default();
            let _ = writeln!(out, "  reference: {}{link}", reason.reference());
            let _ = writeln!(out, "  {}", reason.description());
        }
        None => {
            let _ = writeln!(out, "  name:      none");
            let _ = writeln!(out, "  range:     {range}");
            let _ = writeln!(out, "  sendable:  {}", yes_no(code.is_sendable()));
            let about = code.range().map_or(
                "Outside every range of RFC 6455 §7.4.2: never valid in a Close frame.",
                CloseRange::description,
            );
            let _ = writeln!(out, "  {about}");
        }
    }
    out
}

fn plain_table() -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<6} {:<18} {:<27} {:<14} sendable",
        "code", "name", "title", "range"
    );
    for reason in CloseReason::ALL {
        let range = reason.code().range().map_or("none", CloseRange::name);
        let _ = writeln!(
            out,
            "{:<6} {:<18} {:<27} {:<14} {}",
            reason.code().get(),
            reason.name(),
            reason.title(),
            range,
            yes_no(reason.is_sendable())
        );
    }
    let _ = writeln!(
        out,
        "\n{:<11} {:<14} {:<14} unnamed codes sendable",
        "codes", "range", "title"
    );
    for range in CloseRange::ALL {
        let codes = range.codes();
        let _ = writeln!(
            out,
            "{:<11} {:<14} {:<14} {}",
            format!("{}-{}", codes.start(), codes.end()),
            range.name(),
            range.title(),
            yes_no(range.unnamed_codes_sendable())
        );
    }
    out
}

fn markdown_link(reference: &str, link: Option<&str>) -> String {
    let reference = cell(reference);
    link.map_or_else(
        || reference.clone(),
        |link| format!("[{reference}]({link})"),
    )
}

/// A `|` would end a Markdown table cell.
fn cell(text: &str) -> String {
    text.replace('|', "\\|")
}

pub fn markdown_table() -> String {
    let mut out = String::new();
    out.push_str("| Code | Name | Title | Sendable | Reference |\n|---:|---|---|:---:|---|\n");
    for reason in CloseReason::ALL {
        let _ = writeln!(
            out,
            "| {} | `{}` | {} | {} | {} |",
            reason.code().get(),
            reason.name(),
            cell(reason.title()),
            yes_no(reason.is_sendable()),
            markdown_link(reason.reference(), reason.link())
        );
    }
    out.push_str("\n| Codes | Range | Title | Unnamed codes sendable |\n|---|---|---|:---:|\n");
    for range in CloseRange::ALL {
        let codes = range.codes();
        let _ = writeln!(
            out,
            "| {}–{} | `{}` | {} | {} |",
            codes.start(),
            codes.end(),
            range.name(),
            cell(range.title()),
            yes_no(range.unnamed_codes_sendable())
        );
    }
    out
}
