//! A whole Slack workspace export (`.zip`): `users.json` for names, `channels.json` for
//! channel names, and `<channel>/YYYY-MM-DD.json` day files; one channel is read, the
//! one chosen or the only (or only incident) channel. Unpacked sizes are capped.

use std::collections::BTreeMap;
use std::io::{Cursor, Read};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::slack::{collect_profiles, day_rows, Names, Profile};
use super::{json_error, Context, Format, Input, Parsed, SourceError, MAX_INPUT};

/// A channel in an export, for a picker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExportChannel {
    pub name: String,
    /// Day files, in date order (`2023-11-13`).
    pub days: Vec<String>,
}

pub(crate) fn detect(input: &Input) -> bool {
    matches!(input, Input::Zip(_))
}

/// The channels of a Slack export zip that have day files, by name.
pub fn export_channels(bytes: &[u8]) -> Result<Vec<ExportChannel>, SourceError> {
    let archive = Archive::open(bytes)?;
    Ok(archive.channels())
}

struct Archive<'a> {
    zip: zip::ZipArchive<Cursor<&'a [u8]>>,
    /// Folder holding `users.json` and the channel folders ("" or "Acme Slack export/").
    root: String,
    /// Channel name → (date, entry index), dates in order.
    days: BTreeMap<String, Vec<(String, usize)>>,
    unpacked: u64,
}

