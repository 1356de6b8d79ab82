//! Errors as responses: an HTML page for the web app, `{"error": …}` for
//! the API, with the status that says what happened.

use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Json, Response};

use crate::filter::BadFilter;
use crate::index::IndexError;
use crate::pages::render_error_page;

/// What went wrong handling a request.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// Nothing at this address.
    #[error("{0}")]
    NotFound(String),
    /// The request asks for something that cannot be given.
    #[error("{0}")]
    BadRequest(String),
    /// The request body is larger than the server accepts.
    #[error("{0}")]
    TooLarge(String),
    /// The request is not allowed (a write from another site's page).
    #[error("{0}")]
    Forbidden(String),
    /// Nothing in an upload could be read.
    #[error("{0}")]
    Unprocessable(String),
    /// The store failed.
    #[error("{0}")]
    Store(#[from] crosscheck_store::StoreError),
    /// Anything else; a bug.
    #[error("{0}")]
    Internal(String),
}

impl From<BadFilter> for AppError {
    fn from(e: BadFilter) -> AppError {
        AppError::BadRequest(e.to_string())
    }
}

impl From<IndexError> for AppError {
    fn from(e: IndexError) -> AppError {
        AppError::Internal(e.to_string())
    }
}

impl From<tokio::task::JoinError> for AppError {
    fn from(e: tokio::task::JoinError) -> AppError {
        AppError::Internal(format!("a worker task failed: {e}"))
    }
}

impl AppError {
    /// The HTTP status.
    pub fn status(&self) -> StatusCode {
        match self {
            AppError::NotFound(_) => StatusCode::NOT_FOUND,
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::Forbidden(_) => StatusCode::FORBIDDEN,
            AppError::TooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::Unprocessable(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::Store(_) | AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn log(&self) {
        if self.status().is_server_error() {
            eprintln!("crosscheck serve: {self}");
        }
    }
}

/// An error shown as an HTML page.
#[derive(Debug)]
pub struct PageError(pub AppError);

impl<E: Into<AppError>> From<E> for PageError {
    fn from(e: E) -> PageError {
        PageError(e.into())
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        self.0.log();
        let status = self.0.status();
        (status, Html(render_error_page(status, &self.0.to_string()))).into_response()
    }
}

/// An error as JSON: `{"error": "…", "status": 400}`.
#[derive(Debug)]
pub struct ApiError(pub AppError);

impl<E: Into<AppError>> From<E> for ApiError {
    fn from(e: E) -> ApiError {
        ApiError(e.into())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        self.0.log();
        let status = self.0.status();
        (
            status,
            Json(serde_json::json!({ "error": self.0.to_string(), "status": status.as_u16() })),
        )
            .into_response()
    }
}
