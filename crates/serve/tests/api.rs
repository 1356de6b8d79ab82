//! The JSON API over a store of the demo corpus: every route, cursor
//! paging, the change feed, exports, uploads and their limits.

mod support;

use axum::http::StatusCode;
use crosscheck_model::Claim;
use crosscheck_serve::Limits;
use serde_json::Value;
use support::{demo_app, empty_app, get, post};

/// Follows `next_cursor` from `uri` to the end, collecting `key` items.
async fn every_page(
    app: &std::sync::Arc<crosscheck_serve::App>,
    uri: &str,
    key: &str,
) -> Vec<Value> {
    let mut items = Vec::new();
    let mut next: Option<String> = None;
    let sep = if uri.contains('?') { '&' } else { '?' };
    for _ in 0..10_000 {
        let page_uri = match &next {
            Some(c) => format!("{uri}{sep}cursor={c}"),
            None => uri.to_string(),
        };
        let page = get(app, &page_uri).await;
        assert_eq!(page.status, StatusCode::OK, "{page_uri}: {}", page.body);
        let json = page.json();
        items.extend(json[key].as_array().expect(key).iter().cloned());
        match json["next_cursor"].as_str() {
            Some(c) => next = Some(c.to_string()),
            None => return items,
        }
    }
    panic!("{uri}: paging never ends");
}

#[tokio::test]
async fn claims_page_with_cursors_in_store_order_without_gaps_or_repeats() {
    let (_dir, app) = demo_app().await;
    let snapshot = app.snapshot();
    let paged = every_page(&app, "/api/claims?limit=3", "claims").await;
    let ids: Vec<&str> = paged.iter().map(|c| c["id"].as_str().unwrap()).collect();
    let want: Vec<&str> = snapshot
        .ledger
        .claims
        .iter()
        .map(|c| c.id.as_str())
        .collect();
    assert_eq!(ids, want);
    // Each is a ledger claim as the ledger JSON writes it.
    let first: Claim = serde_json::from_value(paged[0].clone()).unwrap();
    assert_eq!(first, snapshot.ledger.claims[0]);

    let quotes = every_page(&app, "/api/claims?kind=quote&limit=2", "claims").await;
    let want = snapshot
        .ledger
        .claims
        .iter()
        .filter(|c| c.quote().is_some())
        .count();
    assert_eq!(quotes.len(), want);
    assert!(quotes.iter().all(|c| c["kind"] == "quote"));
    let total = get(&app, "/api/claims?kind=quote").await.json()["total"].clone();
    assert_eq!(total, want);
}

#[tokio::test]
async fn bad_parameters_are_json_errors_naming_them() {
    let (_dir, app) = demo_app().await;
    for (uri, names) in [
        ("/api/claims?limit=0", "limit"),
        ("/api/claims?limit=5000", "limit"),
        ("/api/claims?cursor=abc", "cursor"),
        ("/api/claims?kind=rumour", "kind"),
        ("/api/claims?to=2031-13-01", "to"),
        ("/api/claims?anonymous=perhaps", "anonymous"),
        ("/api/claims?since=last", "since"),
        ("/api/claims.ndjson?hedged=maybe", "hedged"),
        ("/api/entities?type=planet", "type"),
        ("/api/propositions?status=unclear", "status"),
        ("/api/documents?since=x", "since"),
    ] {
        let reply = get(&app, uri).await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{uri}");
        let error = reply.json()["error"].as_str().unwrap().to_string();
        assert!(error.starts_with(names), "{uri}: {error}");
    }
    for uri in [
        "/api/claims/nope",
        "/api/documents/nope",
        "/api/entities/nope",
        "/api/stories/nope",
        "/api/propositions/nope",
        "/api/nothing",
    ] {
        let reply = get(&app, uri).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "{uri}");
        assert!(
            reply.content_type().starts_with("application/json"),
            "{uri}"
        );
        assert_eq!(reply.json()["status"], 404);
    }
}

