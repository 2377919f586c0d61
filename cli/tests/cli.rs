//! The `close-reasons` command as users run it: output, exit statuses, and agreement
//! with the compiler's errors, the README, the committed exports and the schema.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use close_reasons_registry::{Rules, check};

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_close-reasons"))
        .args(args)
        .current_dir(workspace())
        .output()
        .expect("the binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

/// The registries of the repository that must pass, with their rules.
const VALID: &[(&str, bool)] = &[
    ("core/close-reasons.toml", false),
    ("examples/chat/close-codes.toml", true),
    ("tests/fixtures/game-codes.toml", true),
    ("tests/renamed/codes.toml", true),
    ("tests/ui/valid.toml", true),
    ("tests/ui/pass/iana-registered-code.toml", true),
    ("tests/ui/pass/names-like-generated-items.toml", true),
];

#[test]
fn valid_registries_pass_with_status_0() {
    for &(file, application) in VALID {
        let mut args = vec!["check", file];
        if application {
            args.push("--application");
        }
        let output = run(&args);
        assert!(output.status.success(), "{file}: {}", stderr(&output));
        assert_eq!(stdout(&output), format!("{file}: ok\n"));
    }
}

/// The compile-fail cases of `tests/ui` whose error comes from the registry file: the
/// fixture, whether the standard rules apply, and the errors rustc printed.
fn compile_fail_cases() -> Vec<(PathBuf, bool, Vec<String>)> {
    let ui = workspace().join("tests/ui");
    let mut cases = Vec::new();
    for entry in std::fs::read_dir(&ui).unwrap() {
        let toml = entry.unwrap().path();
        if toml.extension().is_none_or(|extension| extension != "toml") {
            continue;
        }
        let Ok(expected) = std::fs::read_to_string(toml.with_extension("stderr")) else {
            continue;
        };
        let source = std::fs::read_to_string(toml.with_extension("rs")).unwrap();
        let standard = source.contains("__standard_reasons");
        cases.push((toml, standard, rustc_errors(&expected)));
    }
    cases.sort();
    cases
}

/// The messages of the `error:` blocks of a rustc output, without the location of the
/// macro call that rustc appends (` --> file.rs`).
fn rustc_errors(stderr: &str) -> Vec<String> {
    let mut errors = Vec::new();
    for block in stderr
        .split("\nerror: ")
        .map(|block| block.trim_start_matches("error: "))
    {
        let message = block.split("\n --> ").next().unwrap_or_default();
        errors.push(message.trim_end().to_owned());
    }
    errors
}

/// The same from `close-reasons check`.
fn cli_errors(stderr: &str) -> Vec<String> {
    stderr
        .split("\n\n")
        .map(|block| block.trim().trim_start_matches("error: ").to_owned())
        .filter(|block| !block.is_empty() && !block.ends_with("found"))
        .collect()
}

#[test]
fn each_mistake_reads_exactly_as_the_compile_error() {
    let cases = compile_fail_cases();
    assert!(cases.len() >= 20, "{} cases", cases.len());
    for (toml, standard, expected) in cases {
        let file = toml.strip_prefix(workspace().join("tests")).unwrap();
        let file = file.to_str().unwrap();
        let mut args = vec!["check", file];
        if !standard {
            args.push("--application");
        }
        let output = Command::new(env!("CARGO_BIN_EXE_close-reasons"))
            .args(&args)
            .current_dir(workspace().join("tests"))
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1), "{file}");
        let errors = cli_errors(&stderr(&output));
        assert_eq!(errors, expected, "{file}");
        let count = errors.len();
        let plural = if count == 1 { "" } else { "s" };
        assert!(stderr(&output).ends_with(&format!("error: {count} mistake{plural} found\n\n")));
    }
}

