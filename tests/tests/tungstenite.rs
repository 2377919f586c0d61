//! Conversions with tungstenite keep every number, both ways.

use close_reasons::{CloseCode, CloseFrame, ParseFrameErrorKind};
use tungstenite::protocol::CloseFrame as TungsteniteFrame;
use tungstenite::protocol::frame::coding::CloseCode as TungsteniteCode;

#[test]
fn codes_convert_losslessly_over_every_value() {
    for value in 0..=u16::MAX {
        let theirs = TungsteniteCode::from(value);
        match CloseCode::new(value) {
            Some(ours) => {
                assert_eq!(u16::from(TungsteniteCode::from(ours)), value);
                assert_eq!(CloseCode::try_from(theirs), Ok(ours));
            }
            None => assert!(CloseCode::try_from(theirs).is_err()),
        }
    }
}

#[test]
fn our_wire_check_corrects_tungstenite_where_it_is_wrong() {
    // tungstenite 0.29 rejects 1014, which the IANA registry assigns.
    let bad_gateway = CloseCode::new(1014).unwrap();
    assert!(bad_gateway.is_sendable());
    assert!(!TungsteniteCode::from(bad_gateway).is_allowed());
}

#[test]
fn frames_convert_and_are_checked() {
    let ours = CloseFrame::new(CloseCode::TRY_AGAIN_LATER, "busy").unwrap();
    let theirs = TungsteniteFrame::from(ours);
    assert_eq!(theirs.code, TungsteniteCode::Again);
    assert_eq!(theirs.reason.as_str(), "busy");
    assert_eq!(CloseFrame::try_from(&theirs), Ok(ours));

    let local_only = TungsteniteFrame {
        code: TungsteniteCode::Abnormal,
        reason: "dropped".into(),
    };
    // A frame tungstenite received is the peer's: checked as a payload would be,
    // with the answer to send.
    let error = CloseFrame::try_from(&local_only).unwrap_err();
    assert_eq!(error.kind(), ParseFrameErrorKind::InvalidCode);
    assert_eq!(error.raw_code(), Some(1006));
    assert_eq!(error.answer(), CloseCode::PROTOCOL_ERROR);

    let long = TungsteniteFrame {
        code: TungsteniteCode::Normal,
        reason: "a".repeat(124).into(),
    };
    let error = CloseFrame::try_from(&long).unwrap_err();
    assert_eq!(error.kind(), ParseFrameErrorKind::PayloadTooLong);
    assert_eq!(error.payload_len(), 126);
}
