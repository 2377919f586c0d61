//! WebSocket close codes, generated from one data file.
//!
//! Every code of [RFC 6455 §7.4] and of the [IANA WebSocket Close Code Number Registry],
//! with its name, title, documentation and reference, comes from `close-reasons.toml`,
//! which the [`registry`] macro reads when this crate is compiled. `no_std`, no
//! allocation, no `unsafe`.
//!
//! - [`CloseCode`]: any status code a Close frame can carry, kept exactly, with the wire
//!   check [`CloseCode::is_sendable`], its named [`close_reason`](CloseCode::close_reason) and
//!   [`range`](CloseCode::range).
//! - [`CloseReason`]: the codes the registry names, one variant each.
//! - [`CloseRange`]: the blocks of codes of RFC 6455 §7.4.2.
//! - [`CloseFrame`]: the payload of a Close frame, parsed and built exactly as the RFC
//!   says, without allocation. What a peer sent wrong is a [`ParseFrameError`], with the
//!   code to answer; what the local application asked for wrong is a
//!   [`BuildFrameError`].
//! - [`Reconnect`]: what a client does after a code, as the registry states it:
//!   `reconnect()` on codes, reasons and ranges, and `reconnect_for(code)` on an
//!   application's enum.
//! - [`registry`]: the same generator for an application's own codes.
//!
//! ```
//! use close_reasons::{CloseCode, CloseReason};
//!
//! let received = CloseCode::from_be_bytes([0x03, 0xF5]).unwrap();
//! assert_eq!(received.close_reason(), Some(CloseReason::TryAgainLater));
//! assert!(received.is_sendable());
//! assert_eq!(received.to_string(), "1013 Try Again Later");
//! ```
//!
//! # Features and other WebSocket crates
//!
//! Every feature is off by default. Without features this crate depends on its macro
//! crate alone, which brings in, at build time only, what reads the registry: syn,
//! quote, proc-macro2 and toml (with its parser, toml_parser, and toml_datetime and
//! serde_spanned); nothing of them is linked into your program.
//!
//! Each integration is named after the crate and its semver line (`tungstenite-0-30`):
//! support for a later release comes as a new feature, so enabling one never changes
//! meaning. In every integration:
//! - a frame to send starts from a checked [`CloseFrame`], or its owned form
//!   [`ClosePayload`] (to move a close between tasks), and converts with one `.into()`
//!   into the stack's message where the stack sends one (soketto's `Sender` and the
//!   browser crates' close calls take no message: their rows say what to call);
//! - a received frame converts with `TryFrom` into a [`CloseFrame`], checked as
//!   [`CloseFrame::parse`] checks one, or into a [`ParseFrameError`] whose `answer()`
//!   is the code to close with;
//! - where the stack has a code type of its own, a code converts both ways keeping its
//!   number, whether or not it may be sent: back into a [`CloseCode`] fails only for 0,
//!   with [`InvalidCloseCode`] as for `TryFrom<u16>` (tokio-websockets' code is never 0,
//!   so that one is a `From`; its type holds only 1000–1015 and 3000–4999, so ours into
//!   it is a `TryFrom`).
//!
//! | feature | crate | conversions |
//! |---|---|---|
//! | `serde` | serde (`no_std`) | `Serialize`, `Deserialize` for [`CloseCode`], [`CloseReason`] and every enum of [`registry`], as their number; 0, and numbers an enum does not name, are rejected (the error lists the numbers it accepts) |
//! | `tungstenite-0-30` | tungstenite 0.30 | `CloseCode` ↔ its `CloseCode`, keeping the number; `CloseFrame` → its `protocol::CloseFrame` and `Message`; `ClosePayload` → `Option<protocol::CloseFrame>` and `Message`; `&protocol::CloseFrame` → `CloseFrame`, checked |
//! | `tungstenite-0-29` | tungstenite 0.29 | the same, for 0.29 (what axum 0.8.9 uses) |
//! | `tungstenite-0-28`, `-0-27`, `-0-26` | tungstenite 0.28, 0.27, 0.26 | the same, for each line (reqwest-websocket 0.6 uses 0.28, poem 3.1 uses 0.27) |
//! | `tungstenite-0-25` … `tungstenite-0-21` | tungstenite 0.25 to 0.21 | the same, for each line, whose frames hold a `Cow<str>`: `CloseFrame<'a>` → `protocol::CloseFrame<'a>` borrows the reason (`socket.close(Some(frame.into()))`), `Message` and `Option<protocol::CloseFrame<'static>>` own a copy (rocket_ws uses 0.21) |
//! | `axum-0-8` | axum 0.8 | `CloseFrame` → `ws::CloseFrame` and `ws::Message`; `ClosePayload` → `Option<ws::CloseFrame>` and `ws::Message`; `&ws::CloseFrame` → `CloseFrame`, checked |
//! | `actix-http-3` | actix-http 3 | `CloseCode` ↔ `ws::CloseCode`, keeping the number (named variants, never `Other` of a known code); `CloseFrame` → `ws::CloseReason` and `ws::Message`; `ClosePayload` → `Option<ws::CloseReason>` and `ws::Message`; `&ws::CloseReason` → `CloseFrame`, checked |
//! | `ntex-3` | ntex 3 (needs Rust 1.88; its ntex-httparse 2.3 needs 1.97, so on an older compiler pin 2.2: `cargo update -p ntex-httparse --precise 2.2.0`) | the same as actix-http's, for `ntex::ws` (`CloseCode`, `CloseReason`, `Message`) |
//! | `poem-3` | poem 3 | `CloseCode` ↔ `web::websocket::CloseCode`, keeping the number (named variants, never `Reserved` of a named code; `Reserved(1000)` reads as 1000); `CloseFrame` → its close frame `(CloseCode, String)` and `Message`; `ClosePayload` → `Option<(CloseCode, String)>` and `Message`; `&(CloseCode, String)` → `CloseFrame`, checked |
//! | `reqwest-websocket-0-6` | reqwest-websocket 0.6 | `CloseCode` ↔ its `CloseCode`, keeping the number; `CloseFrame` → `Message::Close`; `ClosePayload` → `Option<Message>` (its Close always has a code); a received `Message::Close { code, reason }` through [`CloseFrame::from_received`] |
//! | `soketto-0-8` | soketto 0.8 | `CloseFrame` → `connection::CloseReason`; `ClosePayload` → `Option<connection::CloseReason>`; `&connection::CloseReason` → `CloseFrame`, checked (soketto's code is a `u16`: `CloseCode::try_from`) |
//! | `tokio-websockets-0-13` | tokio-websockets 0.13 | `CloseCode` → its `CloseCode` (fallible: it holds 1000–1015 and 3000–4999), back infallibly; `CloseFrame` and `ClosePayload` → `Message`, never panicking |
//! | `fastwebsockets-0-10` | fastwebsockets 0.10 | `CloseCode` ↔ its `CloseCode`, keeping the number; `CloseFrame` and `ClosePayload` → `Frame`; received payloads go through [`CloseFrame::parse`] |
//! | `warp-0-4` | warp 0.4 | `CloseFrame` and `ClosePayload` → `ws::Message`; a received `message.close_frame()` (a `(u16, &str)`) → `CloseFrame` through `TryFrom`, checked (warp keeps its frame type private, so there is no code type to convert) |
//! | `salvo-1` | salvo 1 (needs Rust 1.95, newer than this crate's 1.85) | the same as warp's, for `salvo::websocket::Message` |
//! | `web-sys-0-3` | web-sys 0.3 | the `browser` module: closing a `WebSocket`, reading a `CloseEvent` |
//! | `gloo-net-0-7` | gloo-net 0.7 (and web-sys 0.3) | the `browser` module, and its `CloseEvent` (what the stream's `ConnectionClose` error holds) → `browser::CloseEventInfo`; close with `socket.close(Some(code), Some(reason))` from `browser::close_arguments`, never 1005 |
//! | `ws-stream-wasm-0-7` | ws_stream_wasm 0.7 (and web-sys 0.3) | the `browser` module, and its `CloseEvent` → `browser::CloseEventInfo`; close with `meta.close_reason(code, reason)` from `browser::close_arguments` |
//!
//! # Receiving a Close
//!
//! One shape for every stack: `Result<Option<CloseFrame>, ParseFrameError>`, what
//! [`CloseFrame::parse`] returns for a payload. `None` is a Close without a status code;
//! the error is the peer's fault, and its `answer()` is the code to close with. Stacks
//! hand a received Close over as `Option` of their frame; `.map(CloseFrame::try_from)`
//! and `.transpose()` give the same shape, so `?` works on both:
//!
//! ```
//! # #[cfg(feature = "tungstenite-0-30")] {
//! use close_reasons::{CloseCode, CloseFrame, ParseFrameError};
//! use tungstenite::Message;
//!
//! fn received_code(message: &Message) -> Result<Option<CloseCode>, ParseFrameError> {
//!     let Message::Close(frame) = message else { return Ok(None) };
//!     let frame = frame.as_ref().map(CloseFrame::try_from).transpose()?;
//!     Ok(frame.map(|frame| frame.code()))
//! }
//! let goodbye = close_reasons::close_frame!(close_reasons::CloseReason::Normal, "bye");
//! assert_eq!(received_code(&goodbye.into()), Ok(Some(CloseCode::NORMAL)));
//! # }
//! ```
//!
//! With fastwebsockets and tokio-websockets, which hand over the payload's bytes, parse
//! them: `CloseFrame::parse(&frame.payload)`, `CloseFrame::parse(message.as_payload())`
//! (tokio-websockets' `as_close()` reports a Close without a status as 1005, which may
//! not be sent; `parse` says `None`). To keep a received frame past the message it
//! borrows from, take its owned form, [`CloseFrame::to_payload`].
//!
//! Stacks whose received frame is a plain `u16` and a string use
//! [`CloseFrame::from_received`]:
//!
//! ```
//! # use close_reasons::{CloseCode, CloseFrame};
//! let frame = CloseFrame::from_received(1013, "overloaded").unwrap();
//! assert_eq!(frame.code(), CloseCode::TRY_AGAIN_LATER);
//! let error = CloseFrame::from_received(1006, "").unwrap_err();
//! assert_eq!(error.answer(), CloseCode::PROTOCOL_ERROR);
//! ```
//!
//! # What each stack does before close-reasons sees a frame
//!
//! Measured on loopback: a server of each stack, and a peer that writes raw frames
//! (`tests/interop/tests/on_the_wire.rs` asserts every cell).
//!
//! | stack | a code that may not be sent (1004–1006, 1015, 1016–2999, 0–999, 5000 and up) | 1014 | a one-byte payload; a reason that is not UTF-8 | its own answer to a Close |
//! |---|---|---|---|---|
//! | tungstenite, every line from 0.21 to 0.30; axum 0.8 and warp 0.4 (tungstenite 0.29 underneath); salvo 1 (tungstenite 0.30); poem 3 (tungstenite 0.27) | replaced by `1002 "Protocol violation"` before the application reads the frame: the peer's code and reason are lost, and 1002 is what the application (and close-reasons) sees and what goes back | the same ([tungstenite-rs#502]) | an error; the connection is dropped without a Close | the same code and reason |
//! | tokio-websockets 0.13 | an error, answered with 1002 | passed on | errors, answered with 1002 and 1007 | the code alone |
//! | fastwebsockets 0.10, with its automatic reply (the default) | an error, answered at once with 1002 and the peer's reason | refused like the others | errors; the connection is dropped without a Close | the same code and reason, at once |
//! | reqwest-websocket 0.6 (a client, on tungstenite 0.28) | as tungstenite: replaced by 1002 | replaced by 1002 | errors; the connection is dropped without a Close | the same code and reason; and a Close without a status code reaches the application as 1000 with an empty reason |
//! | soketto 0.8 (`connection`, as jsonrpsee and libp2p use it) | replaced by 1002 without a reason, except 1015, which it passes on (close-reasons' conversion then answers 1002, too late for the wire) | replaced by 1002 | neither a one-byte payload nor a Close without a status reaches the application, which sees the connection closed; a reason that is not UTF-8 is an error, without a Close | the code alone, before the application sees the Close, and it closes its side |
//! | actix-http 3 (`ws::Codec`, as actix-ws and actix-web-actors use it); ntex 3 (its fork: `ws::Codec` and its web server, `web::ws::start`) | passed on unchecked | passed on | the byte is dropped (a Close without a status); the reason is read lossily (U+FFFD) | none: the application answers |
//!
//! What close-reasons adds on receipt: with actix-http and ntex it is the only check of the code,
//! and its error's `answer()` is the 1002 to send. With the others, a frame that reaches
//! the application carries a code that may be sent; the conversion still checks the
//! reason's length and gives the typed code, and an application registry's own rules
//! apply on top. What a stack replaced (tungstenite's 1002) cannot be recovered.
//!
//! The closing handshake completes only if the application keeps reading after the
//! Close: tungstenite, axum, poem, warp, salvo and tokio-websockets write their answer (to a Close, and
//! tokio-websockets' to a bad frame) the next time the socket is read. An application
//! that drops the socket when it sees the Close leaves its peer without an answer, and
//! a browser on the other end reports 1006.
//!
//! soketto's `Sender` closes with 1000 only, and its connection answers a Close before
//! the application reads it. A server that must close with another code, or refuse a
//! 1015 instead of echoing it, writes the frame with soketto's codec (`soketto::base`,
//! shown on loopback by the test above):
//!
//! ```
//! # #[cfg(feature = "soketto-0-8")] {
//! use close_reasons::{close_frame, CloseReason};
//! use soketto::base::{Codec, Header, OpCode};
//!
//! let payload = close_frame!(CloseReason::TryAgainLater, "busy").to_payload();
//! let mut header = Header::new(OpCode::Close);
//! header.set_payload_len(payload.len());
//! let mut frame = Codec::new().encode_header(&header).to_vec();
//! frame.extend_from_slice(&payload); // a server's frame is not masked
//! assert_eq!(frame, b"\x88\x06\x03\xf5busy");
//! # }
//! ```
//!
//! [tungstenite-rs#502]: https://github.com/snapview/tungstenite-rs/issues/502
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
#![cfg_attr(docsrs, feature(doc_cfg))]

