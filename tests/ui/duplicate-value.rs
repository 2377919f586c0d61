#[close_reasons::registry("ui/duplicate-value.toml")]
pub enum ChatCloseCode {}

fn main() {}
