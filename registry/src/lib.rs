//! Reading, checking and reporting on close-code registries: the TOML files from which
//! [`close-reasons`](https://docs.rs/close-reasons) generates its types.
//!
//! The pipeline has one module per stage: [`document`] reads the TOML into typed values
//! that keep their byte spans, [`validate`] checks every rule and yields a [`Model`],
//! and [`diagnostic`] renders each problem as `path:line:column`, the line, a caret and
//! a hint. [`check`] runs them all. The macro crate `close-reasons-macros` expands the
//! model into Rust; the `close-reasons` command-line tool checks and exports it.
//!
//! # Stability
//!
//! This crate serves those two, and its API follows their needs. It has a version line of
//! its own that stays below 1.0 when `close-reasons` is 1.0 or later: any release of it
//! may change its API, and `close-reasons-macros` and `close-reasons-cli` each depend on
//! one exact version (`=0.x.y`), so such a change never reaches a build that did not ask
//! for it. The registry *format* (the TOML a project writes) is part of `close-reasons`'
//! promise, not of this crate's.
//!
//! Its public structs and enums are `#[non_exhaustive]`, so a new field (a new key of
//! the format) or a new rule is not a breaking change for code that reads them: read
//! fields by name, match with `..` or a wildcard arm, and build values with [`check`]
//! rather than with struct literals.
//!
//! ```
//! use close_reasons_registry::{Rules, check};
//!
//! let text = "[[reason]]\nname = \"kicked\"\nvalue = 4002\ntitle = \"Kicked\"\n\
//!             doc = \"Removed by a moderator.\"\nreference = \"Chat protocol\"\n";
//! let model = check(text, Rules::Application).map_err(|failure| failure.diagnostics).unwrap();
//! assert_eq!(model.reasons[0].variant, "Kicked");
//!
//! let broken = text.replace("4002", "70000");
//! let failure = check(&broken, Rules::Application).unwrap_err();
//! assert!(failure.diagnostics[0]
//!     .render("codes.toml", &broken)
//!     .starts_with("codes.toml:3:9: value 70000: a close code cannot be above 65535"));
//! ```

pub mod diagnostic;
pub mod document;
mod fallback;
pub mod membership;
pub mod table;
pub mod validate;

pub use crate::diagnostic::Diagnostic;
pub use crate::document::Registry;
pub use crate::membership::MembershipTest;
pub use crate::validate::{
    FieldKind, FieldSpec, FieldValueSpec, Model, RangeSpec, ReasonSpec, ReconnectPolicy, Rules,
};

/// The registry source as text, or, when it is not UTF-8, the rendered diagnostic that
/// points at the first bad byte (shown as the replacement character), so that it reads
/// like every other registry error.
///
/// # Errors
///
/// The rendered diagnostic, naming `display_path`.
pub fn decode(display_path: &str, bytes: Vec<u8>) -> Result<String, String> {
    String::from_utf8(bytes).map_err(|error| {
        let valid = error.utf8_error().valid_up_to();
        let shown = String::from_utf8_lossy(error.as_bytes());
        Diagnostic::new(valid..valid + 1, "the registry is not valid UTF-8")
            .hint("save the file as UTF-8")
            .render(display_path, &shown)
    })
}

/// Why a registry cannot be used, and a stand-in model built from what could be read.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Failure {
    /// Every problem found, in file order.
    pub diagnostics: Vec<Diagnostic>,
    /// The readable entries, with impossible values replaced, for a generator that must
    /// still emit something (so code using the generated items adds no errors of its
    /// own).
    pub stand_in: Model,
}

/// Reads and validates registry source text: the model, or every problem found.
///
/// # Errors
///
/// A [`Failure`] with every diagnostic, when the TOML is broken or a rule fails.
pub fn check(text: &str, rules: Rules) -> Result<Model, Failure> {
    let (registry, mut diagnostics) = Registry::parse(text);
    let Some(registry) = registry else {
        return Err(Failure {
            diagnostics,
            stand_in: Model::empty(),
        });
    };
    // Entries that could be read are checked even when others could not, those beside a
    // syntax error too, so that one build reports every mistake.
    match validate::validate(&registry, rules) {
        Ok(model) if diagnostics.is_empty() => return Ok(model),
        Ok(_) => {}
        Err(more) => diagnostics.extend(more),
    }
    validate::sort_by_position(&mut diagnostics);
    Err(Failure {
        diagnostics,
        stand_in: fallback::salvage(&registry),
    })
}
