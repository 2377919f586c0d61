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
/// let Reconnect::AfterDelay(window) = CloseCode::SERVICE_RESTART.reconnect() else {
///     panic!("1012 waits before it reconnects");
/// };
/// assert_eq!((window.min(), window.max()), (Duration::from_secs(5), Duration::from_secs(30)));
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
    /// Reconnect once, after a random delay inside the window, so that the clients of a
    /// restarting server do not all return at the same moment.
    AfterDelay(DelayWindow),
}

/// The window of a [`Reconnect::AfterDelay`]: the shortest and the longest delay, the
/// shortest never above the longest. Opaque, so that what a window holds can grow
/// without a breaking change.
///
/// ```
/// use std::time::Duration;
/// use close_reasons::DelayWindow;
///
/// let window = DelayWindow::from_millis(5_000, 30_000).unwrap();
/// assert_eq!(window.min(), Duration::from_secs(5));
/// assert_eq!(window.max(), Duration::from_secs(30));
/// assert_eq!(DelayWindow::new(Duration::from_secs(2), Duration::from_secs(1)), None);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct DelayWindow {
    min: Duration,
    max: Duration,
}

impl DelayWindow {
    /// The window from `min` to `max`, or `None` when `min` is above `max`.
    #[inline]
    #[must_use]
    pub const fn new(min: Duration, max: Duration) -> Option<DelayWindow> {
        // `Duration`'s `Ord` is not `const`; seconds first, then nanoseconds.
        let in_order = min.as_secs() < max.as_secs()
            || (min.as_secs() == max.as_secs() && min.subsec_nanos() <= max.subsec_nanos());
        if in_order {
            Some(DelayWindow { min, max })
        } else {
            None
        }
    }

    /// The window from `min_ms` to `max_ms` milliseconds, as a registry writes it
    /// (`{ after_delay_ms = [5000, 30000] }`), or `None` when `min_ms` is above `max_ms`.
    #[inline]
    #[must_use]
    pub const fn from_millis(min_ms: u64, max_ms: u64) -> Option<DelayWindow> {
        DelayWindow::new(Duration::from_millis(min_ms), Duration::from_millis(max_ms))
    }

    /// The shortest delay.
    #[inline]
    #[must_use]
    pub const fn min(self) -> Duration {
        self.min
    }

    /// The longest delay.
    #[inline]
    #[must_use]
    pub const fn max(self) -> Duration {
        self.max
    }
}
