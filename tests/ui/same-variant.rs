#[close_reasons::registry("ui/same-variant.toml")]
pub enum ChatCloseCode {}

fn main() {}
