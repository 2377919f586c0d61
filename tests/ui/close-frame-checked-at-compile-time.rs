// `close_frame!` builds a frame in a constant: a code that may not be sent fails the build
// with the rule it breaks.
use close_reasons::{close_frame, CloseFrame, CloseReason};

const DROPPED: CloseFrame<'static> = close_frame!(CloseReason::Abruptly, "");

fn main() {
    let _ = DROPPED;
}
