//! Writing outputs safely: to a temporary file beside the target, renamed into place only
//! once complete, so a failed run never leaves a half-written file or clobbers a good one.

use crate::error::Error;
use std::io::Write;
use std::path::Path;

/// Writes `bytes` to `path` atomically (temporary file in the same directory, then rename).
///
/// A path that names something other than a regular file is written in place instead: a
/// device (`/dev/null`, `/dev/full`) or a pipe must stay what it is, never be replaced by a
/// file. A symbolic link to a file keeps being a link: the file it points to is replaced.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let shown = path.display().to_string();
    let err = |source: std::io::Error| Error::Write {
        path: shown.clone(),
        // tempfile adds the temporary file's name to its errors; the user never sees that file.
        source: std::io::Error::new(source.kind(), bare_message(&source)),
    };
    let resolved;
    let path = match std::fs::metadata(path) {
        Ok(meta) if meta.is_dir() => {
            return Err(err(std::io::Error::other("is a directory")));
        }
        Ok(meta) if !meta.is_file() => {
            let mut out = std::fs::OpenOptions::new()
                .write(true)
                .open(path)
                .map_err(err)?;
            out.write_all(bytes).map_err(err)?;
            out.flush().map_err(err)?;
            return Ok(());
        }
        Ok(_) if path.is_symlink() => {
            resolved = std::fs::canonicalize(path).map_err(err)?;
            resolved.as_path()
        }
        _ => path,
    };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".resumeconv-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(err)?;
    tmp.write_all(bytes).map_err(err)?;
    // Replacing a file: make the new content durable before the rename, so a crash of the
    // machine cannot leave an empty file where a good one was. A new file has nothing to
    // lose, and skipping the flush keeps large batches fast.
    if path.exists() {
        tmp.as_file().sync_all().map_err(err)?;
    }
    set_permissions(tmp.as_file(), path);
    tmp.persist(path).map_err(|e| err(e.error))?;
    Ok(())
}

/// An I/O error's message without what a wrapper appended (tempfile's `at path "..."`).
fn bare_message(e: &std::io::Error) -> String {
    let text = e.to_string();
    match text.find(" at path ") {
        Some(cut) => text[..cut].to_string(),
        None => text,
    }
}

/// A temporary file is private (0600); the output gets what the file it replaces had, or the
/// usual 0644 for a new file.
#[cfg(unix)]
fn set_permissions(file: &std::fs::File, target: &Path) {
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(target)
        .map(|m| m.permissions().mode() & 0o7777)
        .unwrap_or(0o644);
    // Best effort: failing to widen permissions must not fail the conversion.
    let _ = file.set_permissions(std::fs::Permissions::from_mode(mode));
}

#[cfg(not(unix))]
fn set_permissions(_file: &std::fs::File, _target: &Path) {}

/// True when two paths name the same existing file (also through links and `..`).
pub fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    }
}
