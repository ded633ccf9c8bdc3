//! Which field a JSON data error is about (`timeline.entries[3].time`), found by reading
//! the document up to the line and column serde_json gives, instead of deserialising
//! through a path-tracking wrapper (which doubles the deserialiser's code in the web
//! build). Written the way `serde_path_to_error` writes paths; a test holds the two equal.

/// One step down the document: a key of an object, or an index into an array.
enum Step {
    /// An object, and the key whose value is being read (none between members).
    Object(Option<String>),
    /// An array, and the index of the element being read.
    Array(usize),
}

/// The byte offset just past the character at 1-based `line` and `column` (serde_json
/// counts the column in bytes, and points at the last byte it read).
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let start = match line {
        0 | 1 => 0,
        n => text
            .match_indices('\n')
            .nth(n - 2)
            .map_or(text.len(), |(i, _)| i + 1),
    };
    (start + column).min(text.len())
}

/// Reads a JSON string starting just after its opening quote at `i`; returns its
/// (unescaped, as far as keys need) content and the index past the closing quote.
fn read_string(bytes: &[u8], mut i: usize, end: usize) -> (String, usize) {
    let mut out = Vec::new();
    while i < end {
        match bytes[i] {
            b'"' => return (String::from_utf8_lossy(&out).into_owned(), i + 1),
            b'\\' if i + 1 < end => {
                match bytes[i + 1] {
                    b'n' => out.push(b'\n'),
                    b't' => out.push(b'\t'),
                    b'r' => out.push(b'\r'),
                    b'b' => out.push(8),
                    b'f' => out.push(12),
                    b'u' => {
                        // Keys are plain words; an escaped code unit is kept as written.
                        out.extend_from_slice(b"\\u");
                    }
                    c => out.push(c),
                }
                i += 2;
            }
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
    (String::from_utf8_lossy(&out).into_owned(), end)
}

/// The path of the value being read at `line`, `column` of `text` (a document that is
/// valid JSON), written as `serde_path_to_error` writes it: keys joined by `.`, indices
/// as `[i]`, and `.` for the document itself.
pub fn path_at(text: &str, line: usize, column: usize) -> String {
    let bytes = text.as_bytes();
    let end = offset_of(text, line, column);
    let mut stack: Vec<Step> = Vec::new();
    let mut i = 0;
    while i < end {
        match bytes[i] {
            b'{' => {
                stack.push(Step::Object(None));
                i += 1;
            }
            b'[' => {
                stack.push(Step::Array(0));
                i += 1;
            }
            b'}' | b']' => {
                stack.pop();
                i += 1;
            }
            b',' => {
                match stack.last_mut() {
                    Some(Step::Object(key)) => *key = None,
                    Some(Step::Array(n)) => *n += 1,
                    None => {}
                }
                i += 1;
            }
            b'"' => {
                let (s, next) = read_string(bytes, i + 1, end);
                if let Some(Step::Object(key @ None)) = stack.last_mut() {
                    *key = Some(s);
                }
                i = next;
            }
            _ => i += 1,
        }
    }
    let mut path = String::new();
    for step in &stack {
        match step {
            Step::Object(Some(key)) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Step::Object(None) => {}
            Step::Array(n) => path.push_str(&format!("[{n}]")),
        }
    }
    if path.is_empty() {
        path.push('.');
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Report;
    use proptest::prelude::*;

    /// The path `serde_path_to_error` gives for reading `text` as a report, with the
    /// error's line and column; `None` when it reads.
    fn reference(text: &str) -> Option<(String, usize, usize)> {
        let de = &mut serde_json::Deserializer::from_str(text);
        let e = serde_path_to_error::deserialize::<_, Report>(de).err()?;
        let path = e.path().to_string();
        let inner = e.into_inner();
        Some((path, inner.line(), inner.column()))
    }

    fn check(text: &str) {
        let (want, line, column) = reference(text).expect("the document has a data error");
        assert_eq!(path_at(text, line, column), want, "in {text}");
    }

    #[test]
    fn wrong_types_are_found_at_their_field() {
        check(r#"{"meta": {"title": 5}}"#);
        check("{\n  \"meta\": {\n    \"title\": \"x\",\n    \"severity\": []\n  }\n}");
        check(r#"{"timeline": {"entries": [{"time": "09:00"}, {"time": 7}]}}"#);
        check(r#"{"timeline": {"entries": [{}, {}, {"kind": "sideways"}]}}"#);
        check(r#"{"action_items": [{"action": "a"}, {"action": {"x": 1}}]}"#);
        check(r#"{"schema_version": "one"}"#);
        check(r#"{"meta": 3}"#);
    }

    #[test]
    fn keys_with_escapes_and_text_with_braces_do_not_confuse_it() {
        check(r#"{"meta": {"title": "a } ] , \" { [", "owner": 1}}"#);
        check(r#"{"summary": {"summary": "line\nnext \\ \"q\""}, "meta": {"date": false}}"#);
        check("{\"meta\": {\"title\": \"€ and ü\", \"status\": 1}}");
    }

    /// A report as JSON with one value replaced by something of the wrong type.
    fn spoiled(report: &Report, pick: usize, bad: &str) -> Option<String> {
        let pretty = serde_json::to_string_pretty(report).ok()?;
        // Candidate values: every `: "…"` string value in the pretty text.
        let spots: Vec<usize> = pretty.match_indices(": \"").map(|(i, _)| i + 2).collect();
        let at = *spots.get(pick % spots.len().max(1))?;
        let close = at + 1 + pretty[at + 1..].find('"')?;
        Some(format!("{}{bad}{}", &pretty[..at], &pretty[close + 1..]))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]
        /// Any string field of a filled report given a number, a list, an object or an
        /// unknown enum word: the field named is the one serde_path_to_error names.
        #[test]
        fn matches_the_path_tracking_deserialiser(pick in 0usize..400, bad in 0usize..4, rows in 1usize..6) {
            let mut r = Report::new("000");
            r.meta.title = "Checkout outage".into();
            r.meta.severity = "SEV2".into();
            for i in 0..rows {
                r.timeline.entries.push(crate::TimelineEntry {
                    time: format!("09:{i:02}"),
                    event: format!("step {i}"),
                    ..Default::default()
                });
                r.action_items.push(crate::ActionItem {
                    action: format!("fix {i}"),
                    owner: "sre".into(),
                    ..Default::default()
                });
            }
            let bad = ["42", "[1, 2]", "{\"x\": 1}", "true"][bad];
            if let Some(text) = spoiled(&r, pick, bad) {
                if let Some((want, line, column)) = reference(&text) {
                    prop_assert_eq!(path_at(&text, line, column), want);
                }
            }
        }
    }
}
