//! The attribute's arguments and the enum shell it is applied to, parsed with syn.
//!
//! The shell is a `DeriveInput` (attributes, visibility, name, generics, body) that must
//! be an empty, non-generic enum; the few attributes that matter (`repr`, `derive`,
//! `cfg_attr`) are read as syn's `Meta`. syn's features are the ones serde_derive
//! enables, so an application that derives serde builds syn once for both.

use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, quote};
use syn::ext::IdentExt;
use syn::parse::{Parse, ParseStream};
use syn::punctuated::Punctuated;
use syn::{Attribute, Data, DeriveInput, Ident, LitStr, Meta, Path, PathArguments, Token};

use crate::expand::Shell;

/// `#[registry("close-codes.toml", crate = "::my_close_reasons")]`
pub struct Args {
    pub path: LitStr,
    /// The path of the close-reasons crate, as tokens (`::close_reasons` by default).
    pub krate: TokenStream,
}

impl Parse for Args {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let path = plain_string(input).map_err(|error| {
            syn::Error::new(
                error.span(),
                "expected the registry path, e.g. #[registry(\"close-codes.toml\")]",
            )
        })?;
        let mut args = Args {
            path,
            krate: quote!(::close_reasons),
        };
        while !input.is_empty() {
            input.parse::<Token![,]>()?;
            if input.is_empty() {
                break;
            }
            // `crate` is a keyword; `parse_any` takes it as a name.
            let key = input.call(Ident::parse_any).map_err(|error| {
                syn::Error::new(
                    error.span(),
                    "expected an argument, e.g. `crate = \"::close_reasons\"`",
                )
            })?;
            input.parse::<Token![=]>()?;
            if key != "crate" {
                return Err(syn::Error::new(
                    key.span(),
                    format!(
                        "unknown argument `{key}`; expected `crate = \"path::to::close_reasons\"`"
                    ),
                ));
            }
            let literal = plain_string(input).map_err(|error| {
                syn::Error::new(
                    error.span(),
                    "expected a string literal, e.g. `crate = \"::close_reasons\"`",
                )
            })?;
            args.krate = crate_path(&literal)?.into_token_stream();
        }
        Ok(args)
    }
}

/// A string literal without a suffix (`"codes.toml"` but not `"codes.toml"x`).
fn plain_string(input: ParseStream<'_>) -> syn::Result<LitStr> {
    let literal: LitStr = input.parse()?;
    if literal.suffix().is_empty() {
        Ok(literal)
    } else {
        Err(syn::Error::new(
            literal.span(),
            "expected a string literal without a suffix",
        ))
    }
}

/// A module path such as `::close_reasons` or `crate::reexports::close_reasons`, spanned
/// at the literal: no generic arguments, nothing after it.
fn crate_path(literal: &LitStr) -> syn::Result<Path> {
    let expected = || {
        syn::Error::new(
            literal.span(),
            "expected the path of the close-reasons crate, such as `::close_reasons`",
        )
    };
    let path: Path = literal
        .parse_with(Path::parse_mod_style)
        .map_err(|_| expected())?;
    if path
        .segments
        .iter()
        .any(|segment| !matches!(segment.arguments, PathArguments::None))
    {
        return Err(expected());
    }
    Ok(path)
}

/// `enum Name {}` with its attributes and visibility, as the user wrote them.
impl Parse for Shell {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        if let Some(name) = name_of_other_item(input) {
            return Err(syn::Error::new(
                name,
                "#[registry] goes on an empty enum, e.g. `pub enum ChatCloseCode {}`",
            ));
        }
        let item: DeriveInput = input.parse()?;
        let mut errors = Vec::new();
        for attribute in &item.attrs {
            if let Err(error) = check_attribute(attribute) {
                errors.push(error);
            }
        }
        if !item.generics.params.is_empty() || item.generics.lt_token.is_some() {
            errors.push(syn::Error::new(
                item.ident.span(),
                "a close-code enum cannot be generic",
            ));
        } else if let Some(clause) = &item.generics.where_clause {
            errors.push(syn::Error::new_spanned(
                clause,
                "a close-code enum cannot have a where clause",
            ));
        }
        if let Data::Enum(body) = &item.data {
            if let Some(variant) = body.variants.first() {
                errors.push(syn::Error::new(
                    variant.ident.span(),
                    "the variants come from the registry file; leave the enum body empty",
                ));
            }
        }
        if let Some(mut first) = errors.first().cloned() {
            first.extend(errors.into_iter().skip(1));
            return Err(first);
        }
        Ok(Shell {
            attrs: item.attrs.iter().map(ToTokens::to_token_stream).collect(),
            vis: item.vis.into_token_stream(),
            ident: item.ident,
        })
    }
}

