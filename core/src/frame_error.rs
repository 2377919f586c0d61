//! The two ways a Close frame can be wrong: the peer sent a bad one, or the local
//! application asked to build one that may not be sent. Each has its own type, so the
//! type says whose fault it is.

use core::fmt;
use core::num::NonZeroU16;

use crate::{CloseCode, CloseFrame, MAX_PAYLOAD_LEN, MAX_REASON_LEN};

// The answers to a bad Close frame are rules of the protocol (RFC 6455 §7.1.7, §8.1),
// not entries of the registry: the codec keeps working, and reports only the registry's
// own errors, while a maintainer's edit of the registry is broken.
const PROTOCOL_ERROR: CloseCode = CloseCode::from_nonzero(NonZeroU16::new(1002).unwrap());
const INVALID_PAYLOAD_DATA: CloseCode = CloseCode::from_nonzero(NonZeroU16::new(1007).unwrap());

/// A Close frame received from the peer breaks RFC 6455: the peer's fault.
///
/// Returned by [`CloseFrame::parse`](crate::CloseFrame::parse),
/// [`CloseFrame::from_received`](crate::CloseFrame::from_received) and the conversions
/// of other crates' received frames. Close the connection with
/// [`answer`](Self::answer). What was received stays reachable: the
/// [payload length](Self::payload_len), the [number](Self::raw_code) in its first two
/// bytes and, for a reason that is not UTF-8, how much of it [was](Self::valid_up_to).
///
/// ```
/// use close_reasons::{CloseCode, CloseFrame, ParseFrameErrorKind};
///
/// let payload = b"\x03\xe8caf\xc3";
/// let error = CloseFrame::parse(payload).unwrap_err();
/// assert_eq!(error.kind(), ParseFrameErrorKind::InvalidUtf8);
/// assert_eq!(error.answer(), CloseCode::INCONSISTENT_DATA); // 1007
/// assert_eq!((error.raw_code(), error.payload_len()), (Some(1000), 6));
/// // The valid start of the reason, from the payload the caller still holds.
/// let valid = &payload[2..2 + error.valid_up_to().unwrap()];
/// assert_eq!(valid, b"caf");
/// assert_eq!(error.to_string(), "received close reason is not valid UTF-8 after its first 3 bytes");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ParseFrameError {
    kind: ParseFrameErrorKind,
    payload_len: usize,
    /// The first two bytes as a number; meaningful when `payload_len >= 2`.
    raw_code: u16,
    /// For `InvalidUtf8` only.
    valid_up_to: usize,
}

/// The rule of RFC 6455 a received Close frame broke, from [`ParseFrameError::kind`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ParseFrameErrorKind {
    /// The payload was one byte long: too short for a status code (§5.5.1).
    Truncated,
    /// The payload was longer than [`MAX_PAYLOAD_LEN`] bytes (§5.5).
    PayloadTooLong,
    /// The status code may not appear in a Close frame: 0, a code below 1000, a
    /// local-only code such as 1005 or 1006, an unassigned protocol code, or 5000 and
    /// above (§7.4).
    InvalidCode,
    /// The reason was not valid UTF-8 (§5.5.1).
    InvalidUtf8,
}

impl ParseFrameError {
    pub(crate) const fn truncated() -> ParseFrameError {
        ParseFrameError {
            kind: ParseFrameErrorKind::Truncated,
            payload_len: 1,
            raw_code: 0,
            valid_up_to: 0,
        }
    }

    pub(crate) const fn new(
        kind: ParseFrameErrorKind,
        raw_code: u16,
        payload_len: usize,
    ) -> ParseFrameError {
        ParseFrameError {
            kind,
            payload_len,
            raw_code,
            valid_up_to: 0,
        }
    }

    pub(crate) const fn invalid_utf8(
        raw_code: u16,
        payload_len: usize,
        valid_up_to: usize,
    ) -> ParseFrameError {
        ParseFrameError {
            kind: ParseFrameErrorKind::InvalidUtf8,
            payload_len,
            raw_code,
            valid_up_to,
        }
    }

