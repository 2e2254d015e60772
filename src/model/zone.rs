//! Industrial land: industrial zones (KCN), export-processing zones and clusters (CCN).

use serde::{Deserialize, Serialize};

use super::Qualifier;

/// Stable id of a zone row.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ZoneId(pub u32);

/// What kind of industrial land a row is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ZoneKind {
    /// Khu công nghiệp (KCN).
    IndustrialZone,
    /// Khu chế xuất.
    ExportProcessingZone,
    /// Cụm công nghiệp (CCN).
    IndustrialCluster,
}

/// One planned zone, or a group of them counted together ("16 cụm công nghiệp").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Zone {
    pub id: ZoneId,
    /// Name as written ("Khu công nghiệp Đồng Bành"); a group gets a descriptive name.
    pub name: String,
    pub kind: ZoneKind,
    /// Planned area in hectares; `None` where the source gives no area (never shown as 0).
    pub area_ha: Option<f64>,
    pub qualifier: Qualifier,
    /// How many zones this row stands for (16 for the clusters counted together).
    pub count: u32,
    /// Anything the source says about the row that the fields above can't hold.
    #[serde(default)]
    pub note: String,
    pub source_ref: String,
}
