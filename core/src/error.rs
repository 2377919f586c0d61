use core::fmt;

/// A number that has no variant in a close-code enum, as returned by `TryFrom<u16>`
/// and `TryFrom<CloseCode>` of [`CloseReason`](crate::CloseReason) and of enums
/// generated with [`registry`](crate::registry). Carries the number.
///
/// ```
/// # use close_reasons::CloseReason;
/// let error = CloseReason::try_from(4001).unwrap_err();
/// assert_eq!(error.get(), 4001);
/// assert_eq!(error.to_string(), "close code 4001 has no name in the registry");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct UnknownCode {
    number: u16,
}

impl UnknownCode {
    /// The number that was not recognised (it may be 0, which is no close code).
    #[inline]
    #[must_use]
    pub const fn get(&self) -> u16 {
        self.number
    }
}

/// For generated code, through `__private`.
#[inline]
#[must_use]
pub const fn unknown_code(number: u16) -> UnknownCode {
    UnknownCode { number }
}

impl fmt::Display for UnknownCode {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            formatter,
            "close code {} has no name in the registry",
            self.number
        )
    }
}

impl core::error::Error for UnknownCode {}

/// A string that names no variant of a close-code enum, from `FromStr` of
/// [`CloseReason`](crate::CloseReason) and of enums generated with
/// [`registry`](crate::registry): neither the registry name of a variant (`going_away`),
/// nor its number (`1001`), nor what `Display` writes for it (`1001 Going Away`).
///
/// ```
/// # use close_reasons::CloseReason;
/// assert!("4001".parse::<CloseReason>().is_err()); // a code, but not a named one
/// let error = "going_awya".parse::<CloseReason>().unwrap_err();
/// assert_eq!(error.to_string(), "not a close reason of the registry: expected its name, its number, or both as Display writes them");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ParseReasonError {
    _private: (),
}

/// For generated code, through `__private`.
#[must_use]
pub const fn parse_reason_error() -> ParseReasonError {
    ParseReasonError { _private: () }
}

impl fmt::Display for ParseReasonError {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(
            "not a close reason of the registry: expected its name, its number, or both as Display writes them",
        )
    }
}

impl core::error::Error for ParseReasonError {}

/// A value that cannot be a [`CloseCode`](crate::CloseCode): 0, a number above
/// 65535, or a string that is neither a number, a reason's name nor what `Display`
/// writes. From `TryFrom<u16>`, `FromStr` and the conversions from other crates' codes.
///
/// ```
/// # use close_reasons::{CloseCode, InvalidCloseCodeKind};
/// let error = "going_awya".parse::<CloseCode>().unwrap_err();
/// assert_eq!(error.kind(), InvalidCloseCodeKind::UnknownName);
/// assert_eq!(error.to_string(), "neither a close code number nor a close reason name");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct InvalidCloseCode {
    kind: InvalidCloseCodeKind,
}

/// Why a value cannot be a close code, from [`InvalidCloseCode::kind`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum InvalidCloseCodeKind {
    /// The number 0, which no Close frame carries.
    Zero,
    /// A number above 65535.
    TooLarge,
    /// A string that is neither a number nor the registry name of a reason.
    UnknownName,
    /// A number followed by text that is not what `Display` writes after it, such as
    /// `"1001 Normal Closure"`.
    WrongTitle,
}

impl InvalidCloseCode {
    pub(crate) const fn new(kind: InvalidCloseCodeKind) -> InvalidCloseCode {
        InvalidCloseCode { kind }
    }

    /// Why the value is not a close code.
    #[inline]
    #[must_use]
    pub const fn kind(&self) -> InvalidCloseCodeKind {
        self.kind
    }
}

impl fmt::Display for InvalidCloseCode {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(match self.kind {
            InvalidCloseCodeKind::Zero => "0 is not a close code",
            InvalidCloseCodeKind::TooLarge => "close code number above 65535",
            InvalidCloseCodeKind::UnknownName => {
                "neither a close code number nor a close reason name"
            }
            InvalidCloseCodeKind::WrongTitle => {
                "the text after the close code number is not its title"
            }
        })
    }
}

impl core::error::Error for InvalidCloseCode {}
