//! The durable copy of every report: IndexedDB, written in transactions with strict
//! durability, so a save counts as done only once the browser says it is on disk.
//! localStorage stays the synchronous working copy that every tab reads and compares
//! revisions in (`storage.rs`, `sync.rs`); it commits to disk lazily, so a browser crash
//! can take its last seconds of writes. This copy is what a crash cannot take: on start
//! [`plan`] compares the two, a revision here newer than localStorage's (or one
//! localStorage lost) is put back, and copies only localStorage has (saved before this
//! copy existed) are written here once.
//!
//! Layout: database `hindsight-reports`, store `docs` keyed by report id, each value
//! either the stored text exactly as localStorage holds it (`{"rev":N,…,"report":{…}}`)
//! or, for a deleted report, the number of the revision that was deleted (so a lost
//! localStorage delete does not bring it back); store `meta`, key `open`, the id of the
//! open report. Uses `idb` (the crate `rexie` is built on); the one option neither it nor
//! stable web-sys exposes, `{durability: "strict"}`, is passed through `js_sys`.
//! Where IndexedDB cannot be opened, localStorage is all there is and a save is done
//! when it is written there.

use super::storage::{Problem, Stamp};
use std::cell::RefCell;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{IdbDatabase, IdbTransactionMode};

const DB_NAME: &str = "hindsight-reports";
const DB_VERSION: u32 = 1;
const DOCS: &str = "docs";
const META: &str = "meta";
const OPEN: &str = "open";

/// What the durable copy holds for one report id.
#[derive(Debug, Clone, PartialEq)]
pub enum Held {
    /// A stored copy: its stamp (read from its head) and its text.
    Doc { stamp: Stamp, raw: String },
    /// The report was deleted at this revision.
    Deleted(u64),
}

/// What to do so localStorage and the durable copy agree again.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// localStorage lost this report or its last revisions: write the durable text back.
    Restore { id: String, raw: String },
    /// Only localStorage has this revision: write it to the durable copy.
    Copy { id: String },
    /// The report was deleted durably but localStorage lost the delete: remove it there.
    Forget { id: String },
}

/// Compares what localStorage holds (`local`: id and stamp of every stored report) with
/// the durable copy (`held`) and says what each side is missing. The higher revision
/// wins; a deletion wins over the revision it deleted and any before it.
pub fn plan(local: &[(String, Stamp)], held: &[(String, Held)]) -> Vec<Action> {
    let mut out = Vec::new();
    for (id, h) in held {
        let here = local.iter().find(|(l, _)| l == id).map(|(_, s)| s);
        match (h, here) {
            (Held::Doc { stamp, raw }, Some(l)) if stamp.rev > l.rev => out.push(Action::Restore {
                id: id.clone(),
                raw: raw.clone(),
            }),
            (Held::Doc { stamp, .. }, Some(l)) if l.rev > stamp.rev => {
                out.push(Action::Copy { id: id.clone() })
            }
            (Held::Doc { raw, .. }, None) => out.push(Action::Restore {
                id: id.clone(),
                raw: raw.clone(),
            }),
            (Held::Deleted(rev), Some(l)) if l.rev <= *rev => {
                out.push(Action::Forget { id: id.clone() })
            }
            (Held::Deleted(_), Some(_)) => out.push(Action::Copy { id: id.clone() }),
            _ => {}
        }
    }
    for (id, _) in local {
        if !held.iter().any(|(h, _)| h == id) {
            out.push(Action::Copy { id: id.clone() });
        }
    }
    out
}

/// Called once a write is on disk (`Ok`) or failed.
type Done = Box<dyn FnOnce(Result<(), Problem>)>;

enum Op {
    Put {
        store: &'static str,
        key: String,
        value: JsValue,
        done: Done,
    },
    Delete {
        store: &'static str,
        key: String,
        done: Done,
    },
    /// Runs with the open database, or `None` when there is none.
    With(Box<dyn FnOnce(Option<IdbDatabase>)>),
}

enum Conn {
    /// Being opened; what arrives meanwhile waits here, in order.
    Opening(Vec<Op>),
    Open(IdbDatabase),
    /// IndexedDB is missing or refused: localStorage is all there is.
    Unavailable,
}

thread_local! {
    static CONN: RefCell<Option<Conn>> = const { RefCell::new(None) };
}

/// True once IndexedDB turned out to be missing or blocked.
pub fn unavailable() -> bool {
    CONN.with(|c| matches!(*c.borrow(), Some(Conn::Unavailable)))
}

fn submit(op: Op) {
    let mut opening = false;
    let now = CONN.with(|c| {
        let mut c = c.borrow_mut();
        match &mut *c {
            Some(Conn::Open(db)) => Some((op, Some(db.clone()))),
            Some(Conn::Opening(queue)) => {
                queue.push(op);
                None
            }
            Some(Conn::Unavailable) => Some((op, None)),
            None => {
                *c = Some(Conn::Opening(vec![op]));
                opening = true;
                None
            }
        }
    });
    if opening {
        // wasm-bindgen's executor, not Leptos's: this also runs before anything mounts.
        wasm_bindgen_futures::spawn_local(open());
    }
    if let Some((op, db)) = now {
        run(op, db);
    }
}

