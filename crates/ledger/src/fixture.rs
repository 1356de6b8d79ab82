//! Building documents and claims in code, and a small invented story (a
//! deployment of "Veloran" troops to "Ostria") used by tests, examples and
//! the report's rendering check. Every name and figure here is invented.

use chrono::NaiveDate;
use crosscheck_model::{
    Bound, Claim, ClaimBody, ClaimTime, DateEstimate, Document, EntityType, Mention, Polarity,
    Quantity, Quote, Sentence, Source, SourceKind, Span, Stance,
};

/// A named person as source.
pub fn person(name: &str) -> Source {
    source(Some(name), SourceKind::Person, None)
}

/// An organisation or government as source.
pub fn organization(name: &str) -> Source {
    source(Some(name), SourceKind::Organization, None)
}

/// An anonymous source described by its role.
pub fn anonymous(role: &str) -> Source {
    source(None, SourceKind::Anonymous, Some(role))
}

fn source(name: Option<&str>, kind: SourceKind, role: Option<&str>) -> Source {
    Source {
        name: name.map(str::to_string),
        kind,
        role: role.map(str::to_string),
        entity: None,
        span: None,
    }
}

/// A figure as the extractor would report it.
#[derive(Debug, Clone)]
pub struct Figure<'a> {
    /// The figure as written, found in the sentence: "8,000 to 12,000".
    pub text: &'a str,
    /// Lower value (`None` when open).
    pub low: Option<f64>,
    /// Upper value (`None` when open).
    pub high: Option<f64>,
    /// How it is bounded.
    pub bound: Bound,
    /// Hedged by "about", "some", ...
    pub approximate: bool,
    /// What is counted.
    pub subject: &'a str,
}

impl<'a> Figure<'a> {
    /// One value.
    pub fn exact(text: &'a str, value: f64, subject: &'a str) -> Figure<'a> {
        Figure {
            text,
            low: Some(value),
            high: Some(value),
            bound: Bound::Exact,
            approximate: false,
            subject,
        }
    }

    /// One approximate value.
    pub fn about(text: &'a str, value: f64, subject: &'a str) -> Figure<'a> {
        Figure {
            approximate: true,
            ..Figure::exact(text, value, subject)
        }
    }

    /// A range.
    pub fn range(text: &'a str, low: f64, high: f64, subject: &'a str) -> Figure<'a> {
        Figure {
            text,
            low: Some(low),
            high: Some(high),
            bound: Bound::Range,
            approximate: false,
            subject,
        }
    }

    /// An upper bound.
    pub fn up_to(text: &'a str, high: f64, subject: &'a str) -> Figure<'a> {
        Figure {
            text,
            low: None,
            high: Some(high),
            bound: Bound::AtMost,
            approximate: false,
            subject,
        }
    }
}

/// Builds one document sentence by sentence, with claims pointing at exact
/// byte offsets in its text.
#[derive(Debug)]
pub struct ArticleBuilder {
    doc: Document,
    claims: Vec<Claim>,
}

impl ArticleBuilder {
    /// An article with this id, outlet ("" for none) and title (its first sentence).
    pub fn new(id: &str, outlet: &str, title: &str) -> ArticleBuilder {
        let mut builder = ArticleBuilder {
            doc: Document {
                id: id.to_string(),
                source: format!("{id}.txt"),
                title: Some(title.to_string()),
                outlet: (!outlet.is_empty()).then(|| outlet.to_string()),
                format: "txt".to_string(),
                // Built documents are one story unless told otherwise: the
                // tests here are about decisions within a story.
                story: Some("s1".to_string()),
                ..Document::default()
            },
            claims: Vec::new(),
        };
        builder.sentence(title);
        builder
    }

    /// Puts the document in another story (`None`: let the ledger group it).
    pub fn story(mut self, story: Option<&str>) -> ArticleBuilder {
        self.doc.story = story.map(str::to_string);
        self
    }

    /// Sets the publication date (`YYYY-MM-DD`; ignored when malformed).
    pub fn published(mut self, date: &str) -> ArticleBuilder {
        self.doc.published = NaiveDate::parse_from_str(date, "%Y-%m-%d").ok();
        self
    }

    /// Sets an estimated publication date instead.
    pub fn estimated(mut self, earliest: &str, basis: &str) -> ArticleBuilder {
        let date = NaiveDate::parse_from_str(earliest, "%Y-%m-%d").ok();
        self.doc.published_estimate = Some(DateEstimate {
            weak: false,
            earliest: date,
            latest: None,
            basis: basis.to_string(),
        });
        self
    }

    /// Appends a sentence; returns its index.
    pub fn sentence(&mut self, text: &str) -> usize {
        if !self.doc.text.is_empty() {
            self.doc.text.push(' ');
        }
        let start = self.doc.text.len();
        self.doc.text.push_str(text);
        self.doc
            .sentences
            .push(Sentence::new(start, self.doc.text.len()));
        self.doc.sentences.len() - 1
    }

