//! Conversions to and from the types of tungstenite, one feature per minor line from
//! 0.21 to 0.30 (`tungstenite-0-21` … `tungstenite-0-30`). The lines share their
//! close-code type; from 0.26 on a frame's reason is `Utf8Bytes`, before that a
//! `Cow<str>`, so two macros write the frame conversions.

use crate::{CloseCode, InvalidCloseCode};

/// The code conversions, the same on every line.
macro_rules! code_conversions {
    ($tungstenite:ident, $feature:literal) => {
        /// Keeps the number: tungstenite can represent every code.
        #[cfg_attr(docsrs, doc(cfg(feature = $feature)))]
        impl From<CloseCode> for ::$tungstenite::protocol::frame::coding::CloseCode {
            #[inline]
            fn from(code: CloseCode) -> Self {
                Self::from(code.get())
            }
        }

        /// Keeps the number, as `TryFrom<u16>` does: fails only for 0, which is no close
        /// code. A 1006 or a 1015 that tungstenite reports stays readable; whether a code
        /// may be sent is [`CloseCode::is_sendable`], and a received frame is checked by
        /// `CloseFrame::try_from(&frame)`.
        #[cfg_attr(docsrs, doc(cfg(feature = $feature)))]
        impl TryFrom<::$tungstenite::protocol::frame::coding::CloseCode> for CloseCode {
            type Error = InvalidCloseCode;

            #[inline]
            fn try_from(
                code: ::$tungstenite::protocol::frame::coding::CloseCode,
            ) -> Result<CloseCode, InvalidCloseCode> {
                CloseCode::try_from(u16::from(code))
            }
        }
    };
}

/// The doc line of every conversion of a received frame.
macro_rules! received_frame_doc {
    () => {
        "Checks a frame tungstenite received by the rules of [`CloseFrame::parse`](crate::CloseFrame::parse).
tungstenite has already replaced a received code it does not allow (1004, 1006, 1014, …)
with its own 1002 (see the crate docs: what each stack does before close-reasons sees a
frame), but its frame type can hold any code; the error's `answer()` is the code to close
with."
    };
}

/// Lines 0.26 to 0.30: the reason is `Utf8Bytes`, the frame has no lifetime.
#[allow(
    unused_macros,
    reason = "used only when one of its lines' features is on"
)]
macro_rules! utf8_bytes_conversions {
    ($tungstenite:ident, $feature:literal) => {
        code_conversions!($tungstenite, $feature);

        /// Copies the reason into tungstenite's frame, to send.
        #[cfg_attr(docsrs, doc(cfg(feature = $feature)))]
        impl From<$crate::CloseFrame<'_>> for ::$tungstenite::protocol::CloseFrame {
            fn from(frame: $crate::CloseFrame<'_>) -> Self {
                Self {
                    code: frame.code().into(),
                    reason: frame.reason().into(),
                }
            }
        }

        close_message_conversions!(
            ::$tungstenite::Message,
            ::$tungstenite::protocol::CloseFrame,
            $feature
        );

        #[doc = received_frame_doc!()]
        #[cfg_attr(docsrs, doc(cfg(feature = $feature)))]
        impl<'a> TryFrom<&'a ::$tungstenite::protocol::CloseFrame> for $crate::CloseFrame<'a> {
            type Error = $crate::ParseFrameError;

            fn try_from(
                frame: &'a ::$tungstenite::protocol::CloseFrame,
            ) -> Result<$crate::CloseFrame<'a>, $crate::ParseFrameError> {
                $crate::CloseFrame::from_received(u16::from(frame.code), frame.reason.as_str())
            }
        }
    };
}

