//! The public API as users see it: names, formatting, parsing, layout.

use core::mem::size_of;

use close_reasons::{CloseCode, CloseRange, CloseReason, InvalidCloseCodeKind};

/// The reasons, names, values, titles and sendability the project is specified to
/// have (RFC 6455 §7.4.1 and the IANA registry), written out independently of the data.
const SPECIFIED: &[(&str, u16, &str, bool)] = &[
    ("normal", 1000, "Normal Closure", true),
    ("going_away", 1001, "Going Away", true),
    ("protocol_error", 1002, "Protocol error", true),
    ("unexpected_data", 1003, "Unsupported Data", true),
    ("no_reason", 1005, "No Status Rcvd", false),
    ("abruptly", 1006, "Abnormal Closure", false),
    (
        "inconsistent_data",
        1007,
        "Invalid frame payload data",
        true,
    ),
    ("policy_violation", 1008, "Policy Violation", true),
    ("too_big", 1009, "Message Too Big", true),
    ("missing_extension", 1010, "Mandatory Ext.", true),
    ("server_error", 1011, "Internal Error", true),
    ("service_restart", 1012, "Service Restart", true),
    ("try_again_later", 1013, "Try Again Later", true),
    ("bad_gateway", 1014, "Bad Gateway", true),
    ("tls_handshake", 1015, "TLS handshake", false),
    ("unauthorized", 3000, "Unauthorized", true),
    ("forbidden", 3003, "Forbidden", true),
    ("timeout", 3008, "Timeout", true),
];

#[test]
fn reasons_are_the_specified_ones_in_order() {
    let actual: Vec<_> = CloseReason::ALL
        .iter()
        .map(|reason| {
            (
                reason.name(),
                u16::from(*reason),
                reason.title(),
                reason.is_sendable(),
            )
        })
        .collect();
    assert_eq!(actual, SPECIFIED);
}

#[test]
fn variants_have_the_specified_values() {
    assert_eq!(CloseReason::Normal as u16, 1000);
    assert_eq!(CloseReason::GoingAway as u16, 1001);
    assert_eq!(CloseReason::NoReason as u16, 1005);
    assert_eq!(CloseReason::Abruptly as u16, 1006);
    assert_eq!(CloseReason::BadGateway as u16, 1014);
    assert_eq!(CloseReason::TlsHandshake as u16, 1015);
    assert_eq!(CloseReason::Timeout as u16, 3008);
    assert_eq!(CloseCode::TRY_AGAIN_LATER.get(), 1013);
    assert_eq!(format!("{:?}", CloseReason::ServerError), "ServerError");
}

#[test]
fn display_names_code_and_title() {
    assert_eq!(CloseReason::GoingAway.to_string(), "1001 Going Away");
    assert_eq!(CloseCode::GOING_AWAY.to_string(), "1001 Going Away");
    assert_eq!(
        CloseCode::new(4001).unwrap().to_string(),
        "4001 (Private Use)"
    );
    assert_eq!(
        CloseCode::new(3001).unwrap().to_string(),
        "3001 (IANA Registry)"
    );
    assert_eq!(CloseCode::new(1004).unwrap().to_string(), "1004 (Protocol)");
    assert_eq!(CloseCode::new(5000).unwrap().to_string(), "5000");
    assert_eq!(CloseRange::Private.to_string(), "Private Use (4000-4999)");
    // Display honours width and alignment like `str` does.
    assert_eq!(
        format!("[{:>16}]", CloseReason::Timeout),
        "[    3008 Timeout]"
    );
}

#[test]
fn debug_names_the_variant_when_there_is_one() {
    assert_eq!(
        format!("{:?}", CloseCode::NORMAL),
        "CloseCode(1000, Normal)"
    );
    assert_eq!(
        format!("{:?}", CloseCode::new(4001).unwrap()),
        "CloseCode(4001)"
    );
}

