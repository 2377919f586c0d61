//! How every subcommand reports: results on stdout, diagnostics on stderr as
//! `error: message` (rustc's style, the label in bold red when colour is on), and an
//! exit status that says what happened.

use std::io::{IsTerminal as _, Write as _};
use std::process::ExitCode;

use clap::ValueEnum;

/// `--color`: when diagnostics are coloured.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum ColourChoice {
    /// When stderr is a terminal and `NO_COLOR` is unset or empty.
    #[default]
    Auto,
    /// Always, even into a file or a pipe.
    Always,
    /// Never.
    Never,
}

/// What a run found, as its exit status.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Outcome {
    /// 0: nothing wrong.
    Clean,
    /// 1: the inputs have mistakes (a registry that breaks a rule).
    Mistakes,
    /// 2: the command could not do its work (a missing file, an unknown code, bad
    /// arguments).
    CouldNotRun,
}

impl From<Outcome> for ExitCode {
    fn from(outcome: Outcome) -> ExitCode {
        ExitCode::from(match outcome {
            Outcome::Clean => 0,
            Outcome::Mistakes => 1,
            Outcome::CouldNotRun => 2,
        })
    }
}

/// Writes diagnostics to stderr, coloured or not.
#[derive(Clone, Copy, Debug)]
pub struct Reporter {
    colour: bool,
}

impl Reporter {
    pub fn new(choice: ColourChoice) -> Reporter {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|value| !value.is_empty());
        let colour = match choice {
            ColourChoice::Always => true,
            ColourChoice::Never => false,
            ColourChoice::Auto => !no_color && std::io::stderr().is_terminal(),
        };
        Reporter { colour }
    }

    /// `error: ` and the message, its later lines indented under the first, then a
    /// blank line, as rustc prints an error.
    pub fn error(&self, message: &str) {
        let label = if self.colour {
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
}

/// Writes a result to stdout. A reader that has gone away (`close-reasons explain | head`)
/// is not an error of this tool, so a failed write is dropped rather than a panic, as
/// `print!` would.
pub fn print(text: &str) {
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}
