// A multi-line string that is never closed swallows the rest of the file: one error,
// pointing at where the string opens, and the entries after it are read again.
#[close_reasons::registry("ui/syntax-string-unclosed.toml")]
pub enum ChatCloseCode {}

fn main() {
    let _ = ChatCloseCode::Kicked.title();
    let _ = ChatCloseCode::Idle.code();
    let _ = ChatCloseCode::ServerFull.reconnect();
    let _ = ChatCloseCode::Renamed.title();
}