#[test]
fn parsing_accepts_names_numbers_and_what_display_writes() {
    assert_eq!("try_again_later".parse(), Ok(CloseReason::TryAgainLater));
    assert_eq!("1013".parse(), Ok(CloseReason::TryAgainLater));
    assert_eq!(
        "1013 Try Again Later".parse(),
        Ok(CloseReason::TryAgainLater)
    );
    assert!("Try Again Later".parse::<CloseReason>().is_err());
    assert!("1013 Try again later".parse::<CloseReason>().is_err());
    assert_eq!("1013".parse(), Ok(CloseCode::TRY_AGAIN_LATER));
    assert_eq!(
        CloseCode::GOING_AWAY.to_string().parse(),
        Ok(CloseCode::GOING_AWAY)
    );
    assert_eq!("01000".parse(), Ok(CloseCode::NORMAL));
    for bad in [
        "",
        "0",
        "65536",
        "-1",
        "+1000",
        " 1000",
        "normal ",
        "Normal",
        "1000 ",
        "1000  Normal Closure",
        "4001 (Private)",
        "5000 (Private Use)",
        "1000x",
        "1 000",
        "99999 Normal Closure",
    ] {
        assert!(bad.parse::<CloseCode>().is_err(), "{bad:?}");
        assert!(bad.parse::<CloseReason>().is_err(), "{bad:?}");
    }
    let kind = |text: &str| text.parse::<CloseCode>().unwrap_err().kind();
    assert_eq!(kind("99999 Normal Closure"), InvalidCloseCodeKind::TooLarge);
    assert_eq!(kind("0 Normal Closure"), InvalidCloseCodeKind::Zero);
    assert_eq!(kind("1000 Going Away"), InvalidCloseCodeKind::WrongTitle);
    assert_eq!(kind("1000x"), InvalidCloseCodeKind::UnknownName);
    assert_eq!(
        "1000 Going Away"
            .parse::<CloseCode>()
            .unwrap_err()
            .to_string(),
        "the text after the close code number is not its title"
    );
    assert_eq!(
        "0".parse::<CloseCode>().unwrap_err().to_string(),
        "0 is not a close code"
    );
}

#[test]
fn errors_say_what_was_wrong() {
    let error = CloseReason::try_from(4001u16).unwrap_err();
    assert_eq!(error.get(), 4001);
    assert_eq!(CloseReason::try_from(0u16).unwrap_err().get(), 0);
    assert_eq!(
        error.to_string(),
        "close code 4001 has no name in the registry"
    );
    assert_eq!(
        "nope".parse::<CloseReason>().unwrap_err().to_string(),
        "not a close reason of the registry: expected its name, its number, or both as Display writes them"
    );
}

#[test]
fn layout_is_two_bytes_with_a_niche() {
    assert_eq!(size_of::<CloseCode>(), 2);
    assert_eq!(size_of::<Option<CloseCode>>(), 2);
    assert_eq!(size_of::<CloseReason>(), 2);
}

#[test]
fn ordering_and_equality_are_numeric() {
    let mut codes = [
        CloseCode::new(4001).unwrap(),
        CloseCode::NORMAL,
        CloseCode::TIMEOUT,
    ];
    codes.sort();
    assert_eq!(codes.map(CloseCode::get), [1000, 3008, 4001]);
    assert!(CloseReason::Normal < CloseReason::GoingAway);
}

#[test]
fn descriptions_and_references_come_from_the_registry() {
    for reason in CloseReason::ALL {
        assert!(!reason.description().is_empty());
        assert!(
            reason
                .link()
                .is_some_and(|link| link.starts_with("https://"))
        );
    }
    assert!(CloseReason::Abruptly.description().contains("never sent"));
    assert_eq!(CloseReason::Normal.reference(), "RFC 6455 §7.4.1");
}

#[test]
fn items_are_usable_in_const_context() {
    const CODE: CloseCode = CloseReason::ServiceRestart.code();
    const SENDABLE: bool = CODE.is_sendable();
    const REASON: Option<CloseReason> = CloseReason::from_code(CloseCode::TRY_AGAIN_LATER);
    const IN_RANGE: bool = CloseRange::Protocol.contains(CODE);
    const FRAME_BUILDS: bool = CloseReason::Normal.close_frame("bye").is_ok();
    const _: () = assert!(SENDABLE && IN_RANGE && FRAME_BUILDS);
    assert_eq!(REASON, Some(CloseReason::TryAgainLater));
}

/// `code()` is a `CloseCode` everywhere; the number comes from `get()` or `as u16`.
#[test]
fn code_means_a_close_code() {
    for reason in CloseReason::ALL {
        let code: CloseCode = reason.code();
        assert_eq!(code.get(), *reason as u16);
        assert_eq!(code.close_reason(), Some(*reason));
        assert_eq!(CloseReason::from_code(code), Some(*reason));
        assert_eq!(CloseReason::try_from(code), Ok(*reason));
    }
    let frame = close_reasons::CloseFrame::new(CloseCode::NORMAL, "").unwrap();
    let _: CloseCode = frame.code();
}

/// `reason()` is a Close's text; the named reason of a code is `close_reason()`, and the
/// old name answers the same until 1.0.
#[test]
#[allow(deprecated)]
fn the_former_name_of_close_reason_still_answers() {
    for value in 0..=u16::MAX {
        if let Some(code) = CloseCode::new(value) {
            assert_eq!(code.reason(), code.close_reason(), "{value}");
        }
    }
    let frame = close_reasons::CloseFrame::new(CloseCode::GOING_AWAY, "bye").unwrap();
    assert_eq!(frame.reason(), "bye");
    assert_eq!(frame.code().close_reason(), Some(CloseReason::GoingAway));
}

