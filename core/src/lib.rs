//! WebSocket close codes, generated from one data file.
//!
//! Every code of [RFC 6455 §7.4] and of the [IANA WebSocket Close Code Number Registry],
//! with its name, title, documentation and reference, comes from `close-reasons.toml`,
//! which the [`registry`] macro reads when this crate is compiled. `no_std`, no
//! allocation, no `unsafe`.
//!
//! - [`CloseCode`]: any status code a Close frame can carry, kept exactly, with the wire
//!   check [`CloseCode::is_sendable`], its [`reason`](CloseCode::reason) and
//!   [`range`](CloseCode::range).
//! - [`CloseReason`]: the codes the registry names, one variant each.
//! - [`CloseRange`]: the blocks of codes of RFC 6455 §7.4.2.
//! - [`CloseFrame`]: the payload of a Close frame, parsed and built exactly as the RFC
//!   says, without allocation. What a peer sent wrong is a [`ParseFrameError`], with the
//!   code to answer; what the local application asked for wrong is a
//!   [`BuildFrameError`].
//! - [`registry`]: the same generator for an application's own codes.
//!
//! ```
//! use close_reasons::{CloseCode, CloseReason};
//!
//! let received = CloseCode::from_be_bytes([0x03, 0xF5]).unwrap();
//! assert_eq!(received.reason(), Some(CloseReason::TryAgainLater));
//! assert!(received.is_sendable());
//! assert_eq!(received.to_string(), "1013 Try Again Later");
//! ```
//!
//! # Features and other WebSocket crates
//!
//! - `serde` (off by default, `no_std`): `Serialize` and `Deserialize` for
//!   [`CloseCode`] and [`CloseReason`], as their number; reading rejects 0, and numbers
//!   the registry does not name for `CloseReason`.
//! - `tungstenite` (off by default): `From<CloseCode>` for tungstenite's close code and
//!   `TryFrom` back (failing only for 0), `From<CloseFrame>` for tungstenite's close
//!   frame and `TryFrom<&tungstenite::protocol::CloseFrame>` back, which checks a
//!   received frame as [`CloseFrame::parse`] does: tungstenite's frame type holds any
//!   code, and tungstenite's own `is_allowed` rejects 1014, which the IANA registry
//!   assigns.
//! - Stacks whose close frame is a plain `u16` and a string, such as axum
//!   (`axum::extract::ws::CloseFrame`): [`CloseFrame::from_received`] checks a received
//!   one as [`CloseFrame::parse`] would, and [`CloseCode::get`] gives the number to send.
//!
//! ```
//! # use close_reasons::{CloseCode, CloseFrame};
//! // As with axum: a received u16 and text in, a checked frame out.
//! let frame = CloseFrame::from_received(1013, "overloaded").unwrap();
//! assert_eq!(frame.code(), CloseCode::TRY_AGAIN_LATER);
//! let error = CloseFrame::from_received(1006, "").unwrap_err();
//! assert_eq!(error.answer(), CloseCode::PROTOCOL_ERROR);
//! // To send: the number and the text of a checked frame.
//! let reply = CloseFrame::new(CloseCode::GOING_AWAY, "bye").unwrap();
//! assert_eq!((reply.code().get(), reply.reason()), (1001, "bye"));
//! ```
//!
//! # The registry
//!
//! Generated from `close-reasons.toml`, so it cannot drift from the code.
//!
//! [RFC 6455 §7.4]: https://www.rfc-editor.org/rfc/rfc6455#section-7.4
//! [IANA WebSocket Close Code Number Registry]: https://www.iana.org/assignments/websocket/websocket.xhtml#close-code-number
#![doc = close_reasons_macros::__registry_table!("close-reasons.toml", CloseReason, CloseRange)]
#![no_std]
#![forbid(unsafe_code)]

mod code;
mod error;
mod frame;
mod frame_error;
#[cfg(feature = "serde")]
mod serde;
#[cfg(feature = "tungstenite")]
mod tungstenite;

pub use close_reasons_macros::registry;
pub use code::CloseCode;
pub use error::{InvalidCloseCode, ParseReasonError, UnknownCode};
pub use frame::{CloseFrame, ClosePayload, MAX_PAYLOAD_LEN, MAX_REASON_LEN};
pub use frame_error::{BuildFrameError, BuildFrameErrorKind, ParseFrameError, ParseFrameErrorKind};

// What is generated from `close-reasons.toml`, and where:
// - `CloseReason` below, with the API an application enum gets from `registry`;
// - `CloseRange` below;
// - in `code.rs`: the constants `CloseCode::NORMAL` …, the predicates
//   `CloseCode::is_private` … and the body of `CloseCode::is_sendable`;
// - the tables of the crate documentation, above.
// `__standard_reasons` applies the rules of the standard registry (any code, with
// ranges) and reports the registry's mistakes; the other entry points stay silent, so
// that each mistake is reported once.

/// A close code that the registry names: the codes of RFC 6455 §7.4.1 and the IANA
/// WebSocket Close Code Number Registry.
#[close_reasons_macros::__standard_reasons("close-reasons.toml", crate = "crate")]
#[non_exhaustive]
pub enum CloseReason {}

/// A block of close codes with a shared meaning (RFC 6455 §7.4.2), one variant per
/// `[[range]]` of the registry.
#[close_reasons_macros::__standard_ranges("close-reasons.toml", crate = "crate")]
#[non_exhaustive]
pub enum CloseRange {}

/// Support for the code that [`registry`] generates in other crates. Not part of the
/// public API: it may change in any release.
#[doc(hidden)]
pub mod __private {
    pub use crate::error::{parse_reason_error, unknown_code};
    pub use crate::frame::close_frame;

    use crate::CloseCode;

    /// The code of a variant, whose number the registry guarantees is not 0.
    #[inline]
    #[must_use]
    pub const fn named_code(number: u16) -> CloseCode {
        match CloseCode::new(number) {
            Some(code) => code,
            // Never taken; keeps the conversion free of panics.
            None => CloseCode::from_nonzero(core::num::NonZeroU16::MAX),
        }
    }
}
