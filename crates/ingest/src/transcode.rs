//! UTF-16 input (with its byte-order mark) turned into UTF-8 as it streams,
//! so that sniffing and every reader see the same bytes as for any other
//! file: a UTF-16 HTML page is HTML, not text with markup in it.

use std::io::{self, Read};

use encoding_rs::{Decoder, Encoding};

/// Reads `inner` (starting with a byte-order mark for `encoding`) as UTF-8.
pub struct ToUtf8<R> {
    inner: R,
    decoder: Decoder,
    input: Vec<u8>,
    output: Vec<u8>,
    output_pos: usize,
    finished: bool,
}

impl<R: Read> ToUtf8<R> {
    pub fn new(inner: R, encoding: &'static Encoding) -> ToUtf8<R> {
        ToUtf8 {
            inner,
            decoder: encoding.new_decoder_with_bom_removal(),
            input: vec![0; 16 * 1024],
            output: Vec::new(),
            output_pos: 0,
            finished: false,
        }
    }
}

impl<R: Read> Read for ToUtf8<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            if self.output_pos < self.output.len() {
                let pending = self.output.get(self.output_pos..).unwrap_or_default();
                let n = pending.len().min(buf.len());
                if let (Some(to), Some(from)) = (buf.get_mut(..n), pending.get(..n)) {
                    to.copy_from_slice(from);
                }
                self.output_pos += n;
                return Ok(n);
            }
            if self.finished {
                return Ok(0);
            }
            let n = self.inner.read(&mut self.input)?;
            let last = n == 0;
            let src = self.input.get(..n).unwrap_or_default();
            let room = self
                .decoder
                .max_utf8_buffer_length(n)
                .unwrap_or(n.saturating_mul(3) + 16);
            self.output.clear();
            self.output.resize(room, 0);
            self.output_pos = 0;
            let (_, _, written, _) = self.decoder.decode_to_utf8(src, &mut self.output, last);
            self.output.truncate(written);
            self.finished = last;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_becomes_utf8() {
        let text = "<html><p>Caf\u{e9} \u{201c}quoted\u{201d}</p></html>";
        let mut le = vec![0xff, 0xfe];
        le.extend(text.encode_utf16().flat_map(|u| u.to_le_bytes()));
        let mut be = vec![0xfe, 0xff];
        be.extend(text.encode_utf16().flat_map(|u| u.to_be_bytes()));
        for (bytes, encoding) in [(le, encoding_rs::UTF_16LE), (be, encoding_rs::UTF_16BE)] {
            // A tiny buffer splits code units across reads.
            let reader = io::BufReader::with_capacity(3, &bytes[..]);
            let mut out = String::new();
            assert!(ToUtf8::new(reader, encoding)
                .read_to_string(&mut out)
                .is_ok());
            assert_eq!(out, text);
        }
    }
}
