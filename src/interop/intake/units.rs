//! Where a notice names a unit, and which unit it is.
//!
//! A notice names units in full ("Sở Kế hoạch và Đầu tư"), in the usual short forms
//! ("Sở KH&ĐT"), or as a group ("các cơ quan, đơn vị liên quan"). [`Names::unit_at`] reads
//! one from a given word: first the names it knows (the provincial departments and bodies,
//! the units already in the file, and the short forms the notice itself spells out —
//! "Ban Quản lý … (Ban QLKKT)"), then the shapes names take: a head word ("Sở", "Cục",
//! "Công ty" …) and what follows it up to the verb, "UBND huyện X", "các sở, ngành …".
//!
//! Where a name ends is the hard part, since Vietnamese has no case or inflection to mark
//! it: a name runs on until a verb or adverb in lower case ("chủ trì", "tăng cường",
//! "thường xuyên" …, see [`ENDS_A_NAME`]), a mark, or "và"/"," followed by another unit.
//! Words of a name that are also verbs are capitalised in it ("Sở Xây dựng"), so only
//! lower-case words end one.

use std::collections::HashMap;

use super::words::{Phrases, Word, folded_at, length, lower_at, span, words};
use crate::model::UnitKind;
use crate::model::followup::fold;

/// A unit named in a notice.
#[derive(Clone, Debug, PartialEq)]
pub struct Named {
    /// Its full name ("Sở Kế hoạch và Đầu tư" for "Sở KH&ĐT"; a group as written).
    pub name: String,
    /// The kind of body it is, guessed from its name.
    pub kind: UnitKind,
}

/// A unit found at some word of a clause.
#[derive(Clone, Debug)]
pub struct Found {
    pub unit: Named,
    /// The word after it.
    pub end: usize,
}

/// The names a notice is read with: the built-in provincial bodies and short forms, the
/// file's units, and the short forms the notice defines.
#[derive(Clone, Debug, Default)]
pub struct Names {
    /// By the folded first word: each name's folded words and its full name.
    known: HashMap<String, Vec<(Vec<String>, String)>>,
    /// The full names of the file's units and of the notice's spelled-out short forms: a
    /// short form of a body whose full name differs between provinces ("Ban QLKKT") stands
    /// for the one of these its built-in name begins.
    local: Vec<String>,
    /// How many short forms the text has taught (see [`MAX_SHORT_FORMS`]).
    learned: usize,
}

/// The most words a unit's name runs to ("Ngân hàng Nhà nước Việt Nam - Chi nhánh tỉnh Lạng
/// Sơn" has 12): a name is looked for from many words of a clause, and none may read on
/// through a long run of capitals.
const MAX_NAME_WORDS: usize = 18;

/// The most short forms one text teaches ("Ban Quản lý … (Ban QLKKT)"): a notice spells
/// out a handful; a text of thousands is no notice, and each would slow every name after.
const MAX_SHORT_FORMS: usize = 64;

/// Built-in names that are only the beginning of a province's full name.
const BEGINNINGS: &[&str] = &["Ban Quản lý Khu kinh tế"];

/// Provincial departments (sở), written as their founding decisions write them.
const DEPARTMENTS: &[&str] = &[
    "Công Thương",
    "Kế hoạch và Đầu tư",
    "Tài chính",
    "Xây dựng",
    "Tài nguyên và Môi trường",
    "Giao thông vận tải",
    "Lao động - Thương binh và Xã hội",
    "Nông nghiệp và Phát triển nông thôn",
    "Nông nghiệp và Môi trường",
    "Khoa học và Công nghệ",
    "Thông tin và Truyền thông",
    "Văn hóa, Thể thao và Du lịch",
    "Văn hóa và Thể thao",
    "Du lịch",
    "Giáo dục và Đào tạo",
    "Y tế",
    "Tư pháp",
    "Nội vụ",
    "Ngoại vụ",
    "Dân tộc và Tôn giáo",
];

