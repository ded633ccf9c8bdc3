//! "Back up all reports" and "Restore": every report in this browser as one file (the
//! core's `backup` format), and reading one back without losing anything: a report
//! already here unchanged is skipped, one that differs from the copy here is added beside
//! it as "(restored)", the rest come back under their own ids. A damaged file restores
//! nothing and says why.

use super::files::{self, Export};
use super::library::{new_id, Entry};
use super::state::{now_ms, Ctx};
use super::storage;
use hindsight_core::backup::{self, Saved};
use hindsight_core::policy::Policy;
use leptos::prelude::*;

/// After how long without a backup the library reminds the author.
pub const REMIND_AFTER_MS: f64 = 14.0 * 24.0 * 3600.0 * 1000.0;

/// What a restore did, in words for the library.
fn summary(added: usize, skipped: usize, beside: &[String]) -> String {
    let plural = |n: usize| if n == 1 { "report" } else { "reports" };
    let mut parts = vec![format!("Restored {added} {}", plural(added))];
    if skipped > 0 {
        parts.push(format!(
            "{skipped} {} already here unchanged",
            plural(skipped)
        ));
    }
    if !beside.is_empty() {
        parts.push(format!(
            "{} kept beside the copy here, which differs: {}",
            beside.len(),
            beside.join(", ")
        ));
    }
    format!("{}.", parts.join("; "))
}

/// True when an id from a file can name a stored report (the app's own ids are
/// letters and digits).
fn usable_id(id: &str) -> bool {
    id.len() <= 64
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

impl Ctx {
    /// Downloads every report in this browser as one backup file.
    pub fn back_up_all(self) {
        let entries = self.library.get_untracked();
        let reports: Vec<Saved> = entries
            .iter()
            .filter_map(|e| {
                Some(Saved {
                    id: e.id.clone(),
                    edited_ms: e.edited_ms,
                    report: self.report_of(&e.id)?,
                })
            })
            .collect();
        let day: String = js_sys::Date::new(&now_ms().into()).to_iso_string().into();
        let sent = files::download(&Export {
            name: format!("hindsight-backup-{}.json", day.get(..10).unwrap_or("today")),
            mime: "application/json;charset=utf-8",
            text: backup::to_backup(&reports),
        });
        if sent {
            if let Ok(s) = storage::local() {
                let _ = storage::remember_backup(&s, now_ms());
            }
            self.last_backup.set(Some(now_ms()));
        }
    }

    /// Restores a backup file's text, all or nothing; returns what it did in words.
    pub fn restore_backup(self, text: &str) -> Result<String, String> {
        let saved = backup::from_backup(text).map_err(|e| e.to_string())?;
        let (mut added, mut skipped) = (0, 0);
        let mut beside = Vec::new();
        let mut result = Ok(());
        for Saved {
            id,
            edited_ms,
            mut report,
        } in saved
        {
            let known = self
                .library
                .with_untracked(|l| l.iter().any(|e| e.id == id));
            let id = if known {
                if self.report_of(&id).as_ref() == Some(&report) {
                    skipped += 1;
                    continue;
                }
                let title = report.meta.title.trim().to_string();
                report.meta.title = format!("{title} (restored)");
                beside.push(format!("“{}”", report.meta.title));
                new_id(now_ms(), js_sys::Math::random())
            } else if usable_id(&id) {
                id
            } else {
                new_id(now_ms(), js_sys::Math::random())
            };
            let review = hindsight_core::review(&report, &Policy::default());
            let entry = Entry::of(id.clone(), edited_ms, &report, &review);
            self.library.update(|l| l.push(entry));
            result = result.and(self.write(&id, &report));
            added += 1;
        }
        let result = result.and_then(|()| self.write_index());
        let failed = result.is_err();
        self.note_result(result);
        let said = summary(added, skipped, &beside);
        if failed {
            return Ok(format!(
                "{said} The browser would not store all of them: they are kept in this tab \
                 until it does."
            ));
        }
        Ok(said)
    }

    /// Reads a picked backup file and restores it; the outcome becomes a note.
    pub fn restore_file(self, file: web_sys::File) {
        leptos::task::spawn_local(async move {
            let name = file.name();
            let note = match files::file_text(&file).await {
                Ok(text) => match self.restore_backup(&text) {
                    Ok(done) => done,
                    Err(why) => format!("{name} was not restored: {why}."),
                },
                Err(e) => format!("{name}: {e}"),
            };
            self.notes.set(vec![note]);
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_restore_says_what_it_kept_and_ids_from_a_file_are_checked() {
        assert_eq!(summary(2, 0, &[]), "Restored 2 reports.");
        assert_eq!(
            summary(1, 1, &["“A (restored)”".to_string()]),
            "Restored 1 report; 1 report already here unchanged; 1 kept beside the copy \
             here, which differs: “A (restored)”."
        );
        assert!(usable_id("r1a2b3"));
        assert!(!usable_id("../x") && !usable_id(&"a".repeat(65)));
    }
}
