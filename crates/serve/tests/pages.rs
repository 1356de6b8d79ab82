//! The web app's pages over a store of the demo corpus, request by request
//! through the router: what each page shows, how its links lead on, and
//! that the guard refuses what it must.

mod support;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use support::{demo_app, get, hrefs, ids, send};

#[tokio::test]
async fn the_stories_index_lists_the_story_with_its_entities() {
    let (_dir, app) = demo_app().await;
    let page = get(&app, "/").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.content_type().starts_with("text/html"));
    let csp = page.headers[header::CONTENT_SECURITY_POLICY]
        .to_str()
        .unwrap();
    assert!(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"));
    let snapshot = app.snapshot();
    let story = &snapshot.stories[0];
    assert!(page
        .body
        .contains(&format!("href=\"/stories/{}\"", story.id)));
    assert!(page
        .body
        .contains(&format!("{} documents", story.documents.len())));
    // Entity cards link to the claims that name them, within the story.
    let entity_links: Vec<String> = hrefs(&page.body)
        .into_iter()
        .filter(|h| h.starts_with("/claims?") && h.contains("entity="))
        .collect();
    assert!(!entity_links.is_empty(), "no entity cards");
    assert!(entity_links.iter().all(|h| h.contains("story=")));
}

#[tokio::test]
async fn the_story_page_puts_conflicts_first_and_has_every_section() {
    let (_dir, app) = demo_app().await;
    let id = app.snapshot().stories[0].id.clone();
    let page = get(&app, &format!("/stories/{id}")).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let sections = ["conflicts", "figures", "stances", "sourcing", "quotes"];
    let at: Vec<usize> = sections
        .iter()
        .map(|s| {
            page.body
                .find(&format!("<section id=\"{s}\""))
                .unwrap_or_else(|| panic!("no {s} section"))
        })
        .collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{at:?}");
    // The demo's stories hold conflicting figures: both sides' evidence
    // is shown, each linked to its place in its article.
    let snapshot = app.snapshot();
    let conflicts = snapshot
        .ledger
        .propositions
        .iter()
        .filter(|p| crosscheck_serve::Snapshot::is_conflict(p.status))
        .count();
    assert!(
        conflicts > 0,
        "the demo has no conflicting figures any more"
    );
    let conflict_html = &page.body[at[0]..at[1]];
    assert!(conflict_html.matches("class=\"side\"").count() >= 2);
    assert!(hrefs(conflict_html)
        .iter()
        .any(|h| h.starts_with("/documents/") && h.contains("#ev-")));

    // One section alone pages; an unknown one is a clear error.
    let alone = get(&app, &format!("/stories/{id}?section=quotes")).await;
    assert_eq!(alone.status, StatusCode::OK);
    assert!(alone.body.contains("<section id=\"quotes\""));
    assert!(!alone.body.contains("<section id=\"conflicts\""));
    let bad = get(&app, &format!("/stories/{id}?section=gossip")).await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert!(
        bad.body.contains("gossip") && bad.body.contains("not a section"),
        "{}",
        bad.body
    );
    let missing = get(&app, "/stories/s999").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn search_filters_and_pages_through_claims() {
    let (_dir, app) = demo_app().await;
    let snapshot = app.snapshot();
    let all = get(&app, "/claims").await;
    assert_eq!(all.status, StatusCode::OK);
    assert!(all.body.contains(&format!(
        "<strong id=\"total\">{}</strong>",
        snapshot.ledger.claims.len()
    )));

    // Full text: a word of a quote finds the quote.
    let quote = snapshot
        .ledger
        .claims
        .iter()
        .find_map(|c| c.quote())
        .expect("a quote");
    let word = quote
        .text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() > 6)
        .max_by_key(|w| w.len())
        .expect("a long word");
    let found = get(&app, &format!("/claims?q={word}")).await;
    assert!(found.body.contains(word), "{word}");
    assert!(!found.body.contains("No claim matches"));

    // Kind filter: every card is of that kind.
    let quotes = get(&app, "/claims?kind=quote").await;
    let cards = quotes.body.matches("<article class=\"claim ").count();
    assert!(cards > 0);
    assert_eq!(
        quotes.body.matches("class=\"claim kind-quote\"").count(),
        cards
    );

    // Hedged and anonymous filters narrow to what they say.
    for (filter, marker) in [
        ("hedged=yes", "flag hedged"),
        ("anonymous=yes", "flag anon"),
    ] {
        let page = get(&app, &format!("/claims?{filter}")).await;
        let cards = page.body.matches("<article class=\"claim ").count();
        assert_eq!(page.body.matches(marker).count(), cards, "{filter}");
    }

    // A bad value is a clear 400, not an empty page.
    let bad = get(&app, "/claims?from=yesterday").await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert!(bad.body.contains("not a date"));
}

