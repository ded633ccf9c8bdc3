//! The timeline chart as SVG: one row per timeline entry with its marker on a shared time
//! axis, coloured by event kind; the impact window shaded; brackets for time to detect,
//! acknowledge, mitigate and resolve (from `crate::metrics`); midnight lines with the
//! date. Sized for a 360 px phone (a narrow view box with 12-unit text), light and dark
//! by `prefers-color-scheme` inside the SVG, light for print. Every entry has a `<title>`
//! with its time and text, the SVG a `<title>` and `<desc>`; every user string is
//! escaped for XML. The timeline table stays the accessible source.

use chrono::{DateTime, FixedOffset, NaiveTime, TimeDelta};

use crate::markdown::one_line;
use crate::metrics::{self, Metrics};
use crate::model::{EventKind, Report};
use crate::time::{format_duration, resolve_report_timeline, TimeContext};

/// Width of the view box. Narrow on purpose: scaled to a 360 px phone, 12-unit text is
/// still about 10 px tall.
pub const WIDTH: u32 = 420;
const MARGIN: f64 = 16.0;
const AXIS_Y: f64 = 34.0;
const LANE: f64 = 16.0;
const ROW: f64 = 28.0;
const FONT: u32 = 12;
/// Average advance of a 12-unit sans-serif character, to fit labels to the space left.
const CHAR_WIDTH: f64 = 6.4;
/// The same for the brackets' 10-unit labels (digits and capitals run wide).
const BRACKET_CHAR_WIDTH: f64 = 5.8;
/// Tick steps the axis may use, in minutes; the first that gives at most six ticks wins.
const TICK_STEPS: [i64; 15] = [
    1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440, 2880, 10080, 43200,
];

/// Renders the report's timeline as a standalone SVG document, its colours in its own
/// `<style>`.
pub fn timeline_svg(report: &Report) -> String {
    render(report, true)
}

/// The same SVG without its `<style>`, for a page whose Content-Security-Policy refuses
/// inline styles: the page adopts [`CSS`] as a stylesheet of its own instead.
pub fn timeline_svg_unstyled(report: &Report) -> String {
    render(report, false)
}

