//! Conversions to and from the close reason of soketto 0.8
//! (`soketto::connection::CloseReason`, what jsonrpsee, libp2p and smoldot read).

use alloc::borrow::ToOwned as _;

use soketto::connection::CloseReason;

use crate::{CloseFrame, ClosePayload, ParseFrameError};

/// soketto's close reason with the frame's code and reason; an empty reason becomes
/// `descr: None`. soketto's `Sender` sends a Close with 1000 only; another code goes
/// out as a frame written with `soketto::base::Codec` (see the crate docs).
impl From<CloseFrame<'_>> for CloseReason {
    fn from(frame: CloseFrame<'_>) -> CloseReason {
        let reason = frame.reason();
        CloseReason {
            code: frame.code().get(),
            descr: (!reason.is_empty()).then(|| reason.to_owned()),
        }
    }
}

/// An owned frame as soketto's close reason; `None` for the empty payload (a Close
/// without a status code).
impl From<ClosePayload> for Option<CloseReason> {
    fn from(payload: ClosePayload) -> Option<CloseReason> {
        payload.frame().map(CloseReason::from)
    }
}

/// Checks a close reason soketto received by the rules of [`CloseFrame::parse`]; no
/// `descr` reads as an empty reason. soketto lets 1015 through (which may not be sent):
/// it is an error here, whose `answer()` is 1002. By then soketto has already echoed
/// the code to the peer and closed its side (see the crate docs).
impl<'a> TryFrom<&'a CloseReason> for CloseFrame<'a> {
    type Error = ParseFrameError;

    fn try_from(reason: &'a CloseReason) -> Result<CloseFrame<'a>, ParseFrameError> {
        let text = reason.descr.as_deref().unwrap_or_default();
        CloseFrame::from_received(reason.code, text)
    }
}
