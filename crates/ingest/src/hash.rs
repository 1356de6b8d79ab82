//! A stable 64-bit FNV-1a hash: ids must not change between runs, builds or
//! Rust versions, which rules out `std`'s randomly keyed hasher.

const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const PRIME: u64 = 0x0000_0100_0000_01b3;

/// FNV-1a over `bytes`.
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    fnv1a64_seeded(OFFSET, bytes)
}

/// FNV-1a continuing from `state`, for hashing several pieces as one.
pub fn fnv1a64_seeded(mut state: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        state ^= u64::from(b);
        state = state.wrapping_mul(PRIME);
    }
    state
}

/// The document id: 16 lowercase hex digits of the clean text's hash.
pub fn content_id(text: &str) -> String {
    format!("{:016x}", fnv1a64(text.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_fnv_vectors() {
        // Published FNV-1a 64 test vectors.
        let cases: &[(&[u8], u64)] = &[
            (b"", 0xcbf2_9ce4_8422_2325),
            (b"a", 0xaf63_dc4c_8601_ec8c),
            (b"foobar", 0x8594_4171_f739_67e8),
        ];
        for (input, want) in cases {
            assert_eq!(fnv1a64(input), *want, "input {input:?}");
        }
    }

    #[test]
    fn content_id_is_sixteen_hex_digits_and_stable() {
        let id = content_id("The Harbour Board met on Tuesday.");
        assert_eq!(id.len(), 16);
        assert!(id.chars().all(|c| c.is_ascii_hexdigit()));
        assert_eq!(id, content_id("The Harbour Board met on Tuesday."));
        assert_ne!(id, content_id("The Harbour Board met on Wednesday."));
    }
}
