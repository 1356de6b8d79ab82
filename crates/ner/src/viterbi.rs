//! Best label sequence under BILOU's transition rules (see `bilou.rs`):
//! per-token label scores plus a score for each label following each
//! label, maximised over the whole sentence (Viterbi). A name is then
//! always whole: it cannot run on because a greedy decoder opened it, nor
//! break where one word scored low.

use std::ops::Add;

use crate::bilou::{allowed, NUM_LABELS, OUTSIDE};

/// Score types the decoder works in: integers at tagging, floats in
/// training.
pub(crate) trait Score: Copy + PartialOrd + Add<Output = Self> {
    /// Below any reachable score: marks forbidden transitions.
    const FORBIDDEN: Self;
}

impl Score for i64 {
    const FORBIDDEN: i64 = i64::MIN / 4;
}

impl Score for f32 {
    const FORBIDDEN: f32 = -1.0e30;
}

/// [`allowed`] as a table.
const ALLOWED: [[bool; NUM_LABELS]; NUM_LABELS] = {
    let mut t = [[false; NUM_LABELS]; NUM_LABELS];
    let mut p = 0;
    while p < NUM_LABELS {
        let mut l = 0;
        while l < NUM_LABELS {
            t[p][l] = allowed(p as u8, l as u8);
            l += 1;
        }
        p += 1;
    }
    t
};

/// Labels that may follow O (and so a name's end): O, B and U of each
/// type, ascending. Every one of them may follow every label of
/// [`CLOSED`], and only those.
const OPENING: [usize; 9] = nine(ALLOWED[OUTSIDE as usize]);

/// Labels O may follow, after which a name may start: O, L and U of each
/// type, ascending.
const CLOSED: [usize; 9] = nine({
    let mut mask = [false; NUM_LABELS];
    let mut p = 0;
    while p < NUM_LABELS {
        mask[p] = ALLOWED[p][OUTSIDE as usize];
        p += 1;
    }
    mask
});

/// The (nine) labels set in `mask`, ascending.
const fn nine(mask: [bool; NUM_LABELS]) -> [usize; 9] {
    let mut out = [0; 9];
    let (mut l, mut n) = (0, 0);
    while l < NUM_LABELS {
        if mask[l] && n < 9 {
            out[n] = l;
            n += 1;
        }
        l += 1;
    }
    out
}

