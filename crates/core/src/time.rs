//! Date, time and duration reading: turns timestamps and durations as authors type them
//! ("14:30", "Oct 28 20:37", "2024-01-15 14:30 UTC", "2:30 PM PDT", "09:15 Europe/Berlin",
//! "2 hours 15 minutes", "04:17") into chrono values, resolves a whole timeline into
//! absolute date-times (IANA zones through the tz database, daylight saving included),
//! and writes durations back in words. Never reads the system clock, so it runs the same
//! natively and in wasm.

mod zone_data;
mod zones;

use chrono::{
    DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeDelta,
    TimeZone, Utc,
};

pub use zones::NamedZone as Tz;

use crate::model::Report;

/// The date part of a typed timestamp.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DatePart {
    /// No date was written ("14:30").
    None,
    /// A month and day without a year ("Oct 28").
    MonthDay { month: u32, day: u32 },
    /// A full calendar date.
    Full(NaiveDate),
}

/// A timestamp as typed, read but not yet placed on an absolute time line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    pub date: DatePart,
    pub time: Option<NaiveTime>,
    /// The zone written with the timestamp, if any.
    pub offset: Option<FixedOffset>,
    /// An IANA zone written with the timestamp ("Europe/Berlin"); its offset depends on
    /// the date, so it is applied when the stamp is placed.
    pub zone: Option<Tz>,
}

/// Where a wall-clock time is read: a fixed offset, or an IANA zone whose offset follows
/// its daylight-saving rules (the tz database compacted in `time::zones`: 1995–2037).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zone {
    Fixed(FixedOffset),
    Named(Tz),
}

impl Zone {
    /// Places a wall-clock time in this zone. A time the zone skips (clocks spring
    /// forward) is read with the offset before the change; a time it repeats (clocks fall
    /// back) takes the first occurrence not before `after`, so a wall clock that goes
    /// back across the change is still in order.
    pub fn place(
        self,
        local: NaiveDateTime,
        after: Option<DateTime<FixedOffset>>,
    ) -> Option<DateTime<FixedOffset>> {
        let tz = match self {
            Zone::Fixed(offset) => return place(local, offset),
            Zone::Named(tz) => tz,
        };
        let wall = local.and_utc().timestamp();
        let at = |unix: i64| {
            let offset = FixedOffset::east_opt(tz.offset_at(unix))?;
            DateTime::from_timestamp(unix, 0).map(|d| d.with_timezone(&offset))
        };
        let found = tz.instants(wall);
        match found.as_slice() {
            [one] => at(*one),
            [early, .., late] => {
                let (early, late) = (at(*early)?, at(*late)?);
                Some(match after {
                    Some(a) if early < a && late >= a => late,
                    _ => early,
                })
            }
            // Skipped by clocks springing forward: the offset in force before the gap.
            [] => {
                let before = wall - 3 * 3600;
                let offset =
                    FixedOffset::east_opt(tz.offset_at(before - i64::from(tz.offset_at(before))))?;
                place(local, offset)
            }
        }
    }

    /// The offset this zone has at noon on `date` (a fixed zone: always its offset).
    pub fn offset_on(self, date: NaiveDate) -> FixedOffset {
        match self {
            Zone::Fixed(offset) => offset,
            Zone::Named(tz) => {
                let noon = date
                    .and_time(NaiveTime::from_hms_opt(12, 0, 0).unwrap_or(NaiveTime::MIN))
                    .and_utc()
                    .timestamp();
                FixedOffset::east_opt(tz.offset_at(noon - i64::from(tz.offset_at(noon))))
                    .unwrap_or_else(utc)
            }
        }
    }
}

/// Reads an IANA zone name in any case: "Europe/Berlin", "america/los_angeles",
/// "US/Pacific", "Etc/UTC". Abbreviations are left to [`parse_zone`].
pub fn parse_zone_name(text: &str) -> Option<Tz> {
    let t = text
        .trim()
        .trim_start_matches('(')
        .trim_end_matches(')')
        .trim();
    if !t.contains('/') || t.len() > 40 {
        return None;
    }
    Tz::find(t)
}

/// Reads any zone: an abbreviation or offset ([`parse_zone`]) or an IANA name.
pub fn parse_any_zone(text: &str) -> Option<Zone> {
    parse_zone(text)
        .map(Zone::Fixed)
        .or_else(|| parse_zone_name(text).map(Zone::Named))
}

/// Common zone abbreviations. Abbreviations are ambiguous world-wide; these are the ones
/// post-mortems in the seeds' world use (North America, Europe, a few in Asia-Pacific).
const ZONES: &[(&str, i32)] = &[
    ("UTC", 0),
    ("GMT", 0),
    ("UT", 0),
    ("Z", 0),
    ("WET", 0),
    ("WEST", 60),
    ("BST", 60),
    ("CET", 60),
    ("CEST", 120),
    ("EET", 120),
    ("EEST", 180),
    ("MSK", 180),
    ("IST", 330),
    ("SGT", 480),
    ("HKT", 480),
    ("JST", 540),
    ("KST", 540),
    ("AEST", 600),
    ("AEDT", 660),
    ("NZST", 720),
    ("NZDT", 780),
    ("HST", -600),
    ("AKST", -540),
    ("AKDT", -480),
    ("PST", -480),
    ("PDT", -420),
    ("PT", -480),
    ("MST", -420),
    ("MDT", -360),
    ("CST", -360),
    ("CDT", -300),
    ("EST", -300),
    ("EDT", -240),
    ("ET", -300),
];

/// The zone abbreviations [`parse_zone`] knows, with their offsets in minutes east of UTC,
/// in table order (UTC first). Aliases of UTC ("UT", "Z") are left out: a picker offers
/// each zone once.
pub fn known_zones() -> impl Iterator<Item = (&'static str, i32)> {
    ZONES
        .iter()
        .copied()
        .filter(|(name, _)| !matches!(*name, "UT" | "Z"))
}

