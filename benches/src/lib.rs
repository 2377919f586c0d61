//! Inputs and hand-written baselines for the benchmarks in `benches/codes.rs`.
//!
//! The baselines are the practical limit for each operation: what a crate that knew
//! nothing but the answer table would write. Their tests check that they give the same
//! answers as close-reasons, so that the comparison is between equal work.

use std::fmt;

/// The realistic mix of received codes: mostly normal closes, some local reports,
/// some application codes.
pub const REALISTIC_MIX: [u16; 10] = [1000, 1001, 1005, 1006, 1011, 1008, 4000, 4001, 3000, 1002];

/// Codes per stream; every benchmark iteration walks one whole stream. A million:
/// far more than a branch predictor can learn, so a branchy check pays for its
/// mispredictions as it would on live traffic (with a few thousand codes repeated,
/// modern predictors memorise the sequence and hide them).
pub const STREAM_LEN: usize = 1 << 20;

/// A fixed-seed generator (xorshift), so every run measures the same streams.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// Uniformly random `u16` values.
#[must_use]
pub fn uniform_stream() -> Vec<u16> {
    let mut random = XorShift(0x9E37_79B9_7F4A_7C15);
    (0..STREAM_LEN)
        .map(|_| (random.next() >> 48) as u16)
        .collect()
}

/// The realistic mix, in a random order (so branch predictors cannot learn a cycle).
#[must_use]
pub fn realistic_stream() -> Vec<u16> {
    let mut random = XorShift(0x2545_F491_4F6C_DD1D);
    (0..STREAM_LEN)
        .map(|_| REALISTIC_MIX[(random.next() % REALISTIC_MIX.len() as u64) as usize])
        .collect()
}

/// Close payloads as received: valid ones with reasons of several lengths, and a few
/// broken ones (bad code, one byte, bad UTF-8).
#[must_use]
pub fn payload_stream() -> Vec<Vec<u8>> {
    let reasons: [&[u8]; 6] = [
        b"",
        b"bye",
        b"going away",
        b"server restarting for maintenance",
        "déconnecté par le modérateur".as_bytes(),
        &[b'x'; 100],
    ];
    let mut random = XorShift(0xD1B5_4A32_D192_ED03);
    (0..1 << 16)
        .map(|_| {
            let code = REALISTIC_MIX[(random.next() % REALISTIC_MIX.len() as u64) as usize];
            let reason = reasons[(random.next() % reasons.len() as u64) as usize];
            let mut payload = code.to_be_bytes().to_vec();
            payload.extend_from_slice(reason);
            match random.next() % 20 {
                0 => payload.truncate(1),
                1 => payload.push(0xFF),
                _ => {}
            }
            payload
        })
        .collect()
}

/// One bit per code: the limit for a membership test.
pub struct Bitmap([u64; 1024]);

impl Bitmap {
    /// The bitmap of the codes close-reasons accepts on the wire.
    #[must_use]
    pub fn of_sendable_codes() -> Bitmap {
        let mut bits = [0u64; 1024];
        for code in 1..=u16::MAX {
            if close_reasons::CloseCode::new(code)
                .is_some_and(close_reasons::CloseCode::is_sendable)
            {
                bits[usize::from(code >> 6)] |= 1 << (code & 63);
            }
        }
        Bitmap(bits)
    }

    /// Whether `code` is in the set.
    #[inline]
    #[must_use]
    pub fn contains(&self, code: u16) -> bool {
        self.0[usize::from(code >> 6)] >> (code & 63) & 1 == 1
    }
}

/// One byte per code: the index of its reason plus one, or 0. The limit for a lookup.
pub struct ReasonTable(Box<[u8; 65536]>);

impl ReasonTable {
    /// The table of the reasons close-reasons names.
    #[must_use]
    pub fn new() -> ReasonTable {
        let mut table = Box::new([0u8; 65536]);
        for (index, reason) in close_reasons::CloseReason::ALL.iter().enumerate() {
            table[usize::from(*reason as u16)] = (index + 1) as u8;
        }
        ReasonTable(table)
    }

