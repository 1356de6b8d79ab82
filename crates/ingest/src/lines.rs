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

/// Reads everything up to `cap` bytes; `Err(n)` (n > cap, counted up to
/// the end of the stream) when there is more.
pub fn read_capped(reader: &mut dyn BufRead, cap: usize) -> io::Result<Result<Vec<u8>, u64>> {
    let mut buf = Vec::new();
    reader.take(cap as u64 + 1).read_to_end(&mut buf)?;
    if buf.len() > cap {
        let rest = io::copy(reader, &mut io::sink())?;
        return Ok(Err(buf.len() as u64 + rest));
    }
    Ok(Ok(buf))
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
        assert_eq!(read_capped(&mut big, 3).ok(), Some(Err(6)));
    }
}
