//! What makes the PDF accessible and navigable beyond its drawing: the logical structure
//! (a tagged PDF, ISO 32000-1 §14.7–14.8: every piece of text is marked content with an
//! MCID, owned by a structure element — H1, H2, H3, P, L/LI/LBody, BlockQuote — in reading
//! order; page furniture is an artifact), the document's language (`/Lang`), an outline of
//! the sections (bookmarks), and an info dictionary without printpdf's empty keys.

use crate::doc::{Doc, Kind};
use lopdf::{Dictionary, Object, ObjectId, StringFormat};

/// The structure type of a block, as named by ISO 32000-1 Table 333–335.
pub fn role(kind: Kind) -> &'static str {
    match kind {
        Kind::Heading(1) => "H1",
        Kind::Heading(2) => "H2",
        Kind::Heading(_) => "H3",
        Kind::ListItem(_) => "LBody",
        Kind::Quote => "BlockQuote",
        Kind::Paragraph | Kind::Term | Kind::Definition | Kind::Rule => "P",
    }
}

/// A text string as PDF writes one: UTF-16BE with a byte order mark (any script).
fn text_string(s: &str) -> Object {
    let mut bytes = vec![0xFE, 0xFF];
    for unit in s.encode_utf16() {
        bytes.extend_from_slice(&unit.to_be_bytes());
    }
    Object::String(bytes, StringFormat::Hexadecimal)
}

fn name(s: &str) -> Object {
    Object::Name(s.as_bytes().to_vec())
}

/// What the page content says about itself: for each page, the block of each MCID in order.
pub struct Marks {
    pub pages: Vec<Vec<usize>>,
}

/// Adds the structure tree, `/Lang`, `/MarkInfo`, the outline and the viewer preferences to
/// a document whose pages carry the MCIDs in `marks`. None when the document lacks a part
/// printpdf always writes (catalog, pages).
pub fn finish(
    pdf: &mut lopdf::Document,
    doc: &Doc,
    marks: &Marks,
    lang: &str,
    sections: &[(String, usize, f32)],
) -> Option<()> {
    let pages: Vec<ObjectId> = pdf.get_pages().into_values().collect();
    let root_id = pdf.trailer.get(b"Root").ok()?.as_reference().ok()?;
    let tree_id = pdf.new_object_id();
    let document_id = pdf.new_object_id();

    // One element per block, in the document's order (which is the reading order); the
    // blocks' marked content, page by page.
    let mut content: Vec<Vec<(usize, i64)>> = vec![Vec::new(); doc.blocks.len()];
    for (page, ids) in marks.pages.iter().enumerate() {
        for (mcid, block) in ids.iter().enumerate() {
            if let Some(c) = content.get_mut(*block) {
                c.push((page, i64::try_from(mcid).ok()?));
            }
        }
    }
    let mut element_of: Vec<Option<ObjectId>> = vec![None; doc.blocks.len()];
    let mut children: Vec<Object> = Vec::new();
    let mut list: Option<(ObjectId, Vec<Object>)> = None;
    let close_list = |pdf: &mut lopdf::Document,
                      list: &mut Option<(ObjectId, Vec<Object>)>,
                      children: &mut Vec<Object>| {
        if let Some((id, items)) = list.take() {
            let mut l = Dictionary::new();
            l.set("Type", name("StructElem"));
            l.set("S", name("L"));
            l.set("P", Object::Reference(document_id));
            l.set("K", Object::Array(items));
            pdf.objects.insert(id, Object::Dictionary(l));
            children.push(Object::Reference(id));
        }
    };
    for (i, b) in doc.blocks.iter().enumerate() {
        let Some(marked) = content.get(i).filter(|c| !c.is_empty()) else {
            continue;
        };
        let is_item = matches!(b.kind, Kind::ListItem(_));
        if !is_item {
            close_list(pdf, &mut list, &mut children);
        }
        let parent = if is_item {
            let (list_id, items) = list.get_or_insert_with(|| (pdf.new_object_id(), Vec::new()));
            let li_id = pdf.new_object_id();
            items.push(Object::Reference(li_id));
            let mut li = Dictionary::new();
            li.set("Type", name("StructElem"));
            li.set("S", name("LI"));
            li.set("P", Object::Reference(*list_id));
            pdf.objects.insert(li_id, Object::Dictionary(li));
            li_id
        } else {
            document_id
        };
        let id = pdf.new_object_id();
        let kids: Vec<Object> = marked
            .iter()
            .filter_map(|(page, mcid)| {
                let mut mcr = Dictionary::new();
                mcr.set("Type", name("MCR"));
                mcr.set("Pg", Object::Reference(*pages.get(*page)?));
                mcr.set("MCID", Object::Integer(*mcid));
                Some(Object::Dictionary(mcr))
            })
            .collect();
        let mut e = Dictionary::new();
        e.set("Type", name("StructElem"));
        e.set("S", name(role(b.kind)));
        e.set("P", Object::Reference(parent));
        if let Some((page, _)) = marked.first() {
            e.set("Pg", Object::Reference(*pages.get(*page)?));
        }
        e.set("K", Object::Array(kids));
        pdf.objects.insert(id, Object::Dictionary(e));
        if is_item {
            if let Some(Object::Dictionary(li)) = pdf.objects.get_mut(&parent) {
                li.set("K", Object::Array(vec![Object::Reference(id)]));
            }
        } else {
            children.push(Object::Reference(id));
        }
        if let Some(slot) = element_of.get_mut(i) {
            *slot = Some(id);
        }
    }
    close_list(pdf, &mut list, &mut children);

    let mut document = Dictionary::new();
    document.set("Type", name("StructElem"));
    document.set("S", name("Document"));
    document.set("P", Object::Reference(tree_id));
    document.set("K", Object::Array(children));
    pdf.objects
        .insert(document_id, Object::Dictionary(document));

    // The parent tree: for each page (its /StructParents key), the element of each MCID.
    let mut nums: Vec<Object> = Vec::new();
    for (page, ids) in marks.pages.iter().enumerate() {
        let owners: Vec<Object> = ids
            .iter()
            .map(|b| {
                element_of
                    .get(*b)
                    .copied()
                    .flatten()
                    .map_or(Object::Null, Object::Reference)
            })
            .collect();
        let key = i64::try_from(page).ok()?;
        nums.push(Object::Integer(key));
        nums.push(Object::Array(owners));
        if let Some(Object::Dictionary(p)) = pages.get(page).and_then(|id| pdf.objects.get_mut(id))
        {
            p.set("StructParents", Object::Integer(key));
            // Tab order follows the structure.
            p.set("Tabs", name("S"));
        }
    }
    let mut parent_tree = Dictionary::new();
    parent_tree.set("Nums", Object::Array(nums));
    let mut tree = Dictionary::new();
    tree.set("Type", name("StructTreeRoot"));
    tree.set("K", Object::Reference(document_id));
    tree.set("ParentTree", Object::Dictionary(parent_tree));
    tree.set(
        "ParentTreeNextKey",
        Object::Integer(i64::try_from(marks.pages.len()).ok()?),
    );
    pdf.objects.insert(tree_id, Object::Dictionary(tree));

    let outline = outline(pdf, &pages, sections);
    let catalog = pdf.get_object_mut(root_id).ok()?.as_dict_mut().ok()?;
    catalog.set("StructTreeRoot", Object::Reference(tree_id));
    let mut mark_info = Dictionary::new();
    mark_info.set("Marked", Object::Boolean(true));
    catalog.set("MarkInfo", Object::Dictionary(mark_info));
    catalog.set(
        "Lang",
        Object::String(lang.as_bytes().to_vec(), StringFormat::Literal),
    );
    let mut prefs = Dictionary::new();
    prefs.set("DisplayDocTitle", Object::Boolean(true));
    catalog.set("ViewerPreferences", Object::Dictionary(prefs));
    if let Some(o) = outline {
        catalog.set("Outlines", Object::Reference(o));
        catalog.set("PageMode", name("UseOutlines"));
    }
    clean_info(pdf);
    Some(())
}

