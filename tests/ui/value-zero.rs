#[close_reasons::registry("ui/value-zero.toml")]
pub enum ChatCloseCode {}

fn main() {}
