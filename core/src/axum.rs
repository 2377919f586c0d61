//! Conversions to and from the WebSocket close frame of axum 0.8 (`axum::extract::ws`),
//! whose code is a plain `u16`.

use axum::extract::ws::{CloseFrame as AxumFrame, Message};

use crate::{CloseFrame, ParseFrameError};

/// A frame to send: axum's frame with the same code and reason.
impl From<CloseFrame<'_>> for AxumFrame {
    fn from(frame: CloseFrame<'_>) -> AxumFrame {
        AxumFrame {
            code: frame.code().get(),
            reason: frame.reason().into(),
        }
    }
}

close_message_conversions!(Message, "axum-0-8");

/// Checks a frame axum received by the rules of [`CloseFrame::parse`]: axum passes on
/// any code a peer sent, including ones that may not be sent, such as 1004 or 1006.
impl<'a> TryFrom<&'a AxumFrame> for CloseFrame<'a> {
    type Error = ParseFrameError;

    fn try_from(frame: &'a AxumFrame) -> Result<CloseFrame<'a>, ParseFrameError> {
        CloseFrame::from_received(frame.code, frame.reason.as_str())
    }
}
