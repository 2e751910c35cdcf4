//! The journal: the store's record of truth and its audit log. Every change is
//! one record appended to the last segment file and `fdatasync`ed before the
//! change is acknowledged; sled only holds what the records add up to.
//!
//! A segment starts with [`MAGIC`]; a record is its payload's length (u32,
//! little-endian), the first 8 bytes of the payload's SHA-256, and the payload.
//! Each payload names the previous record's full hash, so the records form one
//! chain across segments; the audit entries inside form one chain per round.

use std::fs::{self, File, OpenOptions};
use std::io::{self, BufReader, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// The first bytes of every segment: the format and its version.
pub const MAGIC: &[u8; 8] = b"PSJRNL\x00\x01";
/// A segment is closed and a new one begun once it passes this size.
const SEGMENT_BYTES: u64 = 64 * 1024 * 1024;
/// Length and checksum before each payload.
const FRAME: u64 = 12;
/// Zeros written ahead of the records, so that a record's `fdatasync` has
/// only data to flush, never the file's size; a frame of zeros ends the data.
const ROOM: u64 = 256 * 1024;
/// No record is larger; a length beyond it is damage, not a record.
const RECORD_MAX: u64 = 1024 * 1024 * 1024;
/// The folder of the segments, inside the store folder.
pub const FOLDER: &str = "journal";
/// A file in the journal's folder naming damage found before the journal's
/// end; while it is there the store takes no changes.
pub const DAMAGED: &str = "damaged.json";

pub type Hash = [u8; 32];

/// One key's new value, or its removal, in the current state.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Op {
    Put(Vec<u8>, Vec<u8>),
    Del(Vec<u8>),
}

/// One change, as the journal keeps it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    /// 1 for the first record of the store, then one more each time.
    pub seq: u64,
    /// The previous record's hash (zeros before the first).
    pub prev: Hash,
    pub ops: Vec<Op>,
    /// The change's audit entries, as JSON (the text their hashes are over).
    pub entries: Vec<String>,
}

/// Where a record lies and what it is: enough to find it again and to know
/// it is the same record.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Position {
    pub segment: u32,
    /// The record's first byte (its frame).
    pub start: u64,
    /// The first byte after it.
    pub end: u64,
    pub seq: u64,
    pub hash: Hash,
}

/// Why a stretch of the journal could not be read as records.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Fault {
    /// The segment does not start with the journal's mark.
    Header,
    /// The segment was written by a newer format.
    Newer(u8),
    /// The frame's length runs past the end of the file.
    Cut,
    /// The length is beyond any record's.
    Length(u64),
    /// The payload does not match its checksum.
    Checksum,
    /// The payload does not decode.
    Decode,
    /// The record's number is not the one after the previous record's.
    Sequence { expected: u64, found: u64 },
    /// The record does not name the previous record's hash.
    Chain,
}

impl std::fmt::Display for Fault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::lang::Say::en(self))
    }
}

impl crate::lang::Say for Fault {
    fn zh(&self) -> String {
        match self {
            Fault::Header => "文件开头不是日志标记".into(),
            Fault::Newer(v) => format!("由更新版本的 pingshen 写入（日志格式 {v}）"),
            Fault::Cut => "记录不完整".into(),
            Fault::Length(n) => format!("记录长度 {n} 字节不可能"),
            Fault::Checksum => "内容与校验值不符".into(),
            Fault::Decode => "内容无法解读".into(),
            Fault::Sequence { expected, found } => {
                format!("应为第 {expected} 条记录，实为第 {found} 条")
            }
            Fault::Chain => "与前一条记录的哈希链接不上".into(),
        }
    }

    fn en(&self) -> String {
        match self {
            Fault::Header => "the file does not start with the journal's mark".into(),
            Fault::Newer(v) => format!("written by a newer pingshen (journal format {v})"),
            Fault::Cut => "the record is incomplete".into(),
            Fault::Length(n) => format!("a record length of {n} bytes is impossible"),
            Fault::Checksum => "its content does not match its checksum".into(),
            Fault::Decode => "its content does not read".into(),
            Fault::Sequence { expected, found } => {
                format!("record {expected} was expected, record {found} found")
            }
            Fault::Chain => "it does not name the previous record's hash".into(),
        }
    }
}

