use core::fmt;
use core::num::NonZeroU16;
use core::str::FromStr;

use core::fmt::Write as _;

use crate::{CloseRange, CloseReason, InvalidCloseCode, InvalidCloseCodeKind};

/// Any status code a Close frame can carry, kept exactly as received.
///
/// One number has one value: `CloseCode` wraps the code itself, not a "known or
/// other" enum, so equality is numeric and [`CloseCode::from(CloseReason::Normal)`]
/// equals [`CloseCode::new(1000)`]. Code 0 cannot be represented (no close frame
/// carries it), which keeps `Option<CloseCode>` two bytes.
///
/// ```
/// use close_reasons::{CloseCode, CloseReason};
///
/// let code = CloseCode::new(1001).unwrap();
/// assert_eq!(code, CloseCode::GOING_AWAY);
/// assert_eq!(code.close_reason(), Some(CloseReason::GoingAway));
/// assert!(code.is_sendable());
/// assert_eq!(code.to_string(), "1001 Going Away");
///
/// let private = CloseCode::new(4001).unwrap();
/// assert!(private.is_private() && private.is_sendable());
/// assert_eq!(private.to_string(), "4001 (Private Use)");
///
/// // 1006 is reported locally when a connection drops; it never goes on the wire.
/// assert!(!CloseCode::ABRUPTLY.is_sendable());
/// assert_eq!(core::mem::size_of::<Option<CloseCode>>(), 2);
/// ```
///
/// [`CloseCode::from(CloseReason::Normal)`]: CloseCode#impl-From<CloseReason>-for-CloseCode
/// [`CloseCode::new(1000)`]: CloseCode::new
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[repr(transparent)]
pub struct CloseCode(NonZeroU16);

impl CloseCode {
    /// The code `code`, or `None` for 0, which is never a close code.
    ///
    /// Every other number is accepted and kept as is, whether or not it may be sent;
    /// ask [`is_sendable`](Self::is_sendable) for that.
    ///
    /// ```
    /// # use close_reasons::CloseCode;
    /// assert_eq!(CloseCode::new(4321).map(CloseCode::get), Some(4321));
    /// assert_eq!(CloseCode::new(0), None);
    /// ```
    #[inline]
    #[must_use]
    pub const fn new(code: u16) -> Option<CloseCode> {
        match NonZeroU16::new(code) {
            Some(code) => Some(CloseCode(code)),
            None => None,
        }
    }

    /// The code `code`; infallible because it cannot be 0.
    #[inline]
    #[must_use]
    pub const fn from_nonzero(code: NonZeroU16) -> CloseCode {
        CloseCode(code)
    }

    /// The numeric code.
    #[inline]
    #[must_use]
    pub const fn get(self) -> u16 {
        self.0.get()
    }

    /// The numeric code as a [`NonZeroU16`].
    #[inline]
    #[must_use]
    pub const fn get_nonzero(self) -> NonZeroU16 {
        self.0
    }

    /// Reads a code in network byte order, as the first two bytes of a Close payload
    /// hold it; `None` for `[0, 0]`.
    ///
    /// ```
    /// # use close_reasons::CloseCode;
    /// assert_eq!(CloseCode::from_be_bytes([0x03, 0xE9]), Some(CloseCode::GOING_AWAY));
    /// ```
    #[inline]
    #[must_use]
    pub const fn from_be_bytes(bytes: [u8; 2]) -> Option<CloseCode> {
        CloseCode::new(u16::from_be_bytes(bytes))
    }

    /// The code in network byte order, as a Close payload starts with it.
    ///
    /// ```
    /// # use close_reasons::CloseCode;
    /// assert_eq!(CloseCode::NORMAL.to_be_bytes(), [0x03, 0xE8]);
    /// ```
    #[inline]
    #[must_use]
    pub const fn to_be_bytes(self) -> [u8; 2] {
        self.get().to_be_bytes()
    }

    /// The named [`CloseReason`] for this code, if the standard registry names it (the
    /// same as [`CloseReason::from_code`]). The text of a received Close is
    /// [`CloseFrame::reason`](crate::CloseFrame::reason).
    ///
    /// ```
    /// # use close_reasons::{CloseCode, CloseReason};
    /// assert_eq!(
    ///     CloseCode::new(1013).unwrap().close_reason(),
    ///     Some(CloseReason::TryAgainLater)
    /// );
    /// assert_eq!(CloseCode::new(4001).unwrap().close_reason(), None);
    /// ```
    #[inline]
    #[must_use]
    pub const fn close_reason(self) -> Option<CloseReason> {
        CloseReason::from_code(self)
    }

