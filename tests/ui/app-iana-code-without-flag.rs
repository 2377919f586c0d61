#[close_reasons::registry("ui/app-iana-code-without-flag.toml")]
pub enum ChatCloseCode {}

fn main() {}
