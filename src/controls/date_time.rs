//! The start and end controls: a native date-and-time picker and a time-zone select over
//! text stored as typed ("2024-01-15 14:30 UTC"). Picking writes the canonical text back;
//! text the core cannot read is never replaced until the author picks a new value.

use super::line_input::{Hint, LineInput};
use crate::app::use_ctx;
use chrono::{FixedOffset, Timelike};
use hindsight_core::fields::Text;
use hindsight_core::time::{known_zones, parse_stamp, parse_zone, DatePart};
use hindsight_core::Location;
use leptos::prelude::*;

/// Zone select value meaning "the stored text is kept as typed".
pub const AS_TYPED: &str = "as-typed";
/// Zone for a new value when nothing else says which.
const DEFAULT_ZONE: &str = "UTC";

/// What the controls make of the stored text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reading {
    /// Nothing written yet.
    Empty,
    /// A full date and time: the picker's value ("2024-01-15T14:30") and the zone as
    /// written ("UTC", "+05:30"; empty when the text names none).
    Read { local: String, zone: String },
    /// Something the core cannot read as a date and time; shown as typed only.
    AsTyped,
}

/// The current UTC time as "YYYY-MM-DD HH:MM".
pub fn now_utc() -> String {
    let iso: String = js_sys::Date::new_0().to_iso_string().into();
    iso.get(..16).unwrap_or_default().replace('T', " ")
}

/// Reads stored text the way the core does.
pub fn read(text: &str) -> Reading {
    let t = text.trim();
    if t.is_empty() {
        return Reading::Empty;
    }
    let Some(stamp) = parse_stamp(t) else {
        return Reading::AsTyped;
    };
    let (DatePart::Full(date), Some(time)) = (stamp.date, stamp.time) else {
        return Reading::AsTyped;
    };
    let format = if time.second() == 0 {
        "%Y-%m-%dT%H:%M"
    } else {
        "%Y-%m-%dT%H:%M:%S"
    };
    let local = date.and_time(time).format(format).to_string();
    let zone = stamp.offset.map(|o| zone_word(t, o)).unwrap_or_default();
    Reading::Read { local, zone }
}

/// The zone as the author wrote it (known abbreviations upper-cased), or the offset when
/// it is attached to the time ("14:30Z", RFC 3339).
fn zone_word(text: &str, offset: FixedOffset) -> String {
    if let Some(last) = text.split_whitespace().last() {
        if parse_zone(last) == Some(offset) {
            let upper = last.to_ascii_uppercase();
            let known = known_zones().any(|(name, _)| name == upper);
            return if known { upper } else { last.to_string() };
        }
    }
    let secs = offset.local_minus_utc();
    if secs == 0 {
        return DEFAULT_ZONE.to_string();
    }
    let sign = if secs < 0 { '-' } else { '+' };
    let m = secs.abs() / 60;
    format!("{sign}{:02}:{:02}", m / 60, m % 60)
}

/// The canonical text for a picker value ("2024-01-15T14:30") in a zone:
/// "2024-01-15 14:30 UTC"; without a zone when `zone` is empty.
pub fn join(local: &str, zone: &str) -> String {
    let at = local.trim().replacen('T', " ", 1);
    if zone.trim().is_empty() {
        at
    } else {
        format!("{at} {}", zone.trim())
    }
}

/// "+01:00" for 60 minutes east.
fn offset_label(minutes: i32) -> String {
    let sign = if minutes < 0 { '-' } else { '+' };
    let m = minutes.abs();
    format!("UTC{sign}{:02}:{:02}", m / 60, m % 60)
}

/// The zone select's options (value, label) and the selected value. `picked` is the zone
/// the author chose last, used while the text says none.
pub fn zone_choices(reading: &Reading, picked: &str) -> (Vec<(String, String)>, String) {
    let selected = match reading {
        Reading::Empty => picked.to_string(),
        Reading::Read { zone, .. } => zone.clone(),
        Reading::AsTyped => AS_TYPED.to_string(),
    };
    let mut options = Vec::new();
    if *reading == Reading::AsTyped {
        options.push((AS_TYPED.to_string(), "as typed".to_string()));
    }
    if selected.is_empty() {
        options.push((String::new(), "no zone".to_string()));
    }
    let known = known_zones().any(|(name, _)| name == selected);
    if !known && !selected.is_empty() && selected != AS_TYPED {
        options.push((selected.clone(), selected.clone()));
    }
    options.extend(known_zones().map(|(name, minutes)| {
        let label = if minutes == 0 {
            name.to_string()
        } else {
            format!("{name} ({})", offset_label(minutes))
        };
        (name.to_string(), label)
    }));
    (options, selected)
}

