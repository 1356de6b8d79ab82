//! Article-body extraction by scoring DOM nodes, in the readability
//! tradition: paragraphs vote for their ancestors by length and commas, the
//! votes are weighted by tag and class/id hints and discounted by link
//! density, the best container and its content-bearing siblings are kept,
//! and their blocks are emitted minus link lists and furniture.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

use crosscheck_model::ParagraphKind;
use ego_tree::iter::Edge;
use ego_tree::{NodeId, NodeRef};
use scraper::{Html, Node};

use super::hints::{hint_for, Hint, HintSets};
use crate::plaintext::Block;

/// Node ids are small integers; hashing them with SipHash would cost more
/// than the extraction itself, so they are spread with one multiplication.
#[derive(Default)]
struct NodeIdHasher(u64);

impl Hasher for NodeIdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        }
    }
    fn write_usize(&mut self, n: usize) {
        self.0 = (self.0 ^ n as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

type NodeMap<V> = HashMap<NodeId, V, BuildHasherDefault<NodeIdHasher>>;
type NodeSet = HashSet<NodeId, BuildHasherDefault<NodeIdHasher>>;

/// Tags whose whole subtree is never article text.
const DROP_TAGS: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "math",
    "iframe",
    "object",
    "embed",
    "canvas",
    "button",
    "input",
    "select",
    "textarea",
    "option",
    "nav",
    "footer",
    "aside",
    "header",
    "figure",
    "figcaption",
    "picture",
    "video",
    "audio",
    "dialog",
    "menu",
    "label",
    "head",
    "title",
    "link",
    "meta",
];

/// ARIA roles of page furniture.
const DROP_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "complementary",
    "contentinfo",
    "menu",
    "menubar",
    "dialog",
    "alert",
    "alertdialog",
    "search",
    "toolbar",
    "tablist",
];

/// Elements that end one text block and start the next.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "blockquote",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "dl",
    "dt",
    "dd",
    "br",
    "hr",
    "address",
    "center",
    "details",
    "summary",
];

/// Elements whose text counts as a paragraph when scoring.
const PARAGRAPH_TAGS: &[&str] = &["p", "pre", "blockquote", "td", "dd"];

/// Shortest paragraph (in characters) that votes.
const MIN_VOTING_CHARS: usize = 25;

#[derive(Debug, Clone, Copy, Default)]
struct Stats {
    text: usize,
    link: usize,
    /// Characters inside paragraph-like descendants.
    paragraph: usize,
    commas: usize,
    /// Characters of text nodes that are direct children.
    direct: usize,
    /// Block quotations inside (embedded posts are quoted content).
    quotes: usize,
}

fn element_name<'a>(node: &NodeRef<'a, Node>) -> Option<&'a str> {
    match node.value() {
        Node::Element(el) => Some(el.name()),
        _ => None,
    }
}

/// Hidden by attribute, inline style or a furniture ARIA role. Reads the
/// attribute list once: `Element::attr` interns its argument on every call.
fn is_hidden(el: &scraper::node::Element) -> bool {
    for (key, value) in el.attrs() {
        let hidden = match key {
            "hidden" => true,
            "aria-hidden" => value.eq_ignore_ascii_case("true"),
            "style" => {
                let style: String = value
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .collect::<String>()
                    .to_ascii_lowercase();
                style.contains("display:none") || style.contains("visibility:hidden")
            }
            "role" => DROP_ROLES.contains(&value.to_ascii_lowercase().as_str()),
            _ => false,
        };
        if hidden {
            return true;
        }
    }
    false
}

fn hard_dropped(node: &NodeRef<'_, Node>) -> bool {
    match node.value() {
        Node::Element(el) => DROP_TAGS.contains(&el.name()) || is_hidden(el),
        Node::Comment(_) | Node::ProcessingInstruction(_) | Node::Doctype(_) => true,
        _ => false,
    }
}

