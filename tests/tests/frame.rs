//! The Close frame codec: every rule of RFC 6455 §5.5.1 and §7.4, at its boundaries.

use close_reasons::{
    CloseCode, CloseFrame, CloseFrameError, ClosePayload, MAX_PAYLOAD_LEN, MAX_REASON_LEN,
};
use proptest::prelude::*;

fn payload(code: u16, reason: &[u8]) -> Vec<u8> {
    let mut payload = code.to_be_bytes().to_vec();
    payload.extend_from_slice(reason);
    payload
}

#[test]
fn empty_payload_means_no_status() {
    assert_eq!(CloseFrame::parse(&[]), Ok(None));
    assert!(CloseCode::NO_REASON.is_normal_closure());
    assert_eq!(ClosePayload::empty().as_ref(), b"");
}

#[test]
fn one_byte_is_an_error_that_keeps_the_byte() {
    let error = CloseFrame::parse(&[0x03]).unwrap_err();
    assert_eq!(error, CloseFrameError::Truncated { byte: 0x03 });
    assert_eq!(error.answer(), CloseCode::PROTOCOL_ERROR);
    assert_eq!(error.code(), None);
}

#[test]
fn two_bytes_is_a_code_without_reason() {
    let frame = CloseFrame::parse(&[0x03, 0xE8]).unwrap().unwrap();
    assert_eq!((frame.code(), frame.reason()), (CloseCode::NORMAL, ""));
}

#[test]
fn payload_length_limit_is_125_bytes() {
    let at_limit = payload(1000, &[b'a'; MAX_REASON_LEN]);
    assert_eq!(at_limit.len(), 125);
    assert_eq!(
        CloseFrame::parse(&at_limit)
            .unwrap()
            .unwrap()
            .reason()
            .len(),
        123
    );

    let over = payload(1000, &[b'a'; MAX_REASON_LEN + 1]);
    assert_eq!(over.len(), 126);
    let error = CloseFrame::parse(&over).unwrap_err();
    assert_eq!(
        error,
        CloseFrameError::PayloadTooLong {
            code: 1000,
            len: 126
        }
    );
    assert_eq!(error.answer(), CloseCode::PROTOCOL_ERROR);
    assert_eq!(error.code(), Some(1000));
}

#[test]
fn codes_that_may_not_be_sent_are_rejected_with_the_code() {
    for code in [0, 1, 999, 1004, 1005, 1006, 1015, 1016, 2999, 5000, 65535] {
        let error = CloseFrame::parse(&payload(code, b"x")).unwrap_err();
        assert_eq!(error, CloseFrameError::InvalidCode { code });
        assert_eq!(error.answer(), CloseCode::PROTOCOL_ERROR);
    }
    for code in [
        1000, 1003, 1007, 1011, 1012, 1013, 1014, 3000, 3999, 4000, 4999,
    ] {
        assert!(CloseFrame::parse(&payload(code, b"x")).is_ok(), "{code}");
    }
}

#[test]
fn invalid_utf8_answers_1007_and_keeps_code_and_position() {
    let error = CloseFrame::parse(&payload(1001, b"ab\xffcd")).unwrap_err();
    assert_eq!(
        error,
        CloseFrameError::InvalidUtf8 {
            code: CloseCode::GOING_AWAY,
            valid_up_to: 2
        }
    );
    assert_eq!(error.answer(), CloseCode::INCONSISTENT_DATA);
    // A character cut short at the end of the payload is invalid too.
    let cut = &"é".as_bytes()[..1];
    assert!(matches!(
        CloseFrame::parse(&payload(1000, cut)),
        Err(CloseFrameError::InvalidUtf8 { valid_up_to: 0, .. })
    ));
}

#[test]
fn building_checks_code_and_reason_length() {
    assert_eq!(
        CloseFrame::new(CloseCode::ABRUPTLY, ""),
        Err(CloseFrameError::UnsendableCode {
            code: CloseCode::ABRUPTLY
        })
    );
    let at_limit = "a".repeat(MAX_REASON_LEN);
    assert!(CloseFrame::new(CloseCode::NORMAL, &at_limit).is_ok());
    let over = "a".repeat(MAX_REASON_LEN + 1);
    assert_eq!(
        CloseFrame::new(CloseCode::NORMAL, &over),
        Err(CloseFrameError::ReasonTooLong {
            code: 1000,
            len: 124
        })
    );
}

#[test]
fn errors_of_the_local_application_do_not_blame_the_peer() {
    let local = [
        CloseFrame::new(CloseCode::NO_REASON, "").unwrap_err(),
        CloseFrame::new(CloseCode::NORMAL, &"a".repeat(124)).unwrap_err(),
        CloseFrame::new(CloseCode::NORMAL, "abc")
            .unwrap()
            .write_to(&mut [0; 2])
            .unwrap_err(),
    ];
    for error in local {
        assert!(!error.is_peer_error(), "{error:?}");
        assert_eq!(error.answer(), CloseCode::SERVER_ERROR, "{error:?}");
    }
    let received = [
        CloseFrame::parse(&[1]).unwrap_err(),
        CloseFrame::parse(&payload(1005, b"")).unwrap_err(),
        CloseFrame::parse(&payload(1000, &[b'a'; 124])).unwrap_err(),
        CloseFrame::parse(&payload(1000, b"\xff")).unwrap_err(),
    ];
    for error in received {
        assert!(error.is_peer_error(), "{error:?}");
        assert_ne!(error.answer(), CloseCode::SERVER_ERROR, "{error:?}");
    }
}

