//! Titles, outlets, URLs, quotes and text from articles are hostile input:
//! stored through the API, every page must show them as text, never as
//! markup, and never link a `javascript:` address.

mod support;

use axum::http::StatusCode;
use crosscheck_serve::Limits;
use support::{empty_app, get, hrefs, post};

const SCRIPT: &str = "<script>alert('pwned')</script>";
const IMAGE: &str = "<img src=x onerror=alert(1)>";

fn hostile_articles() -> serde_json::Value {
    serde_json::json!([
        {
            "title": format!("{SCRIPT} & \"quoted\" title"),
            "outlet": format!("\"><{IMAGE}"),
            "author": "<b>Byline</b>",
            "url": "javascript:alert(document.cookie)",
            "published": "2031-03-04",
            "text": format!(
                "{SCRIPT} & \"quoted\" title\n\n\
                 Mayor Ilka Tarn said: \"{IMAGE} the Vess bridge will reopen in May.\"\n\n\
                 About 4,000 <b>commuters</b> crossed the bridge daily before it closed, \
                 city officials said on Tuesday.\n\n\
                 A senior official, speaking on condition of anonymity, said the repairs \
                 could cost as much as 12 million crowns."
            ),
        },
        {
            "title": "Second <i>report</i> on the Vess bridge",
            "outlet": "Norland Wire",
            "url": "https://wire.example/a\"onmouseover=\"alert(2)",
            "published": "2031-03-05",
            "text": "Second <i>report</i> on the Vess bridge\n\n\
                     Mayor Ilka Tarn said on Wednesday that about 5,000 commuters crossed \
                     the Vess bridge daily before it closed.",
        }
    ])
}

/// What must never appear in a page: live markup from the articles, or a
/// link to a script address.
fn assert_inert(uri: &str, html: &str) {
    for raw in [SCRIPT, IMAGE, "<b>Byline", "<b>commuters", "<i>report"] {
        assert!(!html.contains(raw), "{uri} shows {raw:?} as markup");
    }
    assert!(
        !html.contains("onmouseover=\"alert"),
        "{uri}: attribute injection"
    );
    for href in hrefs(html) {
        let lower = href.trim().to_ascii_lowercase();
        assert!(
            !lower.starts_with("javascript:") && !lower.starts_with("data:"),
            "{uri} links {href}"
        );
    }
}

#[tokio::test]
async fn every_page_shows_hostile_text_as_text() {
    let (_dir, app) = empty_app(Limits::default());
    let stored = post(
        &app,
        "/api/documents",
        "application/json",
        hostile_articles().to_string(),
    )
    .await;
    assert_eq!(stored.status, StatusCode::CREATED, "{}", stored.body);
    assert_eq!(stored.json()["added"], 2);

    let snapshot = app.snapshot();
    let hostile = snapshot
        .ledger
        .documents
        .iter()
        .find(|d| {
            d.url
                .as_deref()
                .is_some_and(|u| u.starts_with("javascript:"))
        })
        .expect("the hostile article");
    assert!(
        snapshot
            .ledger
            .claims
            .iter()
            .any(|c| c.quote().is_some_and(|q| q.text.contains("onerror"))),
        "the hostile quote is a claim, so the pages show it"
    );
    let mut uris = vec![
        "/".to_string(),
        "/claims".to_string(),
        "/claims?q=bridge".to_string(),
        "/claims?q=%3Cscript%3E".to_string(),
        format!("/claims?speaker={}", "%3Cimg%20src%3Dx%3E"),
        format!("/claims?entity={}", "%22%3E%3Cscript%3E"),
        "/entities".to_string(),
        "/documents".to_string(),
        format!("/documents/{}", hostile.id),
        "/upload".to_string(),
        "/nowhere/%3Cscript%3Ealert(1)%3C%2Fscript%3E".to_string(),
    ];
    for story in &snapshot.stories {
        uris.push(format!("/stories/{}", story.id));
        for section in ["conflicts", "figures", "stances", "quotes"] {
            uris.push(format!("/stories/{}?section={section}", story.id));
        }
    }
    for doc in &snapshot.ledger.documents {
        uris.push(format!("/documents/{}", doc.id));
    }
    for uri in &uris {
        let page = get(&app, uri).await;
        assert!(
            page.status == StatusCode::OK || page.status == StatusCode::NOT_FOUND,
            "{uri}: {}",
            page.status
        );
        assert_inert(uri, &page.body);
    }

    // The escaped forms are there: the text is shown, not dropped.
    let article = get(&app, &format!("/documents/{}", hostile.id)).await;
    assert!(
        article.body.contains("&#60;script&#62;alert"),
        "the title is shown, escaped"
    );
    assert!(
        article.body.contains("javascript:alert(document.cookie)"),
        "shown as text"
    );
    assert!(!article.body.contains("class=\"original\""), "not linked");
}

#[tokio::test]
async fn the_upload_form_result_page_escapes_too() {
    let (_dir, app) = empty_app(Limits::default());
    let boundary = "XBOUNDARYX";
    let body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\n{SCRIPT}\r\n\
         --{boundary}\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\n{SCRIPT}\n\nMayor Ilka Tarn said the bridge would reopen.\r\n\
         --{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"{IMAGE}.txt\"\r\nContent-Type: text/plain\r\n\r\n\r\n\
         --{boundary}--\r\n"
    );
    let page = post(
        &app,
        "/upload",
        &format!("multipart/form-data; boundary={boundary}"),
        body,
    )
    .await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(page.body.contains("Stored 1 new documents"));
    assert_inert("/upload (result)", &page.body);
}

#[tokio::test]
async fn csv_cells_that_would_run_as_formulas_are_neutralised() {
    let (_dir, app) = empty_app(Limits::default());
    let stored = post(
        &app,
        "/api/documents",
        "application/json",
        serde_json::json!({
            "title": "=HYPERLINK(\"http://x.example\",\"click\")",
            "outlet": "=cmd|' /C calc'!A0",
            "published": "2031-03-04",
            "text": "Bridge to reopen\n\n\"=1+2 is what the council wrote,\" said Mayor Ilka Tarn on Monday.",
        })
        .to_string(),
    )
    .await;
    assert_eq!(stored.status, StatusCode::CREATED, "{}", stored.body);
    let export = get(&app, "/api/claims.csv").await;
    let mut reader = csv::Reader::from_reader(export.body.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let outlet = headers.iter().position(|h| h == "outlet").unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert!(!rows.is_empty());
    for row in &rows {
        for cell in row.iter() {
            assert!(
                !cell.trim_start().starts_with(['=', '+', '-', '@']),
                "a cell a spreadsheet would run: {cell:?}"
            );
        }
        assert_eq!(&row[outlet], "'=cmd|' /C calc'!A0");
    }
}
