//! Compile-fail cases: each `ui/*.rs` uses a registry `ui/*.toml` with one kind of
//! mistake, and its `.stderr` shows the error a maintainer would see. `ui/pass/*.rs`
//! must compile and run.
//! Regenerate the snapshots with `TRYBUILD=overwrite cargo test --test compiletest`.

use std::path::{Path, PathBuf};
use std::process::Command;

#[test]
fn compile_fail_and_pass_cases() {
    copy_fixtures_beside_the_cases();
    let cases = trybuild::TestCases::new();
    cases.compile_fail("ui/*.rs");
    cases.pass("ui/pass/*.rs");
}

/// trybuild compiles the cases as a crate of its own, in
/// `<target>/tests/trybuild/<this package>/`, and the macro resolves registry paths
/// against that crate's directory (`CARGO_MANIFEST_DIR`, the only variable it reads).
/// So the fixture registries are copied there, keeping their relative paths.
fn copy_fixtures_beside_the_cases() {
    let source = Path::new(env!("CARGO_MANIFEST_DIR"));
    let project = target_directory()
        .join("tests")
        .join("trybuild")
        .join(env!("CARGO_PKG_NAME"));
    for dir in ["ui", "ui/pass"] {
        std::fs::create_dir_all(project.join(dir)).unwrap();
        for entry in std::fs::read_dir(source.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path
                .extension()
                .is_some_and(|extension| extension == "toml")
            {
                let name = path.file_name().unwrap();
                std::fs::copy(&path, project.join(dir).join(name)).unwrap();
            }
        }
    }
}

/// The target directory as trybuild finds it: from `cargo metadata`.
fn target_directory() -> PathBuf {
    let output = Command::new(env!("CARGO"))
        .args(["metadata", "--format-version", "1", "--no-deps"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert!(output.status.success(), "cargo metadata failed");
    let metadata: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    PathBuf::from(metadata["target_directory"].as_str().unwrap())
}
