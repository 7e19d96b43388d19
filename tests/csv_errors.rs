//! The partnerships parser: every bad row is reported as `file:line: field: reason`, good rows
//! still load, and nothing is dropped silently.
#![cfg(not(target_arch = "wasm32"))]

use shandong_friendship_map::data::{Dataset, Kind, Level};

const HEADER: &str =
    "shandong_city,shandong_city_zh,partner,partner_zh,country,level,kind,established,lat,lon,source";

fn errors_of(rows: &str) -> Vec<String> {
    let text = format!("{HEADER}\n{rows}");
    let (_, errors) = Dataset::from_csv(&text, 2026);
    errors
        .iter()
        .map(|e| e.display_in("data/partnerships.csv"))
        .collect()
}

#[test]
fn a_good_row_loads() {
    let text = format!(
        "{HEADER}\nQingdao,青岛市,Shimonoseki,下关市,JP,city,sister,1979-10-03,33.9555,130.9371,https://example.org/a\n"
    );
    let (d, errors) = Dataset::from_csv(&text, 2026);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(d.ties.len(), 1);
    let r = &d.ties[0].record;
    assert_eq!((r.kind, r.level), (Kind::Sister, Level::City));
    assert_eq!(
        r.established.map(|d| d.to_string()),
        Some("1979-10-03".into())
    );
    assert_eq!(d.ties[0].line, 2);
}

#[test]
fn each_field_error_names_line_and_field() {
    let rows = [
        (
            "Qingdao,青岛市,A,甲,JP,city,twin,1979,34,131,https://e.org/x",
            "kind: `twin` is not `sister` or `friendly`",
        ),
        (
            "Qingdao,青岛市,B,乙,JP,town,sister,1979,34,131,https://e.org/x",
            "level: `town` is not `city` or `province`",
        ),
        (
            "Qingdao,青岛市,C,丙,XX,city,sister,1979,34,131,https://e.org/x",
            "country: `XX` is not an ISO 3166-1 alpha-2 code",
        ),
        (
            "Qingdao,青岛市,D,丁,JP,city,sister,1970,34,131,https://e.org/x",
            "established: year 1970 is outside 1973..2026",
        ),
        (
            "Qingdao,青岛市,E,戊,JP,city,sister,1979-13,34,131,https://e.org/x",
            "established: `1979-13` is not YYYY, YYYY-MM or YYYY-MM-DD",
        ),
        (
            "Qingdao,青岛市,F,己,JP,city,sister,1979-02-30,34,131,https://e.org/x",
            "established: `1979-02-30`: no such day",
        ),
        (
            "Qingdao,青岛市,G,庚,JP,city,sister,1979,95,131,https://e.org/x",
            "lat: `95` is outside -90..90 degrees",
        ),
        (
            "Qingdao,青岛市,H,辛,JP,city,sister,1979,34,east,https://e.org/x",
            "lon: `east` is not a number",
        ),
        (
            "Qingdao,青岛市,I,壬,JP,city,sister,1979,34,131,",
            "source: is empty: every row needs a source URL",
        ),
        (
            "Qingdao,青岛市,J,癸,JP,city,sister,1979,34,131,www.example.org",
            "source: `www.example.org` is not an http(s) URL",
        ),
        (
            "Qingdao,青岛市,,子,JP,city,sister,1979,34,131,https://e.org/x",
            "partner: is empty",
        ),
        (
            "Gotham,哥谭,K,丑,JP,city,sister,1979,34,131,https://e.org/x",
            "shandong_city: `Gotham` is not Shandong or one of its 16 cities",
        ),
        (
            "Qingdao,青岛市,L,寅,JP,city,sister",
            "row: has 7 fields, the header has 11",
        ),
    ];
    for (i, (row, want)) in rows.iter().enumerate() {
        let errors = errors_of(row);
        assert_eq!(
            errors,
            vec![format!("data/partnerships.csv:2: {want}")],
            "case {i}"
        );
    }
}

#[test]
fn bad_rows_do_not_hide_good_ones() {
    let rows = "Qingdao,青岛市,Shimonoseki,下关市,JP,city,sister,1979,33.9555,130.9371,https://e.org/a\n\
                Qingdao,青岛市,Broken,坏,JP,city,sister,19x9,33,130,https://e.org/b\n\
                Jinan,济南市,Wakayama,和歌山市,JP,city,sister,1983,34.2333,135.1667,https://e.org/c\n\
                Jinan,济南市,wakayama,和歌山市,JP,city,sister,1983,34.2333,135.1667,https://e.org/c\n";
    let (d, errors) = Dataset::from_csv(&format!("{HEADER}\n{rows}"), 2026);
    assert_eq!(d.ties.len(), 2);
    let shown: Vec<String> = errors.iter().map(|e| e.display_in("f.csv")).collect();
    assert_eq!(
        shown,
        vec![
            "f.csv:3: established: `19x9` is not YYYY, YYYY-MM or YYYY-MM-DD".to_string(),
            "f.csv:5: partner: duplicate of line 4: Jinan – wakayama".to_string(),
        ]
    );
}

