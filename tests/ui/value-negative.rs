#[close_reasons::registry("ui/value-negative.toml")]
pub enum ChatCloseCode {}

fn main() {}