fn render(report: &Report, styled: bool) -> String {
    let resolved = resolve_report_timeline(report);
    let m = metrics::from_resolved(&report.timeline.entries, &resolved);
    let offset = TimeContext::from_report(report).offset;
    let entries = &report.timeline.entries;
    let placed: Vec<DateTime<FixedOffset>> = resolved.at.iter().flatten().copied().collect();
    let scale = Scale::new(placed.iter().min().copied(), placed.iter().max().copied());
    let brackets = brackets(&m);
    let rows_top = AXIS_Y + 12.0 + LANE * brackets.len() as f64;
    let height = rows_top + ROW * entries.len().max(1) as f64 + 8.0;

    let mut s = String::new();
    let title = match report.meta.title.trim() {
        "" => "Incident timeline".to_string(),
        t => format!("Incident timeline: {}", one_line(t)),
    };
    s.push_str(&format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"hs-chart\" viewBox=\"0 0 {WIDTH} {h}\" width=\"100%\" \
         role=\"img\" aria-labelledby=\"hs-chart-title hs-chart-desc\" font-family=\"system-ui, sans-serif\" \
         font-size=\"{FONT}\">\n",
        h = num(height)
    ));
    s.push_str(&format!(
        "<title id=\"hs-chart-title\">{}</title>\n<desc id=\"hs-chart-desc\">{}</desc>\n",
        esc(&title),
        esc(&describe(entries.len(), placed.len(), &m))
    ));
    if styled {
        s.push_str("<style>\n");
        s.push_str(CSS);
        s.push_str("</style>\n");
    }

    if let Some(scale) = &scale {
        // Impact window, behind everything.
        if let (Some(a), Some(b)) = (m.start(), m.end()) {
            let (x0, x1) = (scale.x(a), scale.x(b));
            s.push_str(&format!(
                "<rect class=\"impact\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"><title>Impact window: {}</title></rect>\n",
                num(x0),
                num(AXIS_Y),
                num((x1 - x0).max(1.0)),
                num(height - AXIS_Y - 4.0),
                esc(&span_words(a, b, offset))
            ));
        }
        // Midnights, with the date they start.
        for day in scale.midnights(offset) {
            let x = scale.x(day);
            s.push_str(&format!(
                "<line class=\"day\" x1=\"{x}\" y1=\"4\" x2=\"{x}\" y2=\"{y2}\"/>\n<text class=\"muted\" x=\"{tx}\" y=\"12\">{d}</text>\n",
                x = num(x),
                y2 = num(height - 4.0),
                tx = num(x + 3.0),
                d = day.format("%Y-%m-%d")
            ));
        }
        // Axis and ticks.
        s.push_str(&format!(
            "<line class=\"axis\" x1=\"{}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\"/>\n",
            num(MARGIN),
            num(f64::from(WIDTH) - MARGIN),
            y = num(AXIS_Y)
        ));
        for t in scale.ticks() {
            let x = scale.x(t);
            let local = t.with_timezone(&offset);
            s.push_str(&format!(
                "<line class=\"axis\" x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\"/>\n<text class=\"muted\" x=\"{x}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n",
                num(AXIS_Y - 3.0),
                num(AXIS_Y + 3.0),
                num(AXIS_Y - 6.0),
                local.format("%H:%M"),
                x = num(x)
            ));
        }
        // Brackets from the start to each moment the metrics name.
        for (lane, b) in brackets.iter().enumerate() {
            let (Some(from), Some(to)) = (m.start(), b.at) else {
                continue;
            };
            let y = AXIS_Y + 10.0 + LANE * lane as f64;
            let (x0, x1) = (scale.x(from), scale.x(to));
            // After the bracket's end when the label fits there; else ending inside it
            // (its halo hides the line under it), never past the view box.
            let width = (b.short.len() + 1 + b.words.chars().count()) as f64 * BRACKET_CHAR_WIDTH;
            let right = f64::from(WIDTH) - 2.0;
            let (tx, anchor) = if x1 + 3.0 + width <= right {
                (x1 + 3.0, "start")
            } else {
                ((x1 - 3.0).max(width + 2.0).min(right), "end")
            };
            s.push_str(&format!(
                "<g class=\"bracket\"><title>{name}: {words}</title><path d=\"M{x0} {yt} V{y} H{x1} V{yt}\"/><text x=\"{tx}\" y=\"{ty}\" text-anchor=\"{anchor}\">{short} {words}</text></g>\n",
                name = b.name,
                short = b.short,
                words = esc(&b.words),
                x0 = num(x0),
                x1 = num(x1),
                y = num(y),
                yt = num(y - 4.0),
                tx = num(tx),
                ty = num(y + 4.0),
            ));
        }
    }

    // One row per entry, in the table's order; its marker sits at its time.
    for (i, (entry, at)) in entries.iter().zip(&resolved.at).enumerate() {
        let y = rows_top + ROW * i as f64 + ROW / 2.0;
        let kind = metrics::classify(entry);
        let class = kind.map(kind_class).unwrap_or("other");
        let text = match kind {
            Some(k) if entry.kind.is_some() => {
                format!("{}: {}", k.label(), one_line(entry.event_after_kind()))
            }
            _ => one_line(&entry.event),
        };
        let time = one_line(&entry.time);
        let tooltip = format!(
            "{} — {}",
            if time.is_empty() { "no time" } else { &time },
            text
        );
        let (marker, x) = match (at, &scale) {
            (Some(at), Some(scale)) => {
                let x = scale.x(*at);
                (
                    format!(
                        "<circle class=\"ev {class}\" cx=\"{}\" cy=\"{}\" r=\"5\"/>",
                        num(x),
                        num(y)
                    ),
                    Some(x),
                )
            }
            // A time the parser cannot read: listed, but off the axis.
            _ => (
                format!(
                    "<circle class=\"ev unplaced\" cx=\"{}\" cy=\"{}\" r=\"4\"/>",
                    num(MARGIN),
                    num(y)
                ),
                None,
            ),
        };
        let label = format!("{time} {text}");
        let (tx, anchor, room) = match x {
            Some(x) if x > f64::from(WIDTH) * 0.55 => (x - 9.0, "end", x - 9.0 - MARGIN),
            Some(x) => (x + 9.0, "start", f64::from(WIDTH) - MARGIN - x - 9.0),
            None => (MARGIN + 9.0, "start", f64::from(WIDTH) - 2.0 * MARGIN - 9.0),
        };
        s.push_str(&format!(
            "<g class=\"row\" data-row=\"{i}\"><title>{}</title><line class=\"guide\" x1=\"{}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\"/>{marker}<text class=\"fg\" x=\"{}\" y=\"{}\" text-anchor=\"{anchor}\">{}</text></g>\n",
            esc(&tooltip),
            num(MARGIN),
            num(f64::from(WIDTH) - MARGIN),
            num(tx),
            num(y + 4.0),
            esc(&fit(&label, room)),
            y = num(y),
        ));
    }
    s.push_str("</svg>\n");
    s
}