/// Reads a zone: an abbreviation from the table above, `UTC+2`, `GMT-05:00`, `+05:30`,
/// `-0800`. Parentheses are ignored ("(UTC)").
pub fn parse_zone(text: &str) -> Option<FixedOffset> {
    let t = text
        .trim()
        .trim_start_matches('(')
        .trim_end_matches(')')
        .trim();
    if t.is_empty() {
        return None;
    }
    let upper = t.to_ascii_uppercase();
    if let Some((_, minutes)) = ZONES.iter().find(|(name, _)| *name == upper) {
        return FixedOffset::east_opt(minutes * 60);
    }
    for prefix in ["UTC", "GMT"] {
        if let Some(rest) = upper.strip_prefix(prefix) {
            return parse_numeric_offset(rest.trim());
        }
    }
    parse_numeric_offset(&upper)
}

/// `+05:30`, `-0800`, `+2`, `-08`.
fn parse_numeric_offset(t: &str) -> Option<FixedOffset> {
    let (sign, rest) = match t.as_bytes().first()? {
        b'+' => (1, &t[1..]),
        b'-' => (-1, &t[1..]),
        _ => return None,
    };
    let digits: String = rest.chars().filter(|c| *c != ':').collect();
    if digits.is_empty() || digits.len() > 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (h, m) = match digits.len() {
        1 | 2 => (digits.parse::<i32>().ok()?, 0),
        3 => (
            digits[..1].parse::<i32>().ok()?,
            digits[1..].parse::<i32>().ok()?,
        ),
        _ => (
            digits[..2].parse::<i32>().ok()?,
            digits[2..].parse::<i32>().ok()?,
        ),
    };
    if h > 14 || m > 59 {
        return None;
    }
    FixedOffset::east_opt(sign * (h * 3600 + m * 60))
}

/// Month number from an English month name or its abbreviation ("Jan", "Sept", "october").
fn month_number(word: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| m.starts_with(&w) || (w == "sept" && *m == "september"))
        .and_then(|i| u32::try_from(i + 1).ok())
}

fn is_weekday(word: &str) -> bool {
    const DAYS: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    let w = word.trim_end_matches([',', '.']).to_ascii_lowercase();
    w.len() >= 3 && DAYS.iter().any(|d| d.starts_with(&w))
}

/// A day-of-month number, allowing an English ordinal suffix ("1st", "28th").
fn day_number(word: &str) -> Option<u32> {
    let w = word.to_ascii_lowercase();
    let w = w
        .strip_suffix("st")
        .or_else(|| w.strip_suffix("nd"))
        .or_else(|| w.strip_suffix("rd"))
        .or_else(|| w.strip_suffix("th"))
        .unwrap_or(&w);
    if w.is_empty() || w.len() > 2 || !w.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    w.parse().ok().filter(|d| (1..=31).contains(d))
}

fn year_number(word: &str) -> Option<i32> {
    if word.len() != 4 || !word.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    word.parse().ok().filter(|y| (1970..=2200).contains(y))
}

/// A numeric ISO-like date: `2024-01-15` or `2024/01/15`.
fn numeric_date(word: &str) -> Option<NaiveDate> {
    // The exact ISO shape, byte by byte; other spellings take the general path.
    if let [y1, y2, y3, y4, b'-', m1, m2, b'-', d1, d2] = *word.as_bytes() {
        let digits = [y1, y2, y3, y4, m1, m2, d1, d2];
        if digits.iter().all(u8::is_ascii_digit) {
            let n = |ds: &[u8]| {
                ds.iter()
                    .fold(0u32, |acc, d| acc * 10 + u32::from(d - b'0'))
            };
            let year = i32::try_from(n(&digits[..4])).ok()?;
            if !(1970..=2200).contains(&year) {
                return None;
            }
            return NaiveDate::from_ymd_opt(year, n(&digits[4..6]), n(&digits[6..]));
        }
    }
    let mut parts = word.split(['-', '/']);
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || m.len() > 2 || d.len() > 2 {
        return None;
    }
    let y = year_number(y)?;
    let m: u32 = m.parse().ok()?;
    let d: u32 = d.parse().ok()?;
    NaiveDate::from_ymd_opt(y, m, d)
}

/// Reads the date words of a timestamp (everything but the time and zone).
fn parse_date_words(words: &[&str]) -> Option<DatePart> {
    let words: Vec<&str> = words
        .iter()
        .map(|w| w.trim_matches(|c: char| c == ',' || c == '.'))
        .filter(|w| !w.is_empty())
        .collect();
    let words: &[&str] = match words.first() {
        Some(first) if is_weekday(first) && words.len() > 1 => &words[1..],
        _ => &words,
    };
    match *words {
        [] => Some(DatePart::None),
        [one] => numeric_date(one).map(DatePart::Full),
        [a, b] => {
            let (month, day) = if let Some(m) = month_number(a) {
                (m, day_number(b)?)
            } else {
                (month_number(b)?, day_number(a)?)
            };
            // Feb 29 is a valid month-day; the year decides later.
            NaiveDate::from_ymd_opt(2000, month, day)?;
            Some(DatePart::MonthDay { month, day })
        }
        [a, b, c] => {
            let year = year_number(c)?;
            let (month, day) = if let Some(m) = month_number(a) {
                (m, day_number(b)?)
            } else {
                (month_number(b)?, day_number(a)?)
            };
            NaiveDate::from_ymd_opt(year, month, day).map(DatePart::Full)
        }
        _ => None,
    }
}