/// The short forms of department names, and what they stand for.
const DEPARTMENT_SHORT: &[(&str, &str)] = &[
    ("CT", "Công Thương"),
    ("KH&ĐT", "Kế hoạch và Đầu tư"),
    ("KHĐT", "Kế hoạch và Đầu tư"),
    ("KH-ĐT", "Kế hoạch và Đầu tư"),
    ("TC", "Tài chính"),
    ("XD", "Xây dựng"),
    ("TN&MT", "Tài nguyên và Môi trường"),
    ("TNMT", "Tài nguyên và Môi trường"),
    ("TN-MT", "Tài nguyên và Môi trường"),
    ("GTVT", "Giao thông vận tải"),
    ("LĐ-TB&XH", "Lao động - Thương binh và Xã hội"),
    ("LĐTBXH", "Lao động - Thương binh và Xã hội"),
    ("NN&PTNT", "Nông nghiệp và Phát triển nông thôn"),
    ("NNPTNT", "Nông nghiệp và Phát triển nông thôn"),
    ("NN&MT", "Nông nghiệp và Môi trường"),
    ("KH&CN", "Khoa học và Công nghệ"),
    ("KHCN", "Khoa học và Công nghệ"),
    ("TT&TT", "Thông tin và Truyền thông"),
    ("TTTT", "Thông tin và Truyền thông"),
    ("VH,TT&DL", "Văn hóa, Thể thao và Du lịch"),
    ("VHTTDL", "Văn hóa, Thể thao và Du lịch"),
    ("GD&ĐT", "Giáo dục và Đào tạo"),
    ("GDĐT", "Giáo dục và Đào tạo"),
    ("YT", "Y tế"),
    ("TP", "Tư pháp"),
    ("NV", "Nội vụ"),
    ("NgV", "Ngoại vụ"),
];

/// Other provincial bodies a notice commonly addresses, with their short forms.
const BODIES: &[(&str, &[&str])] = &[
    ("UBND tỉnh", &["Ủy ban nhân dân tỉnh", "Uỷ ban nhân dân tỉnh"]),
    ("Văn phòng UBND tỉnh", &["VP UBND tỉnh", "Văn phòng Ủy ban nhân dân tỉnh"]),
    ("Công an tỉnh", &[]),
    ("Bộ Chỉ huy Quân sự tỉnh", &["BCH Quân sự tỉnh"]),
    ("Bộ Chỉ huy Bộ đội Biên phòng tỉnh", &["BCH BĐBP tỉnh", "Bộ Chỉ huy BĐBP tỉnh"]),
    ("Cục Thuế tỉnh", &[]),
    ("Cục Hải quan tỉnh", &[]),
    ("Cục Thống kê tỉnh", &[]),
    ("Cục Quản lý thị trường tỉnh", &["Cục QLTT tỉnh"]),
    ("Kho bạc Nhà nước tỉnh", &["KBNN tỉnh"]),
    ("Thanh tra tỉnh", &[]),
    ("Đài Phát thanh và Truyền hình tỉnh", &["Đài PT-TH tỉnh", "Đài PTTH tỉnh"]),
    ("Bưu điện tỉnh", &[]),
    ("Liên minh Hợp tác xã tỉnh", &["Liên minh HTX tỉnh"]),
    ("Bảo hiểm xã hội tỉnh", &["BHXH tỉnh"]),
    ("Ban Dân tộc tỉnh", &[]),
    ("Ban Quản lý Khu kinh tế", &["Ban QLKKT", "BQLKKT", "BQL KKT", "Ban QL KKT"]),
    ("Trung tâm Khuyến công và Tư vấn phát triển công nghiệp", &["Trung tâm KC&TVPTCN"]),
];

/// The head words a unit's name starts with, capitalised, each followed in a name by a
/// capitalised word or a place ("Công an tỉnh"); a head followed by a lower-case word is
/// something else ("Báo cáo", "Ban hành", "Hội nghị", "Trường hợp", "Sở hữu").
const HEADS: &[&str] = &[
    "sở",
    "ban",
    "cục",
    "chi cục",
    "công an",
    "bộ",
    "văn phòng",
    "thanh tra",
    "phòng",
    "trung tâm",
    "tổng công ty",
    "công ty",
    "tập đoàn",
    "ngân hàng",
    "kho bạc",
    "bưu điện",
    "đài",
    "báo",
    "liên minh",
    "hội đồng",
    "hội",
    "viện",
    "trường",
    "điện lực",
    "tỉnh đoàn",
    "tỉnh ủy",
    "mặt trận",
    "bảo hiểm",
    "quỹ",
    "tòa án",
    "đoàn",
    "hợp tác xã",
    "chi nhánh",
    "nhà máy",
    "bệnh viện",
    "ủy ban",
    "uỷ ban",
    "đội",
    "trạm",
    "cảng vụ",
];

/// Lower-case words that may follow a head in a name where a capitalised one is expected.
const AFTER_HEAD: &[&str] =
    &["tỉnh", "huyện", "thành phố", "thị xã", "xã", "cổ phần", "trách nhiệm"];

/// Places whose name follows them: after "huyện Chi Lăng" a lower-case word ends the name.
const PLACES: &[&str] =
    &["tỉnh", "huyện", "thành phố", "thị xã", "xã", "phường", "thị trấn", "quận"];

