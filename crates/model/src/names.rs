//! The names of the model's unit enums ("quote", "at_least", "person") as
//! serde writes them: one spelling for the ledger JSON, the store, CSV and
//! reports, never a hand-written copy.

use serde::de::IntoDeserializer;
use serde::{Deserialize, Serialize};

use crate::{
    Bound, ClaimKind, EntityType, ParagraphKind, Polarity, PropositionStatus, SourceKind, TimexType,
};

/// The name serde gives a unit variant; empty for a value that is not one.
fn name_of<T: Serialize>(value: &T) -> &'static str {
    serde_variant::to_variant_name(value).unwrap_or_default()
}

/// The unit variant serde reads from `name`.
fn from_name<'de, T: Deserialize<'de>>(name: &'de str) -> Option<T> {
    let de: serde::de::value::StrDeserializer<'de, serde::de::value::Error> =
        name.into_deserializer();
    T::deserialize(de).ok()
}

macro_rules! named {
    ($($kind:ty),* $(,)?) => {$(
        impl $kind {
            /// Its name in the ledger JSON.
            pub fn name(self) -> &'static str {
                name_of(&self)
            }

            /// The value named `name` in the ledger JSON.
            pub fn from_name(name: &str) -> Option<Self> {
                from_name(name)
            }
        }

        impl std::fmt::Display for $kind {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.name())
            }
        }
    )*};
}

named!(
    ClaimKind,
    SourceKind,
    Bound,
    Polarity,
    EntityType,
    ParagraphKind,
    TimexType,
    PropositionStatus,
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_the_json_spellings() {
        for kind in [ClaimKind::Quote, ClaimKind::Quantity, ClaimKind::Stance] {
            let json = serde_json::to_string(&kind).unwrap();
            assert_eq!(json, format!("\"{}\"", kind.name()));
            assert_eq!(ClaimKind::from_name(kind.name()), Some(kind));
        }
        assert_eq!(Bound::AtLeast.name(), "at_least");
        assert_eq!(Polarity::NotConfirmed.to_string(), "not_confirmed");
        assert_eq!(TimexType::Duration.name(), "DURATION");
        assert_eq!(
            PropositionStatus::from_name("single_source"),
            Some(PropositionStatus::SingleSource)
        );
        assert_eq!(SourceKind::from_name("nobody"), None);
    }
}
