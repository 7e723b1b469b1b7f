//! The WebAssembly boundary, and the only file that knows about wasm-bindgen: plain strings
//! in, plain objects (the verdict's JSON, parsed) out, errors as JS `Error`s with a message.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;

use crate::{
    Engine, Language, ListingFacts, PageFacts, PageForm, PageLink, Sensitivity, PAGE_LIMITS,
};

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
    let verdict = ENGINE
        .with(|engine| engine.borrow().analyze_url(input))
        .map_err(|e| JsError::new(&e.to_string()))?;
    to_js(&verdict)
}

/// Judges what the user pasted or selected: one link or site name as a link, anything else
/// as a message.
#[wasm_bindgen]
pub fn analyze_input(input: &str) -> Result<JsValue, JsError> {
    let verdict = ENGINE.with(|engine| engine.borrow().analyze_input(input));
    to_js(&verdict)
}

/// Judges the address of the page a content script runs on: `{verdict, warn_now, read_page,
/// read_listing}` (warn before the page is parsed; read the page's content once it is; read it
/// as a listing for buying tips). Throws an `Error`
/// saying why the input is not a link.
#[wasm_bindgen]
pub fn analyze_address(url: &str) -> Result<JsValue, JsError> {
    let address = ENGINE
        .with(|engine| engine.borrow().analyze_address(url))
        .map_err(|e| JsError::new(&e.to_string()))?;
    let json = format!(
        "{{\"verdict\":{},\"warn_now\":{},\"read_page\":{},\"read_listing\":{}}}",
        address.verdict.to_json(),
        address.warn_now,
        address.read_page,
        address.read_listing
    );
    parse(&json)
}

/// The page-facts contract: how much of a page the content script gathers and sends, and the
/// caps the worker and the engine hold facts to (see `PageLimits`).
#[wasm_bindgen]
pub fn page_limits() -> Result<JsValue, JsError> {
    parse(&PAGE_LIMITS.to_json())
}

/// Judges a pasted message: the links in it, and whether it speaks as a brand it is not.
#[wasm_bindgen]
pub fn analyze_text(text: &str) -> Result<JsValue, JsError> {
    let verdict = ENGINE.with(|engine| engine.borrow().analyze_text(text));
    to_js(&verdict)
}

/// Judges a page from the facts the content script gathered: `{url, title, text, headings,
/// links: [{href, text}], forms: [{action, has_password, has_card}]}` (every field optional).
/// Throws an `Error` naming the field when the object does not have that shape.
#[wasm_bindgen]
pub fn analyze_page(facts: JsValue) -> Result<JsValue, JsError> {
    let facts = page_facts(&facts)?;
    let verdict = ENGINE.with(|engine| engine.borrow().analyze_page(&facts));
    to_js(&verdict)
}

/// The buying tips for an item page on a brand's real marketplace, from the facts the content
/// script gathered: `{url, title, price, currency, usual_price, store, today}` (strings, every
/// one optional). Returns `{tips: [{code, message, evidence}]}`, empty anywhere but on a real
/// marketplace; throws an `Error` naming the field when the object does not have that shape.
#[wasm_bindgen]
pub fn analyze_listing(facts: JsValue) -> Result<JsValue, JsError> {
    if !facts.is_object() {
        return Err(JsError::new("not listing facts: expected an object"));
    }
    let facts = ListingFacts {
        url: string(&facts, "url")?,
        title: string(&facts, "title")?,
        price: string(&facts, "price")?,
        currency: string(&facts, "currency")?,
        usual_price: string(&facts, "usual_price")?,
        store: string(&facts, "store")?,
        today: string(&facts, "today")?,
    };
    let tips = ENGINE.with(|engine| engine.borrow().analyze_listing(&facts));
    parse(&tips.to_json())
}

