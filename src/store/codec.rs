//! Stored values: JSON, each wrapped as `{"v": SCHEMA, "data": …}` so that a
//! value written by a newer layout is recognised and refused, never misread.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::SCHEMA;

#[derive(Serialize)]
struct Out<'a, T: ?Sized> {
    v: u32,
    data: &'a T,
}

#[derive(Deserialize)]
struct Version {
    v: u32,
}

#[derive(Deserialize)]
struct In<T> {
    #[allow(dead_code)]
    v: u32,
    data: T,
}

#[derive(Debug)]
pub enum DecodeError {
    Newer(u32),
    Bad(String),
}

/// Encodes a value; only maps with non-string keys could fail, and none are stored.
pub fn encode<T: Serialize + ?Sized>(value: &T) -> Result<Vec<u8>, String> {
    serde_json::to_vec(&Out {
        v: SCHEMA,
        data: value,
    })
    .map_err(|e| e.to_string())
}

pub fn decode<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, DecodeError> {
    let v: Version = serde_json::from_slice(bytes).map_err(|e| DecodeError::Bad(e.to_string()))?;
    if v.v > SCHEMA {
        return Err(DecodeError::Newer(v.v));
    }
    let value: In<T> =
        serde_json::from_slice(bytes).map_err(|e| DecodeError::Bad(e.to_string()))?;
    Ok(value.data)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_refuses_newer() {
        let bytes = encode(&vec![1, 2]).unwrap();
        assert_eq!(String::from_utf8_lossy(&bytes), r#"{"v":3,"data":[1,2]}"#);
        // Values written by the earlier layout still read.
        assert_eq!(
            decode::<Vec<i32>>(br#"{"v":1,"data":[3]}"#).unwrap(),
            vec![3]
        );
        assert_eq!(decode::<Vec<i32>>(&bytes).unwrap(), vec![1, 2]);
        assert!(matches!(
            decode::<Vec<i32>>(br#"{"v":4,"data":[1]}"#),
            Err(DecodeError::Newer(4))
        ));
        assert!(matches!(
            decode::<Vec<i32>>(b"\x00garbage"),
            Err(DecodeError::Bad(_))
        ));
    }
}