    /// The former name of [`close_reason`](Self::close_reason), kept until 1.0: `reason()`
    /// is the text of a Close everywhere else in the crate.
    #[deprecated(
        since = "0.1.0",
        note = "renamed to `close_reason()`; `reason()` is the text of a `CloseFrame`"
    )]
    #[inline]
    #[must_use]
    pub const fn reason(self) -> Option<CloseReason> {
        self.close_reason()
    }

    /// Whether an endpoint may send this code in a Close frame, and must accept it when
    /// received (RFC 6455 §7.4 and the IANA registry). Any other code received in a
    /// Close frame fails the connection.
    ///
    /// Computed from the registry: a named reason decides for itself (1005 and 1006
    /// may not be sent), other codes follow their range (any code in 3000–4999 may),
    /// and codes in no range never may.
    ///
    /// ```
    /// # use close_reasons::CloseCode;
    /// assert!(CloseCode::new(1014).unwrap().is_sendable());
    /// assert!(!CloseCode::new(1004).unwrap().is_sendable()); // reserved, unnamed
    /// assert!(!CloseCode::ABRUPTLY.is_sendable()); // local only
    /// assert!(CloseCode::new(4999).unwrap().is_sendable());
    /// assert!(!CloseCode::new(5000).unwrap().is_sendable());
    /// ```
    #[inline]
    #[must_use]
    pub const fn is_sendable(self) -> bool {
        let code = self.get();
        // Range tests over the maximal runs of sendable codes, computed from the
        // registry when this crate is compiled.
        close_reasons_macros::__sendable_check!("close-reasons.toml", code)
    }

    /// Whether a web page may pass this code to `WebSocket.close()`. The WHATWG
    /// WebSockets Standard lets a page close with 1000 or with a code from 3000 to 4999;
    /// on any other code the browser throws an `InvalidAccessError` instead of closing.
    /// A server that relays codes to browsers needs the same check.
    ///
    /// Computed from the registry's `browser_sendable` fields, like
    /// [`is_sendable`](Self::is_sendable).
    ///
    /// ```
    /// # use close_reasons::CloseCode;
    /// assert!(CloseCode::NORMAL.is_browser_sendable());
    /// assert!(CloseCode::new(4001).unwrap().is_browser_sendable());
    /// assert!(!CloseCode::GOING_AWAY.is_browser_sendable()); // sendable, but not by a page
    /// ```
    #[inline]
    #[must_use]
    pub const fn is_browser_sendable(self) -> bool {
        let code = self.get();
        close_reasons_macros::__browser_sendable_check!("close-reasons.toml", code)
    }

    /// The range of the registry that contains the code, if any.
    ///
    /// ```
    /// # use close_reasons::{CloseCode, CloseRange};
    /// assert_eq!(CloseCode::new(4001).unwrap().range(), Some(CloseRange::Private));
    /// assert_eq!(CloseCode::new(5000).unwrap().range(), None);
    /// ```
    #[inline]
    #[must_use]
    pub const fn range(self) -> Option<CloseRange> {
        CloseRange::of(self.get())
    }

    /// Whether a close with this code is a normal end of the connection rather than a
    /// failure: 1000, 1001, and 1005 (a Close frame without a status), as the
    /// registry marks them.
    ///
    /// ```
    /// # use close_reasons::CloseCode;
    /// assert!(CloseCode::GOING_AWAY.is_normal_closure());
    /// assert!(!CloseCode::ABRUPTLY.is_normal_closure());
    /// ```
    #[inline]
    #[must_use]
    pub const fn is_normal_closure(self) -> bool {
        match self.close_reason() {
            Some(reason) => reason.is_normal_closure(),
            None => false,
        }
    }

    /// A Close frame to send with this code and `reason`: the same as
    /// [`CloseFrame::new`](crate::CloseFrame::new), named like `close_frame` of the
    /// reason enums, so that [`close_frame!`](crate::close_frame!) takes either.
    ///
    /// # Errors
    ///
    /// A [`BuildFrameError`](crate::BuildFrameError) when the code may not be sent or
    /// `reason` is longer than 123 bytes.
    #[inline]
    pub const fn close_frame(
        self,
        reason: &str,
    ) -> Result<crate::CloseFrame<'_>, crate::BuildFrameError> {
        crate::CloseFrame::new(self, reason)
    }

    /// What a client does after this code, by the standard registry: the policy of the
    /// reason that names it, or else of its range; a code in no range (0–999, 5000 and
    /// up, which may never be sent) is [`Reconnect::Never`](crate::Reconnect::Never).
    ///
    /// ```
    /// # use close_reasons::{CloseCode, Reconnect};
    /// assert_eq!(CloseCode::TRY_AGAIN_LATER.reconnect(), Reconnect::Backoff);
    /// assert_eq!(CloseCode::new(4999).unwrap().reconnect(), CloseCode::new(4999).unwrap().range().unwrap().reconnect());
    /// assert_eq!(CloseCode::new(5000).unwrap().reconnect(), Reconnect::Never);
    /// ```
    #[inline]
    #[must_use]
    pub const fn reconnect(self) -> crate::Reconnect {
        match (self.close_reason(), self.range()) {
            (Some(reason), _) => reason.reconnect(),
            (None, Some(range)) => range.reconnect(),
            (None, None) => crate::Reconnect::Never,
        }
    }

    /// What the registry advises a client about reconnecting after this code, in
    /// words, if it advises anything (for 1012 and 1013).
    ///
    /// ```
    /// # use close_reasons::CloseCode;
    /// assert!(CloseCode::SERVICE_RESTART.reconnect_advice().unwrap().contains("5 and 30 seconds"));
    /// assert_eq!(CloseCode::NORMAL.reconnect_advice(), None);
    /// ```
    #[inline]
    #[must_use]
    pub const fn reconnect_advice(self) -> Option<&'static str> {
        match self.close_reason() {
            Some(reason) => reason.reconnect_advice(),
            None => None,
        }
    }
}

