#[close_reasons::registry("ui/overlapping-ranges.toml")]
pub enum ChatCloseCode {}

fn main() {}
