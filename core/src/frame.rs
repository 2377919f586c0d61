use core::fmt;
use core::num::NonZeroU16;
use core::ops::Deref;

use crate::CloseCode;

/// The largest payload of a Close frame: control frames carry at most 125 bytes
/// (RFC 6455 §5.5).
pub const MAX_PAYLOAD_LEN: usize = 125;

/// The longest reason text: the payload less the two bytes of the status code.
pub const MAX_REASON_LEN: usize = MAX_PAYLOAD_LEN - 2;

// The answers to a bad Close frame are rules of the protocol (RFC 6455 §7.1.7, §8.1),
// not entries of the registry: the codec keeps working, and reports only the registry's
// own errors, while a maintainer's edit of the registry is broken.
const PROTOCOL_ERROR: CloseCode = CloseCode::from_nonzero(NonZeroU16::new(1002).unwrap());
const INVALID_PAYLOAD_DATA: CloseCode = CloseCode::from_nonzero(NonZeroU16::new(1007).unwrap());
const INTERNAL_ERROR: CloseCode = CloseCode::from_nonzero(NonZeroU16::new(1011).unwrap());

/// The body of a Close frame: a status code and a UTF-8 reason borrowed from the payload.
///
/// A value of this type is always valid on the wire: its code
/// [may be sent](CloseCode::is_sendable) and its reason is at most
/// [`MAX_REASON_LEN`] bytes of UTF-8.
///
/// ```
/// use close_reasons::{CloseCode, CloseFrame};
///
/// // Receiving: check the payload; on error, close with the code it names.
/// let payload = b"\x03\xe8bye";
/// let frame = CloseFrame::parse(payload).unwrap().unwrap();
/// assert_eq!((frame.code(), frame.reason()), (CloseCode::NORMAL, "bye"));
///
/// let error = CloseFrame::parse(b"\x03\xee").unwrap_err(); // 1006 is local only
/// assert_eq!(error.answer(), CloseCode::PROTOCOL_ERROR);
///
/// // An empty payload carries no status: the application sees 1005.
/// let received = CloseFrame::parse(b"").unwrap();
/// assert_eq!(received.map_or(CloseCode::NO_REASON, |frame| frame.code()), CloseCode::NO_REASON);
///
/// // Sending: build the exact payload bytes, on the stack.
/// let frame = CloseFrame::new(CloseCode::GOING_AWAY, "shutting down").unwrap();
/// assert_eq!(frame.to_payload().as_ref(), b"\x03\xe9shutting down");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct CloseFrame<'a> {
    code: CloseCode,
    reason: &'a str,
}

impl<'a> CloseFrame<'a> {
    /// Reads the payload of a received Close frame.
    ///
    /// `Ok(None)` for an empty payload, which carries no status code (report it to
    /// the application as [`CloseCode::NO_REASON`], 1005). Otherwise the payload must
    /// be at most [`MAX_PAYLOAD_LEN`] bytes, start with a two-byte code that
    /// [may be sent](CloseCode::is_sendable), and continue with valid UTF-8.
    ///
    /// # Errors
    ///
    /// A [`CloseFrameError`] naming the rule that failed, with what was received;
    /// [`CloseFrameError::answer`] is the code to close the connection with.
    pub fn parse(payload: &'a [u8]) -> Result<Option<CloseFrame<'a>>, CloseFrameError> {
        let (code, reason) = match payload {
            [] => return Ok(None),
            [byte] => return Err(CloseFrameError::Truncated { byte: *byte }),
            [high, low, reason @ ..] => (u16::from_be_bytes([*high, *low]), reason),
        };
        if payload.len() > MAX_PAYLOAD_LEN {
            return Err(CloseFrameError::PayloadTooLong {
                code,
                len: payload.len(),
            });
        }
        let code = match CloseCode::new(code) {
            Some(code) if code.is_sendable() => code,
            _ => return Err(CloseFrameError::InvalidCode { code }),
        };
        match core::str::from_utf8(reason) {
            Ok(reason) => Ok(Some(CloseFrame { code, reason })),
            Err(error) => Err(CloseFrameError::InvalidUtf8 {
                code,
                valid_up_to: error.valid_up_to(),
            }),
        }
    }

    /// A frame to send.
    ///
    /// # Errors
    ///
    /// [`CloseFrameError::UnsendableCode`] if the code may not be sent (such as 1005 or
    /// 1006), [`CloseFrameError::ReasonTooLong`] if the reason is longer than
    /// [`MAX_REASON_LEN`] bytes; [`new_truncating`](Self::new_truncating) shortens it
    /// instead.
    pub const fn new(code: CloseCode, reason: &'a str) -> Result<CloseFrame<'a>, CloseFrameError> {
        if !code.is_sendable() {
            return Err(CloseFrameError::UnsendableCode { code });
        }
        if reason.len() > MAX_REASON_LEN {
            return Err(CloseFrameError::ReasonTooLong {
                code: code.get(),
                len: reason.len(),
            });
        }
        Ok(CloseFrame { code, reason })
    }

    /// A frame to send, with the reason cut to at most [`MAX_REASON_LEN`] bytes at a
    /// character boundary, so that it stays valid UTF-8.
    ///
    /// ```
    /// # use close_reasons::{CloseCode, CloseFrame, MAX_REASON_LEN};
    /// let long = "é".repeat(100); // 200 bytes
    /// let frame = CloseFrame::new_truncating(CloseCode::POLICY_VIOLATION, &long).unwrap();
    /// assert_eq!(frame.reason().len(), 122); // 61 whole characters
    /// assert!(frame.reason().len() <= MAX_REASON_LEN);
    /// ```
    ///
    /// # Errors
    ///
    /// [`CloseFrameError::UnsendableCode`] if the code may not be sent.
    pub fn new_truncating(
        code: CloseCode,
        reason: &'a str,
    ) -> Result<CloseFrame<'a>, CloseFrameError> {
        let mut end = reason.len().min(MAX_REASON_LEN);
        while !reason.is_char_boundary(end) {
            end -= 1;
        }
        CloseFrame::new(code, reason.get(..end).unwrap_or_default())
    }

    /// The status code.
    #[inline]
    #[must_use]
    pub const fn code(&self) -> CloseCode {
        self.code
    }

    /// The reason text, possibly empty.
    #[inline]
    #[must_use]
    pub const fn reason(&self) -> &'a str {
        self.reason
    }

