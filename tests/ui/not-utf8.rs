#[close_reasons::registry("ui/not-utf8.toml")]
pub enum ChatCloseCode {}

fn main() {}
