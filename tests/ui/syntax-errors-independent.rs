// Two unrelated syntax errors (the second and fifth entries) are both reported, with
// the rule mistake of an entry that parsed (the sixth), and every entry keeps its variant.
#[close_reasons::registry("ui/syntax-errors-independent.toml")]
pub enum ChatCloseCode {}

fn main() {
    let _ = ChatCloseCode::Kicked.title();
    let _ = ChatCloseCode::Idle.code();
    let _ = ChatCloseCode::ServerFull.reconnect();
    let _ = ChatCloseCode::Renamed.title();
}
