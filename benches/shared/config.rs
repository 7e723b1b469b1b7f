//! How long criterion measures, shared by benches/hosts.rs, text.rs and pages.rs.

use criterion::Criterion;
use std::time::Duration;

/// Short runs keep `./build.sh bench` within minutes; the spread is in criterion's report.
pub fn short_runs() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .sample_size(30)
}
