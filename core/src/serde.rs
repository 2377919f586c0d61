//! `CloseCode` and `CloseReason` as their number.

use serde_core::de::{Error, Unexpected};
use serde_core::{Deserialize, Deserializer, Serialize, Serializer};

use crate::{CloseCode, CloseReason};

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

impl Serialize for CloseReason {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u16(u16::from(*self))
    }
}

/// Accepts the codes the registry names.
impl<'de> Deserialize<'de> for CloseReason {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let code = u16::deserialize(deserializer)?;
        CloseReason::try_from(code).map_err(|_| {
            D::Error::invalid_value(
                Unexpected::Unsigned(u64::from(code)),
                &"a close code named in the close-reasons registry",
            )
        })
    }
}
