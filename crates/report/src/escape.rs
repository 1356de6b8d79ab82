//! HTML escaping for text and attribute values.

/// Escapes `&`, `<`, `>`, `"` and `'` so any text is safe inside an element
/// or a quoted attribute.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::esc;

    #[test]
    fn escapes_markup() {
        for (raw, want) in [
            (
                "<script>alert('x')</script>",
                "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;",
            ),
            ("A & B \"C\"", "A &amp; B &quot;C&quot;"),
            ("“plain” café", "“plain” café"),
            ("", ""),
        ] {
            assert_eq!(esc(raw), want);
        }
    }
}
