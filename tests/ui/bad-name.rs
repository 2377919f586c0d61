#[close_reasons::registry("ui/bad-name.toml")]
pub enum ChatCloseCode {}

fn main() {}
