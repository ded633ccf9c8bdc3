//! Seed 001's pasted-from-a-web-page form: headings carry a pilcrow "¶" instead of `#`
//! markers. Rewrites those lines into ATX headings (one line for one line, so source line
//! numbers survive) before the Markdown parser sees the text.

use super::sections;

/// True when the text looks pasted from a rendered page (some line ends with "¶").
pub fn is_pasted(src: &str) -> bool {
    src.lines().any(|l| l.trim_end().ends_with('¶'))
}

/// Rewrites pilcrow heading lines into `#`/`##`/`###` headings. The first one becomes the
/// title; known top-level section names become level 2, everything else level 3.
pub fn to_markdown(src: &str) -> String {
    let mut out = String::with_capacity(src.len() + 256);
    let mut seen_title = false;
    for (i, line) in src.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let t = line.trim_end();
        let Some(text) = t.strip_suffix('¶') else {
            out.push_str(line);
            continue;
        };
        let text = text.trim();
        if text.is_empty() || text.starts_with('#') {
            out.push_str(text);
            continue;
        }
        let level = if !seen_title {
            seen_title = true;
            1
        } else if sections::is_top_level(text) {
            2
        } else {
            3
        };
        // A blank line is not needed: ATX headings interrupt paragraphs.
        out.push_str(&"#".repeat(level));
        out.push(' ');
        out.push_str(text);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rewrites_pilcrow_headings() {
        let src = "Post-Mortem: Disk full¶\nSummary¶\nIncident ID: INC-1\nUser Impact¶\ntext";
        assert!(is_pasted(src));
        let md = to_markdown(src);
        let lines: Vec<&str> = md.lines().collect();
        assert_eq!(lines[0], "# Post-Mortem: Disk full");
        assert_eq!(lines[1], "## Summary");
        assert_eq!(lines[2], "Incident ID: INC-1");
        assert_eq!(lines[3], "### User Impact");
    }

    #[test]
    fn plain_markdown_is_not_pasted() {
        assert!(!is_pasted("# Title\n\n## Summary\n"));
    }
}
