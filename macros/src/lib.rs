//! The code generator behind [`close-reasons`](https://docs.rs/close-reasons).
//!
//! Use it through `close-reasons`, which re-exports [`macro@registry`]; depending on this
//! crate directly is not needed. The attribute reads a close-code registry (TOML) when
//! the crate that uses it is compiled, checks it, and fills an empty enum with one
//! variant per `[[reason]]`. Every mistake in the file is reported as a compile error
//! naming `path:line:column`, with the offending line and a hint, all in one build: each
//! entry's first syntax error (one mistake that swallows the rest of its entry is one
//! error), and every rule mistake of the entries that parse. The enum keeps a variant
//! for each entry that could be read, so code using them adds no errors of its own.
//!
//! The pipeline has one module per stage: `attr` parses the arguments and the enum
//! shell with syn, `source` finds and reads the file,
//! `close-reasons-registry` (a plain library, shared with the command-line tool) reads
//! and checks it, and `expand` writes the Rust.
//!
//! The entry points whose names start with `__` exist for `close-reasons` itself, which
//! generates its standard registry with them; they are not part of the public API.

mod attr;
mod expand;
mod source;

use std::path::Path;

use proc_macro2::TokenStream;
use quote::quote;

use close_reasons_registry::{Failure, Model, Rules, check};

use syn::{Error, LitStr};

use crate::expand::{CodeSet, Shell};

/// Fills an empty enum with the close codes of an application's TOML registry.
///
/// ```ignore
/// /// Close codes of our chat protocol.
/// #[close_reasons::registry("close-codes.toml")]
/// pub enum ChatCloseCode {}
/// ```
///
/// The path is relative to the directory of the invoking crate's `Cargo.toml`. The
/// codes must be private-use codes (4000–4999), or codes in 3000–3999 that IANA
/// registered for the application (marked `iana = true`). The enum gets `ALL`, `code`,
/// `from_code`, `name`, `title`, `description`, `reference`, `link`, `is_sendable`,
/// `is_browser_sendable`, `is_normal_closure`, `reconnect` (its `reconnect` policy, or its
/// range's in the standard registry), `reconnect_advice`, `close_frame`, `Display`, `FromStr`,
/// `TryFrom<u16>`, `TryFrom<CloseCode>`, `From<Self> for u16`,
/// `From<Self> for CloseCode`, `PartialEq` with `CloseCode` both ways, `classify`
/// (a received code by this registry first, then the standard one, as an `AnyCode`),
/// `reconnect_for` (what a client does after any code, by the same order), and one
/// `const fn` per `[[field]]` the registry declares (a field of words also gets its enum,
/// `<Enum><Field>`); with the
/// `serde` feature of close-reasons, `Serialize` and `Deserialize` as the number. It
/// derives `Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug` and sets
/// `#[repr(u16)]`: deriving those again, deriving `Serialize` or `Deserialize`, or adding
/// a `repr` is reported as an error. The other attributes, the doc comment and the visibility
/// written on the enum are kept.
///
/// Argument `crate = "path"` names the `close_reasons` crate when it is renamed.
#[proc_macro_attribute]
pub fn registry(
    args: proc_macro::TokenStream,
    item: proc_macro::TokenStream,
) -> proc_macro::TokenStream {
    let manifest_dir = source::manifest_dir_from_env();
    expand_registry(
        args.into(),
        item.into(),
        manifest_dir.as_deref(),
        Rules::Application,
    )
    .into()
}

/// The reason enum of `close-reasons` (`CloseReason`), under the rules of the standard
/// registry: any code, and `[[range]]` tables. Reports every mistake of the registry;
/// the other `__standard` entry points stay silent so each mistake is reported once.
#[doc(hidden)]
#[proc_macro_attribute]
pub fn __standard_reasons(
    args: proc_macro::TokenStream,
    item: proc_macro::TokenStream,
) -> proc_macro::TokenStream {
    let manifest_dir = source::manifest_dir_from_env();
    expand_registry(
        args.into(),
        item.into(),
        manifest_dir.as_deref(),
        Rules::Standard,
    )
    .into()
}

