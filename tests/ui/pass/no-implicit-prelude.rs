//! The expansion names everything by absolute path: it compiles without the prelude.
#![no_implicit_prelude]

mod codes {
    /// Close codes of a chat protocol.
    #[::close_reasons::registry("ui/valid.toml")]
    pub enum ChatCloseCode {}
}

fn main() {
    let kicked = codes::ChatCloseCode::Kicked;
    ::std::assert_eq!(kicked.code().get(), 4001);
    ::std::assert_eq!(codes::ChatCloseCode::ALL.len(), 2);
    ::std::assert!(kicked.close_frame("bye").is_ok());
}
