//! Feature weights: a table from feature key to one weight per label.
//!
//! Training keeps float weights and their running sums for averaging
//! ([`TrainWeights`]); the shipped model holds the averaged weights scaled
//! to integers ([`Weights`]). Integer sums do not depend on their order, so
//! the tagger may add precomputed partial sums (see `tagger.rs`) and still
//! get exactly the labels a feature-by-feature sum gives.

use crate::bilou::NUM_LABELS;
use crate::fasthash::KeyMap;

/// One weight per label.
pub(crate) type Row = [i32; NUM_LABELS];

/// The key of the feature "the previous label was `previous`", whose
/// weights score each label following it.
pub(crate) fn transition_key(previous: u8) -> u64 {
    crate::features::key(2000, u64::from(previous))
}

/// Rows by feature key.
///
/// The index is an open-addressing table probed linearly from the key's
/// low bits (keys are already well mixed). Most tagging time goes to these
/// lookups, nearly all of it waiting for memory, so a slot is kept to 8
/// bytes: a fingerprint of the key (its high 32 bits) and the row number.
/// A lookup reads slots until the fingerprint matches, then the row, which
/// holds the whole key to confirm it: a feature the model lacks (a third
/// of the lookups) never leaves the slots.
#[derive(Debug, Clone, Default)]
pub(crate) struct Table<R> {
    /// `slots.len() - 1`; the table's size is a power of two.
    mask: usize,
    /// Fingerprint in the high 32 bits, row number + 1 in the low 32
    /// (0: an empty slot).
    slots: Vec<u64>,
    /// (key, row).
    rows: Vec<(u64, R)>,
}

/// A hint that `value` will be read soon (nothing where the target has no
/// such instruction).
#[inline]
fn prefetch<T>(value: &T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch is only a hint to the cache; it reads nothing the
    // program sees and cannot fault, and `value` is a live reference. SSE
    // is part of every x86-64 target.
    unsafe {
        use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
        _mm_prefetch::<_MM_HINT_T0>((value as *const T).cast::<i8>());
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = value;
}

/// Averaged, integer weights of the features that have any.
pub(crate) type Weights = Table<Row>;

/// Both stages' weights of a feature in one row, so that features both
/// stages read cost one lookup (see `tagger.rs`).
pub(crate) type Paired = Table<[Row; 2]>;

/// A real key 0 (never seen) is stored as 1, as before keys were
/// fingerprinted (a table's meaning does not depend on its layout).
#[inline]
fn slot_key(key: u64) -> u64 {
    key.max(1)
}

/// The fingerprint half of a slot.
#[inline]
fn fingerprint(key: u64) -> u64 {
    key & 0xffff_ffff_0000_0000
}

impl<R: Copy> Table<R> {
    /// A table of `rows` by key (a repeated key keeps its first row).
    fn from_rows(rows: Vec<(u64, R)>) -> Table<R> {
        // At most two thirds full, so probes stay short.
        let size = (rows.len() * 3 / 2 + 1).next_power_of_two().max(16);
        let mut w = Table {
            mask: size - 1,
            slots: vec![0; size],
            rows: Vec::with_capacity(rows.len()),
        };
        for (k, row) in rows {
            let k = slot_key(k);
            if w.row(k).is_some() {
                continue;
            }
            let mut at = k as usize & w.mask;
            while w.slots.get(at).is_some_and(|s| *s != 0) {
                at = (at + 1) & w.mask;
            }
            if let Some(slot) = w.slots.get_mut(at) {
                w.rows.push((k, row));
                *slot = fingerprint(k) | w.rows.len() as u64;
            }
        }
        w
    }

    pub(crate) fn len(&self) -> usize {
        self.rows.len()
    }

    /// Every key with its row.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (u64, &R)> + '_ {
        self.rows.iter().map(|(k, r)| (*k, r))
    }

    /// Asks the memory system for the slot where a lookup of `key` starts,
    /// ahead of [`Table::row_number`]: a sentence's lookups then wait for
    /// memory together instead of one after another.
    #[inline]
    pub(crate) fn prefetch_slot(&self, key: u64) {
        if let Some(slot) = self.slots.get(slot_key(key) as usize & self.mask) {
            prefetch(slot);
        }
    }

    /// Asks the memory system for row `number` (from [`Table::row_number`]).
    #[inline]
    pub(crate) fn prefetch_row(&self, number: u32) {
        if let Some(row) = self.rows.get(number as usize) {
            prefetch(row);
        }
    }

    /// The number of `key`'s row, if the table has one.
    #[inline]
    pub(crate) fn row_number(&self, key: u64) -> Option<u32> {
        if self.slots.is_empty() {
            return None;
        }
        let k = slot_key(key);
        let print = fingerprint(k);
        let mut at = k as usize & self.mask;
        loop {
            let slot = *self.slots.get(at)?;
            if slot == 0 {
                return None;
            }
            if fingerprint(slot) == print {
                let number = (slot & 0xffff_ffff) as usize;
                if let Some(n) = number.checked_sub(1) {
                    if self.rows.get(n).is_some_and(|(rk, _)| *rk == k) {
                        return Some(n as u32);
                    }
                }
            }
            at = (at + 1) & self.mask;
        }
    }

    /// Row `number` (from [`Table::row_number`]).
    #[inline]
    pub(crate) fn row_at(&self, number: u32) -> Option<&R> {
        self.rows.get(number as usize).map(|(_, r)| r)
    }

    /// The row of `key`, if the table has one.
    #[inline]
    pub(crate) fn row(&self, key: u64) -> Option<&R> {
        self.row_number(key).and_then(|n| self.row_at(n))
    }
}