/// The text box (as typed), the picker, the zone select and "Now" for `meta.start` or
/// `meta.end`. The text box keeps the field's `data-testid`; the picker and the select
/// add `-picker` and `-zone`.
#[component]
pub fn DateTimeControl(field: Text, id: String) -> impl IntoView {
    let ctx = use_ctx();
    let lens = field.lens(ctx.report);
    let at = Location::text(field);
    // The box, the picker, the select and the hint follow this field only.
    let text = Memo::new(move |_| lens.get());
    let shown: Signal<String> = Signal::from(text);
    let reading = Memo::new(move |_| read(&text.get()));
    let initial = match reading.get_untracked() {
        Reading::Read { zone, .. } if !zone.is_empty() => zone,
        _ => DEFAULT_ZONE.to_string(),
    };
    let picked = RwSignal::new(initial);
    let type_in = move |v: String| ctx.type_text(at, lens, v);
    // A picked value is written as text; the box beside it shows it.
    let set_shown = type_in;
    let on_pick = move |ev: leptos::ev::Event| {
        let local = event_target_value(&ev);
        if local.trim().is_empty() {
            // A cleared picker does not clear the text: the box is the way to do that.
            return;
        }
        let zone = match reading.get_untracked() {
            Reading::Read { zone, .. } if !zone.is_empty() => zone,
            _ => picked.get_untracked(),
        };
        set_shown(join(&local, &zone));
    };
    let on_zone = move |ev: leptos::ev::Event| {
        let zone = event_target_value(&ev);
        if zone == AS_TYPED {
            return;
        }
        picked.set(zone.clone());
        if let Reading::Read { local, .. } = reading.get_untracked() {
            set_shown(join(&local, &zone));
        }
    };
    let choices = Memo::new(move |_| zone_choices(&reading.get(), &picked.get()));
    // "Kept as typed" waits while the author is still typing (see `marker`).
    let held = ctx.review.holding;
    let kept_as_typed = Memo::new(move |was: Option<&bool>| {
        reading.get() == Reading::AsTyped && (!held.get() || was.copied().unwrap_or(false))
    });
    let label = field.label();
    view! {
        <div class="datetime">
            <LineInput
                id=id.clone()
                value=shown
                on_type=Callback::new(type_in)
                hint=Hint::DATE_TIME
            />
            <input
                type="datetime-local"
                class="when"
                data-testid=format!("{id}-picker")
                aria-label=format!("{label}: date and time")
                on:change=on_pick
                prop:value=move || match reading.get() {
                    Reading::Read { local, .. } => local,
                    _ => String::new(),
                }
            />
            <select
                class="zone"
                data-testid=format!("{id}-zone")
                aria-label=format!("{label}: time zone")
                on:change=on_zone
                prop:value=move || choices.get().1
            >
                {move || {
                    let (options, selected) = choices.get();
                    options
                        .into_iter()
                        .map(|(value, text)| {
                            let is = value == selected;
                            view! { <option value=value selected=is>{text}</option> }
                        })
                        .collect_view()
                }}
            </select>
            <button
                type="button"
                class="small"
                title="Set to the current time (UTC)"
                on:click=move |_| set_shown(join(&now_utc(), DEFAULT_ZONE))
            >
                "Now"
            </button>
            <Show when=move || kept_as_typed.get()>
                <p class="hint" data-testid=format!("{id}-hint")>
                    "Kept as typed: this is not a full date and time (with the year) that the picker can show. Pick one to replace it."
                </p>
            </Show>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_as(local: &str, zone: &str) -> Reading {
        Reading::Read {
            local: local.into(),
            zone: zone.into(),
        }
    }

    #[test]
    fn reads_what_the_core_reads() {
        assert_eq!(read(""), Reading::Empty);
        assert_eq!(read("  "), Reading::Empty);
        assert_eq!(
            read("2024-01-15 14:30 UTC"),
            read_as("2024-01-15T14:30", "UTC")
        );
        assert_eq!(
            read("2024-01-15 14:30 cet"),
            read_as("2024-01-15T14:30", "CET")
        );
        assert_eq!(
            read("2024-01-15 14:30 UTC+2"),
            read_as("2024-01-15T14:30", "UTC+2")
        );
        assert_eq!(
            read("2024-01-15T14:30:15+05:30"),
            read_as("2024-01-15T14:30:15", "+05:30")
        );
        assert_eq!(
            read("2024-01-15T14:30:00Z"),
            read_as("2024-01-15T14:30", "UTC")
        );
        assert_eq!(read("2024-01-15 14:30"), read_as("2024-01-15T14:30", ""));
    }

    #[test]
    fn unreadable_or_partial_text_stays_as_typed() {
        for text in [
            "around lunch",
            "14:30",
            "2024-01-15",
            "Oct 28 20:37",
            "YYYY-MM-DD HH:MM",
        ] {
            assert_eq!(read(text), Reading::AsTyped, "{text}");
        }
    }

    #[test]
    fn joins_into_the_canonical_text() {
        assert_eq!(join("2024-01-15T14:30", "UTC"), "2024-01-15 14:30 UTC");
        assert_eq!(join("2024-01-15T14:30", ""), "2024-01-15 14:30");
        let text = join("2024-01-15T09:05", "PST");
        assert_eq!(read(&text), read_as("2024-01-15T09:05", "PST"));
    }

    #[test]
    fn zone_choices_never_hide_what_was_written() {
        let (options, selected) = zone_choices(&Reading::AsTyped, "UTC");
        assert_eq!(selected, AS_TYPED);
        assert_eq!(options[0].0, AS_TYPED);
        let (options, selected) = zone_choices(&read("2024-01-15 14:30 UTC+2"), "UTC");
        assert_eq!(selected, "UTC+2");
        assert!(options.iter().any(|(v, _)| v == "UTC+2"));
        let (options, selected) = zone_choices(&read("2024-01-15 14:30"), "UTC");
        assert_eq!(selected, "");
        assert_eq!(options[0], (String::new(), "no zone".to_string()));
        let (options, selected) = zone_choices(&Reading::Empty, "JST");
        assert_eq!(selected, "JST");
        assert_eq!(options[0].0, "UTC");
        assert!(options
            .iter()
            .any(|(v, l)| v == "JST" && l == "JST (UTC+09:00)"));
    }
}