    /// Which rule the frame broke.
    #[inline]
    #[must_use]
    pub const fn kind(&self) -> ParseFrameErrorKind {
        self.kind
    }

    /// The code to close the connection with: 1007 (invalid payload data) when the
    /// reason was not UTF-8 (RFC 6455 §8.1), 1002 (protocol error) otherwise.
    #[must_use]
    pub const fn answer(&self) -> CloseCode {
        match self.kind {
            ParseFrameErrorKind::InvalidUtf8 => INVALID_PAYLOAD_DATA,
            ParseFrameErrorKind::Truncated
            | ParseFrameErrorKind::PayloadTooLong
            | ParseFrameErrorKind::InvalidCode => PROTOCOL_ERROR,
        }
    }

    /// The Close frame to answer with: [`answer`](Self::answer) and no reason. A frame,
    /// not a `Result`: both answers may always be sent.
    ///
    /// ```
    /// use close_reasons::{CloseCode, CloseFrame};
    ///
    /// let error = CloseFrame::parse(b"\x03\xeebye").unwrap_err(); // 1006 may not be sent
    /// assert_eq!(error.answer_frame(), CloseFrame::new(CloseCode::PROTOCOL_ERROR, "").unwrap());
    /// ```
    #[must_use]
    pub const fn answer_frame(&self) -> CloseFrame<'static> {
        CloseFrame::answer(self.answer())
    }

    /// The length of the received payload in bytes (2 for a code received on its own,
    /// through the `TryFrom` conversion of another stack's close code).
    #[inline]
    #[must_use]
    pub const fn payload_len(&self) -> usize {
        self.payload_len
    }

    /// The number in the first two bytes of the payload, as received (it may be 0 or
    /// any other number that is no valid code); `None` when the payload was shorter.
    #[inline]
    #[must_use]
    pub const fn raw_code(&self) -> Option<u16> {
        if self.payload_len >= 2 {
            Some(self.raw_code)
        } else {
            None
        }
    }

    /// For a reason that is not UTF-8: how many of its bytes (after the two bytes of
    /// the code) are valid UTF-8. `None` for the other kinds.
    #[inline]
    #[must_use]
    pub const fn valid_up_to(&self) -> Option<usize> {
        match self.kind {
            ParseFrameErrorKind::InvalidUtf8 => Some(self.valid_up_to),
            _ => None,
        }
    }
}

impl fmt::Display for ParseFrameError {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            ParseFrameErrorKind::Truncated => formatter
                .write_str("received close payload of 1 byte is too short for a status code"),
            ParseFrameErrorKind::PayloadTooLong => write!(
                formatter,
                "received close payload of {} bytes exceeds the {MAX_PAYLOAD_LEN}-byte limit of a control frame",
                self.payload_len
            ),
            ParseFrameErrorKind::InvalidCode => write!(
                formatter,
                "received close code {} is not allowed in a close frame",
                self.raw_code
            ),
            ParseFrameErrorKind::InvalidUtf8 => write!(
                formatter,
                "received close reason is not valid UTF-8 after its first {} bytes",
                self.valid_up_to
            ),
        }
    }
}

impl core::error::Error for ParseFrameError {}

/// A Close frame the local application asked to build may not be sent: the
/// application's fault, not the peer's.
///
/// Returned by [`CloseFrame::new`](crate::CloseFrame::new),
/// [`new_truncating`](crate::CloseFrame::new_truncating),
/// [`write_to`](crate::CloseFrame::write_to), the `close_frame` method of the generated
/// enums and the closing of a browser `WebSocket` (feature `web-sys-0-3`). Nothing was sent;
/// fix the call.
///
/// ```
/// use close_reasons::{BuildFrameErrorKind, CloseCode, CloseFrame};
///
/// let error = CloseFrame::new(CloseCode::ABRUPTLY, "").unwrap_err();
/// assert_eq!(error.kind(), BuildFrameErrorKind::UnsendableCode);
/// assert_eq!(error.code(), CloseCode::ABRUPTLY);
/// assert_eq!(error.to_string(), "close code 1006 may not be sent in a close frame");
///
/// let error = CloseFrame::new(CloseCode::NORMAL, &"x".repeat(200)).unwrap_err();
/// assert_eq!((error.kind(), error.reason_len()), (BuildFrameErrorKind::ReasonTooLong, 200));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct BuildFrameError {
    kind: BuildFrameErrorKind,
    code: CloseCode,
    reason_len: usize,
    /// For `BufferTooSmall` only.
    buffer_len: usize,
}

