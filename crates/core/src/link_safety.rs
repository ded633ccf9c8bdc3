//! Which link and image destinations the Markdown exporter may write. A destination is
//! read the way the most lenient downstream renderer and browser might read it (HTML
//! entities and percent-escapes decoded, whitespace, control and invisible characters
//! dropped, case folded) and only then is its scheme judged, so `JaVaScRiPt:`,
//! `&#106;avascript:`, `java%0ascript:` and `\u{1}javascript:` are all caught. Schemes
//! are allowed by name (a list of web, mail and chat schemes); everything else with a
//! scheme, `javascript:`, `vbscript:` and `data:` among them, is refused. Images may also
//! use `data:` for raster formats.

/// Schemes a link may use. Relative destinations (no scheme) are always allowed.
const LINK_SCHEMES: [&str; 16] = [
    "http", "https", "mailto", "tel", "sms", "ftp", "ftps", "sftp", "ssh", "git", "irc", "ircs",
    "xmpp", "news", "geo", "magnet",
];

/// `data:` media types an image may use: raster formats, which cannot carry script.
const IMAGE_DATA_TYPES: [&str; 5] = [
    "image/png",
    "image/gif",
    "image/jpeg",
    "image/jpg",
    "image/webp",
];

/// How many rounds of entity and percent decoding are applied: enough for any nesting a
/// renderer chain could undo (each round undoes one layer).
const DECODE_ROUNDS: usize = 4;

/// True when a link (`image == false`) or image destination is safe to write as a live
/// link: relative, or with an allowed scheme.
pub fn is_safe_destination(url: &str, image: bool) -> bool {
    let norm = normalise(url);
    let Some(scheme) = scheme_of(&norm) else {
        return true;
    };
    if LINK_SCHEMES.contains(&scheme) {
        return true;
    }
    image && scheme == "data" && is_raster_data(&norm)
}

/// `data:image/png;base64,...` and friends, after normalisation.
fn is_raster_data(norm: &str) -> bool {
    let rest = norm.get("data:".len()..).unwrap_or("");
    let media = rest.split([';', ',']).next().unwrap_or("");
    IMAGE_DATA_TYPES.contains(&media)
}

/// The scheme of a normalised destination: what comes before the first `:` when no `/`,
/// `?` or `#` comes earlier. An empty scheme (`:x`) counts as none.
fn scheme_of(norm: &str) -> Option<&str> {
    let end = norm.find([':', '/', '?', '#'])?;
    if norm.as_bytes().get(end) != Some(&b':') || end == 0 {
        return None;
    }
    norm.get(..end)
}