/// When the item is not an enum, where its name is, so that the error points at it as
/// for any other misuse of the shell.
fn name_of_other_item(input: ParseStream<'_>) -> Option<Span> {
    let ahead = input.fork();
    ahead.call(Attribute::parse_outer).ok()?;
    ahead.parse::<syn::Visibility>().ok()?;
    if ahead.peek(Token![enum]) {
        return None;
    }
    let name = ahead.step(|cursor| {
        let mut rest = *cursor;
        while let Some((token, next)) = rest.token_tree() {
            if let proc_macro2::TokenTree::Ident(ident) = &token {
                if !ITEM_KEYWORDS.contains(&ident.to_string().as_str()) {
                    return Ok((ident.span(), next));
                }
            }
            rest = next;
        }
        Ok((cursor.span(), rest))
    });
    Some(name.unwrap_or_else(|_| Span::call_site()))
}

/// The words that can come before an item's name: skipped to point an error at the name.
const ITEM_KEYWORDS: &[&str] = &[
    "struct",
    "union",
    "type",
    "fn",
    "const",
    "static",
    "trait",
    "mod",
    "impl",
    "unsafe",
    "async",
    "extern",
    "use",
    "macro_rules",
    "auto",
    "default",
    "mut",
    "crate",
];

/// `"close-reasons.toml", CloseReason, CloseRange`: a registry path and `N` names of
/// the items the expansion refers to.
pub struct ItemArgs<const N: usize> {
    pub path: LitStr,
    pub idents: [Ident; N],
}

impl<const N: usize> Parse for ItemArgs<N> {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let path = plain_string(input)?;
        let mut idents = Vec::with_capacity(N);
        for _ in 0..N {
            input.parse::<Token![,]>()?;
            idents.push(input.parse()?);
        }
        input.parse::<Option<Token![,]>>()?;
        if !input.is_empty() {
            return Err(input.error("unexpected tokens after the names"));
        }
        let idents = idents
            .try_into()
            .map_err(|_| syn::Error::new(Span::call_site(), "wrong number of names"))?;
        Ok(ItemArgs { path, idents })
    }
}

