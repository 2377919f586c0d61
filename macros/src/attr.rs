//! The attribute's arguments and the enum shell it is applied to.

use proc_macro2::Ident;
use syn::parse::{Parse, ParseStream};
use syn::punctuated::Punctuated;
use syn::{Data, DeriveInput, LitStr, Meta, Path, Token};

use crate::expand::Shell;

/// `#[registry("close-codes.toml", crate = "::my_close_reasons")]`
pub struct Args {
    pub path: LitStr,
    pub krate: Path,
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

/// `"close-reasons.toml", CloseReason, CloseRange`: a registry path and `N` names of
/// the items the expansion refers to.
pub struct ItemArgs<const N: usize> {
    pub path: LitStr,
    pub idents: [Ident; N],
}

impl<const N: usize> Parse for ItemArgs<N> {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let path = input.parse()?;
        let mut idents = Vec::with_capacity(N);
        for _ in 0..N {
            input.parse::<Token![,]>()?;
            idents.push(input.parse()?);
        }
        let _ = input.parse::<Option<Token![,]>>()?;
        let idents = idents
            .try_into()
            .map_err(|_| syn::Error::new(input.span(), "wrong number of names"))?;
        Ok(ItemArgs { path, idents })
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
/// expansion adds: a `repr` and derives of the traits it derives itself, also inside
/// `cfg_attr` (whose condition cannot be known here, and holds in some build).
fn check_attributes(attrs: &[syn::Attribute]) -> syn::Result<()> {
    for attr in attrs {
        check_meta(&attr.meta)?;
    }
    Ok(())
}

fn check_meta(meta: &Meta) -> syn::Result<()> {
    let path = meta.path();
    if path.is_ident("repr") {
        return Err(syn::Error::new_spanned(
            meta,
            "#[registry] sets #[repr(u16)] itself; remove this #[repr]",
        ));
    }
    if path.is_ident("cfg_attr") {
        let list = meta.require_list()?;
        let nested = list.parse_args_with(Punctuated::<Meta, Token![,]>::parse_terminated)?;
        // The first item is the condition; the others are attributes.
        for meta in nested.iter().skip(1) {
            check_meta(meta)?;
        }
        return Ok(());
    }
    if !path.is_ident("derive") {
        return Ok(());
    }
    let derived = meta
        .require_list()?
        .parse_args_with(Punctuated::<Path, Token![,]>::parse_terminated)?;
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
    Ok(())
}
