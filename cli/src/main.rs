//! `close-reasons`: the close-code registry as a tool.
//!
//! ```text
//! close-reasons check [--application] [FILE…]   every mistake, as the compiler shows it
//! close-reasons explain [CODE…] [--markdown]    what close codes mean
//! close-reasons export --format json|typescript [--application] [FILE]
//! close-reasons schema                          the registry format as JSON Schema
//! ```

mod check;
mod explain;
mod export;
mod schema;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

/// The WebSocket close-code registry as a tool: check registries without compiling,
/// explain codes, export them to other languages.
#[derive(Parser)]
#[command(name = "close-reasons", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Reports every mistake of each registry as the compile error shows it
    /// (path:line:column, the line, a caret, a hint); exit status 1 on any.
    Check {
        /// Apply the rules of an application registry (codes 4000-4999, or 3000-3999
        /// marked `iana = true`; no ranges) instead of the standard registry's.
        #[arg(long)]
        application: bool,
        /// The registries to check.
        #[arg(default_value = "close-reasons.toml")]
        files: Vec<PathBuf>,
    },
    /// Explains close codes (numbers or registry names) from the standard registry;
    /// without codes, prints the whole table.
    Explain {
        /// The codes to explain, e.g. `1000 1006 4001 going_away`.
        codes: Vec<String>,
        /// Print the table as Markdown instead (the README's table).
        #[arg(long, conflicts_with = "codes")]
        markdown: bool,
    },
    /// Exports the codes of a registry for other languages.
    Export {
        /// The output format.
        #[arg(long, value_enum)]
        format: Format,
        /// The registry is an application's (see `check --application`).
        #[arg(long)]
        application: bool,
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
    match Cli::parse().command {
        Command::Check { application, files } => check::run(&files, application),
        Command::Explain { codes, markdown } => explain::run(&codes, markdown),
        Command::Export {
            format,
            application,
            file,
        } => export::run(format, file.as_deref(), application),
        Command::Schema => {
            println!("{}", schema::schema());
            ExitCode::SUCCESS
        }
    }
}