/// The nouns a group is made of ("các sở, ngành", "các cơ quan, đơn vị liên quan").
const GROUP_NOUNS: &[&str] = &[
    "sở",
    "ban",
    "ngành",
    "ban ngành",
    "sở ngành",
    "cơ quan",
    "đơn vị",
    "địa phương",
    "huyện",
    "thành phố",
    "tp",
    "thị xã",
    "xã",
    "phường",
    "thị trấn",
    "phòng",
    "doanh nghiệp",
    "tổ chức",
    "cá nhân",
    "hợp tác xã",
    "chủ đầu tư",
    "nhà đầu tư",
    "lực lượng",
    "thành viên",
    "hội",
    "đoàn thể",
    "cơ sở",
    "trường",
    "bệnh viện",
    "chi nhánh",
    "ngân hàng",
    "tổ chức tín dụng",
    "công ty",
    "nhà máy",
    "hộ",
    "bộ",
    "cấp",
    "tập thể",
    "cụm",
    "khu",
];

/// Groups named without "các": "ngành chức năng", "lực lượng chức năng".
const BARE_GROUPS: &[&str] = &["ngành", "lực lượng", "cơ quan chức năng", "đơn vị tư vấn"];

/// Words a group's qualifier may hold that would end another name ("các doanh nghiệp
/// trong các khu, cụm công nghiệp", "UBND các huyện, thành phố có cụm công nghiệp").
const GROUP_QUALIFIERS: &[&str] = &["trong", "có", "đang", "thuộc", "trên", "tại", "được"];

/// [`HEADS`], looked for at a word by its first byte first: a unit is looked for at most
/// words of a paste.
static HEAD_PHRASES: Phrases = Phrases::new(HEADS);

/// [`ENDS_A_NAME`], looked for at every lower-case word of a name being read.
static ENDS_A_NAME_PHRASES: Phrases = Phrases::new(ENDS_A_NAME);

/// Lower-case words that end a name: the verbs and adverbs a directive's predicate starts
/// with, and the prepositions after a name. Matched on the lower case with accents ("cần"
/// ends a name, "cán" need not), longest first where one starts another.
pub const ENDS_A_NAME: &[&str] = &[
    "chủ trì",
    "phối hợp",
    "tăng cường",
    "chỉ đạo",
    "tập trung",
    "thực hiện",
    "hướng dẫn",
    "hỗ trợ",
    "rà soát",
    "tham mưu",
    "xây dựng",
    "kiểm tra",
    "tổng hợp",
    "theo dõi",
    "đôn đốc",
    "khẩn trương",
    "lựa chọn",
    "bố trí",
    "cần",
    "tiếp tục",
    "nghiêm túc",
    "thường xuyên",
    "định kỳ",
    "đẩy mạnh",
    "đẩy nhanh",
    "tổ chức",
    "nghiên cứu",
    "đề xuất",
    "báo cáo",
    "trình",
    "cập nhật",
    "kịp thời",
    "chuẩn bị",
    "hoàn thành",
    "hoàn thiện",
    "giải quyết",
    "xử lý",
    "triển khai",
    "theo",
    "khảo sát",
    "thẩm định",
    "lập",
    "ban hành",
    "phát hiện",
    "kiên quyết",
    "công bố",
    "đánh giá",
    "tuyên truyền",
    "bảo đảm",
    "đảm bảo",
    "nắm",
    "nắm bắt",
    "làm",
    "có trách nhiệm",
    "chịu trách nhiệm",
    "sớm",
    "ưu tiên",
    "tích cực",
    "chủ động",
    "phải",
    "nâng cao",
    "duy trì",
    "quan tâm",
    "tạo",
    "đầu tư",
    "cung cấp",
    "thu hồi",
    "giải phóng",
    "bàn giao",
    "kiểm soát",
    "vận động",
    "cấp",
    "hoàn tất",
    "thống nhất",
    "chấp hành",
    "gửi",
    "tuần tra",
    "lắp đặt",
    "cải tạo",
    "thông tin",
    "điều tra",
    "bảo vệ",
    "quản lý",
    "giám sát",
    "xác định",
    "xác minh",
    "tiếp nhận",
    "tham gia",
    "trao đổi",
    "làm việc",
    "hội đàm",
    "đề nghị",
    "yêu cầu",
    "giao",
    "để",
    "nhằm",
    "tại",
    "trên",
    "trước",
    "trong",
    "cùng",
    "sau",
    "khi",
    "thì",
    "là",
    "đã",
    "sẽ",
    "đang",
    "không",
    "chưa",
    "luôn",
    "cũng",
    "vẫn",
    "đồng thời",
    "qua",
    "về",
    "từ",
    "đến",
    "cho",
    "của",
    "đối với",
    "vào",
    "ngay",
    "nghiêm",
    "phân công",
    "chỉ",
    "nỗ lực",
    "quyết liệt",
    "tiến hành",
    "xem xét",
    "quyết định",
    "phê duyệt",
    "thẩm tra",
    "thanh tra",
    "kiểm điểm",
    "rút",
    "bổ sung",
    "điều chỉnh",
    "sửa đổi",
    "phổ biến",
    "hoàn chỉnh",
    "thu",
    "nộp",
    "mở",
    "dừng",
    "tạm dừng",
    "ngăn chặn",
    "đấu tranh",
    "giới thiệu",
    "kết nối",
    "tư vấn",
    "phát động",
    "thông báo",
    "tiếp thu",
    "giải trình",
    "chỉnh sửa",
    "tăng",
    "giảm",
    "vận hành",
    "đưa",
    "đảm nhận",
    "nhận",
    "xúc tiến",
    "kêu gọi",
    "thu hút",
    "siết chặt",
    "tổng kết",
    "sơ kết",
    "ký",
    "cam kết",
    "lưu ý",
    "chú trọng",
    "dứt điểm",
    "kiến nghị",
    "tập huấn",
    "đào tạo",
    "bồi dưỡng",
    "huy động",
    "sử dụng",
    "phân bổ",
    "cân đối",
    "giải ngân",
    "thanh toán",
    "quyết toán",
    "nghiệm thu",
    "khởi công",
    "thi công",
    "hoàn trả",
    "tổ chức thực hiện",
    "khắc phục",
    "truy thu",
    "đối chiếu",
    "tính",
    "thẩm định",
    "đề ra",
    "phục vụ",
    "bám sát",
    "hoàn",
    "căn cứ",
    "trực tiếp",
    "thành lập",
    "công khai",
    "rà",
    "đôn",
    "ứng dụng",
    "lồng ghép",
    "thúc đẩy",
    "khuyến khích",
    "tiếp",
    "mời",
    "đón",
    "kiểm",
    "phân loại",
    "phân tích",
    "dự báo",
    "tham vấn",
    "chấn chỉnh",
    "xây",
    "xem",
];

