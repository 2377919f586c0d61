// `close_frame!` checks the reason's length when the program is compiled.
use close_reasons::{close_frame, CloseFrame, CloseReason};

const LONG: CloseFrame<'static> = close_frame!(
    CloseReason::Normal,
    "a reason that goes on and on and on and on and on and on and on and on and on and on and on and on and on and on and on, too long"
);

fn main() {
    let _ = LONG;
}
