//! Closing a browser `WebSocket` and reading its `CloseEvent` with typed codes
//! (web-sys 0.3, feature `web-sys-0-3`).
//!
//! A page may close a connection only with 1000 or a code from 3000 to 4999, and a
//! reason of at most 123 bytes of UTF-8 (WHATWG WebSockets Standard); on anything else
//! `WebSocket.close()` throws. [`close`] refuses those codes before the browser would,
//! with a typed error. When the connection closes, the browser reports a `CloseEvent`:
//! [`CloseEventInfo`] reads it, telling a real status from the numbers the browser makes
//! up (1005 for a Close frame without a code, 1006 for a dropped connection, 1015 for a
//! failed TLS handshake).
//!
//! The logic works on plain values ([`close_arguments`], [`CloseEventInfo::new`]), so it
//! is the same, and tested, on every target.

use alloc::string::String;

use crate::{BuildFrameError, BuildFrameErrorKind, CloseCode, CloseFrame};

/// The code and reason to pass to `WebSocket.close(code, reason)` for `frame`.
///
/// ```
/// use close_reasons::{browser, CloseCode, CloseFrame};
///
/// let frame = CloseFrame::new(CloseCode::new(4001).unwrap(), "bye").unwrap();
/// assert_eq!(browser::close_arguments(&frame), Ok((4001, "bye")));
/// // 1001 may be sent by a server, not by a page: the browser would throw.
/// let going_away = CloseFrame::new(CloseCode::GOING_AWAY, "").unwrap();
/// assert!(browser::close_arguments(&going_away).is_err());
/// ```
///
/// # Errors
///
/// A [`BuildFrameError`] of kind [`BuildFrameErrorKind::NotBrowserSendable`] when the
/// code is not one a page may send ([`CloseCode::is_browser_sendable`]). The reason of a
/// `CloseFrame` is always short enough.
pub const fn close_arguments<'a>(
    frame: &CloseFrame<'a>,
) -> Result<(u16, &'a str), BuildFrameError> {
    let code = frame.code();
    if !code.is_browser_sendable() {
        return Err(BuildFrameError::new(
            BuildFrameErrorKind::NotBrowserSendable,
            code,
            frame.reason().len(),
        ));
    }
    Ok((code.get(), frame.reason()))
}

/// Closes `socket` with `frame`'s code and reason, or refuses a code the browser would
/// throw on.
///
/// # Errors
///
/// A [`BuildFrameError`] of kind [`BuildFrameErrorKind::NotBrowserSendable`]: the code
/// may not be sent by a page (see [`close_arguments`]), or the browser threw anyway.
pub fn close(socket: &web_sys::WebSocket, frame: &CloseFrame<'_>) -> Result<(), BuildFrameError> {
    let (code, reason) = close_arguments(frame)?;
    socket
        .close_with_code_and_reason(code, reason)
        .map_err(|_thrown| {
            BuildFrameError::new(
                BuildFrameErrorKind::NotBrowserSendable,
                frame.code(),
                reason.len(),
            )
        })
}

/// What the page learns from a closed connection's status.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CloseStatus {
    /// The peer's Close frame carried this code (never 1005, 1006 or 1015, which
    /// browsers only make up).
    Code(CloseCode),
    /// The peer's Close frame carried no code: the event says 1005 (0 in some older
    /// browsers).
    NoStatus,
    /// The connection ended without a Close frame: the event says 1006.
    Abnormal,
    /// The TLS handshake failed: the event says 1015 (browsers report it, it never
    /// comes from a peer's Close frame).
    TlsHandshake,
}

/// A `CloseEvent`, read with typed codes.
///
/// ```
/// use close_reasons::browser::{CloseEventInfo, CloseStatus};
/// use close_reasons::CloseCode;
///
/// let event = CloseEventInfo::new(4001, "kicked".into(), true);
/// assert_eq!(event.status(), CloseStatus::Code(CloseCode::new(4001).unwrap()));
/// assert_eq!((event.reason(), event.was_clean()), ("kicked", true));
/// assert_eq!(CloseEventInfo::new(1006, "".into(), false).status(), CloseStatus::Abnormal);
/// assert_eq!(CloseEventInfo::new(0, "".into(), true).status(), CloseStatus::NoStatus);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct CloseEventInfo {
    status: CloseStatus,
    reason: String,
    was_clean: bool,
}

impl CloseEventInfo {
    /// From the event's `code`, `reason` and `wasClean`.
    #[must_use]
    pub fn new(number: u16, reason: String, was_clean: bool) -> CloseEventInfo {
        let status = match CloseCode::new(number) {
            None | Some(CloseCode::NO_REASON) => CloseStatus::NoStatus,
            Some(CloseCode::ABRUPTLY) => CloseStatus::Abnormal,
            Some(CloseCode::TLS_HANDSHAKE) => CloseStatus::TlsHandshake,
            Some(code) => CloseStatus::Code(code),
        };
        CloseEventInfo {
            status,
            reason,
            was_clean,
        }
    }

    /// The status of the close.
    #[inline]
    #[must_use]
    pub const fn status(&self) -> CloseStatus {
        self.status
    }

    /// The reason text, possibly empty.
    #[inline]
    #[must_use]
    pub fn reason(&self) -> &str {
        &self.reason
    }

    /// Whether the closing handshake completed (`wasClean`).
    #[inline]
    #[must_use]
    pub const fn was_clean(&self) -> bool {
        self.was_clean
    }
}

impl From<&web_sys::CloseEvent> for CloseEventInfo {
    fn from(event: &web_sys::CloseEvent) -> CloseEventInfo {
        CloseEventInfo::new(event.code(), event.reason(), event.was_clean())
    }
}
