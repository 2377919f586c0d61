#[close_reasons::registry("ui/wrong-type.toml")]
pub enum ChatCloseCode {}

fn main() {}
