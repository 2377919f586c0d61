//! Conversions to and from the WebSocket close frame of axum 0.8 (`axum::extract::ws`),
//! whose code is a plain `u16`.

use axum::extract::ws::{CloseFrame as AxumFrame, Message};

use crate::{CloseFrame, ClosePayload, ParseFrameError};

/// A frame to send: axum's frame with the same code and reason.
impl From<CloseFrame<'_>> for AxumFrame {
    fn from(frame: CloseFrame<'_>) -> AxumFrame {
        AxumFrame {
            code: frame.code().get(),
            reason: frame.reason().into(),
        }
    }
}

/// A frame to send, as the message that carries it: `socket.send(frame.into())`.
impl From<CloseFrame<'_>> for Message {
    fn from(frame: CloseFrame<'_>) -> Message {
        Message::Close(Some(frame.into()))
    }
}

/// An owned frame to send, as the message that carries it (the empty payload is a Close
/// without a status code): a close decided in another task, `socket.send(payload.into())`.
impl From<ClosePayload> for Message {
    fn from(payload: ClosePayload) -> Message {
        Message::Close(payload.frame().map(Into::into))
    }
}

/// Checks a frame axum received by the rules of [`CloseFrame::parse`]: axum passes on
/// any code a peer sent, including ones that may not be sent, such as 1004 or 1006.
impl<'a> TryFrom<&'a AxumFrame> for CloseFrame<'a> {
    type Error = ParseFrameError;

    fn try_from(frame: &'a AxumFrame) -> Result<CloseFrame<'a>, ParseFrameError> {
        CloseFrame::from_received(frame.code, frame.reason.as_str())
    }
}
