//! `serde`: codes as numbers, checked when read.

use close_reasons::{CloseCode, CloseReason};

#[test]
fn codes_and_reasons_serialize_as_numbers() {
    assert_eq!(
        serde_json::to_string(&CloseCode::GOING_AWAY).unwrap(),
        "1001"
    );
    assert_eq!(
        serde_json::to_string(&CloseReason::Timeout).unwrap(),
        "3008"
    );
    let code = CloseCode::new(4001).unwrap();
    assert_eq!(serde_json::to_string(&Some(code)).unwrap(), "4001");
}

#[test]
fn every_value_round_trips() {
    for value in 1..=u16::MAX {
        let code = CloseCode::new(value).unwrap();
        let json = serde_json::to_string(&code).unwrap();
        assert_eq!(serde_json::from_str::<CloseCode>(&json).unwrap(), code);
        let reason = serde_json::from_str::<CloseReason>(&json);
        assert_eq!(reason.ok(), code.close_reason(), "{value}");
    }
}

#[test]
fn invalid_numbers_are_rejected_with_a_clear_error() {
    let zero = serde_json::from_str::<CloseCode>("0")
        .unwrap_err()
        .to_string();
    assert!(
        zero.contains("invalid value: integer `0`, expected a close code from 1 to 65535"),
        "{zero}"
    );
    let unknown = serde_json::from_str::<CloseReason>("4001")
        .unwrap_err()
        .to_string();
    assert!(
        unknown
            .contains("integer `4001`, expected a close code named by CloseReason (1000-1003, 1005-1015, 3000, 3003 or 3008)"),
        "{unknown}"
    );
    assert!(serde_json::from_str::<CloseCode>("65536").is_err());
    assert!(serde_json::from_str::<CloseCode>("\"1000\"").is_err());
}
