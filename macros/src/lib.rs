//! The code generator behind [`close-reasons`](https://docs.rs/close-reasons).
//!
//! Use it through `close-reasons`, which re-exports [`macro@registry`]; depending on this
//! crate directly is not needed. The attribute reads a close-code registry (TOML) when
//! the crate that uses it is compiled, checks it, and fills an empty enum with one
//! variant per `[[reason]]`. Every mistake in the file is reported as a compile error
//! naming `path:line:column`, with the offending line and a hint.
//!
//! The pipeline has one module per stage: `source` finds and reads the file,
//! `registry` reads the TOML into typed values that keep their spans, `validate`
//! checks every rule, and `expand` writes the Rust.

mod attr;
mod diagnostic;
mod expand;
mod fallback;
mod registry;
mod source;
mod validate;

use std::path::Path;

use proc_macro2::TokenStream;
use quote::quote;

use crate::expand::{Shell, Target};
use crate::registry::Registry;
use crate::validate::{Model, Rules};

/// Fills an empty enum with the close codes of a TOML registry.
///
/// ```ignore
/// /// Close codes of our chat protocol.
/// #[close_reasons::registry("close-codes.toml")]
/// pub enum ChatCloseCode {}
/// ```
///
/// The path is relative to the directory of the invoking crate's `Cargo.toml`. The
/// enum gets `ALL`, `code`, `from_code`, `name`, `title`, `description`, `reference`,
/// `link`, `is_sendable`, `close_code`, `Display`, `FromStr`, `TryFrom<u16>`,
/// `TryFrom<CloseCode>`, `From<Self> for u16` and `From<Self> for CloseCode`, and
/// derives `Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug` and sets
/// `#[repr(u16)]` (deriving those again or adding a `repr` is reported as an error).
/// The other attributes, the doc comment and the visibility written on the enum are kept.
///
/// Argument `crate = "path"` names the `close_reasons` crate when it is renamed.
#[proc_macro_attribute]
pub fn registry(
    args: proc_macro::TokenStream,
    item: proc_macro::TokenStream,
) -> proc_macro::TokenStream {
    let manifest_dir = source::manifest_dir_from_env();
    expand_registry(args.into(), item.into(), manifest_dir.as_deref()).into()
}

/// Renders the registry as Markdown tables (reasons, then ranges) with links to the
/// generated items, for the crate-level documentation of `close-reasons`:
///
/// ```ignore
/// #![doc = close_reasons_macros::registry_table!("close-reasons.toml", CloseReason, CloseRange)]
/// ```
///
/// It reports no errors of its own: a broken registry is reported once, by
/// [`macro@registry`], and the table then says so.
#[doc(hidden)]
#[proc_macro]
pub fn registry_table(input: proc_macro::TokenStream) -> proc_macro::TokenStream {
    let manifest_dir = source::manifest_dir_from_env();
    expand_table(input.into(), manifest_dir.as_deref()).into()
}

fn expand_table(input: TokenStream, manifest_dir: Option<&Path>) -> TokenStream {
    let args: attr::TableArgs = match syn::parse2(input) {
        Ok(args) => args,
        Err(error) => return error.to_compile_error(),
    };
    let table = source::load(&args.path.value(), manifest_dir)
        .ok()
        .and_then(|source| check(&source.text, Rules::Project).ok())
        .map_or_else(
            || "The registry has errors; see the compile errors.".to_owned(),
            |model| expand::markdown_table(&model, &args.reasons, &args.ranges),
        );
    quote!(#table)
}

/// The whole expansion, callable from tests with any manifest directory.
fn expand_registry(
    args: TokenStream,
    item: TokenStream,
    manifest_dir: Option<&Path>,
) -> TokenStream {
    let args: attr::Args = match syn::parse2(args) {
        Ok(args) => args,
        Err(error) => {
            let error = error.to_compile_error();
            return quote!(#error #item);
        }
    };
    let shell = match syn::parse2(item.clone()).and_then(attr::shell) {
        Ok(shell) => shell,
        Err(error) => {
            let error = error.to_compile_error();
            return quote!(#error #item);
        }
    };
    let target = Target {
        krate: &args.krate,
        ranges: args.ranges.as_ref(),
    };
    let span = args.path.span();

    let source = match source::load(&args.path.value(), manifest_dir) {
        Ok(source) => source,
        Err(error) => {
            let message = if error.hint.is_empty() {
                error.message
            } else {
                format!("{}\n  = help: {}", error.message, error.hint)
            };
            return fallback(
                &shell,
                &target,
                syn::Error::new(span, message),
                &Model::empty(),
            );
        }
    };
    let rules = if args.ranges.is_some() {
        Rules::Project
    } else {
        Rules::Application
    };
    let checked = check(&source.text, rules);
    let absolute = source.absolute.to_string_lossy();
    // Cargo tracks files read by `include_str!`, so editing the registry rebuilds the crate.
    let track = quote!(
        const _: &str = ::core::include_str!(#absolute);
    );
    match checked {
        Ok(model) => {
            let expanded = expand::expand(&model, &shell, &target);
            quote!(#track #expanded)
        }
        Err(Failure {
            diagnostics,
            stand_in,
        }) => {
            let mut errors = diagnostics.iter().map(|diagnostic| {
                syn::Error::new(span, diagnostic.render(&source.display_path, &source.text))
            });
            let mut combined = errors
                .next()
                .unwrap_or_else(|| syn::Error::new(span, "the registry could not be read"));
            combined.extend(errors);
            let expanded = fallback(&shell, &target, combined, &stand_in);
            quote!(#track #expanded)
        }
    }
}

/// Why a registry cannot be expanded, and the stand-in to expand instead.
struct Failure {
    diagnostics: Vec<diagnostic::Diagnostic>,
    stand_in: Model,
}

/// Reads and validates registry source text: the model, or every problem found.
fn check(text: &str, rules: Rules) -> Result<Model, Failure> {
    let (registry, mut diagnostics) = Registry::parse(text);
    let Some(registry) = registry else {
        return Err(Failure {
            diagnostics,
            stand_in: Model::empty(),
        });
    };
    // Entries that could be read are checked even when others could not, so that one
    // build reports every mistake; after a syntax error they are only salvaged.
    let validated = if registry.syntax_broken {
        None
    } else {
        Some(validate::validate(&registry, rules))
    };
    match validated {
        Some(Ok(model)) if diagnostics.is_empty() => return Ok(model),
        Some(Err(more)) => diagnostics.extend(more),
        _ => {}
    }
    diagnostics.sort_by_key(|diagnostic| diagnostic.span.start);
    Err(Failure {
        diagnostics,
        stand_in: fallback::salvage(&registry),
    })
}

/// The errors, plus a stand-in for the generated items, so that code using them does
/// not add errors of its own to the ones about the registry.
fn fallback(
    shell: &Shell,
    target: &Target<'_>,
    error: syn::Error,
    stand_in: &Model,
) -> TokenStream {
    let error = error.to_compile_error();
    let stand_in = expand::expand(stand_in, shell, target);
    quote!(#error #stand_in)
}

#[cfg(test)]
mod tests;