/// Decodes entities and percent-escapes (a few rounds), drops every character a browser
/// or renderer might ignore inside a scheme, and lowercases.
fn normalise(url: &str) -> String {
    let mut s = url.to_string();
    for _ in 0..DECODE_ROUNDS {
        let next = percent_decode(&decode_entities(&s));
        if next == s {
            break;
        }
        s = next;
    }
    s.chars()
        .filter(|c| !is_ignorable(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whitespace, controls and invisible format characters (zero-width spaces and joiners,
/// soft hyphen, byte-order mark, bidi controls).
fn is_ignorable(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(c, '\u{ad}' | '\u{180e}' | '\u{200b}'..='\u{200f}' | '\u{2028}'..='\u{202e}' | '\u{2060}'..='\u{206f}' | '\u{feff}')
}

/// Named entities that matter inside a destination. An unknown named entity is dropped:
/// whatever it stands for, it cannot be a scheme character we would allow.
const NAMED_ENTITIES: [(&str, &str); 16] = [
    ("colon", ":"),
    ("tab", "\t"),
    ("newline", "\n"),
    ("nbsp", " "),
    ("amp", "&"),
    ("lt", "<"),
    ("gt", ">"),
    ("quot", "\""),
    ("apos", "'"),
    ("sol", "/"),
    ("quest", "?"),
    ("num", "#"),
    ("percnt", "%"),
    ("lpar", "("),
    ("rpar", ")"),
    ("period", "."),
];

/// Decodes `&#NN;`, `&#xHH;` (semicolon optional, as browsers accept) and named entities.
fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let tail = &rest[at + 1..];
        if let Some((decoded, used)) = entity(tail) {
            out.push_str(&decoded);
            rest = &tail[used..];
        } else {
            out.push('&');
            rest = tail;
        }
    }
    out.push_str(rest);
    out
}

/// Reads one entity after its `&`: the text it stands for and the bytes consumed.
fn entity(tail: &str) -> Option<(String, usize)> {
    if let Some(num) = tail.strip_prefix('#') {
        let (digits, radix, skip) = match num.strip_prefix(['x', 'X']) {
            Some(hex) => (hex, 16, 2),
            None => (num, 10, 1),
        };
        let len = digits.chars().take_while(|c| c.is_digit(radix)).count();
        if len == 0 {
            return None;
        }
        let value = u32::from_str_radix(&digits[..len], radix).unwrap_or(u32::MAX);
        let ch = char::from_u32(value).unwrap_or('\u{fffd}');
        let semi = usize::from(digits[len..].starts_with(';'));
        return Some((ch.to_string(), skip + len + semi));
    }
    let len = tail.chars().take_while(char::is_ascii_alphanumeric).count();
    if len == 0 {
        return None;
    }
    let name = &tail[..len];
    let semi = usize::from(tail[len..].starts_with(';'));
    let known = NAMED_ENTITIES
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| (*v).to_string());
    match (known, semi) {
        (Some(v), _) => Some((v, len + semi)),
        // Only a terminated unknown entity is one; `&foo` without `;` is plain text.
        (None, 1) => Some((String::new(), len + 1)),
        (None, _) => None,
    }
}

/// Decodes `%HH` escapes; invalid UTF-8 after decoding becomes U+FFFD.
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| char::from(b).to_digit(16);
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push(u8::try_from(h * 16 + l).unwrap_or(b'?'));
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_mail_and_relative_destinations_are_safe() {
        for url in [
            "https://example.com/a?b#c",
            "HTTP://EXAMPLE.COM",
            "mailto:oncall@example.com",
            "tel:+15550100",
            "/runbooks/db.md",
            "../x.md#anchor",
            "#section",
            "page.md?a=b:c",
            "",
        ] {
            assert!(is_safe_destination(url, false), "{url}");
        }
    }

    #[test]
    fn script_capable_schemes_are_refused_in_every_disguise() {
        for url in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " javascript:alert(1)",
            "\u{1}javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "java\u{200b}script:alert(1)",
            "&#106;avascript:alert(1)",
            "&#x6A;avascript:alert(1)",
            "&#0000106&#0000097vascript:alert(1)",
            "javascript&colon;alert(1)",
            "javascript&#58;alert(1)",
            "java&Tab;script:alert(1)",
            "%6Aavascript:alert(1)",
            "java%0ascript:alert(1)",
            "%2526%2523106;avascript:alert(1)",
            "jav&shy;ascript:alert(1)",
            "vbscript:msgbox(1)",
            "VBScript:msgbox(1)",
            "livescript:x",
            "data:text/html;base64,PHNjcmlwdD4=",
            "DATA:text/html,<script>",
            "file:///etc/passwd",
        ] {
            assert!(!is_safe_destination(url, false), "{url:?}");
            assert!(!is_safe_destination(url, true), "{url:?}");
        }
    }

    #[test]
    fn images_may_use_raster_data_urls_only() {
        assert!(is_safe_destination(
            "data:image/png;base64,iVBORw0KGgo=",
            true
        ));
        assert!(is_safe_destination("DATA:IMAGE/JPEG;base64,/9j/", true));
        assert!(!is_safe_destination(
            "data:image/png;base64,iVBORw0KGgo=",
            false
        ));
        assert!(!is_safe_destination(
            "data:image/svg+xml;base64,PHN2Zz4=",
            true
        ));
        assert!(!is_safe_destination("data:text/html,x", true));
    }

    #[test]
    fn decoding_never_panics_on_odd_input() {
        for url in [
            "%",
            "%4",
            "%zz",
            "&",
            "&#",
            "&#x",
            "&#xFFFFFFFFFF;",
            "&#55296;",
            "%ff%fe:",
            "€:x",
        ] {
            let _ = is_safe_destination(url, false);
        }
        assert_eq!(percent_decode("a%41%4"), "aA%4");
        assert_eq!(decode_entities("&amp;&#65&#x42;&foo &bar;"), "&AB&foo ");
    }
}
