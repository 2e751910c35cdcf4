//! One journal segment read from bytes, as recovery reads it from the disk:
//! every record checked, its audit entries parsed and replayed into cards,
//! up to the end or the first damage. Nothing is written.

use super::audit::parse_entry;
use super::journal::Reader;
use super::replay::Replayer;
use crate::store::Fault;

/// What reading a segment found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SegmentRead {
    /// The length of the bytes read.
    pub len: u64,
    /// Good records, in order.
    pub records: u64,
    /// Audit entries that parsed.
    pub entries: u64,
    /// Where reading stopped before the end, and why.
    pub damage: Option<SegmentDamage>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SegmentDamage {
    /// The byte the damaged record starts at.
    pub offset: u64,
    pub fault: Fault,
    /// Nothing readable follows: a record cut by a crash, which recovery drops.
    pub at_end: bool,
}

/// Reads a segment's records from memory.
pub fn read_segment(bytes: &[u8]) -> SegmentRead {
    let len = bytes.len() as u64;
    let mut reader = Reader::of_bytes(bytes.to_vec());
    let mut replayer = Replayer::default();
    let (mut records, mut entries) = (0, 0);
    let damage = loop {
        match reader.next_record() {
            Ok(Ok(Some((record, _)))) => {
                records += 1;
                for text in &record.entries {
                    if let Ok(e) = parse_entry(text) {
                        entries += 1;
                        // A story that does not add up is the audit's finding, not damage.
                        let _ = replayer.feed(&e);
                    }
                }
            }
            Ok(Ok(None)) => break None,
            Ok(Err(d)) => {
                break Some(SegmentDamage {
                    offset: d.offset,
                    fault: d.fault,
                    at_end: d.at_end,
                });
            }
            // Bytes in memory do not fail to read; a short read is a cut record.
            Err(_) => {
                break Some(SegmentDamage {
                    offset: reader.last.end,
                    fault: Fault::Cut,
                    at_end: true,
                });
            }
        }
    };
    let _ = replayer.compare(&[]);
    SegmentRead {
        len,
        records,
        entries,
        damage,
    }
}