// Only integrations whose types own their text need an allocator.
#[cfg(any(
    feature = "actix-http-3",
    feature = "fastwebsockets-0-10",
    feature = "web-sys-0-3",
    feature = "tungstenite-0-21",
    feature = "tungstenite-0-22",
    feature = "tungstenite-0-23",
    feature = "tungstenite-0-24",
    feature = "tungstenite-0-25",
    feature = "soketto-0-8",
    feature = "poem-3",
    feature = "reqwest-websocket-0-6",
    feature = "warp-0-4",
    feature = "salvo-1",
    feature = "ntex-3"
))]
extern crate alloc;

/// `From<CloseFrame>` and `From<ClosePayload>` for a stack's message type whose Close
/// variant is `Close(Option<frame>)`, where the stack's frame converts from a
/// `CloseFrame`: `socket.send(frame.into())` from either form; the empty payload is a
/// Close without a status code, which is why an owned frame becomes an `Option` of the
/// stack's frame. Written once for every such stack.
#[cfg(any(
    feature = "tungstenite-0-30",
    feature = "tungstenite-0-29",
    feature = "tungstenite-0-28",
    feature = "tungstenite-0-27",
    feature = "tungstenite-0-26",
    feature = "axum-0-8",
    feature = "actix-http-3",
    feature = "poem-3",
    feature = "ntex-3"
))]
macro_rules! close_message_conversions {
    ($message:ty, $frame:ty, $feature:literal) => {
        /// An owned frame to send, as the stack's frame; `None` for the empty payload
        /// (a Close without a status code).
        #[cfg_attr(docsrs, doc(cfg(feature = $feature)))]
        impl From<$crate::ClosePayload> for Option<$frame> {
            fn from(payload: $crate::ClosePayload) -> Self {
                payload.frame().map(Into::into)
            }
        }

        /// A frame to send, as the message that carries it: `socket.send(frame.into())`.
        #[cfg_attr(docsrs, doc(cfg(feature = $feature)))]
        impl From<$crate::CloseFrame<'_>> for $message {
            fn from(frame: $crate::CloseFrame<'_>) -> Self {
                Self::Close(Some(frame.into()))
            }
        }

        /// An owned frame to send (a close decided in another task), as the message that
        /// carries it; the empty payload is a Close without a status code.
        #[cfg_attr(docsrs, doc(cfg(feature = $feature)))]
        impl From<$crate::ClosePayload> for $message {
            fn from(payload: $crate::ClosePayload) -> Self {
                Self::Close(payload.into())
            }
        }
    };
}

