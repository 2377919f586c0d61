//! Conversions to and from the close code and close message of tokio-websockets 0.13.
//! A received Close is parsed from its bytes, `CloseFrame::parse(message.as_payload())`:
//! `as_close()` reports a Close without a status as 1005.

use tokio_websockets::proto::ProtocolError;
use tokio_websockets::{CloseCode as TwsCode, Message};

use crate::{CloseCode, CloseFrame, ClosePayload};

/// tokio-websockets holds only 1000–1015 and 3000–4999; other codes fail with its own
/// error, as its `TryFrom<u16>` does. Every code that
/// [may be sent](CloseCode::is_sendable) converts.
impl TryFrom<CloseCode> for TwsCode {
    type Error = ProtocolError;

    #[inline]
    fn try_from(code: CloseCode) -> Result<TwsCode, ProtocolError> {
        TwsCode::try_from(code.get())
    }
}

/// Keeps the number. tokio-websockets has already refused what its type cannot hold;
/// whether the code may be sent is [`CloseCode::is_sendable`].
impl From<TwsCode> for CloseCode {
    #[inline]
    fn from(code: TwsCode) -> CloseCode {
        // Never 0: tokio-websockets keeps its code in a `NonZeroU16`.
        crate::__private::named_code(u16::from(code))
    }
}

/// A Close message with the frame's code and reason. Never panics, unlike
/// `Message::close` given a reserved code or a long reason: a `CloseFrame` holds only
/// codes that may be sent, which tokio-websockets accepts, and reasons of at most 123
/// bytes.
impl From<CloseFrame<'_>> for Message {
    fn from(frame: CloseFrame<'_>) -> Message {
        match TwsCode::try_from(frame.code()) {
            Ok(code) if !code.is_reserved() => Message::close(Some(code), frame.reason()),
            // Not reached (tested over every code that may be sent); a Close message
            // without a status is the safe answer if tokio-websockets ever narrows its
            // codes.
            _ => Message::close(None, ""),
        }
    }
}

/// An owned frame to send, as [`From<CloseFrame>`](#impl-From%3CCloseFrame%3C'_%3E%3E-for-Message)
/// builds it; the empty payload is a Close without a status code.
impl From<ClosePayload> for Message {
    fn from(payload: ClosePayload) -> Message {
        payload
            .frame()
            .map_or_else(|| Message::close(None, ""), Message::from)
    }
}
