//! The recogniser's lexicon: the gazetteer, the tagger's name lists and
//! word clusters, and the word lists the rules read (company legal forms,
//! organisation heads, locative words, surname-first surnames, nouns of a
//! post), built in one place from the data files beside this crate.
//!
//! Extractors hold the lexicon they read (`EntityRecognizer` holds an
//! `Arc<Lexicon>`) instead of reaching for process-wide tables, so a test
//! can hand one a lexicon of its own ([`LexiconData`] → [`Lexicon::from_data`]).
//! [`Lexicon::standard`] is the lexicon of the files built into the binary,
//! parsed once and shared.

use std::borrow::Cow;
use std::collections::HashSet;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, LazyLock};

use crate::clusters::Clusters;
use crate::fasthash::FastSet;
use crate::gazetteer::Gazetteer;
use crate::name_lists::NameLists;

/// The texts and tables a [`Lexicon`] is built from, one field per data
/// file. [`LexiconData::standard`] holds the files built into the binary;
/// a test may change any of them (`to_mut()`) before
/// [`Lexicon::from_data`].
#[derive(Debug, Clone)]
pub struct LexiconData {
    /// `data/countries.tsv`: name, ISO code, coordinates, aliases,
    /// demonyms, capital and its coordinates.
    pub countries: Cow<'static, str>,
    /// `data/cities.tsv`: major cities.
    pub cities: Cow<'static, str>,
    /// `data/regions.tsv`: continents and world regions.
    pub regions: Cow<'static, str>,
    /// `data/seats.tsv`: seats of government and their countries.
    pub seats: Cow<'static, str>,
    /// `data/organizations.tsv`: well-known organisations and aliases.
    pub organizations: Cow<'static, str>,
    /// `data/demonym_extra.txt`: group words of no one country.
    pub groups: Cow<'static, str>,
    /// `data/given_names.txt`: given names.
    pub given_names: Cow<'static, str>,
    /// `data/org_words.txt`: words of organisation names.
    pub org_words: Cow<'static, str>,
    /// `data/company_suffixes.txt`: legal forms ending company names.
    pub company_suffixes: Cow<'static, str>,
    /// `data/org_heads.txt`: head words ending organisation names.
    pub org_heads: Cow<'static, str>,
    /// `data/locative_words.txt`: words after which a capital is the place.
    pub locatives: Cow<'static, str>,
    /// `data/surname_first.txt`: surnames written before the given name.
    pub surname_first: Cow<'static, str>,
    /// `data/role_heads.txt`: nouns of a post that end a title.
    pub role_heads: Cow<'static, str>,
    /// `model/name_lists.bin`: the derived name lists (deflated).
    pub name_lists: Cow<'static, [u8]>,
    /// `model/clusters.bin`: the word cluster table (deflated).
    pub clusters: Cow<'static, [u8]>,
}

impl LexiconData {
    /// The data files built into the binary.
    pub fn standard() -> LexiconData {
        LexiconData {
            countries: Cow::Borrowed(include_str!("../data/countries.tsv")),
            cities: Cow::Borrowed(include_str!("../data/cities.tsv")),
            regions: Cow::Borrowed(include_str!("../data/regions.tsv")),
            seats: Cow::Borrowed(include_str!("../data/seats.tsv")),
            organizations: Cow::Borrowed(include_str!("../data/organizations.tsv")),
            groups: Cow::Borrowed(include_str!("../data/demonym_extra.txt")),
            given_names: Cow::Borrowed(include_str!("../data/given_names.txt")),
            org_words: Cow::Borrowed(include_str!("../data/org_words.txt")),
            company_suffixes: Cow::Borrowed(include_str!("../data/company_suffixes.txt")),
            org_heads: Cow::Borrowed(include_str!("../data/org_heads.txt")),
            locatives: Cow::Borrowed(include_str!("../data/locative_words.txt")),
            surname_first: Cow::Borrowed(include_str!("../data/surname_first.txt")),
            role_heads: Cow::Borrowed(include_str!("../data/role_heads.txt")),
            name_lists: Cow::Borrowed(include_bytes!("../model/name_lists.bin")),
            clusters: Cow::Borrowed(include_bytes!("../model/clusters.bin")),
        }
    }
}

impl Default for LexiconData {
    fn default() -> LexiconData {
        LexiconData::standard()
    }
}