/// Why a frame could not be built, from [`BuildFrameError::kind`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum BuildFrameErrorKind {
    /// The code may not appear in a Close frame (see
    /// [`CloseCode::is_sendable`](crate::CloseCode::is_sendable)).
    UnsendableCode,
    /// The code may appear in a Close frame, but the registry of the enum it came from
    /// keeps it local (`sendable = false`): the application reports it to itself and
    /// never sends it.
    LocalOnlyCode,
    /// The reason is longer than [`MAX_REASON_LEN`] bytes.
    ReasonTooLong,
    /// A web page may not close a `WebSocket` with the code (see
    /// [`CloseCode::is_browser_sendable`](crate::CloseCode::is_browser_sendable)): the
    /// browser would throw.
    NotBrowserSendable,
    /// The buffer given to [`CloseFrame::write_to`](crate::CloseFrame::write_to) is
    /// shorter than the payload.
    BufferTooSmall,
}

impl BuildFrameError {
    pub(crate) const fn new(
        kind: BuildFrameErrorKind,
        code: CloseCode,
        reason_len: usize,
    ) -> BuildFrameError {
        BuildFrameError {
            kind,
            code,
            reason_len,
            buffer_len: 0,
        }
    }

    pub(crate) const fn buffer_too_small(
        code: CloseCode,
        reason_len: usize,
        buffer_len: usize,
    ) -> BuildFrameError {
        BuildFrameError {
            kind: BuildFrameErrorKind::BufferTooSmall,
            code,
            reason_len,
            buffer_len,
        }
    }

    /// Why the frame could not be built.
    #[inline]
    #[must_use]
    pub const fn kind(&self) -> BuildFrameErrorKind {
        self.kind
    }

    /// The code given.
    #[inline]
    #[must_use]
    pub const fn code(&self) -> CloseCode {
        self.code
    }

    /// The length in bytes of the reason given.
    #[inline]
    #[must_use]
    pub const fn reason_len(&self) -> usize {
        self.reason_len
    }

    /// For a buffer too small: its length in bytes (the payload needs
    /// `2 + reason_len()`). `None` for the other kinds.
    #[inline]
    #[must_use]
    pub const fn buffer_len(&self) -> Option<usize> {
        match self.kind {
            BuildFrameErrorKind::BufferTooSmall => Some(self.buffer_len),
            _ => None,
        }
    }
}

impl fmt::Display for BuildFrameError {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            BuildFrameErrorKind::UnsendableCode => write!(
                formatter,
                "close code {} may not be sent in a close frame",
                self.code.get()
            ),
            BuildFrameErrorKind::LocalOnlyCode => write!(
                formatter,
                "close code {} is local only in its registry and is never sent",
                self.code.get()
            ),
            BuildFrameErrorKind::NotBrowserSendable => write!(
                formatter,
                "close code {} may not be sent by a web page (only 1000 and 3000-4999)",
                self.code.get()
            ),
            BuildFrameErrorKind::ReasonTooLong => write!(
                formatter,
                "close reason of {} bytes exceeds the {MAX_REASON_LEN}-byte limit",
                self.reason_len
            ),
            BuildFrameErrorKind::BufferTooSmall => write!(
                formatter,
                "buffer of {} bytes cannot hold a close payload of {}",
                self.buffer_len,
                2 + self.reason_len
            ),
        }
    }
}

impl core::error::Error for BuildFrameError {}