// From close-reasons.toml: one constant per `[[reason]]` (`CloseCode::NORMAL`, …) and
// one predicate per `[[range]]` (`CloseCode::is_private`, …).
close_reasons_macros::__close_code_items!("close-reasons.toml", CloseCode, CloseReason, CloseRange);

impl From<CloseCode> for u16 {
    #[inline]
    fn from(code: CloseCode) -> u16 {
        code.get()
    }
}

impl From<CloseCode> for NonZeroU16 {
    #[inline]
    fn from(code: CloseCode) -> NonZeroU16 {
        code.0
    }
}

impl From<NonZeroU16> for CloseCode {
    #[inline]
    fn from(code: NonZeroU16) -> CloseCode {
        CloseCode(code)
    }
}

/// Fails only for 0.
impl TryFrom<u16> for CloseCode {
    type Error = InvalidCloseCode;

    #[inline]
    fn try_from(code: u16) -> Result<CloseCode, InvalidCloseCode> {
        CloseCode::new(code).ok_or(InvalidCloseCode::new(InvalidCloseCodeKind::Zero))
    }
}

/// Parses what [`Display`](fmt::Display) writes (`"1001 Going Away"`,
/// `"4001 (Private Use)"`, `"5000"`), a bare number (`"4001"`) or a registry name
/// (`"going_away"`), so that `code.to_string().parse() == Ok(code)` for every code. After a
/// number, the text must be exactly what `Display` writes for it.
///
/// ```
/// # use close_reasons::{CloseCode, InvalidCloseCodeKind};
/// assert_eq!("going_away".parse(), Ok(CloseCode::GOING_AWAY));
/// assert_eq!("1001 Going Away".parse(), Ok(CloseCode::GOING_AWAY));
/// assert_eq!("4001".parse::<CloseCode>().map(CloseCode::get), Ok(4001));
/// assert_eq!("4001 (Private Use)".parse::<CloseCode>().map(CloseCode::get), Ok(4001));
/// let error = "1001 Normal Closure".parse::<CloseCode>().unwrap_err();
/// assert_eq!(error.kind(), InvalidCloseCodeKind::WrongTitle);
/// assert!("0".parse::<CloseCode>().is_err());
/// ```
impl FromStr for CloseCode {
    type Err = InvalidCloseCode;

    fn from_str(text: &str) -> Result<CloseCode, InvalidCloseCode> {
        let digits = text.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 || (digits < text.len() && text.as_bytes()[digits] != b' ') {
            return text
                .parse::<CloseReason>()
                .ok()
                .map(CloseCode::from)
                .ok_or(InvalidCloseCode::new(InvalidCloseCodeKind::UnknownName));
        }
        let number = decimal_number(&text[..digits])
            .ok_or(InvalidCloseCode::new(InvalidCloseCodeKind::TooLarge))?;
        let code = CloseCode::try_from(number)?;
        if digits == text.len() || writes_exactly(code, text) {
            Ok(code)
        } else {
            Err(InvalidCloseCode::new(InvalidCloseCodeKind::WrongTitle))
        }
    }
}

/// The number written in decimal ASCII digits only (no sign, no space; leading zeros
/// allowed), or `None` when there are none or it is above 65535.
#[must_use]
pub const fn decimal_number(text: &str) -> Option<u16> {
    let bytes = text.as_bytes();
    if bytes.is_empty() {
        return None;
    }
    let mut number: u32 = 0;
    let mut at = 0;
    while at < bytes.len() {
        let digit = bytes[at].wrapping_sub(b'0');
        if digit > 9 {
            return None;
        }
        number = number * 10 + digit as u32;
        if number > u16::MAX as u32 {
            return None;
        }
        at += 1;
    }
    Some(number as u16)
}

