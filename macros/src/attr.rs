//! The attribute's arguments and the enum shell it is applied to.
//!
//! Read from the tokens themselves, without syn: the shell is `attributes visibility
//! enum Name {}`, the arguments a string literal and `crate = "path"`, and the few
//! attributes that matter (`repr`, `derive`, `cfg_attr`) are read from their tokens.
//! syn was most of what this crate added to a cold build, and it could only start once
//! syn was built; a grammar this small does not need a parser library.

use proc_macro2::{Delimiter, Ident, Literal, Span, TokenStream, TokenTree};
use quote::{quote, quote_spanned};

use crate::expand::Shell;

/// A mistake in what the user wrote around the registry, at the tokens it is about.
pub struct Error {
    start: Span,
    end: Span,
    message: String,
}

impl Error {
    pub fn new(span: Span, message: impl Into<String>) -> Error {
        Error {
            start: span,
            end: span,
            message: message.into(),
        }
    }

    /// An error covering `tokens`, from the first to the last.
    fn spanning(tokens: &TokenStream, message: impl Into<String>) -> Error {
        let mut spans = tokens.clone().into_iter().map(|token| token.span());
        let start = spans.next().unwrap_or_else(Span::call_site);
        let end = spans.last().unwrap_or(start);
        Error {
            start,
            end,
            message: message.into(),
        }
    }

