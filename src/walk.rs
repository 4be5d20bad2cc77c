//! Finding the articles to check: explicit files, directory trees (respecting `.gitignore`
//! and `.ignore`, filtered by include/exclude globs), lists of paths, and files git reports
//! changed since a revision.

use std::path::Path;
use std::process::Command;

use globset::{Glob, GlobSet, GlobSetBuilder};

/// One input to check.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Input {
    /// Standard input (`-`).
    Stdin,
    /// A path, as given or as found under a directory.
    Path(String),
}

impl Input {
    /// The name shown in reports.
    pub fn display(&self) -> &str {
        match self {
            Input::Stdin => "-",
            Input::Path(p) => p,
        }
    }
}

/// Include/exclude globs, compiled once.
#[derive(Debug, Clone)]
pub struct Filter {
    include: GlobSet,
    exclude: GlobSet,
}

fn set(globs: &[String]) -> Result<GlobSet, String> {
    let mut b = GlobSetBuilder::new();
    for g in globs {
        b.add(Glob::new(g).map_err(|e| format!("bad glob `{g}`: {}", e.kind()))?);
    }
    b.build().map_err(|e| e.to_string())
}

impl Filter {
    /// Compiles the globs.
    pub fn new(include: &[String], exclude: &[String]) -> Result<Filter, String> {
        Ok(Filter {
            include: set(include)?,
            exclude: set(exclude)?,
        })
    }

    /// Whether a path (relative to the directory walked) is an article to check.
    pub fn accepts(&self, rel: &Path) -> bool {
        let name = rel.file_name().map(Path::new).unwrap_or(rel);
        (self.include.is_match(rel) || self.include.is_match(name)) && !self.exclude.is_match(rel)
    }
}

/// Expands the command-line paths: a directory becomes the article files under it (sorted),
/// anything else stays as given (a missing file is reported when it is read).
pub fn expand(paths: &[String], filter: &Filter) -> Vec<Input> {
    let mut out = Vec::new();
    for p in paths {
        if p == "-" {
            out.push(Input::Stdin);
            continue;
        }
        let path = Path::new(p);
        if !path.is_dir() {
            out.push(Input::Path(p.clone()));
            continue;
        }
        let mut found = Vec::new();
        let walker = ignore::WalkBuilder::new(path)
            .require_git(false)
            .follow_links(false)
            .build();
        for entry in walker.flatten() {
            if !entry.file_type().is_some_and(|t| t.is_file()) {
                continue;
            }
            let rel = entry.path().strip_prefix(path).unwrap_or(entry.path());
            if filter.accepts(rel) {
                found.push(entry.path().display().to_string());
            }
        }
        found.sort();
        out.extend(found.into_iter().map(Input::Path));
    }
    out
}

/// Paths listed one per line (blank lines skipped).
pub fn from_list(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect()
}

/// Article files git reports added, copied, modified or renamed since `rev` (committed or
/// not), plus untracked files, relative to the current directory and filtered by `filter`.
pub fn changed_since(rev: &str, filter: &Filter) -> Result<Vec<String>, String> {
    let git = |args: &[&str]| -> Result<String, String> {
        let out = Command::new("git")
            .args(args)
            .output()
            .map_err(|e| format!("cannot run git: {e}"))?;
        if !out.status.success() {
            return Err(format!(
                "git {}: {}",
                args.join(" "),
                String::from_utf8_lossy(&out.stderr).trim()
            ));
        }
        String::from_utf8(out.stdout)
            .map_err(|_| "git printed a path that is not UTF-8".to_string())
    };
    let mut files: Vec<String> = git(&[
        "diff",
        "--name-only",
        "-z",
        "--relative",
        "--diff-filter=ACMR",
        rev,
        "--",
    ])?
    .split('\0')
    .chain(git(&["ls-files", "--others", "--exclude-standard", "-z"])?.split('\0'))
    .filter(|p| !p.is_empty())
    .map(String::from)
    .collect::<Vec<_>>()
    .into_iter()
    .filter(|p| Path::new(p).is_file() && filter.accepts(Path::new(p)))
    .collect();
    files.sort();
    files.dedup();
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_by_globs() {
        let f = Filter::new(&["*.md".into(), "*.txt".into()], &["drafts/**".into()]).unwrap();
        assert!(f.accepts(Path::new("a/b.md")));
        assert!(!f.accepts(Path::new("a/b.html")));
        assert!(!f.accepts(Path::new("drafts/x.md")));
        assert!(Filter::new(&["a/[".into()], &[]).is_err());
    }
}