    /// Whether the frame reports a normal end of the connection (see
    /// [`CloseCode::is_normal_closure`]).
    #[inline]
    #[must_use]
    pub const fn is_normal_closure(&self) -> bool {
        self.code.is_normal_closure()
    }

    /// The length of the payload in bytes: 2 plus the reason.
    #[inline]
    #[must_use]
    pub const fn payload_len(&self) -> usize {
        2 + self.reason.len()
    }

    /// The payload bytes, in a fixed buffer on the stack.
    #[must_use]
    pub fn to_payload(&self) -> ClosePayload {
        let mut payload = ClosePayload::empty();
        let len = self.payload_len();
        payload.bytes[..2].copy_from_slice(&self.code.to_be_bytes());
        payload.bytes[2..len].copy_from_slice(self.reason.as_bytes());
        // At most 125, as `new` and `parse` guarantee.
        payload.len = len as u8;
        payload
    }

    /// Writes the payload into `buffer` and returns the bytes written.
    ///
    /// # Errors
    ///
    /// [`CloseFrameError::BufferTooSmall`] if `buffer` is shorter than
    /// [`payload_len`](Self::payload_len); nothing is written then.
    pub fn write_to<'b>(&self, buffer: &'b mut [u8]) -> Result<&'b [u8], CloseFrameError> {
        let len = self.payload_len();
        let available = buffer.len();
        let Some(target) = buffer.get_mut(..len) else {
            return Err(CloseFrameError::BufferTooSmall {
                needed: len,
                available,
            });
        };
        target[..2].copy_from_slice(&self.code.to_be_bytes());
        target[2..].copy_from_slice(self.reason.as_bytes());
        Ok(target)
    }
}

/// The payload of a Close frame, built without allocation: up to
/// [`MAX_PAYLOAD_LEN`] bytes in a fixed buffer. Dereferences to the bytes.
#[derive(Clone, Copy)]
pub struct ClosePayload {
    bytes: [u8; MAX_PAYLOAD_LEN],
    len: u8,
}

impl ClosePayload {
    /// The empty payload: a Close frame without a status code.
    #[must_use]
    pub const fn empty() -> ClosePayload {
        ClosePayload {
            bytes: [0; MAX_PAYLOAD_LEN],
            len: 0,
        }
    }

    /// The bytes of the payload.
    #[inline]
    #[must_use]
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes[..usize::from(self.len)]
    }
}

impl Default for ClosePayload {
    fn default() -> Self {
        ClosePayload::empty()
    }
}

impl Deref for ClosePayload {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        self.as_bytes()
    }
}

impl AsRef<[u8]> for ClosePayload {
    fn as_ref(&self) -> &[u8] {
        self.as_bytes()
    }
}

impl PartialEq for ClosePayload {
    fn eq(&self, other: &Self) -> bool {
        self.as_bytes() == other.as_bytes()
    }
}

impl Eq for ClosePayload {}

impl fmt::Debug for ClosePayload {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter
            .debug_tuple("ClosePayload")
            .field(&self.as_bytes())
            .finish()
    }
}