/// `H:MM`, `HH:MM` or `HH:MM:SS`, read byte by byte (the shape of most timeline rows).
fn clock(b: &[u8]) -> Option<NaiveTime> {
    let d = |i: usize| {
        b.get(i)
            .filter(|c| c.is_ascii_digit())
            .map(|c| u32::from(c - b'0'))
    };
    let (h, rest) = match b.get(1) {
        Some(b':') => (d(0)?, &b[2..]),
        _ if b.get(2) == Some(&b':') => (d(0)? * 10 + d(1)?, &b[3..]),
        _ => return None,
    };
    let two = |s: &[u8]| match s {
        [a, c] if a.is_ascii_digit() && c.is_ascii_digit() => {
            Some(u32::from(a - b'0') * 10 + u32::from(c - b'0'))
        }
        _ => None,
    };
    match rest {
        [_, _] => NaiveTime::from_hms_opt(h, two(rest)?, 0),
        [m1, m2, b':', s1, s2] => NaiveTime::from_hms_opt(h, two(&[*m1, *m2])?, two(&[*s1, *s2])?),
        _ => None,
    }
}

/// Reads a clock time `14:30`, `9:05`, `14:30:05`, `14:30:05.123`, with an optional
/// attached zone (`14:30Z`, `14:30+02:00`) or am/pm (`2:30pm`).
fn parse_time_word(word: &str) -> Option<(NaiveTime, Option<FixedOffset>, Option<bool>)> {
    let body_len = word
        .find(|c: char| !(c.is_ascii_digit() || c == ':' || c == '.'))
        .unwrap_or(word.len());
    let (body, suffix) = word.split_at(body_len);
    let mut parts = body.split(':');
    let (hours, minutes, seconds) = (parts.next()?, parts.next()?, parts.next());
    if parts.next().is_some() || hours.is_empty() || hours.len() > 2 || minutes.len() != 2 {
        return None;
    }
    let h: u32 = hours.parse().ok()?;
    let m: u32 = minutes.parse().ok()?;
    let (s, milli) = match seconds {
        None => (0, 0),
        Some(sec) => {
            let (whole, frac) = sec.split_once('.').unwrap_or((sec, ""));
            if whole.len() != 2 {
                return None;
            }
            let s: u32 = whole.parse().ok()?;
            let milli = if frac.is_empty() {
                0
            } else {
                let f: String = frac.chars().chain("000".chars()).take(3).collect();
                f.parse().ok()?
            };
            (s, milli)
        }
    };
    let is = |w: &str| suffix.eq_ignore_ascii_case(w);
    let (offset, pm) = if suffix.is_empty() {
        (None, None)
    } else if is("am") || is("a.m.") {
        (None, Some(false))
    } else if is("pm") || is("p.m.") {
        (None, Some(true))
    } else {
        (Some(parse_zone(suffix)?), None)
    };
    let time = NaiveTime::from_hms_milli_opt(h, m, s, milli)?;
    Some((time, offset, pm))
}

fn apply_meridiem(time: NaiveTime, pm: bool) -> Option<NaiveTime> {
    use chrono::Timelike;
    let h = time.hour();
    if !(1..=12).contains(&h) {
        return None;
    }
    let h24 = match (h, pm) {
        (12, false) => 0,
        (12, true) => 12,
        (h, true) => h + 12,
        (h, false) => h,
    };
    time.with_hour(h24)
}

/// Reads a timestamp as typed. Returns `None` when the text is not a date, a time or a
/// date-time (including placeholders such as `HH:MM`).
pub fn parse_stamp(text: &str) -> Option<Stamp> {
    let trimmed = text.trim();
    let cleaned = if trimmed.starts_with(['*', '`']) || trimmed.ends_with(['*', '`']) {
        trimmed.trim_matches(['*', '`']).trim()
    } else {
        trimmed
    };
    if cleaned.is_empty() {
        return None;
    }
    // Fast paths for the commonest shapes, a bare time and a bare ISO date.
    if let Some(time) = clock(cleaned.as_bytes()) {
        return Some(Stamp {
            date: DatePart::None,
            time: Some(time),
            offset: None,
            zone: None,
        });
    }
    if cleaned
        .bytes()
        .all(|b| b.is_ascii_digit() || b == b':' || b == b'.')
    {
        let (time, _, _) = parse_time_word(cleaned)?;
        return Some(Stamp {
            date: DatePart::None,
            time: Some(time),
            offset: None,
            zone: None,
        });
    }
    if cleaned.len() == 10 {
        if let Some(date) = numeric_date(cleaned) {
            return Some(Stamp {
                date: DatePart::Full(date),
                time: None,
                offset: None,
                zone: None,
            });
        }
    }
    // RFC 3339 first: it is the one fully specified form.
    if let Ok(dt) = DateTime::parse_from_rfc3339(cleaned) {
        return Some(Stamp {
            date: DatePart::Full(dt.date_naive()),
            time: Some(dt.time()),
            offset: Some(*dt.offset()),
            zone: None,
        });
    }
    // Split an ISO "dateTtime" into two words.
    let mut words: Vec<String> = Vec::new();
    for w in cleaned.split_whitespace() {
        match w.split_once('T') {
            Some((d, t))
                if d.len() == 10
                    && numeric_date(d).is_some()
                    && t.starts_with(|c: char| c.is_ascii_digit()) =>
            {
                words.push(d.to_string());
                words.push(t.to_string());
            }
            _ => words.push(w.to_string()),
        }
    }
    let mut offset = None;
    let mut zone = None;
    if words.len() > 1 {
        if let Some(z) = words.last().and_then(|w| parse_zone(w)) {
            offset = Some(z);
            words.pop();
        } else if let Some(z) = words.last().and_then(|w| parse_zone_name(w)) {
            zone = Some(z);
            words.pop();
        }
    }
    let mut pm = None;
    if let Some(last) = words.last() {
        match last.to_ascii_lowercase().as_str() {
            "am" | "a.m." => pm = Some(false),
            "pm" | "p.m." => pm = Some(true),
            _ => {}
        }
        if pm.is_some() {
            words.pop();
        }
    }
    let mut time = None;
    if let Some(last) = words.last() {
        if let Some((t, z, p)) = parse_time_word(last) {
            if z.is_some() && (offset.is_some() || zone.is_some()) {
                return None;
            }
            offset = offset.or(z);
            pm = pm.or(p);
            time = Some(t);
            words.pop();
        }
    }
    if let Some(p) = pm {
        time = Some(apply_meridiem(time?, p)?);
    }
    let date_words: Vec<&str> = words.iter().map(String::as_str).collect();
    let date = parse_date_words(&date_words)?;
    if date == DatePart::None && time.is_none() {
        return None;
    }
    Some(Stamp {
        date,
        time,
        offset,
        zone,
    })
}