/// Width, fill, alignment and precision act on the whole text exactly as they do on a
/// string, for named and unnamed codes alike.
#[test]
fn display_formats_like_a_string_for_every_code() {
    for number in (1..=u16::MAX)
        .step_by(7)
        .chain([1000, 1005, 3008, 4001, 65535])
    {
        let code = CloseCode::new(number).unwrap();
        let text = code.to_string();
        let pairs = [
            (format!("{code:.4}"), format!("{text:.4}")),
            (format!("{code:.0}"), format!("{text:.0}")),
            (format!("{code:.30}"), format!("{text:.30}")),
            (format!("{code:>24}"), format!("{text:>24}")),
            (format!("{code:*^25.6}"), format!("{text:*^25.6}")),
            (format!("{code:<3}"), format!("{text:<3}")),
            (format!("{code:é>30.9}"), format!("{text:é>30.9}")),
        ];
        for (formatted, expected) in pairs {
            assert_eq!(formatted, expected, "{number}");
        }
    }
    for range in CloseRange::ALL {
        let text = range.to_string();
        assert_eq!(format!("{range:-^40.7}"), format!("{text:-^40.7}"));
    }
}

#[test]
fn ranges_answer_for_their_codes() {
    for number in 1..=u16::MAX {
        let code = CloseCode::new(number).unwrap();
        for range in CloseRange::ALL {
            assert_eq!(
                range.contains(code),
                range.codes().contains(&number),
                "{number}"
            );
            assert_eq!(
                range.contains(code),
                code.range() == Some(*range),
                "{number}"
            );
        }
    }
    assert_eq!(CloseRange::of(0), Some(CloseRange::Unused));
    for number in 1..=u16::MAX {
        let code = CloseCode::new(number).unwrap();
        assert_eq!(
            CloseRange::from_code(code),
            CloseRange::of(number),
            "{number}"
        );
        assert_eq!(CloseRange::from_code(code), code.range(), "{number}");
    }
    assert!(CloseCode::new(4001).unwrap().is_private());
    // Unnamed codes of the protocol range may not be sent, named ones decide for themselves.
    assert!(!CloseRange::Protocol.unnamed_codes_sendable());
    assert!(CloseRange::Protocol.contains(CloseCode::NORMAL) && CloseCode::NORMAL.is_sendable());
    assert!(CloseRange::Private.unnamed_codes_sendable());
}

#[test]
fn reasons_build_frames_only_when_sendable() {
    for reason in CloseReason::ALL {
        let built = reason.close_frame("r");
        assert_eq!(built.is_ok(), reason.is_sendable(), "{reason}");
        if let Ok(frame) = built {
            assert_eq!((frame.code(), frame.reason()), (reason.code(), "r"));
        }
    }
    let error = CloseReason::NoReason.close_frame("").unwrap_err();
    assert_eq!(error.code(), CloseCode::NO_REASON);
    // The wire's rule is the one reported when both forbid the code.
    assert_eq!(
        error.kind(),
        close_reasons::BuildFrameErrorKind::UnsendableCode
    );
}

#[test]
fn codes_compare_with_reasons_both_ways() {
    let code = CloseCode::new(1000).unwrap();
    assert!(code == CloseReason::Normal);
    assert!(CloseReason::Normal == code);
    assert!(code != CloseReason::GoingAway);
    assert!(CloseReason::GoingAway != code);
    for number in 1..=u16::MAX {
        let code = CloseCode::new(number).unwrap();
        for reason in CloseReason::ALL {
            assert_eq!(code == *reason, number == *reason as u16, "{number}");
            assert_eq!(*reason == code, number == *reason as u16, "{number}");
        }
    }
}

/// A delay window is never empty: its shortest delay is at most its longest, to the
/// nanosecond.
#[test]
fn delay_windows_are_never_empty() {
    use close_reasons::DelayWindow;
    use std::time::Duration;

    let second = Duration::from_secs(1);
    let just_over = second + Duration::from_nanos(1);
    assert!(DelayWindow::new(second, second).is_some());
    assert!(DelayWindow::new(second, just_over).is_some());
    assert_eq!(DelayWindow::new(just_over, second), None);
    assert_eq!(DelayWindow::from_millis(1001, 1000), None);
    let window = DelayWindow::from_millis(0, u64::MAX).unwrap();
    assert_eq!(
        (window.min(), window.max()),
        (Duration::ZERO, Duration::from_millis(u64::MAX))
    );
}