/// The range enum of `close-reasons` (`CloseRange`), one variant per `[[range]]` of the
/// standard registry.
#[doc(hidden)]
#[proc_macro_attribute]
pub fn __standard_ranges(
    args: proc_macro::TokenStream,
    item: proc_macro::TokenStream,
) -> proc_macro::TokenStream {
    let manifest_dir = source::manifest_dir_from_env();
    expand_ranges(args.into(), item.into(), manifest_dir.as_deref()).into()
}

/// `__close_code_items!("close-reasons.toml", CloseCode, CloseReason, CloseRange)`: an
/// `impl CloseCode` block with one constant per `[[reason]]` (`CloseCode::NORMAL`) and
/// one predicate per `[[range]]` (`CloseCode::is_private`).
#[doc(hidden)]
#[proc_macro]
pub fn __close_code_items(input: proc_macro::TokenStream) -> proc_macro::TokenStream {
    let manifest_dir = source::manifest_dir_from_env();
    expand_close_code_items(input.into(), manifest_dir.as_deref()).into()
}

/// `__sendable_check!("close-reasons.toml", code)`: a `bool` expression, true when the
/// `u16` variable `code` may be sent in a Close frame according to the registry.
#[doc(hidden)]
#[proc_macro]
pub fn __sendable_check(input: proc_macro::TokenStream) -> proc_macro::TokenStream {
    let manifest_dir = source::manifest_dir_from_env();
    expand_set_check(input.into(), manifest_dir.as_deref(), CodeSet::Sendable).into()
}

/// `__browser_sendable_check!("close-reasons.toml", code)`: a `bool` expression, true
/// when a web page may pass the `u16` variable `code` to `WebSocket.close()` according
/// to the registry.
#[doc(hidden)]
#[proc_macro]
pub fn __browser_sendable_check(input: proc_macro::TokenStream) -> proc_macro::TokenStream {
    let manifest_dir = source::manifest_dir_from_env();
    expand_set_check(
        input.into(),
        manifest_dir.as_deref(),
        CodeSet::BrowserSendable,
    )
    .into()
}

/// `__registry_table!("close-reasons.toml", CloseReason, CloseRange)`: the registry as
/// Markdown tables (reasons, then ranges) linking the generated items, for the
/// crate-level documentation of `close-reasons`.
#[doc(hidden)]
#[proc_macro]
pub fn __registry_table(input: proc_macro::TokenStream) -> proc_macro::TokenStream {
    let manifest_dir = source::manifest_dir_from_env();
    expand_table(input.into(), manifest_dir.as_deref()).into()
}

/// The standard registry's model, or as much of it as can be salvaged, without
/// reporting anything: [`__standard_reasons`] reports the registry's mistakes once.
fn quiet_model(path: &LitStr, manifest_dir: Option<&Path>) -> Option<Model> {
    let source = source::load(&path.value(), manifest_dir).ok()?;
    Some(match check(&source.text, Rules::Standard) {
        Ok(model) => model,
        Err(failure) => failure.stand_in,
    })
}

