//! Conversions to and from the close code and close reason of actix-http 3
//! (`actix_http::ws`, also what actix-web-actors and actix-ws use).

use alloc::borrow::ToOwned as _;

use actix_http::ws::{CloseCode as ActixCode, CloseReason as ActixReason, Message};

use crate::{CloseCode, CloseFrame, InvalidCloseCode, ParseFrameError};

/// Keeps the number, as actix's named variant whenever actix has one: 1000 becomes
/// `Normal`, never `Other(1000)`, so it compares equal to actix's own constants. Codes
/// actix has no variant for (such as 1005, 1014, 4001) become `Other`.
impl From<CloseCode> for ActixCode {
    #[inline]
    fn from(code: CloseCode) -> ActixCode {
        ActixCode::from(code.get())
    }
}

/// Keeps the number, as `TryFrom<u16>` does: fails only for `Other(0)`, which is no close
/// code. `Abnormal` (1006) or `Other(1004)` stay readable; whether a code may be sent is
/// [`CloseCode::is_sendable`], and a received close reason is checked by
/// `CloseFrame::try_from(&reason)`.
impl TryFrom<ActixCode> for CloseCode {
    type Error = InvalidCloseCode;

    #[inline]
    fn try_from(code: ActixCode) -> Result<CloseCode, InvalidCloseCode> {
        CloseCode::try_from(u16::from(code))
    }
}

/// A frame to send: an empty reason becomes `description: None`.
impl From<CloseFrame<'_>> for ActixReason {
    fn from(frame: CloseFrame<'_>) -> ActixReason {
        let reason = frame.reason();
        ActixReason {
            code: frame.code().into(),
            description: (!reason.is_empty()).then(|| reason.to_owned()),
        }
    }
}

close_message_conversions!(Message, ActixReason, "actix-http-3");

/// Checks a close reason actix received by the rules of [`CloseFrame::parse`]; no
/// description reads as an empty reason. actix checks no received code, so this is the
/// check: a 1006 or a 1015 from the peer is an error whose `answer()` is 1002. What
/// actix has already lost cannot be checked: it reads a reason that is not UTF-8
/// lossily, and a one-byte payload as no status code.
impl<'a> TryFrom<&'a ActixReason> for CloseFrame<'a> {
    type Error = ParseFrameError;

    fn try_from(reason: &'a ActixReason) -> Result<CloseFrame<'a>, ParseFrameError> {
        let text = reason.description.as_deref().unwrap_or_default();
        CloseFrame::from_received(u16::from(reason.code), text)
    }
}
