//! The WebAssembly boundary, and the only file that knows about wasm-bindgen: plain strings
//! in, plain objects (via serde-wasm-bindgen) out, errors as JS `Error`s with a message.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;

use crate::Engine;

thread_local! {
    /// The engine every call uses; `configure` replaces it with one holding the user's settings.
    static ENGINE: RefCell<Engine> = RefCell::new(Engine::new());
}

/// Runs once when the module is instantiated: a panic then reaches the console with its
/// message instead of an opaque `unreachable` trap.
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// Judges a URL or host name; returns the verdict object, or throws an `Error` saying why
/// the input is not a link.
#[wasm_bindgen]
pub fn analyze_url(input: &str) -> Result<JsValue, JsError> {
    let verdict = ENGINE.with(|engine| engine.borrow().analyze_url(input)).map_err(|e| JsError::new(&e.to_string()))?;
    to_js(&verdict)
}

/// Judges a pasted message: the links in it, and whether it speaks as a brand it is not.
#[wasm_bindgen]
pub fn analyze_text(text: &str) -> Result<JsValue, JsError> {
    let verdict = ENGINE.with(|engine| engine.borrow().analyze_text(text));
    to_js(&verdict)
}

/// Judges a page from the facts the content script gathered: `{url, title, text, headings,
/// links: [{href, text}], forms: [{action, has_password, has_card}]}`. Throws an `Error` when
/// the object does not have that shape.
#[wasm_bindgen]
pub fn analyze_page(facts: JsValue) -> Result<JsValue, JsError> {
    let facts: crate::PageFacts = serde_wasm_bindgen::from_value(facts).map_err(|e| JsError::new(&format!("not page facts: {e}")))?;
    let verdict = ENGINE.with(|engine| engine.borrow().analyze_page(&facts));
    to_js(&verdict)
}

/// Sets the user's trusted sites and own protected domains (host names or URLs; entries that
/// are not domain names are skipped).
#[wasm_bindgen]
pub fn configure(trusted: Vec<String>, protected: Vec<String>) {
    let engine = Engine::with_settings(&trusted, &protected);
    ENGINE.with(|current| *current.borrow_mut() = engine);
}

fn to_js(value: &impl serde::Serialize) -> Result<JsValue, JsError> {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    value.serialize(&serializer).map_err(|e| JsError::new(&e.to_string()))
}
