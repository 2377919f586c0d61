// Ranges exist only in the standard registry, so this case goes through the hidden
// entry point that `close-reasons` itself uses, with the standard rules.
#[close_reasons_macros::__standard_reasons("ui/overlapping-ranges.toml", crate = "::close_reasons")]
pub enum ChatCloseCode {}

fn main() {}
