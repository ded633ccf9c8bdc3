//! The IANA time-zone database, compacted: for every `Area/City` zone (and link such as
//! `US/Pacific`), its UTC offset on 1995-01-01 and every offset change from then until
//! 2037, read from the tz database's compiled files. Zones with the same history share
//! one run of changes. `time` uses it to place wall-clock times in a named zone,
//! daylight saving included; the data is in `zone_data.rs`, written by `regenerate`.

use super::zone_data::{AT, NAMES, OFFSET};

/// A zone of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct NamedZone(u16);

impl NamedZone {
    /// The zone with this IANA name, in any case.
    pub fn find(name: &str) -> Option<NamedZone> {
        let exact = NAMES.binary_search_by(|(n, ..)| n.cmp(&name)).ok();
        let i = exact.or_else(|| {
            NAMES
                .iter()
                .position(|(n, ..)| n.eq_ignore_ascii_case(name))
        })?;
        u16::try_from(i).ok().map(NamedZone)
    }

    /// The canonical spelling of the name.
    pub fn name(self) -> &'static str {
        NAMES.get(usize::from(self.0)).map_or("", |z| z.0)
    }

    /// Offset from UTC, in seconds, at the instant `unix` (seconds since 1970, UTC).
    pub fn offset_at(self, unix: i64) -> i32 {
        let Some(&(_, start, len, initial)) = NAMES.get(usize::from(self.0)) else {
            return 0;
        };
        let (start, len) = (usize::from(start), usize::from(len));
        let at = AT.get(start..start + len).unwrap_or(&[]);
        let changes = at.partition_point(|&t| i64::from(t) <= unix);
        let minutes = match changes {
            0 => initial,
            n => OFFSET.get(start + n - 1).copied().unwrap_or(initial),
        };
        i32::from(minutes) * 60
    }

    /// The UTC instants (seconds since 1970) a wall-clock time `local` (seconds since
    /// 1970, read as if it were UTC) names in this zone, earliest first: none when the
    /// zone skips it, two when it repeats it.
    pub fn instants(self, local: i64) -> Vec<i64> {
        // Offsets in force a day either side cover every candidate.
        let mut offsets = vec![
            self.offset_at(local - 86_400),
            self.offset_at(local),
            self.offset_at(local + 86_400),
        ];
        offsets.sort_unstable();
        offsets.dedup();
        let mut out: Vec<i64> = offsets
            .into_iter()
            .map(|o| local - i64::from(o))
            .filter(|&u| i64::from(self.offset_at(u)) == local - u)
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// First instant the table covers (1995-01-01T00:00:00Z); earlier times use the offset
    /// in force then.
    const FROM: i64 = 788_918_400;

    #[test]
    fn names_are_sorted_and_found_in_any_case() {
        assert!(NAMES.windows(2).all(|w| w[0].0 < w[1].0));
        let berlin = NamedZone::find("europe/berlin");
        assert_eq!(berlin.map(NamedZone::name), Some("Europe/Berlin"));
        assert!(NamedZone::find("US/Pacific").is_some());
        assert!(NamedZone::find("Nowhere/Atlantis").is_none());
    }

    #[test]
    fn offsets_follow_daylight_saving() {
        let la = NamedZone::find("America/Los_Angeles");
        // 2024-07-01T12:00Z and 2024-01-15T12:00Z.
        assert_eq!(la.map(|z| z.offset_at(1_719_835_200)), Some(-7 * 3600));
        assert_eq!(la.map(|z| z.offset_at(1_705_320_000)), Some(-8 * 3600));
        // Before the table: the offset in force on 1995-01-01.
        assert_eq!(la.map(|z| z.offset_at(0)), Some(-8 * 3600));
        let kolkata = NamedZone::find("Asia/Kolkata");
        assert_eq!(kolkata.map(|z| z.offset_at(1_719_835_200)), Some(19_800));
    }

    /// Rewrites `zone_data.rs` from the tz database installed on this machine
    /// (`/usr/share/zoneinfo`, "fat" files with explicit changes up to 2037). Run with
    /// `cargo test -p hindsight-core regenerate -- --ignored` after a tzdata update.
    #[test]
    #[ignore]
    fn regenerate() {
        let root = std::path::Path::new("/usr/share/zoneinfo");
        let mut names = Vec::new();
        collect(root, root, &mut names);
        names.sort();
        let mut runs: Vec<(i16, Vec<(i32, i16)>)> = Vec::new();
        let mut table = Vec::new();
        let (mut at, mut offset) = (Vec::new(), Vec::new());
        for name in &names {
            let Ok(bytes) = std::fs::read(root.join(name)) else {
                continue;
            };
            let Some(run) = compact(&bytes) else {
                continue;
            };
            let start = match runs.iter().position(|r| *r == run) {
                Some(i) => {
                    let before: usize = runs[..i].iter().map(|r| r.1.len()).sum();
                    before
                }
                None => {
                    let before = at.len();
                    for &(t, o) in &run.1 {
                        at.push(t);
                        offset.push(o);
                    }
                    runs.push(run.clone());
                    before
                }
            };
            table.push((name.clone(), start, run.1.len(), run.0));
        }
        let mut src = String::from("//! Generated by `time::zones::tests::regenerate` from the IANA tz database in\n//! /usr/share/zoneinfo: zone names, each zone's offset (minutes) on 1995-01-01 and its\n//! offset changes from then to 2037. Do not edit by hand.\n\n");
        src.push_str(
            "/// (name, first change in `AT`, number of changes, offset in minutes before them).\n",
        );
        src.push_str("pub(super) static NAMES: &[(&str, u16, u16, i16)] = &[\n");
        for (n, s, l, i) in &table {
            src.push_str(&format!("    ({n:?}, {s}, {l}, {i}),\n"));
        }
        src.push_str("];\n\n/// Instants (seconds since 1970, UTC) of the offset changes.\npub(super) static AT: &[i32] = &[\n");
        for chunk in at.chunks(8) {
            let line: Vec<String> = chunk.iter().map(|t| t.to_string()).collect();
            src.push_str(&format!("    {},\n", line.join(", ")));
        }
        src.push_str("];\n\n/// Offset from UTC, in minutes, after each change.\npub(super) static OFFSET: &[i16] = &[\n");
        for chunk in offset.chunks(16) {
            let line: Vec<String> = chunk.iter().map(|t| t.to_string()).collect();
            src.push_str(&format!("    {},\n", line.join(", ")));
        }
        src.push_str("];\n");
        let out = concat!(env!("CARGO_MANIFEST_DIR"), "/src/time/zone_data.rs");
        assert!(std::fs::write(out, src).is_ok(), "{out}");
    }

    /// Every `Area/City` file under `dir` (not the `posix/` and `right/` copies).
    fn collect(root: &std::path::Path, dir: &std::path::Path, out: &mut Vec<String>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for e in entries.flatten() {
            let path = e.path();
            let Ok(rel) = path.strip_prefix(root) else {
                continue;
            };
            let rel = rel.to_string_lossy().to_string();
            if rel.starts_with("posix") || rel.starts_with("right") {
                continue;
            }
            if path.is_dir() {
                collect(root, &path, out);
            } else if rel.contains('/') {
                out.push(rel);
            }
        }
    }

    /// A TZif (version 2+) file's offset on 1995-01-01 and its changes up to 2037.
    fn compact(b: &[u8]) -> Option<(i16, Vec<(i32, i16)>)> {
        let count = |at: usize| -> Option<usize> {
            let s = b.get(at..at + 4)?;
            usize::try_from(u32::from_be_bytes([s[0], s[1], s[2], s[3]])).ok()
        };
        if b.get(..4)? != b"TZif" || *b.get(4)? < b'2' {
            return None;
        }
        let v1 = |c: &dyn Fn(usize) -> Option<usize>| -> Option<usize> {
            let (isut, isstd, leap, time, typ, chars) =
                (c(20)?, c(24)?, c(28)?, c(32)?, c(36)?, c(40)?);
            Some(44 + time * 5 + typ * 6 + chars + leap * 8 + isstd + isut)
        };
        let h2 = v1(&count)?;
        let c2 = |at: usize| count(h2 + at);
        let (time, typ) = (c2(32)?, c2(36)?);
        let data = h2 + 44;
        let times: Vec<i64> = (0..time)
            .map(|i| {
                let s = b.get(data + i * 8..data + i * 8 + 8)?;
                Some(i64::from_be_bytes(s.try_into().ok()?))
            })
            .collect::<Option<_>>()?;
        let idx = b.get(data + time * 8..data + time * 9)?;
        let types: Vec<i32> = (0..typ)
            .map(|i| {
                let at = data + time * 9 + i * 6;
                let s = b.get(at..at + 4)?;
                Some(i32::from_be_bytes(s.try_into().ok()?))
            })
            .collect::<Option<_>>()?;
        let minutes = |secs: i32| i16::try_from(secs.div_euclid(60)).ok();
        let offset_of = |i: usize| types.get(usize::from(*idx.get(i)?)).copied();
        let before = times.iter().rposition(|&t| t < FROM);
        let initial = match before {
            Some(i) => offset_of(i)?,
            None => *types.first()?,
        };
        let mut changes = Vec::new();
        let mut last = minutes(initial)?;
        for (i, &t) in times.iter().enumerate() {
            if t < FROM || t > i64::from(i32::MAX) {
                continue;
            }
            let o = minutes(offset_of(i)?)?;
            if o != last {
                changes.push((i32::try_from(t).ok()?, o));
                last = o;
            }
        }
        Some((minutes(initial)?, changes))
    }
}
