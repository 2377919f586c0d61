//! The registry crate's behaviour through its public API, one rule per test: what
//! `check`, `decode`, `Rules::for_text`, the model's code sets and the tables do. These
//! state what the macro's and the CLI's tests show only from afar (each found by
//! `scripts/mutants.sh registry`).

use close_reasons_registry::table::{RangeRow, ranges_table};
use close_reasons_registry::{Failure, Model, Rules, check, decode};

fn reason(name: &str, value: u32) -> String {
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

fn errors(text: &str, rules: Rules) -> Vec<String> {
    match check(text, rules) {
        Ok(_) => Vec::new(),
        Err(failure) => failure
            .diagnostics
            .iter()
            .map(|diagnostic| diagnostic.render("r.toml", text))
            .collect(),
    }
}

fn model(text: &str, rules: Rules) -> Model {
    check(text, rules)
        .map_err(|failure| failure.diagnostics)
        .unwrap()
}

fn failure(text: &str, rules: Rules) -> Failure {
    check(text, rules).unwrap_err()
}

#[test]
fn decode_keeps_utf8_and_points_at_the_first_bad_byte() {
    assert_eq!(
        decode("r.toml", b"a = 1\n".to_vec()),
        Ok("a = 1\n".to_owned())
    );
    let error = decode("r.toml", b"a = \"\xff\"\n".to_vec()).unwrap_err();
    assert_eq!(
        error,
        "r.toml:1:6: the registry is not valid UTF-8\n  |\n1 | a = \"\u{FFFD}\"\n  |      ^\n  \
         = help: save the file as UTF-8"
    );
}

#[test]
fn a_problem_found_while_reading_fails_the_check_even_when_the_rules_hold() {
    // An unknown field is reported by the reader; validation alone would accept the rest.
    let text = reason("kicked", 4001) + "colour = \"red\"\n";
    let found = errors(&text, Rules::Application);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("unknown field `colour`"), "{found:?}");
}

#[test]
fn a_range_key_that_is_no_table_still_means_ranges() {
    let text = "range = 5\n".to_owned() + &reason("normal", 1000);
    assert_eq!(Rules::for_text(&text), Rules::Standard);
    // The broken `range` is the mistake to fix; the reason is not also reported as lying
    // in no range.
    let found = errors(&text, Rules::Standard);
    assert!(!found.is_empty());
    assert!(
        found.iter().all(|error| !error.contains("no range")),
        "{found:?}"
    );
    assert_eq!(Rules::for_text(&reason("kicked", 4001)), Rules::Application);
}

#[test]
fn broken_toml_reports_its_first_line_only() {
    let found = errors("[[reason]]\ntitle = \"Kicked\n", Rules::Application);
    assert_eq!(found.len(), 1);
    let first = found[0].lines().next().unwrap();
    assert!(first.starts_with("r.toml:2:16: invalid TOML: "), "{first}");
    assert!(
        first.len() > "r.toml:2:16: invalid TOML: ".len() + 5,
        "{first}"
    );
    assert!(!first.contains("xyzzy"));
}

#[test]
fn the_stand_in_keeps_disjoint_ranges_and_drops_overlapping_ones() {
    // A mistake elsewhere (a title on two lines) makes the registry fail; the stand-in
    // still has the ranges it can use.
    let broken = reason("a", 1).replace("title = \"T\"", "title = \"T\\nU\"");
    let disjoint = range("low", 0, 9, false) + &range("high", 10, 19, true) + &broken;
    let ranges: Vec<String> = failure(&disjoint, Rules::Standard)
        .stand_in
        .ranges
        .iter()
        .map(|range| range.name.clone())
        .collect();
    assert_eq!(ranges, ["low", "high"]);
    // A range whose name would clash with a generated predicate is left out too.
    let reserved = range("low", 0, 9, false) + &range("sendable", 10, 19, true) + &broken;
    let ranges = failure(&reserved, Rules::Standard).stand_in.ranges;
    assert_eq!(ranges.len(), 1);
    assert_eq!(ranges[0].name, "low");
    let overlapping = range("low", 0, 9, false) + &range("high", 9, 19, true) + &broken;
    let ranges = failure(&overlapping, Rules::Standard).stand_in.ranges;
    assert_eq!(ranges.len(), 1);
    assert_eq!(ranges[0].name, "low");
}

