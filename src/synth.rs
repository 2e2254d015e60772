//! Made-up data at realistic sizes, for benchmarks and tests at scale. Deterministic: the
//! same arguments always give the same dataset.

use jiff::ToSpan;
use jiff::civil::{Date, date};

use crate::model::{
    Basis, Change, Dataset, Directive, DirectiveId, FigureStatus, Meeting, MeetingId, Observation,
    Period, ProgressNote, Qualifier, Unit, UnitId, UnitKind,
};

/// A small deterministic generator (a linear congruential one): the same seed, the same
/// dataset, on every machine.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const VERBS: [&str; 10] = [
    "Rà soát",
    "Đẩy nhanh tiến độ",
    "Tham mưu xây dựng",
    "Kiểm tra, đánh giá",
    "Hoàn thiện hồ sơ",
    "Đôn đốc thực hiện",
    "Báo cáo kết quả",
    "Tháo gỡ khó khăn về",
    "Tổng hợp, đề xuất",
    "Phối hợp triển khai",
];
const OBJECTS: [&str; 12] = [
    "giải phóng mặt bằng khu công nghiệp Đồng Bành",
    "quy hoạch cụm công nghiệp trên địa bàn huyện Hữu Lũng",
    "các mỏ đá đang khai thác",
    "dự án đầu tư chậm tiến độ",
    "hạ tầng khu công nghiệp Hồng Phong",
    "công tác khuyến công năm tới",
    "an toàn lao động tại các doanh nghiệp",
    "xử lý nước thải cụm công nghiệp",
    "đào tạo nguồn nhân lực cho doanh nghiệp",
    "phát triển làng nghề, tiểu thủ công nghiệp",
    "cấp điện cho khu chế xuất",
    "thu hút đầu tư vào khu kinh tế cửa khẩu",
];
const UNITS: [(&str, UnitKind); 12] = [
    ("Sở Kế hoạch và Đầu tư", UnitKind::Department),
    ("Sở Tài nguyên và Môi trường", UnitKind::Department),
    ("Sở Tài chính", UnitKind::Department),
    ("Sở Xây dựng", UnitKind::Department),
    ("Sở Lao động - Thương binh và Xã hội", UnitKind::Department),
    ("Ban Quản lý Khu kinh tế cửa khẩu Đồng Đăng - Lạng Sơn", UnitKind::Sector),
    ("Công an tỉnh", UnitKind::Sector),
    ("UBND huyện Hữu Lũng", UnitKind::District),
    ("UBND huyện Cao Lộc", UnitKind::District),
    ("UBND thành phố Lạng Sơn", UnitKind::District),
    ("UBND huyện Chi Lăng", UnitKind::District),
    ("Công ty Điện lực Lạng Sơn", UnitKind::Enterprise),
];
const NOTES: [&str; 6] = [
    "Đã tổ chức họp với các đơn vị liên quan",
    "Đang hoàn thiện báo cáo, dự kiến trình trong tháng",
    "Đã kiểm tra thực địa, còn vướng mắc về mặt bằng",
    "Đã có văn bản đôn đốc lần 2",
    "Chờ ý kiến của các sở, ngành",
    "Đã hoàn thành 60% khối lượng",
];

