//! "Add events from…" in the timeline section: the author drops, picks or pastes what the
//! incident left behind (a Slack export zip or day file, PagerDuty, Opsgenie, Statuspage,
//! Grafana, CSV, plain lines); the core reads it in the reader worker, off the page's
//! thread; a review list to tick, edit and filter the rows; one undoable merge; then which
//! row each metric uses.

pub mod picks;
mod reader;

use crate::app::{files, use_ctx, Ctx};
use crate::chrome::drop_zone::files_of;
use hindsight_core::sources::{reading_context, Reading};
use hindsight_core::EventKind;
use leptos::prelude::*;
use picks::{Applied, Outcome, ReadFile, Row};

/// Rows drawn at once; the rest are one click (or a narrower filter) away.
const PAGE: usize = 150;

#[component]
pub fn AddEvents() -> impl IntoView {
    let ctx = use_ctx();
    let (open, set_open) = signal(false);
    let read = RwSignal::new(Vec::<ReadFile>::new());
    let rows = RwSignal::new(Vec::<Row>::new());
    let who = RwSignal::new(String::new());
    let word = RwSignal::new(String::new());
    let limit = RwSignal::new(PAGE);
    let busy = RwSignal::new(None::<String>);
    let pasted = RwSignal::new(String::new());
    let applied = RwSignal::new(None::<Applied>);

    let recombine = move || {
        let next = read.with_untracked(|f| rows.with_untracked(|before| picks::combine(f, before)));
        rows.set(next);
        limit.set(PAGE);
    };
    // Reads each (name, bytes) in turn in the reader; the page answers all along.
    let take = move |given: Vec<(String, Vec<u8>)>| {
        leptos::task::spawn_local(async move {
            for (name, bytes) in given {
                busy.set(Some(format!("Reading {name}…")));
                let context = ctx.report.with_untracked(reading_context);
                let answer = reader::read(context, &bytes, None).await;
                let file = ReadFile::new(name, bytes, None, answer);
                read.update(|f| f.push(file));
            }
            // Reading and listing are separate tasks: the page answers in between.
            files::after_paint().await;
            recombine();
            applied.set(None);
            busy.set(None);
        });
    };
    let take_files = move |list: Vec<web_sys::File>| {
        if list.is_empty() {
            return;
        }
        leptos::task::spawn_local(async move {
            let mut given = Vec::new();
            for file in list {
                let name = file.name();
                busy.set(Some(format!("Reading {name}…")));
                match files::file_bytes(&file).await {
                    Ok(bytes) => given.push((name, bytes)),
                    Err(e) => read.update(|f| {
                        f.push(ReadFile {
                            name,
                            bytes: Vec::new(),
                            channel: None,
                            channels: Vec::new(),
                            outcome: Outcome::Read(Reading::Failed(e)),
                        })
                    }),
                }
            }
            take(given);
        });
    };
    let picked = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        take_files(files_of(input.files()));
        input.set_value("");
    };
    let (over, set_over) = signal(false);
    // The page imports files dropped anywhere as reports; a drop here is events.
    let dragover = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        ev.stop_propagation();
        set_over.set(true);
    };
    let dropped = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        ev.stop_propagation();
        set_over.set(false);
        take_files(files_of(ev.data_transfer().and_then(|d| d.files())));
    };
    let read_pasted = move |_| {
        let text = pasted.get_untracked();
        if !text.trim().is_empty() {
            take(vec![("pasted text".to_string(), text.into_bytes())]);
            pasted.set(String::new());
        }
    };
    // Reads file `f` again: with another channel, or after the reader could not run.
    let reread = move |f: usize, channel: Option<String>| {
        let Some((name, bytes)) = read.with_untracked(|files| {
            files
                .get(f)
                .map(|old| (old.name.clone(), old.bytes.clone()))
        }) else {
            return;
        };
        leptos::task::spawn_local(async move {
            busy.set(Some(format!("Reading {name}…")));
            let context = ctx.report.with_untracked(reading_context);
            let answer = reader::read(context, &bytes, channel.as_deref()).await;
            let file = ReadFile::new(name, bytes, channel, answer);
            read.update(|files| {
                if let Some(slot) = files.get_mut(f) {
                    *slot = file;
                }
            });
            files::after_paint().await;
            recombine();
            busy.set(None);
        });
    };
    let choose_channel = move |f: usize, channel: String| {
        reread(f, (!channel.is_empty()).then_some(channel));
    };
    let retry = move |f: usize| {
        let channel = read.with_untracked(|files| files.get(f).and_then(|x| x.channel.clone()));
        reread(f, channel);
    };
    let remove_file = move |f: usize| {
        read.update(|files| {
            if f < files.len() {
                files.remove(f);
            }
        });
        // Rows of later files move up one file; their picks are keyed by file.
        rows.update(|rs| {
            rs.retain(|r| r.file != f);
            for r in rs.iter_mut().filter(|r| r.file > f) {
                r.file -= 1;
            }
        });
        recombine();
    };
    let discard = move || {
        read.set(Vec::new());
        rows.set(Vec::new());
        who.set(String::new());
        word.set(String::new());
    };

    let shown = Memo::new(move |_| {
        let (w, t) = (who.get(), word.get());
        rows.with(|r| picks::visible(r, &w, &t))
    });
    let people = Memo::new(move |_| rows.with(|r| picks::people(r)));
    let ticked = Memo::new(move |_| rows.with(|r| r.iter().filter(|r| r.keep).count()));
    let page =
        Memo::new(move |_| shown.with(|s| s.iter().take(limit.get()).copied().collect::<Vec<_>>()));
    let tick_shown = move |keep: bool| {
        let idx = shown.get_untracked();
        rows.update(|rs| {
            for i in idx {
                if let Some(r) = rs.get_mut(i) {
                    r.keep = keep;
                }
            }
        });
    };
    let merge = move |_| {
        let result = ctx
            .report
            .with_untracked(|r| rows.with_untracked(|rs| picks::apply(r, rs)));
        if let Some((merged, done)) = result {
            ctx.change(move |r| r.timeline = merged.timeline);
            applied.set(Some(done));
            discard();
        }
    };
    // Re-read after every review, so an undo of the merge is seen.
    let outcome = Memo::new(move |_| {
        ctx.review.review.track();
        applied.with(|a| {
            a.as_ref().map(|a| {
                ctx.report.with_untracked(|r| {
                    (
                        a.still_there(r).len(),
                        a.added.len(),
                        a.left_out,
                        a.origins(r),
                    )
                })
            })
        })
    });

    // Borrowed, not cloned: a file holds its bytes and may hold 50,000 rows.
    let file_list = move || {
        read.with(|files| {
            files
                .iter()
                .enumerate()
                .map(|(f, file)| file_view(f, file, choose_channel, retry, remove_file))
                .collect_view()
        })
    };
    let row_view = move |i: usize| candidate_row(ctx, rows, i);

    view! {
        <div class="add-events" data-testid="add-events">
            <button type="button" class="add" data-testid="add-events-toggle"
                aria-expanded=move || open.get().to_string()
                on:click=move |_| {
                    // The reader loads while the author finds the file.
                    reader::warm();
                    set_open.update(|o| *o = !*o)
                }>"Add events from…"</button>
            <Show when=move || outcome.get().is_some()>
                <div class="add-events-done" data-testid="add-events-done" role="status">
                    {move || outcome.get().map(|(there, added, left_out, origins)| {
                        let head = if there == 0 {
                            format!("The {added} added events are no longer in the timeline (undone).")
                        } else {
                            let dup = if left_out > 0 {
                                format!(" {left_out} left out: already in the timeline.")
                            } else {
                                String::new()
                            };
                            format!("Added {added} events to the timeline.{dup}")
                        };
                        view! {
                            <p>{head}</p>
                            <ul class="origins" data-testid="metric-origins">
                                {origins.into_iter().map(|o| view! { <li>{o}</li> }).collect_view()}
                            </ul>
                        }
                    })}
                    <button type="button" class="small" on:click=move |_| applied.set(None)>"Dismiss"</button>
                </div>
            </Show>
            <Show when=move || open.get()>
                <section class="add-events-panel" aria-label="Add events from a file or pasted text">
                    <p class="privacy" data-testid="add-events-privacy">
                        "Files are read in this browser and sent nowhere: nothing is uploaded."
                    </p>
                    <div class="events-drop" class:over=move || over.get() data-testid="events-drop"
                        on:dragover=dragover on:dragleave=move |_| set_over.set(false) on:drop=dropped>
                        <label class="file-button" for="events-file">
                            <span class="button-like">"Choose files…"</span>
                        </label>
                        <input id="events-file" data-testid="events-file" type="file" class="visually-hidden" multiple
                            accept=".zip,.json,.csv,.tsv,.txt,.log,application/zip,application/json,text/csv,text/plain"
                            on:change=picked />
                        <span class="drop-hint">
                            "or drop them here: a Slack export .zip or channel day file, PagerDuty, Opsgenie, Statuspage or Grafana JSON, CSV, or lines starting with a time"
                        </span>
                    </div>
                    <label for="events-paste">"Or paste text (copied from Slack, CSV, or lines like “09:12 config push reached EU edge”)"</label>
                    <textarea id="events-paste" data-testid="events-paste" rows="4"
                        prop:value=move || pasted.get()
                        on:input=move |ev| pasted.set(event_target_value(&ev))></textarea>
                    <div>
                        <button type="button" data-testid="events-paste-read" on:click=read_pasted>"Read pasted text"</button>
                    </div>
                    {move || busy.get().map(|b| view! { <p class="busy" role="status">{b}</p> })}
                    <ul class="events-files" data-testid="events-files">{file_list}</ul>
                    <Show when=move || rows.with(|r| !r.is_empty())>
                        <div class="events-filters">
                            <label>
                                <span>"Person"</span>
                                <select data-testid="events-who" on:change=move |ev| who.set(event_target_value(&ev))>
                                    <option value="" selected=move || who.get().is_empty()>"Everyone"</option>
                                    {move || people.get().into_iter().map(|p| {
                                        let (v, label) = (p.clone(), p.clone());
                                        view! { <option value=p selected=move || who.get() == v>{label}</option> }
                                    }).collect_view()}
                                </select>
                            </label>
                            <label>
                                <span>"Word"</span>
                                <input type="search" data-testid="events-word" prop:value=move || word.get()
                                    on:input=move |ev| word.set(event_target_value(&ev)) />
                            </label>
                            <button type="button" class="small" on:click=move |_| tick_shown(true)>"Tick shown"</button>
                            <button type="button" class="small" on:click=move |_| tick_shown(false)>"Untick shown"</button>
                        </div>
                        <p class="events-count" data-testid="events-count">
                            {move || format!("{} of {} rows ticked · {} shown", ticked.get(), rows.with(Vec::len), shown.with(Vec::len))}
                        </p>
                        <ol class="candidates" data-testid="candidates">
                            <For each=move || page.get() key=|i| *i let:i>
                                {row_view(i)}
                            </For>
                        </ol>
                        <Show when=move || { shown.with(Vec::len) > limit.get() }>
                            <button type="button" class="small" data-testid="events-more"
                                on:click=move |_| limit.update(|l| *l += PAGE)>
                                {move || format!("Show {} more", (shown.with(Vec::len) - limit.get()).min(PAGE))}
                            </button>
                        </Show>
                        <div class="part-tools">
                            <button type="button" class="primary" data-testid="events-merge"
                                disabled=move || ticked.get() == 0 on:click=merge>
                                {move || format!("Add {} ticked events to the timeline", ticked.get())}
                            </button>
                            <button type="button" data-testid="events-discard" on:click=move |_| discard()>"Discard"</button>
                        </div>
                    </Show>
                </section>
            </Show>
        </div>
    }
}

