// A table header missing its second `]`: one error; the other entries keep their
// variants.
#[close_reasons::registry("ui/syntax-header-broken.toml")]
pub enum ChatCloseCode {}

fn main() {
    let _ = ChatCloseCode::Kicked.title();
    let _ = ChatCloseCode::Idle.code();
    let _ = ChatCloseCode::ServerFull.reconnect();
    let _ = ChatCloseCode::Renamed.title();
}
