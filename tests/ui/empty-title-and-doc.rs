#[close_reasons::registry("ui/empty-title-and-doc.toml")]
pub enum ChatCloseCode {}

fn main() {}
