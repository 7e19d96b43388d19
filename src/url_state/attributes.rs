//! The state as the element's attributes: the URL query's pairs under their attribute names,
//! for the embed-code builder (one name table, [`UrlKey::NAMES`], for both vocabularies).

use super::codec::decode;
use super::UrlKey;

/// The pairs of a state query (as [`super::to_query`] writes it, or any query the map reads)
/// with each key's attribute name and its value decoded, in the query's order; keys that are
/// not the map's are left out.
///
/// `years=2000-2020&sel=%E9%9D%92%E5%B2%9B%E5%B8%82` gives `[("years", "2000-2020"),
/// ("selected", "青岛市")]`.
pub fn attributes(query: &str) -> Vec<(&'static str, String)> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter_map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            let key = UrlKey::from_name(&decode(k))?;
            Some((key.long(), decode(v)))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{builtin_regions, Dataset};
    use crate::url_state::{from_query, to_query};

    #[test]
    fn short_keys_become_attribute_names_with_plain_values() {
        let got = attributes(
            "asof=1995&proj=globe&sel=%E9%9D%92%E5%B2%9B%E5%B8%82&foo=1&view=2.00,10.00,50.00",
        );
        assert_eq!(
            got,
            [
                ("as-of", "1995".to_string()),
                ("projection", "globe".to_string()),
                ("selected", "青岛市".to_string()),
                ("view", "2.00,10.00,50.00".to_string()),
            ]
        );
        assert!(attributes("").is_empty());
    }

    /// Every key written by `to_query` has an attribute name, and the attributes, read back
    /// as a query of attribute names, give the same state.
    #[test]
    fn attributes_read_back_as_the_same_state() {
        let d = Dataset::builtin();
        let q = "years=2000-2020&unknown=1&regions=europe,sco&cities=Jinan,Qingdao&kinds=sister&levels=city&evidence=official&stages=established&proj=equirectangular&sel=Tai%27an&view=2.50,10.00,50.00";
        let (state, w) = from_query(q, &builtin_regions(), &d, 2026);
        assert!(w.is_empty(), "{w:?}");
        let attrs = attributes(&to_query(&state, &d));
        assert_eq!(attrs.len(), 11);
        let long: Vec<String> = attrs
            .iter()
            .map(|(k, v)| format!("{k}={}", super::super::codec::encode(v)))
            .collect();
        assert!(long.iter().any(|p| p == "selected=Tai%27an"), "{long:?}");
        let (again, w) = from_query(&long.join("&"), &builtin_regions(), &d, 2026);
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(again, state);
    }
}