/// The words that separate units in a list.
fn separates(word: &Word) -> bool {
    word.is(",") || word.lower() == "và"
}

impl Names {
    /// The built-in names: departments, bodies, their short forms.
    pub fn builtin() -> Names {
        let mut names = Names::default();
        for department in DEPARTMENTS {
            let full = format!("Sở {department}");
            names.add(&full, &full);
        }
        for (short, department) in DEPARTMENT_SHORT {
            names.add(&format!("Sở {short}"), &format!("Sở {department}"));
        }
        for (body, short_forms) in BODIES {
            names.add(body, body);
            for short in *short_forms {
                names.add(short, body);
            }
        }
        names
    }

    /// Knows `written` as a way to write `full`.
    pub fn add(&mut self, written: &str, full: &str) {
        let key: Vec<String> = words(written).iter().map(|w| w.folded().to_owned()).collect();
        let Some(first) = key.first().cloned() else { return };
        let entries = self.known.entry(first).or_default();
        entries.retain(|(existing, _)| *existing != key);
        entries.push((key, full.to_owned()));
        // Longest first, so "Sở Văn hóa, Thể thao và Du lịch" wins over "Sở Văn hóa".
        entries.sort_by_key(|(key, _)| std::cmp::Reverse(key.len()));
    }

    /// Knows the file's units by their names, spelled as the file spells them.
    pub fn add_file_units<'a>(&mut self, names: impl IntoIterator<Item = &'a str>) {
        for name in names {
            let name = name.trim();
            if !name.is_empty() {
                self.add(name, name);
                self.local.push(name.to_owned());
            }
        }
    }

    /// Learns the short forms `text` spells out: "Sở Kế hoạch và Đầu tư (Sở KH&ĐT)".
    pub fn learn_short_forms(&mut self, text: &str) {
        // No bracket pair, no short form: not worth cutting a long paragraph into words.
        if !(text.contains('(') && text.contains(')')) {
            return;
        }
        let words = words(text);
        for (i, word) in words.iter().enumerate() {
            if !word.is("(") {
                continue;
            }
            // A short form is at most three words: look no further for its bracket's end
            // (a text of a thousand open brackets would otherwise be read to its end once
            // for each).
            let Some(close) =
                words[i + 1..].iter().take(4).position(|w| w.is(")")).map(|p| p + i + 1)
            else {
                continue;
            };
            if close == i + 1 {
                continue;
            }
            // The full name is the unit that ends right before the bracket.
            let full = (i.saturating_sub(14)..i)
                .find_map(|start| self.unit_at(text, &words, start).filter(|found| found.end == i));
            let short = span(text, &words, i + 1, close);
            if let Some(full) = full
                && short.chars().filter(|c| c.is_uppercase()).count() >= 2
                && fold(short) != fold(&full.unit.name)
            {
                if self.learned == MAX_SHORT_FORMS {
                    return;
                }
                self.learned += 1;
                self.add(short, &full.unit.name);
                if !self.local.contains(&full.unit.name) {
                    self.local.push(full.unit.name);
                }
            }
        }
    }

    /// The unit named from word `at` of `text` on, if one is.
    pub fn unit_at(&self, text: &str, words: &[Word], at: usize) -> Option<Found> {
        let word = words.get(at)?;
        if let Some(found) = self.known_at(words, at) {
            return Some(found);
        }
        if word.folded() == "ubnd" || folded_at(words, at, "uy ban nhan dan") {
            return self.committee_at(text, words, at);
        }
        if word.lower() == "các" {
            return group_at(text, words, at);
        }
        if word.lowercase() {
            return BARE_GROUPS
                .iter()
                .find(|g| lower_at(words, at, g))
                .and_then(|g| bare_group_at(text, words, at, length(g)));
        }
        head_at(text, words, at)
    }

    /// A name from the known list, longest first.
    fn known_at(&self, words: &[Word], at: usize) -> Option<Found> {
        let entries = self.known.get(words.get(at)?.folded())?;
        entries.iter().find_map(|(key, full)| {
            let matches = key
                .iter()
                .enumerate()
                .all(|(k, part)| words.get(at + k).is_some_and(|w| w.folded() == *part));
            // A known name must end where a name may end: "Sở Công Thương" is not the
            // start of "Sở Công Thương Lạng Sơn"'s longer name, but "Sở CT" is not "Sở
            // CTXH".
            (matches && ends_cleanly(words, at + key.len())).then(|| {
                let name = self.completed(full);
                Found { unit: Named { kind: kind_of(&name), name }, end: at + key.len() }
            })
        })
    }

    /// `full`, or the one local name it is the beginning of (see [`BEGINNINGS`]).
    fn completed(&self, full: &str) -> String {
        if BEGINNINGS.contains(&full) {
            let start = format!("{} ", fold(full));
            let mut longer = self.local.iter().filter(|name| fold(name).starts_with(&start));
            if let (Some(only), None) = (longer.next(), longer.next()) {
                return only.clone();
            }
        }
        full.to_owned()
    }

    /// "UBND huyện Chi Lăng", "Ủy ban nhân dân huyện Lộc Bình", "UBND các huyện, thành
    /// phố", "UBND cấp xã": always written "UBND …".
    fn committee_at(&self, text: &str, words: &[Word], at: usize) -> Option<Found> {
        let after = if words[at].folded() == "ubnd" { at + 1 } else { at + 4 };
        let next = words.get(after)?;
        let (rest, end) = if next.lower() == "các" {
            let group = group_at(text, words, after)?;
            (span(text, words, after, group.end).to_owned(), group.end)
        } else if next.lower() == "cấp" {
            let end = after + 2;
            words.get(after + 1)?;
            (span(text, words, after, end).to_owned(), end)
        } else {
            let place = PLACES.iter().find(|p| lower_at(words, after, p))?;
            let name_start = after + length(place);
            let mut end = name_start;
            // A place's name is a few words; a run of capitals goes no further.
            while end - name_start < MAX_NAME_WORDS
                && words.get(end).is_some_and(|w| w.capitalised() && !is_head(words, end))
            {
                end += 1;
            }
            if end == name_start && *place != "tỉnh" {
                return None;
            }
            (span(text, words, after, end).to_owned(), end)
        };
        let name = format!("UBND {rest}");
        let kind = if next.lower() == "các" || next.lower() == "cấp" {
            UnitKind::Group
        } else if next.lower() == "tỉnh" {
            UnitKind::Department
        } else {
            UnitKind::District
        };
        Some(Found { unit: Named { name, kind }, end })
    }
}

