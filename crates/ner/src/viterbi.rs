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

/// Most labels one label may follow: O, B and U follow O or a name's end
/// (L, U of any type: 9); I and L only B or I of their type (2).
const MAX_PREDECESSORS: usize = 1 + 2 * (NUM_LABELS - 1) / 4;

/// For each label, the labels it may follow, ascending, and how many.
const PREDECESSORS: [([u8; MAX_PREDECESSORS], usize); NUM_LABELS] = {
    let mut t = [([0u8; MAX_PREDECESSORS], 0usize); NUM_LABELS];
    let mut l = 0;
    while l < NUM_LABELS {
        let mut p = 0;
        while p < NUM_LABELS {
            if ALLOWED[p][l] {
                t[l].0[t[l].1] = p as u8;
                t[l].1 += 1;
            }
            p += 1;
        }
        l += 1;
    }
    t
};

/// The allowed sequence with the highest sum of `emissions[i][label]` and
/// `transitions[previous][label]`; a sentence starts and ends outside any
/// name. Ties go to the lower label.
///
/// Each step visits only the labels a label may follow (97 pairs of the
/// 289): the best sequence through a forbidden pair never wins while an
/// allowed one exists, and one always does (all O), so this is the full
/// maximisation.
pub(crate) fn viterbi<S: Score>(
    emissions: &[[S; NUM_LABELS]],
    transitions: &[[S; NUM_LABELS]; NUM_LABELS],
) -> Vec<u8> {
    let n = emissions.len();
    let Some(first) = emissions.first() else {
        return Vec::new();
    };
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
        for (l, (preds, count)) in PREDECESSORS.iter().enumerate() {
            let mut top = S::FORBIDDEN;
            let mut arg = 0u8;
            for (k, &p) in preds.iter().take(*count).enumerate() {
                let s = best[p as usize] + transitions[p as usize][l];
                if k == 0 || s > top {
                    top = s;
                    arg = p;
                }
            }
            next[l] = top + e[l];
            from[l] = arg;
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
