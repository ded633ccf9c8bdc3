//! "Add events from…" as plain data: the files the reader read through the core
//! (`sources::read_for`, in the reader worker), their rows in one time-ordered list with repeats across files
//! marked by the core, the author's picks (keep, kind, text), the filters, the rows handed
//! to `sources::merge`, and which row each metric uses after the merge.

use super::reader::Unavailable;
use hindsight_core::sources::{
    self, metric_origins, Added, Candidate, Duplicate, FileReading, MetricOrigin, Reading,
};
use hindsight_core::{Report, TimelineEntry};
use std::collections::HashMap;

/// One file (or pasted text) the author gave, as the core read it.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadFile {
    pub name: String,
    pub bytes: Vec<u8>,
    /// The Slack channel asked for; `None` lets the core pick.
    pub channel: Option<String>,
    /// The channels of a Slack export, when it has more than one.
    pub channels: Vec<String>,
    pub outcome: Outcome,
}

/// What reading a file gave: the core's reading, or why the reader could not run.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// The core read it (rows, a channel to choose, or why it is not a source).
    Read(Reading),
    /// The reader itself could not run (not loaded, stopped): the file is kept to try
    /// again.
    Unavailable(String),
}

impl Outcome {
    /// The rows read, when there are any.
    pub fn rows(&self) -> Option<&[Candidate]> {
        match self {
            Outcome::Read(Reading::Read { rows, .. }) => Some(rows),
            _ => None,
        }
    }
}

impl ReadFile {
    /// The file `name` as the reader answered for it.
    pub fn new(
        name: String,
        bytes: Vec<u8>,
        channel: Option<String>,
        answer: Result<FileReading, Unavailable>,
    ) -> Self {
        let (channels, outcome) = match answer {
            Ok(FileReading { channels, outcome }) => (channels, Outcome::Read(outcome)),
            Err(Unavailable(why)) => (Vec::new(), Outcome::Unavailable(why)),
        };
        ReadFile {
            name,
            bytes,
            channel,
            channels,
            outcome,
        }
    }

    /// How many rows it gave.
    pub fn count(&self) -> usize {
        self.outcome.rows().map_or(0, <[Candidate]>::len)
    }
}

/// One candidate in the review, with the author's picks.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The candidate, its text and kind as the author edited them.
    pub c: Candidate,
    /// Index of the file it came from.
    pub file: usize,
    pub keep: bool,
}

/// The author's picks for a row, kept when another file is added.
type Pick = (bool, Option<hindsight_core::EventKind>, String);

/// Every file's rows in one list, in time order, repeats across files marked (and
/// unticked) by the core. Picks made on rows of `before` are kept; new rows start ticked
/// when the core suggests them.
pub fn combine(files: &[ReadFile], before: &[Row]) -> Vec<Row> {
    let mut all: Vec<(usize, Candidate)> = Vec::new();
    for (f, file) in files.iter().enumerate() {
        if let Some(rows) = file.outcome.rows() {
            all.extend(rows.iter().cloned().map(|c| (f, c)));
        }
    }
    // Stable: rows of one file at one instant keep the core's order (replies after
    // their parent).
    all.sort_by_key(|(_, c)| c.time);
    let (file_of, mut candidates): (Vec<usize>, Vec<Candidate>) = all.into_iter().unzip();
    if files.len() > 1 {
        sources::mark_repeats(&mut candidates);
    }
    let picks: HashMap<(usize, &str), Pick> = before
        .iter()
        .map(|r| {
            (
                (r.file, r.c.source_id.as_str()),
                (r.keep, r.c.kind, r.c.text.clone()),
            )
        })
        .collect();
    candidates
        .into_iter()
        .zip(file_of)
        .map(|(mut c, file)| {
            let mut keep = c.suggested;
            if let Some((k, kind, text)) = picks.get(&(file, c.source_id.as_str())) {
                keep = *k;
                c.kind = *kind;
                c.text = text.clone();
            }
            Row { c, file, keep }
        })
        .collect()
}

/// The people who appear in the rows, sorted, for the filter.
pub fn people(rows: &[Row]) -> Vec<String> {
    let mut who: Vec<String> = rows
        .iter()
        .map(|r| r.c.who.trim().to_string())
        .filter(|w| !w.is_empty())
        .collect();
    // Deduplicated before sorting, each key lowered once: 50,000 rows from a few people.
    who.sort_unstable();
    who.dedup();
    who.sort_by_cached_key(|w| w.to_lowercase());
    who
}

