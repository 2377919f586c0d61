//! Tests of the whole expansion: arguments, shell, file, diagnostics, output.

use std::path::{Path, PathBuf};

use proc_macro2::TokenStream;
use quote::quote;

use crate::expand::Shell;
use crate::{
    check, expand_close_code_items, expand_ranges, expand_registry, expand_set_check, expand_table,
};
use close_reasons_registry::Rules;

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn expand_with(args: TokenStream, item: TokenStream, dir: &Path) -> String {
    expand_registry(args, item, Some(dir), Rules::Application).to_string()
}

/// A directory holding one registry, `r.toml`, removed when dropped so that no test
/// leaves files in the system's temporary directory.
pub(crate) struct ScratchDir(PathBuf);

impl ScratchDir {
    pub(crate) fn with_registry(name: &str, contents: &[u8]) -> ScratchDir {
        let dir = std::env::temp_dir().join(format!(
            "close-reasons-macros-{}-{name}",
            std::process::id()
        ));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("r.toml"), contents).unwrap();
        ScratchDir(dir)
    }
}

impl std::ops::Deref for ScratchDir {
    type Target = Path;

    fn deref(&self) -> &Path {
        &self.0
    }
}

impl Drop for ScratchDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn scratch_registry(name: &str, contents: &str) -> ScratchDir {
    ScratchDir::with_registry(name, contents.as_bytes())
}

#[test]
fn expands_the_standard_registry() {
    let root = workspace_root();
    let reasons = expand_registry(
        quote!("close-reasons.toml", crate = "crate"),
        quote!(
            pub enum CloseReason {}
        ),
        Some(&root),
        Rules::Standard,
    )
    .to_string();
    assert!(!reasons.contains("compile_error"), "{reasons}");
    assert!(reasons.contains("GoingAway = 1001u16"));
    assert!(reasons.contains("\"1001 Going Away\""));
    assert!(reasons.contains("include_str !"));
    assert!(!reasons.contains("CloseRange"));

    let ranges = expand_ranges(
        quote!("close-reasons.toml", crate = "crate"),
        quote!(
            pub enum CloseRange {}
        ),
        Some(&root),
    )
    .to_string();
    assert!(ranges.contains("pub enum CloseRange"), "{ranges}");
    assert!(ranges.contains("Private"));
    assert!(ranges.contains("fn unnamed_codes_sendable"));

    let items = expand_close_code_items(
        quote!("close-reasons.toml", CloseCode, CloseReason, CloseRange),
        Some(&root),
    )
    .to_string();
    assert!(
        items.contains("pub const GOING_AWAY : CloseCode = CloseReason :: GoingAway . code ()"),
        "{items}"
    );
    assert!(items.contains("pub const fn is_private"));

    // The wire check: three runs of sendable codes, so a bitmap window from 1000 whose
    // bits are the data (1000-1003 and 1007-1014, then 3000-4999), nothing hand-written.
    let check = expand_set_check(
        quote!("close-reasons.toml", code),
        Some(&root),
        crate::expand::CodeSet::Sendable,
    )
    .to_string();
    assert!(
        check.starts_with(
            "{ const MEMBERSHIP_WINDOW : [u64 ; 64] = [0x0000_0000_0000_7f8f_u64 , 0x0000_0000_0000_0000_u64 ,"
        ),
        "{check}"
    );
    assert!(
        check.contains("0x0000_0000_ffff_ffff_u64 , 0x0000_0000_0000_0000_u64] ;"),
        "{check}"
    );
    assert!(
        check.ends_with(
            "let __offset = (code as u32) . wrapping_sub (1000u32) ; \
             let __offset = if __offset > 4095u32 { 4095u32 } else { __offset } ; \
             MEMBERSHIP_WINDOW [(__offset >> 6) as usize] >> (__offset & 63) & 1 == 1 }"
        ),
        "{check}"
    );
    // The browser's rule, from the same data: 1000, and 3000-4999.
    let browser = expand_set_check(
        quote!("close-reasons.toml", code),
        Some(&root),
        crate::expand::CodeSet::BrowserSendable,
    )
    .to_string();
    assert_eq!(
        browser,
        "(code . wrapping_sub (1000u16) <= 0u16) | (code . wrapping_sub (3000u16) <= 1999u16)"
    );
}

