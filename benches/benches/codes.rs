//! close-reasons against tungstenite 0.30, tokio-websockets 0.13, fastwebsockets 0.10
//! and hand-written limits, on a uniform random
//! stream of codes and on a realistic mix. `cargo bench -p close-reasons-benches`.
//!
//! Each code goes through `black_box`, so the compiler sees one code at a time, as in
//! a frame parser; `wire_check_batch` also shows what happens when it sees the whole
//! stream and can vectorise.

use std::fmt::Write as _;
use std::hint::black_box;

use close_reasons::{CloseCode, CloseFrame, CloseReason};
use close_reasons_benches::{
    Bitmap, ReasonTable, StackBuffer, minimal_display, minimal_parse, payload_stream,
    realistic_stream, scale_stream, uniform_stream,
};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use fastwebsockets::CloseCode as FastwebsocketsCode;
use tokio_websockets::CloseCode as TokioWebsocketsCode;
use tungstenite::protocol::frame::coding::CloseCode as TungsteniteCode;

fn streams() -> [(&'static str, Vec<u16>); 2] {
    [
        ("uniform", uniform_stream()),
        ("realistic", realistic_stream()),
    ]
}

/// The stream as `CloseCode`s (the few zeros of the uniform stream dropped).
fn typed_codes(stream: &[u16]) -> Vec<CloseCode> {
    stream.iter().copied().filter_map(CloseCode::new).collect()
}

fn wire_check(c: &mut Criterion) {
    let bitmap = Bitmap::of_sendable_codes();
    for (name, stream) in streams() {
        let typed = typed_codes(&stream);
        let mut group = c.benchmark_group(format!("wire_check/{name}"));
        group.throughput(Throughput::Elements(stream.len() as u64));
        group.bench_function("close-reasons", |b| {
            b.iter(|| {
                stream
                    .iter()
                    .filter(|&&code| {
                        CloseCode::new(black_box(code)).is_some_and(CloseCode::is_sendable)
                    })
                    .count()
            });
        });
        // A typed code needs no test for 0: what a stack that keeps `CloseCode`s pays.
        group.throughput(Throughput::Elements(typed.len() as u64));
        group.bench_function("close-reasons, from CloseCode", |b| {
            b.iter(|| {
                typed
                    .iter()
                    .filter(|&&code| black_box(code).is_sendable())
                    .count()
            });
        });
        group.throughput(Throughput::Elements(stream.len() as u64));
        group.bench_function("tungstenite", |b| {
            b.iter(|| {
                stream
                    .iter()
                    .filter(|&&code| TungsteniteCode::from(black_box(code)).is_allowed())
                    .count()
            });
        });
        // Its `TryFrom<u16>` is its check of a received code, with `is_reserved`.
        group.bench_function("tokio-websockets", |b| {
            b.iter(|| {
                stream
                    .iter()
                    .filter(|&&code| {
                        TokioWebsocketsCode::try_from(black_box(code))
                            .is_ok_and(|code| !code.is_reserved())
                    })
                    .count()
            });
        });
        group.bench_function("fastwebsockets", |b| {
            b.iter(|| {
                stream
                    .iter()
                    .filter(|&&code| FastwebsocketsCode::from(black_box(code)).is_allowed())
                    .count()
            });
        });
        group.bench_function("bitmap (limit)", |b| {
            b.iter(|| {
                stream
                    .iter()
                    .filter(|&&code| bitmap.contains(black_box(code)))
                    .count()
            });
        });
        group.finish();
    }
}

fn wire_check_batch(c: &mut Criterion) {
    let bitmap = Bitmap::of_sendable_codes();
    for (name, stream) in streams() {
        let typed = typed_codes(&stream);
        let mut group = c.benchmark_group(format!("wire_check_batch/{name}"));
        group.throughput(Throughput::Elements(stream.len() as u64));
        group.bench_function("close-reasons", |b| {
            b.iter(|| {
                black_box(&stream)
                    .iter()
                    .filter(|&&code| CloseCode::new(code).is_some_and(CloseCode::is_sendable))
                    .count()
            });
        });
        group.throughput(Throughput::Elements(typed.len() as u64));
        group.bench_function("close-reasons, from CloseCode", |b| {
            b.iter(|| {
                black_box(&typed)
                    .iter()
                    .filter(|&&code| code.is_sendable())
                    .count()
            });
        });
        group.throughput(Throughput::Elements(stream.len() as u64));
        group.bench_function("tungstenite", |b| {
            b.iter(|| {
                black_box(&stream)
                    .iter()
                    .filter(|&&code| TungsteniteCode::from(code).is_allowed())
                    .count()
            });
        });
        group.bench_function("tokio-websockets", |b| {
            b.iter(|| {
                black_box(&stream)
                    .iter()
                    .filter(|&&code| {
                        TokioWebsocketsCode::try_from(code).is_ok_and(|code| !code.is_reserved())
                    })
                    .count()
            });
        });
        group.bench_function("fastwebsockets", |b| {
            b.iter(|| {
                black_box(&stream)
                    .iter()
                    .filter(|&&code| FastwebsocketsCode::from(code).is_allowed())
                    .count()
            });
        });
        group.bench_function("bitmap (limit)", |b| {
            b.iter(|| {
                black_box(&stream)
                    .iter()
                    .filter(|&&code| bitmap.contains(code))
                    .count()
            });
        });
        group.finish();
    }
}

fn reason_lookup(c: &mut Criterion) {
    let table = ReasonTable::new();
    for (name, stream) in streams() {
        let mut group = c.benchmark_group(format!("reason_lookup/{name}"));
        group.throughput(Throughput::Elements(stream.len() as u64));
        group.bench_function("close-reasons", |b| {
            b.iter(|| {
                for &code in &stream {
                    black_box(CloseReason::try_from(black_box(code)).ok());
                }
            });
        });
        // Users match on the result; this consumes it as they would.
        group.bench_function("close-reasons, matched", |b| {
            b.iter(|| {
                let mut normal = 0u32;
                for &code in &stream {
                    if let Ok(CloseReason::Normal | CloseReason::GoingAway) =
                        CloseReason::try_from(black_box(code))
                    {
                        normal += 1;
                    }
                }
                normal
            });
        });
        group.bench_function("tungstenite, matched", |b| {
            b.iter(|| {
                let mut normal = 0u32;
                for &code in &stream {
                    if let TungsteniteCode::Normal | TungsteniteCode::Away =
                        TungsteniteCode::from(black_box(code))
                    {
                        normal += 1;
                    }
                }
                normal
            });
        });
        group.bench_function("close-reasons CloseCode::reason", |b| {
            b.iter(|| {
                for &code in &stream {
                    black_box(CloseCode::new(black_box(code)).and_then(CloseCode::close_reason));
                }
            });
        });
        group.bench_function("tungstenite", |b| {
            b.iter(|| {
                for &code in &stream {
                    black_box(TungsteniteCode::from(black_box(code)));
                }
            });
        });
        group.bench_function("table (limit)", |b| {
            b.iter(|| {
                for &code in &stream {
                    black_box(table.get(black_box(code)));
                }
            });
        });
        group.finish();
    }
}

/// The generated lookup of application registries of 10, 100 and 1,000 codes, on
/// streams that hit a named code half the time: its cost should not grow with the
/// registry.
fn scale(c: &mut Criterion) {
    use close_reasons_benches::scale::{Codes10, Codes100, Codes1000};
    let mut group = c.benchmark_group("scale");
    scale_lookup::<Codes10>(&mut group, 10);
    scale_lookup::<Codes100>(&mut group, 100);
    scale_lookup::<Codes1000>(&mut group, 1000);
    group.finish();
}

fn scale_lookup<Reason: TryFrom<u16>>(
    group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    len: usize,
) {
    let stream = scale_stream(len);
    group.throughput(Throughput::Elements(stream.len() as u64));
    group.bench_function(format!("lookup/{len} codes"), |b| {
        b.iter(|| {
            stream
                .iter()
                .filter(|&&code| Reason::try_from(black_box(code)).is_ok())
                .count()
        });
    });
}

fn display(c: &mut Criterion) {
    for (name, stream) in streams() {
        let codes: Vec<CloseCode> = stream
            .iter()
            .filter_map(|&code| CloseCode::new(code))
            .collect();
        let theirs: Vec<TungsteniteCode> = codes.iter().map(|code| code.get().into()).collect();
        let mut group = c.benchmark_group(format!("display/{name}"));
        group.sample_size(20);
        group.throughput(Throughput::Elements(codes.len() as u64));
        let mut buffer = StackBuffer::new();
        group.bench_function("close-reasons", |b| {
            b.iter(|| {
                for &code in &codes {
                    buffer.clear();
                    let _ = write!(buffer, "{}", black_box(code));
                    black_box(buffer.as_str());
                }
            });
        });
        group.bench_function("tungstenite (number only)", |b| {
            b.iter(|| {
                for &code in &theirs {
                    buffer.clear();
                    let _ = write!(buffer, "{}", black_box(code));
                    black_box(buffer.as_str());
                }
            });
        });
        group.bench_function("hand-written (limit)", |b| {
            b.iter(|| {
                for &code in &codes {
                    buffer.clear();
                    minimal_display(&mut buffer, black_box(code).get());
                    black_box(buffer.as_str());
                }
            });
        });
        group.finish();
    }
}

fn parse(c: &mut Criterion) {
    let payloads = payload_stream();
    let bitmap = Bitmap::of_sendable_codes();
    let mut group = c.benchmark_group("parse/realistic");
    group.throughput(Throughput::Elements(payloads.len() as u64));
    group.bench_function("close-reasons", |b| {
        b.iter(|| {
            for payload in &payloads {
                let _ = black_box(CloseFrame::parse(black_box(payload)));
            }
        });
    });
    group.bench_function("minimal parser (limit)", |b| {
        b.iter(|| {
            for payload in &payloads {
                black_box(minimal_parse(&bitmap, black_box(payload)));
            }
        });
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(std::time::Duration::from_secs(1))
        .measurement_time(std::time::Duration::from_secs(3));
    targets = wire_check, wire_check_batch, reason_lookup, scale, display, parse
}
criterion_main!(benches);