// The facts are read field by field rather than through serde-wasm-bindgen's deserializer:
// the same result, for about 13 KB less gzipped wasm (measured: 276,426 bytes with the
// deserializer, see BENCHMARKS.md, "Size — analyze_page").
fn page_facts(value: &JsValue) -> Result<PageFacts, JsError> {
    if !value.is_object() {
        return Err(JsError::new("not page facts: expected an object"));
    }
    let mut links = Vec::new();
    for link in list(value, "links")?.iter() {
        links.push(PageLink {
            href: string(&link, "links[].href")?,
            text: string(&link, "links[].text")?,
        });
    }
    let mut forms = Vec::new();
    for form in list(value, "forms")?.iter() {
        let action = string(&form, "forms[].action")?;
        let (has_password, has_card) =
            (boolean(&form, "forms[].has_password")?, boolean(&form, "forms[].has_card")?);
        forms.push(PageForm { action, has_password, has_card });
    }
    let mut headings = Vec::new();
    for heading in list(value, "headings")?.iter() {
        headings.push(heading.as_string().ok_or_else(|| wrong_type("headings[]", "strings"))?);
    }
    Ok(PageFacts {
        url: string(value, "url")?,
        title: string(value, "title")?,
        text: string(value, "text")?,
        headings,
        links,
        forms,
    })
}

/// The field named by the last part of `path`; missing, `undefined` and `null` are `None`.
fn field(object: &JsValue, path: &str) -> Result<Option<JsValue>, JsError> {
    if !object.is_object() {
        return Err(wrong_type(
            path.rsplit_once('.').map_or(path, |(parent, _)| parent),
            "an object",
        ));
    }
    let key = path.rsplit('.').next().unwrap_or(path);
    let value = js_sys::Reflect::get(object, &JsValue::from_str(key))
        .map_err(|_| JsError::new(&format!("not page facts: cannot read {path}")))?;
    Ok((!value.is_undefined() && !value.is_null()).then_some(value))
}

fn string(object: &JsValue, path: &str) -> Result<String, JsError> {
    field(object, path)?
        .map_or(Ok(String::new()), |v| v.as_string().ok_or_else(|| wrong_type(path, "a string")))
}

fn boolean(object: &JsValue, path: &str) -> Result<bool, JsError> {
    field(object, path)?
        .map_or(Ok(false), |v| v.as_bool().ok_or_else(|| wrong_type(path, "true or false")))
}

fn list(object: &JsValue, path: &str) -> Result<js_sys::Array, JsError> {
    match field(object, path)? {
        None => Ok(js_sys::Array::new()),
        Some(v) if js_sys::Array::is_array(&v) => Ok(v.into()),
        Some(_) => Err(wrong_type(path, "an array")),
    }
}

fn wrong_type(path: &str, expected: &str) -> JsError {
    JsError::new(&format!("not page facts: {path} should be {expected}"))
}

/// Sets the user's trusted sites and own protected domains (host names or URLs; entries that
/// are not domain names are skipped), the language of messages and advice, and the
/// sensitivity. `templates` holds one template per key of [`message_keys`], in that order
/// (empty or missing ones, and ones that drop a `{n}`, stay English); without it the engine
/// speaks English. `sensitivity` is `strict`, `balanced` or `relaxed`; without it, or with
/// another word, balanced: every verdict's level is then the one the user is to see.
#[wasm_bindgen]
pub fn configure(
    trusted: Vec<String>,
    protected: Vec<String>,
    templates: Option<Vec<String>>,
    sensitivity: Option<String>,
) {
    let language = templates.map_or_else(Language::english, |templates| {
        Language::from_templates(crate::message_keys().zip(templates.iter().map(String::as_str))).0
    });
    let sensitivity = sensitivity.as_deref().and_then(Sensitivity::from_name).unwrap_or_default();
    let engine = Engine::with_settings(&trusted, &protected)
        .in_language(language)
        .with_sensitivity(sensitivity);
    ENGINE.with(|current| *current.borrow_mut() = engine);
}

/// Loads what the extension ships beside the wasm in `engine/protected-names.js`: the popular
/// sites' names the engine protects beside its catalogue, and the popular sites themselves
/// (never called lookalikes). The first load wins; returns how many names the engine now holds.
#[wasm_bindgen]
pub fn load_names(names: &str, popular: &str) -> usize {
    crate::load_names(names, popular)
}

/// The keys of the engine's messages, in the order `configure` takes their templates.
#[wasm_bindgen]
pub fn message_keys() -> Vec<String> {
    crate::message_keys().map(str::to_string).collect()
}

/// The verdict as a plain JS object: its JSON parsed by the JS engine in one call (building
/// it field by field through serde-wasm-bindgen took a quarter of a host check).
fn to_js(verdict: &crate::Verdict) -> Result<JsValue, JsError> {
    parse(&verdict.to_json())
}

fn parse(json: &str) -> Result<JsValue, JsError> {
    js_sys::JSON::parse(json)
        .map_err(|_| JsError::new("the engine's answer could not be read as JSON"))
}