/// Indices of the rows by `who` (all when empty) whose text or person holds `word`
/// (any case; all when empty).
pub fn visible(rows: &[Row], who: &str, word: &str) -> Vec<usize> {
    let word = word.trim().to_lowercase();
    rows.iter()
        .enumerate()
        .filter(|(_, r)| who.is_empty() || r.c.who.trim() == who)
        .filter(|(_, r)| {
            word.is_empty()
                || r.c.text.to_lowercase().contains(&word)
                || r.c.who.to_lowercase().contains(&word)
        })
        .map(|(i, _)| i)
        .collect()
}

/// What the duplicate mark on a row says, if it has one.
pub fn duplicate_words(report: &Report, rows: &[Row], i: usize) -> Option<String> {
    match rows.get(i)?.c.duplicate_of? {
        Duplicate::Row(r) => Some(format!("Already in the timeline (row {})", r + 1)),
        Duplicate::Candidate(j) => Some(match rows.get(j) {
            Some(other) => format!("Repeats {} “{}”", other.c.shown_in(report), other.c.text),
            None => "Repeats an earlier row".to_string(),
        }),
    }
}

/// The ticked rows, as the merge takes them.
pub fn chosen(rows: &[Row]) -> Vec<Candidate> {
    rows.iter()
        .filter(|r| r.keep)
        .map(|r| r.c.clone())
        .collect()
}

/// What a merge added: the core's record of each row and the row as written, to tell
/// later whether the row is still there (an undo takes it away).
#[derive(Debug, Clone, PartialEq)]
pub struct Applied {
    pub added: Vec<(Added, TimelineEntry)>,
    /// Ticked rows the core left out as duplicates.
    pub left_out: usize,
}

/// Merges the ticked rows into `report` through the core; `None` when none is ticked.
pub fn apply(report: &Report, rows: &[Row]) -> Option<(Report, Applied)> {
    let chosen = chosen(rows);
    if chosen.is_empty() {
        return None;
    }
    let merged = sources::merge(report, &chosen);
    let added = merged
        .added
        .iter()
        .filter_map(|a| {
            let entry = merged.report.timeline.entries.get(a.row)?.clone();
            Some((a.clone(), entry))
        })
        .collect();
    let applied = Applied {
        added,
        left_out: merged.left_out.len(),
    };
    Some((merged.report, applied))
}

impl Applied {
    /// The added rows still in the report as the merge wrote them.
    pub fn still_there(&self, report: &Report) -> Vec<Added> {
        self.added
            .iter()
            .filter(|(a, entry)| report.timeline.entries.get(a.row) == Some(entry))
            .map(|(a, _)| a.clone())
            .collect()
    }

    /// For each metric, the row it uses now, in words ("time to acknowledge: row 4,
    /// 10:41:40 “Acknowledged by Priya Raman.”, imported from PagerDuty"). Empty when
    /// the merge was undone.
    pub fn origins(&self, report: &Report) -> Vec<String> {
        let added = self.still_there(report);
        if added.is_empty() {
            return Vec::new();
        }
        metric_origins(report, &added)
            .iter()
            .map(|o| origin_words(report, o))
            .collect()
    }
}

