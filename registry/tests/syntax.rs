//! Broken TOML as a maintainer writes it: every independent syntax error is reported, one
//! mistake that makes the rest of its entry (or file) unreadable is reported once, the
//! entries beside it are still checked, and the stand-in keeps every entry.

use close_reasons_registry::{Failure, Rules, check};

/// Seven application reasons, `r1` … `r7` (4001 … 4007), each entry nine lines long and
/// followed by a blank line; `edit` rewrites one entry's text.
fn registry(edit: impl Fn(u16, String) -> String) -> String {
    (1..=7)
        .map(|index| {
            let entry = format!(
                "[[reason]]\nname = \"r{index}\"\nvalue = {}\ntitle = \"Title {index}\"\n\
                 aliases = [\"A{index}\"]\ndoc = \"Doc {index}.\"\nreference = \"Protocol\"\n\
                 reconnect = \"never\"\nsendable = true\n\n",
                4000 + index
            );
            edit(index, entry)
        })
        .collect()
}

/// The first line of an entry (its `[[reason]]` header).
fn header_line(index: usize) -> usize {
    (index - 1) * 10 + 1
}

fn failure(text: &str) -> Failure {
    match check(text, Rules::Application) {
        Ok(_) => panic!("the registry was accepted:\n{text}"),
        Err(failure) => failure,
    }
}

fn rendered(text: &str) -> Vec<String> {
    failure(text)
        .diagnostics
        .iter()
        .map(|diagnostic| diagnostic.render("codes.toml", text))
        .collect()
}

fn stand_in_names(text: &str) -> Vec<String> {
    let failure = failure(text);
    failure
        .stand_in
        .reasons
        .iter()
        .map(|reason| reason.name.clone())
        .collect()
}

fn all_names() -> Vec<String> {
    (1..=7).map(|index| format!("r{index}")).collect()
}

#[test]
fn two_independent_syntax_errors_are_both_reported() {
    let text = registry(|index, entry| match index {
        2 | 5 => entry.replace(&format!("\"Title {index}\""), "\"Unterminated"),
        _ => entry,
    });
    let errors = rendered(&text);
    assert_eq!(errors.len(), 2, "{errors:#?}");
    let title_of = |index| header_line(index) + 3;
    assert!(
        errors[0].starts_with(&format!(
            "codes.toml:{}:22: invalid TOML: invalid basic string",
            title_of(2)
        )),
        "{errors:#?}"
    );
    assert!(
        errors[1].starts_with(&format!(
            "codes.toml:{}:22: invalid TOML: invalid basic string",
            title_of(5)
        )),
        "{errors:#?}"
    );
    assert_eq!(stand_in_names(&text), all_names());
}

#[test]
fn syntax_errors_come_with_the_rule_mistakes_of_the_entries_that_parsed() {
    let text = registry(|index, entry| match index {
        2 => entry.replace("\"Title 2\"", "\"Unterminated"),
        4 => entry.replace("\"never\"", "\"sometimes\""),
        6 => entry.replace("name = \"r6\"", "name = \"R6\""),
        _ => entry,
    });
    let errors = rendered(&text);
    assert_eq!(errors.len(), 3, "{errors:#?}");
    assert!(errors[0].contains("invalid TOML"), "{errors:#?}");
    assert!(
        errors[1].starts_with(&format!(
            "codes.toml:{}:13: `reconnect` must be",
            header_line(4) + 7
        )),
        "{errors:#?}"
    );
    assert!(
        errors[2].starts_with(&format!("codes.toml:{}:8:", header_line(6) + 1)),
        "{errors:#?}"
    );
    // The consequences inside the broken entry are not reported: its name and value
    // survive for the stand-in, nothing of it is checked.
    assert!(stand_in_names(&text).contains(&"r2".to_owned()));
}

#[test]
fn an_array_missing_its_bracket_is_one_error_and_the_rest_is_read() {
    let text = registry(|index, entry| match index {
        2 => entry.replace("aliases = [\"A2\"]", "aliases = [\n  \"A2\",\n  \"Other\","),
        _ => entry,
    });
    let errors = rendered(&text);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    // The first thing toml cannot read is the key after the array.
    assert!(
        errors[0].starts_with(&format!("codes.toml:{}:", header_line(2) + 7)),
        "{errors:#?}"
    );
    assert!(
        errors[0].contains(&format!(
            "codes.toml:{}:11: the array opens here",
            header_line(2) + 4
        )),
        "{errors:#?}"
    );
    assert_eq!(stand_in_names(&text), all_names());
    // The entries after it are checked: a mistake in one of them is reported too.
    let with_mistake = text.replace("name = \"r6\"", "name = \"R6\"");
    let errors = rendered(&with_mistake);
    assert_eq!(errors.len(), 2, "{errors:#?}");
    assert!(errors[1].contains("\"R6\" is not lowercase"), "{errors:#?}");
}

#[test]
fn a_multi_line_string_never_closed_is_one_error_at_its_opening() {
    let text = registry(|index, entry| match index {
        2 => entry.replace("\"Doc 2.\"", "\"\"\"Doc 2, never closed."),
        _ => entry,
    });
    let errors = rendered(&text);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(
        errors[0].starts_with(&format!(
            "codes.toml:{}:7: invalid TOML: this multi-line string is never closed",
            header_line(2) + 5
        )),
        "{errors:#?}"
    );
    assert!(errors[0].contains("close the string"), "{errors:#?}");
    // toml reads the rest of the file as the string; the stand-in starts again at the
    // next header.
    assert_eq!(stand_in_names(&text), all_names());
}

