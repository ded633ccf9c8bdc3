//! "Propose in repo": the provider's new-file page, prefilled with the file's name and
//! content, so a pull (merge) request is two clicks away with no token and no server.
//! GitHub's `/<owner>/<name>/new/<branch>?filename=<folder/name>&value=<content>` and
//! GitLab's `/<group>/<project>/-/new/<branch>/<folder>?file_name=<name>&content=<content>`.
//! A URL longer than `MAX_URL_LEN` is refused with its length, so the shell can offer
//! copy + open instead of a page the provider would cut or reject.

use crate::actions::encode;

/// The longest URL proposed. Providers and proxies commonly reject request lines past
/// 8 KiB, and the content is percent-encoded (up to 3 bytes per byte), so longer
/// reports go by clipboard instead.
pub const MAX_URL_LEN: usize = 8 * 1024;

/// Which site hosts the repository.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Provider {
    GitHub,
    GitLab,
}

impl Provider {
    pub fn name(self) -> &'static str {
        match self {
            Provider::GitHub => "GitHub",
            Provider::GitLab => "GitLab",
        }
    }
}

/// A repository, branch and folder, as the author or the team's config gave them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub provider: Provider,
    /// `https://host/owner/name` (GitLab: `https://host/group/…/project`).
    pub repo: String,
    pub branch: String,
    /// Folder inside the repository, without leading or trailing `/`; may be empty.
    pub folder: String,
}

/// Why no proposal URL was made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProposeError {
    #[error("`{0}` is not a repository URL: use https://github.com/owner/name or https://gitlab.com/group/project")]
    BadRepo(String),
    #[error("the branch `{0}` is not a branch name")]
    BadBranch(String),
    #[error("the folder `{0}` must be a path inside the repository (no `..`)")]
    BadFolder(String),
    /// The URL would be `len` characters long, over `MAX_URL_LEN`.
    #[error("the report is too long to send in a link ({len} characters; the limit is {max}): copy it and paste it into the new file page")]
    TooLong { len: usize, max: usize },
}