impl Paired {
    /// The features of either stage, with both stages' weights.
    pub(crate) fn of(stage1: &Weights, stage2: &Weights) -> Paired {
        let mut rows: Vec<(u64, [Row; 2])> = stage1
            .iter()
            .map(|(k, r)| (k, [*r, stage2.row(k).copied().unwrap_or([0; NUM_LABELS])]))
            .collect();
        rows.extend(
            stage2
                .iter()
                .filter(|(k, _)| stage1.row(*k).is_none())
                .map(|(k, r)| (k, [[0; NUM_LABELS], *r])),
        );
        Paired::from_rows(rows)
    }

    /// Adds both stages' weights of `key` (if any) to `scores`.
    #[inline]
    pub(crate) fn add_to(&self, key: u64, scores: &mut [Row; 2]) {
        if let Some(rows) = self.row(key) {
            for (s, r) in scores.iter_mut().zip(rows) {
                for (x, w) in s.iter_mut().zip(r) {
                    *x = x.wrapping_add(*w);
                }
            }
        }
    }
}

impl Weights {
    /// Adds the weights of `key` (if any) to `scores`.
    #[inline]
    pub(crate) fn add_to(&self, key: u64, scores: &mut Row) {
        if let Some(row) = self.row(key) {
            for (s, w) in scores.iter_mut().zip(row) {
                *s = s.wrapping_add(*w);
            }
        }
    }

    /// The transition scores (see [`transition_key`]).
    pub(crate) fn transitions(&self) -> [[i64; NUM_LABELS]; NUM_LABELS] {
        let mut t = [[0i64; NUM_LABELS]; NUM_LABELS];
        for (p, row) in t.iter_mut().enumerate() {
            if let Some(w) = self.row(transition_key(p as u8)) {
                for (slot, x) in row.iter_mut().zip(w) {
                    *slot = i64::from(*x);
                }
            }
        }
        t
    }

    /// The table as bytes: feature count, then keys (u64, ascending), then
    /// rows (i32 per label), all little-endian.
    pub(crate) fn write(&self, out: &mut Vec<u8>) {
        let mut order: Vec<&(u64, Row)> = self.rows.iter().collect();
        order.sort_unstable_by_key(|(k, _)| *k);
        out.extend_from_slice(&(order.len() as u32).to_le_bytes());
        // Keys as differences from the previous one: sorted keys then
        // compress well.
        let mut last = 0u64;
        for (k, _) in &order {
            out.extend_from_slice(&k.wrapping_sub(last).to_le_bytes());
            last = *k;
        }
        // Rows label by label (column-major): each label's weights are
        // mostly zero, which compresses far better than interleaved rows.
        for label in 0..NUM_LABELS {
            for (_, row) in &order {
                let w = row.get(label).copied().unwrap_or(0);
                out.extend_from_slice(&w.to_le_bytes());
            }
        }
    }