#[test]
fn a_broken_table_header_is_one_error() {
    let text = registry(|index, entry| match index {
        3 => entry.replacen("[[reason]]", "[[reason]", 1),
        _ => entry,
    });
    let errors = rendered(&text);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(
        errors[0].starts_with(&format!(
            "codes.toml:{}:10: invalid TOML: unclosed array table",
            header_line(3)
        )),
        "{errors:#?}"
    );
    // What toml makes of the keys under a broken header is not an entry; the stand-in
    // keeps every other one.
    let mut others = all_names();
    others.remove(2);
    assert_eq!(stand_in_names(&text), others);
}

#[test]
fn a_broken_field_declaration_hides_no_mistake_and_invents_none() {
    let declaration = "[[field]]\nname = \"resumable\"\ntype = \"bool\"\ndoc = \"Resumes.\n\
                       default = false\n\n";
    let text = declaration.to_owned()
        + &registry(|index, entry| match index {
            1 => entry.replace(
                "sendable = true",
                "sendable = true\nfields = { resumable = true }",
            ),
            _ => entry,
        });
    let errors = rendered(&text);
    // The declaration's syntax error alone: that `r1` sets `resumable` is no mistake of
    // its own while the declaration cannot be read.
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(errors[0].starts_with("codes.toml:4:"), "{errors:#?}");
    // Still an application's registry: a broken `[[field]]` hides no `[[range]]`.
    assert_eq!(Rules::for_text(&text), Rules::Application);
}

#[test]
fn a_clash_between_entries_is_reported_when_each_reads_alone() {
    let text = "reason = 1\n".to_owned() + &registry(|_, entry| entry);
    let errors = rendered(&text);
    // The rule the first line breaks, and the clash toml sees, pointing back at it.
    assert_eq!(errors.len(), 2, "{errors:#?}");
    assert!(
        errors[0].starts_with("codes.toml:1:10: `reason` must be an array of tables"),
        "{errors:#?}"
    );
    assert!(
        errors[1].starts_with("codes.toml:2:3: invalid TOML: duplicate key: `reason`"),
        "{errors:#?}"
    );
    assert!(
        errors[1].contains("codes.toml:1:1: it is first defined here"),
        "{errors:#?}"
    );
}

#[test]
fn a_valid_registry_is_not_split() {
    // A line inside a multi-line string that looks like a header is only text when the
    // file parses.
    let text = registry(|index, entry| match index {
        1 => entry.replace("\"Doc 1.\"", "\"\"\"Doc 1.\n[[reason]]\n\"\"\""),
        _ => entry,
    });
    assert!(check(&text, Rules::Application).is_ok());
}

#[test]
fn two_independent_mistakes_in_one_entry_are_both_reported() {
    let text = registry(|index, entry| match index {
        3 => entry
            .replace("\"Title 3\"", "\"Unterminated")
            .replace("\"Protocol\"", "\"Also unterminated"),
        _ => entry,
    });
    let errors = rendered(&text);
    assert_eq!(errors.len(), 2, "{errors:#?}");
    assert!(
        errors[0].starts_with(&format!("codes.toml:{}:", header_line(3) + 3)),
        "{errors:#?}"
    );
    assert!(
        errors[1].starts_with(&format!("codes.toml:{}:", header_line(3) + 6)),
        "{errors:#?}"
    );
}

#[test]
fn a_sub_table_stays_with_its_entry() {
    // `[reason.fields]` is the entry's own table, not an entry: splitting the broken file
    // there would invent a mistake ("`reason` must be an array of tables").
    let declaration =
        "[[field]]\nname = \"resumable\"\ntype = \"bool\"\ndoc = \"Resumes.\"\ndefault = false\n\n";
    let text = declaration.to_owned()
        + &registry(|index, entry| match index {
            2 => entry.replace("\"Title 2\"", "\"Unterminated"),
            4 => entry + "[reason.fields]\nresumable = true\n\n",
            _ => entry,
        });
    let errors = rendered(&text);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(errors[0].contains("invalid basic string"), "{errors:#?}");
}

#[test]
fn a_header_line_inside_a_closed_string_is_text() {
    let text = registry(|index, entry| match index {
        1 => entry.replace(
            "\"Doc 1.\"",
            "\"\"\"Doc 1, quoting\n[[reason]]\n[RFC 6455]\n\"\"\"",
        ),
        5 => entry.replace("\"Title 5\"", "\"Unterminated"),
        _ => entry,
    });
    let errors = rendered(&text);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(errors[0].contains("invalid basic string"), "{errors:#?}");
    assert_eq!(stand_in_names(&text), all_names());
}

#[test]
fn a_closed_multi_line_string_with_a_bad_character_is_not_called_unclosed() {
    let text = registry(|index, entry| match index {
        2 => entry.replace("\"Doc 2.\"", "\"\"\"Doc 2 \u{7}bell.\"\"\""),
        _ => entry,
    });
    let errors = rendered(&text);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(!errors[0].contains("never closed"), "{errors:#?}");
    assert!(
        errors[0].starts_with(&format!("codes.toml:{}:", header_line(2) + 5)),
        "{errors:#?}"
    );
}

#[test]
fn a_broken_entry_without_a_readable_header_keeps_an_application_registry() {
    let text = "name = \"stray\n".to_owned() + &registry(|_, entry| entry);
    assert_eq!(Rules::for_text(&text), Rules::Application);
}
