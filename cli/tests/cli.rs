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
    ("tests/close-codes.toml", true),
    ("tests/ui/pass/iana-registered-code.toml", true),
    ("tests/ui/pass/names-like-generated-items.toml", true),
];

#[test]
fn valid_registries_pass_with_status_0() {
    for &(file, application) in VALID {
        // Without a flag, the rules come from the file; with one, they are forced.
        let flag = if application {
            "--application"
        } else {
            "--standard"
        };
        for args in [vec!["check", file], vec!["check", flag, file]] {
            let output = run(&args);
            assert!(output.status.success(), "{args:?}: {}", stderr(&output));
            assert_eq!(stdout(&output), format!("{file}: ok\n"));
        }
    }
}

/// A scratch file under the target directory, removed when dropped.
struct ScratchFile(PathBuf);

impl ScratchFile {
    fn new(name: &str, contents: &str) -> ScratchFile {
        let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
        std::fs::write(&path, contents).unwrap();
        ScratchFile(path)
    }

    fn path(&self) -> &str {
        self.0.to_str().unwrap()
    }
}

impl Drop for ScratchFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// The application registry the README shows, as written there.
fn readme_registry() -> String {
    let readme = std::fs::read_to_string(workspace().join("README.md")).unwrap();
    let start = readme
        .find("```toml\n# close-codes.toml")
        .expect("the README's registry")
        + 8;
    let end = start + readme[start..].find("```").unwrap();
    readme[start..end].to_owned()
}

#[test]
fn the_readme_registry_is_the_one_its_doctest_compiles() {
    let compiled = std::fs::read_to_string(workspace().join("tests/close-codes.toml")).unwrap();
    assert!(
        compiled == readme_registry(),
        "tests/close-codes.toml, which the README's Rust example compiles against, differs from \
         the README's TOML example; copy the README's block into it"
    );
}

#[test]
fn application_registries_get_the_application_rules_without_a_flag() {
    let readme = ScratchFile::new("readme-close-codes.toml", &readme_registry());
    let output = run(&["check", readme.path()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));

    let standard_code = readme_registry().replacen("value = 4002", "value = 1000", 1);
    let wrong = ScratchFile::new("uses-1000.toml", &standard_code);
    let output = run(&["check", "--color", "never", wrong.path()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("1000 is not an application code"),
        "{}",
        stderr(&output)
    );
    // The standard rules on request: 1000 is fine there, but a standard registry must
    // state `sendable` for every code.
    let output = run(&["check", "--standard", wrong.path()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(!stderr(&output).contains("1000 is not an application code"));
}

#[test]
fn colour_follows_the_flag_anywhere_and_no_color() {
    let broken = "tests/ui/value-zero.toml";
    let coloured = "\x1b[1;31merror\x1b[0m: ";
    for args in [
        vec!["--color", "always", "check", broken],
        vec!["check", "--color", "always", broken],
        vec!["check", broken, "--color=always"],
    ] {
        let output = run(&args);
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        assert!(
            stderr(&output).starts_with(coloured),
            "{args:?}: {}",
            stderr(&output)
        );
    }
    // Not a terminal: no colour by default, nor when asked never.
    for args in [
        vec!["check", broken],
        vec!["check", "--color", "never", broken],
    ] {
        let output = run(&args);
        assert!(stderr(&output).starts_with("error: "), "{args:?}");
    }
    let output = Command::new(env!("CARGO_BIN_EXE_close-reasons"))
        .args(["check", "--color", "auto", broken])
        .env("NO_COLOR", "1")
        .current_dir(workspace())
        .output()
        .unwrap();
    assert!(stderr(&output).starts_with("error: "));
    let bad = run(&["check", "--color", "sometimes", broken]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn help_states_the_exit_statuses() {
    for command in [
        &["--help"][..],
        &["check", "--help"],
        &["explain", "--help"],
        &["export", "--help"],
    ] {
        let help = stdout(&run(command));
        for line in ["0  nothing wrong", "1  mistakes found", "2  could not run"] {
            assert!(help.contains(line), "{command:?}: {help}");
        }
        assert!(help.contains("--color <WHEN>"), "{command:?}");
    }
}

#[test]
fn explain_uses_an_application_registry_first() {
    let output = run(&[
        "explain",
        "--registry",
        "examples/chat/close-codes.toml",
        "4002",
        "kicked",
        "1000",
        "4999",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    let blocks: Vec<&str> = text.split("\n\n").collect();
    assert_eq!(blocks.len(), 4, "{text}");
    assert!(
        blocks[0].starts_with("4002 Kicked\n  name:      kicked (close-codes.toml)\n"),
        "{text}"
    );
    assert_eq!(blocks[0], blocks[1]);
    assert!(
        blocks[2].starts_with("1000 Normal Closure\n  name:      normal (CloseReason::Normal)")
    );
    assert!(blocks[3].starts_with("4999 (Private Use)\n  name:      none"));
    let table = stdout(&run(&[
        "explain",
        "--registry",
        "examples/chat/close-codes.toml",
    ]));
    assert!(
        table.lines().nth(2).unwrap().starts_with("4002   kicked "),
        "{table}"
    );
    assert!(!table.contains("unnamed codes sendable"), "{table}");
    let markdown = stdout(&run(&[
        "explain",
        "--markdown",
        "--registry",
        "examples/chat/close-codes.toml",
    ]));
    assert!(
        markdown.contains("| 4002 | `kicked` | Kicked |"),
        "{markdown}"
    );
    // A standard registry given as a file replaces the compiled one.
    let standard = run(&["explain", "--registry", "close-reasons.toml", "1014"]);
    assert!(
        stdout(&standard)
            .starts_with("1014 Bad Gateway\n  name:      bad_gateway (close-reasons.toml)")
    );
    let missing = run(&["explain", "--registry", "no-such.toml", "1000"]);
    assert_eq!(missing.status.code(), Some(2));
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
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).starts_with("error: cannot read `no-such.toml`: "));
    // A missing file outweighs mistakes in another: the run could not do all its work.
    let both = run(&["check", "tests/ui/value-zero.toml", "no-such.toml"]);
    assert_eq!(both.status.code(), Some(2));
    let export = run(&["export", "--format", "json", "no-such.toml"]);
    assert_eq!(export.status.code(), Some(2));
    assert!(stderr(&export).starts_with("error: cannot read `no-such.toml`: "));

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
        "error: `0`: 0 is not a close code\n\nerror: `going_awya`: neither a close code number nor a close reason name\n\n"
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
         close-reasons-cli -- export --format typescript \
         examples/chat/close-codes.toml > examples/chat/close-codes.ts`"
    );
}

#[test]
fn export_json_carries_an_applications_fields() {
    let output = run(&[
        "export",
        "--format",
        "json",
        "tests/fixtures/game-codes.toml",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let document: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let anti_cheat = &document["reasons"][2];
    assert_eq!(anti_cheat["name"], "anti_cheat");
    assert_eq!(
        anti_cheat["fields"],
        serde_json::json!({
            "resumable": false,
            "log_level": "warn",
            "penalty_minutes": -30,
            "help_page": "https://example.com/fair-play"
        })
    );
    assert_eq!(
        anti_cheat["reconnect"],
        serde_json::json!({ "kind": "never" })
    );
    // A registry without fields has no `fields` key.
    let standard = run(&["export", "--format", "json"]);
    assert!(!stdout(&standard).contains("\"fields\""));
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