/// Whether a known name may end before word `at`: at the end, a mark, or a word that is
/// not the rest of a longer acronym or name.
fn ends_cleanly(words: &[Word], at: usize) -> bool {
    match words.get(at) {
        None => true,
        Some(word) => {
            word.is_mark()
                || (word.lowercase() && (word.lower() == "và" || ends_a_name(words, at)))
                || is_head(words, at)
                || word.folded() == "ubnd"
                || word.is_number()
        }
    }
}

/// Whether a unit's head word starts at `at`: capitalised, and followed by a capitalised
/// word or a place.
fn is_head(words: &[Word], at: usize) -> bool {
    head_length(words, at).is_some()
}

/// How many words the head at `at` has.
fn head_length(words: &[Word], at: usize) -> Option<usize> {
    let word = words.get(at)?;
    if !word.capitalised() {
        return None;
    }
    if word.folded() == "ubnd" || folded_at(words, at, "uy ban nhan dan") {
        return Some(1);
    }
    let head = HEAD_PHRASES.lower_at(words, at)?;
    let len = length(head);
    let next = words.get(at + len)?;
    let named = next.capitalised() && !next.is_mark()
        || AFTER_HEAD.iter().any(|a| lower_at(words, at + len, a));
    named.then_some(len)
}

/// Whether a lower-case word at `at` ends a name; the length of the phrase that does.
fn ends_a_name(words: &[Word], at: usize) -> bool {
    let word = &words[at];
    word.lowercase() && ENDS_A_NAME_PHRASES.lower_at(words, at).is_some()
}