fn non_space_chars(text: &str) -> (usize, usize) {
    let mut chars = 0;
    let mut commas = 0;
    for c in text.chars() {
        if !c.is_whitespace() {
            chars += 1;
        }
        if matches!(c, ',' | '，' | '、') {
            commas += 1;
        }
    }
    (chars, commas)
}

/// The walk both the statistics and the text take: every edge under `root`
/// except those inside the subtrees in `dropped` and those `hard_dropped`
/// says to skip (whose own edges are left out too).
fn kept_edges<'a>(
    root: NodeRef<'a, Node>,
    dropped: &'a NodeSet,
) -> impl Iterator<Item = Edge<'a, Node>> + 'a {
    let mut skipping: Option<NodeId> = None;
    root.traverse().filter(move |edge| match edge {
        Edge::Open(node) => {
            if skipping.is_some() {
                return false;
            }
            if hard_dropped(node) || dropped.contains(&node.id()) {
                skipping = Some(node.id());
                return false;
            }
            true
        }
        Edge::Close(node) => match skipping {
            Some(skip) => {
                if skip == node.id() {
                    skipping = None;
                }
                false
            }
            None => true,
        },
    })
}

/// One pass over the tree computing per-element statistics, skipping the
/// subtrees in `dropped` and those `hard_dropped` says to skip.
fn collect_stats(root: NodeRef<'_, Node>, dropped: &NodeSet) -> NodeMap<Stats> {
    let mut out = NodeMap::default();
    let mut stack: Vec<Stats> = Vec::new();
    let mut link_depth = 0usize;
    for edge in kept_edges(root, dropped) {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(el) => {
                    if el.name() == "a" {
                        link_depth += 1;
                    }
                    stack.push(Stats::default());
                }
                Node::Text(text) => {
                    let (chars, commas) = non_space_chars(text);
                    if let Some(top) = stack.last_mut() {
                        top.text += chars;
                        top.commas += commas;
                        top.direct += chars;
                        if link_depth > 0 {
                            top.link += chars;
                        }
                    }
                }
                _ => {}
            },
            Edge::Close(node) => {
                let Node::Element(el) = node.value() else {
                    continue;
                };
                if el.name() == "a" {
                    link_depth = link_depth.saturating_sub(1);
                }
                let Some(mut stats) = stack.pop() else {
                    continue;
                };
                if el.name() == "blockquote" && stats.text > 0 {
                    stats.quotes += 1;
                }
                if PARAGRAPH_TAGS.contains(&el.name())
                    || (stats.direct >= MIN_VOTING_CHARS && !BLOCK_TAGS.contains(&el.name()))
                {
                    stats.paragraph = stats.text;
                } else if stats.direct >= MIN_VOTING_CHARS
                    && matches!(el.name(), "div" | "section" | "article")
                {
                    stats.paragraph = stats.paragraph.max(stats.direct);
                }
                if let Some(parent) = stack.last_mut() {
                    parent.text += stats.text;
                    parent.link += stats.link;
                    parent.paragraph += stats.paragraph;
                    parent.commas += stats.commas;
                    parent.quotes += stats.quotes;
                }
                out.insert(node.id(), stats);
            }
        }
    }
    out
}

/// Class/id hints of every element that has a class or id, read once.
fn collect_hints(root: NodeRef<'_, Node>, sets: &HintSets) -> NodeMap<Hint> {
    let mut out = NodeMap::default();
    for node in root.descendants() {
        let hint = read_hint(&node, sets);
        if hint != Hint::default() {
            out.insert(node.id(), hint);
        }
    }
    out
}

fn hint_at(hints: &NodeMap<Hint>, id: NodeId) -> Hint {
    hints.get(&id).copied().unwrap_or_default()
}

