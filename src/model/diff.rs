//! What differs between two versions of a dataset, record by record and by the stable ids:
//! how many directives, figures, meetings, units, zones and indicators one has added,
//! removed or changed against the other. The recovery offer says it ("3 nhiệm vụ đã sửa")
//! so the user knows what a copy holds before restoring or dropping it.

use std::collections::HashMap;
use std::hash::Hash;

use super::{Dataset, Period};

/// How many records of one kind differ.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// In the newer version only.
    pub added: usize,
    /// In the older version only.
    pub removed: usize,
    /// In both, with some field different.
    pub changed: usize,
}

impl Counts {
    /// Whether nothing differs.
    pub fn is_empty(&self) -> bool {
        self.added + self.removed + self.changed == 0
    }

    /// Compares two lists of records by key.
    fn of<'a, K: Eq + Hash, T: PartialEq + 'a>(
        older: impl IntoIterator<Item = (K, &'a T)>,
        newer: impl IntoIterator<Item = (K, &'a T)>,
    ) -> Counts {
        let older: HashMap<K, &T> = older.into_iter().collect();
        let mut counts = Counts::default();
        let mut seen = 0;
        for (key, record) in newer {
            match older.get(&key) {
                Some(before) => {
                    seen += 1;
                    if *before != record {
                        counts.changed += 1;
                    }
                }
                None => counts.added += 1,
            }
        }
        counts.removed = older.len() - seen;
        counts
    }
}

/// What one version of a dataset changed against another.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Changes {
    pub directives: Counts,
    /// Figures (observations), keyed by indicator and period.
    pub figures: Counts,
    pub meetings: Counts,
    pub units: Counts,
    pub zones: Counts,
    /// Indicators by id, their name and unit (their figures are counted apart).
    pub indicators: Counts,
    /// The province, the source sentence or the letterhead differs.
    pub general: bool,
    /// The same directives, in another order.
    pub reordered: bool,
}

impl Changes {
    /// What `newer` changed against `older`.
    pub fn between(older: &Dataset, newer: &Dataset) -> Changes {
        fn figures(data: &Dataset) -> Vec<((&str, Period), &super::Observation)> {
            data.indicators
                .iter()
                .flat_map(|i| i.observations.iter().map(|o| ((i.id.as_str(), o.period), o)))
                .collect()
        }
        // An indicator's own fields: its figures are compared one by one above.
        fn indicator_heads(data: &Dataset) -> Vec<(&str, (&str, &str, &str))> {
            data.indicators
                .iter()
                .map(|i| (i.id.as_str(), (i.name.as_str(), i.name_en.as_str(), i.unit.as_str())))
                .collect()
        }
        let (old_heads, new_heads) = (indicator_heads(older), indicator_heads(newer));
        let order = |data: &Dataset| data.directives.iter().map(|d| d.id).collect::<Vec<_>>();
        let (old_order, new_order) = (order(older), order(newer));
        let common = |from: &[super::DirectiveId], other: &[super::DirectiveId]| {
            from.iter().filter(|id| other.contains(id)).copied().collect::<Vec<_>>()
        };
        let reordered = old_order != new_order
            && common(&old_order, &new_order) != common(&new_order, &old_order);
        Changes {
            directives: Counts::of(
                older.directives.iter().map(|d| (d.id, d)),
                newer.directives.iter().map(|d| (d.id, d)),
            ),
            figures: Counts::of(figures(older), figures(newer)),
            meetings: Counts::of(
                older.meetings.iter().map(|m| (m.id, m)),
                newer.meetings.iter().map(|m| (m.id, m)),
            ),
            units: Counts::of(
                older.units.iter().map(|u| (u.id, u)),
                newer.units.iter().map(|u| (u.id, u)),
            ),
            zones: Counts::of(
                older.zones.iter().map(|z| (z.id, z)),
                newer.zones.iter().map(|z| (z.id, z)),
            ),
            indicators: Counts::of(
                old_heads.iter().map(|(id, head)| (*id, head)),
                new_heads.iter().map(|(id, head)| (*id, head)),
            ),
            general: older.province != newer.province
                || older.source != newer.source
                || older.letterhead != newer.letterhead,
            reordered,
        }
    }

    /// Whether the two versions hold the same data.
    pub fn is_empty(&self) -> bool {
        [self.directives, self.figures, self.meetings, self.units, self.zones, self.indicators]
            .iter()
            .all(Counts::is_empty)
            && !self.general
            && !self.reordered
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::files::builtin;
    use crate::model::DirectiveId;

    #[test]
    fn nothing_differs_between_a_dataset_and_itself() {
        let data = builtin::dataset();
        assert!(Changes::between(&data, &data).is_empty());
    }

    #[test]
    fn each_kind_of_record_is_counted_by_its_id() {
        let older = builtin::dataset();
        let mut newer = older.clone();
        newer.directives[0].text.push_str(" (sửa)");
        newer.directives[1].deadline = Some(jiff::civil::date(2019, 12, 31));
        newer.directives.remove(2);
        let mut added = newer.directives[0].clone();
        added.id = DirectiveId(99);
        newer.directives.push(added);
        newer.indicators[0].observations[0].value += 1.0;
        newer.zones[0].note = "ghi chú".into();
        let changes = Changes::between(&older, &newer);
        assert_eq!(changes.directives, Counts { added: 1, removed: 1, changed: 2 });
        assert_eq!(changes.figures, Counts { added: 0, removed: 0, changed: 1 });
        assert_eq!(changes.zones.changed, 1);
        assert!(changes.meetings.is_empty() && changes.units.is_empty());
        assert!(!changes.reordered, "an added and a removed directive are no reordering");
        assert!(!changes.is_empty());
    }

    #[test]
    fn a_moved_directive_is_a_reordering() {
        let older = builtin::dataset();
        let mut newer = older.clone();
        newer.directives.swap(0, 1);
        let changes = Changes::between(&older, &newer);
        assert!(changes.reordered && changes.directives.is_empty());
    }
}
