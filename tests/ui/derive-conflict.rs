#[close_reasons::registry("ui/valid.toml")]
#[derive(Debug)]
pub enum ChatCloseCode {}

fn main() {}
