//! Host checks on issue 15's realistic mix: a million distinct hosts (tools/bench_corpus.py's
//! `mix.tsv`: popular sites, the Tranco long tail, dnstwist lookalikes), each judged once per
//! pass. Criterion would want many passes of a second or more each, so this is a plain timed
//! run: three passes over the whole mix (the median is the figure; the first pass is the one
//! where no host was seen before), then one pass per kind of host. Prints the figures and
//! writes them to bench-output/native-mix.json for benches/summary.mjs.
//!   python3 tools/bench_corpus.py && cargo bench --bench mix

use std::hint::black_box;
use std::path::Path;
use std::time::Instant;

const PASSES: usize = 3;

/// Microseconds per host for one pass of `analyze_url` over `hosts`.
fn pass(engine: &wary::Engine, hosts: &[&str]) -> f64 {
    let start = Instant::now();
    for host in hosts {
        black_box(engine.analyze_url(black_box(host)).ok());
    }
    start.elapsed().as_secs_f64() * 1e6 / hosts.len() as f64
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let path = root.join("bench-output/corpus/mix.tsv");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!("{}: {e} (run python3 tools/bench_corpus.py first)", path.display())
    });
    let rows: Vec<(&str, &str)> = text.lines().skip(1).filter_map(|l| l.split_once('\t')).collect();
    let hosts: Vec<&str> = rows.iter().map(|&(_, host)| host).collect();
    let engine = wary::Engine::new();
    // The catalogue's index, its typo table and the popular names: built once, outside the timing.
    engine.analyze_url("warm.example").unwrap();
    engine.analyze_url("amazom.com").unwrap();

    let passes: Vec<f64> = (0..PASSES).map(|_| pass(&engine, &hosts)).collect();
    let mut sorted = passes.clone();
    sorted.sort_by(f64::total_cmp);
    let median = sorted[PASSES / 2];
    let mut kinds: Vec<&str> = rows.iter().map(|&(kind, _)| kind).collect();
    kinds.sort_unstable();
    kinds.dedup();
    let per_kind: Vec<(&str, usize, f64)> = kinds
        .iter()
        .map(|&kind| {
            let of_kind: Vec<&str> =
                rows.iter().filter(|&&(k, _)| k == kind).map(|&(_, host)| host).collect();
            (kind, of_kind.len(), pass(&engine, &of_kind))
        })
        .collect();

    println!(
        "native host check on the mix: {median:.3} µs/host over {} distinct hosts, median of {PASSES} \
         passes ({}; first pass {:.3}), {:.0} hosts/s",
        hosts.len(),
        passes.iter().map(|p| format!("{p:.3}")).collect::<Vec<_>>().join(", "),
        passes[0],
        1e6 / median
    );
    for (kind, count, us) in &per_kind {
        println!("  {kind:<18} {count:>8} hosts  {us:.3} µs/host");
    }
    let kinds_json: Vec<String> = per_kind
        .iter()
        .map(|(kind, count, us)| format!("\"{kind}\":{{\"hosts\":{count},\"usPerHost\":{us}}}"))
        .collect();
    let json = format!(
        "{{\"hosts\":{},\"passes\":[{}],\"usPerHost\":{median},\"kinds\":{{{}}}}}\n",
        hosts.len(),
        passes.iter().map(f64::to_string).collect::<Vec<_>>().join(","),
        kinds_json.join(",")
    );
    std::fs::write(root.join("bench-output/native-mix.json"), json).expect("write native-mix.json");
}
