//! The JSON Resume a PDF written by this tool carries as an embedded file (see
//! [`crate::embed`]): found through the catalog's `/AF` array or `/Names /EmbeddedFiles` tree,
//! by the fingerprint key only this tool writes, so other attachments (a Europass XML, a
//! Factur-X invoice) are left alone.

use lopdf::{Dictionary, Document, Object};

/// The largest embedded résumé read (a crafted stream cannot inflate without bound).
const MAX_JSON: usize = 8 * 1024 * 1024;

/// How many name-tree nodes are visited at most (a crafted tree cannot loop).
const MAX_NODES: usize = 256;

pub fn embedded(doc: &Document) -> Option<crate::embed::Embedded> {
    let root = doc.trailer.get(b"Root").ok()?;
    let catalog = resolve(doc, root)?.as_dict().ok()?;
    let mut specs: Vec<&Object> = Vec::new();
    if let Ok(Object::Array(af)) = catalog.get(b"AF").and_then(|o| deref(doc, o)) {
        specs.extend(af.iter());
    }
    if let Some(tree) = catalog
        .get(b"Names")
        .ok()
        .and_then(|n| resolve(doc, n))
        .and_then(|n| n.as_dict().ok())
        .and_then(|n| n.get(b"EmbeddedFiles").ok())
        .and_then(|t| resolve(doc, t))
    {
        let mut stack = vec![tree];
        let mut visited = 0;
        while let Some(node) = stack.pop() {
            visited += 1;
            if visited > MAX_NODES {
                break;
            }
            let Ok(dict) = node.as_dict() else { continue };
            if let Ok(Object::Array(names)) = dict.get(b"Names").and_then(|o| deref(doc, o)) {
                specs.extend(names.iter().skip(1).step_by(2));
            }
            if let Ok(Object::Array(kids)) = dict.get(b"Kids").and_then(|o| deref(doc, o)) {
                stack.extend(kids.iter().filter_map(|k| resolve(doc, k)));
            }
        }
    }
    specs
        .into_iter()
        .find_map(|s| from_spec(doc, resolve(doc, s)?.as_dict().ok()?))
}

fn from_spec(doc: &Document, spec: &Dictionary) -> Option<crate::embed::Embedded> {
    let fingerprint = match deref(doc, spec.get(crate::embed::PDF_KEY.as_bytes()).ok()?).ok()? {
        Object::String(s, _) => String::from_utf8(s.clone()).ok()?,
        _ => return None,
    };
    let ef = resolve(doc, spec.get(b"EF").ok()?)?.as_dict().ok()?;
    let file = ef.get(b"UF").or_else(|_| ef.get(b"F")).ok()?;
    let stream = resolve(doc, file)?.as_stream().ok()?;
    let bytes = stream.get_plain_content_with_limit(MAX_JSON).ok()?;
    Some(crate::embed::Embedded {
        json: String::from_utf8(bytes).ok()?,
        fingerprint,
    })
}

/// Follows one reference (or none) to the object.
fn deref<'a>(doc: &'a Document, o: &'a Object) -> lopdf::Result<&'a Object> {
    match o {
        Object::Reference(id) => doc.get_object(*id),
        other => Ok(other),
    }
}

fn resolve<'a>(doc: &'a Document, o: &'a Object) -> Option<&'a Object> {
    deref(doc, o).ok()
}
