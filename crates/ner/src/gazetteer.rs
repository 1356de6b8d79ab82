//! The gazetteer: countries (ISO 3166 names, capitals, demonyms,
//! coordinates), major cities, seats of government, well-known
//! organisations, titles, given names and organisation words, read from a
//! [`crate::LexiconData`] (the data files beside this crate, by default) as
//! part of a [`crate::Lexicon`].

use crosscheck_lexicon::shared::{titles, TitleUse};

use crate::fasthash::{FastMap as HashMap, FastSet as HashSet};
use crate::lexicon::LexiconData;
use crate::normalize::{fold, fold_into};
use crate::tokens::text_tokens;

/// Longest gazetteer name in tokens ("Democratic People 's Republic of Korea").
pub(crate) const MAX_NAME_TOKENS: usize = 7;

#[derive(Debug, Clone)]
pub(crate) struct Country {
    pub(crate) name: String,
    pub(crate) coordinates: [f64; 2],
    pub(crate) capital: String,
    pub(crate) capital_coordinates: [f64; 2],
}

/// What a gazetteer name denotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Place {
    /// Index into [`Gazetteer::countries`].
    Country(usize),
    /// A national capital (the country's index); a metonym when it acts.
    Capital(usize),
    /// A city or region: index into [`Gazetteer::cities`].
    City(usize),
    /// A building or address standing for a government (the Kremlin).
    Seat(usize),
    /// A nationality or group word; the country it comes from, if any.
    Demonym(Option<usize>),
    /// A well-known organisation: index into [`Gazetteer::organizations`].
    Organization(usize),
}

impl Place {
    /// Short class name used as a tagger feature.
    pub(crate) fn class(&self) -> &'static str {
        match self {
            Place::Country(_) => "country",
            Place::Capital(_) => "capital",
            Place::City(_) => "city",
            Place::Seat(_) => "seat",
            Place::Demonym(_) => "demonym",
            Place::Organization(_) => "org",
        }
    }
}

#[derive(Debug, Clone)]
pub(crate) struct City {
    pub(crate) name: String,
    pub(crate) coordinates: [f64; 2],
}

#[derive(Debug, Clone)]
pub(crate) struct Seat {
    pub(crate) name: String,
    pub(crate) country: Option<usize>,
    pub(crate) coordinates: [f64; 2],
}

#[derive(Debug, Clone)]
pub(crate) struct Gazetteer {
    pub(crate) countries: Vec<Country>,
    pub(crate) cities: Vec<City>,
    pub(crate) seats: Vec<Seat>,
    /// Canonical organisation names.
    pub(crate) organizations: Vec<String>,
    /// Folded token sequence (space-joined) → what it names. Short all-caps
    /// aliases ("US", "AU") are kept in `exact` instead so "us" never matches.
    names: HashMap<String, Place>,
    exact: HashMap<String, Place>,
    /// Every token-prefix of a key in `names` ("north", "north korea"), so
    /// a match attempt stops as soon as no longer name can follow.
    prefixes: HashSet<String>,
    /// Canonical group name per demonym key ("north koreans" → "North Korean").
    demonym_names: HashMap<String, String>,
    titles: HashSet<String>,
    given_names: HashSet<String>,
    org_words: HashSet<String>,
}

/// The rows of a gazetteer file, as trimmed tab-separated columns.
fn data_lines(text: &str) -> impl Iterator<Item = Vec<&str>> {
    crosscheck_lexicon::entries(text).map(|e| e.columns().collect())
}

fn coord(fields: &[&str], lat: usize, lon: usize) -> [f64; 2] {
    let get = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    [get(lat), get(lon)]
}