#[test]
fn truncating_never_cuts_a_character() {
    // 121 ASCII bytes and a 4-byte character: 125 bytes, the character straddles 123.
    let reason = format!("{}🦀", "a".repeat(121));
    assert_eq!(reason.len(), 125);
    assert!(CloseFrame::new(CloseCode::NORMAL, &reason).is_err());
    let frame = CloseFrame::new_truncating(CloseCode::NORMAL, &reason).unwrap();
    assert_eq!(frame.reason(), "a".repeat(121));
    // Exactly at the limit nothing is cut.
    let fits = format!("{}🦀", "a".repeat(119));
    assert_eq!(
        CloseFrame::new_truncating(CloseCode::NORMAL, &fits)
            .unwrap()
            .reason(),
        fits
    );
    assert!(CloseFrame::new_truncating(CloseCode::NO_REASON, "x").is_err());
}

#[test]
fn payload_bytes_are_exact() {
    let frame = CloseFrame::new(CloseCode::new(4001).unwrap(), "kicked").unwrap();
    assert_eq!(frame.to_payload().as_ref(), b"\x0f\xa1kicked");
    assert_eq!(frame.payload_len(), 8);

    let mut buffer = [0u8; 8];
    assert_eq!(frame.write_to(&mut buffer).unwrap(), b"\x0f\xa1kicked");
    let mut small = [0u8; 7];
    assert_eq!(
        frame.write_to(&mut small),
        Err(CloseFrameError::BufferTooSmall {
            needed: 8,
            available: 7
        })
    );
    assert_eq!(small, [0; 7], "nothing is written on error");
}

#[test]
fn errors_display_what_was_received() {
    let error = CloseFrame::parse(&payload(1006, b"")).unwrap_err();
    assert_eq!(
        error.to_string(),
        "close code 1006 may not be sent in a close frame"
    );
    let error = CloseFrame::parse(&[7]).unwrap_err();
    assert_eq!(
        error.to_string(),
        "close payload of one byte (0x07): too short for a status code"
    );
}

fn sendable_code() -> impl Strategy<Value = CloseCode> {
    let sendable: Vec<CloseCode> = (1..=u16::MAX)
        .filter_map(CloseCode::new)
        .filter(|code| code.is_sendable())
        .collect();
    proptest::sample::select(sendable)
}

fn valid_reason() -> impl Strategy<Value = String> {
    ".{0,123}".prop_map(|reason: String| {
        let mut end = reason.len().min(MAX_REASON_LEN);
        while !reason.is_char_boundary(end) {
            end -= 1;
        }
        reason[..end].to_owned()
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 5000, ..ProptestConfig::default() })]

    #[test]
    fn any_payload_parses_or_errors(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        match CloseFrame::parse(&bytes) {
            Ok(None) => prop_assert!(bytes.is_empty()),
            Ok(Some(frame)) => {
                prop_assert!(bytes.len() <= MAX_PAYLOAD_LEN);
                prop_assert!(frame.code().is_sendable());
                let rebuilt = frame.to_payload();
                prop_assert_eq!(rebuilt.as_ref(), &bytes[..]);
            }
            Err(error) => prop_assert!(matches!(error.answer().get(), 1002 | 1007)),
        }
    }

    #[test]
    fn build_then_parse_round_trips(code in sendable_code(), reason in valid_reason()) {
        let frame = CloseFrame::new(code, &reason).unwrap();
        let payload = frame.to_payload();
        prop_assert_eq!(CloseFrame::parse(&payload), Ok(Some(frame)));
        let mut buffer = [0u8; MAX_PAYLOAD_LEN];
        prop_assert_eq!(frame.write_to(&mut buffer).unwrap(), payload.as_ref());
    }

    #[test]
    fn truncation_keeps_a_prefix_of_whole_characters(reason in ".{0,200}") {
        let frame = CloseFrame::new_truncating(CloseCode::NORMAL, &reason).unwrap();
        prop_assert!(reason.starts_with(frame.reason()));
        prop_assert!(frame.reason().len() <= MAX_REASON_LEN);
        prop_assert!(reason.len() <= MAX_REASON_LEN || frame.reason().len() > MAX_REASON_LEN - 4);
    }
}

#[test]
fn every_sendable_code_round_trips_through_a_payload() {
    for value in 1..=u16::MAX {
        let code = CloseCode::new(value).unwrap();
        let built = CloseFrame::new(code, "r");
        assert_eq!(built.is_ok(), code.is_sendable(), "{value}");
        if let Ok(frame) = built {
            assert_eq!(CloseFrame::parse(&frame.to_payload()), Ok(Some(frame)));
        }
    }
}