fn origin_words(report: &Report, o: &MetricOrigin) -> String {
    let entry = report.timeline.entries.get(o.row);
    let time = entry.map(|e| e.time.trim()).unwrap_or_default();
    let text = entry.map(|e| e.event.trim()).unwrap_or_default();
    let from = match &o.imported {
        Some(a) => format!(", imported from {} ({})", a.source.name(), a.source_id),
        None => ", your own row".to_string(),
    };
    let label = o.metric.label();
    let mut label_cap = label[..1].to_uppercase();
    label_cap.push_str(&label[1..]);
    format!("{label_cap}: row {}, {time} “{text}”{from}", o.row + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGERDUTY: &[u8] = include_bytes!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/crates/core/tests/fixtures/sources/pagerduty-log-entries.json"
    ));
    const SLACK_ZIP: &[u8] = include_bytes!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/crates/core/tests/fixtures/sources/slack-export-acme.zip"
    ));

    fn report() -> Report {
        let mut r = Report::new("000");
        r.meta.date = "2023-11-13".into();
        r.meta.timezone = "UTC".into();
        r
    }

    /// A file as the reader worker answers, through the same core call.
    fn read(r: &Report, name: &str, bytes: &[u8]) -> ReadFile {
        let context = sources::reading_context(r);
        let answer = sources::read_for(&context, bytes, None);
        ReadFile::new(name.into(), bytes.to_vec(), None, Ok(answer))
    }

    fn both(r: &Report) -> Vec<ReadFile> {
        vec![
            read(r, "slack.zip", SLACK_ZIP),
            read(r, "pd.json", PAGERDUTY),
        ]
    }

    #[test]
    fn two_files_make_one_time_ordered_list_with_suggestions_ticked() {
        let r = report();
        let files = both(&r);
        assert!(files.iter().all(|f| f.count() > 0), "{files:#?}");
        let rows = combine(&files, &[]);
        assert_eq!(rows.len(), files.iter().map(ReadFile::count).sum::<usize>());
        assert!(rows.windows(2).all(|w| w[0].c.time <= w[1].c.time));
        assert!(rows.iter().all(|r| r.keep == r.c.suggested));
        assert!(rows.iter().any(|r| r.keep) && rows.iter().any(|r| !r.keep));
        assert!(rows.iter().any(|r| r.file == 0) && rows.iter().any(|r| r.file == 1));
    }

    #[test]
    fn picks_survive_adding_a_file() {
        let r = report();
        let files = both(&r);
        let mut first = combine(&files[..1], &[]);
        first[0].keep = !first[0].keep;
        first[0].c.text = "edited".into();
        let id = first[0].c.source_id.clone();
        let again = combine(&files, &first);
        let row = again
            .iter()
            .find(|x| x.file == 0 && x.c.source_id == id)
            .expect("row kept");
        assert_eq!((row.keep, row.c.text.as_str()), (first[0].keep, "edited"));
    }

    #[test]
    fn filters_by_person_and_word() {
        let r = report();
        let rows = combine(&both(&r), &[]);
        let who = people(&rows);
        assert!(!who.is_empty());
        let by = visible(&rows, &who[0], "");
        assert!(!by.is_empty() && by.iter().all(|&i| rows[i].c.who.trim() == who[0]));
        let word = visible(&rows, "", "ACKNOWLEDGED");
        assert!(!word.is_empty());
        assert!(word
            .iter()
            .all(|&i| rows[i].c.text.to_lowercase().contains("acknowledged")
                || rows[i].c.who.to_lowercase().contains("acknowledged")));
        assert_eq!(visible(&rows, "", "").len(), rows.len());
    }

    #[test]
    fn merging_adds_ticked_rows_and_names_where_metrics_come_from() {
        let r = report();
        let rows = combine(&both(&r), &[]);
        let (merged, applied) = apply(&r, &rows).expect("rows ticked");
        let ticked = rows.iter().filter(|x| x.keep).count();
        assert_eq!(applied.added.len() + applied.left_out, ticked);
        assert_eq!(merged.timeline.entries.len(), applied.added.len());
        let origins = applied.origins(&merged);
        assert!(
            origins
                .iter()
                .any(|o| o.starts_with("Time to acknowledge") && o.contains("PagerDuty")),
            "{origins:#?}"
        );
        // Undone: the rows are gone, so nothing is claimed.
        assert!(applied.origins(&r).is_empty());
        assert!(apply(&r, &[]).is_none());
    }

    #[test]
    fn rows_already_in_the_timeline_are_marked_and_unticked() {
        let mut r = report();
        let files = both(&r);
        let rows = combine(&files, &[]);
        let (merged, _) = apply(&r, &rows).expect("rows ticked");
        r.timeline = merged.timeline;
        let again = combine(&both(&r), &[]);
        let dup = (0..again.len())
            .find(|&i| matches!(again[i].c.duplicate_of, Some(Duplicate::Row(_))))
            .expect("a duplicate");
        assert!(!again[dup].keep);
        let words = duplicate_words(&r, &again, dup).expect("words");
        assert!(words.starts_with("Already in the timeline"), "{words}");
    }

    #[test]
    fn unreadable_input_fails_in_words() {
        let r = report();
        let f = read(&r, "x.json", b"{\"log_entries\": [");
        assert!(
            matches!(&f.outcome, Outcome::Read(Reading::Failed(m)) if m.contains("JSON")),
            "{f:?}"
        );
        assert_eq!(f.count(), 0);
        let gone = ReadFile::new(
            "x.json".into(),
            b"[]".to_vec(),
            None,
            Err(Unavailable("the file reader could not be loaded".into())),
        );
        assert!(
            matches!(&gone.outcome, Outcome::Unavailable(m) if m.contains("could not be loaded"))
        );
        assert_eq!(gone.bytes, b"[]", "kept to try again");
    }
}
