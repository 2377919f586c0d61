//! Adding a code is a data edit: in a copy of the workspace, append a reason to
//! `close-reasons.toml`, rebuild without touching any `.rs` file, and see the new code
//! everywhere; then break the file and see the located error.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const NEW_REASON: &str = r#"
[[reason]]
name = "session_expired"
value = 4321
title = "Session Expired"
sendable = true
doc = "The user's session ended; log in again before reconnecting."
reference = "close-reasons end-to-end test"
reconnect = "never"
"#;

const DUPLICATE_REASON: &str = r#"
[[reason]]
name = "session_gone"
value = 4321
title = "Session Gone"
sendable = true
doc = "Uses the value of `session_expired` again."
reference = "close-reasons end-to-end test"
reconnect = "never"
"#;

const SHARED_TARGET_REASON: &str = r#"
[[reason]]
name = "stale_check"
value = 3042
title = "Stale Check"
sendable = true
doc = "Added to the second of two checkouts that share a target directory."
reference = "close-reasons end-to-end test"
reconnect = "never"
"#;

const CHAT_REASON: &str = r#"
[[reason]]
name = "muted"
value = 4400
title = "Muted"
sendable = true
doc = "A moderator muted the user for the rest of the session."
reference = "close-reasons end-to-end test"
"#;

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name();
        if name == "target" || name == ".git" {
            continue;
        }
        let kind = entry.file_type().unwrap();
        let destination = to.join(&name);
        if kind.is_symlink() {
            let link = std::fs::read_link(entry.path()).unwrap();
            std::os::unix::fs::symlink(link, destination).unwrap();
        } else if kind.is_dir() {
            copy_tree(&entry.path(), &destination);
        } else {
            std::fs::copy(entry.path(), destination).unwrap();
        }
    }
}

fn cargo(workspace: &Path, target: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO"))
        .arg("--offline")
        .args(args)
        .current_dir(workspace)
        .env("CARGO_TARGET_DIR", target)
        .output()
        .expect("cargo runs")
}

fn explain(workspace: &Path, target: &Path, code: &str) -> String {
    let output = cargo(
        workspace,
        target,
        &[
            "run",
            "--quiet",
            "-p",
            "close-reasons-cli",
            "--",
            "explain",
            code,
        ],
    );
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// Two checkouts of the workspace sharing one target directory (`CARGO_TARGET_DIR`, or
/// git worktrees set up so): an edit of the registry in the second must rebuild the
/// second, not be hidden by what the first built. Cargo records the registry for the
/// rebuild check relative to the package only if the file lies inside the package, so
/// it lives in `core/` (the file at the root is a link to it).
#[test]
fn an_edit_is_seen_whatever_target_directory_is_shared() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let scratch = Path::new(env!("CARGO_TARGET_TMPDIR")).join("shared-target-checkouts");
    let _ = std::fs::remove_dir_all(&scratch);
    let (first, second) = (scratch.join("first"), scratch.join("second"));
    copy_tree(root, &first);
    copy_tree(root, &second);
    let target: PathBuf = std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(|| root.join("target"), PathBuf::from)
        .join("shared-target-test");

    let unnamed = explain(&first, &target, "3042");
    assert!(unnamed.starts_with("3042 (IANA Registry)\n"), "{unnamed}");

    let registry = second.join("close-reasons.toml");
    let mut text = std::fs::read_to_string(&registry).unwrap();
    text.push_str(SHARED_TARGET_REASON);
    std::fs::write(&registry, &text).unwrap();
    let named = explain(&second, &target, "3042");
    assert!(
        named.starts_with("3042 Stale Check\n  name:      stale_check"),
        "the second checkout shows the first one's table:\n{named}"
    );
    // Not checked: going back to the first checkout. Cargo judges freshness by
    // modification times, and the first checkout's files, registry or `.rs`, are all
    // older than the second's build, so Cargo keeps that build for any source file.

    let _ = std::fs::remove_dir_all(&scratch);
}

