//! An application's own registry, expanded under the strictest lints.
#![deny(warnings, missing_docs)]

/// Close codes of a chat protocol.
#[close_reasons::registry("ui/valid.toml")]
#[non_exhaustive]
pub enum ChatCloseCode {}

fn main() {
    assert_eq!(ChatCloseCode::Kicked.code().get(), 4001);
    assert_eq!(ChatCloseCode::ALL, [ChatCloseCode::Kicked, ChatCloseCode::RoomClosed]);
    assert_eq!(ChatCloseCode::RoomClosed.to_string(), "4002 Room Closed");
    assert_eq!("kicked".parse(), Ok(ChatCloseCode::Kicked));
    let code = close_reasons::CloseCode::from(ChatCloseCode::Kicked);
    assert_eq!(code.get(), 4001);
    assert_eq!(ChatCloseCode::try_from(code), Ok(ChatCloseCode::Kicked));
}