mod any_code;
mod code;
mod error;
mod frame;
mod frame_error;
mod reconnect;

#[cfg(any(feature = "actix-http-3", feature = "ntex-3"))]
mod actix_like;
#[cfg(feature = "axum-0-8")]
mod axum;
#[cfg(feature = "web-sys-0-3")]
#[cfg_attr(docsrs, doc(cfg(feature = "web-sys-0-3")))]
pub mod browser;
#[cfg(any(feature = "warp-0-4", feature = "salvo-1"))]
mod close_with;
#[cfg(feature = "fastwebsockets-0-10")]
mod fastwebsockets;
#[cfg(feature = "poem-3")]
mod poem;
#[cfg(feature = "reqwest-websocket-0-6")]
mod reqwest_websocket;
#[cfg(feature = "serde")]
mod serde;
#[cfg(feature = "soketto-0-8")]
mod soketto;
#[cfg(feature = "tokio-websockets-0-13")]
mod tokio_websockets;
#[cfg(any(
    feature = "tungstenite-0-30",
    feature = "tungstenite-0-29",
    feature = "tungstenite-0-28",
    feature = "tungstenite-0-27",
    feature = "tungstenite-0-26",
    feature = "tungstenite-0-25",
    feature = "tungstenite-0-24",
    feature = "tungstenite-0-23",
    feature = "tungstenite-0-22",
    feature = "tungstenite-0-21"
))]
mod tungstenite;

