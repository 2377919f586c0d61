//! The attribute's arguments and the enum shell it is applied to.
//!
//! Parsed with syn's token-level API only (no `derive` or `full` feature): the shell is
//! `attributes visibility enum Name {}`, and the few attributes that matter (`repr`,
//! `derive`, `cfg_attr`) are read from their tokens. That halves the time syn takes to
//! compile, which is most of what close-reasons adds to a cold build.

use proc_macro2::{Delimiter, Ident, Span, TokenStream, TokenTree};
use quote::{ToTokens, quote};
use syn::ext::IdentExt;
use syn::parse::{Parse, ParseStream};
use syn::{LitStr, Token};

use crate::expand::Shell;

/// `#[registry("close-codes.toml", crate = "::my_close_reasons")]`
pub struct Args {
    pub path: LitStr,
    /// The path of the close-reasons crate, as tokens (`::close_reasons` by default).
    pub krate: TokenStream,
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
            krate: quote!(::close_reasons),
        };
        while !input.is_empty() {
            input.parse::<Token![,]>()?;
            if input.is_empty() {
                break;
            }
            let key: Ident = input.call(Ident::parse_any)?;
            input.parse::<Token![=]>()?;
            match key.to_string().as_str() {
                "crate" => {
                    let path: LitStr = input.parse()?;
                    args.krate = path.parse_with(parse_path)?;
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

/// A module path such as `::close_reasons` or `crate::reexports::close_reasons`, as
/// tokens: an optional leading `::`, then names separated by `::`.
fn parse_path(input: ParseStream<'_>) -> syn::Result<TokenStream> {
    let expected = |error: syn::Error| {
        syn::Error::new(
            error.span(),
            "expected the path of the close-reasons crate, such as `::close_reasons`",
        )
    };
    let mut tokens = TokenStream::new();
    if input.peek(Token![::]) {
        input.parse::<Token![::]>()?.to_tokens(&mut tokens);
    }
    loop {
        let segment: Ident = input.call(Ident::parse_any).map_err(expected)?;
        segment.to_tokens(&mut tokens);
        if input.is_empty() {
            return Ok(tokens);
        }
        input
            .parse::<Token![::]>()
            .map_err(expected)?
            .to_tokens(&mut tokens);
    }
}

/// `enum Name {}` with its attributes and visibility, as the user wrote them.
impl Parse for Shell {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let mut attrs = Vec::new();
        while input.peek(Token![#]) {
            let pound: Token![#] = input.parse()?;
            let body: proc_macro2::Group = input.parse()?;
            if body.delimiter() != Delimiter::Bracket {
                return Err(syn::Error::new(
                    body.span(),
                    "expected an attribute `#[...]`",
                ));
            }
            check_attribute(body.stream())?;
            attrs.push(quote!(#pound #body));
        }
        let vis = parse_visibility(input)?;
        if !input.peek(Token![enum]) {
            // Point at the item's name, as for any other misuse of the shell.
            let span = input
                .step(|cursor| {
                    let mut rest = *cursor;
                    while let Some((token, next)) = rest.token_tree() {
                        if let TokenTree::Ident(ident) = &token {
                            if !ITEM_KEYWORDS.contains(&ident.to_string().as_str()) {
                                return Ok((ident.span(), next));
                            }
                        }
                        rest = next;
                    }
                    Ok((cursor.span(), rest))
                })
                .unwrap_or_else(|_| Span::call_site());
            return Err(syn::Error::new(
                span,
                "#[registry] goes on an empty enum, e.g. `pub enum ChatCloseCode {}`",
            ));
        }
        input.parse::<Token![enum]>()?;
        let ident: Ident = input.parse()?;
        if input.peek(Token![<]) || input.peek(Token![where]) {
            return Err(syn::Error::new(
                ident.span(),
                "a close-code enum cannot be generic",
            ));
        }
        let body: proc_macro2::Group = input.parse()?;
        if body.delimiter() != Delimiter::Brace {
            return Err(syn::Error::new(body.span(), "expected `{}`"));
        }
        // The first variant's name, after any attributes of its own.
        let first_variant = body.stream().into_iter().find_map(|token| match token {
            TokenTree::Ident(ident) => Some(ident.span()),
            _ => None,
        });
        if let Some(span) = first_variant {
            return Err(syn::Error::new(
                span,
                "the variants come from the registry file; leave the enum body empty",
            ));
        }
        if !input.is_empty() {
            return Err(input.error("unexpected tokens after the enum"));
        }
        Ok(Shell { attrs, vis, ident })
    }
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

/// `pub`, `pub(crate)`, `pub(in some::path)`, or nothing.
fn parse_visibility(input: ParseStream<'_>) -> syn::Result<TokenStream> {
    let mut vis = TokenStream::new();
    if input.peek(Token![pub]) {
        input.parse::<Token![pub]>()?.to_tokens(&mut vis);
        if input.peek(syn::token::Paren) {
            input.parse::<proc_macro2::Group>()?.to_tokens(&mut vis);
        }
    }
    Ok(vis)
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

/// The serde traits, which close-reasons implements (as the number) behind its `serde`
/// feature: a derive would write the variant's name instead, and clash with those impls.
const SERDE: &[&str] = &["Serialize", "Deserialize"];

/// Rejects, with a clear message, an attribute that would clash with what the
/// expansion adds: a `repr`, or a derive of a trait it derives itself, also inside
/// `cfg_attr` (whose condition cannot be known here, and holds in some build).
/// `body` is what is inside `#[...]`.
fn check_attribute(body: TokenStream) -> syn::Result<()> {
    let body = without_invisible_groups(body);
    let mut tokens = body.clone().into_iter();
    let Some(TokenTree::Ident(name)) = tokens.next() else {
        return Ok(());
    };
    let arguments = match tokens.next() {
        Some(TokenTree::Group(group)) if group.delimiter() == Delimiter::Parenthesis => {
            Some(group.stream())
        }
        _ => None,
    };
    match (name.to_string().as_str(), arguments) {
        ("repr", _) => Err(syn::Error::new_spanned(
            body,
            "#[registry] sets #[repr(u16)] itself; remove this #[repr]",
        )),
        // The first item is the condition; the others are attributes.
        ("cfg_attr", Some(arguments)) => split_at_commas(arguments)
            .into_iter()
            .skip(1)
            .try_for_each(check_attribute),
        ("derive", Some(arguments)) => {
            for path in split_at_commas(without_invisible_groups(arguments)) {
                let last = path.clone().into_iter().filter_map(|token| match token {
                    TokenTree::Ident(ident) => Some(ident),
                    _ => None,
                });
                let Some(last) = last.last() else {
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
        _ => Ok(()),
    }
}

/// The tokens with every invisible group (`Delimiter::None`, which wraps what a
/// `macro_rules!` macro substituted for a `$meta` or `$path` fragment) replaced by its
/// contents, so that `#[$meta]` is checked like the attribute it stands for.
fn without_invisible_groups(tokens: TokenStream) -> TokenStream {
    tokens
        .into_iter()
        .flat_map(|token| match token {
            TokenTree::Group(group) if group.delimiter() == Delimiter::None => {
                without_invisible_groups(group.stream())
            }
            other => TokenStream::from(other),
        })
        .collect()
}

/// The comma-separated items of an argument list (commas inside groups belong to
/// their group), without empty items.
fn split_at_commas(arguments: TokenStream) -> Vec<TokenStream> {
    let mut items = vec![TokenStream::new()];
    for token in arguments {
        match &token {
            TokenTree::Punct(punct) if punct.as_char() == ',' => items.push(TokenStream::new()),
            _ => items.last_mut().map_or((), |item| item.extend([token])),
        }
    }
    items.retain(|item| !item.is_empty());
    items
}
