//! The attribute's arguments and the enum shell it is applied to.

use proc_macro2::Ident;
use syn::parse::{Parse, ParseStream};
use syn::{Data, DeriveInput, LitStr, Path, Token};

use crate::expand::Shell;

/// `#[registry("close-codes.toml", crate = "::my_close_reasons")]`
pub struct Args {
    pub path: LitStr,
    pub krate: Path,
    pub ranges: Option<Ident>,
}

impl Parse for Args {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let path: LitStr = input.parse().map_err(|error| {
            syn::Error::new(
                error.span(),
                "expected the registry path, e.g. #[registry(\"close-codes.toml\")]",
            )
        })?;
        let mut args = Args {
            path,
            krate: syn::parse_quote!(::close_reasons),
            ranges: None,
        };
        while !input.is_empty() {
            input.parse::<Token![,]>()?;
            if input.is_empty() {
                break;
            }
            let key: Ident = input.call(syn::ext::IdentExt::parse_any)?;
            input.parse::<Token![=]>()?;
            match key.to_string().as_str() {
                "crate" => {
                    let path: LitStr = input.parse()?;
                    args.krate = path.parse()?;
                }
                // Only for `close-reasons` itself, whose registry also defines the ranges
                // and the wire check of `CloseCode`; applications cannot use it.
                "ranges" => {
                    let is_core = args.krate.leading_colon.is_none()
                        && args.krate.segments.len() == 1
                        && args.krate.segments[0].ident == "crate";
                    if !is_core {
                        return Err(syn::Error::new(
                            key.span(),
                            "`ranges` is internal to close-reasons (with `crate = \"crate\"`); application registries cannot define ranges of `CloseCode`",
                        ));
                    }
                    args.ranges = Some(input.parse()?);
                }
                other => {
                    return Err(syn::Error::new(
                        key.span(),
                        format!(
                            "unknown argument `{other}`; expected `crate = \"path::to::close_reasons\"`"
                        ),
                    ));
                }
            }
        }
        Ok(args)
    }
}

/// Checks that the item is `enum Name {}` without generics and keeps what the user wrote.
pub fn shell(input: DeriveInput) -> syn::Result<Shell> {
    let Data::Enum(data) = &input.data else {
        return Err(syn::Error::new(
            input.ident.span(),
            "#[registry] goes on an empty enum, e.g. `pub enum ChatCloseCode {}`",
        ));
    };
    if let Some(variant) = data.variants.first() {
        return Err(syn::Error::new(
            variant.ident.span(),
            "the variants come from the registry file; leave the enum body empty",
        ));
    }
    check_attributes(&input.attrs)?;
    if !input.generics.params.is_empty() || input.generics.where_clause.is_some() {
        return Err(syn::Error::new(
            input.ident.span(),
            "a close-code enum cannot be generic",
        ));
    }
    Ok(Shell {
        attrs: input.attrs,
        vis: input.vis,
        ident: input.ident,
    })
}

/// `registry_table!("close-reasons.toml", CloseReason, CloseRange)`
pub struct TableArgs {
    pub path: LitStr,
    pub reasons: Ident,
    pub ranges: Ident,
}

impl Parse for TableArgs {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let path = input.parse()?;
        input.parse::<Token![,]>()?;
        let reasons = input.parse()?;
        input.parse::<Token![,]>()?;
        let ranges = input.parse()?;
        let _ = input.parse::<Option<Token![,]>>()?;
        Ok(TableArgs {
            path,
            reasons,
            ranges,
        })
    }
}

/// The traits the expansion derives; deriving them again would be a conflict.
const DERIVED: &[&str] = &[
    "Clone",
    "Copy",
    "PartialEq",
    "Eq",
    "PartialOrd",
    "Ord",
    "Hash",
    "Debug",
];

/// Rejects, with a clear message, the attributes that would clash with what the
/// expansion adds: a `repr` and derives of the traits it derives itself.
fn check_attributes(attrs: &[syn::Attribute]) -> syn::Result<()> {
    for attr in attrs {
        if attr.path().is_ident("repr") {
            return Err(syn::Error::new_spanned(
                attr,
                "#[registry] sets #[repr(u16)] itself; remove this #[repr]",
            ));
        }
        if !attr.path().is_ident("derive") {
            continue;
        }
        let derived =
            attr.parse_args_with(syn::punctuated::Punctuated::<Path, Token![,]>::parse_terminated)?;
        for path in derived {
            let Some(last) = path.segments.last() else {
                continue;
            };
            if DERIVED.iter().any(|name| last.ident == name) {
                return Err(syn::Error::new_spanned(
                    &path,
                    format!(
                        "#[registry] derives `{}` already; remove it from this #[derive] (it derives {})",
                        last.ident,
                        DERIVED.join(", ")
                    ),
                ));
            }
        }
    }
    Ok(())
}
