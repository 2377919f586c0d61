//! Any byte string is a Close payload that parses or is rejected, never a panic; what
//! parses is rebuilt byte for byte.
#![no_main]

use close_reasons::{CloseFrame, MAX_PAYLOAD_LEN};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|payload: &[u8]| {
    match CloseFrame::parse(payload) {
        Ok(None) => assert!(payload.is_empty()),
        Ok(Some(frame)) => {
            assert!(payload.len() <= MAX_PAYLOAD_LEN);
            assert!(frame.code().is_sendable());
            assert_eq!(frame.to_payload().as_ref(), payload);
        }
        Err(error) => assert!(matches!(error.answer().get(), 1002 | 1007)),
    }
});