    fn sentence_text(&self, index: usize) -> (usize, String) {
        self.doc
            .sentences
            .get(index)
            .map(|s| (s.range.start, s.range.slice(&self.doc.text).to_string()))
            .unwrap_or_default()
    }

    /// The span of `needle` inside sentence `index` (the whole sentence when
    /// it is not there).
    fn span_in(&self, index: usize, needle: &str) -> Span {
        let (start, sentence) = self.sentence_text(index);
        let (from, to) = sentence
            .find(needle)
            .map_or((0, sentence.len()), |at| (at, at + needle.len()));
        Span::of(&self.doc.text, start + from, start + to).unwrap_or(Span {
            start,
            end: start,
            text: String::new(),
        })
    }

    fn claim(
        &mut self,
        body: ClaimBody,
        index: usize,
        evidence: &str,
        source: Source,
    ) -> &mut Claim {
        let n = self.claims.len() + 1;
        let id = format!("{}:{}:{n}", self.doc.id, body.kind().name());
        let span = self.span_in(index, evidence);
        let mut claim = Claim::new(id, self.doc.id.clone(), body, index, span, source);
        // As analysis leaves it: what it counts or is about, normalised.
        crosscheck_subject::Normalizer::new().fill(&mut claim);
        self.claims.push(claim);
        let last = self.claims.len() - 1;
        &mut self.claims[last]
    }

    /// A quote claim: `quoted` must occur in the sentence.
    pub fn quote(&mut self, index: usize, quoted: &str, cue: &str, source: Source) -> &mut Claim {
        let span = self.span_in(index, quoted);
        let (_, sentence) = self.sentence_text(index);
        let quote = Quote {
            text: quoted.to_string(),
            direct: true,
            span,
        };
        let claim = self.claim(quote.into(), index, &sentence, source);
        claim.cue = Some(cue.to_string());
        claim
    }

    /// A figure claim: `figure.text` must occur in the sentence.
    pub fn figure(&mut self, index: usize, figure: Figure, source: Source) -> &mut Claim {
        let span = self.span_in(index, figure.text);
        let (_, sentence) = self.sentence_text(index);
        let quantity = Quantity {
            low: figure.low,
            high: figure.high,
            approximate: figure.approximate,
            bound: figure.bound,
            unit: None,
            dimension: None,
            vague: false,
            subject: Some(figure.subject.to_string()),
            rate: None,
            event: None,
            span,
            measure: None,
        };
        self.claim(quantity.into(), index, &sentence, source)
    }

    /// A stance claim by `actor` about `about` (which must occur in the
    /// sentence).
    pub fn stance(
        &mut self,
        index: usize,
        actor: &str,
        polarity: Polarity,
        about: &str,
        source: Source,
    ) -> &mut Claim {
        let about_span = self.span_in(index, about);
        let (_, sentence) = self.sentence_text(index);
        let stance = Stance {
            actor: actor.to_string(),
            polarity,
            about: Some(about_span),
            matter: Default::default(),
        };
        self.claim(stance.into(), index, &sentence, source)
    }

    /// An entity mention in sentence `index`.
    pub fn mention(
        &mut self,
        index: usize,
        text: &str,
        kind: EntityType,
        canonical: Option<&str>,
        refers_to: Option<&str>,
    ) {
        let span = self.span_in(index, text);
        self.doc.mentions.push(Mention {
            span,
            kind,
            canonical: canonical.map(str::to_string),
            refers_to: refers_to.map(str::to_string),
        });
    }

    /// The document and its claims.
    pub fn build(self) -> (Document, Vec<Claim>) {
        (self.doc, self.claims)
    }
}

/// Sets a claim's time qualifier.
pub fn at(claim: &mut Claim, text: &str, value: &str) {
    claim.time = Some(ClaimTime {
        text: text.to_string(),
        value: value.to_string(),
    });
}

const TROOPS: &str = "Veloran troops";

/// The invented story: four outlets report a deployment of Veloran troops to
/// Ostria with rising figures, Velora denies and later acknowledges it, one
/// quote is reported in two wordings, and one article rests on anonymous
/// officials. Returns documents in input order and all claims.
pub fn story() -> (Vec<Document>, Vec<Claim>) {
    let mut documents = Vec::new();
    let mut claims = Vec::new();
    for (doc, doc_claims) in [herald(), coastline(), meridian(), riverside()] {
        documents.push(doc);
        claims.extend(doc_claims);
    }
    (documents, claims)
}

