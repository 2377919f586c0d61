//! Turns a checked [`Model`] into Rust: a reason enum and its API, and for the core
//! crate the range enum, the items of `CloseCode` and the wire check.
//!
//! Every path in the output is absolute (`::core::option::Option`), so the expansion
//! means the same in a module without the prelude or with its own `Option` or `Ok`.

use proc_macro2::{Ident, Span, TokenStream};
use quote::{ToTokens, format_ident, quote};

use close_reasons_registry::membership::{self, WINDOW_BITS};
use close_reasons_registry::table::{self, RangeRow, ReasonRow, reference_markdown};
use close_reasons_registry::{
    FieldKind, FieldValueSpec, MembershipTest, Model, RangeSpec, ReasonSpec, ReconnectPolicy,
};

/// The user's enum shell: what they wrote around `enum Name {}`.
pub struct Shell {
    /// Each attribute, `#[...]` included.
    pub attrs: Vec<TokenStream>,
    /// `pub`, `pub(crate)`, …, or nothing.
    pub vis: TokenStream,
    pub ident: Ident,
}

/// The derives of both generated enums, by absolute path.
fn derives() -> TokenStream {
    quote! {
        #[derive(
            ::core::clone::Clone,
            ::core::marker::Copy,
            ::core::cmp::PartialEq,
            ::core::cmp::Eq,
            ::core::cmp::PartialOrd,
            ::core::cmp::Ord,
            ::core::hash::Hash,
            ::core::fmt::Debug
        )]
    }
}

