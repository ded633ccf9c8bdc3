//! A stored report: the core `Report` plus what the browser keeps about it (its id and
//! when it was last edited), and the names its exports are saved under.

use hindsight_core::Report;

/// One report kept in this browser.
#[derive(Debug, Clone, PartialEq)]
pub struct Doc {
    /// Local id, also the storage key suffix; never shown to the author.
    pub id: String,
    /// Milliseconds since the Unix epoch of the last edit.
    pub edited_ms: f64,
    pub report: Report,
}

impl Doc {
    /// A doc with a fresh id made from the clock and a random number.
    pub fn new(report: Report, now_ms: f64, random: f64) -> Doc {
        Doc {
            id: new_id(now_ms, random),
            edited_ms: now_ms,
            report,
        }
    }
}

/// An id unique within one browser: time in base 36 plus a random suffix.
pub fn new_id(now_ms: f64, random: f64) -> String {
    let t = if now_ms.is_finite() && now_ms > 0.0 {
        now_ms as u64
    } else {
        0
    };
    let r = (random.clamp(0.0, 1.0) * 1_679_616.0) as u64; // 36^4
    format!("r{}{}", base36(t), base36(r))
}

fn base36(mut n: u64) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// File name (without extension) for a report's exports: incident id, date and title,
/// each lower-cased to `a-z0-9-`, joined by `_`; "post-mortem" when all are blank.
pub fn file_stem(report: &Report) -> String {
    let parts: Vec<String> = [
        &report.meta.incident_id,
        &report.meta.date,
        &report.meta.title,
    ]
    .iter()
    .map(|s| slug(s))
    .filter(|s| !s.is_empty())
    .collect();
    if parts.is_empty() {
        "post-mortem".to_string()
    } else {
        parts.join("_")
    }
}

fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.trim().chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-');
    out.chars()
        .take(60)
        .collect::<String>()
        .trim_end_matches('-')
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_stem_joins_id_date_title() {
        let mut r = Report::new("000");
        assert_eq!(file_stem(&r), "post-mortem");
        r.meta.incident_id = "INC-2024-0042".into();
        r.meta.date = "2024-01-15".into();
        r.meta.title = "  Database: outage (EU)! ".into();
        assert_eq!(file_stem(&r), "inc-2024-0042_2024-01-15_database-outage-eu");
    }

    #[test]
    fn ids_differ_by_time_and_random() {
        assert_ne!(new_id(1.0, 0.5), new_id(2.0, 0.5));
        assert_ne!(new_id(1.0, 0.1), new_id(1.0, 0.2));
        assert!(new_id(f64::NAN, 2.0).starts_with('r'));
    }
}