/// A unit starting with a head word: "Sở Giao thông vận tải", "Công ty TNHH Phát triển hạ
/// tầng Đồng Bành", "Ngân hàng Nhà nước Việt Nam - Chi nhánh tỉnh Lạng Sơn".
fn head_at(text: &str, words: &[Word], at: usize) -> Option<Found> {
    let head = head_length(words, at)?;
    let mut end = at + head;
    // After a place and its name ("huyện Chi Lăng", "tỉnh Lạng Sơn"), or a closing "tỉnh"
    // or "Sở", the name is complete unless a proper name follows.
    let mut complete = false;
    while let Some(word) = words.get(end) {
        let next = words.get(end + 1);
        let next_is_name_word =
            next.is_some_and(|n| n.capitalised() && !n.is_mark() && !is_head(words, end + 1));
        if word.is(",") {
            // "Sở Văn hóa, Thể thao và Du lịch": a comma inside a name, before a
            // capitalised word that starts no other unit.
            if next_is_name_word && !complete {
                end += 1;
                continue;
            }
            break;
        }
        if word.is("-") {
            if next.is_some_and(|n| n.capitalised()) {
                end += 1;
                complete = false;
                continue;
            }
            break;
        }
        if word.is_mark() {
            break;
        }
        if word.lower() == "và" {
            if next_is_name_word && !complete {
                end += 1;
                continue;
            }
            break;
        }
        if word.lowercase() {
            if complete || ends_a_name(words, end) || word.text.contains('/') {
                break;
            }
            if let Some(place) = PLACES.iter().find(|p| lower_at(words, end, p)) {
                end += length(place);
                complete = !words.get(end).is_some_and(|w| w.capitalised() && !w.is_mark());
                while end - at <= MAX_NAME_WORDS
                    && words.get(end).is_some_and(|w| w.capitalised() && !is_head(words, end))
                {
                    end += 1;
                    complete = true;
                }
                continue;
            }
        } else if (word.capitalised() && complete) || word.text.contains('/') {
            break;
        }
        end += 1;
        if word.text == "Sở" && end > at + head + 1 {
            // "Thanh tra Sở", "Văn phòng Sở": complete, unless "Sở Công Thương" follows.
            complete = !words.get(end).is_some_and(|w| w.capitalised() && !w.is_mark());
        }
        if end - at > MAX_NAME_WORDS {
            return None;
        }
    }
    if end == at + head {
        return None;
    }
    let name = committee_short(span(text, words, at, end));
    Some(Found { unit: Named { kind: kind_of(&name), name }, end })
}

/// "các sở, ngành", "các cơ quan, đơn vị liên quan", "Các doanh nghiệp trong các khu, cụm
/// công nghiệp": "các", nouns, and a qualifier up to the verb.
fn group_at(text: &str, words: &[Word], at: usize) -> Option<Found> {
    let noun =
        GROUP_NOUNS.iter().filter(|n| lower_at(words, at + 1, n)).max_by_key(|n| length(n))?;
    let mut end = at + 1 + length(noun);
    // More nouns: "các sở, ngành, địa phương", "các sở, ban, ngành và địa phương" (a few:
    // "các sở, sở, sở …" the length of a text is no group).
    while let Some(word) = words.get(end).filter(|_| end - at <= MAX_NAME_WORDS) {
        if !(word.is(",") || word.lower() == "và") {
            break;
        }
        match GROUP_NOUNS.iter().filter(|n| lower_at(words, end + 1, n)).max_by_key(|n| length(n)) {
            Some(noun) => end += 1 + length(noun),
            None => break,
        }
    }
    let end = qualifier_end(words, end);
    Some(Found {
        unit: Named { name: span(text, words, at, end).to_owned(), kind: UnitKind::Group },
        end,
    })
}

