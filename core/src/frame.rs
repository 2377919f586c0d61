use core::fmt;
use core::ops::Deref;

use crate::{
    BuildFrameError, BuildFrameErrorKind, CloseCode, ParseFrameError, ParseFrameErrorKind,
};

/// The largest payload of a Close frame: control frames carry at most 125 bytes
/// (RFC 6455 §5.5).
pub const MAX_PAYLOAD_LEN: usize = 125;

/// The longest reason text: the payload less the two bytes of the status code.
pub const MAX_REASON_LEN: usize = MAX_PAYLOAD_LEN - 2;

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

impl CloseFrame<'static> {
    /// The frame of an answer to a bad frame: 1002 or 1007, which may always be sent.
    pub(crate) const fn answer(code: CloseCode) -> CloseFrame<'static> {
        CloseFrame { code, reason: "" }
    }
}

impl<'a> CloseFrame<'a> {
    /// Reads the payload of a received Close frame.
    ///
    /// `Ok(None)` for an empty payload, which carries no status code (report it to
    /// the application as [`CloseCode::NO_REASON`], 1005). Otherwise the payload must
    /// be at most [`MAX_PAYLOAD_LEN`] bytes, start with a two-byte code that
    /// [may be sent](CloseCode::is_sendable), and continue with valid UTF-8. A payload
    /// too long is reported first, then a reason that is not UTF-8 (answer 1007), then
    /// the code (1002).
    ///
    /// # Errors
    ///
    /// A [`ParseFrameError`] naming the rule the peer broke, with what was received;
    /// [`ParseFrameError::answer`] is the code to close the connection with.
    pub fn parse(payload: &'a [u8]) -> Result<Option<CloseFrame<'a>>, ParseFrameError> {
        let (number, reason) = match payload {
            [] => return Ok(None),
            [_] => return Err(ParseFrameError::truncated()),
            [high, low, reason @ ..] => (u16::from_be_bytes([*high, *low]), reason),
        };
        let len = payload.len();
        if len > MAX_PAYLOAD_LEN {
            return Err(ParseFrameError::new(
                ParseFrameErrorKind::PayloadTooLong,
                number,
                len,
            ));
        }
        // The reason is checked before the code, so that a payload wrong in both ways
        // gets 1007, as python-websockets and fastwebsockets answer it.
        let reason = core::str::from_utf8(reason)
            .map_err(|error| ParseFrameError::invalid_utf8(number, len, error.valid_up_to()))?;
        let code = received_code(number, len)?;
        Ok(Some(CloseFrame { code, reason }))
    }

    /// Checks a received Close frame that another WebSocket stack has already split
    /// into its code and reason (axum's `CloseFrame { code: u16, reason }`, say), by
    /// the rules of [`parse`](Self::parse).
    ///
    /// ```
    /// # use close_reasons::{CloseCode, CloseFrame};
    /// let frame = CloseFrame::from_received(1014, "upstream down").unwrap();
    /// assert_eq!(frame.code(), CloseCode::BAD_GATEWAY);
    /// assert!(CloseFrame::from_received(1005, "").is_err()); // never on the wire
    /// ```
    ///
    /// # Errors
    ///
    /// A [`ParseFrameError`]: the code may not be sent, or the payload it makes is
    /// longer than [`MAX_PAYLOAD_LEN`] bytes.
    pub const fn from_received(
        number: u16,
        reason: &'a str,
    ) -> Result<CloseFrame<'a>, ParseFrameError> {
        let len = 2 + reason.len();
        if len > MAX_PAYLOAD_LEN {
            return Err(ParseFrameError::new(
                ParseFrameErrorKind::PayloadTooLong,
                number,
                len,
            ));
        }
        match received_code(number, len) {
            Ok(code) => Ok(CloseFrame { code, reason }),
            Err(error) => Err(error),
        }
    }