#[test]
fn lookups_use_tables_for_clustered_codes_and_a_match_otherwise() {
    let standard = expand_registry(
        quote!("close-reasons.toml", crate = "crate"),
        quote!(
            pub enum CloseReason {}
        ),
        Some(&workspace_root()),
        Rules::Standard,
    )
    .to_string();
    // 1000-1015 and 3000-3008: two windows, keys 1-16 and 17-25, 0 for neither, and a
    // `match` over all 32 values of the 5-bit mask.
    assert!(
        standard.contains(
            "let __key = ((if __number . wrapping_sub (1000u16) < 16u16 { __number . wrapping_sub (1000u16) + 1u16 } else { 0 })"
        ),
        "{standard}"
    );
    assert!(standard.contains(
        "+ (if __number . wrapping_sub (3000u16) < 9u16 { __number . wrapping_sub (3000u16) + 17u16 } else { 0 })) & 31u16"
    ));
    assert!(
        standard.contains("1u16 => :: core :: option :: Option :: Some (CloseReason :: Normal)")
    );
    assert!(
        standard.contains("5u16 => :: core :: option :: Option :: None"),
        "1004 has no name"
    );
    assert!(
        standard.contains("25u16 => :: core :: option :: Option :: Some (CloseReason :: Timeout)")
    );
    assert!(standard.contains("31u16 => :: core :: option :: Option :: None"));
    assert!(!standard.contains("32u16 =>"));

    let reason = |name: &str, value: u16| {
        format!(
            "[[reason]]\nname = \"{name}\"\nvalue = {value}\ntitle = \"T\"\ndoc = \"d\"\nreference = \"r\"\n"
        )
    };
    let spread: String = (0..5)
        .map(|index| reason(&format!("c{index}"), 4000 + index * 200))
        .collect();
    let dir = scratch_registry("spread", &spread);
    let output = expand_with(
        quote!("r.toml"),
        quote!(
            pub enum Spread {}
        ),
        &dir,
    );
    assert!(
        !output.contains("let __key"),
        "five far-apart codes use a match"
    );
    assert!(
        output.contains("4800u16 => :: core :: option :: Option :: Some (Spread :: C4)"),
        "{output}"
    );
}

#[test]
fn the_application_rules_reject_ranges() {
    let dir = scratch_registry(
        "ranges",
        "[[range]]\nname = \"private\"\nstart = 4000\nend = 4999\ntitle = \"P\"\n\
        sendable = true\ndoc = \"d\"\n\n[[reason]]\nname = \"kicked\"\nvalue = 4001\n\
        title = \"Kicked\"\ndoc = \"d\"\nreference = \"ours\"\n",
    );
    let output = expand_with(
        quote!("r.toml"),
        quote!(
            pub enum Chat {}
        ),
        &dir,
    );
    assert_eq!(output.matches("compile_error").count(), 1, "{output}");
    assert!(
        output.contains("r.toml:2:8: application registries cannot define ranges"),
        "{output}"
    );
    // The stand-in keeps the reason, which has no `sendable` and defaults to true.
    assert!(output.contains("Kicked = 4001u16"), "{output}");
}

#[test]
fn keeps_the_users_attributes_and_visibility() {
    let dir = scratch_registry(
        "keep",
        "[[reason]]\nname = \"kicked\"\nvalue = 4001\ntitle = \"Kicked\"\n\
        sendable = true\ndoc = \"d\"\nreference = \"ours\"\n",
    );
    let output = expand_with(
        quote!("r.toml"),
        quote!(
            #[doc = "Ours."]
            #[derive(Default)]
            pub(crate) enum Chat {}
        ),
        &dir,
    );
    assert!(
        output.starts_with("const _ : & :: core :: primitive :: str"),
        "{output}"
    );
    assert!(output.contains("# [doc = \"Ours.\"] # [derive (Default)]"));
    assert!(output.contains("pub (crate) enum Chat"));
    assert!(output.contains(":: close_reasons :: CloseCode"));
    assert!(!output.contains("CloseRange"));
}

