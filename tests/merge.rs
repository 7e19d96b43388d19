//! An office's list merged into the built-in data (`friendship-map merge`): the report's NEW,
//! MATCHING, CONFLICTING and MISSING rows for a list of Binzhou's ties, and a written file that
//! reads back, passes the built-in checks and keeps every other row byte for byte.
#![cfg(not(target_arch = "wasm32"))]

use shandong_friendship_map::basemap::Basemap;
use shandong_friendship_map::data::{Dataset, Evidence, Kind};
use shandong_friendship_map::import::{import_csv, Preset};
use shandong_friendship_map::merge::{compare, MatchedBy};
use shandong_friendship_map::validate::{builtin_options, check_csv, Placement, COAST_TOLERANCE_M};
use std::process::{Command, Output};

const OFFICE: &str = "tests/fixtures/merge/binzhou_office.csv";

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_friendship-map"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn builtin_csv() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/partnerships.csv"
    ))
    .expect("the built-in file")
}

/// The line of Binzhou's row with `partner` in the built-in file (1-based; the header is line
/// 1), so that the expectations follow the data as rows are added.
fn line_of(partner: &str) -> usize {
    builtin_csv()
        .lines()
        .position(|l| l.starts_with("Binzhou,") && l.split(',').nth(2) == Some(partner))
        .expect(partner)
        + 1
}

