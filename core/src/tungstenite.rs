//! Conversions to and from the types of `tungstenite`.

use tungstenite::protocol::CloseFrame as TungsteniteFrame;
use tungstenite::protocol::frame::coding::CloseCode as TungsteniteCode;

use crate::{CloseCode, CloseFrame, InvalidCloseCode, ParseFrameError};

/// Keeps the number: tungstenite can represent every code.
impl From<CloseCode> for TungsteniteCode {
    #[inline]
    fn from(code: CloseCode) -> TungsteniteCode {
        TungsteniteCode::from(code.get())
    }
}

/// Keeps the number; fails only for 0, which tungstenite can hold and `CloseCode` cannot.
impl TryFrom<TungsteniteCode> for CloseCode {
    type Error = InvalidCloseCode;

    #[inline]
    fn try_from(code: TungsteniteCode) -> Result<CloseCode, InvalidCloseCode> {
        CloseCode::try_from(u16::from(code))
    }
}

/// Copies the reason into tungstenite's frame.
impl From<CloseFrame<'_>> for TungsteniteFrame {
    fn from(frame: CloseFrame<'_>) -> TungsteniteFrame {
        TungsteniteFrame {
            code: frame.code().into(),
            reason: frame.reason().into(),
        }
    }
}

/// Checks a frame tungstenite received by the rules of [`CloseFrame::parse`]:
/// tungstenite's frame type can hold any code, including 1006 or 1004, which may not
/// be sent.
impl<'a> TryFrom<&'a TungsteniteFrame> for CloseFrame<'a> {
    type Error = ParseFrameError;

    fn try_from(frame: &'a TungsteniteFrame) -> Result<CloseFrame<'a>, ParseFrameError> {
        CloseFrame::from_received(u16::from(frame.code), frame.reason.as_str())
    }
}
