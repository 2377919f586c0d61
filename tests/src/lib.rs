//! Holds no code: the tests of close-reasons live in `tests/`, the compile-fail cases in `ui/`.
