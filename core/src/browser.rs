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
//!
//! # gloo-net and ws_stream_wasm
//!
//! Their close calls take the socket by value (gloo-net) or are `async` (ws_stream_wasm),
//! so they are called with the arguments [`close_arguments`] checked, always with a code:
//! gloo-net's `close(None, Some(reason))` would send 1005, which the browser throws on.
//! Their close events convert into [`CloseEventInfo`] (features `gloo-net-0-7` and
//! `ws-stream-wasm-0-7`, which turn this module on).
//!
//! ```no_run
//! # #[cfg(all(feature = "gloo-net-0-7", feature = "ws-stream-wasm-0-7"))]
//! # async fn example(
//! #     socket: gloo_net::websocket::futures::WebSocket,
//! #     meta: ws_stream_wasm::WsMeta,
//! # ) -> Result<(), Box<dyn std::error::Error>> {
//! use close_reasons::browser::{self, CloseEventInfo};
//! use close_reasons::{close_frame, CloseCode};
//!
//! let goodbye = close_frame!(CloseCode::NORMAL, "goodbye");
//! let (code, reason) = browser::close_arguments(&goodbye)?;
//! // gloo-net 0.7: the socket is consumed.
//! socket.close(Some(code), Some(reason))?;
//! // ws_stream_wasm 0.7: resolves with the close event.
//! let closed = CloseEventInfo::from(meta.close_reason(code, reason).await?);
//! println!("closed: {:?}", closed.status());
//! # Ok(())
//! # }
//! ```

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
/// A [`CloseError`]: of kind [`CloseErrorKind::NotBrowserSendable`] when the code may
/// not be sent by a page (see [`close_arguments`]; nothing was passed to the browser), of
/// kind [`CloseErrorKind::Thrown`] when the browser threw anyway, with its exception.
pub fn close(socket: &web_sys::WebSocket, frame: &CloseFrame<'_>) -> Result<(), CloseError> {
    let (code, reason) = close_arguments(frame).map_err(|_| CloseError::refused(frame.code()))?;
    socket
        .close_with_code_and_reason(code, reason)
        .map_err(|thrown| CloseError::thrown(frame.code(), exception_text(&thrown)))
}

/// `InvalidStateError: …` for a thrown `Error` or `DOMException` (whose prototype is
/// `Error.prototype`), the text of a thrown string, or nothing for other values.
fn exception_text(thrown: &web_sys::wasm_bindgen::JsValue) -> String {
    use web_sys::wasm_bindgen::JsCast as _;
    match thrown.dyn_ref::<web_sys::js_sys::Error>() {
        Some(error) => {
            let (name, message) = (String::from(error.name()), String::from(error.message()));
            if message.is_empty() {
                name
            } else {
                alloc::format!("{name}: {message}")
            }
        }
        None => thrown.as_string().unwrap_or_default(),
    }
}

/// Why [`close`] did not close the socket.
///
/// ```
/// use close_reasons::browser::{CloseError, CloseErrorKind};
/// use close_reasons::CloseCode;
///
/// let refused = CloseError::refused(CloseCode::GOING_AWAY);
/// assert_eq!(refused.kind(), CloseErrorKind::NotBrowserSendable);
/// assert_eq!(refused.exception(), None);
/// assert_eq!(
///     refused.to_string(),
///     "close code 1001 may not be passed to WebSocket.close() by a page (only 1000 and 3000-4999)"
/// );
/// let thrown = CloseError::thrown(CloseCode::NORMAL, "SecurityError: denied".into());
/// assert_eq!(thrown.kind(), CloseErrorKind::Thrown);
/// assert_eq!(thrown.exception(), Some("SecurityError: denied"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct CloseError {
    kind: CloseErrorKind,
    code: CloseCode,
    exception: Option<String>,
}

/// The cause of a [`CloseError`], from [`CloseError::kind`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CloseErrorKind {
    /// The code is not one a page may send; the browser was not called. The caller's
    /// mistake.
    NotBrowserSendable,
    /// The browser threw although the code and reason are ones a page may send; the
    /// exception is in [`CloseError::exception`].
    Thrown,
}

impl CloseError {
    /// The error for a code a page may not send.
    #[must_use]
    pub const fn refused(code: CloseCode) -> CloseError {
        CloseError {
            kind: CloseErrorKind::NotBrowserSendable,
            code,
            exception: None,
        }
    }

    /// The error for an exception the browser threw, as text (`name: message`).
    #[must_use]
    pub const fn thrown(code: CloseCode, exception: String) -> CloseError {
        CloseError {
            kind: CloseErrorKind::Thrown,
            code,
            exception: Some(exception),
        }
    }

    /// Why the socket was not closed.
    #[inline]
    #[must_use]
    pub const fn kind(&self) -> CloseErrorKind {
        self.kind
    }

    /// The code of the frame that was to be sent.
    #[inline]
    #[must_use]
    pub const fn code(&self) -> CloseCode {
        self.code
    }

    /// What the browser threw, as `name: message` (empty when it threw something that
    /// is neither an `Error` nor a string); `None` unless the kind is
    /// [`Thrown`](CloseErrorKind::Thrown).
    #[inline]
    #[must_use]
    pub fn exception(&self) -> Option<&str> {
        self.exception.as_deref()
    }
}

impl core::fmt::Display for CloseError {
    fn fmt(&self, formatter: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        let code = self.code.get();
        match (&self.kind, &self.exception) {
            (CloseErrorKind::Thrown, Some(exception)) if !exception.is_empty() => write!(
                formatter,
                "the browser threw on closing with code {code}: {exception}"
            ),
            (CloseErrorKind::Thrown, _) => {
                write!(formatter, "the browser threw on closing with code {code}")
            }
            (CloseErrorKind::NotBrowserSendable, _) => write!(
                formatter,
                "close code {code} may not be passed to WebSocket.close() by a page (only 1000 and 3000-4999)"
            ),
        }
    }
}

impl core::error::Error for CloseError {}

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

/// The close events of the browser crates built on web-sys: gloo-net 0.7 (the
/// `ConnectionClose` error its stream ends with) and ws_stream_wasm 0.7 (what
/// `WsMeta::close*` returns and `WsEvent::Closed` carries). Their fields are the
/// browser's event, made-up codes included, so they read as [`CloseEventInfo::new`].
macro_rules! close_event_conversions {
    ($event:ty, $feature:literal) => {
        /// The event, read with typed codes (its reason moves, without a copy).
        #[cfg_attr(docsrs, doc(cfg(feature = $feature)))]
        impl From<$event> for CloseEventInfo {
            fn from(event: $event) -> CloseEventInfo {
                CloseEventInfo::new(event.code, event.reason, event.was_clean)
            }
        }

        /// The event, read with typed codes.
        #[cfg_attr(docsrs, doc(cfg(feature = $feature)))]
        impl From<&$event> for CloseEventInfo {
            fn from(event: &$event) -> CloseEventInfo {
                CloseEventInfo::new(event.code, event.reason.clone(), event.was_clean)
            }
        }
    };
}

#[cfg(feature = "gloo-net-0-7")]
close_event_conversions!(::gloo_net::websocket::events::CloseEvent, "gloo-net-0-7");
#[cfg(feature = "ws-stream-wasm-0-7")]
close_event_conversions!(::ws_stream_wasm::CloseEvent, "ws-stream-wasm-0-7");
