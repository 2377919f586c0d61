//! Tests of the whole expansion: arguments, shell, file, diagnostics, output.

use std::path::{Path, PathBuf};

use proc_macro2::TokenStream;
use quote::quote;

use crate::expand_registry;

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn expand_with(args: TokenStream, item: TokenStream, dir: &Path) -> String {
    expand_registry(args, item, Some(dir)).to_string()
}

fn scratch_registry(name: &str, contents: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "close-reasons-expand-{}-{name}",
        std::process::id()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("r.toml"), contents).unwrap();
    dir
}

#[test]
fn expands_the_project_registry_with_ranges() {
    let output = expand_with(
        quote!("close-reasons.toml", crate = "crate", ranges = CloseRange),
        quote!(
            pub enum CloseReason {}
        ),
        &workspace_root(),
    );
    assert!(!output.contains("compile_error"), "{output}");
    assert!(output.contains("GoingAway = 1001u16"));
    assert!(output.contains("\"1001 Going Away\""));
    assert!(output.contains("pub enum CloseRange"));
    assert!(output.contains("include_str !"));
    // The wire check is the three runs of sendable codes, nothing hand-written.
    assert!(
        output.contains("code . wrapping_sub (1000u16) <= 3u16"),
        "{output}"
    );
    assert!(output.contains("code . wrapping_sub (1007u16) <= 7u16"));
    assert!(output.contains("code . wrapping_sub (3000u16) <= 1999u16"));
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
    assert!(output.starts_with("const _ : & str"), "{output}");
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
