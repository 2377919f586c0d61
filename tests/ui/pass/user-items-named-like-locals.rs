//! Items of the user's module named like the parameters and locals of the generated
//! code: they must not take their place (a `const` would turn a binding into a pattern,
//! E0005), nor change what the generated code calls.
#![allow(dead_code, non_upper_case_globals)]

mod codes {
    pub const number: u16 = 4000;
    pub const key: u16 = 1;
    pub const code: u16 = 4001;
    pub const name: &str = "kicked";
    pub const reason: &str = "spam";
    pub const text: &str = "moved";
    pub const named: Option<u16> = None;
    pub const formatter: u8 = 0;
    pub const offset: u32 = 0;
    pub const serializer: u8 = 0;
    pub const deserializer: u8 = 0;
    pub struct S;
    pub struct D;
    pub const MEMBERSHIP_WINDOW: [u64; 1] = [0];
    pub fn find(_: u16) -> Option<u16> {
        None
    }

    /// Close codes of a game.
    #[close_reasons::registry("ui/pass/user-items-named-like-locals.toml")]
    pub enum GameCloseCode {}
}

fn main() {
    use close_reasons::CloseCode;
    use codes::GameCloseCode;

    for game in GameCloseCode::ALL {
        let code = game.code();
        assert_eq!(GameCloseCode::try_from(code.get()), Ok(*game));
        assert_eq!(GameCloseCode::from_code(code), Some(*game));
        assert_eq!(game.to_string().parse(), Ok(*game));
        assert_eq!(code.get().to_string().parse(), Ok(*game));
        assert!(code == *game && *game == code);
    }
    assert!(GameCloseCode::try_from(4002u16).is_err());
    assert_eq!("moved".parse(), Ok(GameCloseCode::Moved));
    assert_eq!(GameCloseCode::Kicked.close_frame("bye").unwrap().reason(), "bye");
    assert!(GameCloseCode::LocalTimeout.close_frame("").is_err());
    assert_eq!(format!("{:>12}|", GameCloseCode::Moved), "  4100 Moved|");
    assert!(CloseCode::new(4100).unwrap().is_sendable());
    // close-reasons' `serde` feature is on for these cases.
    assert_eq!(serde_json::to_string(&GameCloseCode::Moved).unwrap(), "4100");
    assert_eq!(serde_json::from_str::<GameCloseCode>("4001").unwrap(), GameCloseCode::Banned);
}