#[tokio::test]
async fn stories_documents_entities_and_propositions() {
    let (_dir, app) = demo_app().await;
    let snapshot = app.snapshot();

    let stories = get(&app, "/api/stories").await.json();
    assert_eq!(stories["total"], snapshot.stories.len());
    let id = stories["stories"][0]["id"].as_str().unwrap().to_string();
    let story = get(&app, &format!("/api/stories/{id}")).await.json();
    assert_eq!(
        story["documents"].as_array().unwrap().len(),
        stories["stories"][0]["documents"].as_u64().unwrap() as usize
    );
    assert!(story["propositions"].is_array() && story["quote_groups"].is_array());

    let documents = every_page(&app, "/api/documents?limit=2", "documents").await;
    assert_eq!(documents.len(), snapshot.ledger.documents.len());
    let doc_id = documents[0]["id"].as_str().unwrap();
    let doc = get(&app, &format!("/api/documents/{doc_id}")).await.json();
    assert_eq!(doc["document"]["id"], doc_id);
    assert!(doc["document"]["text"]
        .as_str()
        .is_some_and(|t| !t.is_empty()));
    assert_eq!(
        doc["claims"].as_array().unwrap().len(),
        documents[0]["claims"].as_u64().unwrap() as usize
    );
    let copies: usize = documents
        .iter()
        .filter(|d| !d["duplicate_of"].is_null())
        .count();
    assert!(copies > 0, "the demo's syndicated copy is marked");

    let entities = every_page(&app, "/api/entities?limit=5", "entities").await;
    assert_eq!(entities.len(), snapshot.ledger.entities.len());
    let counts: Vec<u64> = entities
        .iter()
        .map(|e| e["claims"].as_u64().unwrap())
        .collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "most claims first");
    let people = get(&app, "/api/entities?type=person&limit=1000")
        .await
        .json();
    assert!(people["entities"]
        .as_array()
        .unwrap()
        .iter()
        .all(|e| e["type"] == "person"));
    let eid = entities[0]["id"].as_str().unwrap();
    let entity = get(&app, &format!("/api/entities/{eid}")).await.json();
    assert_eq!(entity["entity"]["id"], eid);

    let conflicting = get(&app, "/api/propositions?status=conflicting")
        .await
        .json();
    let want = snapshot
        .ledger
        .propositions
        .iter()
        .filter(|p| p.status == crosscheck_model::PropositionStatus::Conflicting)
        .count();
    assert_eq!(conflicting["total"], want);
    let all = every_page(
        &app,
        &format!("/api/propositions?story={id}&limit=4"),
        "propositions",
    )
    .await;
    assert!(!all.is_empty());
    let pid = all[0]["id"].as_str().unwrap();
    assert_eq!(
        get(&app, &format!("/api/propositions/{pid}")).await.json()["id"],
        pid
    );
}

#[tokio::test]
async fn since_gives_what_was_stored_after_a_batch() {
    let (_dir, app) = demo_app().await;
    let before = get(&app, "/api/claims?limit=1").await.json();
    let batch = before["latest_batch"].as_i64().unwrap();
    assert!(batch >= 1);
    assert_eq!(
        get(&app, &format!("/api/claims?since={batch}"))
            .await
            .json()["total"],
        0
    );
    let added = post(
        &app,
        "/api/documents",
        "application/json",
        bridge_article().to_string(),
    )
    .await;
    assert_eq!(added.status, StatusCode::CREATED, "{}", added.body);
    let report = added.json();
    assert_eq!(report["batch"], batch + 1);
    let new_id = report["documents"][0]["id"].as_str().unwrap().to_string();

    let changed = every_page(
        &app,
        &format!("/api/claims?since={batch}&limit=1"),
        "claims",
    )
    .await;
    assert!(!changed.is_empty());
    assert!(changed.iter().all(|c| c["doc"] == new_id.as_str()));
    let feed = get(&app, &format!("/api/claims?since={batch}"))
        .await
        .json();
    assert_eq!(feed["latest_batch"], batch + 1);
    let docs = get(&app, &format!("/api/documents?since={batch}"))
        .await
        .json();
    assert_eq!(docs["total"], 1);
    assert_eq!(docs["documents"][0]["batch"], batch + 1);

    // The same article again adds nothing and makes no batch.
    let again = post(
        &app,
        "/api/documents",
        "application/json",
        serde_json::json!([bridge_article()]).to_string(),
    )
    .await;
    assert_eq!(again.status, StatusCode::OK);
    assert_eq!(again.json()["added"], 0);
    assert_eq!(again.json()["skipped"], 1);
    assert_eq!(
        get(&app, "/api/claims").await.json()["latest_batch"],
        batch + 1
    );
}

