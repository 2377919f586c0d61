//! `close-reasons check`: every mistake of each registry, rendered as the compile error
//! renders it.

use std::io::{IsTerminal as _, Write as _};
use std::path::PathBuf;
use std::process::ExitCode;

use close_reasons_registry::{Rules, check};

pub fn run(files: &[PathBuf], application: bool) -> ExitCode {
    let rules = if application {
        Rules::Application
    } else {
        Rules::Standard
    };
    let colour = std::io::stderr().is_terminal();
    let mut errors = 0;
    for file in files {
        let shown = file.display().to_string();
        let problems = match problems(file, &shown, rules) {
            Ok(problems) => problems,
            Err(message) => vec![message],
        };
        if problems.is_empty() {
            println!("{shown}: ok");
        }
        for problem in &problems {
            report(problem, colour);
        }
        errors += problems.len();
    }
    if errors == 0 {
        ExitCode::SUCCESS
    } else {
        let plural = if errors == 1 { "" } else { "s" };
        report(&format!("{errors} mistake{plural} found"), colour);
        ExitCode::FAILURE
    }
}

/// The rendered diagnostics of one file, or why it could not be read.
fn problems(file: &PathBuf, shown: &str, rules: Rules) -> Result<Vec<String>, String> {
    let bytes = std::fs::read(file).map_err(|error| format!("cannot read `{shown}`: {error}"))?;
    let text = close_reasons_registry::decode(shown, bytes)?;
    Ok(match check(&text, rules) {
        Ok(_) => Vec::new(),
        Err(failure) => failure
            .diagnostics
            .iter()
            .map(|diagnostic| diagnostic.render(shown, &text))
            .collect(),
    })
}

/// `error: ` and the message, its later lines indented under the first, as rustc does.
fn report(message: &str, colour: bool) {
    let label = if colour {
        "\x1b[1;31merror\x1b[0m"
    } else {
        "error"
    };
    let mut lines = message.lines();
    let mut out = format!("{label}: {}\n", lines.next().unwrap_or_default());
    for line in lines {
        out += &format!("       {line}\n");
    }
    out.push('\n');
    let _ = std::io::stderr().write_all(out.as_bytes());
}
