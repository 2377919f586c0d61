#[close_reasons::registry("ui/value-too-large.toml")]
pub enum ChatCloseCode {}

fn main() {}
