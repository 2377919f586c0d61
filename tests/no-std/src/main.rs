//! Proof that close-reasons needs neither `std` nor an allocator: this binary parses a
//! Close payload, checks its code and formats it with `Display` into a fixed buffer, and
//! links without `std` (only `core`, and the C library for the process entry point).
//! Exit status 0 when every result is the expected one.
//!
//! Built by `.ci/run`:
//! `cargo build -p close-reasons-no-std-check --profile no-std`.

#![no_std]
#![no_main]
// The entry point must keep its C name, which takes `#[unsafe(no_mangle)]`.
#![allow(unsafe_code)]

use core::fmt::Write;

use close_reasons::{CloseCode, CloseFrame};

/// Text written into a fixed buffer; fails when it would overflow.
struct FixedBuffer {
    bytes: [u8; 64],
    len: usize,
}

impl Write for FixedBuffer {
    fn write_str(&mut self, text: &str) -> core::fmt::Result {
        let end = self.len + text.len();
        let target = self.bytes.get_mut(self.len..end).ok_or(core::fmt::Error)?;
        target.copy_from_slice(text.as_bytes());
        self.len = end;
        Ok(())
    }
}

fn formats_as(code: CloseCode, expected: &str) -> bool {
    let mut buffer = FixedBuffer {
        bytes: [0; 64],
        len: 0,
    };
    write!(buffer, "{code:>20}").is_ok()
        && buffer.bytes.get(..buffer.len) == Some(expected.as_bytes())
}

fn checks() -> bool {
    let received = CloseFrame::parse(b"\x03\xf5overloaded");
    let Ok(Some(frame)) = received else {
        return false;
    };
    let local_only = CloseFrame::parse(b"\x03\xee");
    frame.code() == CloseCode::TRY_AGAIN_LATER
        && frame.reason() == "overloaded"
        && frame.code().is_sendable()
        && local_only.is_err_and(|error| error.answer() == CloseCode::PROTOCOL_ERROR)
        && formats_as(frame.code(), "1013 Try Again Later")
        && CloseCode::new(4001).is_some_and(|code| formats_as(code, "  4001 (Private Use)"))
}

/// The process entry point, called by the C runtime.
#[unsafe(no_mangle)]
pub extern "C" fn main(_argc: i32, _argv: *const *const u8) -> i32 {
    if checks() { 0 } else { 1 }
}

#[panic_handler]
fn panic(_: &core::panic::PanicInfo<'_>) -> ! {
    loop {}
}

// The C library provides the start-up code that calls `main`; nothing else is used.
#[link(name = "c")]
unsafe extern "C" {}
