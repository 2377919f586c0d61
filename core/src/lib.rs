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
//!   says, without allocation.
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
//!   frame and `TryFrom<&tungstenite::protocol::CloseFrame>` back, which applies our
//!   wire check: tungstenite's frame type holds any code, and tungstenite's own
//!   `is_allowed` rejects 1014, which the IANA registry assigns.
//! - axum (`axum::extract::ws::CloseFrame`) carries the code as a plain `u16`:
//!   `CloseCode::new(frame.code)` reads it, and `u16::from(code)` or
//!   [`CloseCode::get`] writes it.
//!
//! ```
//! # use close_reasons::{CloseCode, CloseFrame};
//! // As with axum: a u16 in, a checked frame out.
//! let (code, reason): (u16, &str) = (1013, "overloaded");
//! let frame = CloseCode::new(code).map(|code| CloseFrame::new(code, reason));
//! assert!(matches!(frame, Some(Ok(_))));
//! assert_eq!(u16::from(CloseCode::GOING_AWAY), 1001);
//! ```
//!
//! # The registry
//!
//! Generated from `close-reasons.toml`, so it cannot drift from the code.
//!
//! [RFC 6455 §7.4]: https://www.rfc-editor.org/rfc/rfc6455#section-7.4
//! [IANA WebSocket Close Code Number Registry]: https://www.iana.org/assignments/websocket/websocket.xhtml#close-code-number
#![doc = close_reasons_macros::registry_table!("close-reasons.toml", CloseReason, CloseRange)]
#![no_std]
#![forbid(unsafe_code)]

mod code;
mod error;
mod frame;
#[cfg(feature = "serde")]
mod serde;
#[cfg(feature = "tungstenite")]
mod tungstenite;

pub use close_reasons_macros::registry;
pub use code::CloseCode;
pub use error::{InvalidCloseCode, ParseReasonError, UnknownCode};
pub use frame::{CloseFrame, CloseFrameError, ClosePayload, MAX_PAYLOAD_LEN, MAX_REASON_LEN};

/// A close code that the registry names: the codes of RFC 6455 §7.4.1 and the IANA
/// WebSocket Close Code Number Registry.
#[registry("close-reasons.toml", crate = "crate", ranges = CloseRange)]
#[non_exhaustive]
pub enum CloseReason {}
