#[close_reasons::registry("ui/range-start-after-end.toml")]
pub enum ChatCloseCode {}

fn main() {}
