//! Reading order on a page: where a sidebar's gutter runs (and when a side column is a
//! margin instead), which runs are read in which column, and grids of cards read column by
//! column.

use super::{Run, TextLine};

/// Where the second column of a two-column line starts: the first run after its only tab.
fn second_column(l: &TextLine) -> Option<f32> {
    let tabs: Vec<usize> = l
        .runs
        .iter()
        .enumerate()
        .filter(|(_, r)| r.text == "\t")
        .map(|(i, _)| i)
        .collect();
    let [tab] = tabs.as_slice() else { return None };
    l.runs.get(tab + 1).map(|r| r.x)
}

/// A grid of cards (`Email  Phone` over their values, skill groups side by side) reads
/// column by column: consecutive lines whose second column starts at the same place, well
/// left of the right edge (a date flush right starts wherever its width puts it).
pub(super) fn grid_columns(lines: Vec<TextLine>) -> Vec<TextLine> {
    let right = lines
        .iter()
        .map(|l| l.runs.last().map_or(l.x, |r| r.x + r.width))
        .fold(0.0f32, f32::max);
    let mut out: Vec<TextLine> = Vec::with_capacity(lines.len());
    let mut i = 0;
    while let Some(first) = lines.get(i) {
        let Some(col) = second_column(first).filter(|c| *c - first.x < 0.65 * (right - first.x))
        else {
            out.push(first.clone());
            i += 1;
            continue;
        };
        let mut j = i + 1;
        while lines.get(j).is_some_and(|l| {
            l.page == first.page
                && second_column(l).is_some_and(|c| (c - col).abs() < 3.0)
                && (l.x - first.x).abs() < 12.0
        }) {
            j += 1;
        }
        // A column of dates beside lines of text is one list of dated rows (publications,
        // awards by year), not cards side by side: its rows stay rows.
        let left_text = |l: &TextLine| {
            let tab = l
                .runs
                .iter()
                .position(|r| r.text == "\t")
                .unwrap_or(l.runs.len());
            l.runs
                .get(..tab)
                .unwrap_or_default()
                .iter()
                .map(|r| r.text.as_str())
                .collect::<String>()
        };
        let dated_rows = lines
            .get(i..j)
            .unwrap_or_default()
            .iter()
            .all(|l| crate::extract::dates::is_date_only(&left_text(l)));
        if j - i < 2 || dated_rows {
            out.push(first.clone());
            i += 1;
            continue;
        }
        let mut rights = Vec::new();
        for l in lines.get(i..j).unwrap_or_default() {
            let tab = l
                .runs
                .iter()
                .position(|r| r.text == "\t")
                .unwrap_or(l.runs.len());
            let (left_runs, right_runs) = (
                l.runs.get(..tab).unwrap_or_default().to_vec(),
                l.runs.get(tab + 1..).unwrap_or_default().to_vec(),
            );
            out.push(TextLine::of(l.page, l.y, left_runs));
            if !right_runs.is_empty() {
                rights.push(TextLine::of(l.page, l.y, right_runs));
            }
        }
        out.extend(rights);
        i = j;
    }
    out
}