fn list(field: Option<&&str>) -> Vec<String> {
    field
        .map(|f| {
            f.split('|')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

/// The lookup key of a name: its tokens folded and joined by spaces.
pub(crate) fn key_of(name: &str) -> String {
    // Folded straight into one buffer (the tokens' folds joined by spaces).
    let mut key = String::with_capacity(name.len());
    let (layer, toks) = text_tokens(name);
    for (k, t) in toks.iter().enumerate() {
        if k > 0 {
            key.push(' ');
        }
        key.push_str(layer.fold(t));
    }
    key
}

fn is_short_acronym(name: &str) -> bool {
    name.chars().filter(|c| c.is_alphabetic()).count() <= 3
        && name.chars().all(|c| c.is_uppercase() || c == '.')
}

/// The folded words of a list written several to a line.
fn word_set(text: &str) -> HashSet<String> {
    crosscheck_lexicon::lines(text)
        .flat_map(str::split_whitespace)
        .map(fold)
        .collect()
}

impl Gazetteer {
    /// The gazetteer of `data`'s place, organisation and name files (part
    /// of a [`crate::Lexicon`]).
    pub(crate) fn from_data(data: &LexiconData) -> Gazetteer {
        let mut g = Gazetteer {
            countries: Vec::new(),
            cities: Vec::new(),
            seats: Vec::new(),
            organizations: Vec::new(),
            names: HashMap::default(),
            exact: HashMap::default(),
            prefixes: HashSet::default(),
            demonym_names: HashMap::default(),
            titles: titles(TitleUse::NameTitle)
                .flat_map(str::split_whitespace)
                .map(fold)
                .collect(),
            given_names: word_set(&data.given_names),
            org_words: word_set(&data.org_words),
        };
        g.load_countries(&data.countries);
        g.load_places(&data.cities, (2, 3), 4);
        // Continents and world regions: places like cities, of no one country.
        g.load_places(&data.regions, (1, 2), 3);
        g.load_seats(&data.seats);
        g.load_organizations(&data.organizations);
        for f in data_lines(&data.groups) {
            let Some(name) = f.first() else { continue };
            g.add(name, Place::Demonym(None));
            g.demonym_names
                .insert(key_of(name), name.trim_end_matches('s').to_string());
        }
        g
    }

    /// Countries: names, aliases, demonyms and capitals.
    fn load_countries(&mut self, data: &str) {
        for f in data_lines(data) {
            // A row names a country and its ISO code (column 2) at least.
            let (Some(name), Some(_)) = (f.first(), f.get(1)) else {
                continue;
            };
            let idx = self.countries.len();
            let capital = f.get(6).copied().unwrap_or_default().to_string();
            self.countries.push(Country {
                name: name.to_string(),
                coordinates: coord(&f, 2, 3),
                capital: capital.clone(),
                capital_coordinates: coord(&f, 7, 8),
            });
            self.add(name, Place::Country(idx));
            for alias in list(f.get(4)) {
                self.add(&alias, Place::Country(idx));
            }
            let demonyms = list(f.get(5));
            if let Some(first) = demonyms.first() {
                for d in &demonyms {
                    self.add(d, Place::Demonym(Some(idx)));
                    self.demonym_names.insert(key_of(d), first.clone());
                }
            }
            if !capital.is_empty() && capital != *name {
                self.add(&capital, Place::Capital(idx));
            }
        }
    }

    /// Cities or regions from `data`: name, coordinates in columns
    /// `(lat, lon)`, aliases in column `aliases`.
    fn load_places(&mut self, data: &str, (lat, lon): (usize, usize), aliases: usize) {
        for f in data_lines(data) {
            let Some(name) = f.first() else { continue };
            let idx = self.cities.len();
            self.cities.push(City {
                name: name.to_string(),
                coordinates: coord(&f, lat, lon),
            });
            self.add(name, Place::City(idx));
            for alias in list(f.get(aliases)) {
                self.add(&alias, Place::City(idx));
            }
        }
    }

    /// Seats of government and the countries they stand for.
    fn load_seats(&mut self, data: &str) {
        for f in data_lines(data) {
            let Some(name) = f.first() else { continue };
            let country = f.get(1).and_then(|c| self.country_by_name(c));
            let idx = self.seats.len();
            self.seats.push(Seat {
                name: name.to_string(),
                country,
                coordinates: coord(&f, 2, 3),
            });
            self.add(name, Place::Seat(idx));
        }
    }

    fn load_organizations(&mut self, data: &str) {
        for f in data_lines(data) {
            let Some(name) = f.first() else { continue };
            let idx = self.organizations.len();
            self.organizations.push(name.to_string());
            self.add(name, Place::Organization(idx));
            for alias in list(f.get(1)) {
                self.add(&alias, Place::Organization(idx));
            }
        }
    }

    fn add(&mut self, name: &str, place: Place) {
        let key = key_of(name);
        if key.is_empty() {
            return;
        }
        if is_short_acronym(name) {
            self.exact.entry(name.to_string()).or_insert(place);
        } else {
            for (at, _) in key.match_indices(' ') {
                if let Some(prefix) = key.get(..at) {
                    self.prefixes.insert(prefix.to_string());
                }
            }
            self.prefixes.insert(key.clone());
            // The first meaning listed wins ("Georgia" the country before any
            // later city of that name).
            self.names.entry(key).or_insert(place);
        }
    }

    pub(crate) fn country_by_name(&self, name: &str) -> Option<usize> {
        match self.lookup(name) {
            Some(Place::Country(i)) => Some(i),
            _ => None,
        }
    }

    /// What `name` (surface text) denotes, if the gazetteer knows it.
    pub(crate) fn lookup(&self, name: &str) -> Option<Place> {
        let trimmed = name.trim();
        let stripped = trimmed
            .strip_prefix("the ")
            .or_else(|| trimmed.strip_prefix("The "))
            .unwrap_or(trimmed);
        if let Some(p) = self.exact.get(stripped) {
            return Some(*p);
        }
        if is_short_acronym(stripped) {
            return None;
        }
        if !stripped.chars().next().is_some_and(char::is_uppercase) {
            return None;
        }
        self.names.get(&key_of(stripped)).copied()
    }

    /// Longest gazetteer name starting at token `i` of `words` (surface
    /// forms): its length in tokens and meaning. Names must start with a
    /// capital letter.
    pub(crate) fn longest_match(&self, words: &[&str], i: usize) -> Option<(usize, Place)> {
        self.longest_match_with(words, i, fold_into)
    }

    /// [`Gazetteer::longest_match`] for a sentence whose words the caller
    /// has already folded (`folded[k]` is `fold(words[k])`).
    pub(crate) fn longest_match_folded<S: AsRef<str>>(
        &self,
        words: &[&str],
        folded: &[S],
        i: usize,
    ) -> Option<(usize, Place)> {
        let at = |k: usize| folded.get(k).map_or("", AsRef::as_ref);
        let base = i;
        let mut n = 0;
        self.longest_match_with(words, i, |_, key| {
            key.push_str(at(base + n));
            n += 1;
        })
    }

    /// The match loop; `push_folded(word, key)` appends the folded form of
    /// the next word (words are visited in order from `i`).
    fn longest_match_with(
        &self,
        words: &[&str],
        i: usize,
        mut push_folded: impl FnMut(&str, &mut String),
    ) -> Option<(usize, Place)> {
        thread_local! {
            /// The key buffer, kept between calls: the rules ask for matches
            /// at most capitalised words, and a fresh `String` each time was
            /// a large share of their allocations.
            static KEY: std::cell::Cell<String> = const { std::cell::Cell::new(String::new()) };
        }
        let first = words.get(i)?;
        if !first.chars().next().is_some_and(char::is_uppercase) {
            return None;
        }
        let mut key = KEY.take();
        key.clear();
        let best = self.longest_match_into(words, i, &mut push_folded, &mut key);
        KEY.set(key);
        best
    }

    fn longest_match_into(
        &self,
        words: &[&str],
        i: usize,
        push_folded: &mut impl FnMut(&str, &mut String),
        key: &mut String,
    ) -> Option<(usize, Place)> {
        let mut best = None;
        for n in 1..=MAX_NAME_TOKENS {
            let Some(w) = words.get(i + n - 1) else { break };
            if n == 1 {
                // Only short acronyms are kept exact: other words skip the probe.
                let acronym = !w.bytes().any(|b| b.is_ascii_lowercase()) && is_short_acronym(w);
                if let Some(p) = acronym.then(|| self.exact.get(*w)).flatten() {
                    best = Some((1, *p));
                }
            } else {
                key.push(' ');
            }
            push_folded(w, key);
            // No name starts with these words: no longer one can either.
            if !self.prefixes.contains(key.as_str()) {
                break;
            }
            if let Some(p) = self.names.get(key.as_str()) {
                best = Some((n, *p));
            }
        }
        best
    }

    /// Every name the gazetteer knows, as its folded key (tokens joined by
    /// spaces) and meaning; for the tagger's name-list features.
    pub(crate) fn entries(&self) -> impl Iterator<Item = (String, Place)> + '_ {
        let names = self.names.iter().map(|(k, p)| (k.clone(), *p));
        let exact = self.exact.iter().map(|(k, p)| (key_of(k), *p));
        names.chain(exact)
    }

    /// The one-word lists: titles, given names, organisation words (folded).
    pub(crate) fn word_lists(&self) -> [(&'static str, &HashSet<String>); 3] {
        [
            ("title", &self.titles),
            ("given_hand", &self.given_names),
            ("org_word", &self.org_words),
        ]
    }

    /// Canonical group name for a demonym ("North Koreans" → "North Korean").
    pub(crate) fn group_name(&self, text: &str) -> Option<&str> {
        self.demonym_names.get(&key_of(text)).map(String::as_str)
    }

    /// Name and coordinates of a place meaning.
    pub(crate) fn describe(&self, place: Place) -> Option<(String, Option<[f64; 2]>)> {
        Some(match place {
            Place::Country(i) => {
                let c = self.countries.get(i)?;
                (c.name.clone(), Some(c.coordinates))
            }
            Place::Capital(i) => {
                let c = self.countries.get(i)?;
                (c.capital.clone(), Some(c.capital_coordinates))
            }
            Place::City(i) => {
                let c = self.cities.get(i)?;
                (c.name.clone(), Some(c.coordinates))
            }
            Place::Seat(i) => {
                let s = self.seats.get(i)?;
                (s.name.clone(), Some(s.coordinates))
            }
            Place::Organization(i) => (self.organizations.get(i)?.clone(), None),
            Place::Demonym(_) => return None,
        })
    }

    /// The country a capital or seat of government stands for.
    pub(crate) fn metonym_referent(&self, place: Place) -> Option<&Country> {
        match place {
            Place::Capital(i) => self.countries.get(i),
            Place::Seat(i) => self
                .seats
                .get(i)
                .and_then(|s| s.country)
                .and_then(|c| self.countries.get(c)),
            _ => None,
        }
    }

    /// Coordinates of a place by its canonical name, if known.
    pub(crate) fn coordinates_of(&self, name: &str) -> Option<[f64; 2]> {
        self.lookup(name)
            .and_then(|p| self.describe(p))
            .and_then(|(_, c)| c)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn lookups() {
        let lex = crate::Lexicon::standard();
        let g = &lex.gazetteer;
        let cases: &[(&str, Option<&str>)] = &[
            ("Russia", Some("country")),
            ("Russian Federation", Some("country")),
            ("the U.S.", Some("country")),
            ("US", Some("country")),
            ("us", None),
            ("Pyongyang", Some("capital")),
            ("Kyiv", Some("capital")),
            ("the Kremlin", Some("seat")),
            ("White House", Some("seat")),
            ("North Korean", Some("demonym")),
            ("North Koreans", Some("demonym")),
            ("KCNA", Some("org")),
            ("Democratic People's Republic of Korea", Some("country")),
            ("Kharkiv", Some("city")),
            ("Gdańsk", Some("city")),
            ("Europe", Some("city")),
            ("Asia-Pacific", Some("city")),
            ("Middle East", Some("city")),
            ("Zorblat", None),
        ];
        for (name, want) in cases {
            assert_eq!(g.lookup(name).map(|p| p.class()), *want, "{name}");
        }
    }

    #[test]
    fn referents_and_groups() {
        let lex = crate::Lexicon::standard();
        let g = &lex.gazetteer;
        let cases = [
            ("Pyongyang", "North Korea"),
            ("Kremlin", "Russia"),
            ("Washington", "United States"),
            ("Kyiv", "Ukraine"),
        ];
        for (name, country) in cases {
            let place = g.lookup(name).expect(name);
            assert_eq!(
                g.metonym_referent(place).map(|c| c.name.as_str()),
                Some(country)
            );
        }
        assert_eq!(g.group_name("North Koreans"), Some("North Korean"));
        assert_eq!(g.group_name("Ukrainians"), Some("Ukrainian"));
    }
}
