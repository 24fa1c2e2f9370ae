//! Benchmarks per stage: reading text and Markdown into a `Doc`, extracting a `Resume`, and
//! the whole read + extract on inputs of growing size (to show it stays linear: 100,000
//! bullets, one 5 MB line). Run with `cargo bench`.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use resumeconv::{Format, extract, read};
use std::hint::black_box;

const TEXT_SAMPLE: &str = include_str!("../samples/tomasz-nowak.txt");
const MD_SAMPLE: &str = include_str!("../samples/priya-raman.md");

/// A two-page résumé: the sample's experience repeated to about two pages of text.
fn two_pages(sample: &str) -> String {
    let mut s = sample.to_string();
    while s.len() < 7000 {
        s.push_str("\n\n");
        s.push_str(sample);
    }
    s
}

/// About `bytes` of text made of the sample repeated.
fn sized(sample: &str, bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + sample.len());
    while s.len() < bytes {
        s.push_str(sample);
        s.push('\n');
    }
    s
}

fn stages(c: &mut Criterion) {
    let text = two_pages(TEXT_SAMPLE);
    let md = two_pages(MD_SAMPLE);
    c.bench_function("read text (2 pages)", |b| {
        b.iter(|| read::text::read(black_box(&text)))
    });
    c.bench_function("read markdown (2 pages)", |b| {
        b.iter(|| read::markdown::read(black_box(&md)))
    });
    let doc = read::text::read(&text);
    c.bench_function("extract (2 pages of text)", |b| {
        b.iter(|| extract::extract(black_box(&doc)))
    });
    c.bench_function("read + extract text (2 pages)", |b| {
        b.iter(|| resumeconv::read_resume(black_box(text.as_bytes()), Format::Text, "x"))
    });
    c.bench_function("read + extract markdown (2 pages)", |b| {
        b.iter(|| resumeconv::read_resume(black_box(md.as_bytes()), Format::Markdown, "x"))
    });
}

fn scaling(c: &mut Criterion) {
    let mut g = c.benchmark_group("read + extract text by size");
    g.sample_size(10);
    for kb in [64usize, 256, 1024] {
        let input = sized(TEXT_SAMPLE, kb * 1024);
        g.throughput(Throughput::Bytes(input.len() as u64));
        g.bench_with_input(
            BenchmarkId::from_parameter(format!("{kb} KB")),
            &input,
            |b, i| b.iter(|| resumeconv::read_resume(black_box(i.as_bytes()), Format::Text, "x")),
        );
    }
    g.finish();

    let mut g = c.benchmark_group("pathological");
    g.sample_size(10);
    let bullets: String = (0..100_000)
        .map(|i| format!("- Did thing number {i} with Rust, Go and SQL\n"))
        .collect();
    let bullets =
        format!("Ada Okafor\n\nEXPERIENCE\n\nAcme Corp, Engineer (2019 - 2021)\n{bullets}");
    g.bench_function("100,000 bullets", |b| {
        b.iter(|| resumeconv::read_resume(black_box(bullets.as_bytes()), Format::Text, "x"))
    });
    let line = "word, 2019 - Present | x@y.io +1 555 0100 ".repeat(5 * 1024 * 1024 / 40);
    g.bench_function("one 5 MB line", |b| {
        b.iter(|| resumeconv::read_resume(black_box(line.as_bytes()), Format::Text, "x"))
    });
    g.finish();
}

fn writers(c: &mut Criterion) {
    let json = include_bytes!("../samples/ana-lindqvist.json");
    let resume = resumeconv::read::json::read(json, "x").unwrap_or_default();
    c.bench_function("present (Resume -> Doc)", |b| {
        b.iter(|| resumeconv::present::present(black_box(&resume)))
    });
    c.bench_function("JSON -> Markdown", |b| {
        b.iter(|| {
            let r = resumeconv::read::json::read(black_box(json), "x").unwrap_or_default();
            resumeconv::render(&r, Format::Markdown)
        })
    });
    c.bench_function("JSON -> DOCX", |b| {
        b.iter(|| {
            let r = resumeconv::read::json::read(black_box(json), "x").unwrap_or_default();
            resumeconv::render(&r, Format::Docx)
        })
    });
    c.bench_function("JSON -> PDF", |b| {
        b.iter(|| {
            let r = resumeconv::read::json::read(black_box(json), "x").unwrap_or_default();
            resumeconv::render(&r, Format::Pdf)
        })
    });
    let docx = resumeconv::render(&resume, Format::Docx).unwrap_or_default();
    c.bench_function("DOCX -> JSON", |b| {
        b.iter(|| resumeconv::read_resume(black_box(&docx), Format::Docx, "x"))
    });
    let pdf = resumeconv::render(&resume, Format::Pdf).unwrap_or_default();
    c.bench_function("PDF -> JSON", |b| {
        b.iter(|| resumeconv::read_resume(black_box(&pdf), Format::Pdf, "x"))
    });
}

criterion_group!(benches, stages, scaling, writers);
criterion_main!(benches);
