//! Conversions to and from the close code and close message of reqwest-websocket 0.6.
//!
//! Its `Message::Close { code, reason }` always carries a code: a received Close without
//! a status code arrives as `Normal` (1000) with an empty reason, and an owned frame's
//! empty payload has no message (`Option<Message>` is `None`). A received close is
//! checked with `CloseFrame::from_received(code.into(), &reason)`.

use alloc::borrow::ToOwned as _;

use reqwest_websocket::{CloseCode as RwCode, Message};

use crate::{CloseCode, CloseFrame, ClosePayload, InvalidCloseCode};

/// Keeps the number, as reqwest-websocket's named variant whenever it has one (1014,
/// which it has no name for, becomes `Bad(1014)`, a code it considers not allowed).
impl From<CloseCode> for RwCode {
    #[inline]
    fn from(code: CloseCode) -> RwCode {
        RwCode::from(code.get())
    }
}

/// Keeps the number, as `TryFrom<u16>` does: fails only for `Bad(0)`, which is no close
/// code. Whether a code may be sent is [`CloseCode::is_sendable`].
impl TryFrom<RwCode> for CloseCode {
    type Error = InvalidCloseCode;

    #[inline]
    fn try_from(code: RwCode) -> Result<CloseCode, InvalidCloseCode> {
        CloseCode::try_from(u16::from(code))
    }
}

/// A frame to send, as reqwest-websocket's Close message. To end the connection, pass
/// the frame to `WebSocket::close(frame.code().into(), Some(frame.reason()))`: sending the
/// message alone does not close it.
impl From<CloseFrame<'_>> for Message {
    fn from(frame: CloseFrame<'_>) -> Message {
        Message::Close {
            code: frame.code().into(),
            reason: frame.reason().to_owned(),
        }
    }
}

/// An owned frame as reqwest-websocket's Close message; `None` for the empty payload,
/// which its message cannot express (it always carries a code).
impl From<ClosePayload> for Option<Message> {
    fn from(payload: ClosePayload) -> Option<Message> {
        payload.frame().map(Message::from)
    }
}