/// The reason enum: one variant per `[[reason]]`, with its API; an application's enum
/// (`application`) also gets `classify`, which looks a code up by it first and by the
/// standard registry otherwise.
pub fn reason_enum(
    model: &Model,
    shell: &Shell,
    krate: &TokenStream,
    application: bool,
) -> TokenStream {
    let Shell { attrs, vis, ident } = shell;
    let (l_number, l_code, l_reason) = (local("number"), local("code"), local("reason"));
    let (l_text, l_named, l_formatter) = (local("text"), local("named"), local("formatter"));
    let reasons = &model.reasons;
    let variants = reason_variants(model);
    let values = column(reasons, &|reason| reason.value.to_token_stream());
    let docs = column(reasons, &|reason| reason_doc(reason).into_token_stream());
    let alias_attrs = column(reasons, &alias_attributes);
    let alias_lists = column(reasons, &|reason| {
        let aliases = &reason.aliases;
        quote!(&[#(#aliases),*])
    });
    let names = column(reasons, &|reason| reason.name.to_token_stream());
    let titles = column(reasons, &|reason| reason.title.to_token_stream());
    let descriptions = column(reasons, &|reason| reason.doc.to_token_stream());
    let references = column(reasons, &|reason| reason.reference.to_token_stream());
    let links = column(reasons, &|reason| option_str(reason.link.as_deref()));
    let sendable = column(reasons, &|reason| reason.sendable.to_token_stream());
    let normal = column(reasons, &|reason| reason.normal_closure.to_token_stream());
    let labels = column(reasons, &|reason| {
        format!("{} {}", reason.value, reason.title).into_token_stream()
    });
    let derives = derives();
    let display_body = display_body(&variants, &labels, ident);
    let lookup = lookup(reasons, ident);
    let expected = expected_numbers(reasons, ident);
    let classify = application.then(|| {
        // Intra-doc links need the path as text; a doc comment would not interpolate it.
        let path = krate.to_string().replace(' ', "");
        let doc = format!(
            "A received code by this registry first and the standard registry otherwise: \
             [`AnyCode::Application`]({path}::AnyCode::Application) with a variant of this \
             enum, [`AnyCode::Standard`]({path}::AnyCode::Standard) with a `CloseReason`, or \
             [`AnyCode::Unnamed`]({path}::AnyCode::Unnamed). Its `Display` is the code's \
             text by the same order, and one `match` acts on all three."
        );
        quote! {
            impl #ident {
                #[doc = #doc]
                #[inline]
                #[must_use]
                pub const fn classify(#l_code: #krate::CloseCode) -> #krate::AnyCode<#ident> {
                    #krate::__private::classify(#ident::from_code(#l_code), #l_code)
                }
            }
        }
    });

    let reconnect = reconnect_items(model, ident, krate, application);
    let fields = field_items(model, shell);

    // An enum without variants cannot be `repr(u16)` or cast; that only happens for
    // the stand-in emitted when the registry has errors.
    let (repr, into_number, code_body, frame_body, browser_body) = if reasons.is_empty() {
        let none = quote!(match self {});
        (
            quote!(),
            quote!(match #l_reason {}),
            none.clone(),
            none.clone(),
            none,
        )
    } else {
        (
            quote!(#[repr(u16)]),
            quote!(#l_reason as ::core::primitive::u16),
            quote!(#krate::__private::named_code(self as ::core::primitive::u16)),
            quote!(#krate::__private::close_frame(self.code(), self.is_sendable(), #l_reason)),
            quote!(self.is_sendable() && self.code().is_browser_sendable()),
        )
    };

    // The table follows whatever the user wrote, so the enum's documentation lists
    // its codes without anyone keeping a list by hand.
    let table = if reasons.is_empty() {
        None
    } else {
        let table = format!(
            "\n\n# Codes\n\nGenerated from the registry.\n\n{}",
            reasons_table(model, ident)
        );
        Some(quote!(#[doc = #table]))
    };

    let generated = quote! {
        #table
        #derives
        #repr
        #vis enum #ident {
            #( #[doc = #docs] #alias_attrs #variants = #values, )*
        }

        impl #ident {
            /// Every variant, in registry order (ascending code).
            pub const ALL: &'static [#ident] = &[#(#ident::#variants),*];

            /// The close code. Its number is `self as u16`, or `u16::from(self)`.
            #[inline]
            #[must_use]
            pub const fn code(self) -> #krate::CloseCode {
                #code_body
            }

            /// The variant for `code`, or `None` if the registry does not name it.
            #[inline]
            #[must_use]
            pub const fn from_code(#l_code: #krate::CloseCode) -> ::core::option::Option<#ident> {
                let #l_number = #l_code.get();
                #lookup
            }

            /// The name in the registry, in snake_case (what `FromStr` accepts).
            #[must_use]
            pub const fn name(self) -> &'static ::core::primitive::str {
                match self { #( #ident::#variants => #names, )* }
            }

            /// The names other WebSocket stacks give the code (`Away`, `AWAY` for
            /// 1001), as the registry lists them; the documentation search finds the
            /// variant and the constant by them.
            #[must_use]
            pub const fn aliases(self) -> &'static [&'static ::core::primitive::str] {
                match self { #( #ident::#variants => #alias_lists, )* }
            }

            /// The short title from the registry (for the standard codes, the IANA registry's name).
            #[must_use]
            pub const fn title(self) -> &'static ::core::primitive::str {
                match self { #( #ident::#variants => #titles, )* }
            }

            /// What the code means and when to use it (Markdown).
            #[must_use]
            pub const fn description(self) -> &'static ::core::primitive::str {
                match self { #( #ident::#variants => #descriptions, )* }
            }

            /// The specification that defines the code.
            #[must_use]
            pub const fn reference(self) -> &'static ::core::primitive::str {
                match self { #( #ident::#variants => #references, )* }
            }

            /// A web address for [`reference`](Self::reference), when the registry has one.
            #[must_use]
            pub const fn link(self) -> ::core::option::Option<&'static ::core::primitive::str> {
                match self { #( #ident::#variants => #links, )* }
            }

            /// Whether the registry says the code may be sent in a Close frame. Codes that
            /// only report a local condition (such as 1005 and 1006) may not.
            #[inline]
            #[must_use]
            pub const fn is_sendable(self) -> ::core::primitive::bool {
                match self { #( #ident::#variants => #sendable, )* }
            }

            /// Whether a web page may close a `WebSocket` with this code: the registry lets
            /// it be sent, and the browser's rule (`CloseCode::is_browser_sendable`:
            /// 1000, or 3000–4999) allows it.
            #[inline]
            #[must_use]
            pub const fn is_browser_sendable(self) -> ::core::primitive::bool {
                #browser_body
            }

            /// Whether a close with this code is a normal end of the connection rather
            /// than a failure (for the standard codes: 1000, 1001, and 1005, which
            /// stands for a Close frame without a status).
            #[inline]
            #[must_use]
            pub const fn is_normal_closure(self) -> ::core::primitive::bool {
                match self { #( #ident::#variants => #normal, )* }
            }

            /// A Close frame to send with this code and `reason`.
            ///
            /// # Errors
            ///
            /// A `BuildFrameError` when the code may not be sent on the wire, when the
            /// registry keeps it local (`sendable = false`), or when `reason` is longer
            /// than 123 bytes.
            pub const fn close_frame<'a>(
                self,
                #l_reason: &'a ::core::primitive::str,
            ) -> ::core::result::Result<#krate::CloseFrame<'a>, #krate::BuildFrameError> {
                #frame_body
            }
        }

        /// Writes the code and its title, e.g. `1001 Going Away`, honouring width,
        /// fill, alignment and precision as for a string.
        impl ::core::fmt::Display for #ident {
            fn fmt(&self, #l_formatter: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                #display_body
            }
        }

        /// Parses a registry name (`going_away`), a number the registry names (`1001`), or
        /// what `Display` writes (`1001 Going Away`), so that `x.to_string().parse() == Ok(x)`.
        impl ::core::str::FromStr for #ident {
            type Err = #krate::ParseReasonError;

            fn from_str(#l_text: &::core::primitive::str) -> ::core::result::Result<Self, #krate::ParseReasonError> {
                let #l_named = match #l_text {
                    #( #names | #labels => ::core::option::Option::Some(#ident::#variants), )*
                    _ => match #krate::__private::decimal_number(#l_text) {
                        ::core::option::Option::Some(#l_number) => {
                            <#ident as ::core::convert::TryFrom<::core::primitive::u16>>::try_from(#l_number).ok()
                        }
                        ::core::option::Option::None => ::core::option::Option::None,
                    },
                };
                #l_named.ok_or(#krate::__private::parse_reason_error())
            }
        }

        impl ::core::convert::TryFrom<::core::primitive::u16> for #ident {
            type Error = #krate::UnknownCode;

            #[inline]
            fn try_from(#l_number: ::core::primitive::u16) -> ::core::result::Result<Self, #krate::UnknownCode> {
                // A function of its own, not a block: inlined as one, the tables' choice
                // stays a conditional move; as a block, the compiler threads the match
                // below into it and a caller's `match` on the result gets a branch.
                #[inline]
                const fn find(#l_number: ::core::primitive::u16) -> ::core::option::Option<#ident> {
                    #lookup
                }
                match find(#l_number) {
                    ::core::option::Option::Some(#l_reason) => ::core::result::Result::Ok(#l_reason),
                    ::core::option::Option::None => {
                        ::core::result::Result::Err(#krate::__private::unknown_code(#l_number))
                    }
                }
            }
        }

        impl ::core::convert::TryFrom<#krate::CloseCode> for #ident {
            type Error = #krate::UnknownCode;

            #[inline]
            fn try_from(#l_code: #krate::CloseCode) -> ::core::result::Result<Self, #krate::UnknownCode> {
                <#ident as ::core::convert::TryFrom<::core::primitive::u16>>::try_from(#l_code.get())
            }
        }

        impl ::core::convert::From<#ident> for ::core::primitive::u16 {
            #[inline]
            fn from(#l_reason: #ident) -> ::core::primitive::u16 {
                #into_number
            }
        }

        impl ::core::convert::From<#ident> for #krate::CloseCode {
            #[inline]
            fn from(#l_reason: #ident) -> #krate::CloseCode {
                #l_reason.code()
            }
        }

        /// Numeric: a variant equals the `CloseCode` of its number.
        impl ::core::cmp::PartialEq<#krate::CloseCode> for #ident {
            #[inline]
            fn eq(&self, #l_code: &#krate::CloseCode) -> ::core::primitive::bool {
                self.code() == *#l_code
            }
        }

        /// Numeric: a `CloseCode` equals the variant of its number.
        impl ::core::cmp::PartialEq<#ident> for #krate::CloseCode {
            #[inline]
            fn eq(&self, #l_reason: &#ident) -> ::core::primitive::bool {
                *self == #l_reason.code()
            }
        }

        #classify

        #reconnect

        #fields

        #krate::__private::serde_for_reasons!(#ident, #expected);
    };
    // The user's attributes are theirs, outside `hygienic`.
    quote!(#(#attrs)* #generated)
}

