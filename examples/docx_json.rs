//! Prints docx-rs's JSON view of a DOCX file (for developing the DOCX reader).
fn main() {
    let path = std::env::args().nth(1).unwrap_or_default();
    let bytes = std::fs::read(path).unwrap_or_default();
    match docx_rs::read_docx(&bytes) {
        Ok(d) => println!("{}", d.json()),
        Err(e) => eprintln!("{e}"),
    }
}