/// Reads a calendar date (a full date-time is accepted too; its date is returned).
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    match parse_stamp(text)?.date {
        DatePart::Full(d) => Some(d),
        _ => None,
    }
}

/// Reads a full date-time; `default_offset` applies when the text names no zone.
/// A date alone is read as the start of that day.
pub fn parse_datetime(text: &str, default_offset: FixedOffset) -> Option<DateTime<FixedOffset>> {
    let stamp = parse_stamp(text)?;
    let DatePart::Full(date) = stamp.date else {
        return None;
    };
    let time = stamp.time.unwrap_or(NaiveTime::MIN);
    stamp
        .zone_or(Zone::Fixed(default_offset))
        .place(date.and_time(time), None)
}

impl Stamp {
    /// The zone written on the stamp, else `default`.
    pub fn zone_or(&self, default: Zone) -> Zone {
        match (self.offset, self.zone) {
            (Some(o), _) => Zone::Fixed(o),
            (None, Some(z)) => Zone::Named(z),
            (None, None) => default,
        }
    }
}

fn place(local: NaiveDateTime, offset: FixedOffset) -> Option<DateTime<FixedOffset>> {
    offset.from_local_datetime(&local).single()
}

/// What a report says about where its timeline sits: the incident date and the zone the
/// rows are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimeContext {
    /// The incident date, when the report states one.
    pub date: Option<NaiveDate>,
    /// Zone of rows that name none (for a named zone, its offset on the incident date).
    pub offset: FixedOffset,
    /// The IANA zone rows are written in, when the report names one ("All times are
    /// Europe/Berlin"): rows are then placed with its daylight-saving rules.
    pub zone: Option<Tz>,
}

impl TimeContext {
    /// From the metadata: date from `meta.date` else `meta.start`; zone from
    /// `meta.timezone`, else the zone written on `meta.start`, else UTC.
    pub fn from_report(report: &Report) -> TimeContext {
        let start = parse_stamp(&report.meta.start);
        let fixed = parse_zone(&report.meta.timezone);
        let zone = match fixed {
            Some(_) => None,
            None => parse_zone_name(&report.meta.timezone)
                .or(start.and_then(|s| s.offset.is_none().then_some(s.zone).flatten())),
        };
        let date = parse_date(&report.meta.date).or(match start.map(|s| s.date) {
            Some(DatePart::Full(d)) => Some(d),
            _ => None,
        });
        let offset = match (fixed, zone) {
            (Some(o), _) => o,
            (None, Some(z)) => Zone::Named(z).offset_on(date.unwrap_or_else(fallback_date)),
            (None, None) => start.and_then(|s| s.offset).unwrap_or_else(utc),
        };
        TimeContext { date, offset, zone }
    }

    /// The zone of rows that name none.
    pub fn default_zone(&self) -> Zone {
        self.zone.map_or(Zone::Fixed(self.offset), Zone::Named)
    }
}

/// The zero offset.
pub fn utc() -> FixedOffset {
    Utc.fix()
}

/// A date to hang time-only rows on when the report states none; metrics (differences)
/// stay right, and `ResolvedTimeline::dated` says the absolute date is unknown.
fn fallback_date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or(NaiveDate::MIN)
}

/// A timeline placed on an absolute time line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResolvedTimeline {
    /// One entry per row; `None` when the row's time cannot be read.
    pub at: Vec<Option<DateTime<FixedOffset>>>,
    /// False when no row and no metadata gave a calendar date, so the dates in `at` are a
    /// stand-in and only their differences mean anything.
    pub dated: bool,
}

impl ResolvedTimeline {
    /// Earliest resolved row.
    pub fn first(&self) -> Option<DateTime<FixedOffset>> {
        self.at.iter().flatten().min().copied()
    }
    /// Latest resolved row.
    pub fn last(&self) -> Option<DateTime<FixedOffset>> {
        self.at.iter().flatten().max().copied()
    }
}

/// A time-only row more than this much earlier than the row above is read as the next
/// day. Misordered rows are usually minutes apart; an overnight incident (21:20, then
/// 09:25) steps back by half a day.
const ROLLOVER: TimeDelta = TimeDelta::hours(6);

/// Resolves typed row times into absolute date-times. Time-only rows take the current date
/// (the incident date, or the date of the last dated row above them); a time-only row
/// more than 6 hours earlier than the row above is read as the next day, so a timeline
/// that crosses midnight is in order. Month-day rows take the current year, rolling into
/// the next year across New Year.
pub fn resolve_timeline<'a>(
    times: impl IntoIterator<Item = &'a str>,
    context: &TimeContext,
) -> ResolvedTimeline {
    resolve_stamps(times.into_iter().map(parse_stamp).collect(), context)
}