fn read_hint(node: &NodeRef<'_, Node>, sets: &HintSets) -> Hint {
    let Node::Element(el) = node.value() else {
        return Hint::default();
    };
    let (mut class, mut id) = (None, None);
    for (key, value) in el.attrs() {
        match key {
            "class" => class = Some(value),
            "id" => id = Some(value),
            _ => {}
        }
    }
    if class.is_none() && id.is_none() {
        return Hint::default();
    }
    hint_for(sets, class, id)
}

/// Elements whose class/id mark them as furniture, unless they are
/// structural roots, carry a content hint, or hold most of the page's
/// paragraph text (a "content-with-sidebar" wrapper).
fn furniture_by_hint(
    root: NodeRef<'_, Node>,
    stats: &NodeMap<Stats>,
    hints: &NodeMap<Hint>,
    protected: &NodeSet,
) -> NodeSet {
    // The document node itself has no stats; its <html> child holds all.
    let total = stats
        .values()
        .map(|s| s.paragraph)
        .max()
        .unwrap_or(0)
        .max(1);
    let mut out = NodeSet::default();
    for node in root.descendants() {
        let Some(name) = element_name(&node) else {
            continue;
        };
        if matches!(name, "html" | "body" | "main" | "article") {
            continue;
        }
        let hint = hint_at(hints, node.id());
        if !hint.furniture || hint.content {
            continue;
        }
        let share = stats.get(&node.id()).map_or(0, |s| s.paragraph);
        // A weakly hinted wrapper around a quotation ("social-embed"
        // around an embedded post) holds quoted content, not furniture.
        let quotes = stats.get(&node.id()).map_or(0, |s| s.quotes);
        if !hint.strong_furniture && quotes > 0 {
            continue;
        }
        if hint.strong_furniture || (share * 2 < total && !protected.contains(&node.id())) {
            out.insert(node.id());
        }
    }
    out
}

fn tag_weight(name: &str) -> f64 {
    match name {
        "article" => 10.0,
        "main" => 5.0,
        "div" | "section" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    }
}

fn class_weight(hint: Hint) -> f64 {
    let mut w = 0.0;
    if hint.content {
        w += 25.0;
    } else if hint.boost {
        w += 10.0;
    }
    if hint.furniture {
        w -= 25.0;
    }
    w
}

/// Readability-style candidate scores: each voting paragraph adds
/// 1 + commas + min(len/100, 3) to its parent, half to its grandparent and a
/// third to the next ancestor.
fn candidate_scores(
    root: NodeRef<'_, Node>,
    stats: &NodeMap<Stats>,
    hints: &NodeMap<Hint>,
) -> NodeMap<f64> {
    let mut scores: NodeMap<f64> = NodeMap::default();
    for node in root.descendants() {
        let Some(name) = element_name(&node) else {
            continue;
        };
        let Some(s) = stats.get(&node.id()) else {
            continue;
        };
        let votes = PARAGRAPH_TAGS.contains(&name)
            || (s.direct >= MIN_VOTING_CHARS
                && matches!(name, "div" | "section" | "span" | "font" | "article"));
        if !votes || s.text < MIN_VOTING_CHARS {
            continue;
        }
        let vote = 1.0 + s.commas as f64 + (s.text as f64 / 100.0).min(3.0);
        // Text written straight into a container (lines split by <br>)
        // votes for that container itself as well.
        if s.direct >= MIN_VOTING_CHARS && !PARAGRAPH_TAGS.contains(&name) {
            let entry = scores
                .entry(node.id())
                .or_insert_with(|| tag_weight(name) + class_weight(hint_at(hints, node.id())));
            *entry += vote;
        }
        for (level, ancestor) in node.ancestors().take(3).enumerate() {
            let Some(aname) = element_name(&ancestor) else {
                break;
            };
            let entry = scores
                .entry(ancestor.id())
                .or_insert_with(|| tag_weight(aname) + class_weight(hint_at(hints, ancestor.id())));
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                _ => level as f64 * 3.0,
            };
            *entry += vote / divider;
        }
    }
    for (id, score) in scores.iter_mut() {
        let density = stats.get(id).map_or(0.0, |s| {
            if s.text == 0 {
                0.0
            } else {
                s.link as f64 / s.text as f64
            }
        });
        *score *= 1.0 - density;
    }
    scores
}