/// Lines 0.21 to 0.25: the reason is a `Cow<str>`, so a frame converts borrowing it (a
/// `CloseFrame<'static>` from `close_frame!` gives a `CloseFrame<'static>` without a
/// copy); the message, which holds a `CloseFrame<'static>`, owns a copy.
#[allow(
    unused_macros,
    reason = "used only when one of its lines' features is on"
)]
macro_rules! cow_conversions {
    ($tungstenite:ident, $feature:literal) => {
        code_conversions!($tungstenite, $feature);

        /// tungstenite's frame, borrowing the reason: `socket.close(Some(frame.into()))`.
        #[cfg_attr(docsrs, doc(cfg(feature = $feature)))]
        impl<'a> From<$crate::CloseFrame<'a>> for ::$tungstenite::protocol::CloseFrame<'a> {
            fn from(frame: $crate::CloseFrame<'a>) -> Self {
                Self {
                    code: frame.code().into(),
                    reason: ::alloc::borrow::Cow::Borrowed(frame.reason()),
                }
            }
        }

        /// An owned frame to send, as tungstenite's frame (owning a copy of the
        /// reason); `None` for the empty payload (a Close without a status code).
        #[cfg_attr(docsrs, doc(cfg(feature = $feature)))]
        impl From<$crate::ClosePayload> for Option<::$tungstenite::protocol::CloseFrame<'static>> {
            fn from(payload: $crate::ClosePayload) -> Self {
                payload
                    .frame()
                    .map(|frame| ::$tungstenite::protocol::CloseFrame::from(frame).into_owned())
            }
        }

        /// A frame to send, as the message that carries it: `socket.send(frame.into())`.
        #[cfg_attr(docsrs, doc(cfg(feature = $feature)))]
        impl From<$crate::CloseFrame<'_>> for ::$tungstenite::Message {
            fn from(frame: $crate::CloseFrame<'_>) -> Self {
                Self::Close(Some(
                    ::$tungstenite::protocol::CloseFrame::from(frame).into_owned(),
                ))
            }
        }

        /// An owned frame to send (a close decided in another task), as the message that
        /// carries it; the empty payload is a Close without a status code.
        #[cfg_attr(docsrs, doc(cfg(feature = $feature)))]
        impl From<$crate::ClosePayload> for ::$tungstenite::Message {
            fn from(payload: $crate::ClosePayload) -> Self {
                Self::Close(payload.into())
            }
        }

        #[doc = received_frame_doc!()]
        #[cfg_attr(docsrs, doc(cfg(feature = $feature)))]
        impl<'a> TryFrom<&'a ::$tungstenite::protocol::CloseFrame<'_>> for $crate::CloseFrame<'a> {
            type Error = $crate::ParseFrameError;

            fn try_from(
                frame: &'a ::$tungstenite::protocol::CloseFrame<'_>,
            ) -> Result<$crate::CloseFrame<'a>, $crate::ParseFrameError> {
                $crate::CloseFrame::from_received(u16::from(frame.code), &frame.reason)
            }
        }
    };
}

#[cfg(feature = "tungstenite-0-21")]
cow_conversions!(tungstenite_0_21, "tungstenite-0-21");
#[cfg(feature = "tungstenite-0-22")]
cow_conversions!(tungstenite_0_22, "tungstenite-0-22");
#[cfg(feature = "tungstenite-0-23")]
cow_conversions!(tungstenite_0_23, "tungstenite-0-23");
#[cfg(feature = "tungstenite-0-24")]
cow_conversions!(tungstenite_0_24, "tungstenite-0-24");
#[cfg(feature = "tungstenite-0-25")]
cow_conversions!(tungstenite_0_25, "tungstenite-0-25");
#[cfg(feature = "tungstenite-0-26")]
utf8_bytes_conversions!(tungstenite_0_26, "tungstenite-0-26");
#[cfg(feature = "tungstenite-0-27")]
utf8_bytes_conversions!(tungstenite_0_27, "tungstenite-0-27");
#[cfg(feature = "tungstenite-0-28")]
utf8_bytes_conversions!(tungstenite_0_28, "tungstenite-0-28");
#[cfg(feature = "tungstenite-0-29")]
utf8_bytes_conversions!(tungstenite_0_29, "tungstenite-0-29");
#[cfg(feature = "tungstenite-0-30")]
utf8_bytes_conversions!(tungstenite, "tungstenite-0-30");
