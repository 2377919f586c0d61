//! What a client does after a close code, as data a program acts on.

use core::time::Duration;

/// What a client does after its connection closed with a code: the registry's
/// `reconnect` policy, from `reconnect()` on [`CloseCode`](crate::CloseCode),
/// [`CloseReason`](crate::CloseReason), [`CloseRange`](crate::CloseRange) and every enum
/// of [`registry`](crate::registry), and from `reconnect_for(code)` on an application's
/// enum (its own policy for its codes, the standard registry's for any other).
///
/// ```
/// use std::time::Duration;
/// use close_reasons::{CloseCode, Reconnect};
///
/// assert_eq!(CloseCode::NORMAL.reconnect(), Reconnect::Never);
/// assert_eq!(CloseCode::ABRUPTLY.reconnect(), Reconnect::Backoff);
/// assert_eq!(
///     CloseCode::SERVICE_RESTART.reconnect(),
///     Reconnect::AfterDelay { min: Duration::from_secs(5), max: Duration::from_secs(30) }
/// );
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Reconnect {
    /// Do not reconnect automatically: a new connection would end the same way, or the
    /// user has to act first.
    Never,
    /// Reconnect at once.
    Immediately,
    /// Reconnect with a growing delay between attempts (exponential backoff, with
    /// jitter).
    Backoff,
    /// Reconnect once, after a random delay between `min` and `max`, so that the clients
    /// of a restarting server do not all return at the same moment.
    AfterDelay {
        /// The shortest delay.
        min: Duration,
        /// The longest delay.
        max: Duration,
    },
}