#[test]
fn header_must_match() {
    let (d, errors) = Dataset::from_csv("city,partner\nQingdao,Shimonoseki\n", 2026);
    assert!(d.ties.is_empty());
    assert_eq!(errors.len(), 1);
    assert!(errors[0]
        .display_in("x.csv")
        .starts_with("x.csv:1: header: column 1 must be `shandong_city`, found `city`"));
    let (_, errors) = Dataset::from_csv(&format!("{HEADER},colour\n"), 2026);
    assert!(errors[0].reason.contains("unknown column `colour`"));
}

#[test]
fn quoted_fields_and_optional_columns() {
    let text = format!(
        "{HEADER},signed_by,notes\n\"Qingdao\",青岛市,\"Long Beach, CA\",长滩市,US,city,friendly,,33.767,-118.1892,\"https://e.org/a https://e.org/b\",,\"two, sources\"\n"
    );
    let (d, errors) = Dataset::from_csv(&text, 2026);
    assert!(errors.is_empty(), "{errors:?}");
    let r = &d.ties[0].record;
    assert_eq!(r.partner, "Long Beach, CA");
    assert_eq!(r.sources.len(), 2);
    assert_eq!(r.established, None);
    assert_eq!(r.notes, "two, sources");
}

#[test]
fn evidence_is_read_when_the_column_is_there_and_checked_in_every_row() {
    use shandong_friendship_map::data::Evidence;
    let rows = "Qingdao,青岛市,A,甲,JP,city,sister,1979,34,131,https://e.org/x,official\n\
                Qingdao,青岛市,B,乙,JP,city,sister,1979,34,131,https://e.org/x,partner-side\n\
                Qingdao,青岛市,C,丙,JP,city,sister,1979,34,131,https://e.org/x,\n\
                Qingdao,青岛市,D,丁,JP,city,sister,1979,34,131,https://e.org/x,blog\n\
                Qingdao,青岛市,E,戊,JP,city,sister,1979,34,131,https://e.org/x,Official\n";
    let (d, errors) = Dataset::from_csv(&format!("{HEADER},evidence\n{rows}"), 2026);
    let levels: Vec<Option<Evidence>> = d.ties.iter().map(|t| t.record.evidence).collect();
    assert_eq!(
        levels,
        vec![Some(Evidence::Official), Some(Evidence::PartnerSide)]
    );
    let shown: Vec<String> = errors.iter().map(|e| e.display_in("f.csv")).collect();
    assert_eq!(
        shown,
        vec![
            "f.csv:4: evidence: is empty: one of official, partner-side, news, secondary",
            "f.csv:5: evidence: `blog` is not one of official, partner-side, news, secondary",
            "f.csv:6: evidence: `Official` is not one of official, partner-side, news, secondary",
        ]
    );
    // Without the column, rows carry no level.
    let (d, errors) = Dataset::from_csv(
        &format!("{HEADER}\nQingdao,青岛市,A,甲,JP,city,sister,1979,34,131,https://e.org/x\n"),
        2026,
    );
    assert!(errors.is_empty());
    assert_eq!(d.ties[0].record.evidence, None);
}

#[test]
fn stage_is_read_when_the_column_is_there_and_empty_means_established() {
    use shandong_friendship_map::data::Stage;
    let rows = "Qingdao,青岛市,A,甲,JP,city,sister,1979,34,131,https://e.org/x,official,\n\
                Qingdao,青岛市,B,乙,JP,city,sister,1979,34,131,https://e.org/x,news,agreement\n\
                Qingdao,青岛市,C,丙,JP,city,sister,1979,34,131,https://e.org/x,news,intent\n\
                Qingdao,青岛市,D,丁,JP,city,sister,1979,34,131,https://e.org/x,news,established\n\
                Qingdao,青岛市,E,戊,JP,city,sister,1979,34,131,https://e.org/x,news,mou\n\
                Qingdao,青岛市,F,己,JP,city,sister,1979,34,131,https://e.org/x,news,Intent\n";
    let (d, errors) = Dataset::from_csv(&format!("{HEADER},evidence,stage\n{rows}"), 2026);
    let stages: Vec<Stage> = d.ties.iter().map(|t| t.record.stage).collect();
    assert_eq!(
        stages,
        vec![
            Stage::Established,
            Stage::Agreement,
            Stage::Intent,
            Stage::Established
        ]
    );
    let shown: Vec<String> = errors.iter().map(|e| e.display_in("f.csv")).collect();
    assert_eq!(
        shown,
        vec![
            "f.csv:6: stage: `mou` is not one of established, agreement, intent (empty: established)",
            "f.csv:7: stage: `Intent` is not one of established, agreement, intent (empty: established)",
        ]
    );
    // A file without the column (every file before round 5) reads as before: all established.
    let (d, errors) = Dataset::from_csv(
        &format!("{HEADER}\nQingdao,青岛市,A,甲,JP,city,sister,1979,34,131,https://e.org/x\n"),
        2026,
    );
    assert!(errors.is_empty());
    assert_eq!(d.ties[0].record.stage, Stage::Established);
}
