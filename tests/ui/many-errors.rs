#[close_reasons::registry("ui/many-errors.toml")]
pub enum ChatCloseCode {}

fn main() {}