#[test]
fn reports_every_registry_error_and_emits_a_stand_in() {
    let dir = scratch_registry(
        "bad",
        "[[reason]]\nname = \"Kicked\"\nvalue = 0\ntitle = \"\"\n\
        sendable = true\ndoc = \"d\"\nreference = \"ours\"\n",
    );
    let output = expand_with(
        quote!("r.toml"),
        quote!(
            pub enum Chat {}
        ),
        &dir,
    );
    assert_eq!(output.matches("compile_error").count(), 3, "{output}");
    assert!(output.contains("r.toml:2:8: reason name \\\"Kicked\\\" is not lowercase snake_case"));
    assert!(output.contains("r.toml:3:9: value 0: 0 is not a close code"));
    assert!(output.contains("r.toml:4:9: `title` is empty"));
    assert!(output.contains("pub enum Chat { }"), "{output}");
}

#[test]
fn reports_unreadable_files_and_bad_arguments() {
    let output = expand_with(
        quote!("missing.toml"),
        quote!(
            enum Chat {}
        ),
        &workspace_root(),
    );
    assert!(
        output.contains("cannot read registry `missing.toml`"),
        "{output}"
    );
    assert!(output.contains("enum Chat { }"));

    let output = expand_registry(
        quote!("r.toml"),
        quote!(
            enum Chat {}
        ),
        None,
        Rules::Application,
    )
    .to_string();
    assert!(output.contains("CARGO_MANIFEST_DIR is not set"), "{output}");

    let output = expand_with(
        quote!(path = "r.toml"),
        quote!(
            enum Chat {}
        ),
        &workspace_root(),
    );
    assert!(output.contains("expected the registry path"), "{output}");

    let output = expand_with(
        quote!("r.toml", flavour = "x"),
        quote!(
            enum Chat {}
        ),
        &workspace_root(),
    );
    assert!(output.contains("unknown argument `flavour`"), "{output}");

    let output = expand_with(
        quote!("r.toml"),
        quote!(
            enum Chat {
                A,
            }
        ),
        &workspace_root(),
    );
    assert!(output.contains("leave the enum body empty"), "{output}");

    let output = expand_with(
        quote!("r.toml"),
        quote!(
            struct Chat;
        ),
        &workspace_root(),
    );
    assert!(output.contains("goes on an empty enum"), "{output}");
}

#[test]
fn renders_the_crate_documentation_table() {
    let output = expand_table(
        quote!("close-reasons.toml", CloseReason, CloseRange),
        Some(&workspace_root()),
    )
    .to_string();
    assert!(
        output.contains("| 1014 | [`BadGateway`](CloseReason::BadGateway) | Bad Gateway | yes |"),
        "{output}"
    );
    assert!(
        output.contains("| 4000–4999 | [`Private`](CloseRange::Private) | Private Use | yes |")
    );
    let broken = expand_table(quote!("missing.toml", A, B), Some(&workspace_root())).to_string();
    assert!(broken.contains("The registry has errors") && !broken.contains("compile_error"));
}

/// Doc text is carried into string literals unchanged, whatever it contains.
#[test]
fn doc_text_survives_intact() {
    let tricky = r##"Quotes " and ', a backslash \ and \n, `code`, */ and /* , "# and r#"x"#, **bold**, <b>, ünïcødé, 日本語, 🙂."##;
    let mut toml_text = String::from(
        "[[reason]]\nname = \"tricky\"\nvalue = 4001\ntitle = \"Tricky\"\nsendable = true\n",
    );
    toml_text += &format!("doc = '''{tricky}'''\nreference = \"x\"\n");
    let Ok(model) = check(&toml_text, Rules::Application) else {
        panic!("the registry is valid");
    };
    assert_eq!(model.reasons[0].doc, tricky);
    let shell = Shell {
        attrs: Vec::new(),
        vis: quote::quote!(pub),
        ident: syn::parse_quote!(Tricky),
    };
    let krate = quote::quote!(::close_reasons);
    let tokens = crate::expand::reason_enum(&model, &shell, &krate, true);
    let literals: Vec<String> = tokens
        .into_iter()
        .flat_map(flatten)
        .filter_map(|token| syn::parse2::<syn::LitStr>(token.into()).ok())
        .map(|literal| literal.value())
        .collect();
    assert!(
        literals.iter().any(|text| text == tricky),
        "description() keeps it"
    );
    assert!(
        literals
            .iter()
            .any(|text| text.contains(tricky) && text.starts_with("**4001 Tricky**")),
        "the rustdoc keeps it"
    );
}