#[tokio::test]
async fn ndjson_exports_stream_every_matching_claim() {
    let (_dir, app) = demo_app().await;
    let snapshot = app.snapshot();
    let all = get(&app, "/api/claims.ndjson").await;
    assert_eq!(all.status, StatusCode::OK);
    assert!(all.content_type().starts_with("application/x-ndjson"));
    let claims: Vec<Claim> = all
        .body
        .lines()
        .map(|l| serde_json::from_str(l).expect("a claim a line"))
        .collect();
    let want: Vec<Claim> = snapshot.claims_in_store_order().cloned().collect();
    assert_eq!(claims, want);
    let stances = get(&app, "/api/claims.ndjson?kind=stance").await;
    let n = stances.body.lines().count();
    assert_eq!(
        n,
        snapshot
            .ledger
            .claims
            .iter()
            .filter(|c| c.stance().is_some())
            .count()
    );
}

#[tokio::test]
async fn uploads_take_json_multipart_and_raw_files_and_report_bad_records() {
    let (_dir, app) = empty_app(Limits::default());
    let article = |title: &str, text: &str| serde_json::json!({"title": title, "text": format!("{title}\n\n{text}"), "outlet": "Kestrel Radio"});
    let json = post(
        &app,
        "/api/documents",
        "application/json",
        serde_json::json!({"documents": [
            article("Ferry service resumes", "Captain Oda Venn said the ferry would run twice a day."),
            {"title": "no text here"},
        ]})
        .to_string(),
    )
    .await;
    assert_eq!(json.status, StatusCode::CREATED, "{}", json.body);
    let report = json.json();
    assert_eq!(report["added"], 1);
    let errors = report["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 1);
    assert!(
        errors[0].as_str().unwrap().starts_with("request.jsonl#2"),
        "{errors:?}"
    );

    let boundary = "B0UND";
    let multipart = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.txt\"\r\n\r\n\
         Harbour toll rises\n\nPort director Lys Amar said the toll would rise by 8 percent.\r\n\
         --{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"b.html\"\r\n\r\n\
         <html><head><title>Dock strike ends</title></head><body><article><h1>Dock strike ends</h1>\
         <p>Union leader Per Halvik said the strike was over after 12 days.</p></article></body></html>\r\n\
         --{boundary}--\r\n"
    );
    let form = post(
        &app,
        "/api/documents",
        &format!("multipart/form-data; boundary={boundary}"),
        multipart,
    )
    .await;
    assert_eq!(form.status, StatusCode::CREATED, "{}", form.body);
    assert_eq!(form.json()["added"], 2);

    let raw = post(
        &app,
        "/api/documents?name=note.txt",
        "text/plain",
        "Bridge inspection due\n\nEngineer Tam Rook said the inspection would take a week.",
    )
    .await;
    assert_eq!(raw.status, StatusCode::CREATED, "{}", raw.body);
    assert_eq!(get(&app, "/api/documents").await.json()["total"], 4);

    for (content_type, body, status, says) in [
        (
            "application/json",
            "{not json",
            StatusCode::BAD_REQUEST,
            "not JSON",
        ),
        (
            "application/json",
            "[]",
            StatusCode::BAD_REQUEST,
            "no articles",
        ),
        (
            "application/json",
            "42",
            StatusCode::BAD_REQUEST,
            "article object",
        ),
        (
            "application/json",
            "[{\"title\": \"x\"}]",
            StatusCode::UNPROCESSABLE_ENTITY,
            "request.jsonl#1",
        ),
        ("text/plain", "", StatusCode::BAD_REQUEST, "empty"),
    ] {
        let reply = post(&app, "/api/documents", content_type, body).await;
        assert_eq!(reply.status, status, "{body}: {}", reply.body);
        assert!(
            reply.json()["error"].as_str().unwrap().contains(says),
            "{}",
            reply.body
        );
    }
    // Nothing already stored was lost.
    assert_eq!(get(&app, "/api/documents").await.json()["total"], 4);
}

