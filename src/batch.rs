//! Batch conversion: many inputs, several output formats, in parallel, one failing input never
//! stopping the others, with a report of what happened to each.
//!
//! The plan (inputs expanded from files, directories and globs, sorted, optionally sharded,
//! each given output names that never collide) is made first; then inputs are converted on a
//! rayon pool, each one read, converted and written on its own, so memory stays bounded by the
//! few documents in flight, not by the size of the batch.

use crate::error::{Error, Warning};
use crate::format::Format;
use crate::{WriteOptions, output};
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

/// One input and where its outputs go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Job {
    pub input: PathBuf,
    /// Output paths, one per target format, in the order of the formats asked for.
    pub outputs: Vec<(Format, PathBuf)>,
}

/// What to do with a batch.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    pub from: Option<Format>,
    pub to: Vec<Format>,
    pub out_dir: Option<PathBuf>,
    pub recursive: bool,
    pub jobs: Option<usize>,
    pub fail_fast: bool,
    pub strict: bool,
    pub check: bool,
    /// `(k, n)`: keep the k-th of n shares (1-based).
    pub shard: Option<(usize, usize)>,
    pub write: WriteOptions,
    /// What one input may hold.
    pub limits: crate::Limits,
    /// Read PDF and DOCX from their text even when they carry their JSON Resume.
    pub ignore_embedded: bool,
}

/// What happened to one input (the `--report` format, stable).
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct InputReport {
    pub path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub format: Option<String>,
    pub outputs: Vec<String>,
    pub warnings: Vec<Warning>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// `converted`, `failed`, `strict` (warnings under `--strict`) or `skipped` (after
    /// `--fail-fast`).
    pub status: &'static str,
    pub milliseconds: u64,
}

/// The whole batch (the `--report` format, stable).
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Report {
    pub version: u32,
    pub inputs: Vec<InputReport>,
    pub converted: usize,
    pub failed: usize,
    pub strict_failures: usize,
    pub skipped: usize,
    pub warnings: usize,
    pub milliseconds: u64,
}

/// Expands files, directories (`recursive` for sub-folders) and globs (`*`, `?` in the last
/// component) into a sorted list of readable inputs. Duplicates are dropped.
pub fn expand(args: &[String], recursive: bool) -> Result<Vec<PathBuf>, Error> {
    let mut out: Vec<PathBuf> = Vec::new();
    for a in args {
        let p = PathBuf::from(a);
        if a.contains(['*', '?']) {
            let dir = p
                .parent()
                .filter(|d| !d.as_os_str().is_empty())
                .map_or(PathBuf::from("."), Path::to_path_buf);
            let pattern = p
                .file_name()
                .map(|f| f.to_string_lossy().to_string())
                .unwrap_or_default();
            let entries = std::fs::read_dir(&dir).map_err(|source| Error::Read {
                path: dir.display().to_string(),
                source,
            })?;
            let mut matched = false;
            for e in entries.flatten() {
                let name = e.file_name().to_string_lossy().to_string();
                if glob_match(&pattern, &name) && e.path().is_file() {
                    out.push(e.path());
                    matched = true;
                }
            }
            if !matched {
                return Err(Error::Usage(format!("no file matches {a}")));
            }
        } else if p.is_dir() {
            walk(
                &p,
                recursive,
                &mut out,
                &mut std::collections::HashSet::new(),
            )?;
        } else {
            out.push(p);
        }
    }
    out.sort();
    out.dedup();
    Ok(out)
}

/// Lists a directory's readable inputs; `visited` holds the directories already walked, by
/// their canonical path, so a symbolic link back up the tree (`ln -s . again`) is walked once.
fn walk(
    dir: &Path,
    recursive: bool,
    out: &mut Vec<PathBuf>,
    visited: &mut std::collections::HashSet<PathBuf>,
) -> Result<(), Error> {
    if !visited.insert(std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf())) {
        return Ok(());
    }
    let entries = std::fs::read_dir(dir).map_err(|source| Error::Read {
        path: dir.display().to_string(),
        source,
    })?;
    let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            if recursive {
                walk(&p, recursive, out, visited)?;
            }
        } else if Format::from_path(&p).is_some_and(Format::can_read) {
            out.push(p);
        }
    }
    Ok(())
}

