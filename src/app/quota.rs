//! How much room the browser gives this site: asking it to keep our storage
//! (`navigator.storage.persist()`, so it is not cleared when the disk runs low) and its
//! estimate of what is used, for the library.

use wasm_bindgen_futures::JsFuture;

/// The browser's estimate of this site's storage.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Usage {
    /// Bytes in use.
    pub used: f64,
    /// Bytes the browser would allow.
    pub quota: f64,
    /// True when the browser promised to keep the data (persistent storage).
    pub persisted: bool,
}

/// Used share of the quota above which the library warns.
pub const NEARLY_FULL: f64 = 0.8;

impl Usage {
    /// True when little room is left.
    pub fn nearly_full(&self) -> bool {
        self.quota > 0.0 && self.used / self.quota >= NEARLY_FULL
    }

    /// "1.2 MB of 2.0 GB used".
    pub fn describe(&self) -> String {
        format!("{} of {} used", bytes(self.used), bytes(self.quota))
    }
}

/// A byte count in the unit that reads best.
pub fn bytes(n: f64) -> String {
    const UNITS: [&str; 5] = ["bytes", "KB", "MB", "GB", "TB"];
    let mut v = n.max(0.0);
    let mut unit = 0;
    while v >= 1000.0 && unit < UNITS.len() - 1 {
        v /= 1000.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{} bytes", v as u64)
    } else {
        format!("{v:.1} {}", UNITS[unit])
    }
}

fn manager() -> Option<web_sys::StorageManager> {
    let navigator = web_sys::window()?.navigator();
    // Older browsers and some embedded views have no StorageManager.
    let has = js_sys::Reflect::has(&navigator, &"storage".into()).unwrap_or(false);
    has.then(|| navigator.storage())
}

/// Asks the browser to keep this site's storage; true when it will.
pub async fn persist() -> bool {
    let Some(m) = manager() else {
        return false;
    };
    let Ok(asked) = m.persisted() else {
        return false;
    };
    if JsFuture::from(asked).await.ok().and_then(|v| v.as_bool()) == Some(true) {
        return true;
    }
    match m.persist() {
        Ok(p) => JsFuture::from(p).await.ok().and_then(|v| v.as_bool()) == Some(true),
        Err(_) => false,
    }
}

/// The browser's estimate of what this site uses; `None` where it gives none.
pub async fn estimate() -> Option<Usage> {
    let m = manager()?;
    let estimate: web_sys::StorageEstimate = JsFuture::from(m.estimate().ok()?).await.ok()?.into();
    let persisted = match m.persisted() {
        Ok(p) => JsFuture::from(p).await.ok().and_then(|v| v.as_bool()) == Some(true),
        Err(_) => false,
    };
    Some(Usage {
        used: estimate.get_usage().unwrap_or(0.0),
        quota: estimate.get_quota()?,
        persisted,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_in_their_unit_and_eighty_percent_is_nearly_full() {
        assert_eq!(bytes(512.0), "512 bytes");
        assert_eq!(bytes(1_234_567.0), "1.2 MB");
        assert_eq!(bytes(2.5e9), "2.5 GB");
        let u = Usage {
            used: 80.0,
            quota: 100.0,
            persisted: false,
        };
        assert!(u.nearly_full());
        assert!(!Usage { used: 79.0, ..u }.nearly_full());
        assert!(!Usage { quota: 0.0, ..u }.nearly_full());
        assert_eq!(u.describe(), "80 bytes of 100 bytes used");
    }
}