#[test]
fn ranges_table_lists_bounds_label_title_and_the_unnamed_rule() {
    let rows = [
        RangeRow {
            start: 0,
            end: 999,
            label: "`unused`".into(),
            title: "Un|used",
            unnamed_codes_sendable: false,
        },
        RangeRow {
            start: 4000,
            end: 4999,
            label: "`private`".into(),
            title: "Private Use",
            unnamed_codes_sendable: true,
        },
    ];
    assert_eq!(
        ranges_table("Range", rows),
        "| Codes | Range | Title | Unnamed codes sendable |\n|---|---|---|:---:|\n\
         | 0–999 | `unused` | Un\\|used | no |\n| 4000–4999 | `private` | Private Use | yes |\n"
    );
}

#[test]
fn a_page_may_send_only_codes_the_wire_allows_and_the_range_opens_to_browsers() {
    let wire_only = range("low", 1, 9, true) + &reason("a", 1);
    assert_eq!(model(&wire_only, Rules::Standard).sendable_runs(), [(1, 9)]);
    assert!(
        model(&wire_only, Rules::Standard)
            .browser_sendable_runs()
            .is_empty()
    );
}

#[test]
fn applications_use_private_or_registered_codes_only() {
    for (value, message) in [
        (1000, "1000 is not an application code"),
        (5000, "5000 is not an application code"),
        (
            3042,
            "3042 is in the IANA range 3000-3999, but `a` does not say it is registered",
        ),
    ] {
        let found = errors(&reason("a", value), Rules::Application);
        assert_eq!(found.len(), 1, "{value}: {found:?}");
        assert!(found[0].contains(message), "{value}: {found:?}");
    }
    assert!(errors(&reason("a", 4001), Rules::Application).is_empty());
    assert!(errors(&(reason("a", 3042) + "iana = true\n"), Rules::Application).is_empty());
    let outside = errors(&(reason("a", 4001) + "iana = true\n"), Rules::Application);
    assert!(outside[0].contains("`iana = true` on 4001, which is outside the IANA range"));
    // An impossible value gets its own error only.
    let zero = errors(&reason("a", 0), Rules::Application);
    assert_eq!(zero.len(), 1, "{zero:?}");
}

#[test]
fn applications_cannot_define_ranges() {
    let text = range("mine", 4000, 4099, true) + &reason("a", 4001);
    let found = errors(&text, Rules::Application);
    assert!(
        found
            .iter()
            .any(|error| error.contains("application registries cannot define ranges; `mine`")),
        "{found:?}"
    );
}

#[test]
fn a_range_of_one_code_is_a_range() {
    let text = range("one", 7, 7, true) + &reason("a", 7);
    assert_eq!(model(&text, Rules::Standard).ranges[0].start, 7);
    let backwards = range("back", 10, 5, true) + &reason("a", 7);
    let found = errors(&backwards, Rules::Standard);
    assert!(
        found[0].contains("range `back` ends at 5, before its start 10"),
        "{found:?}"
    );
    // The reason is not also reported as lying in no range: the range is the mistake.
    assert_eq!(found.len(), 1, "{found:?}");
}

#[test]
fn the_highest_code_is_a_close_code() {
    let text = range("top", 60000, 65535, true) + &reason("a", 65535);
    assert_eq!(model(&text, Rules::Standard).reasons[0].value, 65535);
}

#[test]
fn only_the_title_must_fit_on_one_line() {
    let doc_lines = reason("a", 4001).replace("doc = \"D\"", "doc = \"D\\nmore\"");
    assert!(errors(&doc_lines, Rules::Application).is_empty());
    let title_lines = reason("a", 4001).replace("title = \"T\"", "title = \"T\\nU\"");
    let found = errors(&title_lines, Rules::Application);
    assert!(
        found[0].contains("`title` spans several lines"),
        "{found:?}"
    );
}

