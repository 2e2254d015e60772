//! Where a file's content came from, so two copies of it can be merged: each save gives
//! the file a new revision id and records the ids it descends from; each record (meeting,
//! unit, directive, zone, figure) keeps when it was last changed; and the app keeps the
//! versions it opened and saved in a bounded store, so the latest version two copies share
//! can be found and read back.
//!
//! All of it lives in the file's envelope, beside the dataset (`revision: (…)`,
//! `modified: {…}`): a build that does not know these fields reads the file as before.

use std::collections::BTreeMap;
use std::fmt;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::model::{DirectiveId, MeetingId, Period, UnitId, ZoneId};

/// How many ancestors a file names: enough for months of weekly saves by several people
/// between two merges.
pub const ANCESTORS: usize = 64;

/// One record of a dataset, by its stable id.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RecordKey {
    Meeting(MeetingId),
    Unit(UnitId),
    Directive(DirectiveId),
    Zone(ZoneId),
    /// An indicator's name, unit (not its figures).
    Indicator(String),
    /// One figure: the indicator and the period.
    Figure(String, Period),
    /// The file's own fields: province, source, letterhead.
    Settings,
}

impl RecordKey {
    /// The period as a short stable text: `2019-M07`, `2019-Q2`, `2019-F6`, `2019`.
    fn period_text(period: Period) -> String {
        match period {
            Period::Month { year, month } => format!("{year}-M{month:02}"),
            Period::Quarter { year, quarter } => format!("{year}-Q{quarter}"),
            Period::FirstMonths { year, months } => format!("{year}-F{months}"),
            Period::Year { year } => format!("{year}"),
        }
    }

    fn parse_period(text: &str) -> Option<Period> {
        let (year, rest) = text.split_once('-').map_or((text, ""), |(y, r)| (y, r));
        let year: i16 = year.parse().ok()?;
        let number = |s: &str| s.parse::<u8>().ok();
        Some(match rest.chars().next() {
            None => Period::Year { year },
            Some('M') => Period::Month { year, month: number(&rest[1..])? },
            Some('Q') => Period::Quarter { year, quarter: number(&rest[1..])? },
            Some('F') => Period::FirstMonths { year, months: number(&rest[1..])? },
            _ => return None,
        })
    }
}

impl fmt::Display for RecordKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RecordKey::Meeting(id) => write!(f, "meeting {}", id.0),
            RecordKey::Unit(id) => write!(f, "unit {}", id.0),
            RecordKey::Directive(id) => write!(f, "directive {}", id.0),
            RecordKey::Zone(id) => write!(f, "zone {}", id.0),
            RecordKey::Indicator(id) => write!(f, "indicator {id}"),
            RecordKey::Figure(id, period) => {
                write!(f, "figure {id} {}", Self::period_text(*period))
            }
            RecordKey::Settings => write!(f, "settings"),
        }
    }
}

impl std::str::FromStr for RecordKey {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let parts: Vec<&str> = text.split(' ').collect();
        let number = |s: &str| s.parse::<u32>().map_err(|_| format!("not a record: {text}"));
        Ok(match parts.as_slice() {
            ["meeting", id] => RecordKey::Meeting(MeetingId(number(id)?)),
            ["unit", id] => RecordKey::Unit(UnitId(number(id)?)),
            ["directive", id] => RecordKey::Directive(DirectiveId(number(id)?)),
            ["zone", id] => RecordKey::Zone(ZoneId(number(id)?)),
            ["indicator", id] => RecordKey::Indicator((*id).to_owned()),
            ["figure", id, period] => RecordKey::Figure(
                (*id).to_owned(),
                Self::parse_period(period).ok_or_else(|| format!("not a period: {period}"))?,
            ),
            ["settings"] => RecordKey::Settings,
            _ => return Err(format!("not a record: {text}")),
        })
    }
}