fn herald() -> (Document, Vec<Claim>) {
    let mut a = ArticleBuilder::new(
        "herald-1",
        "Northgate Herald",
        "Ostria says Veloran soldiers have crossed the river",
    )
    .published("2031-03-02");
    let s = a.sentence(
        "Ostrian intelligence said on Monday that 1,200 Veloran soldiers had been deployed to the Ostrian border town of Kell.",
    );
    let c = a.figure(
        s,
        Figure::exact(
            "1,200",
            1200.0,
            "Veloran soldiers deployed to the Ostrian border town of Kell",
        ),
        organization("Ostrian intelligence"),
    );
    at(c, "Monday", "2031-03-01");
    let s = a.sentence("The Velish government denied the reports, calling them a provocation.");
    a.mention(
        s,
        "Velish government",
        EntityType::Organization,
        Some("Velora"),
        Some("Velora"),
    );
    a.stance(
        s,
        "The Velish government",
        Polarity::Deny,
        "the reports",
        organization("The Velish government"),
    );
    let s = a.sentence(
        "“We are watching every convoy that crosses the river,” Ostrian defence minister Marek Tol told reporters.",
    );
    a.mention(s, "Marek Tol", EntityType::Person, Some("Marek Tol"), None);
    a.quote(
        s,
        "We are watching every convoy that crosses the river",
        "told",
        person("Marek Tol"),
    );
    a.build()
}

fn coastline() -> (Document, Vec<Claim>) {
    let mut a = ArticleBuilder::new(
        "coastline-1",
        "Coastline Daily",
        "Thousands of Veloran troops now in Ostria, allies estimate",
    )
    .published("2031-03-20");
    let s = a.sentence(
        "Allied officials estimate that 5,000 to 7,000 Veloran troops are now stationed in Ostria.",
    );
    a.figure(
        s,
        Figure::range("5,000 to 7,000", 5000.0, 7000.0, TROOPS),
        organization("Allied officials"),
    );
    let s = a.sentence("Sarnov Palace did not confirm the deployment of troops.");
    a.mention(
        s,
        "Sarnov Palace",
        EntityType::Location,
        Some("Sarnov Palace"),
        Some("Velora"),
    );
    a.stance(
        s,
        "Sarnov Palace",
        Polarity::NotConfirmed,
        "the deployment of troops",
        organization("Sarnov Palace"),
    );
    let s =
        a.sentence("“We watch every convoy crossing the river,” said Tol, the defence minister.");
    a.mention(s, "Tol", EntityType::Person, Some("Marek Tol"), None);
    a.quote(
        s,
        "We watch every convoy crossing the river",
        "said",
        person("Tol"),
    );
    let s = a.sentence(
        "A senior official, speaking on condition of anonymity, said the soldiers reportedly arrived by rail.",
    );
    let c = a.quote(
        s,
        "the soldiers reportedly arrived by rail",
        "said",
        anonymous("a senior official"),
    );
    c.hedged = true;
    c.hedges = vec!["reportedly".to_string()];
    a.build()
}

fn meridian() -> (Document, Vec<Claim>) {
    let mut a = ArticleBuilder::new(
        "meridian-1",
        "The Meridian Post",
        "Officials say Ostria deployment is far larger than admitted",
    )
    .estimated("2031-04-10", "latest explicit date in text: 2031-04-10");
    let s = a.sentence(
        "About 9,000 Veloran troops are in Ostria, according to two officials who asked not to be named.",
    );
    let c = a.figure(
        s,
        Figure::about("About 9,000", 9000.0, TROOPS),
        anonymous("two officials"),
    );
    c.hedged = true;
    let s = a.sentence("One of the officials said the troops may be preparing to move north.");
    let c = a.quote(
        s,
        "the troops may be preparing to move north",
        "said",
        anonymous("one of the officials"),
    );
    c.hedged = true;
    c.hedges = vec!["may".to_string()];
    let s = a.sentence(
        "Another person familiar with the matter said 40 field kitchens had been set up.",
    );
    a.figure(
        s,
        Figure::exact("40", 40.0, "field kitchens"),
        anonymous("a person familiar with the matter"),
    );
    let s = a.sentence("The Velish government acknowledged the deployment of troops on April 10.");
    let c = a.stance(
        s,
        "The Velish government",
        Polarity::Acknowledge,
        "the deployment of troops",
        organization("The Velish government"),
    );
    at(c, "April 10", "2031-04-10");
    a.build()
}

fn riverside() -> (Document, Vec<Claim>) {
    let mut a = ArticleBuilder::new(
        "riverside-1",
        "Riverside Wire",
        "Velora confirms troops in Ostria as numbers rise",
    )
    .published("2031-04-12");
    let s = a.sentence(
        "Ostrian defence minister Marek Tol said up to 12,000 Veloran troops could be in the country.",
    );
    a.figure(
        s,
        Figure::up_to("up to 12,000", 12000.0, TROOPS),
        person("Marek Tol"),
    );
    let s = a.sentence("Velora confirmed the troop deployment for the first time on Friday.");
    a.mention(s, "Velora", EntityType::Country, Some("Velora"), None);
    let c = a.stance(
        s,
        "Velora",
        Polarity::Confirm,
        "the troop deployment",
        organization("Velora"),
    );
    at(c, "Friday", "2031-04-11");
    let s = a.sentence(
        "Ostrian customs recorded 310 trucks crossing the bridge at Kell in March, a spokeswoman, Ida Brenn, said.",
    );
    a.figure(
        s,
        Figure::exact("310", 310.0, "trucks crossing the bridge at Kell"),
        person("Ida Brenn"),
    );
    a.build()
}