/// Adds `meetings` meetings (one every ~week back from `last_meeting`) and `directives`
/// directives spread over them, with realistic units, deadlines, progress notes and
/// completions relative to `today`. Seeded: the same arguments give the same dataset.
pub fn with_directives(
    mut dataset: Dataset,
    meetings: usize,
    directives: usize,
    today: Date,
    seed: u64,
) -> Dataset {
    let mut rng = Lcg(seed);
    let first_unit = dataset.next_unit_id().0;
    for (i, (name, kind)) in UNITS.iter().enumerate() {
        dataset.units.push(Unit {
            id: UnitId(first_unit + i as u32),
            name: (*name).to_owned(),
            kind: *kind,
        });
    }
    let unit_ids: Vec<UnitId> = dataset.units.iter().map(|u| u.id).collect();
    let first_meeting = dataset.next_meeting_id().0;
    let mut meeting_dates = Vec::with_capacity(meetings);
    for i in 0..meetings {
        let days_back = (meetings - i) as i64 * 7;
        let day = today.checked_sub(days_back.days()).unwrap_or(date(2000, 1, 1));
        meeting_dates.push(day);
        dataset.meetings.push(Meeting {
            id: MeetingId(first_meeting + i as u32),
            title: format!("Họp giao ban công nghiệp lần {} ({})", i + 1, crate::format::date(day)),
            date: day,
            chair: "Phó Chủ tịch UBND tỉnh".to_owned(),
            attendees: vec!["Đại diện các sở, ngành liên quan".to_owned()],
            reporting_body: "Sở Công Thương".to_owned(),
            topics: Vec::new(),
            assessment: Vec::new(),
            source_ref: "Dữ liệu thử nghiệm".to_owned(),
        });
    }
    let first_directive = dataset.next_directive_id().0;
    for i in 0..directives {
        let meeting = rng.below(meetings.max(1)).min(meetings.saturating_sub(1));
        let given = meeting_dates.get(meeting).copied().unwrap_or(today);
        let deadline =
            (rng.below(5) > 0).then(|| given.saturating_add((15 + rng.below(120) as i64).days()));
        let completed_on = match deadline {
            Some(due) if rng.below(3) == 0 => {
                let done = due.saturating_add((rng.below(30) as i64 - 15).days()).max(given);
                (done <= today).then_some(done)
            }
            _ => None,
        };
        let lead = unit_ids[rng.below(unit_ids.len())];
        let support = unit_ids[rng.below(unit_ids.len())];
        let notes = rng.below(4);
        let progress = (0..notes)
            .map(|n| ProgressNote {
                date: given.saturating_add((n as i64 * 10 + 5).days()).min(today).max(given),
                text: rng.pick(&NOTES).to_owned(),
            })
            .collect();
        dataset.directives.push(Directive {
            id: DirectiveId(first_directive + i as u32),
            meeting_id: MeetingId(first_meeting + meeting as u32),
            text: format!("{} {}", rng.pick(&VERBS), rng.pick(&OBJECTS)),
            addressees: Vec::new(),
            lead_unit: Some(lead),
            supporting_units: if support == lead { Vec::new() } else { vec![support] },
            deadline,
            expected_output: "Báo cáo kết quả gửi UBND tỉnh".to_owned(),
            progress,
            completed_on,
        });
    }
    dataset
}

/// Replaces each indicator's figures by `years` years of monthly figures ending in
/// December 2019, with a seasonal swing and steady growth, each with its change vs the
/// same month a year before.
pub fn with_monthly_figures(mut dataset: Dataset, years: i16) -> Dataset {
    for (n, indicator) in dataset.indicators.iter_mut().enumerate() {
        let base = indicator.observations.iter().map(|o| o.value).fold(1000.0, f64::max) / 6.0;
        let mut observations: Vec<Observation> = Vec::with_capacity(years as usize * 12);
        for year in (2020 - years)..2020 {
            for month in 1..=12u8 {
                let t = f64::from(year - 2020 + years) + f64::from(month) / 12.0;
                let season = 1.0 + 0.15 * (f64::from(month) * 0.52 + n as f64).sin();
                let value = (base * 0.4 * 1.03f64.powf(t) * season).round();
                let change = observations
                    .len()
                    .checked_sub(12)
                    .map(|i| observations[i].value)
                    .filter(|before| *before > 0.0)
                    .map(|before| Change {
                        percent: ((value / before - 1.0) * 1000.0).round() / 10.0,
                        qualifier: Qualifier::Exact,
                    });
                observations.push(Observation {
                    period: Period::Month { year, month },
                    value,
                    qualifier: Qualifier::Exact,
                    change,
                    basis: Basis::Reported,
                    status: FigureStatus::Official,
                    source_ref: format!("Cục Thống kê tỉnh, tháng {month}/{year}"),
                });
            }
        }
        indicator.observations = observations;
    }
    dataset
}

/// The province-sized file the benchmarks measure ("big.ron"): the built-in meeting plus
/// 10.000 directives over 500 meetings and 30 years of monthly figures for the three
/// products, as `examples/synth.rs` writes it with its defaults and seed 1.
pub fn province(today: Date) -> Dataset {
    with_monthly_figures(
        with_directives(crate::files::builtin::dataset(), 500, 10_000, today, 1),
        30,
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn directives_are_valid_and_repeatable() {
        let today = jiff::civil::date(2026, 11, 26);
        let a = super::with_directives(crate::files::builtin::dataset(), 50, 1000, today, 7);
        assert!(a.validate().is_empty(), "{:?}", &a.validate()[..3.min(a.validate().len())]);
        assert_eq!((a.meetings.len(), a.directives.len()), (51, 1010));
        assert_eq!(a, super::with_directives(crate::files::builtin::dataset(), 50, 1000, today, 7));
    }

    #[test]
    fn monthly_figures_are_valid_and_repeatable() {
        let a = super::with_monthly_figures(crate::files::builtin::dataset(), 30);
        assert!(a.validate().is_empty(), "{:?}", a.validate());
        assert_eq!(a.indicators[0].observations.len(), 360);
        assert_eq!(a, super::with_monthly_figures(crate::files::builtin::dataset(), 30));
    }
}
