//! Conversions to and from the close code and close reason of actix-http 3
//! (`actix_http::ws`, also what actix-web-actors and actix-ws use) and of ntex 3
//! (`ntex::ws`), a fork of actix-http whose close types are the same.

/// The conversions for one of the two crates, given the path of its `ws` module.
macro_rules! actix_like_conversions {
    ($stack:literal, $feature:literal, $($ws:ident)::+) => {
        #[doc = concat!(
            "Keeps the number, as ", $stack, "'s named variant whenever it has one: 1000\n",
            "becomes `Normal`, never `Other(1000)`, so it compares equal to its own constants.\n",
            "Codes it has no variant for (such as 1005, 1014, 4001) become `Other`."
        )]
        #[cfg_attr(docsrs, doc(cfg(feature = $feature)))]
        impl From<$crate::CloseCode> for ::$($ws)::+::CloseCode {
            #[inline]
            fn from(code: $crate::CloseCode) -> Self {
                Self::from(code.get())
            }
        }

        /// Keeps the number, as `TryFrom<u16>` does: fails only for `Other(0)`, which is
        /// no close code. `Abnormal` (1006) or `Other(1004)` stay readable, and
        /// `Other(1000)` reads as 1000; whether a code may be sent is
        /// [`CloseCode::is_sendable`](crate::CloseCode::is_sendable), and a received
        /// close reason is checked by `CloseFrame::try_from(&reason)`.
        #[cfg_attr(docsrs, doc(cfg(feature = $feature)))]
        impl TryFrom<::$($ws)::+::CloseCode> for $crate::CloseCode {
            type Error = $crate::InvalidCloseCode;

            #[inline]
            fn try_from(
                code: ::$($ws)::+::CloseCode,
            ) -> Result<$crate::CloseCode, $crate::InvalidCloseCode> {
                $crate::CloseCode::try_from(u16::from(code))
            }
        }

        #[doc = concat!(
            "A frame to send: an empty reason becomes `description: None`. ", $stack, "\n",
            "bounds neither the code nor the length of what it sends; a `CloseFrame` holds a\n",
            "code that may be sent and at most 123 bytes of reason."
        )]
        #[cfg_attr(docsrs, doc(cfg(feature = $feature)))]
        impl From<$crate::CloseFrame<'_>> for ::$($ws)::+::CloseReason {
            fn from(frame: $crate::CloseFrame<'_>) -> Self {
                let reason = frame.reason();
                Self {
                    code: frame.code().into(),
                    description: (!reason.is_empty()).then(|| reason.into()),
                }
            }
        }

        close_message_conversions!(::$($ws)::+::Message, ::$($ws)::+::CloseReason, $feature);

        #[doc = concat!(
            "Checks a close reason ", $stack, " received by the rules of\n",
            "[`CloseFrame::parse`](crate::CloseFrame::parse); no description reads as an\n",
            "empty reason. ", $stack, " checks no received code, so this is the check: a 1006\n",
            "or a 1015 from the peer is an error whose `answer()` is 1002. What it has already\n",
            "lost cannot be checked: it reads a reason that is not UTF-8 lossily, and a\n",
            "one-byte payload as no status code."
        )]
        #[cfg_attr(docsrs, doc(cfg(feature = $feature)))]
        impl<'a> TryFrom<&'a ::$($ws)::+::CloseReason> for $crate::CloseFrame<'a> {
            type Error = $crate::ParseFrameError;

            fn try_from(
                reason: &'a ::$($ws)::+::CloseReason,
            ) -> Result<$crate::CloseFrame<'a>, $crate::ParseFrameError> {
                let text = reason.description.as_deref().unwrap_or_default();
                $crate::CloseFrame::from_received(u16::from(reason.code), text)
            }
        }
    };
}

#[cfg(feature = "actix-http-3")]
actix_like_conversions!("actix-http", "actix-http-3", actix_http::ws);
#[cfg(feature = "ntex-3")]
actix_like_conversions!("ntex", "ntex-3", ntex::ws);
