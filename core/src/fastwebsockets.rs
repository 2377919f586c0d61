//! Conversions to and from the close code and frame of fastwebsockets 0.10.
//!
//! fastwebsockets hands a received Close frame's payload over as bytes: check it with
//! [`CloseFrame::parse`](crate::CloseFrame::parse)`(&frame.payload)` and answer an error
//! with its `answer()`.

use fastwebsockets::{CloseCode as FwsCode, Frame};

use crate::{CloseCode, CloseFrame, ParseFrameError};

/// Keeps the number, as fastwebsockets' named variant whenever it has one.
impl From<CloseCode> for FwsCode {
    #[inline]
    fn from(code: CloseCode) -> FwsCode {
        FwsCode::from(code.get())
    }
}

/// Checks a received code, as [`CloseFrame::parse`] checks one: fails for a code that
/// may not be sent, with the error's `answer()` to close with. Unlike fastwebsockets'
/// `is_allowed`, which rejects 1014, this follows the IANA registry. To keep any
/// number, use `CloseCode::new(u16::from(code))`.
impl TryFrom<FwsCode> for CloseCode {
    type Error = ParseFrameError;

    #[inline]
    fn try_from(code: FwsCode) -> Result<CloseCode, ParseFrameError> {
        crate::frame::received_code(u16::from(code), 2)
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
