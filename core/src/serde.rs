//! `CloseCode`, `CloseReason` and every enum generated with `registry` as their number.
//!
//! The enums get their impls from [`serde_for_reasons!`](crate::__serde_for_reasons),
//! which the generator calls for every enum it writes: with this feature on, the
//! impls; with it off, nothing. So an application's enum follows close-reasons' own
//! `serde` feature, whichever crate turned it on.

use serde_core::de::{Error, Unexpected};
use serde_core::{Deserialize, Deserializer, Serialize, Serializer};

use crate::CloseCode;

impl Serialize for CloseCode {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u16(self.get())
    }
}

/// Accepts 1-65535; 0 is rejected.
impl<'de> Deserialize<'de> for CloseCode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let code = u16::deserialize(deserializer)?;
        CloseCode::new(code).ok_or_else(|| {
            D::Error::invalid_value(Unexpected::Unsigned(0), &"a close code from 1 to 65535")
        })
    }
}

/// The number of a variant of a close-code enum, for its generated `Serialize`.
///
/// # Errors
///
/// The serializer's.
#[inline]
pub fn serialize_number<S: Serializer>(number: u16, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_u16(number)
}

/// A number that `find` names, for a generated `Deserialize`; any other is an error
/// that shows `expected` (the numbers the enum accepts).
///
/// # Errors
///
/// The deserializer's, or an invalid value for a number `find` does not name.
pub fn deserialize_named<'de, D: Deserializer<'de>, T>(
    deserializer: D,
    find: fn(u16) -> Option<T>,
    expected: &'static str,
) -> Result<T, D::Error> {
    let number = u16::deserialize(deserializer)?;
    find(number)
        .ok_or_else(|| D::Error::invalid_value(Unexpected::Unsigned(u64::from(number)), &expected))
}
