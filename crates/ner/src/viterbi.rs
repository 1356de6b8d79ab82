//! Best label sequence under BILOU's transition rules (see `bilou.rs`):
//! per-token label scores plus a score for each label following each
//! label, maximised over the whole sentence (Viterbi). A name is then
//! always whole: it cannot run on because a greedy decoder opened it, nor
//! break where one word scored low.

use std::ops::Add;

use crate::bilou::{allowed, NUM_LABELS, OUTSIDE};

/// The allowed sequence with the highest sum of `emissions[i][label]` and
/// `transitions[previous][label]`; a sentence starts and ends outside any
/// name. Ties go to the lower label.
pub fn viterbi<S>(emissions: &[[S; NUM_LABELS]], transitions: &[[S; NUM_LABELS]; NUM_LABELS]) -> Vec<u8>
where
    S: Copy + PartialOrd + Add<Output = S>,
{
    let n = emissions.len();
    let Some(first) = emissions.first() else {
        return Vec::new();
    };
    // best[l]: the best score of a sequence ending in l; back[i][l] its
    // previous label.
    let mut best: [Option<S>; NUM_LABELS] = [None; NUM_LABELS];
    for (l, slot) in best.iter_mut().enumerate() {
        if allowed(OUTSIDE, l as u8) {
            *slot = Some(first[l]);
        }
    }
    let mut back: Vec<[u8; NUM_LABELS]> = Vec::with_capacity(n);
    back.push([0; NUM_LABELS]);
    for e in emissions.iter().skip(1) {
        let mut next: [Option<S>; NUM_LABELS] = [None; NUM_LABELS];
        let mut from = [0u8; NUM_LABELS];
        for l in 0..NUM_LABELS {
            for (p, score) in best.iter().enumerate() {
                let Some(score) = score else { continue };
                if !allowed(p as u8, l as u8) {
                    continue;
                }
                let s = *score + transitions[p][l];
                if next[l].is_none_or(|b| s > b) {
                    next[l] = Some(s);
                    from[l] = p as u8;
                }
            }
            if let Some(s) = next[l] {
                next[l] = Some(s + e[l]);
            }
        }
        best = next;
        back.push(from);
    }
    // The last label must close any name.
    let mut last = OUTSIDE;
    let mut top: Option<S> = None;
    for (l, score) in best.iter().enumerate() {
        if let Some(s) = score {
            if allowed(l as u8, OUTSIDE) && top.is_none_or(|t| *s > t) {
                top = Some(*s);
                last = l as u8;
            }
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
