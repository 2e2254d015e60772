//! Each row of shared/DATASET.md, as literals, checked against the built-in dataset.

use industry_desk::files::builtin;
use industry_desk::model::{Basis, Period, Qualifier, ZoneKind};
use jiff::civil::date;

const H1_2019: Period = Period::FirstMonths { year: 2019, months: 6 };
const H1_2018: Period = Period::FirstMonths { year: 2018, months: 6 };

#[test]
fn the_meeting() {
    let data = builtin::dataset();
    assert_eq!(data.meetings.len(), 1);
    let meeting = &data.meetings[0];
    assert_eq!(
        meeting.title,
        "UBND tỉnh họp về tình hình đầu tư, sản xuất, phát triển công nghiệp"
    );
    assert_eq!(meeting.date, date(2019, 7, 15));
    assert_eq!(meeting.chair, "Nguyễn Công Trưởng, Phó Chủ tịch UBND tỉnh");
    assert!(meeting.attendees.iter().any(|a| a.contains("sở, ngành")));
    assert!(meeting.attendees.iter().any(|a| a.contains("20 doanh nghiệp")));
    assert_eq!(meeting.reporting_body, "Sở Công Thương");
    let topics = meeting.topics.join("; ");
    for topic in [
        "quản lý nhà nước đối với các cụm, khu công nghiệp",
        "thu hút đầu tư",
        "giải phóng mặt bằng",
        "đào tạo nguồn nhân lực",
        "khuyến công, tư vấn phát triển công nghiệp",
    ] {
        assert!(topics.contains(topic), "topic {topic}");
    }
    let assessment = meeting.assessment.join("; ");
    for point in [
        "thành lập mới còn ít",
        "Quy mô sản xuất còn nhỏ",
        "Số cụm có nhiều doanh nghiệp hoạt động chiếm ít",
        "cơ sở hạ tầng các cụm, khu công nghiệp còn hạn chế",
        "quy hoạch phát triển các lĩnh vực công nghiệp chưa phù hợp",
    ] {
        assert!(assessment.contains(point), "assessment {point}");
    }
}

/// (id, name, H1-2019 value, its qualifier, change %, change qualifier, implied H1-2018).
const OUTPUT_ROWS: [(&str, &str, f64, Qualifier, f64, Qualifier, f64); 3] = [
    ("electricity", "Điện thương phẩm", 365e6, Qualifier::Exact, 9.5, Qualifier::Exact, 333.3e6),
    ("stone", "Đá các loại", 1.8e6, Qualifier::MoreThan, 13.0, Qualifier::Nearly, 1.59e6),
    (
        "timber",
        "Gỗ và các sản phẩm từ gỗ rừng trồng",
        72_000.0,
        Qualifier::Exact,
        50.0,
        Qualifier::Exact,
        48_000.0,
    ),
];

#[test]
fn output_of_main_products() {
    let data = builtin::dataset();
    for (id, name, value, qualifier, change, change_qualifier, implied_2018) in OUTPUT_ROWS {
        let indicator = data.indicator(id).unwrap_or_else(|| panic!("indicator {id}"));
        assert_eq!(indicator.name, name);
        let reported = indicator.observation(H1_2019).unwrap();
        assert_eq!(reported.value, value, "{id}");
        assert_eq!(reported.qualifier, qualifier, "{id}");
        assert_eq!(reported.basis, Basis::Reported, "{id}");
        let reported_change = reported.change.unwrap();
        assert_eq!(reported_change.percent, change, "{id}");
        assert_eq!(reported_change.qualifier, change_qualifier, "{id}");

        let derived = indicator.observation(H1_2018).unwrap();
        assert_eq!(derived.basis, Basis::Derived, "{id}: 2018 is never reported");
        assert!((derived.value - value / (1.0 + change / 100.0)).abs() < 1e-6, "{id}");
        assert!((derived.value - implied_2018).abs() / implied_2018 < 0.002, "{id} ≈ DATASET.md");
    }
    let units: Vec<_> = data.indicators.iter().map(|i| i.unit.as_str()).collect();
    assert_eq!(units, ["kWh", "m³", "m³"]);
}

#[test]
fn industrial_land() {
    let data = builtin::dataset();
    let zone = |needle: &str| {
        data.zones
            .iter()
            .find(|z| z.name.contains(needle))
            .unwrap_or_else(|| panic!("zone {needle}"))
    };
    let rows = [
        ("Đồng Bành", ZoneKind::IndustrialZone, Some(321.0), Qualifier::Over, 1),
        ("Hồng Phong", ZoneKind::IndustrialZone, Some(440.0), Qualifier::About, 1),
        ("Khu chế xuất", ZoneKind::ExportProcessingZone, Some(126.0), Qualifier::Over, 1),
        ("16 cụm công nghiệp", ZoneKind::IndustrialCluster, Some(537.0), Qualifier::Over, 16),
        ("Hữu Lũng", ZoneKind::IndustrialZone, None, Qualifier::Exact, 1),
    ];
    for (name, kind, area, qualifier, count) in rows {
        let z = zone(name);
        assert_eq!(
            (z.kind, z.area_ha, z.qualifier, z.count),
            (kind, area, qualifier, count),
            "{name}"
        );
    }
}

#[test]
fn the_ten_directives_in_the_order_of_the_text() {
    let data = builtin::dataset();
    let expected: [(&str, &str); 10] = [
        ("xây dựng đề án phát triển công nghiệp", "Các sở, ngành"),
        ("dự án chậm đầu tư thì rút giấy phép đầu tư", "Các sở, ngành"),
        ("Thẩm định kỹ các dự án chuẩn bị đầu tư", "Các sở, ngành"),
        ("Rà soát lại các mỏ đá", "Các sở, ngành"),
        ("Cân đối bố trí vốn đầu tư vào các cụm, khu công nghiệp", "Các sở, ngành"),
        ("khu công nghiệp Hữu Lũng, khu công nghiệp Đồng Bành", "Các sở, ngành"),
        ("Tập trung phát triển các khu chế xuất", "Các sở, ngành"),
        ("tiểu thủ công nghiệp, làng nghề", "Các sở, ngành"),
        ("môi trường công nghiệp, an toàn thực phẩm, an toàn lao động", "Các huyện, thành phố"),
        ("không xả thải ra môi trường", "Các doanh nghiệp"),
    ];
    assert_eq!(data.directives.len(), expected.len());
    for (directive, (text, addressee)) in data.directives.iter().zip(expected) {
        assert!(directive.text.contains(text), "{} lacks {text}", directive.text);
        let names: Vec<_> =
            directive.addressees.iter().map(|u| data.unit(*u).unwrap().name.as_str()).collect();
        assert!(names.iter().any(|n| n.starts_with(addressee)), "{names:?} vs {addressee}");
        assert_eq!(directive.meeting_id, data.meetings[0].id);
        assert_eq!(
            (directive.deadline, directive.lead_unit, directive.completed_on),
            (None, None, None)
        );
    }
}