/// The allowed sequence with the highest sum of `emissions[i][label]` and
/// `transitions[previous][label]`; a sentence starts and ends outside any
/// name. Ties go to the lower label.
///
/// Each step visits only the labels a label may follow: O, B and U follow
/// O, L or U ([`CLOSED`], 9 × 9 pairs), I and L of a type follow B or I of
/// that type (2 each): 97 pairs of the 289. The best sequence through a
/// forbidden pair never wins while an allowed one exists, and one always
/// does (all O), so this is the full maximisation (a test compares them).
pub(crate) fn viterbi<S: Score>(
    emissions: &[[S; NUM_LABELS]],
    transitions: &[[S; NUM_LABELS]; NUM_LABELS],
) -> Vec<u8> {
    let n = emissions.len();
    let Some(first) = emissions.first() else {
        return Vec::new();
    };
    // Transitions from CLOSED labels into OPENING ones, gathered once.
    let mut into_opening = [[S::FORBIDDEN; 9]; 9];
    for (row, &l) in into_opening.iter_mut().zip(&OPENING) {
        for (t, &p) in row.iter_mut().zip(&CLOSED) {
            *t = transitions[p][l];
        }
    }
    // Labels a sentence cannot open (I, L) start out forbidden.
    let opening = ALLOWED[OUTSIDE as usize];
    // best[l]: the best score of a sequence ending in l; back[i][l] its
    // previous label.
    let mut best = [S::FORBIDDEN; NUM_LABELS];
    for (l, slot) in best.iter_mut().enumerate() {
        if opening[l] {
            *slot = first[l];
        }
    }
    let mut back: Vec<[u8; NUM_LABELS]> = Vec::with_capacity(n);
    back.push([0; NUM_LABELS]);
    for e in emissions.iter().skip(1) {
        let mut next = [S::FORBIDDEN; NUM_LABELS];
        let mut from = [0u8; NUM_LABELS];
        let closed = CLOSED.map(|p| best[p]);
        for (&l, t) in OPENING.iter().zip(&into_opening) {
            let (mut top, mut arg) = (closed[0] + t[0], CLOSED[0]);
            for j in 1..9 {
                let s = closed[j] + t[j];
                if s > top {
                    top = s;
                    arg = CLOSED[j];
                }
            }
            next[l] = top + e[l];
            from[l] = arg as u8;
        }
        // I and L of each type follow its B (lower, wins ties) or its I.
        for kind in 0..(NUM_LABELS - 1) / 4 {
            let (b, i) = (1 + 4 * kind, 2 + 4 * kind);
            for l in [i, i + 1] {
                let (via_b, via_i) = (best[b] + transitions[b][l], best[i] + transitions[i][l]);
                let (top, arg) = if via_i > via_b {
                    (via_i, i)
                } else {
                    (via_b, b)
                };
                next[l] = top + e[l];
                from[l] = arg as u8;
            }
        }
        best = next;
        back.push(from);
    }
    // The last label must close any name.
    let mut last = OUTSIDE;
    let mut top = best[OUTSIDE as usize];
    for (l, s) in best.iter().enumerate().skip(1) {
        if ALLOWED[l][OUTSIDE as usize] && *s > top {
            top = *s;
            last = l as u8;
        }
    }
    let mut out = vec![OUTSIDE; n];
    let mut label = last;
    for i in (0..n).rev() {
        out[i] = label;
        label = back[i][label as usize];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bilou::{join, name, Part};

    /// The full maximisation over every pair, forbidden ones scored
    /// FORBIDDEN: what the decoder computed before it skipped them.
    fn viterbi_all_pairs(
        emissions: &[[i64; NUM_LABELS]],
        transitions: &[[i64; NUM_LABELS]; NUM_LABELS],
    ) -> Vec<u8> {
        let mut trans = *transitions;
        for (p, row) in trans.iter_mut().enumerate() {
            for (l, t) in row.iter_mut().enumerate() {
                if !ALLOWED[p][l] {
                    *t = i64::FORBIDDEN;
                }
            }
        }
        let opening = ALLOWED[OUTSIDE as usize];
        let mut best = [i64::FORBIDDEN; NUM_LABELS];
        for l in 0..NUM_LABELS {
            if opening[l] {
                best[l] = emissions[0][l];
            }
        }
        let mut back = vec![[0u8; NUM_LABELS]];
        for e in &emissions[1..] {
            let mut next = [i64::FORBIDDEN; NUM_LABELS];
            let mut from = [0u8; NUM_LABELS];
            for l in 0..NUM_LABELS {
                let (mut top, mut arg) = (best[0] + trans[0][l], 0u8);
                for p in 1..NUM_LABELS {
                    if best[p] + trans[p][l] > top {
                        top = best[p] + trans[p][l];
                        arg = p as u8;
                    }
                }
                next[l] = top + e[l];
                from[l] = arg;
            }
            best = next;
            back.push(from);
        }
        let mut last = OUTSIDE;
        for l in 1..NUM_LABELS {
            if ALLOWED[l][OUTSIDE as usize] && best[l] > best[last as usize] {
                last = l as u8;
            }
        }
        let mut out = vec![OUTSIDE; emissions.len()];
        for i in (0..emissions.len()).rev() {
            out[i] = last;
            last = back[i][last as usize];
        }
        out
    }

    /// Same labels as the full maximisation on random scores, ties
    /// included (scores drawn from a few values).
    #[test]
    fn equals_the_full_maximisation() {
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = |range: i64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % range as u64) as i64 - range / 2
        };
        for round in 0..2000 {
            let range = if round % 2 == 0 { 7 } else { 2001 };
            let n = 1 + (round % 9);
            let emissions: Vec<[i64; NUM_LABELS]> = (0..n)
                .map(|_| std::array::from_fn(|_| next(range)))
                .collect();
            let transitions: [[i64; NUM_LABELS]; NUM_LABELS] =
                std::array::from_fn(|_| std::array::from_fn(|_| next(range)));
            assert_eq!(
                viterbi(&emissions, &transitions),
                viterbi_all_pairs(&emissions, &transitions),
                "round {round}"
            );
        }
    }

    /// The label sets the decoder relies on are BILOU's.
    #[test]
    fn opening_labels_follow_exactly_the_closed_ones() {
        for l in 0..NUM_LABELS {
            let preds: Vec<usize> = (0..NUM_LABELS)
                .filter(|&p| allowed(p as u8, l as u8))
                .collect();
            if OPENING.contains(&l) {
                assert_eq!(preds, CLOSED, "{}", name(l as u8));
            } else {
                let b = 1 + 4 * ((l - 1) / 4);
                assert_eq!(preds, [b, b + 1], "{}", name(l as u8));
            }
        }
    }

    #[test]
    fn keeps_names_whole() {
        // Greedy would take B-ORG, then O (the best single label) and break
        // the name; the best allowed sequence closes it instead.
        let mut e = [[0i64; NUM_LABELS]; 3];
        e[0][join(Part::Begin, 1) as usize] = 5;
        e[1][OUTSIDE as usize] = 3;
        e[1][join(Part::Last, 1) as usize] = 2;
        e[2][OUTSIDE as usize] = 1;
        let t = [[0i64; NUM_LABELS]; NUM_LABELS];
        let got: Vec<String> = viterbi(&e, &t).iter().map(|l| name(*l)).collect();
        assert_eq!(got, ["B-ORG", "L-ORG", "O"]);
    }
}
