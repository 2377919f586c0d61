//! Conversions into the WebSocket message of the stacks that wrap tungstenite's and keep
//! its close frame private: warp 0.4 (`warp::ws::Message`) and salvo 1
//! (`salvo::websocket::Message`). Both build a Close with `close_with(code, reason)` and
//! read a received one with `close_frame() -> Option<(u16, &str)>`, which converts
//! through `TryFrom<(u16, &str)> for CloseFrame`.

/// `From<CloseFrame>` and `From<ClosePayload>` for such a message type.
macro_rules! close_with_conversions {
    ($message:ty, $feature:literal) => {
        /// A frame to send, as the Close message: `socket.send(frame.into())`.
        #[cfg_attr(docsrs, doc(cfg(feature = $feature)))]
        impl From<$crate::CloseFrame<'_>> for $message {
            fn from(frame: $crate::CloseFrame<'_>) -> Self {
                let reason: ::alloc::string::String = frame.reason().into();
                Self::close_with(frame.code().get(), reason)
            }
        }

        /// An owned frame to send (a close decided in another task), as the Close
        /// message; the empty payload is a Close without a status code.
        #[cfg_attr(docsrs, doc(cfg(feature = $feature)))]
        impl From<$crate::ClosePayload> for $message {
            fn from(payload: $crate::ClosePayload) -> Self {
                payload.frame().map_or_else(Self::close, Self::from)
            }
        }
    };
}

#[cfg(feature = "warp-0-4")]
close_with_conversions!(::warp::ws::Message, "warp-0-4");
#[cfg(feature = "salvo-1")]
close_with_conversions!(::salvo_extra::websocket::Message, "salvo-1");