/// Everything the recogniser looks words up in. Built once per data set
/// ([`Lexicon::from_data`]); [`Lexicon::standard`] is parsed once and
/// shared.
pub struct Lexicon {
    pub(crate) gazetteer: Gazetteer,
    /// The tagger's name-list features (the derived lists and the
    /// gazetteer's names).
    pub(crate) name_lists: NameLists,
    /// The tagger's word-cluster features.
    pub(crate) clusters: Clusters,
    /// Legal forms ending company names ("Corp", "Ltd").
    pub(crate) company_suffixes: FastSet<String>,
    /// Words that end organisation names ("Institute", "Centre").
    pub(crate) org_heads: FastSet<String>,
    /// Words after which a capital is the place, not its government ("in
    /// Moscow").
    pub(crate) locatives: HashSet<String>,
    /// Korean, Chinese and Vietnamese surnames, written before the given
    /// name.
    pub(crate) surname_first: HashSet<String>,
    /// Nouns of a post that end a title ("Adviser", "Senator").
    pub(crate) role_heads: HashSet<String>,
    /// Identifies this lexicon to the tagger's per-thread word memo, whose
    /// word facts hold cluster ids and so must not outlive a swap of
    /// lexicon (each lexicon built gets its own id).
    pub(crate) id: u64,
}

/// The lexicon of the built-in files, parsed on first use. Kept as the
/// one cache behind [`Lexicon::standard`] so that every recogniser made
/// with `new()` shares one copy instead of parsing the files again.
static STANDARD: LazyLock<Arc<Lexicon>> =
    LazyLock::new(|| Arc::new(Lexicon::from_data(&LexiconData::standard())));

/// One word a line (comments and blank lines skipped), as written.
fn words<S: FromIterator<String>>(text: &str) -> S {
    crosscheck_lexicon::lines(text)
        .map(str::to_string)
        .collect()
}

fn next_id() -> u64 {
    // Counts lexicons built, for `Lexicon::id`.
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

impl Lexicon {
    /// The lexicon of the files built into the binary (shared, parsed
    /// once).
    pub fn standard() -> Arc<Lexicon> {
        Arc::clone(&STANDARD)
    }

    /// [`Lexicon::standard`] for the convenience functions that hand out
    /// names borrowed from it for the life of the program.
    pub(crate) fn standard_ref() -> &'static Lexicon {
        &STANDARD
    }

    /// A lexicon of `data`. A damaged cluster or name-list table leaves
    /// those features empty rather than failing (tests rule that out for
    /// the built-in ones).
    pub fn from_data(data: &LexiconData) -> Lexicon {
        let gazetteer = Gazetteer::from_data(data);
        let name_lists = NameLists::build(&data.name_lists, &gazetteer);
        Lexicon {
            name_lists,
            gazetteer,
            clusters: Clusters::from_bytes(&data.clusters).unwrap_or_default(),
            company_suffixes: words(&data.company_suffixes),
            org_heads: words(&data.org_heads),
            locatives: words(&data.locatives),
            surname_first: words(&data.surname_first),
            role_heads: words(&data.role_heads),
            id: next_id(),
        }
    }

    /// The countries `words` (one phrase, as tokens) name, by their
    /// gazetteer names, in the order named: directly ("Velora"), by
    /// demonym ("Veloran"), or by a capital or seat of government standing
    /// for it ("the Kremlin").
    pub fn countries_named(&self, words: &[&str]) -> Vec<&str> {
        use crate::gazetteer::Place;
        let gaz = &self.gazetteer;
        let mut found = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let Some((len, place)) = gaz.longest_match(words, i) else {
                i += 1;
                continue;
            };
            let country = match place {
                Place::Country(c) | Place::Demonym(Some(c)) => gaz.countries.get(c),
                Place::Capital(_) | Place::Seat(_) => gaz.metonym_referent(place),
                _ => None,
            };
            found.extend(country.map(|c| c.name.as_str()));
            i += len.max(1);
        }
        found
    }
}

impl std::fmt::Debug for Lexicon {
    // The tables run to hundreds of thousands of entries: their sizes say
    // enough.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lexicon")
            .field("id", &self.id)
            .field("countries", &self.gazetteer.countries.len())
            .field("company_suffixes", &self.company_suffixes.len())
            .field("org_heads", &self.org_heads.len())
            .finish_non_exhaustive()
    }
}
