//! How generated code tests whether a code belongs to a set (the sendable codes, the
//! codes a browser may send): the shape is chosen per registry, from the set itself.

/// The maximal runs `start..=end` of `codes`, which must come in ascending order (a code
/// that is not above the previous one starts a new run).
///
/// ```
/// use close_reasons_registry::membership::runs;
///
/// assert_eq!(runs([1000, 3000, 3001, 3002, 4999]), [(1000, 1000), (3000, 3002), (4999, 4999)]);
/// ```
pub fn runs(codes: impl IntoIterator<Item = u16>) -> Vec<(u16, u16)> {
    let mut runs: Vec<(u16, u16)> = Vec::new();
    for code in codes {
        match runs.last_mut() {
            Some((_, end)) if end.checked_add(1) == Some(code) => *end = code,
            _ => runs.push((code, code)),
        }
    }
    runs
}

/// Bits in a [`MembershipTest::Window`]: 64 words of 64 bits, 512 bytes.
pub const WINDOW_BITS: u32 = 4096;

/// The shape of a generated membership test.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum MembershipTest {
    /// One unsigned range comparison per maximal run `start..=end`, ORed together. Best
    /// for one or two runs: two instructions each, no memory access.
    Runs(Vec<(u16, u16)>),
    /// A bitmap of the 4,096 codes from `start`: bit `code - start` of the table says
    /// whether `code` is in the set. Generated code clamps the offset to the last bit,
    /// which is always clear, so a code outside the window needs no second test. Used
    /// when there are three runs or more and they all fit in the window with room for
    /// that last, clear bit: one load and a bit test, whatever the number of runs.
    Window {
        /// The first code of the window: the smallest code of the set.
        start: u16,
        /// Bit `offset % 64` of word `offset / 64` is set when `start + offset` is in
        /// the set.
        words: Box<[u64; 64]>,
    },
}

impl MembershipTest {
    /// The fastest shape for the set given as runs `start..=end`, as
    /// [`Model::sendable_runs`](crate::Model::sendable_runs) gives them (maximal,
    /// ascending). Runs in another order give the same set; a run whose end is below its
    /// start is empty.
    #[must_use]
    pub fn for_runs(runs: &[(u16, u16)]) -> MembershipTest {
        let mut runs: Vec<(u16, u16)> = runs
            .iter()
            .copied()
            .filter(|&(start, end)| start <= end)
            .collect();
        runs.sort_unstable();
        let (Some(start), Some(end)) = (
            runs.iter().map(|&(start, _)| start).min(),
            runs.iter().map(|&(_, end)| end).max(),
        ) else {
            return MembershipTest::Runs(Vec::new());
        };
        let fits_with_clear_last_bit = u32::from(end - start) < WINDOW_BITS - 1;
        if runs.len() <= 2 || !fits_with_clear_last_bit {
            return MembershipTest::Runs(runs);
        }
        let mut words = Box::new([0u64; 64]);
        for &(run_start, run_end) in &runs {
            for code in run_start..=run_end {
                let offset = usize::from(code - start);
                words[offset / 64] |= 1 << (offset % 64);
            }
        }
        MembershipTest::Window { start, words }
    }

    /// Whether `code` is in the set, computed exactly as the generated code does.
    #[must_use]
    pub fn contains(&self, code: u16) -> bool {
        match self {
            MembershipTest::Runs(runs) => runs
                .iter()
                .any(|&(start, end)| code.wrapping_sub(start) <= end - start),
            MembershipTest::Window { start, words } => {
                let offset = u32::from(code)
                    .wrapping_sub(u32::from(*start))
                    .min(WINDOW_BITS - 1);
                words[(offset / 64) as usize] >> (offset % 64) & 1 == 1
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Rules, check};

    fn in_runs(runs: &[(u16, u16)], code: u16) -> bool {
        runs.iter()
            .any(|&(start, end)| (start..=end).contains(&code))
    }

    fn assert_exact(runs: &[(u16, u16)]) -> MembershipTest {
        let test = MembershipTest::for_runs(runs);
        for code in 0..=u16::MAX {
            assert_eq!(
                test.contains(code),
                in_runs(runs, code),
                "{code} in {runs:?}"
            );
        }
        test
    }

    #[test]
    fn the_core_registry_gets_a_window_that_agrees_on_every_code() {
        let source = include_str!("../../core/close-reasons.toml");
        let model = check(source, Rules::Standard).unwrap();
        let test = assert_exact(&model.sendable_runs());
        assert!(
            matches!(test, MembershipTest::Window { start: 1000, .. }),
            "{test:?}"
        );
        assert_exact(&model.browser_sendable_runs());
    }

    #[test]
    fn few_runs_stay_range_tests() {
        assert_eq!(assert_exact(&[]), MembershipTest::Runs(Vec::new()));
        let one = [(4000, 4999)];
        assert_eq!(assert_exact(&one), MembershipTest::Runs(one.to_vec()));
        let two = [(1000, 1000), (3000, 4999)];
        assert_eq!(assert_exact(&two), MembershipTest::Runs(two.to_vec()));
    }

    #[test]
    fn the_window_needs_its_last_bit_clear() {
        // 4,095 codes from the first to the last: the clamp bit is outside the set.
        let fits = [(1, 1), (3, 3), (4095, 4095)];
        assert!(matches!(
            assert_exact(&fits),
            MembershipTest::Window { start: 1, .. }
        ));
        // One more and the last bit of the window would be a member.
        let too_wide = [(1, 1), (3, 3), (4096, 4096)];
        assert!(matches!(assert_exact(&too_wide), MembershipTest::Runs(_)));
        // A window at the top of the code space, where offsets from below wrap.
        let top = [(61500, 61500), (61502, 61502), (65535, 65535)];
        assert!(matches!(
            assert_exact(&top),
            MembershipTest::Window { start: 61500, .. }
        ));
        assert_exact(&[(1, 1), (100, 200), (65535, 65535)]);
        // Out of order, or with an empty run: the same set, no panic.
        let shuffled =
            MembershipTest::for_runs(&[(3000, 4999), (1000, 1003), (9, 2), (1007, 1014)]);
        let sorted = MembershipTest::for_runs(&[(1000, 1003), (1007, 1014), (3000, 4999)]);
        assert_eq!(shuffled, sorted);
    }
}