pub use any_code::AnyCode;
pub use close_reasons_macros::registry;
pub use code::CloseCode;
pub use error::{InvalidCloseCode, InvalidCloseCodeKind, ParseReasonError, UnknownCode};
pub use frame::{CloseFrame, ClosePayload, MAX_PAYLOAD_LEN, MAX_REASON_LEN};
pub use frame_error::{BuildFrameError, BuildFrameErrorKind, ParseFrameError, ParseFrameErrorKind};
pub use reconnect::{DelayWindow, Reconnect};

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
///
/// Generated from `close-reasons.toml` with the API every enum of [`registry`] gets:
/// `ALL`, `code`, `from_code`, `name`, `title`, `description`, `reference`, `link`,
/// `is_sendable`, `is_browser_sendable`, `is_normal_closure`, `reconnect` (a
/// [`Reconnect`] policy), `reconnect_advice`, `close_frame`, `Display`, `FromStr`, `TryFrom<u16>`, `TryFrom<CloseCode>`,
/// `From<CloseReason> for u16`, `From<CloseReason> for CloseCode`, `PartialEq` with
/// [`CloseCode`] both ways (`code == CloseReason::Normal`), and with the `serde` feature
/// `Serialize` and `Deserialize` as the number.
#[close_reasons_macros::__standard_reasons("close-reasons.toml", crate = "crate")]
#[non_exhaustive]
pub enum CloseReason {}

