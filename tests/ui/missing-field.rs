#[close_reasons::registry("ui/missing-field.toml")]
pub enum ChatCloseCode {}

fn main() {}
