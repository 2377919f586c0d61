//! The public API as users see it: names, formatting, parsing, layout.

use core::mem::size_of;

use close_reasons::{CloseCode, CloseRange, CloseReason};

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
                reason.code(),
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
fn parsing_accepts_numbers_and_names_only() {
    assert_eq!("try_again_later".parse(), Ok(CloseReason::TryAgainLater));
    assert!("Try Again Later".parse::<CloseReason>().is_err());
    assert!("1013".parse::<CloseReason>().is_err());
    assert_eq!("1013".parse(), Ok(CloseCode::TRY_AGAIN_LATER));
    for bad in [
        "", "0", "65536", "-1", "+1000", " 1000", "normal ", "Normal",
    ] {
        assert!(bad.parse::<CloseCode>().is_err(), "{bad:?}");
    }
    assert_eq!(
        "0".parse::<CloseCode>().unwrap_err().to_string(),
        "0 is not a close code"
    );
}

#[test]
fn errors_say_what_was_wrong() {
    let error = CloseReason::try_from(4001u16).unwrap_err();
    assert_eq!(error.code(), 4001);
    assert_eq!(
        error.to_string(),
        "close code 4001 has no name in the registry"
    );
    assert_eq!(
        "nope".parse::<CloseReason>().unwrap_err().to_string(),
        "unknown close reason name"
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
    const CODE: CloseCode = CloseReason::ServiceRestart.close_code();
    const SENDABLE: bool = CODE.is_sendable();
    const REASON: Option<CloseReason> = CloseReason::from_code(1013);
    const _: () = assert!(SENDABLE);
    assert_eq!(REASON, Some(CloseReason::TryAgainLater));
}