fn expand_table(input: TokenStream, manifest_dir: Option<&Path>) -> TokenStream {
    let args: attr::ItemArgs<2> = match syn::parse2(input) {
        Ok(args) => args,
        Err(error) => return error.to_compile_error(),
    };
    let [reasons, ranges] = &args.idents;
    let table = source::load(&args.path.value(), manifest_dir)
        .ok()
        .and_then(|source| check(&source.text, Rules::Standard).ok())
        .map_or_else(
            || "The registry has errors; see the compile errors.".to_owned(),
            |model| expand::markdown_table(&model, reasons, ranges),
        );
    quote!(#table)
}

fn expand_close_code_items(input: TokenStream, manifest_dir: Option<&Path>) -> TokenStream {
    let args: attr::ItemArgs<3> = match syn::parse2(input) {
        Ok(args) => args,
        Err(error) => return error.to_compile_error(),
    };
    let [code, reasons, ranges] = &args.idents;
    let model = quiet_model(&args.path, manifest_dir).unwrap_or_else(Model::empty);
    expand::close_code_items(&model, code, reasons, ranges)
}

fn expand_set_check(input: TokenStream, manifest_dir: Option<&Path>, set: CodeSet) -> TokenStream {
    let args: attr::ItemArgs<1> = match syn::parse2(input) {
        Ok(args) => args,
        Err(error) => return error.to_compile_error(),
    };
    let [code] = &args.idents;
    let model = quiet_model(&args.path, manifest_dir).unwrap_or_else(Model::empty);
    expand::set_check(&model, set, code)
}

fn expand_ranges(args: TokenStream, item: TokenStream, manifest_dir: Option<&Path>) -> TokenStream {
    let (args, shell) = match parse_attribute(args, item.clone()) {
        Ok(parsed) => parsed,
        Err(error) => {
            let error = error.to_compile_error();
            return quote!(#error #item);
        }
    };
    let model = quiet_model(&args.path, manifest_dir).unwrap_or_else(Model::empty);
    expand::range_enum(&model, &shell, &args.krate)
}

fn parse_attribute(args: TokenStream, item: TokenStream) -> Result<(attr::Args, Shell), Error> {
    // Both are read, so that a mistake in each is reported at once.
    match (syn::parse2::<attr::Args>(args), syn::parse2::<Shell>(item)) {
        (Ok(args), Ok(shell)) => Ok((args, shell)),
        (Err(mut first), Err(second)) => {
            first.combine(second);
            Err(first)
        }
        (Err(error), _) | (_, Err(error)) => Err(error),
    }
}

/// The whole expansion of a reason enum, callable from tests with any manifest
/// directory.
fn expand_registry(
    args: TokenStream,
    item: TokenStream,
    manifest_dir: Option<&Path>,
    rules: Rules,
) -> TokenStream {
    let (args, shell) = match parse_attribute(args, item.clone()) {
        Ok(parsed) => parsed,
        Err(error) => {
            let error = error.to_compile_error();
            return quote!(#error #item);
        }
    };
    let krate = &args.krate;
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
                krate,
                &[Error::new(span, message)],
                &Model::empty(),
                rules,
            );
        }
    };
    let checked = check(&source.text, rules);
    let absolute = source.absolute.to_string_lossy();
    // Cargo tracks files read by `include_str!`, so editing the registry rebuilds the crate.
    let track = quote!(
        const _: &::core::primitive::str = ::core::include_str!(#absolute);
    );
    match checked {
        Ok(model) => {
            let expanded = expand::reason_enum(&model, &shell, krate, rules == Rules::Application);
            quote!(#track #expanded)
        }
        Err(Failure {
            diagnostics,
            stand_in,
            ..
        }) => {
            let mut errors = Vec::with_capacity(diagnostics.len());
            for diagnostic in &diagnostics {
                let message = diagnostic.render(&source.display_path, &source.text);
                errors.push(Error::new(span, message));
            }
            if errors.is_empty() {
                errors.push(Error::new(span, "the registry could not be read"));
            }
            let expanded = fallback(&shell, krate, &errors, &stand_in, rules);
            quote!(#track #expanded)
        }
    }
}

/// The errors, plus a stand-in for the generated items, so that code using them does
/// not add errors of its own to the ones about the registry.
fn fallback(
    shell: &Shell,
    krate: &TokenStream,
    errors: &[Error],
    stand_in: &Model,
    rules: Rules,
) -> TokenStream {
    let mut expanded = TokenStream::new();
    for error in errors {
        expanded.extend(error.to_compile_error());
    }
    expanded.extend(expand::reason_enum(
        stand_in,
        shell,
        krate,
        rules == Rules::Application,
    ));
    expanded
}

#[cfg(test)]
mod tests;
