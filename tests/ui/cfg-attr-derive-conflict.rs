// A derive hidden in `cfg_attr` clashes as surely as a plain one, in every build where
// the condition holds; it gets the same clear error.
#[close_reasons::registry("ui/valid.toml")]
#[cfg_attr(all(), derive(Debug))]
pub enum ChatCloseCode {}

fn main() {}
