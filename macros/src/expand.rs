//! Turns a checked [`Model`] into Rust: the reason enum and its API, and for the core
//! crate the range enum and the range helpers of `CloseCode`.

use proc_macro2::{Ident, Span, TokenStream};
use quote::{format_ident, quote};
use syn::{Attribute, Path, Visibility};

use crate::validate::{Model, RangeSpec, ReasonSpec};

/// The user's enum shell: what they wrote around `enum Name {}`.
pub struct Shell {
    pub attrs: Vec<Attribute>,
    pub vis: Visibility,
    pub ident: Ident,
}

/// How the expansion is wired into its surroundings.
pub struct Target<'a> {
    /// Path to the `close-reasons` crate (`::close_reasons` unless renamed).
    pub krate: &'a Path,
    /// For the core crate only: the name of the range enum to generate next to the
    /// reason enum, together with the range helpers of `CloseCode`.
    pub ranges: Option<&'a Ident>,
}

pub fn expand(model: &Model, shell: &Shell, target: &Target<'_>) -> TokenStream {
    let reasons = reason_enum(model, shell, target.krate);
    let ranges = target
        .ranges
        .map(|ranges| range_enum(model, ranges, &shell.ident, target.krate));
    quote! {
        #reasons
        #ranges
    }
}

fn reason_enum(model: &Model, shell: &Shell, krate: &Path) -> TokenStream {
    let Shell { attrs, vis, ident } = shell;
    let reasons = &model.reasons;
    let variants: Vec<Ident> = reasons
        .iter()
        .map(|reason| ident_of(&reason.variant))
        .collect();
    let values: Vec<u16> = reasons.iter().map(|reason| reason.value).collect();
    let docs = reasons.iter().map(reason_doc);
    let names = reasons.iter().map(|reason| &reason.name);
    let names_again = names.clone();
    let titles = reasons.iter().map(|reason| &reason.title);
    let descriptions = reasons.iter().map(|reason| &reason.doc);
    let references = reasons.iter().map(|reason| &reason.reference);
    let links = reasons
        .iter()
        .map(|reason| option_str(reason.link.as_deref()));
    let sendable = reasons.iter().map(|reason| reason.sendable);
    let normal = reasons.iter().map(|reason| reason.normal_closure);
    let reconnect = reasons
        .iter()
        .map(|reason| option_str(reason.reconnect.as_deref()));
    let labels = reasons
        .iter()
        .map(|reason| format!("{} {}", reason.value, reason.title));

    // An enum without variants cannot be `repr(u16)` or cast; that only happens for
    // the stand-in emitted when the registry has errors.
    let (repr, code_body, close_code_body) = if reasons.is_empty() {
        (quote!(), quote!(match self {}), quote!(match self {}))
    } else {
        // The registry has no code 0, so the fallback arm is never taken; it keeps the
        // conversion free of panics and of one constant per variant.
        let close_code = quote! {
            match ::core::num::NonZeroU16::new(self as u16) {
                ::core::option::Option::Some(code) => #krate::CloseCode::from_nonzero(code),
                ::core::option::Option::None => #krate::CloseCode::from_nonzero(::core::num::NonZeroU16::MAX),
            }
        };
        (quote!(#[repr(u16)]), quote!(self as u16), close_code)
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

    quote! {
        #(#attrs)*
        #table
        #[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
        #repr
        #vis enum #ident {
            #( #[doc = #docs] #variants = #values, )*
        }

        impl #ident {
            /// Every variant, in registry order (ascending code).
            pub const ALL: &'static [#ident] = &[#(#ident::#variants),*];

            /// The numeric close code.
            #[inline]
            #[must_use]
            pub const fn code(self) -> u16 {
                #code_body
            }

            /// The variant for `code`, or `None` if the registry does not name it.
            #[inline]
            #[must_use]
            pub const fn from_code(code: u16) -> ::core::option::Option<#ident> {
                match code {
                    #( #values => ::core::option::Option::Some(#ident::#variants), )*
                    _ => ::core::option::Option::None,
                }
            }

            /// The name in the registry, in snake_case (what `FromStr` accepts).
            #[must_use]
            pub const fn name(self) -> &'static str {
                match self { #( #ident::#variants => #names, )* }
            }

            /// The short title from the registry (for the standard codes, the IANA registry's name).
            #[must_use]
            pub const fn title(self) -> &'static str {
                match self { #( #ident::#variants => #titles, )* }
            }

            /// What the code means and when to use it (Markdown).
            #[must_use]
            pub const fn description(self) -> &'static str {
                match self { #( #ident::#variants => #descriptions, )* }
            }

            /// The specification that defines the code.
            #[must_use]
            pub const fn reference(self) -> &'static str {
                match self { #( #ident::#variants => #references, )* }
            }

            /// A web address for [`reference`](Self::reference), when the registry has one.
            #[must_use]
            pub const fn link(self) -> ::core::option::Option<&'static str> {
                match self { #( #ident::#variants => #links, )* }
            }

            /// Whether the registry says the code may be sent in a Close frame. Codes that only report
            /// a local condition (such as 1005 and 1006) may not.
            #[inline]
            #[must_use]
            pub const fn is_sendable(self) -> bool {
                match self { #( #ident::#variants => #sendable, )* }
            }

            /// Whether a close with this code is a normal end of the connection rather
            /// than a failure (for the standard codes: 1000, 1001, and 1005, which
            /// stands for a Close frame without a status).
            #[inline]
            #[must_use]
            pub const fn is_normal_closure(self) -> bool {
                match self { #( #ident::#variants => #normal, )* }
            }

            /// What the registry advises a client about reconnecting after this code,
            /// if it advises anything (Markdown).
            #[must_use]
            pub const fn reconnect(self) -> ::core::option::Option<&'static str> {
                match self { #( #ident::#variants => #reconnect, )* }
            }

            /// The code as a `CloseCode`.
            #[inline]
            #[must_use]
            pub const fn close_code(self) -> #krate::CloseCode {
                #close_code_body
            }

            const fn __close_reasons_label(self) -> &'static str {
                match self { #( #ident::#variants => #labels, )* }
            }
        }

        /// Writes the code and its title, e.g. `1001 Going Away`.
        impl ::core::fmt::Display for #ident {
            fn fmt(&self, formatter: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                formatter.pad(self.__close_reasons_label())
            }
        }

        /// Parses a registry name such as `going_away`.
        impl ::core::str::FromStr for #ident {
            type Err = #krate::ParseReasonError;

            fn from_str(name: &str) -> ::core::result::Result<Self, #krate::ParseReasonError> {
                match name {
                    #( #names_again => ::core::result::Result::Ok(#ident::#variants), )*
                    _ => ::core::result::Result::Err(#krate::ParseReasonError::new()),
                }
            }
        }

        impl ::core::convert::TryFrom<u16> for #ident {
            type Error = #krate::UnknownCode;

            #[inline]
            fn try_from(code: u16) -> ::core::result::Result<Self, #krate::UnknownCode> {
                match #ident::from_code(code) {
                    ::core::option::Option::Some(reason) => ::core::result::Result::Ok(reason),
                    ::core::option::Option::None => {
                        ::core::result::Result::Err(#krate::UnknownCode::new(code))
                    }
                }
            }
        }

        impl ::core::convert::TryFrom<#krate::CloseCode> for #ident {
            type Error = #krate::UnknownCode;

            #[inline]
            fn try_from(code: #krate::CloseCode) -> ::core::result::Result<Self, #krate::UnknownCode> {
                <#ident as ::core::convert::TryFrom<u16>>::try_from(code.get())
            }
        }

        impl ::core::convert::From<#ident> for u16 {
            #[inline]
            fn from(reason: #ident) -> u16 {
                reason.code()
            }
        }

        impl ::core::convert::From<#ident> for #krate::CloseCode {
            #[inline]
            fn from(reason: #ident) -> #krate::CloseCode {
                reason.close_code()
            }
        }
    }
}