fn flatten(token: proc_macro2::TokenTree) -> Vec<proc_macro2::TokenTree> {
    match token {
        proc_macro2::TokenTree::Group(group) => {
            group.stream().into_iter().flat_map(flatten).collect()
        }
        other => vec![other],
    }
}

/// Thousands of damaged and random registries: the generator answers each with tokens
/// or with located errors, and never panics.
mod never_panics {
    use proptest::prelude::*;

    use crate::check;
    use crate::expand::Shell;

    const PROJECT_REGISTRY: &str = include_str!("../../core/close-reasons.toml");

    fn run(text: &str) {
        run_with(text, close_reasons_registry::Rules::Standard);
        run_with(text, close_reasons_registry::Rules::Application);
    }

    fn run_with(text: &str, rules: close_reasons_registry::Rules) {
        match check(text, rules) {
            Ok(model) => expand_model(&model),
            Err(close_reasons_registry::Failure {
                diagnostics,
                stand_in,
                ..
            }) => {
                assert!(
                    !diagnostics.is_empty(),
                    "an error result names at least one problem"
                );
                for diagnostic in diagnostics {
                    let rendered = diagnostic.render("fuzz.toml", text);
                    assert!(rendered.starts_with("fuzz.toml:"), "{rendered}");
                }
                expand_model(&stand_in);
            }
        }
    }

    fn expand_model(model: &close_reasons_registry::Model) {
        let shell = Shell {
            attrs: Vec::new(),
            vis: quote::quote!(pub),
            ident: syn::parse_quote!(Fuzzed),
        };
        let krate = quote::quote!(::close_reasons);
        let range_shell = Shell {
            attrs: Vec::new(),
            vis: quote::quote!(pub),
            ident: syn::parse_quote!(FuzzedRange),
        };
        let code: proc_macro2::Ident = syn::parse_quote!(code);
        // Each expansion is Rust that parses: a file of items, and an expression.
        let items = [
            crate::expand::reason_enum(model, &shell, &krate, true),
            crate::expand::range_enum(model, &range_shell, &krate),
            crate::expand::close_code_items(
                model,
                &syn::parse_quote!(CloseCode),
                &shell.ident,
                &range_shell.ident,
            ),
        ];
        for tokens in items {
            if let Err(error) = syn::parse2::<syn::File>(tokens.clone()) {
                panic!("the expansion does not parse: {error}\n{tokens}");
            }
        }
        for set in [
            crate::expand::CodeSet::Sendable,
            crate::expand::CodeSet::BrowserSendable,
        ] {
            let check = crate::expand::set_check(model, set, &code);
            if let Err(error) = syn::parse2::<syn::Expr>(check.clone()) {
                panic!("the {set:?} check does not parse: {error}\n{check}");
            }
        }
    }

    fn floor(text: &str, mut index: usize) -> usize {
        index = index.min(text.len());
        while !text.is_char_boundary(index) {
            index -= 1;
        }
        index
    }

