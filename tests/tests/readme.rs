//! The README's table of codes must be what the `explain` example prints today.

use std::process::Command;

#[test]
fn readme_table_matches_the_registry() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
    let output = Command::new(env!("CARGO"))
        .args([
            "run",
            "--quiet",
            "--offline",
            "-p",
            "close-reasons",
            "--example",
            "explain",
        ])
        .args(["--", "--markdown"])
        .current_dir(root)
        .output()
        .expect("cargo runs");
    assert!(
        output.status.success(),
        "explain failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let generated = String::from_utf8(output.stdout).unwrap();

    let readme = std::fs::read_to_string(format!("{root}/README.md")).unwrap();
    let start = readme.find("<!-- codes:start -->\n").expect("start marker") + 21;
    let end = readme.find("<!-- codes:end -->").expect("end marker");
    assert!(
        readme[start..end] == generated,
        "README.md is out of date with close-reasons.toml; replace the table between the \
         codes markers with the output of `cargo run --example explain -- --markdown`"
    );
}
