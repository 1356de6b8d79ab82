//! Gzip streams that survive a damaged member. Crawls (`.warc.gz`) are
//! written one gzip member per record, so one corrupt member should cost
//! one record, not the rest of the file: on an error the decoder looks for
//! the next gzip member header after the start of the bad one (in the bytes
//! it already consumed, then further on), reports the skip as a
//! [`Skipped`] error, and carries on from there. Readers above treat that
//! error as "this part is lost, go on". A whole file compressed as one
//! member has nothing to resume at: the rest of it is reported lost.

use std::io::{self, BufRead, Read};

use flate2::bufread::GzDecoder;

use crate::lines::Pushback;

/// The first bytes of every gzip member (magic and the deflate method).
const MAGIC: [u8; 3] = [0x1f, 0x8b, 0x08];
/// Gzip header length up to the OS byte.
const HEADER: usize = 10;
/// Compressed bytes of one member kept to rescan after a failure; members
/// of record-per-member crawls are far smaller.
const REPLAY_CAP: usize = 64 * 1024 * 1024;

/// A read error after which reading can go on: a damaged part of the input
/// was skipped, and this says which.
#[derive(Debug)]
pub struct Skipped(pub String);

impl std::fmt::Display for Skipped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Skipped {}

/// Whether reading may go on after this error.
pub fn is_skipped(e: &io::Error) -> bool {
    e.get_ref().is_some_and(|inner| inner.is::<Skipped>())
}

enum State<R: BufRead> {
    /// Between members (or at the start).
    Between(Pushback<R>),
    /// Inside the member that started at this compressed offset.
    Member(GzDecoder<Pushback<R>>, u64),
    Done,
}

/// A multi-member gzip decoder that resumes at the next member after a
/// corrupt one.
pub struct ResyncGzDecoder<R: BufRead> {
    state: State<R>,
}

impl<R: BufRead> ResyncGzDecoder<R> {
    pub fn new(inner: R) -> ResyncGzDecoder<R> {
        ResyncGzDecoder {
            state: State::Between(Pushback::new(inner)),
        }
    }
}

impl<R: BufRead> Read for ResyncGzDecoder<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            match std::mem::replace(&mut self.state, State::Done) {
                State::Done => return Ok(0),
                State::Between(mut src) => {
                    let available = match src.fill_buf() {
                        Ok(a) => a,
                        Err(e) => {
                            self.state = State::Between(src);
                            return Err(e);
                        }
                    };
                    if available.is_empty() {
                        return Ok(0);
                    }
                    if available.starts_with(&MAGIC[..available.len().min(MAGIC.len())]) {
                        let start = src.position();
                        src.start_recording(REPLAY_CAP);
                        self.state = State::Member(GzDecoder::new(src), start);
                        continue;
                    }
                    // Trailing zeros pad some files to a block size.
                    if available.iter().all(|&b| b == 0) {
                        let n = available.len();
                        src.consume(n);
                        self.state = State::Between(src);
                        continue;
                    }
                    let at = src.position();
                    let found = scan_to_member(&mut src, Vec::new());
                    let message = resumed_message(
                        format!("data after a gzip member at byte {at} is not gzip"),
                        &found,
                        &src,
                    );
                    self.state = next_state(src, &found);
                    return Err(io::Error::other(Skipped(message)));
                }
                State::Member(mut decoder, start) => match decoder.read(buf) {
                    Ok(0) if !buf.is_empty() => {
                        let mut src = decoder.into_inner();
                        src.take_recording();
                        self.state = State::Between(src);
                    }
                    Ok(n) => {
                        self.state = State::Member(decoder, start);
                        return Ok(n);
                    }
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => {
                        self.state = State::Member(decoder, start);
                    }
                    Err(e) => {
                        let mut src = decoder.into_inner();
                        // Rescan what the bad member consumed, after its
                        // first byte: the next member may start inside it.
                        let replay = src
                            .take_recording()
                            .map(|mut r| {
                                if !r.is_empty() {
                                    r.remove(0);
                                }
                                r
                            })
                            .unwrap_or_default();
                        let found = scan_to_member(&mut src, replay);
                        let what = if e.kind() == io::ErrorKind::UnexpectedEof {
                            format!("gzip data ends inside the member at byte {start} (truncated)")
                        } else {
                            format!("corrupt gzip data in the member at byte {start} ({e})")
                        };
                        let message = resumed_message(what, &found, &src);
                        self.state = next_state(src, &found);
                        return Err(io::Error::other(Skipped(message)));
                    }
                },
            }
        }
    }
}

fn next_state<R: BufRead>(src: Pushback<R>, found: &io::Result<bool>) -> State<R> {
    match found {
        Ok(true) => State::Between(src),
        _ => State::Done,
    }
}

