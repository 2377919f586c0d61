//! Behaviour stated one fact at a time, where the broader tests could miss a change:
//! each test here fails for a specific wrong implementation (found with cargo-mutants,
//! `scripts/mutants.sh`).

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::num::NonZeroU16;

use close_reasons::{
    BuildFrameErrorKind, CloseCode, CloseFrame, ClosePayload, MAX_REASON_LEN, ParseFrameErrorKind,
};

fn hash_of(value: &impl Hash) -> u64 {
    let mut hasher = DefaultHasher::new();
    value.hash(&mut hasher);
    hasher.finish()
}

#[test]
fn display_writes_the_number_as_std_does_for_every_width() {
    for number in 1..=u16::MAX {
        let shown = CloseCode::new(number).unwrap().to_string();
        let digits = number.to_string();
        assert!(
            shown == digits || shown.starts_with(&(digits.clone() + " ")),
            "{number}: {shown:?}"
        );
    }
    // One code of each width, in full.
    let shown = |number| CloseCode::new(number).unwrap().to_string();
    assert_eq!(shown(7), "7 (Unused)");
    assert_eq!(shown(10), "10 (Unused)");
    assert_eq!(shown(999), "999 (Unused)");
    assert_eq!(shown(2999), "2999 (Protocol)");
    assert_eq!(shown(10000), "10000");
    assert_eq!(shown(12345), "12345");
    assert_eq!(shown(65535), "65535");
}

#[test]
fn a_code_converts_to_its_nonzero_number() {
    for number in [1, 1000, 4001, u16::MAX] {
        let code = CloseCode::new(number).unwrap();
        assert_eq!(NonZeroU16::from(code).get(), number);
        assert_eq!(code.get_nonzero().get(), number);
        assert_eq!(CloseCode::from(NonZeroU16::new(number).unwrap()), code);
    }
}

#[test]
fn a_received_reason_may_be_123_bytes_and_no_more() {
    let longest = "a".repeat(MAX_REASON_LEN);
    let frame = CloseFrame::from_received(1000, &longest).unwrap();
    assert_eq!(frame.reason().len(), MAX_REASON_LEN);
    assert_eq!(frame.payload_len(), 125);
    let too_long = "a".repeat(MAX_REASON_LEN + 1);
    let error = CloseFrame::from_received(1000, &too_long).unwrap_err();
    assert_eq!(error.kind(), ParseFrameErrorKind::PayloadTooLong);
    assert_eq!(error.payload_len(), 126);
    assert_eq!(error.raw_code(), Some(1000));
}

#[test]
fn only_normal_codes_make_a_normal_closure_frame() {
    let frame = |number| CloseFrame::new(CloseCode::new(number).unwrap(), "").unwrap();
    assert!(frame(1000).is_normal_closure());
    assert!(frame(1001).is_normal_closure());
    assert!(!frame(1002).is_normal_closure());
    assert!(!frame(1011).is_normal_closure());
    assert!(!frame(4001).is_normal_closure());
}

#[test]
fn payloads_compare_hash_and_debug_by_their_bytes() {
    let normal = CloseFrame::new(CloseCode::NORMAL, "bye")
        .unwrap()
        .to_payload();
    let same = CloseFrame::new(CloseCode::NORMAL, "bye")
        .unwrap()
        .to_payload();
    let other_reason = CloseFrame::new(CloseCode::NORMAL, "hi")
        .unwrap()
        .to_payload();
    let other_code = CloseFrame::new(CloseCode::GOING_AWAY, "bye")
        .unwrap()
        .to_payload();
    assert_eq!(normal, same);
    assert_ne!(normal, other_reason);
    assert_ne!(normal, other_code);
    assert_ne!(normal, ClosePayload::empty());
    assert_eq!(ClosePayload::empty(), ClosePayload::default());
    assert_eq!(hash_of(&normal), hash_of(&same));
    assert_ne!(hash_of(&normal), hash_of(&other_reason));
    assert_eq!(hash_of(&normal), hash_of(&normal.as_bytes()));
    assert_eq!(
        format!("{normal:?}"),
        "ClosePayload([3, 232, 98, 121, 101])"
    );
    assert_eq!(format!("{:?}", ClosePayload::empty()), "ClosePayload([])");
}

#[test]
fn truncation_cuts_at_the_last_boundary_within_the_limit() {
    // 122 ASCII bytes then a character of 2, 3 or 4 bytes straddling byte 123.
    for (tail, kept) in [("é", 122), ("€", 122), ("😀", 122), ("a", 123)] {
        let reason = "a".repeat(MAX_REASON_LEN - 1) + tail + "zz";
        let frame = CloseFrame::new_truncating(CloseCode::NORMAL, &reason).unwrap();
        assert_eq!(frame.reason().len(), kept, "{tail}");
        assert_eq!(frame.reason(), &reason[..kept]);
    }
    // A character ending exactly at the limit is kept whole.
    let reason = "a".repeat(MAX_REASON_LEN - 4) + "😀" + "b";
    let frame = CloseFrame::new_truncating(CloseCode::NORMAL, &reason).unwrap();
    assert_eq!(frame.reason().len(), MAX_REASON_LEN);
    // Short reasons are kept as they are; empty stays empty.
    for reason in ["", "é", "short"] {
        let frame = CloseFrame::new_truncating(CloseCode::NORMAL, reason).unwrap();
        assert_eq!(frame.reason(), reason);
    }
    let error = CloseFrame::new_truncating(CloseCode::ABRUPTLY, "x").unwrap_err();
    assert_eq!(error.kind(), BuildFrameErrorKind::UnsendableCode);
}
