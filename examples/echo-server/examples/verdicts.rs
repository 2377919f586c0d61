//! Prints close-reasons' verdict on received Close payloads, one line per payload, for
//! comparison with an independent implementation (`scripts/conformance.sh` runs it
//! beside python-websockets): every code with an empty reason, every code with a reason
//! that is not UTF-8, then a sample of codes with other such reasons.
//!
//! A line is `<code> <reason bytes in hex> ok <code>` for a valid frame, or
//! `<code> <hex> fail <answer>` for one that must fail the connection.

use close_reasons::CloseFrame;

fn main() {
    let bad_reasons: [&[u8]; 3] = [b"\xff", b"caf\xc3", b"\xed\xa0\x80"];
    let mut out = String::new();
    for number in 0..=u16::MAX {
        out += &verdict(number, b"");
        out += &verdict(number, b"ok\xff");
    }
    for number in [1000, 1001, 1006, 1014, 3000, 4999, 5000] {
        for reason in bad_reasons {
            out += &verdict(number, reason);
        }
    }
    print!("{out}");
}

fn verdict(number: u16, reason: &[u8]) -> String {
    let mut payload = number.to_be_bytes().to_vec();
    payload.extend_from_slice(reason);
    let hex: String = reason.iter().map(|byte| format!("{byte:02x}")).collect();
    let hex = if hex.is_empty() { "-".to_owned() } else { hex };
    match CloseFrame::parse(&payload) {
        Ok(Some(frame)) => format!("{number} {hex} ok {}\n", frame.code().get()),
        Ok(None) => format!("{number} {hex} empty\n"),
        Err(error) => format!("{number} {hex} fail {}\n", error.answer().get()),
    }
}