/// A fault and where it is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Damage {
    pub segment: u32,
    pub offset: u64,
    /// The number the record there should have had.
    pub seq: u64,
    pub fault: Fault,
    /// Nothing readable follows in the journal: a record cut by a crash.
    pub at_end: bool,
}

pub fn hash(payload: &[u8]) -> Hash {
    Sha256::digest(payload).into()
}

pub fn hex(h: &Hash) -> String {
    h.iter().map(|b| format!("{b:02x}")).collect()
}

pub fn segment_name(n: u32) -> String {
    format!("{n:08}.psj")
}

/// The segments in a journal folder, by number.
pub fn segments(dir: &Path) -> io::Result<Vec<(u32, PathBuf)>> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name();
        let Some(n) = name
            .to_str()
            .and_then(|s| s.strip_suffix(".psj"))
            .and_then(|s| s.parse::<u32>().ok())
        else {
            continue;
        };
        out.push((n, entry.path()));
    }
    out.sort();
    Ok(out)
}

/// The format version of a segment written by a newer pingshen, if any.
pub fn newer_format(dir: &Path) -> io::Result<Option<u8>> {
    for (_, path) in segments(dir)? {
        let mut magic = [0u8; 8];
        let mut f = File::open(&path)?;
        if f.read_exact(&mut magic).is_ok() && magic[..7] == MAGIC[..7] && magic[7] > MAGIC[7] {
            return Ok(Some(magic[7]));
        }
    }
    Ok(None)
}