/// "ngành chức năng", "ngành điện", "lực lượng chức năng".
fn bare_group_at(text: &str, words: &[Word], at: usize, noun: usize) -> Option<Found> {
    let end = qualifier_end(words, at + noun);
    // The bare noun alone is no unit ("ngành" in "toàn ngành").
    (end > at + noun).then(|| Found {
        unit: Named { name: span(text, words, at, end).to_owned(), kind: UnitKind::Group },
        end,
    })
}

/// Where a group's qualifier ends: at a verb, a mark, or a separator before another unit.
fn qualifier_end(words: &[Word], from: usize) -> usize {
    let mut end = from;
    while let Some(word) = words.get(end) {
        let allowed = GROUP_QUALIFIERS.iter().any(|q| lower_at(words, end, q));
        if word.is(",") {
            // "trong các khu, cụm công nghiệp": a comma inside the qualifier, before a
            // lower-case word that is no verb.
            let next_ok = words.get(end + 1).is_some_and(|n| {
                n.lowercase() && !ends_a_name(words, end + 1) && n.lower() != "các"
            });
            if next_ok && end > from {
                end += 1;
                continue;
            }
            break;
        }
        if word.is("-") && words.get(end + 1).is_some_and(|n| n.capitalised()) {
            end += 1;
            continue;
        }
        if word.is_mark() || word.lower() == "và" {
            break;
        }
        if word.lowercase() && !allowed && ends_a_name(words, end) {
            break;
        }
        if word.text.contains('/') {
            break;
        }
        end += 1;
        if end - from > 14 {
            break;
        }
    }
    end
}

/// A name with "Ủy ban nhân dân" written "UBND", as notices and the file write it.
fn committee_short(name: &str) -> String {
    let mut name = name.to_owned();
    for long in ["Ủy ban nhân dân", "Uỷ ban nhân dân", "ỦY BAN NHÂN DÂN"] {
        name = name.replace(long, "UBND");
    }
    name
}

/// The kind of body a name says it is: sở and ban are departments, UBND of a district is a
/// district, a company an enterprise, "các …" a group, the rest sectors and agencies.
pub fn kind_of(name: &str) -> UnitKind {
    let folded = fold(name);
    let starts = |prefix: &str| folded.starts_with(prefix);
    if starts("cac ")
        || starts("nganh ")
        || starts("luc luong ")
        || starts("ubnd cac ")
        || starts("ubnd cap ")
        || starts("co quan chuc nang")
    {
        UnitKind::Group
    } else if starts("ubnd huyen")
        || starts("ubnd thanh pho")
        || starts("ubnd thi xa")
        || starts("ubnd quan")
        || starts("ubnd xa")
        || starts("ubnd phuong")
    {
        UnitKind::District
    } else if starts("so ") || starts("ban ") || starts("ubnd") || starts("van phong ubnd") {
        UnitKind::Department
    } else if starts("cong ty")
        || starts("tong cong ty")
        || starts("tap doan")
        || starts("nha may")
        || starts("doanh nghiep")
    {
        UnitKind::Enterprise
    } else {
        UnitKind::Sector
    }
}

