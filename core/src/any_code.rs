//! A received code named by an application's registry, by the standard one, or by none.

use core::fmt;

use crate::{CloseCode, CloseReason};

/// What a received [`CloseCode`] is, looked up in an application's registry first and in
/// the standard registry otherwise; from `classify` on every enum of
/// [`registry`](crate::registry). One `match` acts on all three cases, and `Display`
/// writes the code by the same order (`4002 Kicked`, `1001 Going Away`,
/// `4999 (Private Use)`). Values order by their code's number, whichever registry named
/// it (`1000 Normal Closure` before `4002 Kicked`).
///
/// ```ignore
/// match ChatCloseCode::classify(frame.code()) {
///     AnyCode::Application(ChatCloseCode::Kicked) => show_kick(),
///     AnyCode::Standard(CloseReason::GoingAway) => reconnect_later(),
///     other => log::info!("closed: {other}"),
/// }
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AnyCode<R> {
    /// A code the application's registry names.
    Application(R),
    /// A code the standard registry names (and the application's does not).
    Standard(CloseReason),
    /// A code neither registry names.
    Unnamed(CloseCode),
}

impl<R: Copy + Into<CloseCode>> AnyCode<R> {
    /// The code, whichever registry named it.
    #[inline]
    #[must_use]
    pub fn code(self) -> CloseCode {
        match self {
            AnyCode::Application(reason) => reason.into(),
            AnyCode::Standard(reason) => reason.code(),
            AnyCode::Unnamed(code) => code,
        }
    }
}

/// By the code's number. Two values with one number are of different kinds only when
/// built by hand (`classify` gives each code one kind); they then order as the variants
/// are declared, so that the order agrees with `Eq` (a registry enum has one variant per
/// code).
impl<R: Copy + Into<CloseCode> + Eq> Ord for AnyCode<R> {
    fn cmp(&self, other: &Self) -> core::cmp::Ordering {
        let rank = |any: &Self| match any {
            AnyCode::Application(_) => 0_u8,
            AnyCode::Standard(_) => 1,
            AnyCode::Unnamed(_) => 2,
        };
        self.code()
            .cmp(&other.code())
            .then_with(|| rank(self).cmp(&rank(other)))
    }
}

impl<R: Copy + Into<CloseCode> + Eq> PartialOrd for AnyCode<R> {
    fn partial_cmp(&self, other: &Self) -> Option<core::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// The application's text for its codes, the standard one otherwise: what the variant's,
/// the `CloseReason`'s or the `CloseCode`'s `Display` writes, honouring width, fill,
/// alignment and precision as they do.
impl<R: fmt::Display> fmt::Display for AnyCode<R> {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AnyCode::Application(reason) => fmt::Display::fmt(reason, formatter),
            AnyCode::Standard(reason) => fmt::Display::fmt(reason, formatter),
            AnyCode::Unnamed(code) => fmt::Display::fmt(code, formatter),
        }
    }
}

/// For generated code, through `__private`: the application's variant if it has one,
/// else the standard reason, else the bare code.
#[inline]
#[must_use]
pub const fn classify<R: Copy>(application: Option<R>, code: CloseCode) -> AnyCode<R> {
    match application {
        Some(reason) => AnyCode::Application(reason),
        None => match code.close_reason() {
            Some(reason) => AnyCode::Standard(reason),
            None => AnyCode::Unnamed(code),
        },
    }
}
