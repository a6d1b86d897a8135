//! The dashboard's files and the OpenAPI document, embedded in the binary
//! (no CDN, no files on disk at run time).

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

/// `(name, content type, bytes)` of every file under `/assets/`.
pub const ASSETS: &[(&str, &str, &[u8])] = &[
    (
        "app.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../assets/app.js"),
    ),
    (
        "app.css",
        "text/css; charset=utf-8",
        include_bytes!("../assets/app.css"),
    ),
    // Low-resolution land outline from Natural Earth (public domain); see tools/gen_world_outline.py.
    ("world.json", "application/json", include_bytes!("../assets/world.json")),
];

pub const INDEX_HTML: &str = include_str!("../assets/index.html");

/// The OpenAPI 3 description of the API, kept in sync with the router by
/// `tests/api.rs`.
pub const OPENAPI_JSON: &str = include_str!("../assets/openapi.json");

pub fn index() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        INDEX_HTML,
    )
        .into_response()
}

/// An embedded file by name, or `None`.
pub fn asset(name: &str) -> Option<Response> {
    let (_, ctype, bytes) = ASSETS.iter().find(|(n, _, _)| *n == name)?;
    Some(
        (
            StatusCode::OK,
            [(header::CONTENT_TYPE, *ctype), (header::CACHE_CONTROL, "no-cache")],
            *bytes,
        )
            .into_response(),
    )
}

pub fn openapi() -> Response {
    ([(header::CONTENT_TYPE, "application/json")], OPENAPI_JSON).into_response()
}
