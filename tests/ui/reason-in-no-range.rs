#[close_reasons::registry("ui/reason-in-no-range.toml")]
pub enum ChatCloseCode {}

fn main() {}