/// A block of close codes with a shared meaning (RFC 6455 §7.4.2), one variant per
/// `[[range]]` of the registry.
///
/// Generated from `close-reasons.toml`: `ALL`, `of`, `name`, `title`, `description`,
/// `codes`, `contains`, `unnamed_codes_sendable`, `reconnect` and `Display`.
#[close_reasons_macros::__standard_ranges("close-reasons.toml", crate = "crate")]
#[non_exhaustive]
pub enum CloseRange {}

/// `Serialize` and `Deserialize` for a close-code enum, as its number, when this crate's
/// `serde` feature is on; nothing when it is off. Called by the generated code with the
/// enum and the text that says which numbers it accepts. `$crate` names this crate
/// however the caller renamed it; the locals start with `__`, since a constant of the
/// caller's module would take the place of a binding of the same name.
#[doc(hidden)]
#[macro_export]
#[cfg(feature = "serde")]
macro_rules! __serde_for_reasons {
    ($reasons:ident, $expected:literal) => {
        impl $crate::__private::serde_core::Serialize for $reasons {
            #[inline]
            fn serialize<S: $crate::__private::serde_core::Serializer>(
                &self,
                __serializer: S,
            ) -> ::core::result::Result<S::Ok, S::Error> {
                $crate::__private::serialize_number(
                    ::core::convert::From::<$reasons>::from(*self),
                    __serializer,
                )
            }
        }

        impl<'de> $crate::__private::serde_core::Deserialize<'de> for $reasons {
            fn deserialize<D: $crate::__private::serde_core::Deserializer<'de>>(
                __deserializer: D,
            ) -> ::core::result::Result<Self, D::Error> {
                $crate::__private::deserialize_named(
                    __deserializer,
                    |__number| {
                        <$reasons as ::core::convert::TryFrom<::core::primitive::u16>>::try_from(
                            __number,
                        )
                        .ok()
                    },
                    $expected,
                )
            }
        }
    };
}

