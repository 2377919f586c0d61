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

pub use close_reasons_macros::registry;
pub use code::CloseCode;
pub use error::{InvalidCloseCode, ParseReasonError, UnknownCode};

/// A close code that the registry names: the codes of RFC 6455 §7.4.1 and the IANA
/// WebSocket Close Code Number Registry.
#[registry("close-reasons.toml", crate = "crate", ranges = CloseRange)]
#[non_exhaustive]
pub enum CloseReason {}