/// The outline: one bookmark per section, to the top of its title.
fn outline(
    pdf: &mut lopdf::Document,
    pages: &[ObjectId],
    sections: &[(String, usize, f32)],
) -> Option<ObjectId> {
    if sections.is_empty() {
        return None;
    }
    let root = pdf.new_object_id();
    let ids: Vec<ObjectId> = sections.iter().map(|_| pdf.new_object_id()).collect();
    for (i, (title, page, y)) in sections.iter().enumerate() {
        let mut item = Dictionary::new();
        item.set("Title", text_string(title));
        item.set("Parent", Object::Reference(root));
        if let Some(prev) = i.checked_sub(1).and_then(|j| ids.get(j)) {
            item.set("Prev", Object::Reference(*prev));
        }
        if let Some(next) = ids.get(i + 1) {
            item.set("Next", Object::Reference(*next));
        }
        let page_ref = Object::Reference(*pages.get(*page)?);
        item.set(
            "Dest",
            Object::Array(vec![
                page_ref,
                name("XYZ"),
                Object::Integer(0),
                Object::Real(*y),
                Object::Integer(0),
            ]),
        );
        pdf.objects.insert(*ids.get(i)?, Object::Dictionary(item));
    }
    let mut o = Dictionary::new();
    o.set("Type", name("Outlines"));
    o.set("First", Object::Reference(*ids.first()?));
    o.set("Last", Object::Reference(*ids.last()?));
    o.set("Count", Object::Integer(i64::try_from(ids.len()).ok()?));
    pdf.objects.insert(root, Object::Dictionary(o));
    Some(root)
}

/// printpdf writes `/GTS_PDFXVersion ()` and `/Identifier ()` into every info dictionary: an
/// empty PDF/X version makes readers report the file as PDF/X, which it is not. Empty
/// strings go; `/Trapped` goes with the PDF/X claim.
fn clean_info(pdf: &mut lopdf::Document) {
    let Ok(info) = pdf.trailer.get(b"Info").and_then(Object::as_reference) else {
        return;
    };
    if let Ok(Object::Dictionary(d)) = pdf.get_object_mut(info) {
        let empty: Vec<Vec<u8>> = d
            .iter()
            .filter(|(_, v)| matches!(v, Object::String(s, _) if s.is_empty()))
            .map(|(k, _)| k.clone())
            .collect();
        for k in empty {
            d.remove(&k);
        }
        d.remove(b"GTS_PDFXVersion");
        d.remove(b"Trapped");
    }
}
