//! Conversions to and from the close code and close reason of ntex 3 (`ntex::ws`).

use alloc::borrow::ToOwned as _;

use ntex::ws::{CloseCode as NtexCode, CloseReason as NtexReason, Message};

use crate::{CloseCode, CloseFrame, InvalidCloseCode, ParseFrameError};

/// Keeps the number, as ntex's named variant whenever ntex has one: 1000 becomes
/// `Normal`, never `Other(1000)`. Codes ntex has no variant for become `Other`.
impl From<CloseCode> for NtexCode {
    #[inline]
    fn from(code: CloseCode) -> NtexCode {
        NtexCode::from(code.get())
    }
}

/// Keeps the number, as `TryFrom<u16>` does: fails only for `Other(0)`, which is no close
/// code. `Other(1000)` and `Normal` both become [`CloseCode::NORMAL`].
impl TryFrom<NtexCode> for CloseCode {
    type Error = InvalidCloseCode;

    #[inline]
    fn try_from(code: NtexCode) -> Result<CloseCode, InvalidCloseCode> {
        CloseCode::try_from(u16::from(code))
    }
}

/// A frame to send: an empty reason becomes `description: None`. ntex bounds neither the
/// code nor the length of what it sends; a `CloseFrame` holds a code that may be sent
/// and at most 123 bytes of reason.
impl From<CloseFrame<'_>> for NtexReason {
    fn from(frame: CloseFrame<'_>) -> NtexReason {
        let reason = frame.reason();
        NtexReason {
            code: frame.code().into(),
            description: (!reason.is_empty()).then(|| reason.to_owned()),
        }
    }
}

close_message_conversions!(Message, NtexReason, "ntex-3");

/// Checks a close reason ntex received by the rules of [`CloseFrame::parse`]; no
/// description reads as an empty reason. ntex checks no received code, so this is the
/// check: a 1006 or a 1015 from the peer is an error whose `answer()` is 1002.
impl<'a> TryFrom<&'a NtexReason> for CloseFrame<'a> {
    type Error = ParseFrameError;

    fn try_from(reason: &'a NtexReason) -> Result<CloseFrame<'a>, ParseFrameError> {
        let text = reason.description.as_deref().unwrap_or_default();
        CloseFrame::from_received(u16::from(reason.code), text)
    }
}
