#[close_reasons::registry("ui/app-range-rejected.toml")]
pub enum ChatCloseCode {}

fn main() {
    // The reason is still there: only the range is an error.
    let _ = ChatCloseCode::Kicked;
}
