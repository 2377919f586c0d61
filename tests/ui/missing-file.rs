#[close_reasons::registry("ui/no-such-registry.toml")]
pub enum ChatCloseCode {}

fn main() {}