async fn open() {
    let built = idb::Database::builder(DB_NAME)
        .version(DB_VERSION)
        .add_object_store(idb::builder::ObjectStoreBuilder::new(DOCS))
        .add_object_store(idb::builder::ObjectStoreBuilder::new(META))
        .build()
        .await;
    let db: Option<IdbDatabase> = built.ok().map(Into::into);
    if let Some(db) = &db {
        // Another version of the app upgrading (or a test deleting the database) waits
        // for this connection to close: close it, and open again on the next write.
        let on_change = wasm_bindgen::closure::Closure::<dyn Fn()>::new(|| {
            CONN.with(|c| {
                if let Some(Conn::Open(db)) = c.borrow_mut().take() {
                    db.close();
                }
            });
        });
        db.set_onversionchange(Some(on_change.as_ref().unchecked_ref()));
        on_change.forget();
    }
    let queue = CONN.with(|c| {
        let next = match &db {
            Some(db) => Conn::Open(db.clone()),
            None => Conn::Unavailable,
        };
        match c.borrow_mut().replace(next) {
            Some(Conn::Opening(queue)) => queue,
            _ => Vec::new(),
        }
    });
    for op in queue {
        run(op, db.clone());
    }
}

/// The browser's words for a failed write, as a storage problem.
fn problem_of(e: &JsValue) -> Problem {
    let name = js_sys::Reflect::get(e, &"name".into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default();
    if name == "QuotaExceededError" {
        return Problem::Full;
    }
    let message = js_sys::Reflect::get(e, &"message".into())
        .ok()
        .and_then(|v| v.as_string())
        .filter(|m| !m.is_empty())
        .unwrap_or(name);
    Problem::WriteFailed(format!("IndexedDB: {message}"))
}

/// `db.transaction(store, "readwrite", {durability: "strict"})`: the transaction
/// completes only once the data is flushed to disk. (web-sys has the options dictionary
/// only behind its unstable-API flag.)
fn strict_transaction(db: &IdbDatabase, store: &str) -> Result<web_sys::IdbTransaction, JsValue> {
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"durability".into(), &"strict".into())?;
    let open: js_sys::Function = js_sys::Reflect::get(db, &"transaction".into())?.dyn_into()?;
    open.call3(db, &store.into(), &"readwrite".into(), &options)?
        .dyn_into()
}

/// Starts the write at once (transactions on one store run in the order they were made,
/// so a later save of a report never lands under an earlier one), then waits for the
/// browser to commit it.
fn run(op: Op, db: Option<IdbDatabase>) {
    let (store, key, value, done) = match op {
        Op::With(f) => return f(db),
        Op::Put {
            store,
            key,
            value,
            done,
        } => (store, key, Some(value), done),
        Op::Delete { store, key, done } => (store, key, None, done),
    };
    let Some(db) = db else {
        // No IndexedDB: the localStorage write was the whole save.
        return done(Ok(()));
    };
    let tx = match strict_transaction(&db, store) {
        Ok(tx) => idb::Transaction::from(tx),
        Err(e) => {
            // The connection was closed (a version change): open again next time.
            CONN.with(|c| {
                if matches!(*c.borrow(), Some(Conn::Open(_))) {
                    *c.borrow_mut() = None;
                }
            });
            return done(Err(problem_of(&e)));
        }
    };
    let request = tx.object_store(store).and_then(|s| match &value {
        Some(v) => s.put(v, Some(&JsValue::from_str(&key))).map(|_| ()),
        None => s.delete(JsValue::from_str(&key)).map(|_| ()),
    });
    if let Err(e) = request {
        return done(Err(Problem::WriteFailed(format!("IndexedDB: {e}"))));
    }
    wasm_bindgen_futures::spawn_local(async move {
        let raw: web_sys::IdbTransaction = tx.into();
        let error_of = raw.clone();
        let tx = idb::Transaction::from(raw);
        let result = match tx.await {
            Ok(idb::TransactionResult::Committed) => Ok(()),
            Ok(idb::TransactionResult::Aborted) | Err(_) => Err(error_of
                .error()
                .map(|e| problem_of(&e.into()))
                .unwrap_or_else(|| {
                    Problem::WriteFailed("IndexedDB: the write was aborted".to_string())
                })),
        };
        done(result);
    });
}

/// Writes a stored copy of report `id` (the text localStorage holds) durably.
pub fn put_doc(id: &str, raw: &str, done: impl FnOnce(Result<(), Problem>) + 'static) {
    submit(Op::Put {
        store: DOCS,
        key: id.to_string(),
        value: JsValue::from_str(raw),
        done: Box::new(done),
    });
}

