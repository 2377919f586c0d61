//! An application's own registry, used as an outside crate would use it.

use std::time::Duration;

use close_reasons::{CloseCode, CloseFrame, CloseRange, CloseReason, DelayWindow, Reconnect};

/// Close codes of a game server.
#[close_reasons::registry("fixtures/game-codes.toml")]
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
        GameCloseCode::AntiCheat.reconnect_advice(),
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
fn reconnect_policies_come_from_the_registry_or_the_standard_ranges() {
    // The fixture states one policy; the others take their range's.
    assert_eq!(GameCloseCode::AntiCheat.reconnect(), Reconnect::Never);
    assert_eq!(
        GameCloseCode::MatchCancelled.reconnect(),
        CloseRange::IanaRegistry.reconnect()
    );
    assert_eq!(
        GameCloseCode::Kicked.reconnect(),
        CloseRange::Private.reconnect()
    );
    assert_eq!(CloseRange::Private.reconnect(), Reconnect::Backoff);
    // `reconnect_for`: the application's policy for its codes, the standard one else.
    let anti_cheat = GameCloseCode::AntiCheat.code();
    assert_eq!(anti_cheat.reconnect(), Reconnect::Backoff);
    assert_eq!(GameCloseCode::reconnect_for(anti_cheat), Reconnect::Never);
    assert_eq!(
        GameCloseCode::reconnect_for(CloseCode::SERVICE_RESTART),
        Reconnect::AfterDelay(
            DelayWindow::new(Duration::from_secs(5), Duration::from_secs(30)).unwrap()
        )
    );
    assert_eq!(
        GameCloseCode::reconnect_for(CloseCode::NORMAL),
        Reconnect::Never
    );
    let unnamed = CloseCode::new(4500).unwrap();
    assert_eq!(GameCloseCode::reconnect_for(unnamed), Reconnect::Backoff);
    assert_eq!(
        GameCloseCode::reconnect_for(CloseCode::new(5000).unwrap()),
        Reconnect::Never
    );
    // Usable in constants.
    const AFTER_KICK: Reconnect = GameCloseCode::reconnect_for(CloseCode::new(4100).unwrap());
    assert_eq!(AFTER_KICK, GameCloseCode::Kicked.reconnect());
}

#[test]
fn application_fields_have_their_accessors() {
    use GameCloseCode::{AntiCheat, Kicked, LocalTimeout, MatchCancelled};
    let resumable: Vec<bool> = GameCloseCode::ALL
        .iter()
        .map(|code| code.resumable())
        .collect();
    assert_eq!(resumable, [true, false, false, false]);
    assert_eq!(AntiCheat.log_level(), GameCloseCodeLogLevel::Warn);
    assert_eq!(
        Kicked.log_level(),
        GameCloseCodeLogLevel::Info,
        "the default"
    );
    assert_eq!(GameCloseCodeLogLevel::Warn.name(), "warn");
    assert_eq!(AntiCheat.penalty_minutes(), -30);
    assert_eq!(LocalTimeout.penalty_minutes(), 0);
    assert_eq!(AntiCheat.help_page(), "https://example.com/fair-play");
    assert_eq!(MatchCancelled.help_page(), "");
    // `const fn`s, usable in constants.
    const LOUD: GameCloseCodeLogLevel = GameCloseCode::AntiCheat.log_level();
    assert!(
        LOUD > GameCloseCodeLogLevel::Info,
        "the words keep their order"
    );
}

#[test]
fn serde_writes_and_reads_the_number() {
    // close-reasons' `serde` feature is on in this crate: the enum is its number, as
    // `CloseReason` is.
    assert_eq!(
        serde_json::to_string(&GameCloseCode::Kicked).unwrap(),
        "4100"
    );
    for number in 0..=u16::MAX {
        let read = serde_json::from_str::<GameCloseCode>(&number.to_string());
        match GameCloseCode::try_from(number) {
            Ok(game) => {
                assert_eq!(read.unwrap(), game);
                assert_eq!(serde_json::to_string(&game).unwrap(), number.to_string());
            }
            Err(_) => {
                let error = read.unwrap_err().to_string();
                assert!(
                    error.contains(&format!(
                        "invalid value: integer `{number}`, expected a close code named by GameCloseCode (3042, 4100, 4101 or 4999)"
                    )),
                    "{error}"
                );
            }
        }
    }
    assert!(serde_json::from_str::<GameCloseCode>("\"Kicked\"").is_err());
}