    /// Reads what [`Weights::write`] wrote, returning the table and the
    /// bytes after it.
    pub(crate) fn read(bytes: &[u8]) -> Result<(Weights, &[u8]), String> {
        let take = |b: &[u8], n: usize| -> Result<(Vec<u8>, usize), String> {
            b.get(..n)
                .map(|s| (s.to_vec(), n))
                .ok_or_else(|| "truncated weight table".to_string())
        };
        let (head, _) = take(bytes, 4)?;
        let n = u32::from_le_bytes([head[0], head[1], head[2], head[3]]) as usize;
        let keys_len = n.checked_mul(8).ok_or("weight table too large")?;
        let rows_len = n
            .checked_mul(4 * NUM_LABELS)
            .ok_or("weight table too large")?;
        let body = bytes
            .get(4..4 + keys_len + rows_len)
            .ok_or("truncated weight table")?;
        let (keys, rows) = body.split_at(keys_len);
        let mut keys_in_order = Vec::with_capacity(n);
        let mut last = 0u64;
        for k in keys.chunks_exact(8) {
            let d = u64::from_le_bytes(k.try_into().map_err(|_| "bad key")?);
            last = last.wrapping_add(d);
            keys_in_order.push(last);
        }
        let mut table = vec![[0i32; NUM_LABELS]; n];
        for (label, column) in rows.chunks_exact(4 * n.max(1)).enumerate().take(NUM_LABELS) {
            for (row, w) in table.iter_mut().zip(column.chunks_exact(4)) {
                if let Some(slot) = row.get_mut(label) {
                    *slot = i32::from_le_bytes([w[0], w[1], w[2], w[3]]);
                }
            }
        }
        let rest = bytes.get(4 + keys_len + rows_len..).unwrap_or(&[]);
        Ok((
            Weights::from_rows(keys_in_order.into_iter().zip(table).collect()),
            rest,
        ))
    }
}

/// Perceptron weights being trained, with the sums for averaging: at step
/// `c` an update `d` adds `d` to a weight and `c * d` to its sum, and the
/// average after `C` steps is `weight - sum / C`.
#[derive(Debug, Default)]
pub(crate) struct TrainWeights {
    index: KeyMap<u32>,
    weights: Vec<[f32; NUM_LABELS]>,
    sums: Vec<[f64; NUM_LABELS]>,
    step: f64,
}

impl TrainWeights {
    /// Adds the weights of `key` (if any) to `scores`.
    #[inline]
    pub(crate) fn add_to(&self, key: u64, scores: &mut [f32; NUM_LABELS]) {
        if let Some(at) = self.index.get(&key) {
            if let Some(row) = self.weights.get(*at as usize) {
                for (s, w) in scores.iter_mut().zip(row) {
                    *s += w;
                }
            }
        }
    }

    /// Adds `delta` to label `label` of every feature of `keys`.
    pub(crate) fn adjust(&mut self, keys: impl Iterator<Item = u64>, label: u8, delta: f32) {
        let step = self.step;
        for k in keys {
            let next = self.weights.len() as u32;
            let at = *self.index.entry(k).or_insert(next) as usize;
            if at == self.weights.len() {
                self.weights.push([0.0; NUM_LABELS]);
                self.sums.push([0.0; NUM_LABELS]);
            }
            let l = label as usize;
            if let (Some(w), Some(s)) = (
                self.weights.get_mut(at).and_then(|r| r.get_mut(l)),
                self.sums.get_mut(at).and_then(|r| r.get_mut(l)),
            ) {
                *w += delta;
                *s += step * f64::from(delta);
            }
        }
    }