fn link_density(stats: &NodeMap<Stats>, id: NodeId) -> f64 {
    stats.get(&id).map_or(1.0, |s| {
        if s.text == 0 {
            1.0
        } else {
            s.link as f64 / s.text as f64
        }
    })
}

/// The highest-scoring candidate (ties broken by document order).
fn best_candidate(scores: &NodeMap<f64>) -> Option<NodeId> {
    scores
        .iter()
        .filter(|(_, s)| s.is_finite())
        .max_by(|a, b| a.1.total_cmp(b.1).then_with(|| b.0.cmp(a.0)))
        .map(|(id, _)| *id)
}

/// The top candidate and those of its siblings that carry content.
fn select_roots<'a>(
    doc: &'a Html,
    stats: &NodeMap<Stats>,
    scores: &NodeMap<f64>,
    hints: &NodeMap<Hint>,
) -> Vec<NodeRef<'a, Node>> {
    let best = best_candidate(scores).and_then(|id| scores.get(&id).map(|s| (id, *s)));
    let Some((best_id, best_score)) = best else {
        return doc.tree.root().children().collect();
    };
    let Some(mut top) = doc.tree.get(best_id) else {
        return Vec::new();
    };
    // Climb while the parent adds only wrappers or more paragraphs (an
    // article split into several sibling sections), not link lists.
    while let Some(parent) = top.parent() {
        if !matches!(element_name(&parent), Some(n) if n != "body" && n != "html") {
            break;
        }
        let (Some(ps), Some(ts)) = (stats.get(&parent.id()), stats.get(&top.id())) else {
            break;
        };
        let extra_text = ps.text.saturating_sub(ts.text);
        let extra_par = ps.paragraph.saturating_sub(ts.paragraph);
        let extra_link = ps.link.saturating_sub(ts.link);
        let wrapper_only = extra_text <= ts.text / 20;
        let more_paragraphs = extra_par as f64 >= 0.25 * ts.paragraph as f64
            && extra_par as f64 >= 0.7 * extra_text as f64
            && (extra_link as f64) < 0.2 * extra_text as f64
            && !hint_at(hints, parent.id()).furniture;
        if wrapper_only || more_paragraphs {
            top = parent;
            continue;
        }
        break;
    }
    let Some(parent) = top.parent() else {
        return vec![top];
    };
    let threshold = (best_score * 0.2).max(10.0);
    let mut roots = Vec::new();
    for sibling in parent.children() {
        if sibling.id() == top.id() {
            roots.push(sibling);
            continue;
        }
        let Some(name) = element_name(&sibling) else {
            continue;
        };
        let score = scores.get(&sibling.id()).copied().unwrap_or(0.0);
        let Some(s) = stats.get(&sibling.id()) else {
            continue;
        };
        let density = link_density(stats, sibling.id());
        let include = score >= threshold && density < 0.4
            || (name == "p" && s.text > 80 && density < 0.25)
            || (name == "p"
                && s.text > 0
                && density == 0.0
                && s.commas + 1 > 0
                && s.text <= 80
                && s.text >= 20);
        if include {
            roots.push(sibling);
        }
    }
    roots
}

struct Emitter {
    blocks: Vec<(ParagraphKind, String, usize, usize)>,
    text: String,
    link_chars: usize,
    heading_depth: usize,
    list_depth: usize,
    h1_depth: usize,
}

