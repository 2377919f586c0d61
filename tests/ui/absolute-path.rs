#[close_reasons::registry("/etc/close-codes.toml")]
pub enum ChatCloseCode {}

fn main() {}
