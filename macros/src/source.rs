//! Finding and reading the registry file named in the attribute.

use std::path::{Path, PathBuf};

/// The environment variable that tells where the invoking crate lives.
pub const MANIFEST_DIR: &str = "CARGO_MANIFEST_DIR";

/// A registry file that was found and is valid UTF-8.
#[derive(Debug)]
pub struct Source {
    /// The path as the user wrote it, used in messages so they read the same on
    /// every machine.
    pub display_path: String,
    /// Where the file was read from; `include_str!` of it makes Cargo rebuild on edit.
    pub absolute: PathBuf,
    pub text: String,
}

/// A problem with finding or reading the file: a message and a hint (empty when the
/// message already carries it).
#[derive(Debug, PartialEq, Eq)]
pub struct LoadError {
    pub message: String,
    pub hint: String,
}

impl LoadError {
    fn new(message: String, hint: impl Into<String>) -> Self {
        LoadError {
            message,
            hint: hint.into(),
        }
    }
}

/// Reads the manifest directory of the crate being compiled, at expansion time. The
/// only variable the macro reads: Cargo sets it, and tracks it.
pub fn manifest_dir_from_env() -> Option<PathBuf> {
    std::env::var_os(MANIFEST_DIR).map(PathBuf::from)
}

/// Resolves `written` against `manifest_dir` and reads it.
pub fn load(written: &str, manifest_dir: Option<&Path>) -> Result<Source, LoadError> {
    if written.trim().is_empty() {
        return Err(LoadError::new(
            "the registry path is empty".to_owned(),
            "name the TOML file, e.g. \"close-codes.toml\"",
        ));
    }
    if Path::new(written).is_absolute() {
        return Err(LoadError::new(
            format!("the registry path `{written}` is absolute"),
            "write the path relative to the directory of your Cargo.toml, so the crate builds on every machine",
        ));
    }
    let Some(manifest_dir) = manifest_dir else {
        return Err(LoadError::new(
            format!("cannot locate `{written}`: {MANIFEST_DIR} is not set"),
            "build with Cargo, which sets it, or set it to the directory of your Cargo.toml",
        ));
    };
    let absolute = manifest_dir.join(written);
    let bytes = std::fs::read(&absolute).map_err(|error| {
        LoadError::new(
            // Without the absolute path, which differs on every machine and checkout: the
            // hint says where the path starts.
            format!("cannot read registry `{written}`: {error}"),
            "the path is relative to the directory of the Cargo.toml of the crate that uses the macro",
        )
    })?;
    let text = close_reasons_registry::decode(written, bytes)
        .map_err(|rendered| LoadError::new(rendered, ""))?;
    Ok(Source {
        display_path: written.to_owned(),
        absolute,
        text,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tests::ScratchDir;

    fn scratch(name: &str, contents: &[u8]) -> ScratchDir {
        ScratchDir::with_registry(&format!("source-{name}"), contents)
    }

    #[test]
    fn reads_relative_to_the_manifest_dir() {
        let dir = scratch("ok", b"x = 1\n");
        let source = load("r.toml", Some(&dir)).unwrap();
        assert_eq!(source.text, "x = 1\n");
        assert_eq!(source.absolute, dir.join("r.toml"));
        assert_eq!(source.display_path, "r.toml");
    }

    #[test]
    fn rejects_absolute_empty_and_unlocatable_paths() {
        let absolute = load("/etc/r.toml", Some(Path::new("/"))).unwrap_err();
        assert!(absolute.message.contains("is absolute"), "{absolute:?}");
        assert!(
            load(" ", Some(Path::new("/")))
                .unwrap_err()
                .message
                .contains("empty")
        );
        let unset = load("r.toml", None).unwrap_err();
        assert!(unset.message.contains("CARGO_MANIFEST_DIR is not set"));
    }

    #[test]
    fn reports_missing_files_and_invalid_utf8_with_location() {
        let dir = scratch("utf8", b"a = 1\nb = \"\xff\"\n");
        let missing = load("nope.toml", Some(&dir)).unwrap_err();
        assert!(
            missing
                .message
                .starts_with("cannot read registry `nope.toml`: "),
            "{missing:?}"
        );
        assert!(
            !missing.message.contains(&*dir.to_string_lossy()),
            "{missing:?}"
        );
        let invalid = load("r.toml", Some(&dir)).unwrap_err();
        assert_eq!(
            invalid.message,
            "r.toml:2:6: the registry is not valid UTF-8\n  |\n2 | b = \"\u{FFFD}\"\n  |      ^\n  \
             = help: save the file as UTF-8"
        );
    }
}