    /// The reason of `code`, as in `CloseReason::ALL`.
    #[inline]
    #[must_use]
    pub fn get(&self, code: u16) -> Option<close_reasons::CloseReason> {
        let index = self.0[usize::from(code)];
        index
            .checked_sub(1)
            .map(|index| close_reasons::CloseReason::ALL[usize::from(index)])
    }
}

impl Default for ReasonTable {
    fn default() -> Self {
        ReasonTable::new()
    }
}

/// The minimal payload parser: the same rules as `CloseFrame::parse`, checked against
/// a bitmap, with no error detail.
#[inline]
#[must_use]
pub fn minimal_parse<'a>(sendable: &Bitmap, payload: &'a [u8]) -> Option<(u16, &'a str)> {
    match payload {
        [high, low, reason @ ..] if payload.len() <= 125 => {
            let code = u16::from_be_bytes([*high, *low]);
            if !sendable.contains(code) {
                return None;
            }
            std::str::from_utf8(reason)
                .ok()
                .map(|reason| (code, reason))
        }
        _ => None,
    }
}

/// A `fmt::Write` into a fixed buffer on the stack.
pub struct StackBuffer {
    bytes: [u8; 64],
    len: usize,
}

impl StackBuffer {
    /// An empty buffer.
    #[must_use]
    pub const fn new() -> StackBuffer {
        StackBuffer {
            bytes: [0; 64],
            len: 0,
        }
    }

    /// Empties the buffer.
    pub fn clear(&mut self) {
        self.len = 0;
    }

    /// What was written.
    #[must_use]
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.bytes[..self.len]).unwrap_or_default()
    }
}

impl Default for StackBuffer {
    fn default() -> Self {
        StackBuffer::new()
    }
}

impl fmt::Write for StackBuffer {
    fn write_str(&mut self, text: &str) -> fmt::Result {
        let end = self.len + text.len();
        let target = self.bytes.get_mut(self.len..end).ok_or(fmt::Error)?;
        target.copy_from_slice(text.as_bytes());
        self.len = end;
        Ok(())
    }
}