#[tokio::test]
async fn entity_cards_filter_on_click_and_names_find_aliases() {
    let (_dir, app) = demo_app().await;
    let snapshot = app.snapshot();
    let page = get(&app, "/claims").await;
    let card = hrefs(&page.body)
        .into_iter()
        .find(|h| h.starts_with("/claims?entity="))
        .expect("an entity card");
    let id = card.trim_start_matches("/claims?entity=").to_string();
    let count = snapshot.entity_claim_count(&id);
    assert!(count > 0);
    let narrowed = get(&app, &card).await;
    assert!(
        narrowed
            .body
            .contains(&format!("<strong id=\"total\">{count}</strong>")),
        "{card}"
    );
    // The card of the entity filtered on is marked, and clicking it again
    // removes the filter.
    assert!(narrowed.body.contains("class=\"entity active\""));

    // By name or alias, in any case.
    let entity = snapshot
        .ledger
        .entities
        .iter()
        .find(|e| e.aliases.iter().any(|a| *a != e.name) && snapshot.entity_claim_count(&e.id) > 0)
        .expect("an entity with an alias");
    let alias = entity.aliases.iter().find(|a| **a != entity.name).unwrap();
    let query = serde_urlencoded::to_string([("entity", alias.to_uppercase())]).unwrap();
    let by_alias = get(&app, &format!("/claims?{query}")).await;
    let want = snapshot.entity_claim_count(&entity.id);
    assert!(
        by_alias
            .body
            .contains(&format!("<strong id=\"total\">{want}</strong>")),
        "alias {alias} of {}",
        entity.id
    );
    let nobody = get(&app, "/claims?entity=Nobody+At+All").await;
    assert!(nobody.body.contains("No entity is called"));
    assert!(nobody.body.contains("<strong id=\"total\">0</strong>"));
}

#[tokio::test]
async fn an_article_links_every_claim_to_its_evidence_and_back() {
    let (_dir, app) = demo_app().await;
    let snapshot = app.snapshot();
    let doc = snapshot
        .ledger
        .documents
        .iter()
        .max_by_key(|d| snapshot.document_claims(&d.id).count())
        .unwrap();
    let page = get(&app, &format!("/documents/{}", doc.id)).await;
    assert_eq!(page.status, StatusCode::OK);
    let ids = ids(&page.body);
    let links = hrefs(&page.body);
    for claim in snapshot.document_claims(&doc.id) {
        assert!(ids.contains(&format!("claim-{}", claim.id)), "{}", claim.id);
        assert!(ids.contains(&format!("ev-{}", claim.id)), "{}", claim.id);
        assert!(
            links.contains(&format!("#ev-{}", claim.id))
                || links
                    .iter()
                    .any(|l| l.ends_with(&format!("#ev-{}", claim.id)))
        );
    }
    // Every highlighted piece leads to a claim on the page.
    for link in links.iter().filter(|l| l.starts_with("#claim-")) {
        assert!(ids.contains(&link[1..].to_string()), "{link}");
    }
    // The original address is linked when it is a web address.
    if let Some(url) = &doc.url {
        assert!(page.body.contains("class=\"original\""), "{url}");
    }
}

