// Every mistake of the registry is reported in one build, and code that uses the enum
// adds no errors of its own: the macro emits a stand-in with the full API and every
// entry it could read: `kicked`, whose value is wrong, and `room_closed`, which misses
// a field, are still variants.
#[close_reasons::registry("ui/many-errors.toml")]
pub enum ChatCloseCode {}

fn main() {
    let _ = ChatCloseCode::ALL.len();
    let _ = ChatCloseCode::Kicked.title();
    let _ = ChatCloseCode::RoomClosed.code();
    let _ = ChatCloseCode::from_code(close_reasons::CloseCode::NORMAL).map(ChatCloseCode::title);
    let _ = ChatCloseCode::try_from(close_reasons::CloseCode::NORMAL);
    let _: Result<ChatCloseCode, _> = "kicked".parse();
}
