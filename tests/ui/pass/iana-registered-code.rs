//! An application may use a code IANA registered for it, when it says so.
#[close_reasons::registry("ui/pass/iana-registered-code.toml")]
enum ChatCloseCode {}

fn main() {
    assert_eq!(ChatCloseCode::Kicked as u16, 3001);
    assert!(close_reasons::CloseCode::from(ChatCloseCode::Kicked).is_iana_registry());
    assert_eq!(ChatCloseCode::ALL.len(), 2);
}
