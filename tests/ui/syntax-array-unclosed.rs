// An array missing its `]` makes toml read the rest of the file into it: one error, at
// the first thing it cannot read, and every other entry is still read.
#[close_reasons::registry("ui/syntax-array-unclosed.toml")]
pub enum ChatCloseCode {}

fn main() {
    let _ = ChatCloseCode::Kicked.title();
    let _ = ChatCloseCode::Idle.code();
    let _ = ChatCloseCode::ServerFull.reconnect();
    let _ = ChatCloseCode::Renamed.title();
}