/// A file's line: what the core read it as, how many rows, its notes, a channel picker,
/// and "Try again" when the reader itself could not run.
fn file_view(
    f: usize,
    file: &ReadFile,
    choose: impl Fn(usize, String) + Copy + Send + Sync + 'static,
    retry: impl Fn(usize) + Copy + Send + Sync + 'static,
    remove: impl Fn(usize) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let what = match &file.outcome {
        Outcome::Read(Reading::Read { format, .. }) => {
            format!("{format}: {} rows", file.count())
        }
        Outcome::Read(Reading::ChooseChannel) => {
            "Slack export: choose the incident's channel".to_string()
        }
        Outcome::Read(Reading::Failed(e)) => format!("Not read: {e}"),
        Outcome::Unavailable(e) => {
            format!("Not read: {e}. The file is kept here and nothing in the report changed.")
        }
    };
    let failed = matches!(
        file.outcome,
        Outcome::Read(Reading::Failed(_)) | Outcome::Unavailable(_)
    );
    let again = matches!(file.outcome, Outcome::Unavailable(_)).then(|| {
        view! {
            <button type="button" class="small" data-testid=format!("events-retry-{f}")
                on:click=move |_| retry(f)>"Try again"</button>
        }
    });
    let notes = match &file.outcome {
        Outcome::Read(Reading::Read { notes, .. }) => notes.clone(),
        _ => Vec::new(),
    };
    let picker = (!file.channels.is_empty()).then(|| {
        let current = file.channel.clone().unwrap_or_default();
        view! {
            <label class="channel">
                <span>"Channel"</span>
                <select data-testid=format!("events-channel-{f}")
                    on:change=move |ev| choose(f, event_target_value(&ev))>
                    <option value="" selected=current.is_empty()>"The incident channel (picked for you)"</option>
                    {file.channels.iter().map(|c| view! {
                        <option value=c.clone() selected=*c == current>{format!("#{c}")}</option>
                    }).collect_view()}
                </select>
            </label>
        }
    });
    view! {
        <li class:error=failed data-testid=format!("events-file-{f}")>
            <strong>{file.name.clone()}</strong>" — "<span>{what}</span>
            {picker}
            {again}
            <button type="button" class="small" aria-label=format!("Remove {}", file.name)
                on:click=move |_| remove(f)>"Remove"</button>
            {(!notes.is_empty()).then(|| view! {
                <ul class="events-notes">{notes.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
            })}
        </li>
    }
}

/// One candidate: keep, time, kind, text, person, source and its duplicate mark.
fn candidate_row(ctx: Ctx, rows: RwSignal<Vec<Row>>, i: usize) -> impl IntoView {
    let get =
        move |f: fn(&Row) -> String| move || rows.with(|r| r.get(i).map(f).unwrap_or_default());
    let keep = Memo::new(move |_| rows.with(|r| r.get(i).is_some_and(|r| r.keep)));
    let kind = Memo::new(move |_| rows.with(|r| r.get(i).and_then(|r| r.c.kind)));
    let text =
        Memo::new(move |_| rows.with(|r| r.get(i).map(|r| r.c.text.clone()).unwrap_or_default()));
    let dup = Memo::new(move |_| {
        rows.with(|r| {
            ctx.report
                .with_untracked(|report| picks::duplicate_words(report, r, i))
        })
    });
    let shown = move || {
        rows.with(|r| {
            r.get(i)
                .map(|r| ctx.report.with_untracked(|report| r.c.shown_in(report)))
                .unwrap_or_default()
        })
    };
    let set = move |f: &dyn Fn(&mut Row)| {
        rows.update(|r| {
            if let Some(r) = r.get_mut(i) {
                f(r)
            }
        })
    };
    let check_id = format!("cand-{i}");
    view! {
        <li class="candidate" class:dup=move || dup.with(Option::is_some) class:kept=move || keep.get()
            data-testid=format!("candidate-{i}")>
            <input type="checkbox" id=check_id.clone() data-testid=format!("keep-{i}")
                prop:checked=move || keep.get()
                on:change=move |ev| { let on = event_target_checked(&ev); set(&|r| r.keep = on) } />
            <span class="meta">
                <label class="when" for=check_id>{shown}</label>
                <span class="who">{get(|r| r.c.who.clone())}</span>
                <span class="source">{get(|r| r.c.source.name().to_string())}</span>
            </span>
            <select class="kind" aria-label=format!("Kind of row {}", i + 1) data-testid=format!("cand-kind-{i}")
                on:change=move |ev| {
                    let picked = event_target_value(&ev).parse::<usize>().ok().and_then(|k| EventKind::ALL.get(k).copied());
                    set(&|r| r.c.kind = picked)
                }>
                <option value="" selected=move || kind.get().is_none()>"—"</option>
                {EventKind::ALL.iter().enumerate().map(|(k, e)| {
                    let e = *e;
                    view! { <option value=k.to_string() selected=move || kind.get() == Some(e)>{e.label()}</option> }
                }).collect_view()}
            </select>
            <input type="text" class="text" aria-label=format!("Text of row {}", i + 1) data-testid=format!("cand-text-{i}")
                prop:value=move || text.get()
                on:input=move |ev| { let v = event_target_value(&ev); set(&|r| r.c.text = v.clone()) } />
            {move || dup.get().map(|d| view! { <span class="dup-note" data-testid=format!("dup-{i}")>{d}</span> })}
        </li>
    }
}