#[test]
fn a_link_needs_a_host_and_no_spaces() {
    for bad in ["https://", "https://example.com/a b", "ftp://example.com"] {
        let text = reason("a", 4001) + &format!("link = \"{bad}\"\n");
        assert_eq!(errors(&text, Rules::Application).len(), 1, "{bad}");
    }
    let good = reason("a", 4001) + "link = \"https://example.com/x\"\n";
    assert!(errors(&good, Rules::Application).is_empty());
}

#[test]
fn adjacent_ranges_do_not_overlap() {
    let text = range("low", 0, 9, false) + &range("high", 10, 19, true) + &reason("a", 10);
    assert_eq!(model(&text, Rules::Standard).ranges.len(), 2);
    // In the other order too (whatever else is said about the order).
    let reversed = range("high", 10, 19, true) + &range("low", 0, 9, false) + &reason("a", 5);
    let found = errors(&reversed, Rules::Standard);
    assert!(
        found.iter().all(|error| !error.contains("overlaps")),
        "{found:?}"
    );
    let overlapping = range("low", 0, 10, false) + &range("high", 10, 19, true) + &reason("a", 11);
    let found = errors(&overlapping, Rules::Standard);
    assert!(
        found[0].contains("range `high` (10..=19) overlaps range `low` (0..=10)"),
        "{found:?}"
    );
}

#[test]
fn every_standard_code_lies_in_a_range() {
    let text = range("low", 0, 9, false) + &reason("a", 5) + &reason("b", 20);
    let found = errors(&text, Rules::Standard);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("20"), "{found:?}");
    // A range whose start is valid but whose end is not is reported alone.
    let broken_end = range("low", 100, 70000, false) + &reason("a", 5);
    let found = errors(&broken_end, Rules::Standard);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].contains("range bound 70000 is outside 0..=65535"),
        "{found:?}"
    );
}

#[test]
fn aliases_are_words_not_the_reasons_own_name_and_given_once() {
    let with = |aliases: &str| reason("going_away", 4001) + &format!("aliases = {aliases}\n");
    let accepted = model(&with("[\"Away\", \"GOING_AWAY_NOW\"]"), Rules::Application);
    assert_eq!(accepted.reasons[0].aliases, ["Away", "GOING_AWAY_NOW"]);
    assert!(
        model(&reason("a", 4001), Rules::Application).reasons[0]
            .aliases
            .is_empty()
    );
    for (aliases, message) in [
        ("[\"going away\"]", "alias \"going away\" is not a word"),
        ("[\"\"]", "alias \"\" is not a word"),
        (
            "[\"GoingAway\"]",
            "alias \"GoingAway\" is this reason's own name",
        ),
        (
            "[\"GOING_AWAY\"]",
            "alias \"GOING_AWAY\" is this reason's own name",
        ),
        ("[\"Away\", \"AWAY\"]", "alias \"AWAY\" is given twice"),
        (
            "[1001]",
            "`aliases` must be an array of strings, e.g. [\"Away\"], found an integer (1001)",
        ),
        ("\"Away\"", "`aliases` must be an array of strings"),
    ] {
        let found = errors(&with(aliases), Rules::Application);
        assert_eq!(found.len(), 1, "{aliases}: {found:?}");
        assert!(found[0].contains(message), "{aliases}: {found:?}");
    }
    // Two reasons cannot share an alias: it would lead to either.
    let shared = reason("a", 4001)
        + "aliases = [\"Gone\"]\n"
        + &reason("b", 4002)
        + "aliases = [\"gone\"]\n";
    let found = errors(&shared, Rules::Application);
    assert!(
        found[0].contains("alias \"gone\" is given twice"),
        "{found:?}"
    );
    assert!(found[0].contains("\"Gone\" is here"), "{found:?}");
}