/// `resolve_timeline` over times already read with `parse_stamp`, one per row: a caller
/// that remembers each row's reading (the incremental review) places them without
/// reading the text again.
pub fn resolve_stamps(stamps: Vec<Option<Stamp>>, context: &TimeContext) -> ResolvedTimeline {
    let first_dated = stamps.iter().flatten().find_map(|s| match s.date {
        DatePart::Full(d) => Some(d),
        _ => None,
    });
    let dated = context.date.is_some() || first_dated.is_some();
    let mut current = context.date.or(first_dated).unwrap_or_else(fallback_date);
    let mut previous: Option<DateTime<FixedOffset>> = None;
    let default_zone = context.default_zone();
    let mut rows = Vec::with_capacity(stamps.len());
    for stamp in stamps {
        let resolved = stamp.and_then(|s| {
            let zone = s.zone_or(default_zone);
            let time = s.time.unwrap_or(NaiveTime::MIN);
            match s.date {
                DatePart::Full(d) => {
                    current = d;
                    zone.place(d.and_time(time), previous)
                }
                DatePart::MonthDay { month, day } => {
                    let mut d = NaiveDate::from_ymd_opt(current.year(), month, day)?;
                    if d < current - TimeDelta::days(180) {
                        d = NaiveDate::from_ymd_opt(current.year() + 1, month, day)?;
                    }
                    current = d;
                    zone.place(d.and_time(time), previous)
                }
                DatePart::None => {
                    let mut t = zone.place(current.and_time(time), previous)?;
                    if let Some(p) = previous {
                        // Compare first: the subtraction is only needed for a step back.
                        if t < p && p - t > ROLLOVER {
                            current = current.succ_opt()?;
                            t = zone.place(current.and_time(time), previous)?;
                        }
                    }
                    Some(t)
                }
            }
        });
        if resolved.is_some() {
            previous = resolved;
        }
        rows.push(resolved);
    }
    ResolvedTimeline { at: rows, dated }
}

/// Resolves the report's timeline with the context its metadata gives.
pub fn resolve_report_timeline(report: &Report) -> ResolvedTimeline {
    let context = TimeContext::from_report(report);
    resolve_timeline(
        report.timeline.entries.iter().map(|e| e.time.as_str()),
        &context,
    )
}

/// Seconds per duration unit word.
fn unit_seconds(word: &str) -> Option<f64> {
    let s = match word {
        "s" | "sec" | "secs" | "second" | "seconds" => 1.0,
        "m" | "min" | "mins" | "minute" | "minutes" | "mn" => 60.0,
        "h" | "hr" | "hrs" | "hour" | "hours" => 3600.0,
        "d" | "day" | "days" => 86_400.0,
        "w" | "wk" | "wks" | "week" | "weeks" => 604_800.0,
        _ => return None,
    };
    Some(s)
}

/// Reads a duration: "45 minutes", "2 hours 15 minutes", "1h 30m", "1h30m", "1h30", "04:17"
/// (hours:minutes), "10 days 19 hours 51 minutes", "90 min", "1.5 hours", "~45 min".
/// Trailing words after the duration ("45 minutes of partial outage") and parenthetical
/// notes are ignored. Returns `None` when no duration leads the text.
pub fn parse_duration(text: &str) -> Option<TimeDelta> {
    let mut t = text.trim().to_ascii_lowercase();
    if let Some(open) = t.find('(') {
        t.truncate(open);
    }
    let t = t.trim().trim_start_matches(['~', '≈']).trim();
    let t = [
        "approximately ",
        "approx. ",
        "approx ",
        "about ",
        "around ",
        "roughly ",
    ]
    .iter()
    .find_map(|p| t.strip_prefix(p))
    .unwrap_or(t)
    .trim();
    // "04:17" and "1:02:03" are hours:minutes[:seconds].
    if let Some(first) = t.split_whitespace().next() {
        if first.contains(':') {
            let parts: Vec<&str> = first.split(':').collect();
            if !(2..=3).contains(&parts.len())
                || !parts
                    .iter()
                    .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
            {
                return None;
            }
            let nums: Vec<i64> = parts.iter().filter_map(|p| p.parse().ok()).collect();
            if nums.len() != parts.len() || nums[1..].iter().any(|n| *n > 59) {
                return None;
            }
            let secs = nums[0] * 3600 + nums[1] * 60 + nums.get(2).copied().unwrap_or(0);
            return TimeDelta::try_seconds(secs);
        }
    }
    let mut tokens: Vec<&str> = Vec::new();
    let mut start = None;
    let bytes = t.as_bytes();
    for (i, c) in t.char_indices() {
        let kind = if c.is_ascii_digit() || c == '.' {
            1
        } else if c.is_alphabetic() {
            2
        } else {
            0
        };
        let prev_kind = start.map(|(_, k)| k);
        if prev_kind != Some(kind) {
            if let Some((s, k)) = start {
                if k != 0 {
                    tokens.push(&t[s..i]);
                }
            }
            start = Some((i, kind));
        }
    }
    if let Some((s, k)) = start {
        if k != 0 && s < bytes.len() {
            tokens.push(&t[s..]);
        }
    }
    let mut total = 0.0_f64;
    let mut found = false;
    let mut last_unit = 0.0_f64;
    let mut i = 0;
    while i < tokens.len() {
        let tok = tokens[i];
        if tok == "and" {
            i += 1;
            continue;
        }
        let Ok(n) = tok.parse::<f64>() else {
            if found {
                break;
            }
            return None;
        };
        let Some(unit) = tokens.get(i + 1).and_then(|u| unit_seconds(u)) else {
            // "1h30": minutes written without their unit after the hours.
            if found && last_unit == 3600.0 && n.fract() == 0.0 && n < 60.0 {
                total += n * 60.0;
            }
            if found {
                break;
            }
            return None;
        };
        total += n * unit;
        last_unit = unit;
        found = true;
        i += 2;
    }
    if !found || !total.is_finite() || total.abs() > 1e11 {
        return None;
    }
    TimeDelta::try_milliseconds((total * 1000.0).round() as i64)
}

