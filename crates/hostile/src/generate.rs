//! Invented text and files: news-like sentences about invented people and
//! places, HTML pages, JSONL lines, WARC records. Hostile cases and fuzz
//! seeds are built from these; nothing here comes from a real article.

use std::io::Write;

/// A small deterministic random source (xorshift64*).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A source seeded with `seed` (0 is taken as 1).
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1).wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number below `n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            return 0;
        }
        (self.next_u64() % n as u64) as usize
    }

    /// One of `items`, which must not be empty.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const FIRST: &[&str] = &[
    "Ana", "Tomas", "Ilse", "Marek", "Odile", "Pavo", "Reni", "Sven",
];
const LAST: &[&str] = &[
    "Lind", "Varga", "Kessel", "Ode", "Brandt", "Quill", "Marr", "Tolle",
];
const TITLES: &[&str] = &[
    "Mayor",
    "Minister",
    "Chief Inspector",
    "Senator",
    "Director",
];
const ORGS: &[&str] = &[
    "the Lindmark Harbour Board",
    "the Kessel Road Authority",
    "Varga Shipping Ltd",
    "the Tolle Workers Union",
];
const PLACES: &[&str] = &["Lindmark", "Kessel Pass", "North Quay", "Odeville"];
const VERBS: &[&str] = &[
    "said",
    "told reporters",
    "confirmed",
    "denied",
    "estimated",
    "warned",
];
const UNITS: &[&str] = &[
    "ferries",
    "workers",
    "million dollars",
    "percent",
    "tonnes",
    "families",
];
const DAYS: &[&str] = &[
    "on Monday",
    "on Friday",
    "last week",
    "on March 4, 2031",
    "in April",
];

/// One invented news sentence: a figure, a quote, reported speech, a
/// stance or a date, with invented names.
pub fn sentence(rng: &mut Rng) -> String {
    let person = format!("{} {}", rng.pick(FIRST), rng.pick(LAST));
    let title = rng.pick(TITLES);
    let org = rng.pick(ORGS);
    let place = rng.pick(PLACES);
    let verb = rng.pick(VERBS);
    let unit = rng.pick(UNITS);
    let day = rng.pick(DAYS);
    let n = 1 + rng.below(5000);
    match rng.below(6) {
        0 => format!("{title} {person} {verb} that {n} {unit} were affected in {place} {day}."),
        1 => format!("\"We will reopen the crossing {day},\" {person} {verb}."),
        2 => format!("According to {org}, about {n} {unit} had left {place}."),
        3 => format!("{org} {verb} reports that it had closed the terminal {day}."),
        4 => format!("She {verb} the figure of {n} {unit} was wrong, and {person} agreed."),
        _ => format!("Officials in {place} {verb} {day} that up to {n} {unit} could be moved."),
    }
}

/// An invented article of `sentences` sentences in paragraphs, with a
/// headline.
pub fn article(rng: &mut Rng, sentences: usize) -> String {
    let mut out = format!(
        "{} {} as talks resume\n\n",
        rng.pick(PLACES),
        rng.pick(&["ferry strike", "road closure", "harbour plan"])
    );
    for i in 0..sentences {
        out.push_str(&sentence(rng));
        out.push(if i % 4 == 3 { '\n' } else { ' ' });
        if i % 4 == 3 {
            out.push('\n');
        }
    }
    out
}

/// One invented document of at least `bytes` bytes.
pub fn long_document(bytes: usize, seed: u64) -> String {
    let mut rng = Rng::new(seed);
    let mut out = String::with_capacity(bytes + 200);
    while out.len() < bytes {
        out.push_str(&article(&mut rng, 12));
        out.push('\n');
    }
    out
}

/// An invented HTML news page around `text`.
pub fn page(title: &str, text: &str) -> String {
    let paragraphs: String = text
        .split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .map(|p| format!("<p>{}</p>\n", p.replace('&', "&amp;").replace('<', "&lt;")))
        .collect();
    format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{title}</title>\
         <meta property=\"og:site_name\" content=\"Lindmark Post\"></head>\
         <body><nav><a href=\"/\">Home</a></nav><article><h1>{title}</h1>\n{paragraphs}</article>\
         <footer>Lindmark Post</footer></body></html>"
    )
}

/// One JSONL line for an article.
pub fn jsonl_line(title: &str, text: &str) -> String {
    let record = serde_json::json!({
        "title": title,
        "outlet": "Lindmark Post",
        "published": "2031-03-04",
        "text": text,
    });
    format!("{record}\n")
}

/// A WARC record with `block` as its content.
pub fn warc_record(kind: &str, target: &str, block: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {target}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

/// A WARC `response` record: an HTTP 200 with `headers` and `body`.
pub fn warc_response(target: &str, headers: &str, body: &[u8]) -> Vec<u8> {
    let mut http = format!("HTTP/1.1 200 OK\r\n{headers}\r\n").into_bytes();
    http.extend_from_slice(body);
    warc_record("response", target, &http)
}

/// A WARC response holding an invented HTML page.
pub fn warc_page(n: usize, rng: &mut Rng) -> Vec<u8> {
    let text = article(rng, 6);
    let html = page(&format!("Story {n}"), &text);
    warc_response(
        &format!("https://post.example/{n}"),
        "Content-Type: text/html; charset=utf-8\r\n",
        html.as_bytes(),
    )
}

/// `bytes` as one gzip member.
pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    let _ = enc.write_all(bytes);
    enc.finish().unwrap_or_default()
}

/// Small seed inputs in every format, for the fuzz targets.
pub fn seeds() -> Vec<(String, Vec<u8>)> {
    let mut rng = Rng::new(7);
    let mut seeds = Vec::new();
    let text = article(&mut rng, 8);
    seeds.push(("story.txt".to_string(), text.clone().into_bytes()));
    seeds.push((
        "story.html".to_string(),
        page("Ferry strike ends", &text).into_bytes(),
    ));
    let jsonl: String = (0..3)
        .map(|i| jsonl_line(&format!("Item {i}"), &article(&mut rng, 3)))
        .collect();
    seeds.push(("feed.jsonl".to_string(), jsonl.into_bytes()));
    let mut warc = warc_record("warcinfo", "", b"software: invented\r\n");
    for n in 0..3 {
        warc.extend(warc_page(n, &mut rng));
    }
    seeds.push(("crawl.warc".to_string(), warc.clone()));
    let members: Vec<u8> = (0..3).flat_map(|n| gzip(&warc_page(n, &mut rng))).collect();
    seeds.push(("crawl.warc.gz".to_string(), members));
    let chunked_body = page("Chunked", &article(&mut rng, 2));
    let chunked = format!("{:x}\r\n{chunked_body}\r\n0\r\n\r\n", chunked_body.len());
    seeds.push((
        "chunked.warc".to_string(),
        warc_response(
            "https://post.example/c",
            "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n",
            chunked.as_bytes(),
        ),
    ));
    seeds.push((
        "gzbody.warc".to_string(),
        warc_response(
            "https://post.example/g",
            "Content-Type: text/html\r\nContent-Encoding: gzip\r\n",
            &gzip(page("Zipped", &article(&mut rng, 2)).as_bytes()),
        ),
    ));
    let mut utf16 = vec![0xff, 0xfe];
    utf16.extend(
        page("Wide", &article(&mut rng, 2))
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes()),
    );
    seeds.push(("wide.html".to_string(), utf16));
    seeds.push((
        "numbers.txt".to_string(),
        "Officials said 5% of 1,200 workers, or 60, left; costs rose from $3.5 million to \
         4.2 billion euros, between 10 and 20 tonnes, 5-3 million, 2 1/2 times, nearly 300."
            .as_bytes()
            .to_vec(),
    ));
    seeds.push((
        "dates.txt".to_string(),
        "The talks began on March 4, 2031, resumed last Friday, ended 2031-02-29 and again \
         on the 31st of April; next week at 5 p.m. they meet for three days every month."
            .as_bytes()
            .to_vec(),
    ));
    seeds
}