fn range_enum(model: &Model, ident: &Ident, reason_ident: &Ident, krate: &Path) -> TokenStream {
    let ranges = &model.ranges;
    let variants: Vec<Ident> = ranges
        .iter()
        .map(|range| ident_of(&range.variant))
        .collect();
    let docs = ranges.iter().map(range_doc);
    let names = ranges.iter().map(|range| &range.name);
    let titles = ranges.iter().map(|range| &range.title);
    let descriptions = ranges.iter().map(|range| &range.doc);
    let starts: Vec<u16> = ranges.iter().map(|range| range.start).collect();
    let ends: Vec<u16> = ranges.iter().map(|range| range.end).collect();
    let sendable = ranges.iter().map(|range| range.sendable);
    let labels = ranges
        .iter()
        .map(|range| format!("{} ({}-{})", range.title, range.start, range.end));
    let constants = ranges
        .iter()
        .map(|range| format_ident!("{}", range.name.to_ascii_uppercase()));
    let predicates = ranges
        .iter()
        .map(|range| format_ident!("is_{}", range.name));
    let constant_docs = ranges.iter().map(|range| {
        format!(
            "The codes {}–{}: {}. See [`{ident}::{}`].",
            range.start, range.end, range.title, range.variant
        )
    });
    let predicate_docs = ranges.iter().map(|range| {
        format!(
            "Whether the code lies in {}–{} ({}).",
            range.start, range.end, range.title
        )
    });
    let widths = ranges.iter().map(|range| range.end - range.start);

    let reason_constants = model
        .reasons
        .iter()
        .map(|reason| format_ident!("{}", reason.name.to_ascii_uppercase()));
    let reason_variants = model.reasons.iter().map(|reason| ident_of(&reason.variant));
    let reason_constant_docs = model.reasons.iter().map(|reason| {
        format!(
            "`{} {}`: see [`{reason_ident}::{}`].",
            reason.value, reason.title, reason.variant
        )
    });

    let sendable_check = sendable_check(model);
    let match_body = if ranges.is_empty() {
        quote!(match self {})
    } else {
        quote!(match self { #( #ident::#variants => #starts..=#ends, )* })
    };

    quote! {
        /// A block of close codes with a shared meaning (RFC 6455 §7.4.2), one variant
        /// per `[[range]]` of the registry.
        #[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
        #[non_exhaustive]
        pub enum #ident {
            #( #[doc = #docs] #variants, )*
        }

        impl #ident {
            /// Every range, in ascending order.
            pub const ALL: &'static [#ident] = &[#(#ident::#variants),*];

            /// The range that contains `code`, if any.
            #[inline]
            #[must_use]
            pub const fn of(code: u16) -> ::core::option::Option<#ident> {
                match code {
                    #( #starts..=#ends => ::core::option::Option::Some(#ident::#variants), )*
                    _ => ::core::option::Option::None,
                }
            }

            /// The name in the registry, in snake_case.
            #[must_use]
            pub const fn name(self) -> &'static str {
                match self { #( #ident::#variants => #names, )* }
            }

            /// The short title, e.g. `Private Use`.
            #[must_use]
            pub const fn title(self) -> &'static str {
                match self { #( #ident::#variants => #titles, )* }
            }

            /// What the range is for and how its codes may be used (Markdown).
            #[must_use]
            pub const fn description(self) -> &'static str {
                match self { #( #ident::#variants => #descriptions, )* }
            }

            /// The codes of the range.
            #[must_use]
            pub const fn codes(self) -> ::core::ops::RangeInclusive<u16> {
                #match_body
            }

            /// Whether the codes of the range that the registry does not name may be sent.
            #[must_use]
            pub const fn is_sendable(self) -> bool {
                match self { #( #ident::#variants => #sendable, )* }
            }

            const fn __close_reasons_label(self) -> &'static str {
                match self { #( #ident::#variants => #labels, )* }
            }
        }

        /// Writes the title and the bounds, e.g. `Private Use (4000-4999)`.
        impl ::core::fmt::Display for #ident {
            fn fmt(&self, formatter: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                formatter.pad(self.__close_reasons_label())
            }
        }

        impl #krate::CloseCode {
            #(
                #[doc = #reason_constant_docs]
                pub const #reason_constants: #krate::CloseCode = #reason_ident::#reason_variants.close_code();
            )*

            #(
                #[doc = #constant_docs]
                pub const #constants: ::core::ops::RangeInclusive<u16> = #starts..=#ends;
            )*

            #(
                #[doc = #predicate_docs]
                #[inline]
                #[must_use]
                pub const fn #predicates(self) -> bool {
                    // One subtraction and one comparison, without a branch.
                    self.get().wrapping_sub(#starts) <= #widths
                }
            )*

            /// The range of the registry that contains the code, if any.
            #[inline]
            #[must_use]
            pub const fn range(self) -> ::core::option::Option<#ident> {
                #ident::of(self.get())
            }

            /// Whether an endpoint may send this code in a Close frame, and must accept
            /// it when received (RFC 6455 §7.4 and the IANA registry). Any other code
            /// received in a Close frame fails the connection.
            ///
            /// Computed from the registry: a named reason decides for itself, other
            /// codes follow their range, and codes in no range are never valid.
            #[inline]
            #[must_use]
            pub const fn is_sendable(self) -> bool {
                let code = self.get();
                #sendable_check
            }
        }
    }
}