#[test]
fn codes_compare_with_variants_both_ways() {
    let kicked = CloseCode::new(4100).unwrap();
    assert!(kicked == GameCloseCode::Kicked);
    assert!(GameCloseCode::Kicked == kicked);
    assert!(kicked != GameCloseCode::AntiCheat);
    assert!(GameCloseCode::AntiCheat != kicked);
    for number in 1..=u16::MAX {
        let code = CloseCode::new(number).unwrap();
        for game in GameCloseCode::ALL {
            assert_eq!(code == *game, number == *game as u16);
            assert_eq!(*game == code, number == *game as u16);
        }
    }
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
        assert_eq!(code.close_reason(), None::<CloseReason>);
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

#[test]
fn lookup_over_three_windows_agrees_with_a_linear_search_on_every_code() {
    // The fixture's codes sit in three windows (3042; 4100-4101; 4999), which the
    // generator turns into a keyed table rather than a `match`.
    for number in 0..=u16::MAX {
        let linear = GameCloseCode::ALL
            .iter()
            .copied()
            .find(|game| *game as u16 == number);
        assert_eq!(GameCloseCode::try_from(number).ok(), linear, "{number}");
        if let Some(code) = CloseCode::new(number) {
            assert_eq!(GameCloseCode::from_code(code), linear, "{number}");
        }
    }
}

/// `AnyCode` orders by number, not by which registry named the code.
#[test]
fn any_codes_order_by_number() {
    use close_reasons::AnyCode;

    let mut codes: Vec<AnyCode<GameCloseCode>> = [4100, 1001, 4002, 3000, 1000]
        .into_iter()
        .map(|number| GameCloseCode::classify(CloseCode::new(number).unwrap()))
        .collect();
    codes.sort();
    let numbers: Vec<u16> = codes.iter().map(|any| any.code().get()).collect();
    assert_eq!(numbers, [1000, 1001, 3000, 4002, 4100]);
    assert!(AnyCode::Application(GameCloseCode::Kicked) > AnyCode::Standard(CloseReason::Normal));
    // One number written as two kinds by hand: ordered, and unequal, by kind.
    let kicked = GameCloseCode::Kicked.code();
    assert!(AnyCode::Application(GameCloseCode::Kicked) < AnyCode::Unnamed(kicked));
}

#[test]
fn classify_names_a_code_by_the_application_first_then_the_standard() {
    use close_reasons::AnyCode;

    let code = |number| CloseCode::new(number).unwrap();
    assert_eq!(
        GameCloseCode::classify(code(4100)),
        AnyCode::Application(GameCloseCode::Kicked)
    );
    assert_eq!(
        GameCloseCode::classify(code(1001)),
        AnyCode::Standard(CloseReason::GoingAway)
    );
    assert_eq!(
        GameCloseCode::classify(code(4002)),
        AnyCode::Unnamed(code(4002))
    );
    assert_eq!(
        GameCloseCode::classify(code(4100)).to_string(),
        "4100 Kicked"
    );
    assert_eq!(
        GameCloseCode::classify(code(1001)).to_string(),
        "1001 Going Away"
    );
    assert_eq!(
        GameCloseCode::classify(code(4002)).to_string(),
        "4002 (Private Use)"
    );
    assert_eq!(
        format!("{:>12}|", GameCloseCode::classify(code(4100))),
        " 4100 Kicked|"
    );
    for number in 1..=u16::MAX {
        let received = code(number);
        let classified = GameCloseCode::classify(received);
        assert_eq!(classified.code(), received);
        let expected = match (GameCloseCode::try_from(received), received.close_reason()) {
            (Ok(game), _) => AnyCode::Application(game),
            (Err(_), Some(reason)) => AnyCode::Standard(reason),
            (Err(_), None) => AnyCode::Unnamed(received),
        };
        assert_eq!(classified, expected, "{number}");
        let shown = match GameCloseCode::try_from(received) {
            Ok(game) => game.to_string(),
            Err(_) => received.to_string(),
        };
        assert_eq!(classified.to_string(), shown, "{number}");
    }
}
