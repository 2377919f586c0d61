#[close_reasons::registry("ui/duplicate-name.toml")]
pub enum ChatCloseCode {}

fn main() {}
