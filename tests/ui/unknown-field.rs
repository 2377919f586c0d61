#[close_reasons::registry("ui/unknown-field.toml")]
pub enum ChatCloseCode {}

fn main() {}