/// `*` and `?` wildcards over one file name, in time linear in their product at worst: on a
/// mismatch only the last `*` takes one more character (the classic two-pointer match), so
/// `*a*a*a*a*b` cannot backtrack exponentially the way a recursive matcher does.
pub fn glob_match(pattern: &str, name: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let n: Vec<char> = name.chars().collect();
    let (mut i, mut j) = (0usize, 0usize);
    // Where the last `*` was, and the name position it now stands for up to.
    let mut star: Option<(usize, usize)> = None;
    while j < n.len() {
        match p.get(i) {
            Some('*') => {
                star = Some((i, j));
                i += 1;
            }
            Some(c) if *c == '?' || Some(c) == n.get(j) => {
                i += 1;
                j += 1;
            }
            _ => match star {
                Some((si, sj)) => {
                    i = si + 1;
                    j = sj + 1;
                    star = Some((si, sj + 1));
                }
                None => return false,
            },
        }
    }
    p.get(i..)
        .is_some_and(|rest| rest.iter().all(|c| *c == '*'))
}

/// A stable hash of a path, for sharding (the same file lands in the same share whatever
/// else is in the batch).
fn stable_hash(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Keeps this shard's share of the inputs.
pub fn shard(inputs: Vec<PathBuf>, k: usize, n: usize) -> Vec<PathBuf> {
    inputs
        .into_iter()
        .filter(|p| stable_hash(&p.to_string_lossy()) % n as u64 == (k - 1) as u64)
        .collect()
}

/// Output names from input stems; a stem seen before gets `-2`, `-3` … (in input order, so
/// the same batch always names the same way), with a warning.
pub fn plan(inputs: &[PathBuf], to: &[Format], out_dir: &Path) -> (Vec<Job>, Vec<Warning>) {
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut warnings = Vec::new();
    let mut jobs = Vec::new();
    for input in inputs {
        let stem = input
            .file_stem()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_else(|| "resume".into());
        let count = seen.entry(stem.clone()).or_insert(0);
        *count += 1;
        let name = if *count == 1 {
            stem.clone()
        } else {
            format!("{stem}-{count}")
        };
        if *count > 1 {
            warnings.push(Warning::new(
                None,
                format!(
                    "{} has the same name as an earlier input: its outputs are named {name}.*",
                    input.display()
                ),
            ));
        }
        // Formats that share an extension (YAML and RenderCV) are told apart by a double
        // one for the later: cv.yaml and cv.rendercv.yaml (which reads back as RenderCV).
        let outputs = to
            .iter()
            .enumerate()
            .map(|(i, f)| {
                let ext = f.extensions().first().copied().unwrap_or("out");
                let shared = to
                    .iter()
                    .take(i)
                    .any(|g| g.extensions().first().copied() == Some(ext));
                let file = if shared {
                    format!("{name}.{}.{ext}", f.name())
                } else {
                    format!("{name}.{ext}")
                };
                (*f, out_dir.join(file))
            })
            .collect();
        jobs.push(Job {
            input: input.clone(),
            outputs,
        });
    }
    (jobs, warnings)
}

/// Converts one input to every output it has.
fn convert_one(job: &Job, s: &Settings) -> InputReport {
    let started = Instant::now();
    let path = job.input.display().to_string();
    let mut r = InputReport {
        path: path.clone(),
        status: "converted",
        ..InputReport::default()
    };
    let result = (|| -> Result<(), Error> {
        let bytes = crate::read_input_limited(&path, s.limits.input)?;
        let format = crate::detect_format(&path, &bytes, s.from)?;
        r.format = Some(format.name().to_string());
        let opts = crate::ReadOptions {
            limits: s.limits,
            ignore_embedded: s.ignore_embedded,
        };
        let reading = crate::read_resume_opts(&bytes, format, &path, &opts)?;
        r.warnings.extend(reading.warnings);
        for (to, out) in &job.outputs {
            if output::same_file(&job.input, out) {
                return Err(Error::Usage(format!(
                    "refusing to overwrite the input file {path}"
                )));
            }
            let (bytes, warnings) = crate::render_full(&reading.resume, *to, &s.write)?;
            r.warnings.extend(warnings);
            if !s.check {
                output::write_atomic(out, &bytes)?;
                r.outputs.push(out.display().to_string());
            }
        }
        Ok(())
    })();
    if let Err(e) = result {
        r.error = Some(e.to_string());
        r.status = "failed";
    } else if s.strict && !r.warnings.is_empty() {
        r.status = "strict";
    }
    r.milliseconds = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
    r
}

/// Runs a batch; `done` is called as each input finishes (from worker threads).
pub fn run(jobs: &[Job], s: &Settings, done: &(dyn Fn(&InputReport) + Sync)) -> Report {
    let started = Instant::now();
    let stop = AtomicBool::new(false);
    let work = || -> Vec<InputReport> {
        jobs.par_iter()
            .map(|job| {
                if s.fail_fast && stop.load(Ordering::Relaxed) {
                    return InputReport {
                        path: job.input.display().to_string(),
                        status: "skipped",
                        ..InputReport::default()
                    };
                }
                let r = convert_one(job, s);
                if r.status != "converted" {
                    stop.store(true, Ordering::Relaxed);
                }
                done(&r);
                r
            })
            .collect()
    };
    let inputs = match s.jobs {
        Some(n) => rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build()
            .map_or_else(|_| work(), |pool| pool.install(work)),
        None => work(),
    };
    let mut report = Report {
        version: 1,
        ..Report::default()
    };
    for r in &inputs {
        match r.status {
            "converted" => report.converted += 1,
            "failed" => report.failed += 1,
            "strict" => report.strict_failures += 1,
            _ => report.skipped += 1,
        }
        report.warnings += r.warnings.len();
    }
    report.inputs = inputs;
    report.milliseconds = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_sharing_an_extension_get_distinct_names() {
        let (jobs, _) = plan(
            &[PathBuf::from("in/cv.md")],
            &[Format::Yaml, Format::RenderCv, Format::Pdf],
            Path::new("out"),
        );
        let names: Vec<String> = jobs[0]
            .outputs
            .iter()
            .map(|(_, p)| p.display().to_string())
            .collect();
        assert_eq!(names, ["out/cv.yaml", "out/cv.rendercv.yaml", "out/cv.pdf"]);
        assert_eq!(
            Format::from_path(Path::new("out/cv.rendercv.yaml")),
            Some(Format::RenderCv)
        );
    }

    #[test]
    fn globs() {
        assert!(glob_match("*.md", "cv.md"));
        assert!(glob_match("cv-?.txt", "cv-1.txt"));
        assert!(!glob_match("*.md", "cv.txt"));
        assert!(glob_match("*", ""));
        assert!(glob_match("a*b*c", "aXbYbZc"));
        assert!(!glob_match("a*b*c", "aXbYbZ"));
        assert!(glob_match("*?.md", "x.md"));
        assert!(!glob_match("*?.md", ".md"));
        assert!(glob_match("cv**", "cv"));
    }

    /// The pattern that makes a backtracking matcher take exponential time answers at once.
    #[test]
    fn globs_do_not_backtrack() {
        let name = "a".repeat(200);
        let started = Instant::now();
        assert!(!glob_match("*a*a*a*a*a*a*a*a*a*a*a*a*b.txt", &name));
        assert!(started.elapsed().as_millis() < 1000);
    }

    /// Directory links that point back up (`ln -s . a; ln -s . b`) are walked once.
    #[cfg(unix)]
    #[test]
    fn directory_loops_end() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("cv.md"), "# Ana\n").unwrap();
        std::os::unix::fs::symlink(".", dir.path().join("a")).unwrap();
        std::os::unix::fs::symlink(".", dir.path().join("b")).unwrap();
        let found = expand(&[dir.path().display().to_string()], true).unwrap();
        assert_eq!(found, vec![dir.path().join("cv.md")]);
    }

    #[test]
    fn same_stems_get_suffixes() {
        let inputs = vec![
            PathBuf::from("a/cv.md"),
            PathBuf::from("b/cv.txt"),
            PathBuf::from("c/other.md"),
        ];
        let (jobs, warnings) = plan(&inputs, &[Format::Json, Format::Pdf], Path::new("dist"));
        assert_eq!(jobs[0].outputs[0].1, PathBuf::from("dist/cv.json"));
        assert_eq!(jobs[1].outputs[1].1, PathBuf::from("dist/cv-2.pdf"));
        assert_eq!(jobs[2].outputs[0].1, PathBuf::from("dist/other.json"));
        assert_eq!(warnings.len(), 1);
    }

    #[test]
    fn shards_partition_the_inputs() {
        let inputs: Vec<PathBuf> = (0..100)
            .map(|i| PathBuf::from(format!("cv{i}.md")))
            .collect();
        let mut all: Vec<PathBuf> = (1..=3).flat_map(|k| shard(inputs.clone(), k, 3)).collect();
        all.sort();
        let mut sorted = inputs.clone();
        sorted.sort();
        assert_eq!(all, sorted);
        assert!(shard(inputs, 1, 3).len() > 20);
    }
}