#[tokio::test]
async fn copies_are_marked_both_ways() {
    let (_dir, app) = demo_app().await;
    let snapshot = app.snapshot();
    let Some(copy) = snapshot
        .ledger
        .documents
        .iter()
        .find(|d| d.duplicate_of.is_some())
    else {
        panic!("the demo corpus has a syndicated copy; none was marked");
    };
    let original = copy.duplicate_of.clone().unwrap();
    let page = get(&app, &format!("/documents/{}", copy.id)).await;
    assert!(page.body.contains("This article is a copy"));
    assert!(hrefs(&page.body).contains(&format!("/documents/{original}")));
    let back = get(&app, &format!("/documents/{original}")).await;
    assert!(back.body.contains("Copies of this article"));
    assert!(hrefs(&back.body).contains(&format!("/documents/{}", copy.id)));
}

#[tokio::test]
async fn lists_page_and_check_their_parameters() {
    let (_dir, app) = demo_app().await;
    for uri in [
        "/documents",
        "/entities",
        "/entities?type=person",
        "/upload",
        "/",
        "/documents?story=s1",
    ] {
        let page = get(&app, uri).await;
        assert_eq!(page.status, StatusCode::OK, "{uri}");
    }
    let entities = app.snapshot().ledger.entities.len();
    let page = get(&app, "/entities?page=1").await;
    assert!(page.body.contains(&format!("{entities} entities")));
    for bad in [
        "/entities?page=0",
        "/entities?type=planet",
        "/documents?page=x",
    ] {
        assert_eq!(
            get(&app, bad).await.status,
            StatusCode::BAD_REQUEST,
            "{bad}"
        );
    }
    let beyond = get(&app, "/entities?page=999").await;
    assert_eq!(beyond.status, StatusCode::OK);
    assert_eq!(
        get(&app, "/documents/nope").await.status,
        StatusCode::NOT_FOUND
    );
    let missing = get(&app, "/nowhere").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert!(missing.content_type().starts_with("text/html"));
}

#[tokio::test]
async fn assets_are_built_in() {
    let (_dir, app) = demo_app().await;
    let css = get(&app, "/assets/app.css").await;
    assert_eq!(css.status, StatusCode::OK);
    assert!(css.content_type().starts_with("text/css"));
    let js = get(&app, "/assets/app.js").await;
    assert!(js.content_type().starts_with("text/javascript"));
    assert!(
        !js.body.contains("innerHTML"),
        "the script builds no markup from data"
    );
}

#[tokio::test]
async fn other_host_names_and_cross_site_writes_are_refused() {
    let (_dir, app) = demo_app().await;
    let rebinding = send(
        &app,
        Request::get("/")
            .header(header::HOST, "attacker.example:8080")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(rebinding.status, StatusCode::MISDIRECTED_REQUEST);
    let cross_site = send(
        &app,
        Request::post("/api/documents")
            .header(header::HOST, "localhost:8080")
            .header(header::ORIGIN, "https://attacker.example")
            .header(header::CONTENT_TYPE, "text/plain")
            .body(Body::from("An article."))
            .unwrap(),
    )
    .await;
    assert_eq!(cross_site.status, StatusCode::FORBIDDEN);
    assert!(cross_site.json()["error"]
        .as_str()
        .unwrap()
        .contains("another site"));
    let same_site = send(
        &app,
        Request::post("/api/documents?name=a.txt")
            .header(header::HOST, "localhost:8080")
            .header(header::ORIGIN, "http://localhost:8080")
            .header(header::CONTENT_TYPE, "text/plain")
            .body(Body::from(
                "Mayor Ilka Tarn said the bridge over the Vess would reopen in May.",
            ))
            .unwrap(),
    )
    .await;
    assert_eq!(same_site.status, StatusCode::CREATED, "{}", same_site.body);
}