    /// The transition scores: row `p` is the weights of [`transition_key`]
    /// `(p)`.
    pub(crate) fn transitions(&self) -> [[f32; NUM_LABELS]; NUM_LABELS] {
        let mut t = [[0f32; NUM_LABELS]; NUM_LABELS];
        for (p, row) in t.iter_mut().enumerate() {
            self.add_to(transition_key(p as u8), row);
        }
        t
    }

    /// One token done.
    pub(crate) fn tick(&mut self) {
        self.step += 1.0;
    }

    /// The averaged weights of every feature, by key.
    pub(crate) fn averages(&self) -> Vec<(u64, [f64; NUM_LABELS])> {
        let c = self.step.max(1.0);
        let mut out: Vec<(u64, [f64; NUM_LABELS])> = self
            .index
            .iter()
            .map(|(k, at)| {
                let mut row = [0f64; NUM_LABELS];
                let w = self.weights.get(*at as usize);
                let s = self.sums.get(*at as usize);
                if let (Some(w), Some(s)) = (w, s) {
                    for (l, slot) in row.iter_mut().enumerate() {
                        *slot = f64::from(w[l]) - s[l] / c;
                    }
                }
                (*k, row)
            })
            .collect();
        out.sort_unstable_by_key(|(k, _)| *k);
        out
    }

    /// The averaged weights as integers (see [`quantize`]).
    #[cfg(test)]
    fn averaged(&self) -> Weights {
        quantize(&[self.averages()])
    }
}

/// The mean of several models' averaged weights (each sorted by key, as
/// [`TrainWeights::averages`] gives them) as integers: scaled so that a sum
/// of a thousand of the largest stays inside `i32`, rounded; features whose
/// weights all round to zero are left out.
pub(crate) fn quantize(models: &[Vec<(u64, [f64; NUM_LABELS])>]) -> Weights {
    let mut merged: Vec<(u64, [f64; NUM_LABELS])> = models.iter().flatten().copied().collect();
    merged.sort_by_key(|(k, _)| *k);
    let mut rows: Vec<(u64, [f64; NUM_LABELS])> = Vec::with_capacity(merged.len());
    for (k, row) in merged {
        match rows.last_mut() {
            Some((last, sum)) if *last == k => {
                for (s, w) in sum.iter_mut().zip(row) {
                    *s += w;
                }
            }
            _ => rows.push((k, row)),
        }
    }
    let n = models.len().max(1) as f64;
    let largest = rows
        .iter()
        .flat_map(|(_, r)| r.iter())
        .fold(0f64, |m, w| m.max((w / n).abs()));
    let scale = if largest > 0.0 {
        (f64::from(i32::MAX) / (largest * 1024.0)).min(65_536.0)
    } else {
        1.0
    };
    let mut table = Vec::new();
    for (k, sum) in rows {
        let mut row = [0i32; NUM_LABELS];
        for (slot, w) in row.iter_mut().zip(sum) {
            *slot = (w / n * scale).round() as i32;
        }
        if row.iter().any(|w| *w != 0) {
            table.push((k, row));
        }
    }
    Weights::from_rows(table)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_round_trip() {
        let mut t = TrainWeights::default();
        t.adjust([5u64, 9].into_iter(), 3, 1.0);
        t.adjust([5u64, 9].into_iter(), 0, -1.0);
        t.tick();
        t.adjust([9u64].into_iter(), 1, 1.0);
        t.adjust([9u64].into_iter(), 3, -1.0);
        t.tick();
        let w = t.averaged();
        let mut bytes = Vec::new();
        w.write(&mut bytes);
        bytes.push(42);
        let (back, rest) = Weights::read(&bytes).expect("reads");
        assert_eq!(rest, [42]);
        assert_eq!(back.len(), w.len());
        for k in [5u64, 9, 11] {
            assert_eq!(back.row(k), w.row(k));
        }
        assert!(w.row(5).is_some_and(|r| r[3] > 0 && r[0] < 0));
    }
}
