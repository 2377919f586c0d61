//! Conversions into the WebSocket message of warp 0.4 (`warp::ws`), whose close frame
//! is private: a message is built with `close_with(code, reason)`, and a received one
//! read with `close_frame() -> Option<(u16, &str)>`, which converts through
//! `TryFrom<(u16, &str)> for CloseFrame`.

use alloc::borrow::ToOwned as _;

use warp::ws::Message;

use crate::{CloseFrame, ClosePayload};

/// A frame to send, as warp's Close message: `socket.send(frame.into())`.
impl From<CloseFrame<'_>> for Message {
    fn from(frame: CloseFrame<'_>) -> Message {
        Message::close_with(frame.code().get(), frame.reason().to_owned())
    }
}

/// An owned frame to send (a close decided in another task), as warp's Close message;
/// the empty payload is a Close without a status code.
impl From<ClosePayload> for Message {
    fn from(payload: ClosePayload) -> Message {
        payload.frame().map_or_else(Message::close, Message::from)
    }
}
