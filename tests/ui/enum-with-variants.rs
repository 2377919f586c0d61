#[close_reasons::registry("ui/valid.toml")]
pub enum ChatCloseCode {
    Kicked = 4001,
}

fn main() {}