/// The tokens up to the next comma outside any group (or the end).
fn until_comma(input: ParseStream<'_>) -> syn::Result<TokenStream> {
    input.step(|cursor| {
        let mut tokens = TokenStream::new();
        let mut rest = *cursor;
        while let Some((token, next)) = rest.token_tree() {
            if matches!(&token, proc_macro2::TokenTree::Punct(punct) if punct.as_char() == ',') {
                break;
            }
            tokens.extend([token]);
            rest = next;
        }
        Ok((tokens, rest))
    })
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

/// The serde traits, which close-reasons implements (as the number) behind its `serde`
/// feature: a derive would write the variant's name instead, and clash with those impls.
const SERDE: &[&str] = &["Serialize", "Deserialize"];

/// Rejects, with a clear message, an attribute that would clash with what the
/// expansion adds: a `repr`, or a derive of a trait it derives itself, also inside
/// `cfg_attr` (whose condition cannot be known here, and holds in some build).
fn check_attribute(attribute: &Attribute) -> syn::Result<()> {
    check_meta(&attribute.meta)
}

fn check_meta(meta: &Meta) -> syn::Result<()> {
    let path = meta.path();
    if path.is_ident("repr") {
        return Err(syn::Error::new_spanned(
            meta,
            "#[registry] sets #[repr(u16)] itself; remove this #[repr]",
        ));
    }
    let Meta::List(list) = meta else {
        return Ok(());
    };
    if path.is_ident("cfg_attr") {
        // The first item is the condition; the others are attributes. Arguments that
        // are not attributes are the compiler's to report.
        // Each attribute on its own, so that one syn cannot read hides none of the others.
        let Ok(items) = list.parse_args_with(|input: ParseStream<'_>| {
            Punctuated::<TokenStream, Token![,]>::parse_terminated_with(input, until_comma)
        }) else {
            return Ok(());
        };
        for item in items.into_iter().skip(1) {
            if let Ok(meta) = syn::parse2::<Meta>(item) {
                check_meta(&meta)?;
            }
        }
        return Ok(());
    }
    if !path.is_ident("derive") {
        return Ok(());
    }
    let Ok(derived) = list.parse_args_with(Punctuated::<Path, Token![,]>::parse_terminated) else {
        return Ok(());
    };
    for path in &derived {
        let Some(last) = path.segments.last().map(|segment| &segment.ident) else {
            continue;
        };
        if SERDE.iter().any(|name| last == name) {
            return Err(syn::Error::new_spanned(
                path,
                format!(
                    "#[registry] implements `{last}` itself, as the code's number; remove it from this #[derive] and enable the `serde` feature of close-reasons instead"
                ),
            ));
        }
        if DERIVED.iter().any(|name| last == name) {
            return Err(syn::Error::new_spanned(
                path,
                format!(
                    "#[registry] derives `{last}` already; remove it from this #[derive] (it derives {})",
                    DERIVED.join(", ")
                ),
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path_of(written: &str) -> Result<String, String> {
        let literal = LitStr::new(written, Span::call_site());
        crate_path(&literal)
            .map(|path| path.into_token_stream().to_string())
            .map_err(|error| error.to_string())
    }

    #[test]
    fn crate_paths_become_tokens() {
        assert_eq!(path_of("::close_reasons").unwrap(), ":: close_reasons");
        assert_eq!(path_of("crate::reexported").unwrap(), "crate :: reexported");
        assert_eq!(path_of("r#async::codes").unwrap(), "r#async :: codes");
        for bad in [
            "close reasons",
            "",
            "::",
            "a::",
            "a:b",
            "a::b::",
            "a.b",
            "1a",
            "a<T>",
            "a::<T>",
        ] {
            let error = path_of(bad).unwrap_err();
            assert!(
                error.starts_with("expected the path of the close-reasons crate"),
                "{bad}: {error}"
            );
        }
    }

    #[test]
    fn arguments_and_their_mistakes() {
        let args: Args = syn::parse2(quote!("codes.toml", crate = "::cr",)).unwrap();
        assert_eq!(args.path.value(), "codes.toml");
        assert_eq!(args.krate.to_string(), ":: cr");
        let args: Args = syn::parse2(quote!(r#"codes "1".toml"#)).unwrap();
        assert_eq!(args.path.value(), "codes \"1\".toml");
        let message = |tokens: TokenStream| match syn::parse2::<Args>(tokens) {
            Ok(_) => panic!("accepted"),
            Err(error) => error.to_string(),
        };
        assert!(message(quote!()).starts_with("expected the registry path"));
        assert!(message(quote!(codes)).starts_with("expected the registry path"));
        assert!(message(quote!(b"codes")).starts_with("expected the registry path"));
        assert!(
            message("\"codes.toml\"suffix".parse().unwrap())
                .starts_with("expected the registry path")
        );
        assert!(
            message("\"codes.toml\", crate = \"::cr\"suffix".parse().unwrap())
                .starts_with("expected a string literal")
        );
        assert_eq!(message(quote!("codes.toml" crate = "x")), "expected `,`");
        assert_eq!(message(quote!("codes.toml", crate "x")), "expected `=`");
        assert!(message(quote!("codes.toml", crate = x)).starts_with("expected a string literal"));
        assert!(message(quote!("codes.toml", 7 = "x")).starts_with("expected an argument"));
        assert!(message(quote!("codes.toml", krate = "x")).starts_with("unknown argument `krate`"));
    }

    #[test]
    fn item_arguments_take_exactly_their_names() {
        let args: ItemArgs<2> = syn::parse2(quote!("r.toml", A, B,)).unwrap();
        assert_eq!(args.path.value(), "r.toml");
        assert_eq!(args.idents.map(|ident| ident.to_string()), ["A", "B"]);
        let message = |tokens: TokenStream| match syn::parse2::<ItemArgs<2>>(tokens) {
            Ok(_) => panic!("accepted"),
            Err(error) => error.to_string(),
        };
        assert_eq!(message(quote!("r.toml", A)), "expected `,`");
        assert_eq!(
            message(quote!("r.toml", A, B, C)),
            "unexpected tokens after the names"
        );
    }

    #[test]
    fn the_shell_keeps_what_the_user_wrote_and_refuses_the_rest() {
        let shell: Shell = syn::parse2(quote!(
            #[doc = "Codes."]
            #[non_exhaustive]
            pub(crate) enum Codes {}
        ))
        .unwrap();
        assert_eq!(shell.ident, "Codes");
        assert_eq!(shell.vis.to_string(), "pub (crate)");
        assert_eq!(shell.attrs.len(), 2);
        let messages = |tokens: TokenStream| match syn::parse2::<Shell>(tokens.clone()) {
            Ok(_) => panic!("accepted: {tokens}"),
            Err(error) => error.into_iter().map(|e| e.to_string()).collect::<Vec<_>>(),
        };
        assert_eq!(
            messages(quote!(
                pub struct Codes;
            )),
            ["#[registry] goes on an empty enum, e.g. `pub enum ChatCloseCode {}`"]
        );
        assert_eq!(
            // As text: rustfmt would drop the empty `<>` inside `quote!(…)`.
            messages("enum Codes<> {}".parse().unwrap()),
            ["a close-code enum cannot be generic"]
        );
        assert_eq!(
            messages(quote!(
                enum Codes
                where
                    u8: Copy, {}
            )),
            ["a close-code enum cannot have a where clause"]
        );
        // Every mistake of the shell at once.
        assert_eq!(
            messages(quote!(
                #[repr(u8)]
                #[derive(Serialize)]
                enum Codes<T> {
                    A,
                }
            )),
            [
                "#[registry] sets #[repr(u16)] itself; remove this #[repr]",
                "#[registry] implements `Serialize` itself, as the code's number; remove it from this #[derive] and enable the `serde` feature of close-reasons instead",
                "a close-code enum cannot be generic",
                "the variants come from the registry file; leave the enum body empty",
            ]
        );
        // An item syn cannot read as a `Meta` here (a block needs its `full` feature)
        // hides none of the others.
        assert_eq!(
            messages(quote!(
                #[cfg_attr(test, doc = 1 + { 2 }, derive(Clone))]
                enum Codes {}
            )),
            [
                "#[registry] derives `Clone` already; remove it from this #[derive] (it derives Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)"
            ]
        );
    }
}