/// Records durably that report `id` was deleted at revision `rev`.
pub fn put_deleted(id: &str, rev: u64) {
    submit(Op::Put {
        store: DOCS,
        key: id.to_string(),
        value: JsValue::from_f64(rev as f64),
        done: Box::new(|_| {}),
    });
}

/// Remembers which report is open (none: the start screen).
pub fn remember_open(id: Option<&str>) {
    let done: Done = Box::new(|_| {});
    submit(match id {
        Some(id) => Op::Put {
            store: META,
            key: OPEN.to_string(),
            value: JsValue::from_str(id),
            done,
        },
        None => Op::Delete {
            store: META,
            key: OPEN.to_string(),
            done,
        },
    });
}

/// Everything the durable copy holds, and the open report's id; `None` when there is
/// no IndexedDB (or it could not be read).
pub fn read_all(then: impl FnOnce(Option<(Vec<(String, Held)>, Option<String>)>) + 'static) {
    submit(Op::With(Box::new(move |db| {
        let Some(db) = db else {
            return then(None);
        };
        wasm_bindgen_futures::spawn_local(async move {
            then(read_from(idb::Database::from(db)).await);
        });
    })));
}

async fn read_from(db: idb::Database) -> Option<(Vec<(String, Held)>, Option<String>)> {
    let tx = db
        .transaction(&[DOCS, META], idb::TransactionMode::ReadOnly)
        .ok()?;
    let docs = tx.object_store(DOCS).ok()?;
    let keys = docs.get_all_keys(None, None).ok()?.await.ok()?;
    let values = docs.get_all(None, None).ok()?.await.ok()?;
    let open = tx
        .object_store(META)
        .ok()?
        .get(JsValue::from_str(OPEN))
        .ok()?
        .await
        .ok()?
        .and_then(|v| v.as_string());
    let held = keys
        .into_iter()
        .zip(values)
        .filter_map(|(k, v)| {
            let id = k.as_string()?;
            if let Some(rev) = v.as_f64() {
                return Some((id, Held::Deleted(rev as u64)));
            }
            let raw = v.as_string()?;
            let stamp = super::storage::stamp_of_text(&raw);
            Some((id, Held::Doc { stamp, raw }))
        })
        .collect();
    Some((held, open))
}

/// Empties the durable copy (the browser tests start each case from nothing).
pub fn forget_all(then: impl FnOnce() + 'static) {
    submit(Op::With(Box::new(move |db| {
        let Some(db) = db else {
            return then();
        };
        let cleared = db
            .transaction_with_str_sequence_and_mode(
                &js_sys::Array::of2(&DOCS.into(), &META.into()),
                IdbTransactionMode::Readwrite,
            )
            .ok()
            .map(idb::Transaction::from);
        let Some(tx) = cleared else {
            return then();
        };
        for name in [DOCS, META] {
            if let Ok(s) = tx.object_store(name) {
                let _ = s.clear();
            }
        }
        wasm_bindgen_futures::spawn_local(async move {
            let _ = tx.await;
            then();
        });
    })));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stamp(rev: u64) -> Stamp {
        Stamp {
            rev,
            tab: "t".into(),
            ..Stamp::default()
        }
    }

    fn doc(rev: u64) -> Held {
        Held::Doc {
            stamp: stamp(rev),
            raw: format!("{{\"rev\":{rev}}}"),
        }
    }

    /// The action that puts `doc(rev)` back under `id`.
    fn restore(id: &str, rev: u64) -> Action {
        let Held::Doc { raw, .. } = doc(rev) else {
            unreachable!("doc() holds a document")
        };
        Action::Restore { id: id.into(), raw }
    }

    fn copy(id: &str) -> Action {
        Action::Copy { id: id.into() }
    }

    #[test]
    fn the_higher_revision_wins_on_either_side() {
        let local = vec![("a".to_string(), stamp(3)), ("b".to_string(), stamp(5))];
        let held = vec![("a".to_string(), doc(4)), ("b".to_string(), doc(2))];
        assert_eq!(plan(&local, &held), vec![restore("a", 4), copy("b")]);
        let same = vec![("a".to_string(), doc(3))];
        assert_eq!(plan(&local[..1], &same), vec![]);
    }

    #[test]
    fn a_report_local_storage_lost_comes_back_and_old_copies_are_copied_once() {
        let held = vec![("gone".to_string(), doc(7))];
        let local = vec![("old".to_string(), Stamp::default())];
        assert_eq!(plan(&local, &held), vec![restore("gone", 7), copy("old")]);
    }

    #[test]
    fn a_durable_delete_wins_over_the_revision_it_deleted_but_not_a_later_one() {
        let held = vec![
            ("x".to_string(), Held::Deleted(4)),
            ("y".to_string(), Held::Deleted(4)),
            ("z".to_string(), Held::Deleted(4)),
        ];
        let local = vec![("x".to_string(), stamp(4)), ("y".to_string(), stamp(5))];
        assert_eq!(
            plan(&local, &held),
            vec![Action::Forget { id: "x".into() }, copy("y")]
        );
    }
}