    /// A frame to send.
    ///
    /// # Errors
    ///
    /// A [`BuildFrameError`]: [`UnsendableCode`](BuildFrameErrorKind::UnsendableCode)
    /// if the code may not be sent (such as 1005 or 1006),
    /// [`ReasonTooLong`](BuildFrameErrorKind::ReasonTooLong) if the reason is longer
    /// than [`MAX_REASON_LEN`] bytes; [`new_truncating`](Self::new_truncating) shortens
    /// it instead.
    pub const fn new(code: CloseCode, reason: &'a str) -> Result<CloseFrame<'a>, BuildFrameError> {
        if !code.is_sendable() {
            return Err(BuildFrameError::new(
                BuildFrameErrorKind::UnsendableCode,
                code,
                reason.len(),
            ));
        }
        if reason.len() > MAX_REASON_LEN {
            return Err(BuildFrameError::new(
                BuildFrameErrorKind::ReasonTooLong,
                code,
                reason.len(),
            ));
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
    /// A [`BuildFrameError`] of kind
    /// [`UnsendableCode`](BuildFrameErrorKind::UnsendableCode) if the code may not be
    /// sent.
    pub fn new_truncating(
        code: CloseCode,
        reason: &'a str,
    ) -> Result<CloseFrame<'a>, BuildFrameError> {
        let limit = reason.len().min(MAX_REASON_LEN);
        // A character takes at most four bytes, so a boundary lies among the last four
        // offsets; a bounded search cannot run past the string.
        let end = (limit.saturating_sub(3)..=limit)
            .rev()
            .find(|&end| reason.is_char_boundary(end))
            .unwrap_or(0);
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
    /// A [`BuildFrameError`] of kind
    /// [`BufferTooSmall`](BuildFrameErrorKind::BufferTooSmall) if `buffer` is shorter
    /// than [`payload_len`](Self::payload_len); nothing is written then.
    pub fn write_to<'b>(&self, buffer: &'b mut [u8]) -> Result<&'b [u8], BuildFrameError> {
        let len = self.payload_len();
        let available = buffer.len();
        let Some(target) = buffer.get_mut(..len) else {
            return Err(BuildFrameError::buffer_too_small(
                self.code,
                self.reason.len(),
                available,
            ));
        };
        target[..2].copy_from_slice(&self.code.to_be_bytes());
        target[2..].copy_from_slice(self.reason.as_bytes());
        Ok(target)
    }
}

/// The payload of a Close frame, owned, built without allocation: up to
/// [`MAX_PAYLOAD_LEN`] bytes in a fixed buffer. Dereferences to the bytes.
///
/// It is also the owned form of a checked [`CloseFrame`]: `Copy`, `Send`, `Sync` and
/// `'static`, so a close decided in one task can be sent from another (a `CloseFrame`
/// borrows its reason, which may live in a `String` of the deciding task). Every stack
/// integration converts it into the stack's message as it converts a `CloseFrame` (and
/// into an `Option` of the stack's frame: `None` for the empty payload), and
/// [`frame`](Self::frame) borrows it back as one. The empty payload is a Close frame
/// without a status code.
///
/// ```
/// use close_reasons::{CloseCode, CloseFrame, ClosePayload};
///
/// let name = String::from("mallory");
/// let kick = CloseFrame::new(CloseCode::new(4002).unwrap(), &format!("{name} was kicked"))
///     .unwrap()
///     .to_payload();
/// drop(name);
/// let sender = std::thread::spawn(move || {
///     let frame = kick.frame().unwrap();
///     (frame.code().get(), frame.reason().len())
/// });
/// assert_eq!(sender.join().unwrap(), (4002, 18));
/// assert_eq!(ClosePayload::empty().frame(), None);
/// ```
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
    pub const fn as_bytes(&self) -> &[u8] {
        // `len` is at most `MAX_PAYLOAD_LEN`, as `to_payload` guarantees.
        self.bytes.split_at(self.len as usize).0
    }

    /// The frame this payload holds, borrowed from it; `None` for the empty payload
    /// (no status code). Never fails otherwise: a payload is built only from a checked
    /// frame.
    #[must_use]
    pub const fn frame(&self) -> Option<CloseFrame<'_>> {
        let (code, reason) = match self.as_bytes() {
            [high, low, reason @ ..] => (u16::from_be_bytes([*high, *low]), reason),
            _ => return None,
        };
        match (CloseCode::new(code), core::str::from_utf8(reason)) {
            (Some(code), Ok(reason)) => Some(CloseFrame { code, reason }),
            // Not reached: `to_payload` wrote a checked code and a `str`.
            _ => None,
        }
    }
}

/// A received code and reason, as stacks that keep their frame type private hand them
/// over (warp's and salvo's `message.close_frame()`), checked as
/// [`CloseFrame::from_received`] checks them: `close_frame().map(CloseFrame::try_from)`.
///
/// ```
/// # use close_reasons::{CloseCode, CloseFrame};
/// let received: Option<(u16, &str)> = Some((1001, "bye"));
/// let frame = received.map(CloseFrame::try_from).transpose().unwrap().unwrap();
/// assert_eq!(frame.code(), CloseCode::GOING_AWAY);
/// assert!(CloseFrame::try_from((1006, "")).is_err());
/// ```
impl<'a> TryFrom<(u16, &'a str)> for CloseFrame<'a> {
    type Error = ParseFrameError;

    #[inline]
    fn try_from((code, reason): (u16, &'a str)) -> Result<CloseFrame<'a>, ParseFrameError> {
        CloseFrame::from_received(code, reason)
    }
}

impl From<CloseFrame<'_>> for ClosePayload {
    #[inline]
    fn from(frame: CloseFrame<'_>) -> ClosePayload {
        frame.to_payload()
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

impl core::hash::Hash for ClosePayload {
    fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
        self.as_bytes().hash(state);
    }
}

impl fmt::Debug for ClosePayload {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter
            .debug_tuple("ClosePayload")
            .field(&self.as_bytes())
            .finish()
    }
}

/// The code of a received frame, if it may appear in a Close frame. The conversions of
/// another stack's code pass a `payload_len` of 2: the code alone.
pub(crate) const fn received_code(
    number: u16,
    payload_len: usize,
) -> Result<CloseCode, ParseFrameError> {
    match CloseCode::new(number) {
        Some(code) if code.is_sendable() => Ok(code),
        _ => Err(ParseFrameError::new(
            ParseFrameErrorKind::InvalidCode,
            number,
            payload_len,
        )),
    }
}

/// The frame a generated enum's `close_frame` builds: the wire's rules first, then the
/// registry's, which may keep a code local (an application's `sendable = false` on a
/// private-use code) where the wire would allow it.
#[must_use = "the frame, or why it cannot be sent"]
pub const fn close_frame(
    code: CloseCode,
    registry_sendable: bool,
    reason: &str,
) -> Result<CloseFrame<'_>, BuildFrameError> {
    match CloseFrame::new(code, reason) {
        Ok(_) if !registry_sendable => Err(BuildFrameError::new(
            BuildFrameErrorKind::LocalOnlyCode,
            code,
            reason.len(),
        )),
        built => built,
    }
}