/// True when the journal holds at least one record.
pub fn has_records(dir: &Path) -> io::Result<bool> {
    if !dir.is_dir() {
        return Ok(false);
    }
    for (_, path) in segments(dir)? {
        let mut f = File::open(&path)?;
        let mut head = [0u8; 12];
        f.seek(SeekFrom::Start(MAGIC.len() as u64))?;
        if f.read_exact(&mut head).is_ok() && head.iter().any(|b| *b != 0) {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Encodes a record into its frame and payload, with the payload's hash.
pub fn frame(record: &Record) -> (Vec<u8>, Hash) {
    // A record holds only byte strings, numbers and text: encoding cannot fail.
    let payload = postcard::to_stdvec(record).unwrap_or_default();
    let h = hash(&payload);
    let mut out = Vec::with_capacity(payload.len() + FRAME as usize);
    out.extend_from_slice(&(payload.len() as u32).to_le_bytes());
    out.extend_from_slice(&h[..8]);
    out.extend_from_slice(&payload);
    (out, h)
}

/// Where a reader's bytes come from: a segment file, or bytes in memory.
trait Source: Read + Seek {}

impl<T: Read + Seek> Source for T {}

/// Reads the records of a journal folder in order, from a position on.
pub struct Reader {
    segments: Vec<(u32, PathBuf)>,
    /// Index into `segments` of the open one.
    at: usize,
    file: Option<Box<dyn Source>>,
    offset: u64,
    len: u64,
    /// The last good record.
    pub last: Position,
    /// Its payload, as read.
    payload: Vec<u8>,
    done: bool,
}

impl Reader {
    /// Starts after `after` (or at the very beginning).
    pub fn open(dir: &Path, after: Option<Position>) -> io::Result<Reader> {
        let segments = segments(dir)?;
        let last = after.unwrap_or_default();
        let at = match after {
            Some(p) => segments
                .iter()
                .position(|(n, _)| *n == p.segment)
                .unwrap_or(segments.len()),
            None => 0,
        };
        let mut r = Reader {
            segments,
            at,
            file: None,
            offset: 0,
            len: 0,
            last,
            payload: Vec::new(),
            done: false,
        };
        if r.at < r.segments.len() {
            r.open_segment(after.map(|p| p.end))?;
        } else if after.is_some() {
            r.done = true;
        }
        Ok(r)
    }

    /// Reads one segment held in memory, as the last segment of a journal
    /// numbered 1 (a segment restored from elsewhere, or bytes under test).
    pub fn of_bytes(bytes: Vec<u8>) -> Reader {
        Reader {
            segments: vec![(1, PathBuf::from(segment_name(1)))],
            at: 0,
            len: bytes.len() as u64,
            file: Some(Box::new(io::Cursor::new(bytes))),
            offset: 0,
            last: Position::default(),
            payload: Vec::new(),
            done: false,
        }
    }

    fn open_segment(&mut self, from: Option<u64>) -> io::Result<()> {
        let file = File::open(&self.segments[self.at].1)?;
        self.len = file.metadata()?.len();
        let mut file: Box<dyn Source> = Box::new(BufReader::with_capacity(256 * 1024, file));
        match from {
            Some(off) => {
                file.seek(SeekFrom::Start(off))?;
                self.offset = off;
            }
            None => self.offset = 0,
        }
        self.file = Some(file);
        Ok(())
    }

    fn segment(&self) -> u32 {
        self.segments.get(self.at).map_or(0, |s| s.0)
    }

    fn is_last_segment(&self) -> bool {
        self.at + 1 >= self.segments.len()
    }

    /// The last record read, framed exactly as it lies in the journal.
    pub fn framed(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.payload.len() + FRAME as usize);
        out.extend_from_slice(&(self.payload.len() as u32).to_le_bytes());
        out.extend_from_slice(&self.last.hash[..8]);
        out.extend_from_slice(&self.payload);
        out
    }

    /// The segments being read, by number.
    pub fn files(&self) -> &[(u32, PathBuf)] {
        &self.segments
    }

    fn damage(&mut self, fault: Fault, at_end: bool) -> Damage {
        self.done = true;
        Damage {
            segment: self.segment(),
            offset: self.offset,
            seq: self.last.seq + 1,
            fault,
            at_end,
        }
    }

    /// The next record, `Ok(None)` at the end, or the damage that stops reading.
    pub fn next_record(&mut self) -> io::Result<Result<Option<(Record, Position)>, Damage>> {
        loop {
            if self.done || self.at >= self.segments.len() {
                return Ok(Ok(None));
            }
            let last_segment = self.is_last_segment();
            let Some(file) = self.file.as_mut() else {
                return Ok(Ok(None));
            };
            if self.offset == 0 {
                let mut magic = [0u8; 8];
                let ok = self.len >= 8 && file.read_exact(&mut magic).is_ok() && &magic == MAGIC;
                if !ok && magic[..7] == MAGIC[..7] && magic[7] > MAGIC[7] {
                    return Ok(Err(self.damage(Fault::Newer(magic[7]), false)));
                }
                if !ok {
                    let at_end = last_segment && self.len < 8;
                    return Ok(Err(self.damage(Fault::Header, at_end)));
                }
                self.offset = 8;
            }
            if self.offset >= self.len {
                if self.is_last_segment() {
                    self.done = true;
                    return Ok(Ok(None));
                }
                self.at += 1;
                self.open_segment(None)?;
                continue;
            }
            if self.len - self.offset < FRAME {
                return Ok(Err(self.damage(Fault::Cut, last_segment)));
            }
            let mut head = [0u8; FRAME as usize];
            file.read_exact(&mut head)?;
            if head.iter().all(|b| *b == 0) {
                // Room made ahead of the records: the segment's data ends here.
                if !rest_is_zero(file)? {
                    return Ok(Err(self.damage(Fault::Checksum, false)));
                }
                if last_segment {
                    self.done = true;
                    return Ok(Ok(None));
                }
                self.at += 1;
                self.open_segment(None)?;
                continue;
            }
            let n = u64::from(u32::from_le_bytes([head[0], head[1], head[2], head[3]]));
            if n > RECORD_MAX {
                let at_end = last_segment && rest_is_zero(file)?;
                return Ok(Err(self.damage(Fault::Length(n), at_end)));
            }
            let end = self.offset + FRAME + n;
            if end > self.len {
                return Ok(Err(self.damage(Fault::Cut, last_segment)));
            }
            let mut payload = vec![0u8; n as usize];
            file.read_exact(&mut payload)?;
            let h = hash(&payload);
            let decoded = postcard::from_bytes::<Record>(&payload);
            if h[..8] != head[4..12] || decoded.is_err() {
                // A bad record followed by nothing but zeros was being written
                // when the process or the power stopped; with more after it,
                // it is damage.
                let at_end = last_segment && rest_is_zero(file)?;
                let fault = if h[..8] != head[4..12] {
                    Fault::Checksum
                } else {
                    Fault::Decode
                };
                return Ok(Err(self.damage(fault, at_end)));
            }
            let Ok(record) = decoded else {
                return Ok(Err(self.damage(Fault::Decode, false)));
            };
            let expected = self.last.seq + 1;
            if record.seq != expected {
                let found = record.seq;
                return Ok(Err(self.damage(Fault::Sequence { expected, found }, false)));
            }
            if record.prev != self.last.hash {
                return Ok(Err(self.damage(Fault::Chain, false)));
            }
            let pos = Position {
                segment: self.segment(),
                start: self.offset,
                end,
                seq: record.seq,
                hash: h,
            };
            self.offset = end;
            self.last = pos;
            self.payload = payload;
            return Ok(Ok(Some((record, pos))));
        }
    }
}

/// True when nothing but zero bytes is left to read (a file system can leave
/// zeros where a write was cut short).
fn rest_is_zero(file: &mut impl Read) -> io::Result<bool> {
    let mut buf = [0u8; 64 * 1024];
    loop {
        let n = file.read(&mut buf)?;
        if n == 0 {
            return Ok(true);
        }
        if buf[..n].iter().any(|b| *b != 0) {
            return Ok(false);
        }
    }
}

/// True when everything in `file` from `offset` on is zero.
fn zeros_from(file: &File, offset: u64) -> io::Result<bool> {
    let mut f = file.try_clone()?;
    f.seek(SeekFrom::Start(offset))?;
    rest_is_zero(&mut BufReader::new(f))
}

/// Reads the one record at a position, to check it is the one named there.
pub fn read_at(dir: &Path, p: &Position) -> io::Result<Option<Hash>> {
    let path = dir.join(segment_name(p.segment));
    let mut file = match File::open(&path) {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    let len = file.metadata()?.len();
    if p.end > len || p.end < p.start + FRAME {
        return Ok(None);
    }
    file.seek(SeekFrom::Start(p.start))?;
    let mut buf = vec![0u8; (p.end - p.start) as usize];
    file.read_exact(&mut buf)?;
    let n = u64::from(u32::from_le_bytes([buf[0], buf[1], buf[2], buf[3]]));
    if n + FRAME != p.end - p.start {
        return Ok(None);
    }
    Ok(Some(hash(&buf[FRAME as usize..])))
}

/// Appends records to the last segment, each made durable before it returns.
pub struct Writer {
    dir: PathBuf,
    file: File,
    segment: u32,
    end: u64,
    /// The file's length: zeros from `end` on.
    room: u64,
    last: Position,
}

/// An append that did not reach the disk.
#[derive(Debug)]
pub enum AppendError {
    /// Nothing of the record remains; the journal is as it was.
    NotWritten(io::Error),
    /// The record's bytes may or may not be on the disk (its sync failed).
    Unknown(io::Error),
}

impl Writer {
    /// Continues the journal after its last good record, cutting what follows
    /// it in that segment (a record that was never acknowledged).
    pub fn resume(dir: &Path, last: Position, segment: u32) -> io::Result<Writer> {
        let path = dir.join(segment_name(segment));
        let file = OpenOptions::new().read(true).write(true).open(&path)?;
        let end = if last.segment == segment && last.seq > 0 {
            last.end
        } else {
            MAGIC.len() as u64
        };
        let len = file.metadata()?.len();
        let mut room = len;
        if len < end {
            // The segment's own mark was cut: write it again.
            file.set_len(0)?;
            write_at(&file, MAGIC, 0)?;
            file.sync_all()?;
            room = end;
        } else if len > end && !zeros_from(&file, end)? {
            // What follows the last good record was never acknowledged.
            file.set_len(end)?;
            file.sync_all()?;
            room = end;
        }
        Ok(Writer {
            dir: dir.to_path_buf(),
            file,
            segment,
            end,
            room,
            last,
        })
    }

    /// Makes a new journal folder with an empty first segment, durably and
    /// whole: made beside under another name, then renamed into place.
    pub fn create(dir: &Path) -> io::Result<()> {
        let name = dir
            .file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default();
        let parent = dir.parent().unwrap_or(Path::new("."));
        let tmp = parent.join(format!("{name}.new"));
        if tmp.exists() {
            fs::remove_dir_all(&tmp)?;
        }
        fs::create_dir_all(&tmp)?;
        new_segment(&tmp, 1)?;
        fs::rename(&tmp, dir)?;
        sync_dir(parent)
    }

    pub fn last(&self) -> Position {
        self.last
    }

    /// Appends one change: one write and one `fdatasync`.
    pub fn append(&mut self, ops: Vec<Op>, entries: Vec<String>) -> Result<Position, AppendError> {
        self.append_giving_back(ops, entries).map(|(pos, _)| pos)
    }

    /// Appends a record as [`Writer::append`] does and gives its values back,
    /// for the state to take them.
    pub fn append_giving_back(
        &mut self,
        ops: Vec<Op>,
        entries: Vec<String>,
    ) -> Result<(Position, Vec<Op>), AppendError> {
        let record = Record {
            seq: self.last.seq + 1,
            prev: self.last.hash,
            ops,
            entries,
        };
        let (bytes, h) = frame(&record);
        if self.end > MAGIC.len() as u64 && self.end + bytes.len() as u64 > SEGMENT_BYTES {
            self.rotate().map_err(AppendError::NotWritten)?;
        }
        let need = self.end + bytes.len() as u64;
        if need > self.room {
            self.make_room(need).map_err(AppendError::NotWritten)?;
        }
        if let Err(e) = write_at(&self.file, &bytes, self.end) {
            // Take back whatever part of the record reached the file.
            let zeros = vec![0u8; bytes.len()];
            return match write_at(&self.file, &zeros, self.end) {
                Ok(()) => Err(AppendError::NotWritten(e)),
                Err(_) => Err(AppendError::Unknown(e)),
            };
        }
        self.file.sync_data().map_err(AppendError::Unknown)?;
        let pos = Position {
            segment: self.segment,
            start: self.end,
            end: self.end + bytes.len() as u64,
            seq: record.seq,
            hash: h,
        };
        self.end = pos.end;
        self.last = pos;
        Ok((pos, record.ops))
    }

    fn rotate(&mut self) -> io::Result<()> {
        let next = self.segment + 1;
        self.file = new_segment(&self.dir, next)?;
        self.segment = next;
        self.end = MAGIC.len() as u64;
        self.room = self.end;
        Ok(())
    }

    /// Writes zeros past the end of the file, synced with the file's new
    /// length; on failure the file is as it was.
    fn make_room(&mut self, need: u64) -> io::Result<()> {
        let target = need.div_ceil(ROOM) * ROOM + ROOM;
        let zeros = vec![0u8; (target - self.room) as usize];
        let done = write_at(&self.file, &zeros, self.room).and_then(|()| self.file.sync_all());
        if let Err(e) = done {
            let _ = self.file.set_len(self.room);
            return Err(e);
        }
        self.room = target;
        Ok(())
    }
}

/// Creates segment `n` holding only the mark, synced with its folder entry.
fn new_segment(dir: &Path, n: u32) -> io::Result<File> {
    let path = dir.join(segment_name(n));
    let file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(true)
        .open(&path)?;
    write_at(&file, MAGIC, 0)?;
    file.sync_all()?;
    sync_dir(dir)?;
    Ok(file)
}

#[cfg(unix)]
fn write_at(file: &File, bytes: &[u8], offset: u64) -> io::Result<()> {
    use std::os::unix::fs::FileExt;
    file.write_all_at(bytes, offset)
}

#[cfg(not(unix))]
fn write_at(mut file: &File, bytes: &[u8], offset: u64) -> io::Result<()> {
    file.seek(SeekFrom::Start(offset))?;
    file.write_all(bytes)
}

/// fsyncs a folder, so that the files it names stay named after a power cut.
#[cfg(unix)]
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

/// Windows keeps folder entries with the files; there is no folder to fsync.
#[cfg(not(unix))]
pub fn sync_dir(_: &Path) -> io::Result<()> {
    Ok(())
}

/// Writes a file whole and durably under its final name (beside, synced,
/// renamed); `private` makes it readable by its owner only.
pub fn write_whole(path: &Path, bytes: &[u8], private: bool) -> io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.partial"));
    let mut options = OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    if private {
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    }
    #[cfg(not(unix))]
    let _ = private;
    let mut f = options.open(&tmp)?;
    // A left-over partial file keeps its old mode when opened again.
    #[cfg(unix)]
    if private {
        use std::os::unix::fs::PermissionsExt;
        f.set_permissions(fs::Permissions::from_mode(0o600))?;
    }
    f.write_all(bytes)?;
    f.sync_all()?;
    fs::rename(&tmp, path)?;
    sync_dir(dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn put(k: &str, v: &str) -> Op {
        Op::Put(k.as_bytes().to_vec(), v.as_bytes().to_vec())
    }

    fn read_all(dir: &Path) -> (Vec<Record>, Option<Damage>) {
        let mut r = Reader::open(dir, None).unwrap();
        let mut out = Vec::new();
        loop {
            match r.next_record().unwrap() {
                Ok(Some((rec, _))) => out.push(rec),
                Ok(None) => return (out, None),
                Err(d) => return (out, Some(d)),
            }
        }
    }

    #[test]
    fn records_chain_and_read_back_in_order() {
        let t = tempfile::tempdir().unwrap();
        Writer::create(t.path()).unwrap();
        let mut w = Writer::resume(t.path(), Position::default(), 1).unwrap();
        let a = w.append(vec![put("a", "1")], vec!["{}".into()]).unwrap();
        let b = w.append(vec![Op::Del(b"a".to_vec())], vec![]).unwrap();
        assert_eq!((a.seq, b.seq), (1, 2));
        assert_eq!(a.end, b.start);
        let (recs, damage) = read_all(t.path());
        assert_eq!(damage, None);
        assert_eq!(recs.len(), 2);
        assert_eq!(recs[1].prev, a.hash);
        assert_eq!(read_at(t.path(), &b).unwrap(), Some(b.hash));
        // Reading after the first record gives only the second.
        let mut r = Reader::open(t.path(), Some(a)).unwrap();
        assert_eq!(r.next_record().unwrap().unwrap().unwrap().0.seq, 2);
        assert!(r.next_record().unwrap().unwrap().is_none());
    }

    #[test]
    fn a_cut_last_record_is_at_the_end_and_a_flipped_byte_before_others_is_not() {
        let t = tempfile::tempdir().unwrap();
        Writer::create(t.path()).unwrap();
        let mut w = Writer::resume(t.path(), Position::default(), 1).unwrap();
        let a = w.append(vec![put("a", "1")], vec![]).unwrap();
        let b = w.append(vec![put("b", "2")], vec![]).unwrap();
        let path = t.path().join(segment_name(1));
        let bytes = fs::read(&path).unwrap();

        let cut = &bytes[..b.end as usize - 3];
        fs::write(&path, cut).unwrap();
        let (recs, d) = read_all(t.path());
        assert_eq!(recs.len(), 1);
        let d = d.unwrap();
        assert_eq!(
            (d.fault.clone(), d.at_end, d.offset, d.seq),
            (Fault::Cut, true, b.start, 2)
        );

        let mut flipped = bytes.clone();
        flipped[a.start as usize + 14] ^= 0x40;
        fs::write(&path, &flipped).unwrap();
        let (recs, d) = read_all(t.path());
        assert!(recs.is_empty());
        let d = d.unwrap();
        assert_eq!(
            (d.fault, d.at_end, d.offset, d.seq),
            (Fault::Checksum, false, 8, 1)
        );

        // Resuming after the first record cuts what follows it.
        fs::write(&path, cut).unwrap();
        let mut w = Writer::resume(t.path(), a, 1).unwrap();
        let again = w.append(vec![put("c", "3")], vec![]).unwrap();
        assert_eq!((again.seq, again.start), (2, b.start));
        let (recs, d) = read_all(t.path());
        assert_eq!((recs.len(), d), (2, None));
    }

    #[test]
    fn a_full_segment_continues_in_the_next() {
        let t = tempfile::tempdir().unwrap();
        Writer::create(t.path()).unwrap();
        let mut w = Writer::resume(t.path(), Position::default(), 1).unwrap();
        w.end = SEGMENT_BYTES - 10;
        // Fake a full first segment by rotating at once.
        w.rotate().unwrap();
        let p = w.append(vec![put("x", "y")], vec![]).unwrap();
        assert_eq!((p.segment, p.start), (2, 8));
        assert_eq!(segments(t.path()).unwrap().len(), 2);
    }
}