impl<'a> Archive<'a> {
    fn open(bytes: &'a [u8]) -> Result<Archive<'a>, SourceError> {
        let zip = zip::ZipArchive::new(Cursor::new(bytes))
            .map_err(|e| SourceError::Zip(e.to_string()))?;
        let names: Vec<String> = zip
            .file_names()
            .filter_map(|n| n.ok().map(|n| n.into_owned()))
            .collect();
        // Some exports wrap everything in one folder; users.json or channels.json marks
        // the root, else the day files' common parent is taken.
        let root = names
            .iter()
            .filter_map(|n| {
                n.strip_suffix("channels.json")
                    .or_else(|| n.strip_suffix("org_users.json"))
                    .or_else(|| n.strip_suffix("users.json"))
            })
            .filter(|r| r.is_empty() || r.ends_with('/'))
            .min_by_key(|r| r.len())
            .map(str::to_string);
        let mut days: BTreeMap<String, Vec<(String, usize)>> = BTreeMap::new();
        for i in 0..zip.len() {
            let Some(Ok(name)) = zip.name_for_index(i) else {
                continue;
            };
            let Some((channel, day)) = day_file(&name, root.as_deref()) else {
                continue;
            };
            days.entry(channel.to_string())
                .or_default()
                .push((day.to_string(), i));
        }
        if days.is_empty() {
            return Err(SourceError::NotSlackExport);
        }
        for list in days.values_mut() {
            list.sort();
        }
        Ok(Archive {
            zip,
            root: root.unwrap_or_default(),
            days,
            unpacked: 0,
        })
    }

    fn channels(&self) -> Vec<ExportChannel> {
        self.days
            .iter()
            .map(|(name, days)| ExportChannel {
                name: name.clone(),
                days: days.iter().map(|(d, _)| d.clone()).collect(),
            })
            .collect()
    }

    /// Reads one entry as JSON, within the overall size cap.
    fn json(&mut self, index: usize) -> Result<Value, SourceError> {
        let mut file = self
            .zip
            .by_index(index)
            .map_err(|e| SourceError::Zip(e.to_string()))?;
        let entry = file
            .name()
            .map(|n| n.into_owned())
            .unwrap_or_else(|_| format!("entry {index}"));
        let left = MAX_INPUT.saturating_sub(self.unpacked);
        let mut buf = Vec::new();
        (&mut file)
            .take(left.saturating_add(1))
            .read_to_end(&mut buf)
            .map_err(|e| SourceError::InEntry {
                entry: entry.clone(),
                error: Box::new(SourceError::Zip(e.to_string())),
            })?;
        self.unpacked += buf.len() as u64;
        if buf.len() as u64 > left {
            return Err(SourceError::TooLarge {
                entry,
                limit: MAX_INPUT,
            });
        }
        serde_json::from_slice(&buf).map_err(|e| SourceError::InEntry {
            entry,
            error: Box::new(json_error(&e)),
        })
    }

    fn json_named(&mut self, name: &str) -> Result<Option<Value>, SourceError> {
        let path = format!("{}{name}", self.root);
        match self.zip.index_for_name(&path) {
            Some(i) => self.json(i).map(Some),
            None => Ok(None),
        }
    }
}

/// `[root]<channel>/YYYY-MM-DD.json` → (channel, date).
fn day_file<'n>(name: &'n str, root: Option<&str>) -> Option<(&'n str, &'n str)> {
    let rest = match root {
        Some(r) => name.strip_prefix(r)?,
        None => name.rsplit_once('/').map(|(dir, file)| {
            let channel = dir.rsplit('/').next().unwrap_or(dir);
            &name[name.len() - file.len() - channel.len() - 1..]
        })?,
    };
    let (channel, file) = rest.split_once('/')?;
    let day = file.strip_suffix(".json")?;
    let ok = day.len() == 10
        && day.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    (ok && !channel.is_empty()).then_some((channel, day))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct User {
    id: Option<String>,
    name: Option<String>,
    real_name: Option<String>,
    profile: Option<Profile>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Channel {
    id: Option<String>,
    name: Option<String>,
}

pub(crate) fn parse(input: &Input, context: &Context) -> Result<Parsed, SourceError> {
    let Input::Zip(bytes) = input else {
        return Err(SourceError::Zip("not a zip archive".into()));
    };
    let mut archive = Archive::open(bytes)?;
    let mut parsed = Parsed::new(Format::SlackExport);
    let channel = choose(&archive, context.channel, &mut parsed)?;
    let mut names = Names::default();
    for (file, list) in [("users.json", true), ("channels.json", false)] {
        // Enterprise Grid exports name the users file org_users.json.
        let found = match archive.json_named(file)? {
            None if list => archive.json_named("org_users.json")?,
            other => other,
        };
        let Some(value) = found else {
            parsed.warnings.push(format!(
                "the export has no {file}; ids are shown as they are"
            ));
            continue;
        };
        let Value::Array(items) = value else {
            return Err(SourceError::InEntry {
                entry: file.into(),
                error: Box::new(SourceError::Shape {
                    path: "$".into(),
                    message: "expected an array".into(),
                }),
            });
        };
        for item in &items {
            if list {
                let Ok(u) = User::deserialize(item) else {
                    continue;
                };
                let name = u
                    .profile
                    .as_ref()
                    .and_then(|p| p.best().map(str::to_string))
                    .or(u.real_name.filter(|n| !n.is_empty()))
                    .or(u.name);
                if let (Some(id), Some(name)) = (u.id, name) {
                    names.users.insert(id, name);
                }
            } else if let Ok(Channel {
                id: Some(id),
                name: Some(name),
            }) = Channel::deserialize(item)
            {
                names.channels.insert(id, name);
            }
        }
    }
    let days = archive.days.get(&channel).cloned().unwrap_or_default();
    for (day, index) in days {
        let entry = format!("{channel}/{day}.json");
        let value = archive.json(index)?;
        let Value::Array(items) = value else {
            return Err(SourceError::InEntry {
                entry,
                error: Box::new(SourceError::Shape {
                    path: "$".into(),
                    message: "expected an array of messages".into(),
                }),
            });
        };
        collect_profiles(&items, &mut names);
        day_rows(&items, &entry, &names, &mut parsed);
    }
    Ok(parsed)
}

/// The channel asked for, else the only one, else the only incident channel (`inc…`).
fn choose(
    archive: &Archive,
    wanted: Option<&str>,
    parsed: &mut Parsed,
) -> Result<String, SourceError> {
    let all: Vec<String> = archive.days.keys().cloned().collect();
    if let Some(w) = wanted {
        let w = w.trim().trim_start_matches('#');
        return all
            .iter()
            .find(|c| c.eq_ignore_ascii_case(w))
            .cloned()
            .ok_or_else(|| SourceError::NoSuchChannel {
                wanted: w.to_string(),
                channels: all.clone(),
            });
    }
    if let [only] = all.as_slice() {
        return Ok(only.clone());
    }
    let incident: Vec<&String> = all
        .iter()
        .filter(|c| c.starts_with("inc") || c.contains("incident"))
        .collect();
    if let [one] = incident.as_slice() {
        parsed.warnings.push(format!(
            "read #{one}, the incident channel of {} ({})",
            all.len(),
            all.join(", ")
        ));
        return Ok((*one).clone());
    }
    Err(SourceError::ChooseChannel { channels: all })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_files_are_channel_slash_date() {
        assert_eq!(
            day_file("general/2023-11-13.json", Some("")),
            Some(("general", "2023-11-13"))
        );
        assert_eq!(
            day_file("Acme export/inc-1/2023-11-13.json", Some("Acme export/")),
            Some(("inc-1", "2023-11-13"))
        );
        assert_eq!(
            day_file("x/inc-1/2023-11-13.json", None),
            Some(("inc-1", "2023-11-13"))
        );
        assert_eq!(day_file("users.json", Some("")), None);
        assert_eq!(day_file("general/notes.json", Some("")), None);
        assert_eq!(day_file("general/2023-1-13.json", Some("")), None);
    }
}
