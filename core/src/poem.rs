//! Conversions to and from the close code and close message of poem 3
//! (`poem::web::websocket`).

use alloc::borrow::ToOwned as _;
use alloc::string::String;

use poem::web::websocket::{CloseCode as PoemCode, Message};

use crate::{CloseCode, CloseFrame, InvalidCloseCode, ParseFrameError};

/// Keeps the number, as poem's named variant whenever poem has one: 1000 becomes
/// `Normal`, never `Reserved(1000)` (which poem does not consider equal to `Normal`).
/// Codes poem has no variant for (1014, 1015, 3000–4999, …) become `Reserved`.
impl From<CloseCode> for PoemCode {
    #[inline]
    fn from(code: CloseCode) -> PoemCode {
        PoemCode::from(code.get())
    }
}

/// Keeps the number, as `TryFrom<u16>` does: fails only for `Reserved(0)`, which is no
/// close code. `Reserved(1000)` and `Normal` both become [`CloseCode::NORMAL`].
impl TryFrom<PoemCode> for CloseCode {
    type Error = InvalidCloseCode;

    #[inline]
    fn try_from(code: PoemCode) -> Result<CloseCode, InvalidCloseCode> {
        CloseCode::try_from(u16::from(code))
    }
}

/// poem's close frame, a code and a reason: `Message::Close(Some(frame.into()))`.
impl From<CloseFrame<'_>> for (PoemCode, String) {
    fn from(frame: CloseFrame<'_>) -> (PoemCode, String) {
        (frame.code().into(), frame.reason().to_owned())
    }
}

close_message_conversions!(Message, (PoemCode, String), "poem-3");

/// Checks a close frame poem received (what `Message::Close(Some(..))` holds) by the
/// rules of [`CloseFrame::parse`]. poem's tungstenite 0.27 has already replaced a code
/// it does not allow (1014 too) with its own 1002 (see the crate docs: what each stack
/// does before close-reasons sees a frame).
impl<'a> TryFrom<&'a (PoemCode, String)> for CloseFrame<'a> {
    type Error = ParseFrameError;

    fn try_from(frame: &'a (PoemCode, String)) -> Result<CloseFrame<'a>, ParseFrameError> {
        CloseFrame::from_received(u16::from(frame.0), &frame.1)
    }
}
