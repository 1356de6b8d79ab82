//! The story index on invented articles: related articles share a story,
//! unrelated ones do not, copies join their original, and a saved index
//! goes on exactly as if it had never been saved.

use crosscheck_analyze::Analyzer;
use crosscheck_ingest::document_from_text;
use crosscheck_model::Document;
use crosscheck_stories::{DocumentProfile, StoryIndex};

/// (story label, article text): headline, blank line, body.
const ARTICLES: &[(&str, &str)] = &[
    ("quarry", "Landslide at Brenmoor quarry traps eleven miners\n\nEleven miners were trapped on Tuesday when a landslide buried the lower gallery of the Brenmoor limestone quarry, the regional fire service said. Rescue teams from Oskvale were drilling towards the gallery."),
    ("ferry", "Ferry operator Lunaris orders three electric ships\n\nLunaris Lines said it had ordered three battery-powered ferries from the Tessin yard for its island routes, the first electric ships in its fleet. The ferries will enter service in 2033."),
    ("quarry", "Rescuers reach trapped Brenmoor quarry miners\n\nRescue teams drilling through the collapsed gallery at the Brenmoor quarry made contact with the eleven trapped miners on Wednesday, the fire service said. All eleven were alive, a spokesman for the Oskvale rescue service said."),
    ("budget", "Parliament of Veska passes austerity budget\n\nVeska's parliament approved the government's austerity budget by 61 votes to 52 on Thursday after a night of debate, cutting spending on roads and raising fuel duty. Finance Minister Arvo Lenk said the deficit would halve."),
    ("ferry", "Tessin yard wins Lunaris battery ferry contract\n\nThe Tessin shipyard will build three electric ferries for Lunaris Lines, the yard said, a contract that secures work for its 900 employees until 2033. Lunaris will use the battery-powered ships on its island routes."),
    ("budget", "Veska fuel duty rise angers hauliers\n\nHauliers in Veska protested on Friday against the fuel duty rise in the austerity budget parliament passed a day earlier, blocking the ring road around the capital. Finance Minister Arvo Lenk said the budget would not be changed."),
    ("festival", "Kelby jazz festival sells out in a day\n\nAll 12,000 tickets for this summer's Kelby jazz festival were sold within a day, organisers said, a record for the three-day event on the harbour front."),
    ("quarry", "Brenmoor quarry miners freed after two days underground\n\nAll eleven miners trapped in the Brenmoor limestone quarry were brought to the surface on Thursday, two days after a landslide buried their gallery. The Oskvale rescue service said two were taken to hospital."),
];

fn documents() -> Vec<Document> {
    let analyzer = Analyzer::new();
    ARTICLES
        .iter()
        .enumerate()
        .map(|(i, (_, text))| {
            let doc = document_from_text(&format!("a{i}.txt"), text);
            analyzer.analyze(doc).document
        })
        .collect()
}

fn stories(index: &StoryIndex, docs: &[Document]) -> Vec<u32> {
    docs.iter()
        .map(|d| index.story_of(&d.id).map_or(0, |s| s.number))
        .collect()
}

#[test]
fn related_articles_share_a_story_and_unrelated_ones_do_not() {
    let docs = documents();
    let mut index = StoryIndex::new();
    for d in &docs {
        index.add(&DocumentProfile::of(d));
    }
    let got = stories(&index, &docs);
    for (i, (label_a, _)) in ARTICLES.iter().enumerate() {
        for (j, (label_b, _)) in ARTICLES.iter().enumerate().skip(i + 1) {
            assert_eq!(
                got[i] == got[j],
                label_a == label_b,
                "articles {i} ({label_a}) and {j} ({label_b}): stories {got:?}"
            );
        }
    }
    assert_eq!(index.stories().count(), 4);
    let quarry = index.story_of(&docs[0].id).unwrap();
    assert_eq!(quarry.documents.len(), 3);
    assert!(quarry.title.as_deref().unwrap().starts_with("Landslide"));
    assert!(index.top_words(quarry, 5).iter().any(|w| w == "brenmoor"));
}

#[test]
fn a_copy_joins_its_original_and_a_repeat_keeps_its_story() {
    let docs = documents();
    let mut index = StoryIndex::new();
    let first = index.add(&DocumentProfile::of(&docs[6]));
    let mut copy = DocumentProfile::of(&docs[1]);
    copy.duplicate_of = Some(docs[6].id.clone());
    assert_eq!(index.add(&copy), first, "a copy joins its original's story");
    assert_eq!(index.add(&DocumentProfile::of(&docs[6])), first);
    assert_eq!(index.document_count(), 2);
}

#[test]
fn a_saved_and_restored_index_goes_on_as_one_that_never_stopped() {
    let docs = documents();
    let mut whole = StoryIndex::new();
    for d in &docs {
        whole.add(&DocumentProfile::of(d));
    }
    let mut first_half = StoryIndex::new();
    for d in &docs[..4] {
        first_half.add(&DocumentProfile::of(d));
    }
    let saved = serde_json::to_string(&first_half).unwrap();
    let mut resumed: StoryIndex = serde_json::from_str::<StoryIndex>(&saved)
        .unwrap()
        .restore();
    for d in &docs[4..] {
        resumed.add(&DocumentProfile::of(d));
    }
    assert_eq!(stories(&resumed, &docs), stories(&whole, &docs));
    assert_eq!(
        serde_json::to_string(&resumed).unwrap(),
        serde_json::to_string(&whole).unwrap()
    );
}

#[test]
fn deltas_rebuild_the_index_they_came_from() {
    use std::collections::BTreeMap;
    let docs = documents();
    let mut whole = StoryIndex::new();
    // A store's tables: terms by id, stories by number, assignments.
    let mut terms: BTreeMap<u32, (String, u32)> = BTreeMap::new();
    let mut stories: BTreeMap<u32, crosscheck_stories::Story> = BTreeMap::new();
    let mut assignments = Vec::new();
    let mut documents = 0;
    let mut settings = None;
    for chunk in docs.chunks(3) {
        for d in chunk {
            whole.add(&DocumentProfile::of(d));
        }
        let delta = whole.take_delta();
        for (id, term, df) in delta.terms {
            terms.insert(id, (term, df));
        }
        for story in delta.stories {
            stories.insert(story.number, story);
        }
        assignments.extend(delta.assignments);
        documents = delta.documents;
        settings = Some(delta.settings);
    }
    assert!(whole.take_delta().is_empty(), "nothing left once taken");
    let rebuilt = StoryIndex::from_parts(
        settings.unwrap(),
        documents,
        terms.into_iter().map(|(id, (t, df))| (id, t, df)).collect(),
        stories.into_values().collect(),
        assignments,
    )
    .expect("parts fit");
    assert_eq!(
        serde_json::to_string(&rebuilt).unwrap(),
        serde_json::to_string(&whole).unwrap()
    );
}
