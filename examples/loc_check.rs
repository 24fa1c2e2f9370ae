//! Development aid: every combination of location parts, through Markdown and back.
use resumeconv::model::*;
fn main() {
    let addresses = [
        "2712 Broadway St",
        "Södra Förstadsgatan 12",
        "Flat 3, 14 Rose Lane",
        "Rua Augusta 10",
    ];
    let postals = [
        "CA 94115", "211 43", "SW1A 1AA", "1012 AB", "10115", "K1A 0B1",
    ];
    let cities = [
        "San Francisco",
        "Malmö",
        "London",
        "Amsterdam",
        "Berlin",
        "Ottawa",
        "São Paulo",
    ];
    let regions = [
        "California",
        "Skåne",
        "Greater London",
        "North Holland",
        "Ontario",
        "TX",
        "Île-de-France",
    ];
    let ccs = ["US", "SE", "GB", "NL", "DE", "CA", "BR"];
    let mut bad = 0;
    let mut n = 0;
    for mask in 1..32u32 {
        for k in 0..7 {
            let pick = |a: &[&str], s: usize| a[(k + s) % a.len()].to_string();
            let l = Location {
                address: (mask & 1 != 0).then(|| pick(&addresses, 0)),
                postal_code: (mask & 2 != 0).then(|| pick(&postals, 1)),
                city: (mask & 4 != 0).then(|| pick(&cities, 2)),
                region: (mask & 8 != 0).then(|| pick(&regions, 3)),
                country_code: (mask & 16 != 0).then(|| pick(&ccs, 4)),
                ..Location::default()
            };
            let r = Resume {
                basics: Some(Basics {
                    name: Some("Ana Lima".into()),
                    email: Some("ana@example.com".into()),
                    location: Some(l.clone()),
                    ..Basics::default()
                }),
                ..Resume::default()
            };
            n += 1;
            let md = resumeconv::render(&r, resumeconv::Format::Markdown).unwrap();
            let back = resumeconv::read_resume(&md, resumeconv::Format::Markdown, "x.md").unwrap();
            let got = back
                .resume
                .basics
                .and_then(|b| b.location)
                .unwrap_or_default();
            if got != l {
                bad += 1;
                if bad <= 40 {
                    println!(
                        "{:?}\n  printed: {}\n  got {:?}",
                        l,
                        resumeconv::present::location_text(&l).unwrap_or_default(),
                        got
                    );
                }
            }
        }
    }
    println!("{bad} of {n} differ");
}