/// Writes a duration in words: "45 minutes", "2 hours 15 minutes", "10 days 19 hours 51
/// minutes", "1 minute 30 seconds". Seconds appear only when not zero.
pub fn format_duration(delta: TimeDelta) -> String {
    let negative = delta < TimeDelta::zero();
    let total = delta.num_seconds().unsigned_abs();
    let (days, rest) = (total / 86_400, total % 86_400);
    let (hours, rest) = (rest / 3600, rest % 3600);
    let (minutes, seconds) = (rest / 60, rest % 60);
    let mut parts = Vec::new();
    for (n, unit) in [
        (days, "day"),
        (hours, "hour"),
        (minutes, "minute"),
        (seconds, "second"),
    ] {
        if n > 0 {
            parts.push(format!("{n} {unit}{}", if n == 1 { "" } else { "s" }));
        }
    }
    let words = if parts.is_empty() {
        "0 minutes".to_string()
    } else {
        parts.join(" ")
    };
    if negative {
        format!("-{words}")
    } else {
        words
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
    }
    fn t(h: u32, m: u32, s: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, s).expect("valid test time")
    }
    fn off(minutes: i32) -> FixedOffset {
        FixedOffset::east_opt(minutes * 60).expect("valid test offset")
    }
    fn mins(n: i64) -> TimeDelta {
        TimeDelta::minutes(n)
    }

    #[test]
    fn every_known_zone_reads_back_once() {
        let names: Vec<&str> = known_zones().map(|(n, _)| n).collect();
        assert_eq!(names.first(), Some(&"UTC"));
        for (name, minutes) in known_zones() {
            assert_eq!(parse_zone(name), Some(off(minutes)), "{name}");
            assert_eq!(names.iter().filter(|n| **n == name).count(), 1, "{name}");
        }
    }

    #[test]
    fn reads_full_date_times() {
        let s = parse_stamp("2024-01-15 14:30").expect("plain");
        assert_eq!(s.date, DatePart::Full(d(2024, 1, 15)));
        assert_eq!(s.time, Some(t(14, 30, 0)));
        assert_eq!(s.offset, None);

        let s = parse_stamp("2024-01-15T14:30:05Z").expect("rfc3339");
        assert_eq!(s.time, Some(t(14, 30, 5)));
        assert_eq!(s.offset, Some(off(0)));

        let s = parse_stamp("2024-01-15 14:30 UTC").expect("abbrev");
        assert_eq!(s.offset, Some(off(0)));

        let s = parse_stamp("2024-01-15 14:30 PST").expect("pst");
        assert_eq!(s.offset, Some(off(-480)));
        let s = parse_stamp("2024-01-15 14:30 CEST").expect("cest");
        assert_eq!(s.offset, Some(off(120)));
        let s = parse_stamp("2024-01-15 14:30 +05:30").expect("numeric");
        assert_eq!(s.offset, Some(off(330)));
        let s = parse_stamp("2024-01-15T14:30+0200").expect("attached numeric");
        assert_eq!(s.offset, Some(off(120)));
        assert_eq!(s.time, Some(t(14, 30, 0)));
        let s = parse_stamp("2024-01-15 14:30 UTC-5").expect("utc-5");
        assert_eq!(s.offset, Some(off(-300)));
        let s = parse_stamp("**2024-01-15 2:30 pm EDT**").expect("pm");
        assert_eq!(s.time, Some(t(14, 30, 0)));
        assert_eq!(s.offset, Some(off(-240)));
    }

    #[test]
    fn reads_month_day_time_and_time_only() {
        let s = parse_stamp("Oct 28 20:37").expect("month day");
        assert_eq!(s.date, DatePart::MonthDay { month: 10, day: 28 });
        assert_eq!(s.time, Some(t(20, 37, 0)));
        let s = parse_stamp("Oct 28 20:37:05 UTC").expect("month day secs");
        assert_eq!(s.time, Some(t(20, 37, 5)));
        let s = parse_stamp("14:30").expect("hh:mm");
        assert_eq!((s.date, s.time), (DatePart::None, Some(t(14, 30, 0))));
        let s = parse_stamp("14:30:05").expect("hh:mm:ss");
        assert_eq!(s.time, Some(t(14, 30, 5)));
        let s = parse_stamp("9:05").expect("h:mm");
        assert_eq!(s.time, Some(t(9, 5, 0)));
    }

    #[test]
    fn reads_dates() {
        for text in [
            "2017-01-31",
            "31 Jan 2017",
            "Jan 31, 2017",
            "January 31st, 2017",
            "Tue, 31 Jan 2017",
        ] {
            assert_eq!(parse_date(text), Some(d(2017, 1, 31)), "{text}");
        }
        assert_eq!(parse_stamp("2017-01-31").and_then(|s| s.time), None);
    }

    #[test]
    fn rejects_placeholders_and_impossible_values() {
        for text in [
            "",
            "HH:MM",
            "YYYY-MM-DD",
            "[YYYY-MM-DD HH:MM]",
            "2024-02-30",
            "25:00",
            "14:3",
            "14:30 XYZ",
            "yesterday",
            "Jan 32",
            "1:00 pm pm",
        ] {
            assert_eq!(parse_stamp(text), None, "{text}");
        }
    }

    #[test]
    fn zones() {
        assert_eq!(parse_zone("UTC"), Some(off(0)));
        assert_eq!(parse_zone("gmt"), Some(off(0)));
        assert_eq!(parse_zone("(EST)"), Some(off(-300)));
        assert_eq!(parse_zone("GMT+01:00"), Some(off(60)));
        assert_eq!(parse_zone("-0800"), Some(off(-480)));
        assert_eq!(parse_zone("Mars"), None);
        assert_eq!(parse_zone("+25"), None);
    }

    fn ctx(date: Option<NaiveDate>) -> TimeContext {
        TimeContext {
            date,
            offset: off(0),
            zone: None,
        }
    }

    fn in_zone(date: Option<NaiveDate>, name: &str) -> TimeContext {
        let zone = parse_zone_name(name);
        assert!(zone.is_some(), "{name}");
        TimeContext {
            date,
            offset: off(0),
            zone,
        }
    }

    fn utc_times(r: &ResolvedTimeline) -> Vec<NaiveDateTime> {
        r.at.iter().flatten().map(|x| x.naive_utc()).collect()
    }

    #[test]
    fn reads_iana_zone_names() {
        for name in [
            "Europe/Berlin",
            "america/los_angeles",
            "US/Pacific",
            "Etc/UTC",
        ] {
            assert!(parse_zone_name(name).is_some(), "{name}");
        }
        assert_eq!(parse_zone_name("Mars/Olympus"), None);
        assert_eq!(parse_zone_name("PST"), None);
        let s = parse_stamp("2024-03-10 01:30 America/Los_Angeles");
        assert_eq!(
            s.and_then(|s| s.zone),
            parse_zone_name("America/Los_Angeles")
        );
        assert_eq!(s.and_then(|s| s.offset), None);
        let s = parse_stamp("9:15 AM Europe/Berlin");
        assert_eq!(s.and_then(|s| s.time), Some(t(9, 15, 0)));
        // Summer and winter offsets of the same zone.
        let at = |text: &str| parse_datetime(text, off(0)).map(|d| d.offset().local_minus_utc());
        assert_eq!(at("2024-07-01 12:00 Europe/Berlin"), Some(2 * 3600));
        assert_eq!(at("2024-01-15 12:00 Europe/Berlin"), Some(3600));
        assert_eq!(at("2024-07-01 12:00 US/Pacific"), Some(-7 * 3600));
    }

    #[test]
    fn a_span_across_spring_forward_is_real_elapsed_time() {
        // US clocks jump from 02:00 to 03:00 on 2024-03-10.
        let r = resolve_timeline(
            ["01:30", "03:30", "04:00"],
            &in_zone(Some(d(2024, 3, 10)), "America/Los_Angeles"),
        );
        let got = utc_times(&r);
        assert_eq!(got[1] - got[0], mins(60));
        assert_eq!(got[2] - got[1], mins(30));
        // A wall time the zone skips is read with the offset before the jump.
        let r = resolve_timeline(
            ["02:30"],
            &in_zone(Some(d(2024, 3, 10)), "America/Los_Angeles"),
        );
        assert_eq!(utc_times(&r), [d(2024, 3, 10).and_time(t(10, 30, 0))]);
    }

    #[test]
    fn a_wall_clock_that_goes_back_at_fall_back_is_in_order() {
        // Europe/Berlin falls back from 03:00 CEST to 02:00 CET on 2023-10-29.
        let r = resolve_timeline(
            ["02:40", "02:10", "02:50", "03:05"],
            &in_zone(Some(d(2023, 10, 29)), "Europe/Berlin"),
        );
        let got = utc_times(&r);
        assert_eq!(
            got,
            [
                d(2023, 10, 29).and_time(t(0, 40, 0)),
                d(2023, 10, 29).and_time(t(1, 10, 0)),
                d(2023, 10, 29).and_time(t(1, 50, 0)),
                d(2023, 10, 29).and_time(t(2, 5, 0)),
            ]
        );
        // From 02:40 CEST to 03:05 CET is 85 minutes of real time.
        assert_eq!(got[3] - got[0], mins(85));
    }

    #[test]
    fn a_named_zone_in_the_report_sets_the_context() {
        let mut report = Report::default();
        report.meta.timezone = "US/Pacific".into();
        report.meta.date = "2023-11-05".into();
        let c = TimeContext::from_report(&report);
        assert_eq!(c.zone, parse_zone_name("US/Pacific"));
        assert_eq!(c.offset, off(-8 * 60));
        report.meta.timezone = "PDT".into();
        assert_eq!(TimeContext::from_report(&report).zone, None);
    }

    #[test]
    fn time_only_rows_take_the_incident_date_and_roll_over_midnight() {
        let r = resolve_timeline(
            ["23:40", "23:55", "00:10", "01:05"],
            &ctx(Some(d(2024, 3, 9))),
        );
        assert!(r.dated);
        let at: Vec<_> = r.at.iter().map(|a| a.map(|x| x.naive_utc())).collect();
        assert_eq!(at[0], Some(d(2024, 3, 9).and_time(t(23, 40, 0))));
        assert_eq!(at[2], Some(d(2024, 3, 10).and_time(t(0, 10, 0))));
        assert_eq!(at[3], Some(d(2024, 3, 10).and_time(t(1, 5, 0))));
        assert_eq!(r.last().map(|l| l - r.first().unwrap_or(l)), Some(mins(85)));
    }

    #[test]
    fn an_overnight_gap_is_a_new_day() {
        let r = resolve_timeline(["19:00", "21:20", "09:25"], &ctx(Some(d(2021, 3, 15))));
        assert_eq!(r.at[2].map(|x| x.date_naive()), Some(d(2021, 3, 16)));
        assert!(r.at[2] > r.at[1]);
    }

    #[test]
    fn a_small_step_back_is_not_a_new_day() {
        let r = resolve_timeline(["14:30", "14:20"], &ctx(Some(d(2024, 3, 9))));
        assert!(r.at[1] < r.at[0]);
    }

    #[test]
    fn dated_rows_move_the_current_date_and_zones_apply() {
        let r = resolve_timeline(
            ["2024-01-15 23:50 PST", "00:20", "Jan 16 09:00 UTC"],
            &ctx(None),
        );
        assert!(r.dated);
        // 23:50 PST is 07:50 UTC next day; 00:20 (UTC default) rolls to the 16th.
        let first = r.at[0].map(|x| x.naive_utc());
        assert_eq!(first, Some(d(2024, 1, 16).and_time(t(7, 50, 0))));
        let second = r.at[1].map(|x| x.naive_utc());
        assert_eq!(second, Some(d(2024, 1, 16).and_time(t(0, 20, 0))));
        assert_eq!(
            r.at[2].map(|x| x.naive_utc()),
            Some(d(2024, 1, 16).and_time(t(9, 0, 0)))
        );
    }

    #[test]
    fn month_day_rolls_into_the_new_year() {
        let r = resolve_timeline(["Dec 31 23:00", "Jan 1 01:00"], &ctx(Some(d(2023, 12, 31))));
        assert_eq!(
            r.at[1].map(|x| x.date_naive()),
            Some(d(2024, 1, 1)),
            "{:?}",
            r.at
        );
    }

    #[test]
    fn undated_timeline_still_measures_differences() {
        let r = resolve_timeline(["10:00", "garbage", "10:45"], &ctx(None));
        assert!(!r.dated);
        assert_eq!(r.at[1], None);
        assert_eq!(r.last().zip(r.first()).map(|(a, b)| a - b), Some(mins(45)));
    }

    #[test]
    fn context_from_report() {
        let mut report = Report::new("000");
        report.meta.start = "2024-01-15 14:30 PST".into();
        let c = TimeContext::from_report(&report);
        assert_eq!(c.date, Some(d(2024, 1, 15)));
        assert_eq!(c.offset, off(-480));
        report.meta.timezone = "UTC".into();
        report.meta.date = "2024-01-14".into();
        let c = TimeContext::from_report(&report);
        assert_eq!((c.date, c.offset), (Some(d(2024, 1, 14)), off(0)));
    }

    #[test]
    fn durations() {
        let cases: [(&str, i64); 13] = [
            ("45 minutes", 45 * 60),
            ("2 hours 15 minutes", 135 * 60),
            ("1h 30m", 90 * 60),
            ("1h30m", 90 * 60),
            ("04:17", (4 * 60 + 17) * 60),
            (
                "10 days 19 hours 51 minutes",
                ((10 * 24 + 19) * 60 + 51) * 60,
            ),
            ("90 min", 90 * 60),
            ("1.5 hours", 90 * 60),
            ("~45 min", 45 * 60),
            ("2 hours and 5 minutes", 125 * 60),
            ("45 minutes (14:30 to 15:15 UTC)", 45 * 60),
            ("30 seconds", 30),
            ("About 3 hours of degraded service", 3 * 3600),
        ];
        for (text, secs) in cases {
            assert_eq!(
                parse_duration(text),
                Some(TimeDelta::seconds(secs)),
                "{text}"
            );
        }
        for text in [
            "",
            "HH:MM",
            "X hours Y minutes",
            "45",
            "a while",
            "1:75",
            "[Total duration]",
        ] {
            assert_eq!(parse_duration(text), None, "{text}");
        }
    }

    #[test]
    fn durations_as_teams_write_them() {
        assert_eq!(parse_duration("1.5 hours"), Some(mins(90)));
        assert_eq!(parse_duration("15h 25m"), Some(mins(15 * 60 + 25)));
        assert_eq!(parse_duration("75:48"), Some(mins(75 * 60 + 48)));
        assert_eq!(parse_duration("2 days 4 h"), Some(mins((2 * 24 + 4) * 60)));
        assert_eq!(parse_duration("1h30"), Some(mins(90)));
        assert_eq!(parse_duration("1h30 of degraded service"), Some(mins(90)));
        // Minutes over 59 without a unit are not minutes.
        assert_eq!(parse_duration("1h75"), Some(mins(60)));
    }

    #[test]
    fn twelve_hour_clocks() {
        let at = |s: &str| parse_stamp(s).and_then(|x| x.time);
        assert_eq!(at("2:30 PM PDT"), Some(t(14, 30, 0)));
        assert_eq!(
            parse_stamp("2:30 PM PDT").and_then(|x| x.offset),
            Some(off(-7 * 60))
        );
        assert_eq!(at("12:05 AM"), Some(t(0, 5, 0)));
        assert_eq!(at("12:05 pm"), Some(t(12, 5, 0)));
        assert_eq!(at("11:59:30 p.m."), Some(t(23, 59, 30)));
        assert_eq!(at("9:07am"), Some(t(9, 7, 0)));
        assert_eq!(at("13:00 PM"), None);
        // Across noon and midnight a 12-hour timeline stays in order.
        let r = resolve_timeline(
            ["11:50 PM", "12:10 AM", "1:05 AM"],
            &ctx(Some(d(2024, 2, 29))),
        );
        let got: Vec<_> = r.at.iter().flatten().map(|x| x.naive_local()).collect();
        assert_eq!(
            got,
            [
                d(2024, 2, 29).and_time(t(23, 50, 0)),
                d(2024, 3, 1).and_time(t(0, 10, 0)),
                d(2024, 3, 1).and_time(t(1, 5, 0)),
            ]
        );
    }

    #[test]
    fn a_timeline_across_new_year() {
        let r = resolve_timeline(
            ["Dec 31 23:48", "Dec 31 23:59:59", "00:12", "Jan 1 02:40"],
            &ctx(Some(d(2023, 12, 31))),
        );
        let got: Vec<_> = r.at.iter().flatten().map(|x| x.naive_local()).collect();
        assert_eq!(
            got,
            [
                d(2023, 12, 31).and_time(t(23, 48, 0)),
                d(2023, 12, 31).and_time(t(23, 59, 59)),
                d(2024, 1, 1).and_time(t(0, 12, 0)),
                d(2024, 1, 1).and_time(t(2, 40, 0)),
            ]
        );
        // An ISO offset on the row wins over the report's zone.
        let r = resolve_timeline(
            ["2023-12-31T23:30:00+11:00", "2023-12-31T13:00:00Z"],
            &ctx(None),
        );
        assert_eq!(r.at[1].zip(r.at[0]).map(|(b, a)| b - a), Some(mins(30)));
    }

    #[test]
    fn duration_words_round_trip() {
        assert_eq!(format_duration(mins(45)), "45 minutes");
        assert_eq!(format_duration(mins(135)), "2 hours 15 minutes");
        assert_eq!(format_duration(mins(60)), "1 hour");
        assert_eq!(
            format_duration(TimeDelta::seconds(90)),
            "1 minute 30 seconds"
        );
        assert_eq!(format_duration(TimeDelta::zero()), "0 minutes");
        assert_eq!(format_duration(mins(-5)), "-5 minutes");
        for m in [1, 59, 61, 1440, 15_591] {
            let words = format_duration(mins(m));
            assert_eq!(parse_duration(&words), Some(mins(m)), "{words}");
        }
    }
}