impl Target {
    /// Reads what the author typed. `owner/name` alone means GitHub; a host whose name
    /// contains `gitlab` means GitLab; any other `https://` host is taken as GitHub
    /// (Enterprise).
    pub fn new(repo: &str, branch: &str, folder: &str) -> Result<Target, ProposeError> {
        let bad = || ProposeError::BadRepo(repo.trim().to_string());
        let r = repo.trim().trim_end_matches('/').trim_end_matches(".git");
        let (host, path) = match r.strip_prefix("https://") {
            Some(rest) => rest.split_once('/').ok_or_else(bad)?,
            None if !r.contains(':') => ("github.com", r),
            None => return Err(bad()),
        };
        let host_ok = !host.is_empty()
            && host
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | ':'));
        let provider = if host.to_ascii_lowercase().contains("gitlab") {
            Provider::GitLab
        } else {
            Provider::GitHub
        };
        // GitLab's own pages (`/-/tree/main`) are cut off at `/-/`.
        let path = path.split("/-/").next().unwrap_or_default();
        let parts: Vec<&str> = path.split('/').collect();
        let part_ok = |p: &&str| {
            !p.is_empty()
                && !p.starts_with('.')
                && p.chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        };
        let count_ok = match provider {
            Provider::GitHub => parts.len() == 2,
            Provider::GitLab => parts.len() >= 2,
        };
        if !host_ok || !count_ok || !parts.iter().all(part_ok) {
            return Err(bad());
        }
        let branch = branch.trim();
        let branch = if branch.is_empty() { "main" } else { branch };
        if branch.starts_with(['-', '/'])
            || branch.ends_with('/')
            || branch.contains("..")
            || branch
                .chars()
                .any(|c| c.is_whitespace() || c.is_control() || "~^:?*[\\#%&".contains(c))
        {
            return Err(ProposeError::BadBranch(branch.to_string()));
        }
        let folder = folder.trim().trim_matches('/');
        if folder.split('/').any(|p| p == ".." || p == ".")
            || folder.contains(['\\', '?', '#'])
            || folder.contains("//")
        {
            return Err(ProposeError::BadFolder(folder.to_string()));
        }
        Ok(Target {
            provider,
            repo: format!("https://{host}/{}", parts.join("/")),
            branch: branch.to_string(),
            folder: folder.to_string(),
        })
    }

    /// The provider's page for a new file `file_name` holding `content`, or `TooLong`.
    pub fn new_file_url(&self, file_name: &str, content: &str) -> Result<String, ProposeError> {
        let url = self.url_with(file_name, content);
        if url.len() > MAX_URL_LEN {
            return Err(ProposeError::TooLong {
                len: url.len(),
                max: MAX_URL_LEN,
            });
        }
        Ok(url)
    }

    /// Where the file will be read once merged: the post-mortem link trackers point to.
    pub fn file_url(&self, file_name: &str) -> String {
        let path = if self.folder.is_empty() {
            file_name.to_string()
        } else {
            format!("{}/{file_name}", self.folder)
        };
        let path = path.split('/').map(encode).collect::<Vec<_>>().join("/");
        let branch = self
            .branch
            .split('/')
            .map(encode)
            .collect::<Vec<_>>()
            .join("/");
        match self.provider {
            Provider::GitHub => format!("{}/blob/{branch}/{path}", self.repo),
            Provider::GitLab => format!("{}/-/blob/{branch}/{path}", self.repo),
        }
    }

    /// The same page without content, to open after copying the content.
    pub fn empty_file_url(&self, file_name: &str) -> String {
        self.url_with(file_name, "")
    }

    fn url_with(&self, file_name: &str, content: &str) -> String {
        let path_part = |p: &str| p.split('/').map(encode).collect::<Vec<_>>().join("/");
        let branch = path_part(&self.branch);
        match self.provider {
            Provider::GitHub => {
                let file = if self.folder.is_empty() {
                    file_name.to_string()
                } else {
                    format!("{}/{file_name}", self.folder)
                };
                let mut url = format!("{}/new/{branch}?filename={}", self.repo, encode(&file));
                if !content.is_empty() {
                    url.push_str(&format!("&value={}", encode(content)));
                }
                url
            }
            Provider::GitLab => {
                let mut url = format!("{}/-/new/{branch}/", self.repo);
                if !self.folder.is_empty() {
                    url.push_str(&format!("{}/", path_part(&self.folder)));
                }
                url.push_str(&format!("?file_name={}", encode(file_name)));
                if !content.is_empty() {
                    url.push_str(&format!("&content={}", encode(content)));
                }
                url
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(s: &str) -> String {
        let b = s.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < b.len() {
            if b[i] == b'%' && i + 2 < b.len() + 1 {
                let hex = std::str::from_utf8(&b[i + 1..i + 3]).unwrap_or("00");
                out.push(u8::from_str_radix(hex, 16).unwrap_or(0));
                i += 3;
            } else {
                out.push(b[i]);
                i += 1;
            }
        }
        String::from_utf8(out).unwrap_or_default()
    }

    fn query(url: &str, key: &str) -> Option<String> {
        let q = url.split_once('?')?.1;
        q.split('&')
            .find_map(|kv| kv.strip_prefix(&format!("{key}=")))
            .map(decode)
    }

    #[test]
    fn github_new_file_url_carries_path_and_content() {
        let t = Target::new(
            "https://github.com/acme/docs/",
            "main",
            "/postmortems/2024/",
        )
        .expect("target");
        assert_eq!(t.provider, Provider::GitHub);
        let content = "# Post-Mortem: a & b?\n\n100% = done #1\n";
        let url = t.new_file_url("2024-01-15-x.md", content).expect("short");
        assert!(
            url.starts_with("https://github.com/acme/docs/new/main?filename="),
            "{url}"
        );
        assert_eq!(
            query(&url, "filename").as_deref(),
            Some("postmortems/2024/2024-01-15-x.md")
        );
        assert_eq!(query(&url, "value").as_deref(), Some(content));
        assert_eq!(
            t.file_url("a b.md"),
            "https://github.com/acme/docs/blob/main/postmortems/2024/a%20b.md"
        );
        assert_eq!(
            Target::new("acme/docs", "", "").map(|t| t.repo),
            Ok("https://github.com/acme/docs".to_string())
        );
    }

    #[test]
    fn gitlab_new_file_url_uses_its_own_parameters() {
        let t = Target::new(
            "https://gitlab.example.org/ops/team/docs/-/tree/main",
            "release/1.2",
            "post mortems",
        )
        .expect("target");
        assert_eq!(t.provider, Provider::GitLab);
        let url = t.new_file_url("a.md", "x\ny").expect("short");
        assert!(
            url.starts_with(
                "https://gitlab.example.org/ops/team/docs/-/new/release/1.2/post%20mortems/?file_name=a.md"
            ),
            "{url}"
        );
        assert_eq!(query(&url, "content").as_deref(), Some("x\ny"));
        assert!(!t.empty_file_url("a.md").contains("content="));
    }

    #[test]
    fn bad_input_is_refused_and_long_content_says_so() {
        for repo in [
            "",
            "acme",
            "javascript:alert(1)",
            "http://github.com/a/b",
            "https://github.com/a/b/c",
            "https://github.com/a/..",
            "https://git hub.com/a/b",
        ] {
            assert!(
                matches!(Target::new(repo, "main", ""), Err(ProposeError::BadRepo(_))),
                "{repo}"
            );
        }
        assert!(matches!(
            Target::new("a/b", "ma in", ""),
            Err(ProposeError::BadBranch(_))
        ));
        assert!(matches!(
            Target::new("a/b", "main", "../etc"),
            Err(ProposeError::BadFolder(_))
        ));
        let t = Target::new("a/b", "main", "").expect("target");
        let long = "x".repeat(MAX_URL_LEN);
        match t.new_file_url("a.md", &long) {
            Err(ProposeError::TooLong { len, max }) => {
                assert!(len > max);
                assert!(ProposeError::TooLong { len, max }
                    .to_string()
                    .contains("too long"));
            }
            other => panic!("{other:?}"),
        }
    }
}
