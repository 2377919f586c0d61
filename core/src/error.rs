use core::fmt;

/// A number that has no variant in a close-code enum, as returned by
/// `TryFrom<u16>` of [`CloseReason`](crate::CloseReason) and of enums generated with
/// [`registry`](crate::registry). Carries the number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct UnknownCode {
    code: u16,
}

impl UnknownCode {
    /// The error for `code`.
    #[must_use]
    pub const fn new(code: u16) -> UnknownCode {
        UnknownCode { code }
    }

    /// The number that was not recognised.
    #[must_use]
    pub const fn code(&self) -> u16 {
        self.code
    }
}

impl fmt::Display for UnknownCode {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            formatter,
            "close code {} has no name in the registry",
            self.code
        )
    }
}

impl core::error::Error for UnknownCode {}

/// A string that is not the registry name of any reason, from `FromStr`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ParseReasonError {
    _private: (),
}

impl ParseReasonError {
    #[doc(hidden)]
    #[must_use]
    pub const fn new() -> ParseReasonError {
        ParseReasonError { _private: () }
    }
}

impl fmt::Display for ParseReasonError {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("unknown close reason name")
    }
}

impl core::error::Error for ParseReasonError {}

/// A value that cannot be a [`CloseCode`](crate::CloseCode): 0, a number above
/// 65535, or a string that is neither a number nor a reason's name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct InvalidCloseCode {
    kind: Kind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Kind {
    Zero,
    TooLarge,
    UnknownName,
}

impl InvalidCloseCode {
    pub(crate) const fn zero() -> InvalidCloseCode {
        InvalidCloseCode { kind: Kind::Zero }
    }

    pub(crate) const fn too_large() -> InvalidCloseCode {
        InvalidCloseCode {
            kind: Kind::TooLarge,
        }
    }

    pub(crate) const fn unknown_name() -> InvalidCloseCode {
        InvalidCloseCode {
            kind: Kind::UnknownName,
        }
    }
}

impl fmt::Display for InvalidCloseCode {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(match self.kind {
            Kind::Zero => "0 is not a close code",
            Kind::TooLarge => "close code number above 65535",
            Kind::UnknownName => "neither a close code number nor a close reason name",
        })
    }
}

impl core::error::Error for InvalidCloseCode {}
