//! Holds no code: the tests of close-reasons live in `tests/`, the compile-fail cases
//! in `ui/`. The README's examples run as doctests of this crate.

#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;
