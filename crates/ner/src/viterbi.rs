//! Best label sequence under BILOU's transition rules (see `bilou.rs`):
//! per-token label scores plus a score for each label following each
//! label, maximised over the whole sentence (Viterbi). A name is then
//! always whole: it cannot run on because a greedy decoder opened it, nor
//! break where one word scored low.

use std::ops::Add;

use crate::bilou::{allowed, NUM_LABELS, OUTSIDE};

/// Score types the decoder works in: integers at tagging, floats in
/// training.
pub trait Score: Copy + PartialOrd + Add<Output = Self> {
    /// Below any reachable score: marks forbidden transitions.
    const FORBIDDEN: Self;
}

impl Score for i64 {
    const FORBIDDEN: i64 = i64::MIN / 4;
}

impl Score for f32 {
    const FORBIDDEN: f32 = -1.0e30;
}

/// [`allowed`] as a table, with the start of a sentence as row
/// `NUM_LABELS` (only O, B and U may open one).
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

/// The allowed sequence with the highest sum of `emissions[i][label]` and
/// `transitions[previous][label]`; a sentence starts and ends outside any
/// name. Ties go to the lower label.
pub fn viterbi<S: Score>(
    emissions: &[[S; NUM_LABELS]],
    transitions: &[[S; NUM_LABELS]; NUM_LABELS],
) -> Vec<u8> {
    let n = emissions.len();
    let Some(first) = emissions.first() else {
        return Vec::new();
    };
    // Forbidden transitions cost FORBIDDEN, so no test is needed in the
    // inner loop; a sequence through one never wins while an allowed one
    // exists (and one always does: all O).
    let mut trans = *transitions;
    for (p, row) in trans.iter_mut().enumerate() {
        for (l, t) in row.iter_mut().enumerate() {
            if !ALLOWED[p][l] {
                *t = S::FORBIDDEN;
            }
        }
    }
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
        for l in 0..NUM_LABELS {
            let mut top = best[0] + trans[0][l];
            let mut arg = 0u8;
            for p in 1..NUM_LABELS {
                let s = best[p] + trans[p][l];
                if s > top {
                    top = s;
                    arg = p as u8;
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