/// Whether `Display` writes exactly `text` for `code`, found without a buffer: each
/// piece written must be the next piece of `text`.
fn writes_exactly(code: CloseCode, text: &str) -> bool {
    struct Expect<'a>(&'a str);
    impl fmt::Write for Expect<'_> {
        fn write_str(&mut self, piece: &str) -> fmt::Result {
            match self.0.strip_prefix(piece) {
                Some(rest) => {
                    self.0 = rest;
                    Ok(())
                }
                None => Err(fmt::Error),
            }
        }
    }
    let mut expect = Expect(text);
    write!(expect, "{code}").is_ok() && expect.0.is_empty()
}

/// `1001 Going Away` for a named code, `4001 (Private Use)` for another code in a
/// range, the bare number otherwise. Width, fill, alignment and precision apply to the
/// whole text, as for a string (`{:>20}`, `{:.4}`), whether the code is named or not.
///
/// ```
/// # use close_reasons::CloseCode;
/// assert_eq!(format!("{:.4}|", CloseCode::NORMAL), "1000|");
/// assert_eq!(format!("{:.4}|", CloseCode::new(4001).unwrap()), "4001|");
/// assert_eq!(format!("{:>20}|", CloseCode::new(4001).unwrap()), "  4001 (Private Use)|");
/// ```
impl fmt::Display for CloseCode {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut digits = [0; 5];
        // The registry's rules put every named code in a range, so a code outside all
        // ranges (most of the 65,535) needs no lookup of its name.
        let Some(range) = self.range() else {
            return pad(formatter, &[decimal(self.get(), &mut digits)]);
        };
        if let Some(reason) = self.close_reason() {
            return fmt::Display::fmt(&reason, formatter);
        }
        let number = decimal(self.get(), &mut digits);
        pad(formatter, &[number, " (", range.title(), ")"])
    }
}

/// `00` to `99`, two bytes each: two digits per division.
const DIGIT_PAIRS: &[u8; 200] = b"\
    0001020304050607080910111213141516171819\
    2021222324252627282930313233343536373839\
    4041424344454647484950515253545556575859\
    6061626364656667686970717273747576777879\
    8081828384858687888990919293949596979899";

/// The decimal digits of `number`, written at the end of `buffer`.
fn decimal(number: u16, buffer: &mut [u8; 5]) -> &str {
    let mut rest = usize::from(number);
    let mut start = buffer.len();
    while rest >= 10 {
        let pair = rest % 100 * 2;
        rest /= 100;
        start -= 2;
        buffer[start..start + 2].copy_from_slice(&DIGIT_PAIRS[pair..pair + 2]);
    }
    if rest > 0 || start == buffer.len() {
        start -= 1;
        buffer[start] = b'0' + rest as u8;
    }
    // Only ASCII digits were written.
    core::str::from_utf8(&buffer[start..]).unwrap_or_default()
}

/// Writes the concatenation of `parts` as `Formatter::pad` writes one string: cut to
/// the precision, then padded to the width with the fill and alignment (left by
/// default). Nothing is buffered, so the text can be of any length.
fn pad(formatter: &mut fmt::Formatter<'_>, parts: &[&str]) -> fmt::Result {
    if formatter.width().is_none() && formatter.precision().is_none() {
        // `{}`, by far the most common: nothing to count, nothing to fill.
        return parts.iter().try_for_each(|part| formatter.write_str(part));
    }
    let total: usize = parts.iter().map(|part| part.chars().count()).sum();
    let shown = formatter
        .precision()
        .map_or(total, |precision| precision.min(total));
    let missing = formatter.width().unwrap_or(0).saturating_sub(shown);
    let (before, after) = match formatter.align() {
        Some(fmt::Alignment::Right) => (missing, 0),
        Some(fmt::Alignment::Center) => (missing / 2, missing - missing / 2),
        Some(fmt::Alignment::Left) | None => (0, missing),
    };
    let fill = formatter.fill();
    for _ in 0..before {
        formatter.write_char(fill)?;
    }
    let mut left = shown;
    for part in parts {
        if left == 0 {
            break;
        }
        let end = part
            .char_indices()
            .nth(left)
            .map_or(part.len(), |(at, _)| at);
        formatter.write_str(&part[..end])?;
        left -= part[..end].chars().count();
    }
    for _ in 0..after {
        formatter.write_char(fill)?;
    }
    Ok(())
}

/// `CloseCode(1001, GoingAway)` for a named code, `CloseCode(4001)` otherwise.
impl fmt::Debug for CloseCode {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut tuple = formatter.debug_tuple("CloseCode");
        tuple.field(&self.get());
        if let Some(reason) = self.close_reason() {
            tuple.field(&reason);
        }
        tuple.finish()
    }
}