/// Why a Close payload was rejected, with what was received or given.
///
/// Errors from [`CloseFrame::parse`] are the peer's: close the connection with
/// [`answer`](Self::answer). Errors from building a frame ([`UnsendableCode`],
/// [`ReasonTooLong`], [`BufferTooSmall`]) are the local application's;
/// [`is_peer_error`](Self::is_peer_error) tells the two apart.
///
/// [`UnsendableCode`]: CloseFrameError::UnsendableCode
/// [`ReasonTooLong`]: CloseFrameError::ReasonTooLong
/// [`BufferTooSmall`]: CloseFrameError::BufferTooSmall
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CloseFrameError {
    /// The payload was one byte long: too short for a status code.
    Truncated {
        /// The byte received.
        byte: u8,
    },
    /// The payload was longer than [`MAX_PAYLOAD_LEN`] bytes.
    PayloadTooLong {
        /// The status code it started with.
        code: u16,
        /// Its length in bytes.
        len: usize,
    },
    /// The received status code may not appear in a Close frame: 0, a code below 1000,
    /// a local-only code such as 1005 or 1006, an unassigned protocol code, or 5000 and
    /// above.
    InvalidCode {
        /// The code received.
        code: u16,
    },
    /// The reason was not valid UTF-8.
    InvalidUtf8 {
        /// The status code, which was valid.
        code: CloseCode,
        /// How many bytes of the reason were valid UTF-8.
        valid_up_to: usize,
    },
    /// The code given for a frame to send may not appear in a Close frame (see
    /// [`CloseCode::is_sendable`]).
    UnsendableCode {
        /// The code given.
        code: CloseCode,
    },
    /// The reason given for a frame to send was longer than [`MAX_REASON_LEN`] bytes.
    ReasonTooLong {
        /// The status code given.
        code: u16,
        /// The length of the reason in bytes.
        len: usize,
    },
    /// The buffer given to [`CloseFrame::write_to`] was too short.
    BufferTooSmall {
        /// The bytes the payload needs.
        needed: usize,
        /// The bytes the buffer has.
        available: usize,
    },
}

impl CloseFrameError {
    /// The code to close the connection with. For a received payload: 1007 when the
    /// reason was not UTF-8 (RFC 6455 §8.1), 1002 (protocol error) otherwise. For a
    /// frame the local application failed to build, the peer did nothing wrong: 1011
    /// (internal error).
    #[must_use]
    pub const fn answer(&self) -> CloseCode {
        match self {
            CloseFrameError::InvalidUtf8 { .. } => INVALID_PAYLOAD_DATA,
            CloseFrameError::Truncated { .. }
            | CloseFrameError::PayloadTooLong { .. }
            | CloseFrameError::InvalidCode { .. } => PROTOCOL_ERROR,
            CloseFrameError::UnsendableCode { .. }
            | CloseFrameError::ReasonTooLong { .. }
            | CloseFrameError::BufferTooSmall { .. } => INTERNAL_ERROR,
        }
    }

    /// Whether the error is in a payload received from the peer (from
    /// [`CloseFrame::parse`]) rather than in a frame the local application built.
    #[must_use]
    pub const fn is_peer_error(&self) -> bool {
        matches!(
            self,
            CloseFrameError::Truncated { .. }
                | CloseFrameError::PayloadTooLong { .. }
                | CloseFrameError::InvalidCode { .. }
                | CloseFrameError::InvalidUtf8 { .. }
        )
    }

    /// The status code received or given, when there was one.
    #[must_use]
    pub const fn code(&self) -> Option<u16> {
        match *self {
            CloseFrameError::PayloadTooLong { code, .. }
            | CloseFrameError::InvalidCode { code }
            | CloseFrameError::ReasonTooLong { code, .. } => Some(code),
            CloseFrameError::InvalidUtf8 { code, .. }
            | CloseFrameError::UnsendableCode { code } => Some(code.get()),
            CloseFrameError::Truncated { .. } | CloseFrameError::BufferTooSmall { .. } => None,
        }
    }
}

impl fmt::Display for CloseFrameError {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            CloseFrameError::Truncated { byte } => {
                write!(
                    formatter,
                    "close payload of one byte ({byte:#04x}): too short for a status code"
                )
            }
            CloseFrameError::PayloadTooLong { code, len } => write!(
                formatter,
                "close payload of {len} bytes (code {code}): longer than {MAX_PAYLOAD_LEN}"
            ),
            CloseFrameError::InvalidCode { code } => {
                write!(
                    formatter,
                    "close code {code} may not be sent in a close frame"
                )
            }
            CloseFrameError::UnsendableCode { code } => write!(
                formatter,
                "close code {} may not be sent in a close frame",
                code.get()
            ),
            CloseFrameError::InvalidUtf8 { code, valid_up_to } => write!(
                formatter,
                "close reason (code {}) is not valid UTF-8 after byte {valid_up_to}",
                code.get()
            ),
            CloseFrameError::ReasonTooLong { code, len } => write!(
                formatter,
                "close reason of {len} bytes (code {code}): longer than {MAX_REASON_LEN}"
            ),
            CloseFrameError::BufferTooSmall { needed, available } => write!(
                formatter,
                "buffer of {available} bytes is too small for a close payload of {needed}"
            ),
        }
    }
}

impl core::error::Error for CloseFrameError {}
