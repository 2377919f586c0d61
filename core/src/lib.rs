//! WebSocket close codes, generated from one data file.
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
