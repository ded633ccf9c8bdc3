//! Front matter: a leading YAML (`---`) or TOML (`+++`) block of flat keys. A small reader
//! for `key: value` / `key = "value"` pairs and simple lists is enough for post-mortem
//! metadata and builds everywhere (no YAML crate on wasm32).

/// One front-matter key with its value(s) and 1-based source line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrontKey {
    pub key: String,
    pub value: String,
    pub line: u32,
}

/// Splits off front matter. Returns the keys and the source with the front-matter lines
/// blanked (so line numbers stay those of the original document).
pub fn split(src: &str) -> (Vec<FrontKey>, String) {
    let mut lines = src.split('\n');
    let first = lines.next().unwrap_or("").trim_end();
    let toml = match first {
        "---" => false,
        "+++" => true,
        _ => return (Vec::new(), src.to_string()),
    };
    let all: Vec<&str> = src.split('\n').collect();
    let close = all
        .iter()
        .enumerate()
        .skip(1)
        .find(|(_, l)| {
            let l = l.trim_end();
            if toml {
                l == "+++"
            } else {
                l == "---" || l == "..."
            }
        })
        .map(|(i, _)| i);
    let Some(close) = close else {
        return (Vec::new(), src.to_string());
    };
    let mut keys: Vec<FrontKey> = Vec::new();
    for (i, raw) in all.iter().enumerate().take(close).skip(1) {
        let line = u32::try_from(i + 1).unwrap_or(u32::MAX);
        let trimmed = raw.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        // YAML list continuation: "  - item" under the previous key.
        if let Some(item) = trimmed.strip_prefix("- ") {
            if let Some(last) = keys.last_mut() {
                if !last.value.is_empty() {
                    last.value.push_str(", ");
                }
                last.value.push_str(unquote(item.trim()));
            }
            continue;
        }
        let sep = if toml { '=' } else { ':' };
        if let Some((k, v)) = trimmed.split_once(sep) {
            let v = v.trim();
            let value = if v.starts_with('[') && v.ends_with(']') && v.len() >= 2 {
                v[1..v.len() - 1]
                    .split(',')
                    .map(|s| unquote(s.trim()))
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(", ")
            } else {
                unquote(v).to_string()
            };
            keys.push(FrontKey {
                key: unquote(k.trim()).to_string(),
                value,
                line,
            });
        }
    }
    if keys.is_empty() {
        // A leading thematic break, not front matter.
        return (Vec::new(), src.to_string());
    }
    let mut out = String::with_capacity(src.len());
    for (i, l) in all.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if i > close {
            out.push_str(l);
        }
    }
    (keys, out)
}

fn unquote(s: &str) -> &str {
    for q in ['"', '\''] {
        if s.len() >= 2 && s.starts_with(q) && s.ends_with(q) {
            return &s[1..s.len() - 1];
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_yaml_and_keeps_line_numbers() {
        let src = "---\ntitle: \"Cache stampede\"\nseverity: SEV2\nservices:\n  - api\n  - web\n---\n# Body\n";
        let (keys, rest) = split(src);
        assert_eq!(keys.len(), 3);
        assert_eq!(keys[0].value, "Cache stampede");
        assert_eq!(keys[1].line, 3);
        assert_eq!(keys[2].value, "api, web");
        assert_eq!(rest.lines().nth(7), Some("# Body"));
    }

    #[test]
    fn reads_toml() {
        let (keys, _) = split("+++\ntitle = 'X'\nservices = [\"a\", \"b\"]\n+++\ntext");
        assert_eq!(keys[0].key, "title");
        assert_eq!(keys[1].value, "a, b");
    }

    #[test]
    fn no_front_matter_or_unclosed() {
        assert!(split("# Title\n").0.is_empty());
        let (k, rest) = split("---\ntitle: x\n");
        assert!(k.is_empty());
        assert_eq!(rest, "---\ntitle: x\n");
    }
}
