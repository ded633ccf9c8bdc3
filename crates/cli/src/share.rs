//! `hindsight share`: prints the share link of a report (the core encodes it), and warns
//! when it is longer than chat tools and wikis reliably accept.

use std::path::Path;

use hindsight_core::share::{share_link, SAFE_LINK_LEN};

use crate::{read_report_file, write_out, Failure};

/// Reads the report and prints `base` followed by its `#r=` fragment.
pub fn run(input: &Path, base: Option<&str>) -> Result<u8, Failure> {
    let report = read_report_file(input)?;
    let link = share_link(&report, base.unwrap_or(""));
    if link.len() > SAFE_LINK_LEN {
        eprintln!(
            "hindsight: warning: the link is {} characters; links over {SAFE_LINK_LEN} may be cut by chat tools and wikis, so share the file instead",
            link.len()
        );
    }
    write_out(None, &format!("{link}\n")).map(|()| 0)
}