#[test]
fn the_report_names_each_row_and_what_differs() {
    let out = run(&["merge", OFFICE]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let f = OFFICE;
    let b = "data/partnerships.csv";
    let [yamaguchi, goyang, kinokawa, imsil, saverne, famalicao, dire_dawa, altea, mekelle] = [
        "Yamaguchi",
        "Goyang",
        "Kinokawa",
        "Imsil County",
        "Saverne",
        "Vila Nova de Famalicão",
        "Dire Dawa",
        "Altea",
        "Mekelle",
    ]
    .map(line_of);
    let want = format!(
        "{f}: 7 rows loaded (Binzhou), set against {b}

NEW (1): pairs only the office's list has
  {f}:7: Binzhou – Exampleville 示例市 (FR, city, friendly, 2020)

MATCHING (2): the same pair, nothing disagrees
  {f}:2: Binzhou – Kinokawa 纪之川市 (JP, city, sister, 2007-10-15) is {b}:{kinokawa} (same English name)
  {f}:3: Binzhou – Koyang 高阳市 (KR, city, sister, 1997-01) is {b}:{goyang} (same Chinese name)
      (partner: office Koyang; built-in Goyang)

CONFLICTING (3): the same pair, fields disagree
  {f}:4: Binzhou – Saverne 萨维尔纳市 (FR, city, friendly, 2018) is {b}:{saverne} (same English name)
      established: office 2018; built-in 2019
  {f}:5: Binzhou – Altea 阿尔特斯市 (ES, city, sister, 2025) is {b}:{altea} (same English name)
      kind: office sister; built-in friendly
  {f}:6: Binzhou – Dire Dawa 德雷达瓦市 (ET, city, sister, 2022-08) is {b}:{dire_dawa} (same English name)
      lat/lon: office 9.8631, 41.8661; built-in 9.5931, 41.8661 (30 km apart)

MISSING (4): built-in rows of these sides that the office's list lacks
  {b}:{yamaguchi}: Binzhou – Yamaguchi 山口市 (JP, city, friendly, 1995-05-13; signed by Zouping County)
  {b}:{imsil}: Binzhou – Imsil County 任实郡 (KR, province, friendly, 2011-11-02)
  {b}:{famalicao}: Binzhou – Vila Nova de Famalicão 维拉诺瓦-德法马利康市 (PT, city, friendly, 2021-04-28)
  {b}:{mekelle}: Binzhou – Mekelle 梅凯勒市 (ET, city, friendly, 2025-05-29)

NOT COMPARED (1): not a Shandong side, so not merged
  {f}:8: Harbin – Exampletown 示例镇 (JP, city, sister, 1990)

Summary: 1 new, 2 matching, 3 conflicting, 4 missing, 1 not compared
"
    );
    assert_eq!(text(&out.stdout), want);
    assert!(text(&out.stderr).contains(&format!("{f}: 7 rows loaded, 0 errors")));
}

#[test]
fn partners_are_matched_as_the_report_says() {
    let builtin = Dataset::builtin();
    let mut office = Dataset::default();
    let csv = std::fs::read_to_string(OFFICE).expect("fixture");
    let loaded = import_csv(&mut office, &csv, OFFICE, Preset::Standard, 2030);
    assert_eq!((loaded.loaded, loaded.errors.len()), (7, 0));
    let r = compare(&builtin, &office);
    let partner = |d: &Dataset, i: usize| d.ties[i].record.partner.clone();
    let by: Vec<(String, String, MatchedBy)> = (r.pairs.iter())
        .map(|p| {
            (
                partner(&office, p.office),
                partner(&builtin, p.builtin),
                p.by,
            )
        })
        .collect();
    assert_eq!(
        by[1],
        ("Koyang".into(), "Goyang".into(), MatchedBy::ChineseName)
    );
    assert!(by.iter().all(|(o, b, _)| o == b || o == "Koyang"), "{by:?}");
    let fields: Vec<Vec<&str>> = (r.conflicting())
        .map(|p| p.conflicts.iter().map(|d| d.field).collect())
        .collect();
    assert_eq!(fields, [["established"], ["kind"], ["lat/lon"]]);
    assert_eq!(r.new.len(), 1);
    assert_eq!(r.outside.len(), 1);
    let missing: Vec<String> = r.missing.iter().map(|&b| partner(&builtin, b)).collect();
    assert_eq!(
        missing,
        [
            "Yamaguchi",
            "Imsil County",
            "Vila Nova de Famalicão",
            "Mekelle"
        ]
    );
}

/// A file in the system's temporary directory, unique to this test run.
fn temp_path(name: &str) -> String {
    let path = std::env::temp_dir().join(format!("fm-merge-{}-{name}", std::process::id()));
    path.to_string_lossy().into_owned()
}

#[test]
fn the_written_file_reads_back_passes_the_checks_and_keeps_the_rest() {
    let out_file = temp_path("merged.csv");
    let out = run(&["merge", OFFICE, "--write", &out_file]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let merged = std::fs::read_to_string(&out_file).expect("written");
    // The command's own check, and the crate's parser and checks.
    let check = run(&["check", &out_file, "--layout", "builtin"]);
    assert_eq!(check.status.code(), Some(0), "{}", text(&check.stdout));
    let (d, errors) = Dataset::from_csv(&merged, 2030);
    assert!(errors.is_empty(), "{errors:?}");
    let basemap = Basemap::decode(include_bytes!("../data/basemap-50m.bin")).expect("basemap");
    let placement = Placement {
        basemap: &basemap,
        tolerance_m: COAST_TOLERANCE_M,
    };
    let report = check_csv(&merged, &builtin_options(), 2030, Some(&placement), true);
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    assert_eq!(
        d.ties.len(),
        Dataset::builtin().ties.len() + 1,
        "one new pair"
    );
    let _ = std::fs::remove_file(&out_file);

    // Every row but the five replaced ones and the new one is the built-in file's, byte for byte.
    let before = builtin_csv();
    let (old, new): (Vec<&str>, Vec<&str>) = (before.lines().collect(), merged.lines().collect());
    // Indexes into the lines (0-based: the header is 0).
    let at = |partner: &str| line_of(partner) - 1;
    let (yamaguchi, mekelle) = (at("Yamaguchi"), at("Mekelle"));
    assert_eq!(new[..=yamaguchi], old[..=yamaguchi], "up to Yamaguchi");
    for kept in ["Imsil County", "Vila Nova de Famalicão", "Mekelle"] {
        assert_eq!(new[at(kept)], old[at(kept)], "{kept}");
    }
    assert!(new[mekelle + 1].starts_with("Binzhou,滨州市,Exampleville,示例市,FR,city,friendly,2020,47.0000,2.0000,https://example.org/office-list,official,,"));
    assert_eq!(new[mekelle + 2..], old[mekelle + 1..], "Heze onwards");
    assert!(!merged.contains("Harbin"), "not a Shandong side");

    let row = |partner: &str| {
        let t = d.ties.iter().find(|t| t.record.partner == partner);
        t.expect(partner).record.clone()
    };
    let saverne = row("Saverne");
    assert_eq!(
        saverne.established.map(|e| e.to_string()).as_deref(),
        Some("2018")
    );
    assert_eq!(saverne.evidence, Some(Evidence::Official));
    assert_eq!(
        saverne.sources,
        [
            "https://example.org/office-list",
            "https://saverne.fr/notre-ville/relations-internationales",
            "http://www.senqingzn.com/dy/article/K0O9E29505506U8T.html?f=post2020_dy_recommends",
        ]
    );
    assert!(
        saverne.notes.starts_with(
            "office: established 2018; earlier sources: established 2019; Saverne site lists"
        ),
        "{}",
        saverne.notes
    );
    assert_eq!(row("Altea").kind, Kind::Sister);
    assert!(row("Altea")
        .notes
        .starts_with("office: kind sister; earlier sources: kind friendly; "));
    let dire_dawa = row("Dire Dawa");
    assert_eq!((dire_dawa.lat, dire_dawa.lon), (9.8631, 41.8661));
    assert!(
        new[at("Dire Dawa")].ends_with("partner_zh conventional rendering\","),
        "no geonameid for moved coordinates: {}",
        new[at("Dire Dawa")]
    );
    let koyang = row("Koyang");
    assert!(koyang
        .notes
        .starts_with("office: partner Koyang; earlier sources: partner Goyang; Korean report"));
    assert!(
        new[at("Goyang")].ends_with(",1842485"),
        "Goyang's position and GeoNames id kept"
    );
    assert!(
        row("Kinokawa").notes.starts_with("Kinokawa city page"),
        "nothing changed, nothing noted"
    );
}

#[test]
fn a_json_list_goes_through_the_same_import() {
    let out = run(&["merge", "tests/fixtures/merge/binzhou_office.json"]);
    assert_eq!(out.status.code(), Some(0));
    let stdout = text(&out.stdout);
    assert!(
        stdout.ends_with("Summary: 0 new, 1 matching, 1 conflicting, 7 missing\n"),
        "{stdout}"
    );
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("binzhou_office.json:3: country: is empty"),
        "{stderr}"
    );
    assert!(
        stderr.contains("binzhou_office.json: 2 rows loaded, 8 errors"),
        "{stderr}"
    );
}

#[test]
fn exit_status_1_when_no_row_loads_and_2_for_usage() {
    let out = run(&["merge", "tests/fixtures/merge/nothing_loads.csv"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert!(text(&out.stderr).contains("nothing_loads.csv: no row loaded, nothing to merge"));
    let out = run(&["merge", "no/such/list.csv"]);
    assert_eq!(out.status.code(), Some(1));
    for (args, says) in [
        (&["merge"][..], "merge needs the office's FILE"),
        (&["merge", OFFICE, "--write"], "--write needs a file"),
        (
            &["merge", OFFICE, "--layout", "builtin"],
            "unknown layout `builtin`",
        ),
        (
            &["merge", OFFICE, "--cities", "Jinan"],
            "--cities applies to export only",
        ),
        (&["merge", OFFICE, OFFICE], "one file at a time"),
    ] {
        let out = run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            text(&out.stderr).contains(says),
            "{args:?}: {}",
            text(&out.stderr)
        );
    }
}

#[test]
fn the_worked_example_in_data_md_is_a_real_run() {
    let out = run(&["merge", "docs/examples/jinan-office.csv"]);
    assert_eq!(out.status.code(), Some(0));
    let docs = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/DATA.md"))
        .expect("docs/DATA.md");
    let report = text(&out.stdout);
    assert!(report.contains("CONFLICTING (2)"), "{report}");
    assert!(
        docs.contains(&format!("```text\n{report}```")),
        "docs/DATA.md lacks:\n{report}"
    );
}
