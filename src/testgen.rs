//! Test support: a small deterministic generator of phrases from pieces, so the hand-written
//! scanners can be checked against the expressions they replaced on thousands of cases, and
//! a failing case replays.

/// xorshift64: small, deterministic, good enough to vary test phrases.
pub struct Gen(pub u64);

impl Gen {
    pub fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n.max(1) as u64) as usize
    }

    pub fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }

    /// One to `max` pieces joined by gaps.
    pub fn phrase(&mut self, pieces: &[&str], gaps: &[&str], max: usize) -> String {
        let mut s = String::new();
        for i in 0..1 + self.below(max) {
            if i > 0 {
                s.push_str(self.pick(gaps));
            }
            s.push_str(self.pick(pieces));
        }
        s
    }
}

/// Checks `ours` against `oracle` on `cases` phrases; returns how many phrases the oracle
/// gave something other than `T::default()` for, so a test can insist the cases bite.
pub fn agree<T: PartialEq + std::fmt::Debug + Default>(
    seed: u64,
    cases: usize,
    (pieces, gaps, max): (&[&str], &[&str], usize),
    oracle: impl Fn(&str) -> T,
    ours: impl Fn(&str) -> T,
) -> usize {
    let mut g = Gen(seed);
    let mut bit = 0;
    for case in 0..cases {
        let s = g.phrase(pieces, gaps, max);
        let want = oracle(&s);
        assert_eq!(ours(&s), want, "case {case}: {s:?}");
        bit += usize::from(want != T::default());
    }
    bit
}