#[test]
fn unreadable_files_and_bad_arguments_fail_and_say_why() {
    let missing = run(&["check", "no-such.toml"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(stderr(&missing).starts_with("error: cannot read `no-such.toml`: "));

    let unknown = run(&["check", "--bogus"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(
        stderr(&unknown).contains("'--bogus'"),
        "{}",
        stderr(&unknown)
    );

    let format = run(&["export", "--format", "yaml"]);
    assert_eq!(format.status.code(), Some(2));
    assert!(stderr(&format).contains("invalid value 'yaml' for '--format <FORMAT>'"));

    let code = run(&["explain", "0", "going_awya"]);
    assert_eq!(code.status.code(), Some(2));
    assert_eq!(
        stderr(&code),
        "0: 0 is not a close code\ngoing_awya: neither a close code number nor a close reason name\n"
    );
}

#[test]
fn every_command_has_help() {
    for command in [
        &["--help"][..],
        &["check", "--help"],
        &["explain", "--help"],
        &["export", "--help"],
        &["schema", "--help"],
    ] {
        let output = run(command);
        assert!(output.status.success(), "{command:?}");
        assert!(
            stdout(&output).contains("Usage: close-reasons"),
            "{command:?}"
        );
    }
}

#[test]
fn explain_output() {
    insta::assert_snapshot!(
        "explain-codes",
        stdout(&run(&[
            "explain",
            "1000",
            "1006",
            "4001",
            "5000",
            "try_again_later"
        ]))
    );
    insta::assert_snapshot!("explain-table", stdout(&run(&["explain"])));
}

#[test]
fn the_readme_table_is_what_explain_prints() {
    let generated = stdout(&run(&["explain", "--markdown"]));
    let readme = std::fs::read_to_string(workspace().join("README.md")).unwrap();
    let start = readme.find("<!-- codes:start -->\n").expect("start marker") + 21;
    let end = readme.find("<!-- codes:end -->").expect("end marker");
    assert!(
        readme[start..end] == generated,
        "README.md is out of date with the registry; replace the table between the codes \
         markers with the output of `cargo run -p close-reasons-cli -- explain --markdown`"
    );
}

#[test]
fn export_json_of_the_standard_registry() {
    let output = run(&["export", "--format", "json"]);
    assert!(output.status.success());
    let document: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(document["reasons"][0]["value"], 1000);
    assert_eq!(document["reasons"][0]["browser_sendable"], true);
    insta::assert_snapshot!("export-standard-json", stdout(&output));
}

#[test]
fn the_chat_examples_typescript_module_is_up_to_date() {
    let output = run(&[
        "export",
        "--format",
        "typescript",
        "--application",
        "examples/chat/close-codes.toml",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let committed =
        std::fs::read_to_string(workspace().join("examples/chat/close-codes.ts")).unwrap();
    assert!(
        stdout(&output) == committed,
        "examples/chat/close-codes.ts is stale; regenerate it with `cargo run -p \
         close-reasons-cli -- export --format typescript --application \
         examples/chat/close-codes.toml > examples/chat/close-codes.ts`"
    );
}

#[test]
fn export_refuses_a_broken_registry() {
    let output = run(&[
        "export",
        "--format",
        "json",
        "--application",
        "tests/ui/value-zero.toml",
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("value-zero.toml:3:9: value 0: 0 is not a close code"));
}

fn schema() -> serde_json::Value {
    serde_json::from_str(&stdout(&run(&["schema"]))).unwrap()
}

#[test]
fn the_committed_schema_is_up_to_date() {
    let committed = std::fs::read_to_string(workspace().join("close-reasons.schema.json")).unwrap();
    assert!(
        stdout(&run(&["schema"])) == committed,
        "close-reasons.schema.json is stale; regenerate it with `cargo run -p close-reasons-cli -- schema > close-reasons.schema.json`"
    );
}

/// The schema is never stricter than `check`: whatever `check` accepts, the schema
/// accepts (so what the schema rejects, `check` rejects). Tried on every registry of the
/// repository and on each of their variants with one line removed or repeated, which
/// `check` accepts or rejects for every kind of reason.
#[test]
fn the_schema_agrees_with_check() {
    let validator = jsonschema::validator_for(&schema()).expect("a valid draft 2020-12 schema");
    let (mut accepted, mut rejected_by_both) = (0, 0);
    for &(file, application) in VALID {
        let rules = if application {
            Rules::Application
        } else {
            Rules::Standard
        };
        let text = std::fs::read_to_string(workspace().join(file)).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        let mut variants = vec![text.clone()];
        for index in 0..lines.len() {
            let mut removed = lines.clone();
            removed.remove(index);
            variants.push(removed.join("\n"));
            let mut repeated = lines.clone();
            repeated.insert(index, lines[index]);
            variants.push(repeated.join("\n"));
        }
        for variant in variants {
            let Ok(document) = toml::from_str::<serde_json::Value>(&variant) else {
                continue; // not TOML: nothing for a schema to say
            };
            let schema_accepts = validator.is_valid(&document);
            match check(&variant, rules) {
                Ok(_) => {
                    accepted += 1;
                    let errors: Vec<String> = validator
                        .iter_errors(&document)
                        .map(|error| error.to_string())
                        .collect();
                    assert!(
                        schema_accepts,
                        "{file}: check accepts, the schema does not: {errors:?}\n{variant}"
                    );
                }
                Err(_) if !schema_accepts => rejected_by_both += 1,
                Err(_) => {}
            }
        }
    }
    // Both kinds occur, so neither half of the statement is empty.
    assert!(accepted > 50, "{accepted} variants accepted");
    assert!(
        rejected_by_both > 20,
        "{rejected_by_both} variants rejected by both"
    );
}
