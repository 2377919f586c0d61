//! Reads `close-reasons.toml` independently of the macro and checks that the generated
//! API says exactly what the file says, so data and code cannot drift apart.

use std::time::Duration;

use close_reasons::{CloseCode, CloseRange, CloseReason, DelayWindow, Reconnect};
use toml::{Table, Value};

/// A `reconnect` entry, read as the registry's documentation says.
fn policy(value: &Value) -> Reconnect {
    match value {
        Value::String(word) if word == "never" => Reconnect::Never,
        Value::String(word) if word == "immediately" => Reconnect::Immediately,
        Value::String(word) if word == "backoff" => Reconnect::Backoff,
        Value::Table(table) => {
            let window = table["after_delay_ms"].as_array().unwrap();
            let millis = |index: usize| {
                Duration::from_millis(u64::try_from(window[index].as_integer().unwrap()).unwrap())
            };
            Reconnect::AfterDelay(DelayWindow::new(millis(0), millis(1)).unwrap())
        }
        other => panic!("not a policy: {other}"),
    }
}

fn registry() -> Table {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../core/close-reasons.toml");
    std::fs::read_to_string(path).unwrap().parse().unwrap()
}

fn entries<'t>(registry: &'t Table, key: &str) -> Vec<&'t Table> {
    registry[key]
        .as_array()
        .unwrap()
        .iter()
        .map(|entry| entry.as_table().unwrap())
        .collect()
}

fn text<'t>(entry: &'t Table, key: &str) -> &'t str {
    entry[key].as_str().unwrap()
}

fn number(entry: &Table, key: &str) -> u16 {
    u16::try_from(entry[key].as_integer().unwrap()).unwrap()
}

fn camel_case(name: &str) -> String {
    name.split('_')
        .map(|word| word[..1].to_uppercase() + &word[1..])
        .collect()
}

#[test]
fn every_reason_matches_its_entry() {
    let registry = registry();
    let reasons = entries(&registry, "reason");
    assert_eq!(reasons.len(), CloseReason::ALL.len());
    for (entry, reason) in reasons.iter().zip(CloseReason::ALL) {
        assert_eq!(reason.code().get(), number(entry, "value"));
        assert_eq!(reason.name(), text(entry, "name"));
        assert_eq!(format!("{reason:?}"), camel_case(text(entry, "name")));
        assert_eq!(reason.title(), text(entry, "title"));
        assert_eq!(reason.description(), text(entry, "doc"));
        assert_eq!(reason.reference(), text(entry, "reference"));
        assert_eq!(reason.link(), entry.get("link").and_then(Value::as_str));
        assert_eq!(reason.is_sendable(), entry["sendable"].as_bool().unwrap());
        assert_eq!(
            reason.is_normal_closure(),
            entry
                .get("normal_closure")
                .and_then(Value::as_bool)
                .unwrap_or(false)
        );
        assert_eq!(
            reason.reconnect_advice(),
            entry.get("reconnect_advice").and_then(Value::as_str)
        );
        assert_eq!(
            reason.reconnect(),
            policy(&entry["reconnect"]),
            "{}",
            reason.name()
        );
        assert_eq!(CloseReason::from_code(reason.code()), Some(*reason));
    }
}

#[test]
fn every_range_matches_its_entry() {
    let registry = registry();
    let ranges = entries(&registry, "range");
    assert_eq!(ranges.len(), CloseRange::ALL.len());
    for (entry, range) in ranges.iter().zip(CloseRange::ALL) {
        assert_eq!(range.name(), text(entry, "name"));
        assert_eq!(format!("{range:?}"), camel_case(text(entry, "name")));
        assert_eq!(range.title(), text(entry, "title"));
        assert_eq!(range.description(), text(entry, "doc"));
        assert_eq!(
            range.unnamed_codes_sendable(),
            entry["sendable"].as_bool().unwrap()
        );
        assert_eq!(*range.codes().start(), number(entry, "start"));
        assert_eq!(*range.codes().end(), number(entry, "end"));
        assert_eq!(
            range.reconnect(),
            policy(&entry["reconnect"]),
            "{}",
            range.name()
        );
    }
}

/// The reason that names a code and the range that holds it, as the file says.
fn entries_of<'t>(
    reasons: &[&'t Table],
    ranges: &[&'t Table],
    value: u16,
) -> (Option<&'t Table>, Option<&'t Table>) {
    let named = reasons.iter().find(|entry| number(entry, "value") == value);
    let range = ranges
        .iter()
        .find(|entry| (number(entry, "start")..=number(entry, "end")).contains(&value));
    (named.copied(), range.copied())
}

/// The entry that decides for a code: the reason that names it, else its range.
fn deciding<'t>(reasons: &[&'t Table], ranges: &[&'t Table], value: u16) -> Option<&'t Table> {
    let (named, range) = entries_of(reasons, ranges, value);
    named.or(range)
}

#[test]
fn every_code_reconnects_as_the_data_says() {
    let registry = registry();
    let reasons = entries(&registry, "reason");
    let ranges = entries(&registry, "range");
    for value in 1..=u16::MAX {
        let expected = deciding(&reasons, &ranges, value)
            .map_or(Reconnect::Never, |entry| policy(&entry["reconnect"]));
        assert_eq!(
            CloseCode::new(value).unwrap().reconnect(),
            expected,
            "{value}"
        );
    }
}

#[test]
fn the_wire_check_follows_the_data() {
    let registry = registry();
    let reasons = entries(&registry, "reason");
    let ranges = entries(&registry, "range");
    for value in 1..=u16::MAX {
        let (named, range) = entries_of(&reasons, &ranges, value);
        let expected = named
            .or(range)
            .is_some_and(|entry| entry["sendable"].as_bool().unwrap());
        assert_eq!(
            CloseCode::new(value).unwrap().is_sendable(),
            expected,
            "code {value}"
        );
        // The browser's rule: the reason's own flag if it has one, else its range's;
        // and never a code the wire forbids.
        let flag = |entry: &toml::Table| entry.get("browser_sendable").and_then(|f| f.as_bool());
        let browser = named
            .and_then(flag)
            .or_else(|| range.and_then(flag))
            .unwrap_or(false);
        assert_eq!(
            CloseCode::new(value).unwrap().is_browser_sendable(),
            expected && browser,
            "code {value}"
        );
    }
}
