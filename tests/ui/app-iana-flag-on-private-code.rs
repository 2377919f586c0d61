#[close_reasons::registry("ui/app-iana-flag-on-private-code.toml")]
pub enum ChatCloseCode {}

fn main() {}
