//! Only tests: see `tests/interop.rs`.
