//! The page tree walked by this reader itself, not by lopdf's page iterator: that iterator
//! sizes its output from each node's `/Count`, which a hostile file sets to 2^63 (a panic on
//! capacity overflow) or to 10^12 (an attempt to reserve terabytes, an abort no guard can
//! catch). `/Count` is a claim; the leaves are the fact (PDF 32000-1 §7.7.3.2).

use lopdf::{Dictionary, Document, Object, ObjectId};
use std::collections::HashSet;

/// How deep page-tree nodes may nest (real files use two or three levels).
const MAX_DEPTH: usize = 64;

/// The page objects in reading order, at most `max + 1` of them (one more than the limit, so
/// the caller can say the file has too many). Nodes seen before (a cycle) and nodes nested
/// deeper than [`MAX_DEPTH`] are skipped.
pub(super) fn page_ids(doc: &Document, max: usize) -> Vec<ObjectId> {
    let mut out = Vec::new();
    let Some(root) = doc
        .catalog()
        .ok()
        .and_then(|c| c.get(b"Pages").ok())
        .and_then(|o| o.as_reference().ok())
    else {
        return out;
    };
    let mut seen: HashSet<ObjectId> = HashSet::new();
    // A stack of (kids still to visit, depth); kids are taken from the front.
    let mut stack: Vec<(&[Object], usize)> = Vec::new();
    if let Some(kids) = kids(doc, root) {
        seen.insert(root);
        stack.push((kids, 0));
    }
    while let Some((pending, depth)) = stack.pop() {
        let Some((kid, rest)) = pending.split_first() else {
            continue;
        };
        stack.push((rest, depth));
        let Ok(id) = kid.as_reference() else {
            continue;
        };
        if !seen.insert(id) {
            continue;
        }
        let Ok(dict) = doc.get_dictionary(id) else {
            continue;
        };
        if is_page_node(dict) {
            if depth < MAX_DEPTH {
                if let Some(k) = kids(doc, id) {
                    stack.push((k, depth + 1));
                }
            }
        } else {
            out.push(id);
            if out.len() > max {
                break;
            }
        }
    }
    out
}

/// A `/Pages` node (one with `/Kids`) rather than a page; a page without `/Type` is still a
/// page, as readers treat it.
fn is_page_node(dict: &Dictionary) -> bool {
    dict.get_type().is_ok_and(|t| t == b"Pages") || dict.has(b"Kids")
}

fn kids(doc: &Document, id: ObjectId) -> Option<&[Object]> {
    doc.get_dictionary(id)
        .ok()?
        .get_deref(b"Kids", doc)
        .ok()?
        .as_array()
        .ok()
        .map(Vec::as_slice)
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::dictionary;

    /// A page tree whose second node claims 2^63-1 pages and whose third points back at the
    /// root: two real pages come out, nothing panics.
    #[test]
    fn counts_are_ignored_and_cycles_cut() {
        let mut doc = Document::with_version("1.5");
        let root = doc.new_object_id();
        let inner = doc.new_object_id();
        let p1 = doc.add_object(dictionary! { "Type" => "Page", "Parent" => root });
        let p2 = doc.add_object(dictionary! { "Type" => "Page", "Parent" => inner });
        doc.objects.insert(
            inner,
            Object::Dictionary(dictionary! {
                "Type" => "Pages", "Count" => i64::MAX,
                "Kids" => vec![p2.into(), root.into()],
            }),
        );
        doc.objects.insert(
            root,
            Object::Dictionary(dictionary! {
                "Type" => "Pages", "Count" => i64::MAX,
                "Kids" => vec![p1.into(), inner.into()],
            }),
        );
        let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => root });
        doc.trailer.set("Root", catalog);
        assert_eq!(page_ids(&doc, 500), vec![p1, p2]);
        assert_eq!(page_ids(&doc, 0), vec![p1]);
    }
}