/// The limit for Display: the same text as `CloseCode`'s (`1001 Going Away`,
/// `4001 (Private Use)`, `5000`), copied without the formatting machinery.
pub fn minimal_display(buffer: &mut StackBuffer, code: u16) {
    let mut digits = [0u8; 5];
    let mut start = digits.len();
    let mut rest = code;
    loop {
        start -= 1;
        digits[start] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    let (open, title, close): (&[u8], &str, &[u8]) =
        match close_reasons::CloseReason::try_from(code).ok() {
            Some(reason) => (b" ", reason.title(), b""),
            None => match close_reasons::CloseRange::of(code) {
                Some(range) => (b" (", range.title(), b")"),
                None => (b"", "", b""),
            },
        };
    for part in [&digits[start..], open, title.as_bytes(), close] {
        let end = buffer.len + part.len();
        if let Some(target) = buffer.bytes.get_mut(buffer.len..end) {
            target.copy_from_slice(part);
            buffer.len = end;
        }
    }
}

/// The sizes of the generated application registries of the scale benchmark.
pub const SCALE_SIZES: [usize; 3] = [10, 100, 1000];

/// An application registry of `len` private-use codes from 4000, each with every
/// required field: what `benches/registries/codes-<len>.toml` holds.
#[must_use]
pub fn application_registry(len: usize) -> String {
    let mut text = format!(
        "#:schema ../../core/close-reasons.schema.json\n\
         # {len} generated private-use codes for the scale benchmark.\n\
         # Written by `application_registry` in benches/src/lib.rs; refresh with\n\
         # `UPDATE_SNAPSHOTS=yes cargo test -p close-reasons-benches`.\n"
    );
    for index in 0..len {
        let value = 4000 + index;
        text += &format!(
            "\n[[reason]]\nname = \"code_{value}\"\nvalue = {value}\ntitle = \"Code {value}\"\n\
             sendable = true\ndoc = \"Generated application code {value}.\"\n\
             reference = \"benches/src/lib.rs\"\n"
        );
    }
    text
}

/// Codes drawn at random from `4000..4000 + 2 * len`: half named by the registry of
/// `len` codes, half not, in an order a branch predictor cannot learn.
#[must_use]
pub fn scale_stream(len: usize) -> Vec<u16> {
    let mut random = XorShift(0x6A09_E667_F3BC_C909);
    (0..STREAM_LEN)
        .map(|_| 4000 + (random.next() % (2 * len as u64)) as u16)
        .collect()
}

/// Enums generated from `benches/registries/codes-<len>.toml`.
pub mod scale {
    /// 10 generated codes.
    #[close_reasons::registry("registries/codes-10.toml")]
    pub enum Codes10 {}

    /// 100 generated codes.
    #[close_reasons::registry("registries/codes-100.toml")]
    pub enum Codes100 {}

    /// 1,000 generated codes.
    #[close_reasons::registry("registries/codes-1000.toml")]
    pub enum Codes1000 {}
}

#[cfg(test)]
mod tests {
    use std::fmt::Write as _;

    use close_reasons::{CloseCode, CloseFrame, CloseReason};

    use super::*;

    #[test]
    fn baselines_give_the_same_answers_as_close_reasons() {
        let bitmap = Bitmap::of_sendable_codes();
        let table = ReasonTable::new();
        for code in 0..=u16::MAX {
            let ours = CloseCode::new(code);
            assert_eq!(
                bitmap.contains(code),
                ours.is_some_and(CloseCode::is_sendable)
            );
            assert_eq!(table.get(code), CloseReason::try_from(code).ok());
        }
        for payload in payload_stream() {
            let ours = CloseFrame::parse(&payload)
                .ok()
                .flatten()
                .map(|frame| (frame.code().get(), frame.reason()));
            assert_eq!(minimal_parse(&bitmap, &payload), ours);
        }
    }

    #[test]
    fn minimal_display_writes_the_same_text_for_every_code() {
        let mut ours = StackBuffer::new();
        let mut minimal = StackBuffer::new();
        for code in (1..=u16::MAX).filter_map(CloseCode::new) {
            ours.clear();
            minimal.clear();
            write!(ours, "{code}").unwrap();
            minimal_display(&mut minimal, code.get());
            assert_eq!(ours.as_str(), minimal.as_str());
        }
    }

    #[test]
    fn scale_registries_are_fresh_and_generate_every_code() {
        for len in SCALE_SIZES {
            let path = format!("{}/registries/codes-{len}.toml", env!("CARGO_MANIFEST_DIR"));
            let expected = application_registry(len);
            if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
                std::fs::write(&path, &expected).unwrap();
            }
            let committed = std::fs::read_to_string(&path).unwrap_or_default();
            assert!(
                committed == expected,
                "{path} is stale: run `UPDATE_SNAPSHOTS=yes cargo test -p close-reasons-benches`"
            );
        }
        assert_eq!(scale::Codes10::ALL.len(), 10);
        assert_eq!(scale::Codes100::ALL.len(), 100);
        assert_eq!(scale::Codes1000::ALL.len(), 1000);
        for code in 0..=u16::MAX {
            let named = |len: u16| (4000..4000 + len).contains(&code);
            assert_eq!(scale::Codes10::try_from(code).is_ok(), named(10), "{code}");
            assert_eq!(
                scale::Codes100::try_from(code).is_ok(),
                named(100),
                "{code}"
            );
            assert_eq!(
                scale::Codes1000::try_from(code).is_ok(),
                named(1000),
                "{code}"
            );
        }
        let stream = scale_stream(100);
        let named = stream.iter().filter(|&&code| code < 4100).count();
        assert!((0.45..0.55).contains(&(named as f64 / stream.len() as f64)));
    }

    #[test]
    fn streams_are_what_they_claim() {
        assert_eq!(uniform_stream().len(), STREAM_LEN);
        assert!(
            realistic_stream()
                .iter()
                .all(|code| REALISTIC_MIX.contains(code))
        );
        let distinct: std::collections::HashSet<u16> = uniform_stream().into_iter().collect();
        assert!(
            distinct.len() > 60_000,
            "the uniform stream covers nearly every code"
        );
    }
}