fn resumed_message<R: BufRead>(
    what: String,
    found: &io::Result<bool>,
    src: &Pushback<R>,
) -> String {
    match found {
        Ok(true) => format!(
            "{what}; skipped, reading resumed at the next member (byte {})",
            src.position()
        ),
        Ok(false) => format!("{what}; no gzip member follows, the rest of the file is lost"),
        Err(e) => format!("{what}; reading stopped: {e}"),
    }
}

/// Moves `src` to the next plausible gzip member header, looking first in
/// `replay` (bytes already consumed), then further on. `Ok(false)` at the
/// end of the stream.
fn scan_to_member<R: BufRead>(src: &mut Pushback<R>, replay: Vec<u8>) -> io::Result<bool> {
    let mut window = replay;
    loop {
        let mut from = 0;
        while let Some(offset) = window
            .get(from..)
            .and_then(|w| memchr::memmem::find(w, &MAGIC))
        {
            let at = from + offset;
            match window.get(at..at + HEADER) {
                Some(header) if plausible_header(header) => {
                    let rest = window.split_off(at);
                    src.unread(&rest);
                    return Ok(true);
                }
                Some(_) => from = at + 1,
                // Too close to the end to judge: read more first.
                None => break,
            }
        }
        // Keep a tail that may hold the start of a header.
        let keep = window.len().min(HEADER - 1);
        window.drain(..window.len() - keep);
        let chunk = src.fill_buf()?;
        if chunk.is_empty() {
            return Ok(false);
        }
        window.extend_from_slice(chunk);
        let n = chunk.len();
        src.consume(n);
    }
}

/// A gzip member header as writers produce it: no reserved flag bits, a
/// known extra-flags value and operating system.
fn plausible_header(header: &[u8]) -> bool {
    let (Some(&flags), Some(&xfl), Some(&os)) = (header.get(3), header.get(8), header.get(9))
    else {
        return false;
    };
    flags & 0xe0 == 0 && matches!(xfl, 0 | 2 | 4) && (os <= 13 || os == 255)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn member(text: &str) -> Vec<u8> {
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        enc.write_all(text.as_bytes()).expect("gzip");
        enc.finish().expect("gzip")
    }

    /// Everything readable and the skip messages, in order.
    fn read_all(bytes: &[u8]) -> (String, Vec<String>) {
        let mut decoder = ResyncGzDecoder::new(io::BufReader::with_capacity(7, bytes));
        let mut out = Vec::new();
        let mut skips = Vec::new();
        let mut buf = [0u8; 5];
        for _ in 0..10_000 {
            match decoder.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => out.extend_from_slice(&buf[..n]),
                Err(e) => {
                    assert!(is_skipped(&e), "{e}");
                    skips.push(e.to_string());
                }
            }
        }
        (String::from_utf8_lossy(&out).into_owned(), skips)
    }

    #[test]
    fn clean_members_read_as_one_stream() {
        let mut bytes = member("first record. ");
        bytes.extend(member("second record."));
        bytes.extend([0u8; 16]);
        assert_eq!(
            read_all(&bytes),
            ("first record. second record.".to_string(), vec![])
        );
    }

    #[test]
    fn a_corrupt_member_costs_only_itself() {
        let first = member("first record. ");
        let mut bad = member(&"damaged record text ".repeat(50));
        let middle = bad.len() / 2;
        for b in bad.iter_mut().skip(middle).take(8) {
            *b ^= 0x5a;
        }
        let mut bytes = first.clone();
        bytes.extend(&bad);
        bytes.extend(member("third record."));
        let (text, skips) = read_all(&bytes);
        assert!(text.starts_with("first record. "), "{text}");
        assert!(text.ends_with("third record."), "{text}");
        assert_eq!(skips.len(), 1, "{skips:?}");
        assert!(
            skips[0].contains(&format!("member at byte {}", first.len())),
            "{}",
            skips[0]
        );
        assert!(skips[0].contains("resumed"), "{}", skips[0]);
    }

    #[test]
    fn junk_between_members_is_skipped() {
        let mut bytes = member("first record. ");
        bytes.extend(b"this is not gzip at all");
        bytes.extend(member("second record."));
        let (text, skips) = read_all(&bytes);
        assert_eq!(text, "first record. second record.");
        assert_eq!(skips.len(), 1, "{skips:?}");
    }

    #[test]
    fn a_cut_single_member_reports_the_loss_once() {
        let whole = member(&"one long member ".repeat(200));
        let (_, skips) = read_all(&whole[..whole.len() / 2]);
        assert_eq!(skips.len(), 1, "{skips:?}");
        assert!(
            skips[0].contains("rest of the file is lost"),
            "{}",
            skips[0]
        );
    }
}
