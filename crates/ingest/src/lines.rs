//! Reading lines and byte runs from a stream with a size cap, so one huge
//! line or record costs no more memory than the cap.

use std::io::{self, BufRead, Read};

/// One line read with [`read_line_capped`].
#[derive(Debug, PartialEq, Eq)]
pub enum LineRead {
    /// A line (without its `\n`) is in the buffer.
    Line,
    /// The line was longer than the cap; its bytes were skipped.
    TooLong(usize),
    Eof,
}

/// Reads up to the next `\n` into `buf` (cleared first), keeping at most
/// `cap` bytes.
pub fn read_line_capped(
    reader: &mut dyn BufRead,
    buf: &mut Vec<u8>,
    cap: usize,
) -> io::Result<LineRead> {
    buf.clear();
    let mut total = 0usize;
    let mut any = false;
    loop {
        let available = match reader.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            break;
        }
        any = true;
        let (chunk, found) = match available.iter().position(|&b| b == b'\n') {
            Some(i) => (&available[..i], Some(i)),
            None => (available, None),
        };
        total += chunk.len();
        if total <= cap {
            buf.extend_from_slice(chunk);
        }
        let consumed = found.map_or(chunk.len(), |i| i + 1);
        reader.consume(consumed);
        if found.is_some() {
            break;
        }
    }
    if !any {
        return Ok(LineRead::Eof);
    }
    if total > cap {
        buf.clear();
        return Ok(LineRead::TooLong(total));
    }
    Ok(LineRead::Line)
}

/// Reads everything up to `cap` bytes; `Err(n)` when there is more, `n`
/// being the bytes seen (more than `cap`). The rest of the stream is left
/// unread: an endless stream must not keep the reader busy forever.
pub fn read_capped(reader: &mut dyn BufRead, cap: usize) -> io::Result<Result<Vec<u8>, u64>> {
    let mut buf = Vec::new();
    reader.take(cap as u64 + 1).read_to_end(&mut buf)?;
    if buf.len() > cap {
        return Ok(Err(buf.len() as u64));
    }
    Ok(Ok(buf))
}

/// A reader that can take bytes back: they are read again before anything
/// else. Used to look ahead across buffer boundaries and to resume after a
/// damaged part of a stream. With recording on, every byte consumed is also
/// kept (up to a cap) so that a failed attempt can be replayed.
pub struct Pushback<R> {
    inner: R,
    front: Vec<u8>,
    front_pos: usize,
    recording: Option<Vec<u8>>,
    record_cap: usize,
    /// Bytes consumed from the start of the stream (taken-back bytes
    /// subtracted).
    consumed: u64,
    /// An error met while peeking, given to the reader after the bytes
    /// before it.
    pending: Option<io::Error>,
}

impl<R: BufRead> Pushback<R> {
    pub fn new(inner: R) -> Pushback<R> {
        Pushback {
            inner,
            front: Vec::new(),
            front_pos: 0,
            recording: None,
            record_cap: 0,
            consumed: 0,
            pending: None,
        }
    }

    /// Puts `bytes` back in front of the stream.
    pub fn unread(&mut self, bytes: &[u8]) {
        if bytes.is_empty() {
            return;
        }
        let mut front = bytes.to_vec();
        front.extend_from_slice(self.front.get(self.front_pos..).unwrap_or_default());
        self.front = front;
        self.front_pos = 0;
        self.consumed = self.consumed.saturating_sub(bytes.len() as u64);
    }

    /// Reads up to `n` bytes and puts them back: fewer at the end of the
    /// stream, or before an error (which the next read past them gets).
    pub fn peek(&mut self, n: usize) -> io::Result<Vec<u8>> {
        let mut out = Vec::with_capacity(n);
        let result = (&mut *self).take(n as u64).read_to_end(&mut out);
        self.unread(&out);
        match result {
            Ok(_) => Ok(out),
            Err(e) if out.is_empty() => Err(e),
            Err(e) => {
                self.pending = Some(e);
                Ok(out)
            }
        }
    }

    /// Starts keeping every consumed byte, up to `cap` bytes (past it the
    /// recording is dropped).
    pub fn start_recording(&mut self, cap: usize) {
        self.recording = Some(Vec::new());
        self.record_cap = cap;
    }

    /// The bytes consumed since recording started, `None` when there were
    /// more than the cap; recording stops.
    pub fn take_recording(&mut self) -> Option<Vec<u8>> {
        self.recording.take()
    }

    /// Bytes consumed so far.
    pub fn position(&self) -> u64 {
        self.consumed
    }

    fn record(&mut self, n: usize) {
        let Some(rec) = self.recording.as_mut() else {
            return;
        };
        if rec.len() + n > self.record_cap {
            self.recording = None;
            return;
        }
        if self.front_pos < self.front.len() {
            rec.extend_from_slice(
                self.front
                    .get(self.front_pos..self.front_pos + n)
                    .unwrap_or_default(),
            );
        } else if let Ok(buf) = self.inner.fill_buf() {
            // Already filled: no read happens here.
            rec.extend_from_slice(buf.get(..n).unwrap_or_default());
        }
    }
}

