//! Writing outputs safely: to a temporary file beside the target, renamed into place only
//! once complete, so a failed run never leaves a half-written file or clobbers a good one.

use crate::error::Error;
use std::io::Write;
use std::path::Path;

/// Writes `bytes` to `path` atomically (temporary file in the same directory, then rename).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let shown = path.display().to_string();
    let err = |source: std::io::Error| Error::Write {
        path: shown.clone(),
        source,
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
