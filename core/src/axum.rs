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

close_message_conversions!(Message, AxumFrame, "axum-0-8");

/// Checks a frame axum received by the rules of [`CloseFrame::parse`]. axum's
/// tungstenite has already replaced a code it does not allow (1004, 1006, 1014, …) with
/// its own 1002 (see the crate docs: what each stack does before close-reasons sees a
/// frame); a frame built by hand may hold any code, and this checks it.
impl<'a> TryFrom<&'a AxumFrame> for CloseFrame<'a> {
    type Error = ParseFrameError;

    fn try_from(frame: &'a AxumFrame) -> Result<CloseFrame<'a>, ParseFrameError> {
        CloseFrame::from_received(frame.code, frame.reason.as_str())
    }
}