impl<R: BufRead> Read for Pushback<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = {
            let available = self.fill_buf()?;
            let n = available.len().min(buf.len());
            if let (Some(to), Some(from)) = (buf.get_mut(..n), available.get(..n)) {
                to.copy_from_slice(from);
            }
            n
        };
        self.consume(n);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Pushback<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.front_pos < self.front.len() {
            return Ok(self.front.get(self.front_pos..).unwrap_or_default());
        }
        if let Some(e) = self.pending.take() {
            return Err(e);
        }
        self.inner.fill_buf()
    }

    fn consume(&mut self, n: usize) {
        self.record(n);
        self.consumed += n as u64;
        if self.front_pos < self.front.len() {
            self.front_pos = (self.front_pos + n).min(self.front.len());
            if self.front_pos == self.front.len() {
                self.front.clear();
                self.front_pos = 0;
            }
        } else {
            self.inner.consume(n);
        }
    }
}

/// The error a [`Capped`] reader gives past its limit.
#[derive(Debug)]
pub struct OverLimit(pub u64);

impl std::fmt::Display for OverLimit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "input is over the {}-byte limit for one file or stream; the rest was not read",
            self.0
        )
    }
}

impl std::error::Error for OverLimit {}

/// A reader that fails once more than `cap` bytes have passed through it:
/// an endless stream (or a decompression bomb) ends with a clear error
/// instead of running forever.
pub struct Capped<R> {
    inner: R,
    cap: u64,
    passed: u64,
}

impl<R> Capped<R> {
    pub fn new(inner: R, cap: u64) -> Capped<R> {
        Capped {
            inner,
            cap,
            passed: 0,
        }
    }

    fn over(&self) -> io::Error {
        io::Error::other(OverLimit(self.cap))
    }
}

impl<R: Read> Read for Capped<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.passed >= self.cap && !buf.is_empty() {
            // One more byte tells a stream of exactly `cap` bytes from a
            // longer one.
            let mut probe = [0u8; 1];
            return match self.inner.read(&mut probe)? {
                0 => Ok(0),
                _ => Err(self.over()),
            };
        }
        let room = usize::try_from(self.cap - self.passed).unwrap_or(usize::MAX);
        let len = buf.len().min(room);
        let n = self.inner.read(buf.get_mut(..len).unwrap_or_default())?;
        self.passed += n as u64;
        Ok(n)
    }
}

/// Whether an error is a [`Capped`] reader's limit.
pub fn is_over_limit(e: &io::Error) -> bool {
    e.get_ref().is_some_and(|inner| inner.is::<OverLimit>())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capped_lines() {
        let data = b"short\nthis line is far too long\n\nlast";
        let mut reader = io::BufReader::with_capacity(4, &data[..]);
        let mut buf = Vec::new();
        let mut got = Vec::new();
        loop {
            match read_line_capped(&mut reader, &mut buf, 10) {
                Ok(LineRead::Eof) | Err(_) => break,
                Ok(LineRead::Line) => got.push(String::from_utf8_lossy(&buf).into_owned()),
                Ok(LineRead::TooLong(n)) => got.push(format!("<{n}>")),
            }
        }
        assert_eq!(got, vec!["short", "<25>", "", "last"]);
    }

    #[test]
    fn capped_reads() {
        let mut small = io::BufReader::new(&b"abc"[..]);
        assert_eq!(read_capped(&mut small, 3).ok(), Some(Ok(b"abc".to_vec())));
        let mut big = io::BufReader::new(&b"abcdef"[..]);
        assert_eq!(read_capped(&mut big, 3).ok(), Some(Err(4)));
        // An endless stream ends at the cap instead of being drained.
        let mut endless = io::BufReader::new(io::repeat(b'y'));
        assert_eq!(read_capped(&mut endless, 3).ok(), Some(Err(4)));
    }

    #[test]
    fn pushback_reads_taken_back_bytes_first() {
        let mut r = Pushback::new(io::BufReader::with_capacity(2, &b"abcdef"[..]));
        assert_eq!(r.peek(4).ok(), Some(b"abcd".to_vec()));
        let mut first = [0u8; 3];
        assert!(r.read_exact(&mut first).is_ok());
        assert_eq!(&first, b"abc");
        r.unread(b"XY");
        let mut rest = Vec::new();
        assert!(r.read_to_end(&mut rest).is_ok());
        assert_eq!(rest, b"XYdef");
        assert_eq!(r.position(), 6);
    }

    #[test]
    fn pushback_records_what_is_consumed() {
        let mut r = Pushback::new(io::BufReader::with_capacity(2, &b"abcdef"[..]));
        r.start_recording(4);
        let mut two = [0u8; 2];
        assert!(r.read_exact(&mut two).is_ok());
        r.unread(b"b");
        assert!(r.read_exact(&mut two).is_ok());
        assert_eq!(r.take_recording(), Some(b"abbc".to_vec()));
        r.start_recording(1);
        assert!(r.read_exact(&mut two).is_ok());
        assert_eq!(r.take_recording(), None);
    }

    #[test]
    fn capped_reader_stops_endless_streams() {
        let mut exact = Capped::new(&b"abc"[..], 3);
        let mut out = Vec::new();
        assert!(exact.read_to_end(&mut out).is_ok());
        let mut endless = Capped::new(io::repeat(b'y'), 1000);
        let mut out = Vec::new();
        let err = endless.read_to_end(&mut out).err();
        assert!(err.as_ref().is_some_and(is_over_limit), "{err:?}");
        assert_eq!(out.len(), 1000);
    }
}
