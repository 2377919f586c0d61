//! Conversions to and from the types of tungstenite: 0.30 with feature
//! `tungstenite-0-30`, 0.29 (what axum 0.8.9 uses) with feature `tungstenite-0-29`. The
//! two lines have the same close-code and close-frame types, so one macro writes both.

use crate::{CloseCode, CloseFrame, InvalidCloseCode, ParseFrameError};

macro_rules! conversions {
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

        /// Copies the reason into tungstenite's frame, to send.
        #[cfg_attr(docsrs, doc(cfg(feature = $feature)))]
        impl From<CloseFrame<'_>> for ::$tungstenite::protocol::CloseFrame {
            fn from(frame: CloseFrame<'_>) -> Self {
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

        /// Checks a frame tungstenite received by the rules of [`CloseFrame::parse`].
        /// tungstenite has already replaced a received code it does not allow (1004,
        /// 1006, 1014, …) with its own 1002 (see the crate docs: what each stack does
        /// before close-reasons sees a frame), but its frame type can hold any code;
        /// the error's `answer()` is the code to close with.
        #[cfg_attr(docsrs, doc(cfg(feature = $feature)))]
        impl<'a> TryFrom<&'a ::$tungstenite::protocol::CloseFrame> for CloseFrame<'a> {
            type Error = ParseFrameError;

            fn try_from(
                frame: &'a ::$tungstenite::protocol::CloseFrame,
            ) -> Result<CloseFrame<'a>, ParseFrameError> {
                CloseFrame::from_received(u16::from(frame.code), frame.reason.as_str())
            }
        }
    };
}

#[cfg(feature = "tungstenite-0-30")]
conversions!(tungstenite, "tungstenite-0-30");
#[cfg(feature = "tungstenite-0-29")]
conversions!(tungstenite_0_29, "tungstenite-0-29");
