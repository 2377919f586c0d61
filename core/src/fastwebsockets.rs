//! Conversions to and from the close code and frame of fastwebsockets 0.10.
//!
//! fastwebsockets hands a received Close frame's payload over as bytes: check it with
//! [`CloseFrame::parse`](crate::CloseFrame::parse)`(&frame.payload)` and answer an error
//! with its `answer()`.

use fastwebsockets::{CloseCode as FwsCode, Frame};

use crate::{CloseCode, CloseFrame, ClosePayload, InvalidCloseCode};

/// Keeps the number, as fastwebsockets' named variant whenever it has one.
impl From<CloseCode> for FwsCode {
    #[inline]
    fn from(code: CloseCode) -> FwsCode {
        FwsCode::from(code.get())
    }
}

/// Keeps the number, as `TryFrom<u16>` does: fails only for 0, which is no close code.
/// Whether a code may be sent is [`CloseCode::is_sendable`] (which, unlike
/// fastwebsockets' `is_allowed`, accepts 1014, as the IANA registry does); a received
/// payload is checked by [`CloseFrame::parse`].
impl TryFrom<FwsCode> for CloseCode {
    type Error = InvalidCloseCode;

    #[inline]
    fn try_from(code: FwsCode) -> Result<CloseCode, InvalidCloseCode> {
        CloseCode::try_from(u16::from(code))
    }
}

/// A Close frame to send, with the frame's exact payload (fastwebsockets'
/// `Frame::close` checks neither the code nor the reason; a `CloseFrame` has both
/// checked).
impl From<CloseFrame<'_>> for Frame<'static> {
    fn from(frame: CloseFrame<'_>) -> Frame<'static> {
        Frame::close(frame.code().get(), frame.reason().as_bytes())
    }
}

/// An owned frame to send, with its exact payload (empty: a Close without a status code).
impl From<ClosePayload> for Frame<'static> {
    fn from(payload: ClosePayload) -> Frame<'static> {
        Frame::close_raw(payload.as_bytes().to_vec().into())
    }
}