/// The chart's colours, the one copy: light by default, dark when the reader's system is
/// dark, light on paper. Scoped to the SVG's own `hs-chart` class, so a page that adopts
/// them (the web app, whose CSP refuses the inline `<style>`) colours nothing else.
pub const CSS: &str = ".hs-chart .fg{fill:#1f2328}
.hs-chart .muted{fill:#59636e}
.hs-chart .axis{stroke:#59636e;stroke-width:1}
.hs-chart .guide{stroke:#d1d9e0;stroke-width:0.5}
.hs-chart .day{stroke:#8c959f;stroke-dasharray:3 3}
.hs-chart .impact{fill:#cf222e;fill-opacity:0.08}
.hs-chart .bracket path{fill:none;stroke:#59636e}
.hs-chart .bracket text{fill:#59636e;font-size:10px;paint-order:stroke;stroke:#ffffff;stroke-width:3px;stroke-linejoin:round}
.hs-chart .ev{stroke:#ffffff;stroke-width:1.5}
.hs-chart .impact-start{fill:#cf222e}
.hs-chart .detect{fill:#bc4c00}
.hs-chart .respond{fill:#8250df}
.hs-chart .investigate{fill:#0969da}
.hs-chart .mitigate{fill:#1a7f37}
.hs-chart .resolve{fill:#116329}
.hs-chart .other{fill:#59636e}
.hs-chart .unplaced{fill:none;stroke:#59636e}
@media (prefers-color-scheme: dark){
.hs-chart .fg{fill:#f0f6fc}
.hs-chart .muted{fill:#9198a1}
.hs-chart .axis{stroke:#9198a1}
.hs-chart .guide{stroke:#3d444d}
.hs-chart .day{stroke:#656c76}
.hs-chart .impact{fill:#ff7b72;fill-opacity:0.14}
.hs-chart .bracket path{stroke:#9198a1}
.hs-chart .bracket text{fill:#9198a1;stroke:#0d1117}
.hs-chart .ev{stroke:#0d1117}
.hs-chart .impact-start{fill:#ff7b72}
.hs-chart .detect{fill:#f0883e}
.hs-chart .respond{fill:#bc8cff}
.hs-chart .investigate{fill:#4493f8}
.hs-chart .mitigate{fill:#3fb950}
.hs-chart .resolve{fill:#56d364}
.hs-chart .other{fill:#9198a1}
.hs-chart .unplaced{fill:none;stroke:#9198a1}}
@media print{
.hs-chart .fg{fill:#000000}
.hs-chart .muted{fill:#333333}
.hs-chart .axis{stroke:#333333}
.hs-chart .guide{stroke:#cccccc}
.hs-chart .impact{fill:#cf222e;fill-opacity:0.1}
.hs-chart .ev{stroke:#ffffff}
.hs-chart .bracket text{stroke:#ffffff}}
";

/// The colour group of an event kind.
fn kind_class(kind: EventKind) -> &'static str {
    match kind {
        EventKind::ImpactStart => "impact-start",
        EventKind::Detected | EventKind::Alerted => "detect",
        EventKind::Acknowledged | EventKind::Declared | EventKind::Escalated => "respond",
        EventKind::Investigating | EventKind::RootCauseIdentified => "investigate",
        EventKind::Mitigated | EventKind::Restored => "mitigate",
        EventKind::Resolved | EventKind::Monitoring => "resolve",
        EventKind::Trigger | EventKind::Change => "other",
    }
}

/// One bracket: a metric's name, its short label, where it ends and its length in words.
struct Bracket {
    name: &'static str,
    short: &'static str,
    at: Option<DateTime<FixedOffset>>,
    words: String,
}

/// The brackets the metrics allow, in lane order.
fn brackets(m: &Metrics) -> Vec<Bracket> {
    [
        ("Time to detect", "TTD", m.detected, m.time_to_detect),
        (
            "Time to acknowledge",
            "TTA",
            m.acknowledged,
            m.time_to_acknowledge,
        ),
        ("Time to mitigate", "TTM", m.mitigated, m.time_to_mitigate),
        ("Time to resolve", "TTR", m.resolved, m.time_to_resolve),
    ]
    .into_iter()
    .filter_map(|(name, short, at, span)| {
        let span = span?;
        Some(Bracket {
            name,
            short,
            at,
            words: format_duration(span),
        })
    })
    .collect()
}

/// The chart's `<desc>`: what it shows, in a sentence or two.
fn describe(rows: usize, placed: usize, m: &Metrics) -> String {
    let mut d = format!("{rows} timeline events, {placed} with a readable time, on a time axis");
    if let Some(total) = m.total_duration {
        d.push_str(&format!("; impact window {}", format_duration(total)));
    }
    for b in brackets(m) {
        d.push_str(&format!("; {} {}", b.name.to_lowercase(), b.words));
    }
    d.push_str(". The timeline table holds the same events.");
    d
}

/// "14:30 to 15:15 (45 minutes)".
fn span_words(a: DateTime<FixedOffset>, b: DateTime<FixedOffset>, offset: FixedOffset) -> String {
    format!(
        "{} to {} ({})",
        a.with_timezone(&offset).format("%Y-%m-%d %H:%M"),
        b.with_timezone(&offset).format("%Y-%m-%d %H:%M"),
        format_duration(b - a)
    )
}

/// Maps times onto the axis.
struct Scale {
    t0: DateTime<FixedOffset>,
    t1: DateTime<FixedOffset>,
}

impl Scale {
    /// A scale over the first and last placed times; `None` when nothing is placed. A
    /// single moment gets a one-hour axis around it.
    fn new(
        first: Option<DateTime<FixedOffset>>,
        last: Option<DateTime<FixedOffset>>,
    ) -> Option<Scale> {
        let (t0, t1) = (first?, last?);
        if t1 <= t0 {
            return Some(Scale {
                t0: t0 - TimeDelta::minutes(30),
                t1: t0 + TimeDelta::minutes(30),
            });
        }
        Some(Scale { t0, t1 })
    }

    fn span_seconds(&self) -> f64 {
        (self.t1 - self.t0).num_seconds().max(1) as f64
    }

    /// x of a time: the margins are the first and last placed times.
    fn x(&self, t: DateTime<FixedOffset>) -> f64 {
        let plot = f64::from(WIDTH) - 2.0 * MARGIN;
        let frac = (t - self.t0).num_seconds() as f64 / self.span_seconds();
        MARGIN + plot * frac.clamp(0.0, 1.0)
    }

    /// Round ticks: the smallest step in `TICK_STEPS` giving at most six.
    fn ticks(&self) -> Vec<DateTime<FixedOffset>> {
        let span_min = (self.t1 - self.t0).num_minutes().max(1);
        let step = TICK_STEPS
            .iter()
            .copied()
            .find(|s| span_min / s <= 5)
            .unwrap_or(43200);
        let step_s = step * 60;
        let start = self.t0.timestamp();
        let first =
            start.div_euclid(step_s) * step_s + if start % step_s == 0 { 0 } else { step_s };
        let mut out = Vec::new();
        let mut t = first;
        while t <= self.t1.timestamp() && out.len() < 8 {
            if let Some(dt) = DateTime::from_timestamp(t, 0) {
                out.push(dt.with_timezone(&self.t0.timezone()));
            }
            t += step_s;
        }
        out
    }

    /// Midnights (in the report's zone) strictly inside the axis.
    fn midnights(&self, offset: FixedOffset) -> Vec<DateTime<FixedOffset>> {
        let mut out = Vec::new();
        let local = self.t0.with_timezone(&offset);
        let mut day = local.date_naive().succ_opt();
        while let Some(d) = day {
            let Some(midnight) = d
                .and_time(NaiveTime::MIN)
                .and_local_timezone(offset)
                .single()
            else {
                break;
            };
            if midnight >= self.t1 || out.len() >= 60 {
                break;
            }
            out.push(midnight);
            day = d.succ_opt();
        }
        out
    }
}

/// Cuts a label to the room it has, with an ellipsis; the full text is in the `<title>`.
fn fit(label: &str, room: f64) -> String {
    let max = (room / CHAR_WIDTH).floor().max(4.0) as usize;
    if label.chars().count() <= max {
        return label.to_string();
    }
    let mut out: String = label.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// A coordinate with at most two decimals.
fn num(v: f64) -> String {
    let r = (v * 100.0).round() / 100.0;
    if r.fract() == 0.0 {
        format!("{}", r as i64)
    } else {
        format!("{r}")
    }
}

/// Escapes text for XML content and attributes, dropping characters XML 1.0 forbids.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_covers_markup_quotes_and_forbidden_characters() {
        assert_eq!(
            esc("<a href=\"x\">&'\u{1}\u{fffe}\tz"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39; z"
        );
    }

    #[test]
    fn labels_are_fitted_with_an_ellipsis() {
        assert_eq!(fit("short", 200.0), "short");
        let long = "x".repeat(100);
        let cut = fit(&long, 64.0);
        assert_eq!(cut.chars().count(), 10);
        assert!(cut.ends_with('…'));
    }

    #[test]
    fn numbers_are_short() {
        assert_eq!(num(16.0), "16");
        assert_eq!(num(16.256), "16.26");
    }
}