#[tokio::test]
async fn uploads_over_the_limit_get_a_clear_413() {
    let (_dir, app) = empty_app(Limits { max_upload: 2048 });
    let big = "word ".repeat(1000);
    let raw = post(
        &app,
        "/api/documents?name=big.txt",
        "text/plain",
        big.clone(),
    )
    .await;
    assert_eq!(raw.status, StatusCode::PAYLOAD_TOO_LARGE);
    let error = raw.json()["error"].as_str().unwrap().to_string();
    assert!(
        error.contains("larger than") && error.contains("--max-upload"),
        "{error}"
    );

    let boundary = "B0UND";
    let multipart = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"big.txt\"\r\n\r\n{big}\r\n--{boundary}--\r\n"
    );
    let form = post(
        &app,
        "/api/documents",
        &format!("multipart/form-data; boundary={boundary}"),
        multipart.clone(),
    )
    .await;
    assert_eq!(form.status, StatusCode::PAYLOAD_TOO_LARGE, "{}", form.body);
    let page = post(
        &app,
        "/upload",
        &format!("multipart/form-data; boundary={boundary}"),
        multipart,
    )
    .await;
    assert_eq!(page.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(page.content_type().starts_with("text/html"));
    assert_eq!(get(&app, "/api/documents").await.json()["total"], 0);
}

#[tokio::test]
async fn csv_exports_stream_claims_csv_rows() {
    let (_dir, app) = demo_app().await;
    let snapshot = app.snapshot();
    let all = get(&app, "/api/claims.csv").await;
    assert_eq!(all.status, StatusCode::OK);
    assert!(all.content_type().starts_with("text/csv"));
    let mut reader = csv::Reader::from_reader(all.body.as_bytes());
    let headers = reader.headers().unwrap().clone();
    assert_eq!(&headers[0], "claim");
    let ids: Vec<String> = reader
        .records()
        .map(|r| r.expect("a CSV row")[0].to_string())
        .collect();
    let want: Vec<String> = snapshot
        .claims_in_store_order()
        .map(|c| c.id.clone())
        .collect();
    assert_eq!(ids, want);
    // The same columns as the report's claims.csv.
    let mut report = Vec::new();
    crosscheck_report::write_claims_csv(&snapshot.ledger, &mut report).unwrap();
    let report_headers = csv::Reader::from_reader(report.as_slice())
        .headers()
        .unwrap()
        .clone();
    assert_eq!(headers, report_headers);

    let hedged = get(&app, "/api/claims.csv?hedged=yes").await;
    let rows = csv::Reader::from_reader(hedged.body.as_bytes())
        .records()
        .count();
    assert_eq!(
        rows,
        snapshot.ledger.claims.iter().filter(|c| c.hedged).count()
    );
}

/// The `curl` lines of `docs/api.md`, as (method, path, JSON body).
fn documented_requests() -> Vec<(String, String, Option<String>)> {
    let doc = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/api.md"),
    )
    .expect("docs/api.md");
    let mut requests = Vec::new();
    let mut lines = doc.lines().peekable();
    while let Some(line) = lines.next() {
        let Some(at) = line.find("http://127.0.0.1:8080") else {
            continue;
        };
        if !line.trim_start().starts_with("curl") {
            continue;
        }
        let path: String = line[at + "http://127.0.0.1:8080".len()..]
            .chars()
            .take_while(|c| !matches!(c, '\'' | ' ' | '"'))
            .collect();
        if !line.contains("-X POST") {
            requests.push(("GET".to_string(), path, None));
            continue;
        }
        // A JSON body: the -d '...' argument, over as many lines as it takes.
        let mut command = line.to_string();
        while command.trim_end().ends_with('\\') || command.matches('\'').count() % 2 == 1 {
            match lines.next() {
                Some(next) => command = format!("{}\n{next}", command.trim_end_matches('\\')),
                None => break,
            }
        }
        let body = command
            .split_once("-d '")
            .and_then(|(_, rest)| rest.split_once('\''))
            .map(|(body, _)| body.to_string());
        requests.push(("POST".to_string(), path, body));
    }
    requests
}