impl Serialize for RecordKey {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for RecordKey {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// When each record was last changed.
pub type Stamps = BTreeMap<RecordKey, Timestamp>;

/// A saved state of a file: its id, and the ids of the states it descends from, nearest
/// first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Revision {
    pub id: String,
    #[serde(default)]
    pub ancestors: Vec<String>,
}

impl Revision {
    /// A new revision descending from `parent` (none for a file never saved with one).
    pub fn after(parent: Option<&Revision>) -> Revision {
        let mut ancestors = Vec::new();
        if let Some(parent) = parent {
            ancestors.push(parent.id.clone());
            ancestors.extend(parent.ancestors.iter().take(ANCESTORS - 1).cloned());
        }
        Revision { id: fresh_id(), ancestors }
    }

    /// A new revision merging `parents` (the file's own first): it descends from all of
    /// them, so a later merge with a copy of any finds their common version.
    pub fn merging(parents: &[&Revision]) -> Revision {
        let mut ancestors: Vec<String> = Vec::new();
        let mut add = |id: &str| {
            if !ancestors.iter().any(|a| a == id) {
                ancestors.push(id.to_owned());
            }
        };
        for parent in parents {
            add(&parent.id);
        }
        let longest = parents.iter().map(|p| p.ancestors.len()).max().unwrap_or(0);
        for depth in 0..longest {
            for parent in parents {
                if let Some(id) = parent.ancestors.get(depth) {
                    add(id);
                }
            }
        }
        ancestors.truncate(ANCESTORS);
        Revision { id: fresh_id(), ancestors }
    }

    /// Its id and its ancestors', nearest first.
    pub fn lineage(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.id.as_str()).chain(self.ancestors.iter().map(String::as_str))
    }
}

/// An id no other save makes: the time, this process and a counter, hashed.
fn fresh_id() -> String {
    use std::hash::{BuildHasher, Hasher};
    static COUNTER: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_i128(Timestamp::now().as_nanosecond());
    hasher.write_u32(std::process::id());
    hasher.write_u64(COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed));
    format!("{:016x}", hasher.finish())
}

/// What a file says about itself besides its data.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FileMeta {
    /// The revision the file was saved as; `None` for files saved before revisions.
    pub revision: Option<Revision>,
    pub stamps: Stamps,
}

/// The revisions both lineages hold, nearest to `mine` first: the latest is their common
/// ancestor; the others are tried when the store no longer has it.
pub fn shared_revisions<'a>(mine: &'a Revision, other: &'a Revision) -> Vec<&'a str> {
    let theirs: std::collections::HashSet<&str> = other.lineage().collect();
    mine.lineage().filter(|id| theirs.contains(id)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn record_keys_read_back_as_written() {
        let keys = [
            RecordKey::Meeting(MeetingId(3)),
            RecordKey::Unit(UnitId(12)),
            RecordKey::Directive(DirectiveId(10_000)),
            RecordKey::Zone(ZoneId(1)),
            RecordKey::Indicator("electricity".into()),
            RecordKey::Figure("stone".into(), Period::FirstMonths { year: 2019, months: 6 }),
            RecordKey::Figure("stone".into(), Period::Month { year: 2019, month: 7 }),
            RecordKey::Figure("stone".into(), Period::Quarter { year: 2019, quarter: 2 }),
            RecordKey::Figure("stone".into(), Period::Year { year: 2019 }),
            RecordKey::Settings,
        ];
        for key in keys {
            assert_eq!(key.to_string().parse::<RecordKey>().unwrap(), key);
        }
        assert!("directive x".parse::<RecordKey>().is_err());
    }

    #[test]
    fn revisions_descend_and_share_their_ancestors() {
        let root = Revision::after(None);
        let a1 = Revision::after(Some(&root));
        let a2 = Revision::after(Some(&a1));
        let b1 = Revision::after(Some(&root));
        assert_ne!(a1.id, b1.id);
        assert_eq!(a2.ancestors, [a1.id.clone(), root.id.clone()]);
        assert_eq!(shared_revisions(&a2, &b1), [root.id.as_str()]);
        assert_eq!(shared_revisions(&a2, &a1), [a1.id.as_str(), root.id.as_str()]);
        let mut long = root.clone();
        for _ in 0..100 {
            long = Revision::after(Some(&long));
        }
        assert_eq!(long.ancestors.len(), ANCESTORS);
    }
}
