//! The expansion keeps its meaning in a module that defines its own `Option`,
//! `Result`, `Some`, `None`, `Ok` and `Err`, and even types named like the primitives.
#![allow(dead_code, non_camel_case_types)]

mod codes {
    pub struct Option;
    pub struct Result;
    pub struct Some;
    pub struct None;
    pub struct Ok;
    pub struct Err;
    pub struct u16;
    pub struct str;
    pub struct bool;
    pub trait Clone {}
    pub trait Copy {}
    pub trait PartialEq {}
    pub trait Debug {}
    pub trait Default {}
    pub trait From {}
    pub trait TryFrom {}

    /// Close codes of a chat protocol.
    #[close_reasons::registry("ui/valid.toml")]
    pub enum ChatCloseCode {}
}

fn main() {
    use codes::ChatCloseCode;
    assert_eq!(
        ChatCloseCode::from_code(close_reasons::CloseCode::new(4002).unwrap()),
        Some(ChatCloseCode::RoomClosed)
    );
    assert_eq!("kicked".parse(), Ok(ChatCloseCode::Kicked));
    assert_eq!(ChatCloseCode::try_from(4001u16), Ok(ChatCloseCode::Kicked));
    assert_eq!(ChatCloseCode::Kicked.to_string(), "4001 Kicked");
    assert!(ChatCloseCode::Kicked.close_frame("bye").is_ok());
}
