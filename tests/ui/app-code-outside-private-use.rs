#[close_reasons::registry("ui/app-code-outside-private-use.toml")]
pub enum ChatCloseCode {}

fn main() {}
