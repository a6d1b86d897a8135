//! Every endpoint of the API, driven in-process (`tower::ServiceExt::oneshot`)
//! over a store filled from the sample corpus; and the OpenAPI document
//! checked against the router.

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use axum::Router;
use dyad_pipeline::Pipeline;
use dyad_serve::{AppState, Config, Limits, API_ROUTES};
use serde_json::Value;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;
use tower::ServiceExt;

/// A store file in a fresh temporary directory, removed on drop.
struct TempDb {
    dir: PathBuf,
}

impl TempDb {
    fn new() -> TempDb {
        static N: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "dyad-serve-api-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::SeqCst)
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDb { dir }
    }
    fn path(&self) -> PathBuf {
        self.dir.join("dyad.db")
    }
}

impl Drop for TempDb {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// The sample corpus in a store, served read-only (or with ingest).
fn app_with(allow_ingest: bool, limits: Limits) -> (Router, TempDb) {
    let tmp = TempDb::new();
    let pipeline = Pipeline::builtin();
    dyad_serve::demo::build(&tmp.path(), &pipeline).unwrap();
    let config = Config {
        db: tmp.path(),
        allow_ingest,
        limits,
    };
    let state = AppState::new(config, pipeline).unwrap();
    (dyad_serve::router(state), tmp)
}

fn app() -> (Router, TempDb) {
    app_with(false, Limits::default())
}

fn block_on<F: std::future::Future>(f: F) -> F::Output {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .unwrap()
        .block_on(f)
}

/// One request; the answer's status, content type and body parsed as JSON
/// (`Value::Null` if it is not JSON).
fn call(app: &Router, method: Method, uri: &str, body: &str) -> (StatusCode, String, Value) {
    let req = Request::builder()
        .method(method)
        .uri(uri)
        .header(header::HOST, "127.0.0.1:8080")
        .body(Body::from(body.to_string()))
        .unwrap();
    block_on(async {
        let res = app.clone().oneshot(req).await.unwrap();
        let status = res.status();
        let ctype = res
            .headers()
            .get(header::CONTENT_TYPE)
            .map(|v| v.to_str().unwrap().to_string())
            .unwrap_or_default();
        let bytes = axum::body::to_bytes(res.into_body(), 64 << 20).await.unwrap();
        let json = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
        (status, ctype, json)
    })
}

fn get(app: &Router, uri: &str) -> Value {
    let (status, _, v) = call(app, Method::GET, uri, "");
    assert_eq!(status, StatusCode::OK, "GET {uri}: {v}");
    v
}

/// A 400 with the JSON error shape; returns the message.
fn bad(app: &Router, uri: &str) -> String {
    let (status, ctype, v) = call(app, Method::GET, uri, "");
    assert_eq!(status, StatusCode::BAD_REQUEST, "GET {uri}: {v}");
    assert!(ctype.starts_with("application/json"), "GET {uri}: {ctype}");
    assert_eq!(v["status"], 400, "GET {uri}: {v}");
    v["error"]
        .as_str()
        .unwrap_or_else(|| panic!("GET {uri}: no error message in {v}"))
        .to_string()
}

fn items(v: &Value) -> &Vec<Value> {
    v["items"].as_array().unwrap()
}

fn codes(e: &Value) -> (String, String) {
    let s = e["source"]["code"].as_str().unwrap().to_string();
    let t = e["target"]["code"].as_str().unwrap_or("").to_string();
    (s, t)
}

#[test]
fn health_reports_the_store() {
    let (app, _tmp) = app();
    let v = get(&app, "/api/health");
    assert_eq!(v["status"], "ok");
    assert_eq!(v["articles"], 5);
    assert!(v["events"].as_u64().unwrap() >= 20, "{v}");
    assert_eq!(v["ingest"], false);
    assert!(bad(&app, "/api/health?x=1").contains("unknown parameter `x`"));
}

#[test]
fn events_filter_page_and_explain() {
    let (app, _tmp) = app();
    let all = get(&app, "/api/events?limit=500");
    let total = all["total"].as_u64().unwrap();
    assert_eq!(items(&all).len() as u64, total);
    assert_eq!(get(&app, "/api/health")["events"].as_u64().unwrap(), total);
    for e in items(&all) {
        assert!(e["id"].is_i64() && e["article"].is_i64(), "{e}");
        assert!(e["pattern"].as_str().unwrap().starts_with("events"), "{e}");
    }
    // the CAMEO name comes from the codebook
    let consult = items(&all).iter().find(|e| e["cameo"] == "040").expect("a 040 event");
    assert!(!consult["cameo_name"].as_str().unwrap().is_empty(), "{consult}");

    // paging: consecutive pages are slices of the full list
    let p1 = get(&app, "/api/events?limit=3&offset=0");
    let p2 = get(&app, "/api/events?limit=3&offset=3");
    assert_eq!(p1["total"].as_u64().unwrap(), total);
    assert_eq!(p1["more"], true);
    let ids = |v: &Value| items(v).iter().map(|e| e["id"].as_i64().unwrap()).collect::<Vec<_>>();
    let all_ids = ids(&all);
    assert_eq!([ids(&p1), ids(&p2)].concat(), all_ids[..6].to_vec());

    // dyad, either direction, country prefix codes
    let ru_it = get(&app, "/api/events?dyad=RUS,ITA&limit=500");
    assert!(ru_it["total"].as_u64().unwrap() >= 5, "{ru_it}");
    for e in items(&ru_it) {
        let (s, t) = codes(e);
        assert!(
            (s.starts_with("RUS") && t.starts_with("ITA")) || (s.starts_with("ITA") && t.starts_with("RUS")),
            "{s} {t}"
        );
    }
    let expected = items(&all)
        .iter()
        .filter(|e| {
            let (s, t) = codes(e);
            (s.starts_with("RUS") && t.starts_with("ITA")) || (s.starts_with("ITA") && t.starts_with("RUS"))
        })
        .count() as u64;
    assert_eq!(ru_it["total"].as_u64().unwrap(), expected);

    let check = |uri: &str, pred: &dyn Fn(&Value) -> bool| {
        let v = get(&app, uri);
        assert!(!items(&v).is_empty(), "{uri} matched nothing");
        for e in items(&v) {
            assert!(pred(e), "{uri}: {e}");
        }
        let n = items(&all).iter().filter(|e| pred(e)).count() as u64;
        assert_eq!(v["total"].as_u64().unwrap(), n, "{uri}");
    };
    check("/api/events?actor=AZE&limit=500", &|e| {
        let (s, t) = codes(e);
        s.starts_with("AZE") || t.starts_with("AZE")
    });
    check("/api/events?source=RUSGOV&limit=500", &|e| {
        codes(e).0.starts_with("RUSGOV")
    });
    check("/api/events?target=ITA&limit=500", &|e| codes(e).1.starts_with("ITA"));
    check("/api/events?root=04&limit=500", &|e| e["root"] == "04");
    check("/api/events?cameo=040&limit=500", &|e| e["cameo"] == "040");
    check("/api/events?plover=consult&limit=500", &|e| e["plover"] == "CONSULT");
    check("/api/events?quad=4&limit=500", &|e| e["quad_class"] == 4);
    check("/api/events?from=2020-10-01&to=2020-10-31&limit=500", &|e| {
        e["date"].as_str().is_some_and(|d| d.starts_with("2020-10"))
    });
    check("/api/events?place=moscow&limit=500", &|e| {
        e["location"]["name"] == "Moscow"
    });
    check("/api/events?outlet=UrduPoint.com&limit=500", &|e| {
        e["outlet"] == "UrduPoint.com"
    });
    // full-text search over the sentences events were read from
    let v = get(&app, "/api/events?q=Lavrov&limit=500");
    assert!(!items(&v).is_empty());
    for e in items(&v) {
        assert!(e["evidence"]["sentence"].as_str().unwrap().contains("Lavrov"), "{e}");
    }
}

/// Events answer with their PLOVER type, mode and contexts (as the
/// codebook maps their CAMEO code), in the list and in the article view, and
/// every field an event has is in the OpenAPI `Event` schema.
#[test]
fn events_carry_plover_mode_and_context_as_documented() {
    let (app, _tmp) = app();
    let pipeline = Pipeline::builtin();
    let book = &pipeline.lexicon().codebook;
    let v = get(&app, "/api/events?limit=500");
    assert!(items(&v).len() >= 20);
    for e in items(&v) {
        let info = book.get(e["cameo"].as_str().unwrap()).unwrap();
        assert_eq!(e["plover"], serde_json::json!(info.plover), "{e}");
        assert_eq!(e["plover_mode"], serde_json::json!(info.plover_mode), "{e}");
        assert_eq!(e["plover_context"], serde_json::json!(info.plover_context), "{e}");
    }
    // the Wang Yi–Di Maio phone call: 041 → CONSULT, mode phone
    let call = items(&v)
        .iter()
        .find(|e| e["cameo"] == "041")
        .expect("the sample corpus has a phone call");
    assert_eq!(
        (&call["plover"], &call["plover_mode"]),
        (&"CONSULT".into(), &"phone".into())
    );
    let article = get(&app, &format!("/api/articles/{}", call["article"]));
    let mention = article["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["cameo"] == "041")
        .unwrap();
    assert_eq!(mention["plover_mode"], "phone");
    assert!(mention["plover_context"].is_array());

    let doc = get(&app, "/api/openapi.json");
    let props = doc["components"]["schemas"]["Event"]["properties"].as_object().unwrap();
    for e in items(&v) {
        for key in e.as_object().unwrap().keys() {
            assert!(
                props.contains_key(key),
                "event field {key} is not in the OpenAPI Event schema"
            );
        }
    }
    assert_eq!(props["plover_context"]["type"], "array");
}

#[test]
fn bad_parameters_are_400_with_a_json_error() {
    let (app, _tmp) = app();
    assert!(bad(&app, "/api/events?limit=0").contains("`limit` must be an integer from 1 to 500"));
    assert!(bad(&app, "/api/events?limit=501").contains("`limit`"));
    assert!(bad(&app, "/api/events?limit=ten").contains("`ten`"));
    assert!(bad(&app, "/api/events?offset=-1").contains("`offset`"));
    assert!(bad(&app, "/api/events?offset=100001").contains("`offset`"));
    assert!(bad(&app, "/api/events?quad=5").contains("`quad`"));
    assert!(bad(&app, "/api/events?root=4").contains("`root` must be 2 digits"));
    assert!(bad(&app, "/api/events?cameo=04a").contains("`cameo`"));
    assert!(bad(&app, "/api/events?from=2020-13-01").contains("YYYY-MM-DD"));
    assert!(bad(&app, "/api/events?from=2021-01-01&to=2020-01-01").contains("is after"));
    assert!(bad(&app, "/api/events?dyad=RUS").contains("two actors"));
    assert!(bad(&app, "/api/events?limit=1&limit=2").contains("more than once"));
    assert!(bad(&app, "/api/events?colour=red").contains("unknown parameter `colour`"));
    assert!(bad(&app, &format!("/api/events?q={}", "a".repeat(201))).contains("longer than 200"));
    // malformed full-text syntax is the client's mistake, not a server error
    assert!(bad(&app, "/api/events?q=%22unterminated").contains("text query"));
    assert!(bad(&app, "/api/dyads?level=planet").contains("`level` must be one of country, actor"));
    assert!(bad(&app, "/api/timeline?a=RUS").contains("missing parameter `b`"));
    assert!(bad(&app, "/api/timeline?a=RUS&b=ITA&by=hour").contains("`by`"));
    assert!(bad(&app, "/api/actors?limit=1001").contains("`limit`"));
    assert!(bad(&app, "/api/network?limit=0").contains("`limit`"));
    assert!(bad(&app, "/api/places?to=yesterday").contains("`to`"));
    assert!(bad(&app, "/api/articles/1?full=yes").contains("unknown parameter `full`"));
}

#[test]
fn dyads_actors_and_network_agree_with_events() {
    let (app, _tmp) = app();
    let dyads = get(&app, "/api/dyads");
    let top = &items(&dyads)[0];
    assert_eq!(
        (top["a"].as_str().unwrap(), top["b"].as_str().unwrap()),
        ("ITA", "RUS"),
        "{dyads}"
    );
    let n = top["events"].as_u64().unwrap();
    let ev = get(&app, "/api/events?dyad=ITA,RUS&limit=1");
    assert_eq!(
        ev["total"].as_u64().unwrap(),
        n,
        "country dyad count equals the dyad filter's count"
    );
    let g = top["goldstein"].as_f64().unwrap();
    assert!(g > 0.0 && g < 10.0, "{top}");
    // counts descend; paging works
    let counts: Vec<u64> = items(&dyads).iter().map(|d| d["events"].as_u64().unwrap()).collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
    let second = get(&app, "/api/dyads?limit=1&offset=1");
    assert_eq!(items(&second)[0], items(&dyads)[1]);
    assert_eq!(second["more"], true);
    // actor level keeps full codes
    let by_actor = get(&app, "/api/dyads?level=actor&limit=500");
    assert!(
        items(&by_actor)
            .iter()
            .any(|d| d["a"] == "ITAGOV" || d["b"] == "ITAGOV"),
        "{by_actor}"
    );
    let sum: u64 = items(&by_actor).iter().map(|d| d["events"].as_u64().unwrap()).sum();
    let with_target = get(&app, "/api/events?limit=500");
    let expected = items(&with_target).iter().filter(|e| !e["target"].is_null()).count() as u64;
    assert_eq!(sum, expected);
    // only pairs with AZE
    for d in items(&get(&app, "/api/dyads?actor=AZE")) {
        assert!(d["a"] == "AZE" || d["b"] == "AZE", "{d}");
    }

    let actors = get(&app, "/api/actors");
    let ita = items(&actors).iter().find(|a| a["code"] == "ITA").expect("ITA");
    assert_eq!(ita["name"], "Italy");
    assert_eq!(
        items(&actors)[0]["code"],
        "ITA",
        "Italy takes part in every sample article"
    );
    let actor_level = get(&app, "/api/actors?level=actor&limit=1000");
    assert!(items(&actor_level).iter().any(|a| a["code"] == "RUSGOV"));

    let net = get(&app, "/api/network");
    let node_ids: Vec<&str> = net["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap())
        .collect();
    assert!(node_ids.contains(&"ITA") && node_ids.contains(&"RUS"), "{net}");
    let edge = net["edges"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["a"] == "ITA" && e["b"] == "RUS")
        .expect("ITA-RUS edge");
    assert_eq!(edge["events"].as_u64().unwrap(), n);
    let small = get(&app, "/api/network?limit=2");
    assert_eq!(small["nodes"].as_array().unwrap().len(), 2);
    for e in small["edges"].as_array().unwrap() {
        let kept: Vec<&Value> = small["nodes"].as_array().unwrap().iter().map(|n| &n["id"]).collect();
        assert!(kept.contains(&&e["a"]) && kept.contains(&&e["b"]), "{small}");
    }
}

#[test]
fn timeline_buckets_add_up() {
    let (app, _tmp) = app();
    let total = get(&app, "/api/events?dyad=RUS,ITA&limit=1")["total"].as_u64().unwrap();
    for by in ["day", "week", "month", "year"] {
        let t = get(&app, &format!("/api/timeline?a=RUS&b=ITA&by={by}"));
        assert_eq!(t["by"], by);
        let buckets = t["buckets"].as_array().unwrap();
        assert!(!buckets.is_empty());
        let sum: u64 = buckets.iter().map(|b| b["events"].as_u64().unwrap()).sum();
        assert_eq!(sum + t["undated"].as_u64().unwrap(), total, "{by}: {t}");
        for b in buckets {
            let q: u64 = b["quad"].as_array().unwrap().iter().map(|x| x.as_u64().unwrap()).sum();
            assert_eq!(q, b["events"].as_u64().unwrap(), "{b}");
        }
        let periods: Vec<&str> = buckets.iter().map(|b| b["period"].as_str().unwrap()).collect();
        assert!(periods.windows(2).all(|w| w[0] < w[1]), "{periods:?}");
    }
    let years = get(&app, "/api/timeline?a=RUS&b=ITA&by=year");
    assert!(
        years["buckets"]
            .as_array()
            .unwrap()
            .iter()
            .any(|b| b["period"] == "2020"),
        "{years}"
    );
    let oct = get(&app, "/api/timeline?a=RUS&b=ITA&by=day&from=2020-10-01&to=2020-10-31");
    let days: Vec<&str> = oct["buckets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["period"].as_str().unwrap())
        .collect();
    assert_eq!(days, ["2020-10-14"]);
}

#[test]
fn places_are_map_points() {
    let (app, _tmp) = app();
    let v = get(&app, "/api/places");
    let moscow = items(&v).iter().find(|p| p["name"] == "Moscow").expect("Moscow");
    assert!((moscow["lat"].as_f64().unwrap() - 55.75).abs() < 0.5, "{moscow}");
    assert!((moscow["lon"].as_f64().unwrap() - 37.62).abs() < 0.5, "{moscow}");
    assert_eq!(
        moscow["events"].as_u64().unwrap(),
        get(&app, "/api/events?place=Moscow")["total"].as_u64().unwrap()
    );
    let rus = get(&app, "/api/places?actor=AZE");
    assert!(items(&rus).iter().all(|p| p["name"] != "Moscow"), "{rus}");
}

#[test]
fn article_has_text_and_spans_that_point_at_the_words() {
    let (app, _tmp) = app();
    let first = &items(&get(&app, "/api/events?dyad=RUS,ITA&limit=1"))[0].clone();
    let id = first["article"].as_i64().unwrap();
    let a = get(&app, &format!("/api/articles/{id}"));
    assert_eq!(a["id"], id);
    let text: Vec<char> = a["text"].as_str().unwrap().chars().collect();
    let slice = |s: &Value| -> String {
        text[s["start"].as_u64().unwrap() as usize..s["end"].as_u64().unwrap() as usize]
            .iter()
            .collect()
    };
    let events = a["events"].as_array().unwrap();
    assert!(
        events.iter().any(|e| e["id"] == first["id"]),
        "the event is listed in its article"
    );
    let spans = a["spans"].as_array().unwrap();
    for e in events {
        let mine: Vec<&Value> = spans.iter().filter(|s| s["event"] == e["id"]).collect();
        let of = |kind: &str| mine.iter().find(|s| s["kind"] == kind).copied();
        assert_eq!(slice(of("source").unwrap()), e["source"]["text"].as_str().unwrap());
        assert_eq!(
            slice(of("event").unwrap()),
            e["evidence"]["event_text"].as_str().unwrap()
        );
        if let Some(t) = of("target") {
            assert_eq!(slice(t), e["target"]["text"].as_str().unwrap());
        }
    }
    // by input id too
    let by_name = get(&app, "/api/articles/000_46ba96b69bd97d1b");
    assert_eq!(by_name["article_id"], "000_46ba96b69bd97d1b");
    assert_eq!(by_name["outlet"], "UrduPoint.com");
    let (status, _, v) = call(&app, Method::GET, "/api/articles/no-such-article", "");
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(v["status"], 404);
    assert!(v["error"].as_str().unwrap().contains("no-such-article"));
}

const NEW_ARTICLE: &str = r#"{"id": "api-test-1", "date": "2021-03-02", "source": "Test Wire", "title": "Lavrov in Rome", "text": "ROME, March 2 -- Russian Foreign Minister Sergey Lavrov met Italian Foreign Minister Luigi Di Maio in Rome on Tuesday."}"#;

#[test]
fn ingest_is_off_unless_allowed() {
    let (app, _tmp) = app();
    let (status, _, v) = call(&app, Method::POST, "/api/ingest", NEW_ARTICLE);
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(v["status"], 403);
    assert!(v["error"].as_str().unwrap().contains("--allow-ingest"));
    assert_eq!(get(&app, "/api/health")["articles"], 5, "nothing was written");
}

#[test]
fn ingest_codes_and_stores_json_lines() {
    let limits = Limits {
        max_ingest_bytes: 4096,
        ..Limits::default()
    };
    let (app, _tmp) = app_with(true, limits);
    assert_eq!(get(&app, "/api/health")["ingest"], true);
    let before = get(&app, "/api/health")["events"].as_u64().unwrap();
    let body = format!("{NEW_ARTICLE}\n{{\"id\": \"broken\"\n");
    let (status, _, v) = call(&app, Method::POST, "/api/ingest", &body);
    assert_eq!(status, StatusCode::OK, "{v}");
    assert_eq!(v["added"], 1);
    assert!(v["events"].as_u64().unwrap() >= 1, "{v}");
    let problems = v["problems"].as_array().unwrap();
    assert_eq!(problems.len(), 1);
    assert!(problems[0].as_str().unwrap().contains("body:2"), "{v}");
    let h = get(&app, "/api/health");
    assert_eq!(h["articles"], 6);
    assert_eq!(h["events"].as_u64().unwrap(), before + v["events"].as_u64().unwrap());
    let stored = get(&app, "/api/events?from=2021-03-02&to=2021-03-02");
    assert!(
        items(&stored).iter().any(|e| e["article_id"] == "api-test-1"),
        "{stored}"
    );
    // the same article again is a duplicate
    let (status, _, v) = call(&app, Method::POST, "/api/ingest", NEW_ARTICLE);
    assert_eq!(status, StatusCode::OK);
    assert_eq!((v["added"].as_u64(), v["duplicates"].as_u64()), (Some(0), Some(1)));
    // bad bodies
    let (status, _, v) = call(&app, Method::POST, "/api/ingest", "  \n");
    assert_eq!((status, v["status"].as_u64()), (StatusCode::BAD_REQUEST, Some(400)));
    let (status, _, v) = call(&app, Method::POST, "/api/ingest", "{\"title\": \"no text\"}");
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(v["error"].as_str().unwrap().contains("text"), "{v}");
    let big = format!("{{\"text\": \"{}\"}}", "word ".repeat(2000));
    let (status, _, v) = call(&app, Method::POST, "/api/ingest", &big);
    assert_eq!(
        (status, v["status"].as_u64()),
        (StatusCode::PAYLOAD_TOO_LARGE, Some(413))
    );
    assert_eq!(get(&app, "/api/health")["articles"], 6, "failed ingests wrote nothing");
}

#[test]
fn slow_queries_are_stopped_with_503() {
    let tmp = TempDb::new();
    let pipeline = Pipeline::builtin();
    dyad_serve::demo::build(&tmp.path(), &pipeline).unwrap();
    let limits = Limits {
        query_time: Duration::from_millis(50),
        ..Limits::default()
    };
    let config = Config {
        db: tmp.path(),
        allow_ingest: false,
        limits,
    };
    let state = AppState::new(config, pipeline).unwrap();
    // A read that takes 2 s: the answer comes at the limit, not when it ends
    // (timed inside the runtime: dropping a runtime waits for its blocking tasks).
    let (r, took) = block_on(async {
        let started = std::time::Instant::now();
        let r = state
            .read(|store, _| {
                std::thread::sleep(Duration::from_millis(2000));
                Ok(store.counts()?.events)
            })
            .await;
        (r, started.elapsed())
    });
    let e = r.unwrap_err();
    assert_eq!(e.status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(e.message.contains("narrow the filters"), "{e}");
    assert!(took < Duration::from_millis(1500), "{took:?}");
    // as JSON
    let res = axum::response::IntoResponse::into_response(e);
    assert_eq!(res.status(), StatusCode::SERVICE_UNAVAILABLE);
    // quick reads still work
    let app = dyad_serve::router(state);
    assert_eq!(get(&app, "/api/health")["articles"], 5);
}

#[test]
fn dashboard_and_errors_outside_the_api() {
    let (app, _tmp) = app();
    let req = |method: Method, uri: &str, host: &str| {
        let req = Request::builder()
            .method(method)
            .uri(uri)
            .header(header::HOST, host)
            .body(Body::empty())
            .unwrap();
        block_on(async {
            let res = app.clone().oneshot(req).await.unwrap();
            let status = res.status();
            let ctype = res.headers().get(header::CONTENT_TYPE).cloned();
            let bytes = axum::body::to_bytes(res.into_body(), 1 << 20).await.unwrap();
            (
                status,
                ctype.map(|c| c.to_str().unwrap().to_string()),
                String::from_utf8_lossy(&bytes).into_owned(),
            )
        })
    };
    let (s, ct, html) = req(Method::GET, "/", "localhost:8080");
    assert_eq!(s, StatusCode::OK);
    assert!(ct.unwrap().starts_with("text/html"));
    assert!(html.contains("/assets/app.js") && html.contains("/assets/app.css"));
    for (file, ctype) in [
        ("app.js", "text/javascript"),
        ("app.css", "text/css"),
        ("world.json", "application/json"),
    ] {
        let (s, ct, body) = req(Method::GET, &format!("/assets/{file}"), "127.0.0.1");
        assert_eq!(s, StatusCode::OK, "{file}");
        assert!(ct.unwrap().starts_with(ctype), "{file}");
        assert!(body.len() > 1000, "{file}");
    }
    let world: Value = serde_json::from_str(&req(Method::GET, "/assets/world.json", "[::1]:8080").2).unwrap();
    assert!(world["path"].as_str().unwrap().starts_with('M'));
    for (method, uri, status) in [
        (Method::GET, "/assets/nope.js", 404),
        (Method::GET, "/nope", 404),
        (Method::GET, "/api/nope", 404),
        (Method::DELETE, "/api/events", 405),
        (Method::GET, "/api/ingest", 405),
    ] {
        let (s, ct, body) = req(method.clone(), uri, "127.0.0.1:8080");
        assert_eq!(s.as_u16(), status, "{method} {uri}");
        assert!(ct.unwrap().starts_with("application/json"), "{method} {uri}");
        let v: Value = serde_json::from_str(&body).unwrap();
        assert_eq!(v["status"], status);
        assert!(!v["error"].as_str().unwrap().is_empty());
    }
    // a page from elsewhere reaching the loopback server by DNS rebinding
    let (s, _, body) = req(Method::GET, "/api/health", "evil.example:8080");
    assert_eq!(s, StatusCode::FORBIDDEN, "{body}");
    assert!(dyad_serve::api::host_is_local("localhost:8080") && dyad_serve::api::host_is_local("[::1]:1"));
    assert!(!dyad_serve::api::host_is_local("localhost.evil.example"));
}

#[test]
fn openapi_documents_every_route_and_nothing_else() {
    let (app, _tmp) = app();
    let doc = get(&app, "/api/openapi.json");
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    let paths = doc["paths"].as_object().unwrap();
    for (method, path) in API_ROUTES {
        let op = &paths
            .get(*path)
            .unwrap_or_else(|| panic!("{path} is routed but not documented"))[method.to_lowercase()];
        assert!(op.is_object(), "{method} {path} is routed but not documented");
        assert!(op["responses"].is_object(), "{method} {path} has no responses");
    }
    for (path, ops) in paths {
        for method in ops.as_object().unwrap().keys() {
            assert!(
                API_ROUTES.contains(&(method.to_uppercase().as_str(), path.as_str())),
                "{method} {path} is documented but not routed"
            );
        }
    }
    // every route answers (none falls through to the 404/405 fallbacks)
    for (method, path) in API_ROUTES {
        let uri = path
            .replace("{id}", "1")
            .replace("/api/timeline", "/api/timeline?a=RUS&b=ITA");
        let (status, _, v) = call(&app, Method::from_bytes(method.as_bytes()).unwrap(), &uri, "");
        assert!(
            status != StatusCode::NOT_FOUND && status != StatusCode::METHOD_NOT_ALLOWED,
            "{method} {uri}: {status} {v}"
        );
    }
    // documented query parameters are accepted (unknown ones would be 400)
    for (path, ops) in paths {
        let Some(op) = ops.get("get") else { continue };
        let mut q = Vec::new();
        for p in op["parameters"].as_array().into_iter().flatten() {
            if p["in"] == "query" {
                let name = p["name"].as_str().unwrap();
                let value = match name {
                    "from" => "2020-01-01",
                    "to" => "2024-12-31",
                    "limit" => "5",
                    "offset" => "0",
                    "quad" => "1",
                    "root" => "04",
                    "cameo" => "04",
                    "dyad" => "RUS,ITA",
                    "by" => "month",
                    "level" => "country",
                    "plover" => "CONSULT",
                    _ => "RUS",
                };
                q.push(format!("{name}={value}"));
            }
        }
        let uri = format!("{}?{}", path.replace("{id}", "1"), q.join("&"));
        let (status, _, v) = call(&app, Method::GET, &uri, "");
        assert_eq!(status, StatusCode::OK, "GET {uri}: {v}");
    }
    // every schema reference resolves
    let text = doc.to_string();
    for part in text.split("\"$ref\":\"#/components/schemas/").skip(1) {
        let name = &part[..part.find('"').unwrap()];
        assert!(doc["components"]["schemas"][name].is_object(), "dangling $ref {name}");
    }
}
