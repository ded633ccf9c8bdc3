//! Reports that travel in the link: which view the page's URL asks for (`route`), the
//! read-only shared copy (`#r=…`), the compact embed for wikis (`?embed#r=…`), and the
//! editor's "Copy share link" and "Embed" controls. The report comes from the fragment
//! (decoded by the core's `share`), so nothing here reads or writes storage except
//! "Save a copy", which goes through `Ctx` like any new report.

pub mod embed_view;
pub mod share_controls;
pub mod shared_view;

use hindsight_core::share::{decode_fragment, share_link};
use hindsight_core::Report;

/// What the page's URL asks for.
#[derive(Debug, Clone, PartialEq)]
pub enum Route {
    /// The editor and library, as usual.
    App,
    /// A shared report shown read-only over the app, or why the link holds none.
    Shared(Result<Report, String>),
    /// The compact embed view, storage never touched.
    Embed(Result<Report, String>),
}

/// True when the fragment carries a report parameter (`#r=…`, or `r=` among `&` parts),
/// as opposed to an in-page anchor such as `#section-timeline`.
pub fn has_report(hash: &str) -> bool {
    let fragment = hash.strip_prefix('#').unwrap_or(hash);
    fragment.split('&').any(|p| p.starts_with("r="))
}

/// True when the query asks for the embed view (`?embed`, `?embed=1`, `?x&embed`).
pub fn wants_embed(search: &str) -> bool {
    let query = search.strip_prefix('?').unwrap_or(search);
    query
        .split('&')
        .any(|p| p == "embed" || p.starts_with("embed="))
}

/// The view for a URL's query (`location.search`) and fragment (`location.hash`).
pub fn route(search: &str, hash: &str) -> Route {
    let decode = || decode_fragment(hash).map_err(|e| e.to_string());
    if wants_embed(search) {
        Route::Embed(decode())
    } else if has_report(hash) {
        Route::Shared(decode())
    } else {
        Route::App
    }
}

/// The page's address without query or fragment: what share links are built on.
pub fn page_base(href: &str) -> String {
    let end = href.find(['?', '#']).unwrap_or(href.len());
    href[..end].to_string()
}

/// The share link and the embed link for a report, from the page's address.
pub fn links(report: &Report, href: &str) -> (String, String) {
    let base = page_base(href);
    let share = share_link(report, &base);
    let embed = share_link(report, &format!("{base}?embed"));
    (share, embed)
}

/// The `<iframe>` a wiki page pastes to show the embed. The title and link are escaped
/// for an HTML attribute (a title may hold quotes or angle brackets).
pub fn iframe_snippet(embed_link: &str, title: &str) -> String {
    let title = if title.trim().is_empty() {
        "Post-mortem".to_string()
    } else {
        format!("Post-mortem: {}", title.trim())
    };
    format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"720\" style=\"border:0\" loading=\"lazy\" referrerpolicy=\"no-referrer\"></iframe>",
        attribute(embed_link),
        attribute(&title)
    )
}

fn attribute(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(c),
        }
    }
    out
}

/// The page's current query and fragment.
pub fn current_route() -> Route {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return Route::App;
    };
    route(
        &location.search().unwrap_or_default(),
        &location.hash().unwrap_or_default(),
    )
}

/// Drops the shared report from the address bar without reloading, so a reload or the
/// back button does not bring the shared copy back over the author's own report.
pub fn forget_fragment() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let href = window.location().href().unwrap_or_default();
    let base = page_base(&href);
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&base));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Report {
        let mut r = Report::new("003");
        r.meta.title = "Checkout \"outage\" <b>".to_string();
        r
    }

    #[test]
    fn the_url_picks_the_view() {
        let r = sample();
        let fragment = hindsight_core::share::encode_fragment(&r);
        assert_eq!(route("", ""), Route::App);
        assert_eq!(route("", "#section-timeline"), Route::App);
        assert_eq!(route("", &fragment), Route::Shared(Ok(r.clone())));
        assert_eq!(route("?embed", &fragment), Route::Embed(Ok(r.clone())));
        assert_eq!(route("?a=1&embed=1", &fragment), Route::Embed(Ok(r)));
        assert!(matches!(route("", "#r=%%%"), Route::Shared(Err(_))));
        assert!(matches!(route("?embed", ""), Route::Embed(Err(_))));
        assert!(!wants_embed("?embedded"));
    }

    #[test]
    fn links_and_snippet_are_built_on_the_page_address() {
        let r = sample();
        let (share, embed) = links(&r, "https://example.org/a/b/?x=1#r=old");
        assert!(share.starts_with("https://example.org/a/b/#r="), "{share}");
        assert!(
            embed.starts_with("https://example.org/a/b/?embed#r="),
            "{embed}"
        );
        assert_eq!(decode_fragment(&embed), Ok(r.clone()));
        let snippet = iframe_snippet(&embed, &r.meta.title);
        assert!(snippet.contains("title=\"Post-mortem: Checkout &quot;outage&quot; &lt;b&gt;\""));
        assert!(snippet.starts_with("<iframe src=\"https://example.org/a/b/?embed#r="));
    }
}