/// Where a page is set in two independent columns (a sidebar beside the main text), the
/// x range of the gutter between them: a band no run crosses (bar a few, such as a title
/// over both), with a fair share of the text on each side, and the two sides flowing on
/// their own (a column of dates beside entries shares their baselines and is no sidebar).
///
/// Runs are sorted by where they start and end once, so each candidate position costs two
/// binary searches; positions are at most 1,000 (1 pt apart, farther on a huge page), so a
/// page of any size is cheap.
pub(super) fn gutter(runs: &[&Run]) -> Option<(f32, f32)> {
    const BAND: f32 = 10.0;
    let weight = |r: &Run| r.text.trim().chars().count();
    let total: usize = runs.iter().map(|r| weight(r)).sum();
    if total < 200 {
        return None;
    }
    // Ends ascending with the text ending at or before each; starts ascending with the text
    // starting at or after each.
    let mut ends: Vec<(f32, usize)> = runs.iter().map(|r| (r.x + r.width, weight(r))).collect();
    let mut starts: Vec<(f32, usize)> = runs.iter().map(|r| (r.x, weight(r))).collect();
    ends.sort_by(|a, b| a.0.total_cmp(&b.0));
    starts.sort_by(|a, b| a.0.total_cmp(&b.0));
    let ends_before: Vec<usize> = ends
        .iter()
        .scan(0, |acc, (_, w)| {
            *acc += w;
            Some(*acc)
        })
        .collect();
    let mut starts_after: Vec<usize> = starts
        .iter()
        .rev()
        .scan(0, |acc, (_, w)| {
            *acc += w;
            Some(*acc)
        })
        .collect();
    starts_after.reverse();
    let x0 = starts.first().map(|s| s.0)?;
    let x1 = ends.last().map(|e| e.0)?;
    if !(x1 - x0).is_finite() || x1 - x0 < 80.0 + BAND {
        return None;
    }
    let step = ((x1 - x0) / 1000.0).max(1.0);
    // Crossing runs at each x (a 10 pt window), where both sides hold a fifth of the text.
    let mut samples: Vec<(f32, usize)> = Vec::new();
    let mut x = x0 + 40.0;
    while x < x1 - 40.0 {
        let ended = ends.partition_point(|e| e.0 <= x);
        let later = starts.partition_point(|s| s.0 < x + BAND);
        let left = ended
            .checked_sub(1)
            .and_then(|i| ends_before.get(i))
            .copied()
            .unwrap_or(0);
        let right = starts_after.get(later).copied().unwrap_or(0);
        // Runs starting before the band's end, less those already ended (saturating: a
        // run of negative width in a damaged file ends before it starts).
        let crossing = later.saturating_sub(ended);
        if crossing * 25 <= runs.len() && left * 5 >= total && right * 5 >= total {
            samples.push((x, crossing));
        }
        x += step;
    }
    // The longest stretch at the fewest crossings.
    let fewest = samples.iter().map(|(_, c)| *c).min()?;
    let mut best: Option<(f32, f32)> = None;
    let mut current: Option<(f32, f32)> = None;
    for (x, c) in samples {
        current = match current {
            Some((s, e)) if c == fewest && x - e <= 1.5 * step => Some((s, x)),
            _ if c == fewest => Some((x, x)),
            _ => None,
        };
        if let Some((s, e)) = current {
            if best.is_none_or(|(bs, be)| e - s > be - bs) {
                best = Some((s, e));
            }
        }
    }
    let (g0, g1) = best.map(|(s, e)| (s, e + BAND))?;
    // Independent flows: most lines of the right side share no baseline with the left side.
    let mut left: Vec<f32> = runs
        .iter()
        .filter(|r| r.x + r.width <= g0 + 1.0)
        .map(|r| r.y)
        .collect();
    left.sort_by(f32::total_cmp);
    let right: Vec<f32> = runs
        .iter()
        .filter(|r| r.x >= g1 - 1.0)
        .map(|r| r.y)
        .collect();
    let shared = right
        .iter()
        .filter(|y| {
            let i = left.partition_point(|l| *l < **y - 1.0);
            left.get(i).is_some_and(|l| (*l - **y).abs() < 1.0)
        })
        .count();
    // Nor is it a sidebar when most lines of the left side sit beside a line of the right
    // side (on its baseline, or on its top edge when the sizes differ): a margin column of
    // dates and section names, each beside the entry or the text it labels (Europass, the
    // tabular CV).
    let near = |sorted: &[f32], v: f32| {
        let i = sorted.partition_point(|l| *l < v - 1.0);
        sorted.get(i).is_some_and(|l| (*l - v).abs() < 1.0)
    };
    let mut right_base: Vec<f32> = right.clone();
    right_base.sort_by(f32::total_cmp);
    let mut right_top: Vec<f32> = runs
        .iter()
        .filter(|r| r.x >= g1 - 1.0)
        .map(|r| r.y + 0.7 * r.size)
        .collect();
    right_top.sort_by(f32::total_cmp);
    let mut left_lines: Vec<(i32, bool)> = runs
        .iter()
        .filter(|r| r.x + r.width <= g0 + 1.0 && !r.text.trim().is_empty())
        .map(|r| {
            let beside = near(&right_base, r.y) || near(&right_top, r.y + 0.7 * r.size);
            ((r.y * 2.0).round() as i32, beside)
        })
        .collect();
    left_lines.sort_by_key(|(y, _)| *y);
    left_lines.dedup_by(|a, b| {
        let same = a.0 == b.0;
        if same {
            b.1 |= a.1;
        }
        same
    });
    let beside = left_lines.iter().filter(|(_, b)| *b).count();
    let margin = left_lines.len() >= 3 && beside * 2 >= left_lines.len();
    (shared * 2 < right.len() && !margin).then_some((g0, g1))
}

/// Orders a page's runs for reading: a title over both columns, then the column with the
/// name, then the other, then anything spanning below them.
pub(super) fn reading_groups(runs: &[Run]) -> Vec<u8> {
    let mut groups = vec![0u8; runs.len()];
    let mut by_page: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
    for (i, r) in runs.iter().enumerate() {
        by_page.entry(r.page).or_default().push(i);
    }
    for indices in by_page.values() {
        let on_page: Vec<&Run> = indices
            .iter()
            .filter_map(|&i| runs.get(i))
            .filter(|r| !r.text.trim().is_empty())
            .collect();
        let Some((g0, g1)) = gutter(&on_page) else {
            continue;
        };
        let is_left = |r: &Run| r.x + r.width <= g0 + 1.0;
        let is_right = |r: &Run| r.x >= g1 - 1.0;
        let top = on_page
            .iter()
            .filter(|r| is_left(r) || is_right(r))
            .map(|r| r.y)
            .fold(f32::MIN, f32::max);
        // The column holding the largest type (the name, usually) is read first.
        let largest = |keep: &dyn Fn(&Run) -> bool| {
            on_page
                .iter()
                .filter(|r| keep(r))
                .map(|r| r.size)
                .fold(0.0f32, f32::max)
        };
        let right_first = largest(&is_right) > largest(&is_left) + 0.5;
        let (left_group, right_group) = if right_first { (2, 1) } else { (1, 2) };
        for &i in indices {
            let Some(r) = runs.get(i) else { continue };
            let group = if is_left(r) {
                left_group
            } else if is_right(r) {
                right_group
            } else if r.y >= top {
                0
            } else {
                3
            };
            if let Some(g) = groups.get_mut(i) {
                *g = group;
            }
        }
    }
    groups
}
