//! An application's own registry, used as an outside crate would use it.

use close_reasons::{CloseCode, CloseFrame, CloseReason};

/// Close codes of a game server.
#[close_reasons::registry("fixtures/game-codes.toml")]
#[derive(serde::Serialize)]
pub(crate) enum GameCloseCode {}

#[test]
fn variants_come_from_the_fixture() {
    assert_eq!(
        GameCloseCode::ALL,
        [
            GameCloseCode::MatchCancelled,
            GameCloseCode::Kicked,
            GameCloseCode::AntiCheat,
            GameCloseCode::LocalTimeout
        ]
    );
    assert_eq!(GameCloseCode::MatchCancelled as u16, 3042);
    assert_eq!(GameCloseCode::Kicked.name(), "kicked");
    assert_eq!(GameCloseCode::Kicked.title(), "Kicked");
    assert_eq!(GameCloseCode::Kicked.to_string(), "4100 Kicked");
    assert_eq!(
        GameCloseCode::AntiCheat.reconnect(),
        Some("Do not reconnect.")
    );
    assert_eq!(
        GameCloseCode::MatchCancelled.link(),
        Some("https://example.com/game-protocol#section-7")
    );
    assert_eq!(
        GameCloseCode::AntiCheat.description(),
        "Doc text with \"quotes\", a backslash \\, `code`, */, \"#, **Markdown** and ünïcødé."
    );
}

#[test]
fn user_derives_are_kept() {
    // serde's derive names the variant; the user asked for it, the macro kept it.
    assert_eq!(
        serde_json::to_string(&GameCloseCode::Kicked).unwrap(),
        "\"Kicked\""
    );
}

#[test]
fn every_code_round_trips_through_close_code() {
    for game in GameCloseCode::ALL {
        let code = CloseCode::from(*game);
        assert_eq!(code, game.code());
        assert_eq!(code.get(), *game as u16);
        assert_eq!(u16::from(*game), *game as u16);
        assert_eq!(GameCloseCode::try_from(code), Ok(*game));
        assert_eq!(GameCloseCode::try_from(code.get()), Ok(*game));
        assert_eq!(GameCloseCode::from_code(code), Some(*game));
        assert_eq!(game.name().parse::<GameCloseCode>(), Ok(*game));
        assert_eq!(game.to_string().parse::<GameCloseCode>(), Ok(*game));
        assert_eq!(code.get().to_string().parse::<GameCloseCode>(), Ok(*game));
        // This fixture's codes are not standard ones (the macro cannot check that an
        // `iana = true` code was registered for this application and not another).
        assert_eq!(code.reason(), None::<CloseReason>);
    }
    assert!(GameCloseCode::try_from(CloseCode::NORMAL).is_err());
    assert_eq!(GameCloseCode::try_from(4102u16).unwrap_err().get(), 4102);
    assert!("normal".parse::<GameCloseCode>().is_err());
    assert!("1000".parse::<GameCloseCode>().is_err());
    assert!("4100 Normal Closure".parse::<GameCloseCode>().is_err());
}

#[test]
fn display_and_from_str_round_trip_on_every_code() {
    for number in 0..=u16::MAX {
        let parsed = number.to_string().parse::<GameCloseCode>();
        match GameCloseCode::try_from(number) {
            Ok(game) => {
                assert_eq!(parsed, Ok(game));
                assert_eq!(game.to_string().parse(), Ok(game));
            }
            Err(_) => assert!(parsed.is_err(), "{number}"),
        }
    }
}

#[test]
fn codes_go_into_close_frames() {
    let frame = CloseFrame::new(GameCloseCode::Kicked.into(), "afk").unwrap();
    assert_eq!(frame.to_payload().as_ref(), b"\x10\x04afk");
    let payload = frame.to_payload();
    let received = CloseFrame::parse(&payload).unwrap().unwrap();
    assert_eq!(
        GameCloseCode::try_from(received.code()),
        Ok(GameCloseCode::Kicked)
    );
    // The RFC accepts every private-use code on the wire; that the application keeps
    // 4999 to itself is its own rule, which its enum reports and enforces.
    assert!(!GameCloseCode::LocalTimeout.is_sendable());
    assert!(CloseCode::from(GameCloseCode::LocalTimeout).is_sendable());
}

#[test]
fn the_typed_path_refuses_local_only_codes() {
    let frame = GameCloseCode::Kicked.close_frame("afk").unwrap();
    assert_eq!(frame.to_payload().as_ref(), b"\x10\x04afk");
    let error = GameCloseCode::LocalTimeout.close_frame("").unwrap_err();
    assert_eq!(
        error.kind(),
        close_reasons::BuildFrameErrorKind::LocalOnlyCode
    );
    assert_eq!(error.code(), GameCloseCode::LocalTimeout.code());
    assert_eq!(
        error.to_string(),
        "close code 4999 is local only in its registry and is never sent"
    );
    // The reason length rule holds on this path too.
    let long = "a".repeat(124);
    let error = GameCloseCode::Kicked.close_frame(&long).unwrap_err();
    assert_eq!(
        error.kind(),
        close_reasons::BuildFrameErrorKind::ReasonTooLong
    );
}