#[test]
fn adding_a_code_is_a_data_edit() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let scratch = Path::new(env!("CARGO_TARGET_TMPDIR")).join("edit-registry-checkout");
    let workspace = scratch.join("workspace");
    let _ = std::fs::remove_dir_all(&scratch);
    copy_tree(root, &workspace);
    // Shared between runs so that only the workspace crates are rebuilt each time.
    let target: PathBuf = std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(|| root.join("target"), PathBuf::from)
        .join("edit-registry-test");
    let registry = workspace.join("close-reasons.toml");

    let before = explain(&workspace, &target, "4321");
    assert!(
        before.starts_with("4321 (Private Use)\n  name:      none"),
        "{before}"
    );

    let mut text = std::fs::read_to_string(&registry).unwrap();
    text.push_str(NEW_REASON);
    std::fs::write(&registry, &text).unwrap();
    let after = explain(&workspace, &target, "4321");
    assert!(
        after.starts_with(
            "4321 Session Expired\n  name:      session_expired (CloseReason::SessionExpired)"
        ),
        "{after}"
    );
    assert!(
        after.contains("log in again before reconnecting"),
        "{after}"
    );
    assert_eq!(explain(&workspace, &target, "session_expired"), after);

    text.push_str(DUPLICATE_REASON);
    std::fs::write(&registry, &text).unwrap();
    let duplicate_at = text.rfind("value = 4321").unwrap();
    let duplicate_line = text[..duplicate_at].matches('\n').count() + 1;
    let build = cargo(&workspace, &target, &["build", "-p", "close-reasons"]);
    let stderr = String::from_utf8_lossy(&build.stderr);
    assert!(
        !build.status.success(),
        "a duplicate value must fail the build"
    );
    let expected = format!(
        "close-reasons.toml:{duplicate_line}:9: duplicate value 4321: `session_expired` and `session_gone`"
    );
    assert!(
        stderr.contains(&expected),
        "expected {expected:?} in:\n{stderr}"
    );
    assert!(
        stderr.contains("help: every close code has one name"),
        "{stderr}"
    );
    // The generated items are stood in for, so the hand-written code adds no errors.
    assert!(
        !stderr.contains("error["),
        "only registry errors expected:\n{stderr}"
    );
    text = text.replace(DUPLICATE_REASON, "");
    std::fs::write(&registry, &text).unwrap();

    // The same holds for an application's own registry: the chat example's.
    let chat_registry = workspace.join("examples/chat/close-codes.toml");
    let chat = |code: &str| {
        let output = cargo(
            &workspace,
            &target,
            &["run", "--quiet", "-p", "chat-close-codes", "--", code],
        );
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).unwrap()
    };
    assert_eq!(
        chat("4400"),
        "4400 (Private Use): not a code of the chat protocol\n"
    );
    let mut chat_text = std::fs::read_to_string(&chat_registry).unwrap();
    chat_text.push_str(CHAT_REASON);
    std::fs::write(&chat_registry, &chat_text).unwrap();
    assert!(
        chat("4400").starts_with("4400 Muted (A moderator muted the user"),
        "{}",
        chat("4400")
    );

    chat_text = chat_text.replace("value = 4400", "value = 5400");
    std::fs::write(&chat_registry, &chat_text).unwrap();
    let outside_at = chat_text.rfind("value = 5400").unwrap();
    let outside_line = chat_text[..outside_at].matches('\n').count() + 1;
    let build = cargo(&workspace, &target, &["build", "-p", "chat-close-codes"]);
    let stderr = String::from_utf8_lossy(&build.stderr);
    assert!(!build.status.success());
    let expected = format!("close-codes.toml:{outside_line}:9: 5400 is not an application code");
    assert!(
        stderr.contains(&expected),
        "expected {expected:?} in:\n{stderr}"
    );
    assert!(
        !stderr.contains("error["),
        "only registry errors expected:\n{stderr}"
    );

    let _ = std::fs::remove_dir_all(&scratch);
}
