//! The Close frame codec: every rule of RFC 6455 §5.5.1 and §7.4, at its boundaries.

use close_reasons::{
    BuildFrameErrorKind, CloseCode, CloseFrame, ClosePayload, MAX_PAYLOAD_LEN, MAX_REASON_LEN,
    ParseFrameErrorKind,
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
fn one_byte_is_too_short_for_a_code() {
    let error = CloseFrame::parse(&[0x03]).unwrap_err();
    assert_eq!(error.kind(), ParseFrameErrorKind::Truncated);
    assert_eq!(error.answer(), CloseCode::PROTOCOL_ERROR);
    assert_eq!((error.raw_code(), error.payload_len()), (None, 1));
    assert_eq!(error.valid_up_to(), None);
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
    assert_eq!(error.kind(), ParseFrameErrorKind::PayloadTooLong);
    assert_eq!((error.raw_code(), error.payload_len()), (Some(1000), 126));
    assert_eq!(error.answer(), CloseCode::PROTOCOL_ERROR);
    // A payload too long is reported as such whatever its code.
    let error = CloseFrame::parse(&payload(0, &[b'a'; 200])).unwrap_err();
    assert_eq!(error.kind(), ParseFrameErrorKind::PayloadTooLong);
    assert_eq!((error.raw_code(), error.payload_len()), (Some(0), 202));
}

#[test]
fn codes_that_may_not_be_sent_are_rejected_with_the_code() {
    for code in [0, 1, 999, 1004, 1005, 1006, 1015, 1016, 2999, 5000, 65535] {
        let error = CloseFrame::parse(&payload(code, b"x")).unwrap_err();
        assert_eq!(error.kind(), ParseFrameErrorKind::InvalidCode);
        assert_eq!((error.raw_code(), error.payload_len()), (Some(code), 3));
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
    assert_eq!(error.kind(), ParseFrameErrorKind::InvalidUtf8);
    assert_eq!(
        (error.raw_code(), error.payload_len(), error.valid_up_to()),
        (Some(1001), 7, Some(2))
    );
    assert_eq!(error.answer(), CloseCode::INCONSISTENT_DATA);
    // A character cut short at the end of the payload is invalid too.
    let cut = &"é".as_bytes()[..1];
    let error = CloseFrame::parse(&payload(1000, cut)).unwrap_err();
    assert_eq!(
        (error.kind(), error.valid_up_to()),
        (ParseFrameErrorKind::InvalidUtf8, Some(0))
    );
}

#[test]
fn building_checks_code_and_reason_length() {
    let error = CloseFrame::new(CloseCode::ABRUPTLY, "gone").unwrap_err();
    assert_eq!(error.kind(), BuildFrameErrorKind::UnsendableCode);
    assert_eq!((error.code(), error.reason_len()), (CloseCode::ABRUPTLY, 4));
    assert_eq!(error.buffer_len(), None);
    let at_limit = "a".repeat(MAX_REASON_LEN);
    assert!(CloseFrame::new(CloseCode::NORMAL, &at_limit).is_ok());
    let over = "a".repeat(MAX_REASON_LEN + 1);
    let error = CloseFrame::new(CloseCode::NORMAL, &over).unwrap_err();
    assert_eq!(error.kind(), BuildFrameErrorKind::ReasonTooLong);
    assert_eq!((error.code(), error.reason_len()), (CloseCode::NORMAL, 124));
}

/// Whose fault an error is, is its type: the peer's errors carry the answer to send,
/// the local application's do not (checked at compile time by the signatures here).
#[test]
fn errors_are_typed_by_whose_fault_they_are() {
    let local: [close_reasons::BuildFrameError; 3] = [
        CloseFrame::new(CloseCode::NO_REASON, "").unwrap_err(),
        CloseFrame::new(CloseCode::NORMAL, &"a".repeat(124)).unwrap_err(),
        CloseFrame::new(CloseCode::NORMAL, "abc")
            .unwrap()
            .write_to(&mut [0; 2])
            .unwrap_err(),
    ];
    let kinds = local.map(|error| error.kind());
    assert_eq!(
        kinds,
        [
            BuildFrameErrorKind::UnsendableCode,
            BuildFrameErrorKind::ReasonTooLong,
            BuildFrameErrorKind::BufferTooSmall
        ]
    );
    let received: [close_reasons::ParseFrameError; 4] = [
        CloseFrame::parse(&[1]).unwrap_err(),
        CloseFrame::parse(&payload(1005, b"")).unwrap_err(),
        CloseFrame::parse(&payload(1000, &[b'a'; 124])).unwrap_err(),
        CloseFrame::parse(&payload(1000, b"\xff")).unwrap_err(),
    ];
    let answers = received.map(|error| error.answer().get());
    assert_eq!(answers, [1002, 1002, 1002, 1007]);
    // The frame to answer with is that code alone, and goes through the wire check.
    for error in received {
        let frame = error.answer_frame();
        assert_eq!((frame.code(), frame.reason()), (error.answer(), ""));
        assert_eq!(CloseFrame::new(error.answer(), ""), Ok(frame));
        assert_eq!(CloseFrame::parse(&frame.to_payload()), Ok(Some(frame)));
    }
}

#[test]
fn every_cause_has_its_own_message() {
    let received = [
        CloseFrame::parse(&[7]).unwrap_err(),
        CloseFrame::parse(&payload(1000, &[b'a'; 124])).unwrap_err(),
        CloseFrame::parse(&payload(1006, b"")).unwrap_err(),
        CloseFrame::parse(&payload(1000, b"ok\xff")).unwrap_err(),
    ];
    let received = received.map(|error| error.to_string());
    assert_eq!(
        received,
        [
            "received close payload of 1 byte is too short for a status code",
            "received close payload of 126 bytes exceeds the 125-byte limit of a control frame",
            "received close code 1006 is not allowed in a close frame",
            "received close reason is not valid UTF-8 after its first 2 bytes",
        ]
    );
    let frame = CloseFrame::new(CloseCode::NORMAL, "abc").unwrap();
    let local = [
        CloseFrame::new(CloseCode::ABRUPTLY, "").unwrap_err(),
        CloseFrame::new(CloseCode::NORMAL, &"a".repeat(124)).unwrap_err(),
        frame.write_to(&mut [0; 4]).unwrap_err(),
    ];
    let local = local.map(|error| error.to_string());
    assert_eq!(
        local,
        [
            "close code 1006 may not be sent in a close frame",
            "close reason of 124 bytes exceeds the 123-byte limit",
            "buffer of 4 bytes cannot hold a close payload of 5",
        ]
    );
}

#[test]
fn received_frames_split_by_another_stack_are_checked_like_payloads() {
    let frame = CloseFrame::from_received(4001, "kicked").unwrap();
    assert_eq!((frame.code().get(), frame.reason()), (4001, "kicked"));
    for number in [0, 999, 1004, 1005, 1006, 1015, 5000] {
        let error = CloseFrame::from_received(number, "").unwrap_err();
        assert_eq!(error.kind(), ParseFrameErrorKind::InvalidCode);
        assert_eq!(error.raw_code(), Some(number));
    }
    let long = "a".repeat(MAX_REASON_LEN + 1);
    let error = CloseFrame::from_received(1000, &long).unwrap_err();
    assert_eq!(
        (error.kind(), error.payload_len()),
        (ParseFrameErrorKind::PayloadTooLong, 126)
    );
    // The same answers as for the payload those parts make.
    for number in 0..=u16::MAX {
        let bytes = payload(number, b"x");
        assert_eq!(
            CloseFrame::from_received(number, "x"),
            CloseFrame::parse(&bytes).map(Option::unwrap),
            "{number}"
        );
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
    let error = frame.write_to(&mut small).unwrap_err();
    assert_eq!(error.kind(), BuildFrameErrorKind::BufferTooSmall);
    assert_eq!((error.buffer_len(), error.reason_len()), (Some(7), 6));
    assert_eq!(small, [0; 7], "nothing is written on error");
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