#[tokio::test]
async fn the_curl_examples_of_the_api_docs_work() {
    let (_dir, app) = demo_app().await;
    let requests = documented_requests();
    assert!(requests.len() >= 8, "{requests:?}");
    let mut posted = 0;
    for (method, path, body) in requests {
        // Examples that name a later cursor or batch work on any store.
        let reply = match (method.as_str(), body) {
            ("GET", _) => get(&app, &path).await,
            (_, Some(json)) => {
                posted += 1;
                post(&app, &path, "application/json", json).await
            }
            // File uploads need files beside the command: not run here.
            _ => continue,
        };
        assert!(
            reply.status.is_success(),
            "{method} {path}: {} {}",
            reply.status,
            reply.body
        );
        if reply.content_type().starts_with("application/json") {
            reply.json();
        }
    }
    assert_eq!(posted, 2, "the JSON upload examples run");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn background_uploads_report_their_progress_then_what_was_stored() {
    let (_dir, app) = demo_app().await;
    let articles = serde_json::json!([
        {"title": "Ferry timetable changes", "outlet": "Kestrel Radio",
         "text": "Captain Oda Venn said the ferry would run 14 times a week from Monday."},
        {"title": "Harbour fees rise", "outlet": "Port Gazette",
         "text": "The harbour board said fees would rise by about 3 percent per year."},
    ]);
    let accepted = post(
        &app,
        "/api/documents?async=yes",
        "application/json",
        articles.to_string(),
    )
    .await;
    assert_eq!(accepted.status, StatusCode::ACCEPTED, "{}", accepted.body);
    let href = accepted.json()["href"]
        .as_str()
        .expect("job href")
        .to_string();
    assert_eq!(
        accepted
            .headers
            .get("location")
            .and_then(|v| v.to_str().ok()),
        Some(href.as_str())
    );
    let mut stages = Vec::new();
    let job = loop {
        let job = get(&app, &href).await;
        assert_eq!(job.status, StatusCode::OK, "{}", job.body);
        let job = job.json();
        let stage = job["stage"].as_str().expect("stage").to_string();
        assert!(job["done"].as_u64() <= job["total"].as_u64(), "{job}");
        if stages.last() != Some(&stage) {
            stages.push(stage.clone());
        }
        if stage == "done" || stage == "failed" {
            break job;
        }
        assert!(stages.len() < 10, "{stages:?}");
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    };
    assert_eq!(job["stage"], "done", "{job}");
    assert_eq!(job["total"], 2, "{job}");
    assert_eq!(job["done"], 2, "{job}");
    assert_eq!(job["report"]["added"], 2, "{job}");
    let id = job["report"]["documents"][0]["id"].as_str().expect("id");
    assert_eq!(
        get(&app, &format!("/api/documents/{id}")).await.status,
        StatusCode::OK
    );

    // A failed job says why; unknown jobs and bad switches are clear errors.
    let failed = post(
        &app,
        "/api/documents?async=yes",
        "application/json",
        r#"[{"title": "no text"}]"#,
    )
    .await;
    assert_eq!(failed.status, StatusCode::ACCEPTED, "{}", failed.body);
    let href = failed.json()["href"].as_str().expect("href").to_string();
    let job = loop {
        let job = get(&app, &href).await.json();
        if job["stage"] == "failed" || job["stage"] == "done" {
            break job;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    };
    assert_eq!(job["stage"], "failed", "{job}");
    assert!(
        job["error"]
            .as_str()
            .is_some_and(|e| e.contains("request.jsonl")),
        "{job}"
    );
    assert_eq!(
        get(&app, "/api/jobs/999999").await.status,
        StatusCode::NOT_FOUND
    );
    let bad = post(&app, "/api/documents?async=maybe", "application/json", "{}").await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert!(bad.body.contains("async"), "{}", bad.body);
}

/// The invented article the upload tests post.
fn bridge_article() -> serde_json::Value {
    serde_json::json!({
        "title": "Vess bridge to reopen",
        "outlet": "Kestrel Radio",
        "published": "2031-03-10",
        "text": "Vess bridge to reopen\n\nMayor Ilka Tarn said on Monday that the Vess bridge \
                 would reopen in May. \"We will not wait any longer,\" Tarn told reporters.",
    })
}