/// A branch-free membership test over the maximal runs of sendable codes.
fn sendable_check(model: &Model) -> TokenStream {
    let runs = model.sendable_runs();
    if runs.is_empty() {
        return quote!({
            let _ = code;
            false
        });
    }
    let tests = runs.iter().map(|&(start, end)| {
        let width = end - start;
        quote!((code.wrapping_sub(#start) <= #width))
    });
    quote!(#(#tests)|*)
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

fn reference_markdown(reference: &str, link: Option<&str>) -> String {
    match link {
        Some(link) => format!("[{reference}]({link})"),
        None => reference.to_owned(),
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
    if let Some(advice) = &reason.reconnect {
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
    let mut table = format!("\n\n{}", reasons_table(model, reasons));
    table += "\n| Codes | Range | Title | Unnamed codes sendable |\n|---|---|---|:---:|\n";
    for range in &model.ranges {
        table += &format!(
            "| {}–{} | [`{}`]({ranges}::{}) | {} | {} |\n",
            range.start,
            range.end,
            range.variant,
            range.variant,
            escape_cell(&range.title),
            yes_no(range.sendable),
        );
    }
    table
}

/// One row per reason, linking each variant.
fn reasons_table(model: &Model, reasons: &Ident) -> String {
    let mut table = String::from(
        "| Code | Variant | Title | Sendable | Reference |\n|---:|---|---|:---:|---|\n",
    );
    for reason in &model.reasons {
        table += &format!(
            "| {} | [`{}`]({reasons}::{}) | {} | {} | {} |\n",
            reason.value,
            reason.variant,
            reason.variant,
            escape_cell(&reason.title),
            yes_no(reason.sendable),
            escape_cell(&reference_markdown(
                &reason.reference,
                reason.link.as_deref()
            )),
        );
    }
    table
}

fn yes_no(flag: bool) -> &'static str {
    if flag { "yes" } else { "no" }
}

/// A title may contain `|`, which would end a Markdown table cell.
fn escape_cell(text: &str) -> String {
    text.replace('|', "\\|")
}
