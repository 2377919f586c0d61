//! Compile-fail cases: each `ui/*.rs` uses a registry `ui/*.toml` with one kind of
//! mistake, and its `.stderr` shows the error a maintainer would see.
//! Regenerate the snapshots with `TRYBUILD=overwrite cargo test --test compiletest`.

#[test]
#[allow(unsafe_code)]
fn ui() {
    // trybuild compiles the cases in a crate of its own under `target/`; this tells the
    // macro to resolve the fixture registries against this crate instead.
    // SAFETY: this is the only test in this binary, so no other thread reads the
    // environment while it is written.
    unsafe {
        std::env::set_var(
            "CLOSE_REASONS_MANIFEST_DIR_OVERRIDE",
            env!("CARGO_MANIFEST_DIR"),
        );
    }
    let cases = trybuild::TestCases::new();
    cases.compile_fail("ui/*.rs");
    cases.pass("ui/pass/*.rs");
}