    fn mutation() -> impl Strategy<Value = String> {
        let lines: Vec<&'static str> = PROJECT_REGISTRY.lines().collect();
        let count = lines.len();
        prop_oneof![
            // Truncated anywhere.
            any::<usize>().prop_map(|at| {
                let at = floor(PROJECT_REGISTRY, at % (PROJECT_REGISTRY.len() + 1));
                PROJECT_REGISTRY[..at].to_owned()
            }),
            // Two lines swapped, or one removed or repeated.
            (0..count, 0..count, 0..3u8).prop_map(move |(a, b, how)| {
                let mut lines = lines.clone();
                match how {
                    0 => lines.swap(a, b),
                    1 => {
                        lines.remove(a);
                    }
                    _ => lines.insert(b, lines[a]),
                }
                lines.join("\n")
            }),
            // Random text spliced in.
            (any::<usize>(), ".{0,40}").prop_map(|(at, noise)| {
                let at = floor(PROJECT_REGISTRY, at % (PROJECT_REGISTRY.len() + 1));
                format!(
                    "{}{noise}{}",
                    &PROJECT_REGISTRY[..at],
                    &PROJECT_REGISTRY[at..]
                )
            }),
            // Numbers of any size, strings of any length.
            any::<i64>().prop_map(|n| PROJECT_REGISTRY.replacen("1013", &n.to_string(), 1)),
            "[0-9]{19,60}".prop_map(|n| PROJECT_REGISTRY.replacen("1013", &n, 1)),
            // Range bounds too, up to the largest integers the reader accepts.
            (any::<i128>(), 0..4usize).prop_map(|(n, which)| {
                let bound = ["start = 0", "end = 999", "start = 4000", "end = 4999"][which];
                let field = bound.split(' ').next().unwrap_or("end");
                PROJECT_REGISTRY.replacen(bound, &format!("{field} = {n}"), 1)
            }),
            Just(PROJECT_REGISTRY.replacen("end = 4999", &format!("end = {}", i128::MAX), 1)),
            Just(PROJECT_REGISTRY.replacen("start = 0", &format!("start = {}", i128::MIN), 1)),
            (1usize..200_000).prop_map(|n| PROJECT_REGISTRY.replacen(
                "Timeout",
                &"é".repeat(n % 5000 + n / 1000),
                1
            )),
            // Deep nesting, in arrays and inline tables.
            (1usize..3000).prop_map(|depth| format!(
                "{}{}\n{PROJECT_REGISTRY}",
                "x = ".to_owned() + &"[".repeat(depth),
                "]".repeat(depth)
            )),
            (1usize..3000).prop_map(|depth| format!(
                "x = {}1{}\n",
                "{a = ".repeat(depth),
                "}".repeat(depth)
            )),
            // Anything at all.
            ".{0,300}",
            proptest::collection::vec(any::<u8>(), 0..300)
                .prop_map(|bytes| String::from_utf8_lossy(&bytes).into_owned()),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

        #[test]
        fn any_registry_gives_tokens_or_errors(text in mutation()) {
            run(&text);
        }
    }

    #[test]
    fn the_project_registry_itself_is_valid() {
        assert!(check(PROJECT_REGISTRY, close_reasons_registry::Rules::Standard).is_ok());
    }
}

#[test]
fn serde_derives_are_refused_with_the_feature_hint() {
    let dir = scratch_registry(
        "serde",
        "[[reason]]\nname = \"kicked\"\nvalue = 4001\ntitle = \"Kicked\"\n\
        doc = \"d\"\nreference = \"ours\"\n",
    );
    for shell in [
        quote!(
            #[derive(serde::Serialize)]
            pub enum Chat {}
        ),
        quote!(
            #[derive(Default, Deserialize)]
            pub enum Chat {}
        ),
        quote!(
            #[cfg_attr(feature = "wire", derive(::serde::Serialize))]
            pub enum Chat {}
        ),
    ] {
        let output = expand_with(quote!("r.toml"), shell, &dir);
        assert!(output.contains("compile_error"), "{output}");
        assert!(
            output.contains("itself, as the code's number; remove it from this #[derive] and enable the `serde` feature of close-reasons instead"),
            "{output}"
        );
    }
    // Without a serde derive, the expansion hands serde to close-reasons' own switch.
    let output = expand_with(
        quote!("r.toml"),
        quote!(
            pub enum Chat {}
        ),
        &dir,
    );
    assert!(
        output.contains(":: close_reasons :: __private :: serde_for_reasons ! (Chat , \"a close code named by Chat (4001)\")"),
        "{output}"
    );
}