    /// `::core::compile_error! { "…" }`, its path spanned at the start and its braces at
    /// the end of what the error covers, so that the compiler underlines all of it.
    pub fn to_compile_error(&self) -> TokenStream {
        let message = Literal::string(&self.message);
        let body = quote_spanned!(self.end=> { #message });
        quote_spanned!(self.start=> ::core::compile_error! #body)
    }
}

/// The tokens of an argument list or an item, read front to back.
struct Cursor {
    tokens: Vec<TokenTree>,
    position: usize,
}

impl Cursor {
    fn new(tokens: TokenStream) -> Cursor {
        Cursor {
            tokens: without_invisible_groups(tokens).into_iter().collect(),
            position: 0,
        }
    }

    fn peek(&self) -> Option<&TokenTree> {
        self.tokens.get(self.position)
    }

    fn next(&mut self) -> Option<TokenTree> {
        let token = self.tokens.get(self.position).cloned();
        self.position += usize::from(token.is_some());
        token
    }

    fn is_empty(&self) -> bool {
        self.position >= self.tokens.len()
    }

    /// Where an error about the next token (or the end) points.
    fn span(&self) -> Span {
        self.peek().map_or_else(Span::call_site, TokenTree::span)
    }

    fn peek_punct(&self, character: char) -> bool {
        matches!(self.peek(), Some(TokenTree::Punct(punct)) if punct.as_char() == character)
    }

    fn peek_keyword(&self, keyword: &str) -> bool {
        matches!(self.peek(), Some(TokenTree::Ident(ident)) if ident == keyword)
    }

    /// `::`, which the tokenizer delivers as two `:` puncts.
    fn peek_path_separator(&self) -> bool {
        matches!(
            (self.peek(), self.tokens.get(self.position + 1)),
            (Some(TokenTree::Punct(first)), Some(TokenTree::Punct(second)))
                if first.as_char() == ':' && second.as_char() == ':'
        )
    }

    /// The next token if it is `character`, or an error saying `expected`.
    fn punct(&mut self, character: char, expected: &str) -> Result<TokenTree, Error> {
        match self.peek() {
            Some(token @ TokenTree::Punct(punct)) if punct.as_char() == character => {
                let token = token.clone();
                self.position += 1;
                Ok(token)
            }
            _ => Err(Error::new(self.span(), expected)),
        }
    }

    fn ident(&mut self, expected: &str) -> Result<Ident, Error> {
        match self.peek() {
            Some(TokenTree::Ident(ident)) => {
                let ident = ident.clone();
                self.position += 1;
                Ok(ident)
            }
            _ => Err(Error::new(self.span(), expected)),
        }
    }

    fn group(&mut self, delimiter: Delimiter, expected: &str) -> Result<proc_macro2::Group, Error> {
        match self.peek() {
            Some(TokenTree::Group(group)) if group.delimiter() == delimiter => {
                let group = group.clone();
                self.position += 1;
                Ok(group)
            }
            _ => Err(Error::new(self.span(), expected)),
        }
    }

    fn string(&mut self, expected: &str) -> Result<StringLiteral, Error> {
        let Some(TokenTree::Literal(literal)) = self.peek() else {
            return Err(Error::new(self.span(), expected));
        };
        let span = literal.span();
        let value = string_value(&literal.to_string()).ok_or_else(|| Error::new(span, expected))?;
        self.position += 1;
        Ok(StringLiteral { value, span })
    }

    /// Whatever is left, as the caller's error when anything is.
    fn finish(&self, message: &str) -> Result<(), Error> {
        if self.is_empty() {
            Ok(())
        } else {
            Err(Error::new(self.span(), message))
        }
    }
}

/// A string literal's value and where it was written.
pub struct StringLiteral {
    pub value: String,
    pub span: Span,
}

/// The value of a Rust string literal (`"…"` with its escapes, or a raw `r#"…"#`), or
/// `None` for any other literal (a byte or C string, a number, a suffixed string).
fn string_value(written: &str) -> Option<String> {
    if let Some(raw) = written.strip_prefix('r') {
        let hashes = raw.len() - raw.trim_start_matches('#').len();
        let body = raw[hashes..].strip_prefix('"')?;
        return body
            .strip_suffix(&raw[..hashes])?
            .strip_suffix('"')
            .map(str::to_owned);
    }
    let body = written.strip_prefix('"')?.strip_suffix('"')?;
    let mut value = String::with_capacity(body.len());
    let mut characters = body.chars();
    while let Some(character) = characters.next() {
        if character != '\\' {
            value.push(character);
            continue;
        }
        match characters.next()? {
            'n' => value.push('\n'),
            'r' => value.push('\r'),
            't' => value.push('\t'),
            '0' => value.push('\0'),
            '\\' => value.push('\\'),
            '\'' => value.push('\''),
            '"' => value.push('"'),
            'x' => {
                let digits: String = characters.by_ref().take(2).collect();
                let byte = u8::from_str_radix(&digits, 16).ok().filter(u8::is_ascii)?;
                value.push(char::from(byte));
            }
            'u' => {
                let rest = characters.as_str().strip_prefix('{')?;
                let (digits, after) = rest.split_once('}')?;
                value.push(char::from_u32(
                    u32::from_str_radix(&digits.replace('_', ""), 16).ok()?,
                )?);
                characters = after.chars();
            }
            // A line continuation: the newline and the whitespace after it are dropped.
            '\n' => characters = characters.as_str().trim_start().chars(),
            _ => return None,
        }
    }
    Some(value)
}

/// `#[registry("close-codes.toml", crate = "::my_close_reasons")]`
pub struct Args {
    pub path: StringLiteral,
    /// The path of the close-reasons crate, as tokens (`::close_reasons` by default).
    pub krate: TokenStream,
}

impl Args {
    pub fn parse(tokens: TokenStream) -> Result<Args, Error> {
        let mut input = Cursor::new(tokens);
        let path =
            input.string("expected the registry path, e.g. #[registry(\"close-codes.toml\")]")?;
        let mut args = Args {
            path,
            krate: quote!(::close_reasons),
        };
        while !input.is_empty() {
            input.punct(',', "expected `,`")?;
            if input.is_empty() {
                break;
            }
            let key = input.ident("expected an argument, e.g. `crate = \"::close_reasons\"`")?;
            input.punct('=', "expected `=`")?;
            match key.to_string().as_str() {
                "crate" => {
                    let path = input
                        .string("expected a string literal, e.g. `crate = \"::close_reasons\"`")?;
                    args.krate = parse_path(&path)?;
                }
                other => {
                    return Err(Error::new(
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
/// tokens spanned at the literal: an optional leading `::`, then names separated by `::`.
fn parse_path(literal: &StringLiteral) -> Result<TokenStream, Error> {
    let expected = || {
        Error::new(
            literal.span,
            "expected the path of the close-reasons crate, such as `::close_reasons`",
        )
    };
    let tokens: TokenStream = literal.value.parse().map_err(|_| expected())?;
    let mut input = Cursor::new(tokens);
    let mut path = TokenStream::new();
    let separator = |input: &mut Cursor, path: &mut TokenStream| {
        for _ in 0..2 {
            if let Some(mut colon) = input.next() {
                colon.set_span(literal.span);
                path.extend([colon]);
            }
        }
    };
    if input.peek_path_separator() {
        separator(&mut input, &mut path);
    }
    loop {
        let mut segment = input.ident("").map_err(|_| expected())?;
        segment.set_span(literal.span);
        path.extend([TokenTree::Ident(segment)]);
        if input.is_empty() {
            return Ok(path);
        }
        if !input.peek_path_separator() {
            return Err(expected());
        }
        separator(&mut input, &mut path);
    }
}

/// `enum Name {}` with its attributes and visibility, as the user wrote them.
impl Shell {
    pub fn parse(tokens: TokenStream) -> Result<Shell, Error> {
        let mut input = Cursor::new(tokens);
        let mut attrs = Vec::new();
        while input.peek_punct('#') {
            let pound = input.next();
            let body = input.group(Delimiter::Bracket, "expected an attribute `#[...]`")?;
            check_attribute(body.stream())?;
            attrs.push(quote!(#pound #body));
        }
        let vis = parse_visibility(&mut input);
        if !input.peek_keyword("enum") {
            // Point at the item's name, as for any other misuse of the shell.
            let name = input.tokens[input.position..]
                .iter()
                .find_map(|token| match token {
                    TokenTree::Ident(ident)
                        if !ITEM_KEYWORDS.contains(&ident.to_string().as_str()) =>
                    {
                        Some(ident.span())
                    }
                    _ => None,
                });
            return Err(Error::new(
                name.unwrap_or_else(|| input.span()),
                "#[registry] goes on an empty enum, e.g. `pub enum ChatCloseCode {}`",
            ));
        }
        input.next();
        let ident = input.ident("expected the enum's name")?;
        if input.peek_punct('<') || input.peek_keyword("where") {
            return Err(Error::new(
                ident.span(),
                "a close-code enum cannot be generic",
            ));
        }
        let body = input.group(Delimiter::Brace, "expected `{}`")?;
        // The first variant's name, after any attributes of its own.
        let first_variant = body.stream().into_iter().find_map(|token| match token {
            TokenTree::Ident(ident) => Some(ident.span()),
            _ => None,
        });
        if let Some(span) = first_variant {
            return Err(Error::new(
                span,
                "the variants come from the registry file; leave the enum body empty",
            ));
        }
        input.finish("unexpected tokens after the enum")?;
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
fn parse_visibility(input: &mut Cursor) -> TokenStream {
    let mut vis = TokenStream::new();
    if input.peek_keyword("pub") {
        vis.extend(input.next());
        if matches!(input.peek(), Some(TokenTree::Group(group)) if group.delimiter() == Delimiter::Parenthesis)
        {
            vis.extend(input.next());
        }
    }
    vis
}

/// `"close-reasons.toml", CloseReason, CloseRange`: a registry path and `N` names of
/// the items the expansion refers to.
pub struct ItemArgs<const N: usize> {
    pub path: StringLiteral,
    pub idents: [Ident; N],
}

impl<const N: usize> ItemArgs<N> {
    pub fn parse(tokens: TokenStream) -> Result<Self, Error> {
        let mut input = Cursor::new(tokens);
        let path = input.string("expected the registry path")?;
        let mut idents = Vec::with_capacity(N);
        for _ in 0..N {
            input.punct(',', "expected `,`")?;
            idents.push(input.ident("expected a name")?);
        }
        if input.peek_punct(',') {
            input.next();
        }
        input.finish("unexpected tokens after the names")?;
        let idents = idents
            .try_into()
            .map_err(|_| Error::new(Span::call_site(), "wrong number of names"))?;
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
fn check_attribute(body: TokenStream) -> Result<(), Error> {
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
        ("repr", _) => Err(Error::spanning(
            &body,
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
                    return Err(Error::spanning(
                        &path,
                        format!(
                            "#[registry] implements `{last}` itself, as the code's number; remove it from this #[derive] and enable the `serde` feature of close-reasons instead"
                        ),
                    ));
                }
                if DERIVED.iter().any(|name| last == name) {
                    return Err(Error::spanning(
                        &path,
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

#[cfg(test)]
mod tests {
    use super::*;

    fn path_of(written: &str) -> Result<String, String> {
        let literal = StringLiteral {
            value: written.to_owned(),
            span: Span::call_site(),
        };
        parse_path(&literal)
            .map(|tokens| tokens.to_string())
            .map_err(|error| error.message)
    }

    #[test]
    fn string_literals_are_read_with_their_escapes() {
        assert_eq!(
            string_value(r#""close-codes.toml""#).as_deref(),
            Some("close-codes.toml")
        );
        assert_eq!(
            string_value(r#""a\\b\"c\x41\u{1F600}\u{4_1}""#).as_deref(),
            Some("a\\b\"cA😀A")
        );
        assert_eq!(
            string_value("\"one \\\n    two\"").as_deref(),
            Some("one two")
        );
        assert_eq!(
            string_value(r###"r#"say "hi""#"###).as_deref(),
            Some("say \"hi\"")
        );
        assert_eq!(string_value(r#"r"plain""#).as_deref(), Some("plain"));
        for not_a_string in [r#"b"bytes""#, r#"c"text""#, "42", r#""text"suffix"#, "'c'"] {
            assert_eq!(string_value(not_a_string), None, "{not_a_string}");
        }
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
        let args = Args::parse(quote!("codes.toml", crate = "::cr",))
            .ok()
            .unwrap();
        assert_eq!(args.path.value, "codes.toml");
        assert_eq!(args.krate.to_string(), ":: cr");
        let message = |tokens: TokenStream| Args::parse(tokens).err().unwrap().message;
        assert!(message(quote!()).starts_with("expected the registry path"));
        assert!(message(quote!(codes)).starts_with("expected the registry path"));
        assert_eq!(message(quote!("codes.toml" crate = "x")), "expected `,`");
        assert_eq!(message(quote!("codes.toml", crate "x")), "expected `=`");
        assert!(message(quote!("codes.toml", crate = x)).starts_with("expected a string literal"));
        assert!(message(quote!("codes.toml", 7 = "x")).starts_with("expected an argument"));
    }

    #[test]
    fn item_arguments_take_exactly_their_names() {
        let args = ItemArgs::<2>::parse(quote!("r.toml", A, B,)).ok().unwrap();
        assert_eq!(args.path.value, "r.toml");
        assert_eq!(args.idents.map(|ident| ident.to_string()), ["A", "B"]);
        let message = |tokens: TokenStream| ItemArgs::<2>::parse(tokens).err().unwrap().message;
        assert_eq!(message(quote!("r.toml", A)), "expected `,`");
        assert_eq!(
            message(quote!("r.toml", A, B, C)),
            "unexpected tokens after the names"
        );
    }

    #[test]
    fn an_error_covers_what_it_is_about() {
        let tokens = quote!(repr(u32));
        let error = Error::spanning(&tokens, "no repr")
            .to_compile_error()
            .to_string();
        assert_eq!(error, ":: core :: compile_error ! { \"no repr\" }");
    }
}
