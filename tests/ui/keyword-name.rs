#[close_reasons::registry("ui/keyword-name.toml")]
pub enum ChatCloseCode {}

fn main() {}