impl Emitter {
    fn flush(&mut self) {
        let text = self.text.split_whitespace().collect::<Vec<_>>().join(" ");
        self.text.clear();
        let links = std::mem::take(&mut self.link_chars);
        if text.is_empty() {
            return;
        }
        let kind = if self.h1_depth > 0 {
            ParagraphKind::Headline
        } else if self.heading_depth > 0 {
            ParagraphKind::Heading
        } else if self.list_depth > 0 {
            ParagraphKind::ListItem
        } else {
            ParagraphKind::Body
        };
        let chars = text.chars().filter(|c| !c.is_whitespace()).count();
        self.blocks.push((kind, text, chars, links));
    }
}

/// Emits the text blocks under `roots`, skipping dropped subtrees.
fn emit_blocks(
    roots: &[NodeRef<'_, Node>],
    dropped: &NodeSet,
) -> Vec<(ParagraphKind, String, usize, usize)> {
    let mut em = Emitter {
        blocks: Vec::new(),
        text: String::new(),
        link_chars: 0,
        heading_depth: 0,
        list_depth: 0,
        h1_depth: 0,
    };
    for root in roots {
        let mut link_depth = 0usize;
        for edge in kept_edges(*root, dropped) {
            match edge {
                Edge::Open(node) => match node.value() {
                    Node::Element(el) => {
                        let name = el.name();
                        if BLOCK_TAGS.contains(&name) {
                            em.flush();
                        }
                        match name {
                            "a" => link_depth += 1,
                            "h1" => em.h1_depth += 1,
                            "h2" | "h3" | "h4" | "h5" | "h6" => em.heading_depth += 1,
                            "li" | "dt" | "dd" => em.list_depth += 1,
                            _ => {}
                        }
                    }
                    Node::Text(text) => {
                        em.text.push_str(text);
                        if link_depth > 0 {
                            em.link_chars += text.chars().filter(|c| !c.is_whitespace()).count();
                        }
                    }
                    _ => {}
                },
                Edge::Close(node) => {
                    let Node::Element(el) = node.value() else {
                        continue;
                    };
                    let name = el.name();
                    if BLOCK_TAGS.contains(&name) {
                        em.flush();
                    }
                    match name {
                        "a" => link_depth = link_depth.saturating_sub(1),
                        "h1" => em.h1_depth = em.h1_depth.saturating_sub(1),
                        "h2" | "h3" | "h4" | "h5" | "h6" => {
                            em.heading_depth = em.heading_depth.saturating_sub(1)
                        }
                        "li" | "dt" | "dd" => em.list_depth = em.list_depth.saturating_sub(1),
                        _ => {}
                    }
                }
            }
        }
        em.flush();
    }
    em.blocks
}

/// The article body of a parsed page as blocks (headings, list items, body
/// paragraphs), without the page's `<h1>` title. `sets` are the class/id
/// hints to read elements by.
pub fn extract_body(doc: &Html, sets: &HintSets) -> Vec<Block> {
    let root = doc.tree.root();
    let none = NodeSet::default();
    let hints = collect_hints(root, sets);
    let first = collect_stats(root, &none);
    // The best container before class hints are applied, and its
    // ancestors, are protected from weak hints: a "widget" or "sidebar"
    // class on a wrapper must not remove the story it wraps.
    let first_scores = candidate_scores(root, &first, &hints);
    let protected: NodeSet = best_candidate(&first_scores)
        .and_then(|id| doc.tree.get(id))
        .map(|best| {
            std::iter::once(best.id())
                .chain(best.ancestors().map(|a| a.id()))
                .collect()
        })
        .unwrap_or_default();
    let dropped = furniture_by_hint(root, &first, &hints, &protected);
    let stats = collect_stats(root, &dropped);
    let scores = candidate_scores(root, &stats, &hints);
    let roots = select_roots(doc, &stats, &scores, &hints);
    let raw = emit_blocks(&roots, &dropped);
    raw.into_iter()
        .filter(|(kind, _, chars, links)| {
            *kind != ParagraphKind::Headline && (*links as f64) <= (*chars as f64) * 0.5
        })
        .map(|(kind, text, _, _)| Block::new(kind, text))
        .collect()
}