/// Without the `serde` feature, a close-code enum gets no serde impls.
#[doc(hidden)]
#[macro_export]
#[cfg(not(feature = "serde"))]
macro_rules! __serde_for_reasons {
    ($reasons:ident, $expected:literal) => {};
}

/// A [`CloseFrame`] checked when the program is compiled, for a frame known to be good:
/// `close_frame!(code, "reason")`, where `code` is a constant [`CloseCode`], a
/// [`CloseReason`] or a variant of an enum of [`registry`], and the reason a constant
/// string. No `Result` to unwrap, and usable in `const` and `static` items; a code that
/// may not be sent (or that its registry keeps local) or a reason over 123 bytes fails
/// the build.
///
/// ```
/// use close_reasons::{close_frame, CloseCode, CloseFrame, CloseReason};
///
/// const GOODBYE: CloseFrame<'static> = close_frame!(CloseReason::Normal, "Goodbye");
/// static RESTART: CloseFrame<'static> = close_frame!(CloseCode::SERVICE_RESTART, "back soon");
/// assert_eq!((GOODBYE.code(), GOODBYE.reason()), (CloseCode::NORMAL, "Goodbye"));
/// assert_eq!(RESTART.code().get(), 1012);
/// ```
///
/// ```compile_fail
/// // 1006 is reported locally, never sent: this does not compile.
/// const DROPPED: close_reasons::CloseFrame<'static> =
///     close_reasons::close_frame!(close_reasons::CloseReason::Abruptly, "");
/// ```
#[macro_export]
macro_rules! close_frame {
    ($code:expr, $reason:expr $(,)?) => {{
        const __CLOSE_FRAME: $crate::CloseFrame<'static> =
            $crate::__private::built_at_compile_time(($code).close_frame($reason));
        __CLOSE_FRAME
    }};
}

/// Support for the code that [`registry`] generates in other crates. Not part of the
/// public API: it may change in any release.
#[doc(hidden)]
pub mod __private {
    pub use crate::__serde_for_reasons as serde_for_reasons;
    pub use crate::any_code::classify;
    pub use crate::code::decimal_number;
    pub use crate::error::{parse_reason_error, unknown_code};
    pub use crate::frame::close_frame;

    /// The frame of [`close_frame!`](crate::close_frame!), whose constant item makes a
    /// mistake fail the build with one of these messages; never called at run time.
    #[must_use]
    pub const fn built_at_compile_time(
        built: Result<crate::CloseFrame<'static>, crate::BuildFrameError>,
    ) -> crate::CloseFrame<'static> {
        use crate::BuildFrameErrorKind as Kind;
        match built {
            Ok(frame) => frame,
            Err(error) => match error.kind() {
                Kind::UnsendableCode => {
                    panic!("close_frame!: this code may not be sent in a Close frame")
                }
                Kind::LocalOnlyCode => {
                    panic!("close_frame!: the registry keeps this code local (`sendable = false`)")
                }
                Kind::ReasonTooLong => panic!("close_frame!: the reason is longer than 123 bytes"),
                _ => panic!("close_frame!: this frame cannot be sent"),
            },
        }
    }
    #[cfg(feature = "serde")]
    pub use crate::serde::{deserialize_named, serialize_number};
    #[cfg(feature = "serde")]
    pub use serde_core;

    use crate::CloseCode;

    /// The policy of a code an application names without one: its range's, by the
    /// standard registry (a code in no range never reconnects).
    #[must_use]
    pub const fn range_reconnect(number: u16) -> crate::Reconnect {
        match crate::CloseRange::of(number) {
            Some(range) => range.reconnect(),
            None => crate::Reconnect::Never,
        }
    }

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
