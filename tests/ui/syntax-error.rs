#[close_reasons::registry("ui/syntax-error.toml")]
pub enum ChatCloseCode {}

fn main() {}
