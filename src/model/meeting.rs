//! Meetings, the units that follow up their directives, and the directives themselves.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// Stable id of a meeting.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct MeetingId(pub u32);

/// Stable id of a unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct UnitId(pub u32);

/// Stable id of a directive.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DirectiveId(pub u32);

/// A meeting of the People's Committee whose conclusions are followed up.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    pub id: MeetingId,
    pub title: String,
    pub date: Date,
    /// Who chaired it, with their office ("Nguyễn Công Trưởng, Phó Chủ tịch UBND tỉnh").
    pub chair: String,
    /// Who attended, one group a line.
    pub attendees: Vec<String>,
    /// The body whose report the meeting discussed (Sở Công Thương).
    #[serde(default)]
    pub reporting_body: String,
    /// Topics discussed.
    pub topics: Vec<String>,
    /// The chair's assessment, one point a line.
    pub assessment: Vec<String>,
    pub source_ref: String,
}

/// What kind of body a unit is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum UnitKind {
    /// A provincial department (sở) or the committee itself.
    Department,
    /// A sector or agency (ngành, ban).
    Sector,
    /// A district or city (huyện, thành phố).
    District,
    /// An enterprise (doanh nghiệp).
    Enterprise,
    /// A group addressed together, as a directive may name them ("các sở, ngành").
    Group,
}

/// A body that can lead or support a directive.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Unit {
    pub id: UnitId,
    pub name: String,
    pub kind: UnitKind,
}

/// One dated line of follow-up on a directive.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProgressNote {
    pub date: Date,
    pub text: String,
}

/// One conclusion of a meeting (kết luận chỉ đạo), followed up until it is done.
///
/// Its status is never stored: it follows from `deadline`, `completed_on` and today
/// (see `crate::model::status`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Directive {
    pub id: DirectiveId,
    pub meeting_id: MeetingId,
    pub text: String,
    /// The units the meeting addressed it to, as the source says ("các sở, ngành").
    #[serde(default)]
    pub addressees: Vec<UnitId>,
    /// The unit in charge (chủ trì), chosen during follow-up.
    pub lead_unit: Option<UnitId>,
    /// Units that support it (phối hợp).
    pub supporting_units: Vec<UnitId>,
    pub deadline: Option<Date>,
    /// What is to be delivered (a report, a scheme, a decision ...).
    pub expected_output: String,
    pub progress: Vec<ProgressNote>,
    pub completed_on: Option<Date>,
}
