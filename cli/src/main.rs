//! `close-reasons`: the close-code registry as a tool.
//!
//! ```text
//! close-reasons check [FILE…]                    every mistake, as the compiler shows it
//! close-reasons explain [--registry FILE] [CODE…] [--markdown]   what close codes mean
//! close-reasons export --format json|typescript [FILE]
//! close-reasons schema                           the registry format as JSON Schema
//! ```
//!
//! A file with `[[range]]` tables is checked by the standard registry's rules, any other
//! by an application's; `--standard` and `--application` say which instead.

mod check;
mod data;
mod explain;
mod export;
mod input;
mod report;
mod schema;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use close_reasons_registry::Rules;

use crate::data::Codes;
use crate::explain::Layers;
use crate::input::{RegistryFile, RulesChoice};
use crate::report::{ColourChoice, Outcome, Reporter};

const EXIT_STATUS: &str = "\
Exit status:
  0  nothing wrong
  1  mistakes found (a registry breaks a rule)
  2  could not run (a missing or unreadable file, an unknown code, bad arguments)";

/// The WebSocket close-code registry as a tool: check registries without compiling,
/// explain codes, export them to other languages.
#[derive(Parser)]
#[command(name = "close-reasons", version, after_help = EXIT_STATUS)]
struct Cli {
    /// When to colour diagnostics: auto (when stderr is a terminal and NO_COLOR is not
    /// set), always or never.
    #[arg(long, value_enum, value_name = "WHEN", default_value_t, global = true)]
    color: ColourChoice,
    #[command(subcommand)]
    command: Command,
}

/// Which rules a registry file gets; without a flag, from the file itself.
#[derive(Args, Clone, Copy)]
struct RulesFlags {
    /// Apply the standard registry's rules (any code, `[[range]]` tables), as for
    /// close-reasons' own `close-reasons.toml`. The default for a file with `[[range]]`.
    #[arg(long, conflicts_with = "application")]
    standard: bool,
    /// Apply an application registry's rules (codes 4000-4999, or 3000-3999 marked
    /// `iana = true`; no ranges), as the `registry` macro does. The default for a file
    /// without `[[range]]`.
    #[arg(long)]
    application: bool,
}

impl RulesFlags {
    fn choice(self) -> RulesChoice {
        RulesChoice::from_flags(self.standard, self.application)
    }
}

#[derive(Subcommand)]
enum Command {
    /// Reports every mistake of each registry as the compile error shows it
    /// (path:line:column, the line, a caret, a hint).
    #[command(after_help = EXIT_STATUS)]
    Check {
        #[command(flatten)]
        rules: RulesFlags,
        /// The registries to check.
        #[arg(default_value = "close-reasons.toml")]
        files: Vec<PathBuf>,
    },
    /// Explains close codes (numbers, registry names, or `1001 Going Away`); without
    /// codes, prints the whole table.
    #[command(after_help = EXIT_STATUS)]
    Explain {
        /// The codes to explain, e.g. `1000 1006 4001 going_away`.
        codes: Vec<String>,
        /// Print the table as Markdown instead (the README's table).
        #[arg(long, conflicts_with = "codes")]
        markdown: bool,
        /// A registry to explain codes by: an application's codes come first and the
        /// standard ones otherwise; a standard registry (with `[[range]]`) replaces the
        /// compiled one.
        #[arg(long, value_name = "FILE")]
        registry: Option<PathBuf>,
        #[command(flatten)]
        rules: RulesFlags,
    },
    /// Exports the codes of a registry for other languages.
    #[command(after_help = EXIT_STATUS)]
    Export {
        /// The output format.
        #[arg(long, value_enum)]
        format: Format,
        #[command(flatten)]
        rules: RulesFlags,
        /// The registry to export; the standard registry when left out.
        file: Option<PathBuf>,
    },
    /// Prints the JSON Schema (draft 2020-12) of the registry format, for editors.
    Schema,
}

/// What `export` writes.
#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// A JSON document with every reason and range.
    Json,
    /// A TypeScript module: a constant per code, a union type, the titles and the
    /// browser's rule for `WebSocket.close()`.
    Typescript,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let reporter = Reporter::new(cli.color);
    match cli.command {
        Command::Check { rules, files } => check::run(&files, rules.choice(), reporter),
        Command::Explain {
            codes,
            markdown,
            registry,
            rules,
        } => match layers(registry.as_deref(), rules.choice()) {
            Ok(layers) => explain::run(&codes, markdown, &layers, reporter),
            Err((outcome, message)) => {
                reporter.error(&message);
                outcome
            }
        },
        Command::Export {
            format,
            rules,
            file,
        } => {
            let (source, codes) = match file {
                None => (
                    "the standard registry of close-reasons".to_owned(),
                    Codes::standard(),
                ),
                Some(file) => match read_codes(&file, rules.choice()) {
                    Ok((codes, _)) => {
                        let source = file.file_name().map_or_else(
                            || file.display().to_string(),
                            |name| name.to_string_lossy().into_owned(),
                        );
                        (source, codes)
                    }
                    Err((outcome, message)) => {
                        reporter.error(&message);
                        return outcome.into();
                    }
                },
            };
            export::run(format, &source, &codes, reporter)
        }
        Command::Schema => {
            report::print(&format!("{}\n", schema::schema()));
            Outcome::Clean
        }
    }
    .into()
}

/// The codes of a registry file, checked; or what went wrong and its exit status.
fn read_codes(path: &Path, choice: RulesChoice) -> Result<(Codes, Rules), (Outcome, String)> {
    let file = RegistryFile::read(path, choice)?;
    let model = file
        .model_for_use()
        .map_err(|message| (Outcome::Mistakes, message))?;
    let origin = path.file_name().map_or_else(
        || file.shown.clone(),
        |name| name.to_string_lossy().into_owned(),
    );
    Ok((Codes::from_model(model, file.rules, &origin), file.rules))
}

/// The standard registry, and the file's codes over it or in its place.
fn layers(registry: Option<&Path>, choice: RulesChoice) -> Result<Layers, (Outcome, String)> {
    let Some(path) = registry else {
        return Ok(Layers {
            application: None,
            standard: Codes::standard(),
        });
    };
    let (codes, rules) = read_codes(path, choice)?;
    Ok(if rules == Rules::Application {
        Layers {
            application: Some(codes),
            standard: Codes::standard(),
        }
    } else {
        Layers {
            application: None,
            standard: codes,
        }
    })
}
