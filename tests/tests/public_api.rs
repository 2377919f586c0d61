//! The public API of `close-reasons`, all features on, against the reviewed snapshot in
//! `core/public-api.txt`: any change to the public surface fails here until the snapshot
//! is updated (`UPDATE_SNAPSHOTS=yes cargo test -p close-reasons-tests --test public_api`)
//! and the change is reviewed and recorded in CHANGELOG.md.
//!
//! rustdoc's JSON output is unstable; `RUSTC_BOOTSTRAP=1` enables it on the stable
//! toolchain. The installed rustdoc writes format version 57, which `public-api` 0.52.1
//! reads (pinned with `=` for that reason).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

#[test]
fn public_api_matches_the_snapshot() {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    // A target directory of its own: the one of this test run is locked by cargo.
    let target = target_directory(&workspace).join("public-api");
    let output = Command::new(env!("CARGO"))
        .args([
            "rustdoc",
            "--quiet",
            "--package",
            "close-reasons",
            "--lib",
            "--all-features",
            "--",
            "-Z",
            "unstable-options",
            "--output-format",
            "json",
        ])
        .current_dir(&workspace)
        .env("RUSTC_BOOTSTRAP", "1")
        .env("CARGO_TARGET_DIR", &target)
        .env_remove("RUSTDOCFLAGS")
        .output()
        .expect("cargo runs");
    assert!(
        output.status.success(),
        "rustdoc JSON failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let json: PathBuf = target.join("doc").join("close_reasons.json");
    aliases_reach_the_documentation(&json);
    let api = public_api::Builder::from_rustdoc_json(&json)
        // Blanket impls (`impl<T> From<T> for T` …) say nothing about this crate; auto
        // traits (`Send`, `Sync`, `Unpin` …) are part of its promise and stay.
        .omit_blanket_impls(true)
        .build()
        .expect("public-api reads the rustdoc JSON")
        .to_string();

    let snapshot_path = workspace.join("core").join("public-api.txt");
    let update = std::env::var("UPDATE_SNAPSHOTS").is_ok_and(|value| value == "yes");
    if update && std::env::var_os("CI").is_none() {
        std::fs::write(&snapshot_path, &api).unwrap();
        return;
    }
    let snapshot = std::fs::read_to_string(&snapshot_path).unwrap_or_default();
    if snapshot == api {
        return;
    }
    let before: BTreeSet<&str> = snapshot.lines().collect();
    let after: BTreeSet<&str> = api.lines().collect();
    let mut report = String::new();
    for line in before.difference(&after) {
        report += &format!("- {line}\n");
    }
    for line in after.difference(&before) {
        report += &format!("+ {line}\n");
    }
    panic!(
        "the public API changed (- removed, + added):\n{report}\nIf intended: record it in \
         CHANGELOG.md and run UPDATE_SNAPSHOTS=yes cargo test -p close-reasons-tests --test \
         public_api"
    );
}

/// Where cargo puts build output, wherever `CARGO_TARGET_DIR` points.
fn target_directory(workspace: &Path) -> PathBuf {
    let output = Command::new(env!("CARGO"))
        .args(["metadata", "--format-version", "1", "--no-deps"])
        .current_dir(workspace)
        .output()
        .expect("cargo runs");
    assert!(output.status.success(), "cargo metadata failed");
    let metadata: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    PathBuf::from(metadata["target_directory"].as_str().unwrap())
}

/// The registry's aliases are `#[doc(alias)]` attributes of the variant and of the
/// constant, which rustdoc puts in its search index: a search for axum's `ABNORMAL` or
/// tungstenite's `Away` lands on the right code.
fn aliases_reach_the_documentation(json: &Path) {
    let document: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(json).unwrap()).unwrap();
    let attributes_of = |name: &str| -> Vec<String> {
        document["index"]
            .as_object()
            .unwrap()
            .values()
            .filter(|item| item["name"] == name)
            .flat_map(|item| item["attrs"].as_array().cloned().unwrap_or_default())
            .map(|attribute| attribute.to_string())
            .collect()
    };
    for (item, alias) in [
        ("Abruptly", "Abnormal"),
        ("ABRUPTLY", "ABNORMAL_CLOSURE"),
        ("GoingAway", "Away"),
        ("GOING_AWAY", "Away"),
        ("ServerError", "Error"),
    ] {
        let attributes = attributes_of(item);
        let expected = format!("#[doc(alias = \\\"{alias}\\\")]");
        assert!(
            attributes
                .iter()
                .any(|attribute| attribute.contains(&expected)),
            "{item} has no alias {alias}: {attributes:?}"
        );
    }
}
