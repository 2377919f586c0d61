#[close_reasons::registry("ui/out-of-order.toml")]
pub enum ChatCloseCode {}

fn main() {}