/// The units listed from word `at` on ("Sở A, Sở B và UBND huyện C"), and the word after
/// the list. Stops at the first separator not followed by a unit.
pub fn list_at(names: &Names, text: &str, words: &[Word], at: usize) -> (Vec<Named>, usize) {
    let mut units = Vec::new();
    let mut end = at;
    let Some(first) = names.unit_at(text, words, at) else { return (units, at) };
    units.push(first.unit);
    end = end.max(first.end);
    loop {
        let mut next = end;
        // ", và" and "; " separate too.
        while words.get(next).is_some_and(separates) {
            next += 1;
        }
        if next == end {
            break;
        }
        match names.unit_at(text, words, next) {
            Some(found) => {
                units.push(found.unit);
                end = found.end;
            }
            None => break,
        }
    }
    (units, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(text: &str) -> Option<String> {
        let names = Names::builtin();
        let words = words(text);
        names.unit_at(text, &words, 0).map(|found| found.unit.name)
    }

    fn list(text: &str) -> Vec<String> {
        let names = Names::builtin();
        let words = words(text);
        list_at(&names, text, &words, 0).0.into_iter().map(|u| u.name).collect()
    }

    #[test]
    fn a_name_ends_at_the_verb_after_it() {
        assert_eq!(unit("Sở Xây dựng khảo sát, đề xuất").as_deref(), Some("Sở Xây dựng"));
        assert_eq!(unit("Sở Giao thông vận tải chủ trì").as_deref(), Some("Sở Giao thông vận tải"));
        assert_eq!(
            unit("Công ty TNHH Phát triển hạ tầng Đồng Bành đẩy nhanh").as_deref(),
            Some("Công ty TNHH Phát triển hạ tầng Đồng Bành")
        );
        assert_eq!(
            unit("Trung tâm Khuyến công và Tư vấn phát triển công nghiệp thường xuyên cập nhật")
                .as_deref(),
            Some("Trung tâm Khuyến công và Tư vấn phát triển công nghiệp")
        );
        assert_eq!(
            unit("Ngân hàng Nhà nước Việt Nam - Chi nhánh tỉnh Lạng Sơn chỉ đạo").as_deref(),
            Some("Ngân hàng Nhà nước Việt Nam - Chi nhánh tỉnh Lạng Sơn")
        );
        assert_eq!(
            unit("Phòng Kỹ thuật an toàn - Môi trường tham mưu").as_deref(),
            Some("Phòng Kỹ thuật an toàn - Môi trường")
        );
        assert_eq!(
            unit("Văn phòng Thường trực Ban Chỉ đạo 389 tỉnh tổng hợp").as_deref(),
            Some("Văn phòng Thường trực Ban Chỉ đạo 389 tỉnh")
        );
        assert_eq!(unit("Thanh tra Sở chủ trì").as_deref(), Some("Thanh tra Sở"));
        assert_eq!(unit("Báo Lạng Sơn, Đài Phát thanh").as_deref(), Some("Báo Lạng Sơn"));
    }

    #[test]
    fn short_forms_and_the_committee_are_written_in_full() {
        assert_eq!(unit("Sở KH&ĐT chủ trì").as_deref(), Some("Sở Kế hoạch và Đầu tư"));
        assert_eq!(unit("Sở Công thương định kỳ").as_deref(), Some("Sở Công Thương"));
        assert_eq!(
            unit("Sở LĐ-TB&XH chủ trì").as_deref(),
            Some("Sở Lao động - Thương binh và Xã hội")
        );
        assert_eq!(
            unit("Ủy ban nhân dân huyện Lộc Bình khẩn trương").as_deref(),
            Some("UBND huyện Lộc Bình")
        );
        assert_eq!(unit("UBND tỉnh xem xét").as_deref(), Some("UBND tỉnh"));
    }

    #[test]
    fn groups_keep_their_qualifier_up_to_the_verb() {
        assert_eq!(
            unit("UBND các huyện, thành phố có cụm công nghiệp chỉ đạo").as_deref(),
            Some("UBND các huyện, thành phố có cụm công nghiệp")
        );
        assert_eq!(unit("Các sở, ngành theo chức năng").as_deref(), Some("Các sở, ngành"));
        assert_eq!(
            unit("Các doanh nghiệp trong các khu, cụm công nghiệp nghiêm túc").as_deref(),
            Some("Các doanh nghiệp trong các khu, cụm công nghiệp")
        );
        assert_eq!(
            unit("các cơ quan, đơn vị liên quan kiểm tra").as_deref(),
            Some("các cơ quan, đơn vị liên quan")
        );
        assert_eq!(unit("ngành điện bảo vệ").as_deref(), Some("ngành điện"));
        assert_eq!(unit("Báo cáo UBND tỉnh"), None);
        assert_eq!(unit("Ban hành kế hoạch"), None);
    }

    #[test]
    fn lists_split_at_commas_and_và_but_not_inside_names() {
        assert_eq!(
            list("Sở Kế hoạch và Đầu tư và Sở Công Thương tham mưu"),
            ["Sở Kế hoạch và Đầu tư", "Sở Công Thương"]
        );
        assert_eq!(
            list("Sở Công Thương, Sở Xây dựng và UBND các huyện, thành phố tổ chức"),
            ["Sở Công Thương", "Sở Xây dựng", "UBND các huyện, thành phố"]
        );
        assert_eq!(
            list("Báo Lạng Sơn, Đài Phát thanh và Truyền hình tỉnh thông tin"),
            ["Báo Lạng Sơn", "Đài Phát thanh và Truyền hình tỉnh"]
        );
        assert_eq!(
            list("Sở Công Thương và UBND huyện Bắc Sơn xây dựng"),
            ["Sở Công Thương", "UBND huyện Bắc Sơn"]
        );
    }

    #[test]
    fn a_notice_teaches_its_own_short_forms() {
        let mut names = Names::builtin();
        names.learn_short_forms(
            "Ban Quản lý Khu kinh tế cửa khẩu Đồng Đăng - Lạng Sơn (Ban QLKKT); UBND các huyện",
        );
        let text = "Ban QLKKT hướng dẫn";
        let words = words(text);
        assert_eq!(
            names.unit_at(text, &words, 0).map(|f| f.unit.name).as_deref(),
            Some("Ban Quản lý Khu kinh tế cửa khẩu Đồng Đăng - Lạng Sơn")
        );
    }
}