/// The reconnect policy of each reason (`reconnect`), the advice in words
/// (`reconnect_advice`), and for an application's enum `reconnect_for`, which answers
/// for any code: its own policy for the codes it names, the standard registry's else.
fn reconnect_items(
    model: &Model,
    ident: &Ident,
    krate: &TokenStream,
    application: bool,
) -> TokenStream {
    let (l_code, l_reason) = (local("code"), local("reason"));
    let variants = reason_variants(model);
    let policies = column(&model.reasons, &|reason| {
        // A reason without a policy (an application's) takes its range's, from the
        // standard registry.
        let value = reason.value;
        reconnect_tokens(reason.reconnect, krate)
            .unwrap_or_else(|| quote!(#krate::__private::range_reconnect(#value)))
    });
    let advice = column(&model.reasons, &|reason| {
        option_str(reason.reconnect_advice.as_deref())
    });
    let reconnect_for = application.then(|| {
        quote! {
            /// What a client does after `code`: this registry's policy for the codes it
            /// names, the standard registry's for any other (by its reason or range).
            #[inline]
            #[must_use]
            pub const fn reconnect_for(#l_code: #krate::CloseCode) -> #krate::Reconnect {
                match #ident::from_code(#l_code) {
                    ::core::option::Option::Some(#l_reason) => #l_reason.reconnect(),
                    ::core::option::Option::None => #l_code.reconnect(),
                }
            }
        }
    });
    quote! {
        impl #ident {
            /// What a client does after this code, by the registry's `reconnect`
            /// policy (a reason without one takes its range's, from the standard
            /// registry).
            #[inline]
            #[must_use]
            pub const fn reconnect(self) -> #krate::Reconnect {
                match self { #( #ident::#variants => #policies, )* }
            }

            /// What the registry advises a client about reconnecting after this code,
            /// in words, if it advises anything (Markdown).
            #[must_use]
            pub const fn reconnect_advice(self) -> ::core::option::Option<&'static ::core::primitive::str> {
                match self { #( #ident::#variants => #advice, )* }
            }

            #reconnect_for
        }
    }
}

/// One `const fn` accessor per field an application's registry declares, and for a
/// field of words its enum (`ChatCloseCodeLogLevel` for `log_level` of `ChatCloseCode`).
/// Nothing at all for a registry without fields.
fn field_items(model: &Model, shell: &Shell) -> TokenStream {
    if model.fields.is_empty() {
        return TokenStream::new();
    }
    let Shell { vis, ident, .. } = shell;
    let variants = reason_variants(model);
    let derives = derives();
    let mut enums = Vec::new();
    let mut accessors = Vec::new();
    for (index, field) in model.fields.iter().enumerate() {
        let accessor = ident_of(&field.name);
        let doc = &field.doc;
        let (kind, values): (TokenStream, Vec<TokenStream>) = match &field.kind {
            FieldKind::Words(words) => {
                let name = format_ident!(
                    "{}{}",
                    ident,
                    close_reasons_registry::validate::variant_name(&field.name)
                );
                let mut word_variants = Vec::new();
                let mut word_docs = Vec::new();
                for word in words {
                    word_variants.push(ident_of(&close_reasons_registry::validate::variant_name(
                        word,
                    )));
                    word_docs.push(format!("`{word}`"));
                }
                let enum_doc = format!("The values of [`{ident}::{}`]: {doc}", field.name);
                enums.push(quote! {
                    #[doc = #enum_doc]
                    #derives
                    #vis enum #name {
                        #( #[doc = #word_docs] #word_variants, )*
                    }

                    impl #name {
                        /// The word, as the registry writes it.
                        #[must_use]
                        pub const fn name(self) -> &'static ::core::primitive::str {
                            match self { #( #name::#word_variants => #words, )* }
                        }
                    }
                });
                let values = column(&model.reasons, &|reason| match &reason.fields[index] {
                    FieldValueSpec::Word(word) => {
                        let variant =
                            ident_of(&close_reasons_registry::validate::variant_name(word));
                        quote!(#name::#variant)
                    }
                    _ => quote!(::core::compile_error!("a word field holds a word")),
                });
                (quote!(#name), values)
            }
            other => {
                let kind = match other {
                    FieldKind::Bool => quote!(::core::primitive::bool),
                    FieldKind::Integer => quote!(::core::primitive::i64),
                    _ => quote!(&'static ::core::primitive::str),
                };
                let values = column(&model.reasons, &|reason| match &reason.fields[index] {
                    FieldValueSpec::Bool(flag) => quote!(#flag),
                    FieldValueSpec::Integer(number) => quote!(#number),
                    FieldValueSpec::String(text) => quote!(#text),
                    _ => quote!(::core::compile_error!("a field of this kind holds no word")),
                });
                (kind, values)
            }
        };
        accessors.push(quote! {
            #[doc = #doc]
            #[inline]
            #[must_use]
            pub const fn #accessor(self) -> #kind {
                match self { #( #ident::#variants => #values, )* }
            }
        });
    }
    quote! {
        #(#enums)*

        impl #ident {
            #(#accessors)*
        }
    }
}

/// The reasons by ascending code, which the stand-in for a broken registry does not
/// keep to.
fn by_value(reasons: &[ReasonSpec]) -> Vec<&ReasonSpec> {
    let mut sorted: Vec<&ReasonSpec> = reasons.iter().collect();
    sorted.sort_by_key(|reason| reason.value);
    sorted
}

/// A policy as a constant `Reconnect`; `None` when the registry states none.
fn reconnect_tokens(policy: Option<ReconnectPolicy>, krate: &TokenStream) -> Option<TokenStream> {
    Some(match policy? {
        ReconnectPolicy::Never => quote!(#krate::Reconnect::Never),
        ReconnectPolicy::Immediately => quote!(#krate::Reconnect::Immediately),
        ReconnectPolicy::Backoff => quote!(#krate::Reconnect::Backoff),
        ReconnectPolicy::AfterDelay { min_ms, max_ms } => {
            let (min, max) = (u64::from(min_ms), u64::from(max_ms));
            // The registry checked that `min <= max`; the arm that says otherwise is
            // never taken, and would fail the build where it is evaluated.
            quote!(#krate::Reconnect::AfterDelay(
                match #krate::DelayWindow::from_millis(#min, #max) {
                    ::core::option::Option::Some(window) => window,
                    ::core::option::Option::None => ::core::panic!("an empty delay window"),
                }
            ))
        }
        // The registry crate is pinned exactly; a policy it adds comes with its tokens.
        _ => quote!(::core::compile_error!(
            "close-reasons-macros does not know this reconnect policy"
        )),
    })
}

/// What a `Deserialize` error says the enum accepts: `a close code named by
/// GameCloseCode (3042, 4100-4101 or 4150)`, its numbers as runs.
fn expected_numbers(reasons: &[ReasonSpec], ident: &Ident) -> String {
    let mut values = Vec::with_capacity(reasons.len());
    for reason in by_value(reasons) {
        values.push(reason.value);
    }
    let mut runs: Vec<String> = membership::runs(values)
        .iter()
        .map(|&(start, end)| match end - start {
            0 => start.to_string(),
            1 => format!("{start}, {end}"),
            _ => format!("{start}-{end}"),
        })
        .collect();
    match runs.pop() {
        None => format!("a close code named by {ident} (it names none)"),
        Some(last) if runs.is_empty() => format!("a close code named by {ident} ({last})"),
        Some(last) => format!(
            "a close code named by {ident} ({} or {last})",
            runs.join(", ")
        ),
    }
}

/// The range enum: one variant per `[[range]]`, with its API.
pub fn range_enum(model: &Model, shell: &Shell, krate: &TokenStream) -> TokenStream {
    let Shell { attrs, vis, ident } = shell;
    let (l_number, l_code, l_formatter) = (local("number"), local("code"), local("formatter"));
    let ranges = &model.ranges;
    let variants = column(ranges, &|range| {
        ident_of(&range.variant).into_token_stream()
    });
    let docs = column(ranges, &|range| range_doc(range).into_token_stream());
    let names = column(ranges, &|range| range.name.to_token_stream());
    let titles = column(ranges, &|range| range.title.to_token_stream());
    let descriptions = column(ranges, &|range| range.doc.to_token_stream());
    let starts = column(ranges, &|range| range.start.to_token_stream());
    let ends = column(ranges, &|range| range.end.to_token_stream());
    let widths = column(ranges, &|range| (range.end - range.start).to_token_stream());
    let sendable = column(ranges, &|range| range.sendable.to_token_stream());
    let policies = column(ranges, &|range| {
        reconnect_tokens(range.reconnect, krate).unwrap_or_else(|| quote!(#krate::Reconnect::Never))
    });
    let labels = column(ranges, &|range| {
        format!("{} ({}-{})", range.title, range.start, range.end).into_token_stream()
    });
    let derives = derives();
    let display_body = display_body(&variants, &labels, ident);

    let generated = quote! {
        #derives
        #vis enum #ident {
            #( #[doc = #docs] #variants, )*
        }

        impl #ident {
            /// Every range, in ascending order.
            pub const ALL: &'static [#ident] = &[#(#ident::#variants),*];

            /// The range that contains the number, if any (0 lies in a range too,
            /// although it is not a close code).
            #[inline]
            #[must_use]
            pub const fn of(#l_number: ::core::primitive::u16) -> ::core::option::Option<#ident> {
                match #l_number {
                    #( #starts..=#ends => ::core::option::Option::Some(#ident::#variants), )*
                    _ => ::core::option::Option::None,
                }
            }

            /// The range that contains the code (what `CloseCode::range` answers), spelled as
            /// the reason enums' `from_code`; [`of`](Self::of) takes
            /// a number, since 0 lies in a range too.
            #[inline]
            #[must_use]
            pub const fn from_code(#l_code: #krate::CloseCode) -> ::core::option::Option<#ident> {
                #ident::of(#l_code.get())
            }

            /// The name in the registry, in snake_case.
            #[must_use]
            pub const fn name(self) -> &'static ::core::primitive::str {
                match self { #( #ident::#variants => #names, )* }
            }

            /// The short title, e.g. `Private Use`.
            #[must_use]
            pub const fn title(self) -> &'static ::core::primitive::str {
                match self { #( #ident::#variants => #titles, )* }
            }

            /// What the range is for and how its codes may be used (Markdown).
            #[must_use]
            pub const fn description(self) -> &'static ::core::primitive::str {
                match self { #( #ident::#variants => #descriptions, )* }
            }

            /// The numbers of the range, both bounds included.
            #[must_use]
            pub const fn codes(self) -> ::core::ops::RangeInclusive<::core::primitive::u16> {
                match self { #( #ident::#variants => #starts..=#ends, )* }
            }

            /// Whether `code` lies in the range.
            #[inline]
            #[must_use]
            pub const fn contains(self, #l_code: #krate::CloseCode) -> ::core::primitive::bool {
                // One subtraction and one comparison per range, without a branch.
                match self { #( #ident::#variants => #l_code.get().wrapping_sub(#starts) <= #widths, )* }
            }

            /// Whether the codes of the range that the registry does not name may be
            /// sent. A named code decides for itself: `Protocol` answers `false`,
            /// although 1000 in it may be sent.
            #[must_use]
            pub const fn unnamed_codes_sendable(self) -> ::core::primitive::bool {
                match self { #( #ident::#variants => #sendable, )* }
            }

            /// What a client does after a code of the range that the registry does not
            /// name (a named code has its own policy).
            #[must_use]
            pub const fn reconnect(self) -> #krate::Reconnect {
                match self { #( #ident::#variants => #policies, )* }
            }
        }

        /// Writes the title and the bounds, e.g. `Private Use (4000-4999)`, honouring
        /// width, fill, alignment and precision as for a string.
        impl ::core::fmt::Display for #ident {
            fn fmt(&self, #l_formatter: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                #display_body
            }
        }
    };
    quote!(#(#attrs)* #generated)
}

/// Codes at most this far apart share a lookup window (the entries between them are
/// `None`): a registry's codes come in runs (1000–1015; 3000, 3003, 3008; an
/// application's 4000–4099), which should each be one table, found without a branch.
const WINDOW_GAP: u16 = 16;
/// Tables for up to this many windows; past that, a `match` (which the compiler turns
/// into a jump table or a search) costs less than trying the windows one by one.
const MAX_WINDOWS: usize = 4;
/// At most this many keys (one per code of every window, plus one for "none"). A
/// registry of more codes (a large application's) gets the `match` on the number, which
/// the compiler turns into a range test when the codes are consecutive, as they are in
/// such registries.
const MAX_KEYS: usize = 512;

/// The expression, of type `Option<Self>`, that finds the variant of the `u16` variable
/// `number`. Codes cluster (1000–1015 and 3000–3008 for the standard registry), and each
/// cluster, or window, gets its own run of keys: the key is `offset + base` for the window
/// that holds the number (a subtraction, a comparison and a conditional move per window,
/// summed, since at most one window holds it) and 0 for none. A `match` of the key, masked
/// to a power of two and covering every value of the mask, becomes a table the compiler
/// indexes without a range check, so the lookup has no branch to mispredict; and since it
/// is a `match` of constants, not a load the compiler cannot see through, a caller's own
/// `match` on the result folds into it. Registries whose codes do not cluster get a
/// `match` on the number.
fn lookup(reasons: &[ReasonSpec], ident: &Ident) -> TokenStream {
    let [l_number, l_key] = ["number", "key"].map(local);
    let mut windows: Vec<Vec<&ReasonSpec>> = Vec::new();
    for reason in by_value(reasons) {
        match windows.last_mut() {
            Some(window) if reason.value - window[window.len() - 1].value <= WINDOW_GAP => {
                window.push(reason);
            }
            _ => windows.push(vec![reason]),
        }
    }
    let keys: usize = 1 + windows
        .iter()
        .map(|window| usize::from(window[window.len() - 1].value - window[0].value) + 1)
        .sum::<usize>();
    if windows.is_empty() || windows.len() > MAX_WINDOWS || keys > MAX_KEYS {
        let values = reasons.iter().map(|reason| reason.value);
        let variants = reasons.iter().map(|reason| ident_of(&reason.variant));
        return quote! {
            match #l_number {
                #( #values => ::core::option::Option::Some(#ident::#variants), )*
                _ => ::core::option::Option::None,
            }
        };
    }
    let size = keys.next_power_of_two();
    let mut arms = vec![quote!(::core::option::Option::None); size];
    let mut terms = Vec::new();
    let mut base: u16 = 1;
    for window in &windows {
        let start = window[0].value;
        let len = window[window.len() - 1].value - start + 1;
        for reason in window {
            let variant = ident_of(&reason.variant);
            arms[usize::from(base + (reason.value - start))] =
                quote!(::core::option::Option::Some(#ident::#variant));
        }
        terms.push(quote! {
            (if #l_number.wrapping_sub(#start) < #len {
                #l_number.wrapping_sub(#start) + #base
            } else {
                0
            })
        });
        base += len;
    }
    // Below MAX_KEYS, so the mask and every key fit a u16.
    let mask = u16::try_from(size - 1).unwrap_or(u16::MAX);
    let keys = (0..size).map(|key| u16::try_from(key).unwrap_or(u16::MAX));
    quote!({
        let #l_key = (#(#terms)+*) & #mask;
        match #l_key {
            #( #keys => #arms, )*
            _ => ::core::option::Option::None,
        }
    })
}

/// `formatter.pad` of each variant's label; for the stand-in without variants, only the
/// empty match (a diverging argument would be an `unreachable_code` warning).
fn display_body(variants: &[TokenStream], labels: &[TokenStream], ident: &Ident) -> TokenStream {
    if variants.is_empty() {
        return quote!(match *self {});
    }
    let l_formatter = local("formatter");
    quote!(#l_formatter.pad(match *self { #( #ident::#variants => #labels, )* }))
}

/// `impl CloseCode` with a constant per reason and a predicate per range.
pub fn close_code_items(
    model: &Model,
    code: &Ident,
    reasons: &Ident,
    ranges: &Ident,
) -> TokenStream {
    let constants = column(&model.reasons, &|reason| {
        format_ident!("{}", reason.name.to_ascii_uppercase()).into_token_stream()
    });
    let reason_variants = reason_variants(model);
    let constant_docs = column(&model.reasons, &|reason| {
        let doc = format!(
            "`{} {}`: see [`{reasons}::{}`].",
            reason.value, reason.title, reason.variant
        );
        doc.into_token_stream()
    });
    let constant_aliases = column(&model.reasons, &alias_attributes);
    let predicates = column(&model.ranges, &|range| {
        format_ident!("is_{}", range.name).into_token_stream()
    });
    let predicate_docs = column(&model.ranges, &|range| {
        let doc = format!(
            "Whether the code lies in {}–{}, [`{ranges}::{}`].",
            range.start, range.end, range.variant
        );
        doc.into_token_stream()
    });
    let starts = column(&model.ranges, &|range| range.start.to_token_stream());
    let widths = column(&model.ranges, &|range| {
        (range.end - range.start).to_token_stream()
    });
    quote! {
        impl #code {
            #(
                #[doc = #constant_docs]
                #constant_aliases
                pub const #constants: #code = #reasons::#reason_variants.code();
            )*

            #(
                #[doc = #predicate_docs]
                #[inline]
                #[must_use]
                pub const fn #predicates(self) -> ::core::primitive::bool {
                    // One subtraction and one comparison, without a branch.
                    self.get().wrapping_sub(#starts) <= #widths
                }
            )*
        }
    }
}

/// Which set of codes a generated check tests membership of.
#[derive(Debug, Clone, Copy)]
pub enum CodeSet {
    /// What may appear in a Close frame.
    Sendable,
    /// What a web page may pass to `WebSocket.close()`.
    BrowserSendable,
}

/// A branch-free membership test of the `u16` variable `code`, in the shape that
/// [`MembershipTest::for_runs`] chose for the set: range tests, or a 512-byte bitmap
/// window indexed by a clamped offset.
pub fn set_check(model: &Model, set: CodeSet, code: &Ident) -> TokenStream {
    let runs = match set {
        CodeSet::Sendable => model.sendable_runs(),
        CodeSet::BrowserSendable => model.browser_sendable_runs(),
    };
    match MembershipTest::for_runs(&runs) {
        MembershipTest::Window { start, words } => {
            let start = u32::from(start);
            let last = WINDOW_BITS - 1;
            // In hex, so that expanded code shows the runs of the bitmap.
            let words = words.iter().map(|word| {
                let hex = format!("{word:016x}");
                let groups: Vec<&str> =
                    (0..4).map(|group| &hex[group * 4..group * 4 + 4]).collect();
                // A literal this function writes; were it ever not one, the build fails
                // on the message rather than on a panic.
                format!("0x{}_u64", groups.join("_"))
                    .parse::<proc_macro2::Literal>()
                    .map_or_else(
                        |_| quote!(::core::compile_error!("bad bitmap word")),
                        |literal| quote!(#literal),
                    )
            });
            let offset = local("offset");
            quote!({
                const MEMBERSHIP_WINDOW: [u64; 64] = [#(#words),*];
                let #offset = (#code as u32).wrapping_sub(#start);
                let #offset = if #offset > #last { #last } else { #offset };
                MEMBERSHIP_WINDOW[(#offset >> 6) as usize] >> (#offset & 63) & 1 == 1
            })
        }
        // `Runs`, and any shape a later registry crate adds before this generator knows
        // it: range tests over the runs, which are always right.
        _ if runs.is_empty() => quote!({
            let _ = #code;
            false
        }),
        _ => {
            let tests = runs.iter().map(|&(start, end)| {
                let width = end - start;
                quote!((#code.wrapping_sub(#start) <= #width))
            });
            quote!(#(#tests)|*)
        }
    }
}

/// A parameter or local variable of the generated code, as `__name`, spanned at the
/// macro's own site. A constant of the user's module resolves wherever the expansion
/// lands, even in a pattern under `Span::mixed_site()` (a `const number: u16` would turn
/// the parameter `number` into a refutable pattern, E0005), so the names are ones no
/// user item takes, as serde's generated locals are; the mixed-site span keeps tokens
/// the user passes in from meeting them.
fn local(name: &str) -> Ident {
    Ident::new(&format!("__{name}"), Span::mixed_site())
}

/// One cell per reason or range: the tokens `cell` makes of each. Through a `dyn`
/// closure, so that every column of the expansion shares one compiled loop instead of
/// an iterator adapter of its own: this crate is built by every user, and its build time
/// is theirs.
fn column<T>(items: &[T], cell: &dyn Fn(&T) -> TokenStream) -> Vec<TokenStream> {
    let mut cells = Vec::with_capacity(items.len());
    for item in items {
        cells.push(cell(item));
    }
    cells
}

/// The reason enum's variant names, in registry order.
fn reason_variants(model: &Model) -> Vec<TokenStream> {
    column(&model.reasons, &|reason| {
        ident_of(&reason.variant).into_token_stream()
    })
}

/// `#[doc(alias = "…")]` for each name other stacks give the code.
fn alias_attributes(reason: &ReasonSpec) -> TokenStream {
    let aliases = &reason.aliases;
    quote!(#( #[doc(alias = #aliases)] )*)
}

fn ident_of(name: &str) -> Ident {
    Ident::new(name, Span::call_site())
}

fn option_str(text: Option<&str>) -> TokenStream {
    match text {
        Some(text) => quote!(::core::option::Option::Some(#text)),
        None => quote!(::core::option::Option::None),
    }
}

fn reason_doc(reason: &ReasonSpec) -> String {
    let sendable = if reason.sendable {
        "may be sent in a Close frame"
    } else {
        "local only: never sent in a Close frame"
    };
    let mut doc = format!(
        "**{} {}** ({sendable})\n\n{}",
        reason.value, reason.title, reason.doc
    );
    if let Some(advice) = &reason.reconnect_advice {
        doc += &format!("\n\nReconnecting: {advice}");
    }
    doc += &format!(
        "\n\nDefined by {}; registry name `{}`.",
        reference_markdown(&reason.reference, reason.link.as_deref()),
        reason.name,
    );
    doc
}

fn range_doc(range: &RangeSpec) -> String {
    let sendable = if range.sendable {
        "codes not named in the registry may be sent"
    } else {
        "codes not named in the registry may not be sent"
    };
    let mut doc = format!(
        "**{}–{} {}** ({sendable})\n\n{}",
        range.start, range.end, range.title, range.doc
    );
    if let Some(reference) = &range.reference {
        doc += &format!(
            "\n\nDefined by {}.",
            reference_markdown(reference, range.link.as_deref())
        );
    }
    doc
}

/// The registry as Markdown tables whose names link to the generated items.
pub fn markdown_table(model: &Model, reasons: &Ident, ranges: &Ident) -> String {
    let ranges_table = table::ranges_table(
        "Range",
        model.ranges.iter().map(|range| RangeRow {
            start: range.start,
            end: range.end,
            label: format!("[`{}`]({ranges}::{})", range.variant, range.variant),
            title: &range.title,
            unnamed_codes_sendable: range.sendable,
        }),
    );
    format!("\n\n{}\n{ranges_table}", reasons_table(model, reasons))
}

/// One row per reason, linking each variant.
fn reasons_table(model: &Model, reasons: &Ident) -> String {
    table::reasons_table(
        "Variant",
        model.reasons.iter().map(|reason| ReasonRow {
            value: reason.value,
            label: format!("[`{}`]({reasons}::{})", reason.variant, reason.variant),
            title: &reason.title,
            sendable: reason.sendable,
            reference: &reason.reference,
            link: reason.link.as_deref(),
        }),
    )
}
