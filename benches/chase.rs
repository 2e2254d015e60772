//! Chasing the units at a province's size: the follow-up letters (PDF) for every lead unit
//! of big.ron (10.000 directives over 500 meetings) — of its latest meeting, as `letters`
//! writes by default, and of every meeting at once — and a returned report sheet of 500
//! rows read back (the .xlsx parsed, every row checked and its edit planned), as `import`
//! does it, without the file writes. Targets: the letters ≤ 2 s, the sheet ≤ 200 ms.
//!
//! `cargo bench --bench chase`

use criterion::{Criterion, criterion_group, criterion_main};
use industry_desk::i18n::Lang;
use industry_desk::interop::chase::{self, cli::render_letters};
use industry_desk::interop::exchange::{import, report_sheet};
use industry_desk::interop::paper::{ReportFormat, letter::LetterOptions};
use industry_desk::model::UnitId;
use industry_desk::synth;

fn chase(c: &mut Criterion) {
    let today = jiff::civil::date(2026, 11, 26);
    let mut group = c.benchmark_group("chase");
    group.sample_size(10);

    let big = synth::province(today);
    let meeting = big.latest_meeting().unwrap();
    let options = LetterOptions { meeting, today, reply_by: chase::default_reply_date(today) };
    let latest = chase::open_work(&big, Some(meeting.id), today);
    group.bench_function("letters PDF, every unit, big.ron's latest meeting", |b| {
        b.iter(|| render_letters(&big, &latest, &options, ReportFormat::Pdf, Lang::Vi).unwrap())
    });
    let all = chase::open_work(&big, None, today);
    let rows: usize = all.iter().map(|w| w.led.len()).sum();
    eprintln!("every meeting: {} units, {rows} directives led", all.len());
    group.bench_function("letters PDF, every unit, big.ron's every meeting", |b| {
        b.iter(|| render_letters(&big, &all, &options, ReportFormat::Pdf, Lang::Vi).unwrap())
    });

    // One unit leading 500 open directives, its sheet filled in on every row.
    let mut data = big.clone();
    let unit = data.units[0].id;
    let mut led = 0;
    for directive in &mut data.directives {
        directive.lead_unit = Some(if led < 500 && directive.completed_on.is_none() {
            led += 1;
            unit
        } else {
            UnitId(data.units[1].id.0)
        });
    }
    let work = chase::open_work(&data, None, today);
    let work = work.iter().find(|w| w.unit.id == unit).unwrap();
    assert_eq!(work.led.len(), 500);
    let bytes = report_sheet::write(&data, work, None, today, Lang::Vi).unwrap();
    let mut filled = import::read_xlsx(&bytes).unwrap();
    for row in filled[0].rows.iter_mut().skip(report_sheet::HEADER_ROW as usize) {
        row.resize(7, import::Cell::Empty);
        row[4] = import::Cell::Text("Đã triển khai, đang tổng hợp kết quả".into());
        row[6] = import::Cell::Text("Thiếu kinh phí".into());
    }
    group.bench_function("report sheet of 500 rows: read the .xlsx", |b| {
        b.iter(|| import::read_xlsx(&bytes).unwrap())
    });
    group.bench_function("report sheet of 500 rows: plan the answers", |b| {
        b.iter(|| {
            let plan = industry_desk::interop::exchange::plan_import(&data, &filled, Lang::Vi);
            assert_eq!(plan.changed.len(), 500);
            plan
        })
    });
    group.finish();
}

criterion_group!(benches, chase);
criterion_main!(benches);
