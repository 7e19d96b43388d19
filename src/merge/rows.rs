//! The merged file: the built-in file's rows in its columns, with each office row in place of
//! the built-in row of its pair (marked `official`, every source of both kept, conflicts noted),
//! the office's new pairs after the last row of their side, and every other row unchanged.

use super::differ::{dates_agree, positions_disagree};
use super::{Difference, Pair, Report, Sheet};
use crate::data::record::formula::{neutralise, strip};
use crate::data::{Dataset, Date, Evidence, Record};
use crate::export::csv_line;
use std::collections::HashMap;

/// Columns that describe the coordinates: left empty (or taken from the office's file) when the
/// office's coordinates replace the built-in ones.
const OF_COORDINATES: [&str; 1] = ["geonameid"];

/// The merged file as CSV, in the columns of `builtin_csv` (the built-in file, whose rows
/// `builtin` holds): see the module notes. `office_sheet` is the office's file when it is a CSV,
/// whose columns of the built-in header that the merge does not write itself (`geonameid`, a
/// later `stage`) are carried by name; otherwise those come from the built-in row replaced.
///
/// A date the office gives less fully than the built-in row, or not at all, keeps the built-in
/// one where they agree; coordinates within [`super::SAME_PLACE_M`] of the built-in ones keep
/// the built-in ones (and their `geonameid`).
pub fn merged_csv(
    builtin_csv: &str,
    builtin: &Dataset,
    office: &Dataset,
    report: &Report,
    office_sheet: Option<&Sheet>,
) -> String {
    let sheet = Sheet::read(builtin_csv);
    let w = Writer {
        sheet: &sheet,
        office,
        office_sheet,
    };
    let tie_at: HashMap<u64, usize> = (builtin.ties.iter().enumerate())
        .map(|(i, t)| (t.line, i))
        .collect();
    let replaced: HashMap<usize, &Pair> = report.pairs.iter().map(|p| (p.builtin, p)).collect();
    let mut new_after: HashMap<u64, Vec<usize>> = HashMap::new();
    let mut at_end = Vec::new();
    for &i in &report.new {
        let city = office.ties[i].city;
        let last = builtin
            .ties
            .iter()
            .filter(|t| t.city == city)
            .map(|t| t.line);
        match last.max() {
            Some(line) => new_after.entry(line).or_default().push(i),
            None => at_end.push(i),
        }
    }
    let mut out = String::new();
    write(&mut out, &sheet.header);
    for (line, cells) in &sheet.rows {
        match tie_at.get(line).and_then(|b| replaced.get(b)) {
            Some(p) => write(&mut out, &w.pair(p, &builtin.ties[p.builtin].record, cells)),
            None => write(&mut out, cells),
        }
        for &i in new_after.get(line).into_iter().flatten() {
            write(&mut out, &w.new_row(i));
        }
    }
    for i in at_end {
        write(&mut out, &w.new_row(i));
    }
    out
}

fn write(out: &mut String, cells: &[String]) {
    let cells: Vec<&str> = cells.iter().map(String::as_str).collect();
    csv_line(out, &cells);
}

/// Writes rows in the built-in file's columns.
struct Writer<'a> {
    sheet: &'a Sheet,
    office: &'a Dataset,
    office_sheet: Option<&'a Sheet>,
}

impl Writer<'_> {
    /// The office's own cell of `column` for its tie `i`, when its file is a CSV with that
    /// column and the cell is not empty.
    fn office_cell(&self, i: usize, column: &str) -> Option<String> {
        let sheet = self.office_sheet?;
        let cells = sheet.row(self.office.ties[i].line)?;
        let v = strip(sheet.cell(cells, column)?).trim();
        (!v.is_empty()).then(|| neutralise(v).into_owned())
    }

    /// The cells of an office row that has no built-in pair.
    fn new_row(&self, i: usize) -> Vec<String> {
        let t = &self.office.ties[i];
        let (o, origin) = (&t.record, &self.office.origins[t.city]);
        let text = |s: &str| neutralise(s).into_owned();
        (self.sheet.header.iter())
            .map(|c| match c.as_str() {
                "shandong_city" => text(&origin.name),
                "shandong_city_zh" => text(&origin.name_zh),
                "lat" => coordinate(o.lat),
                "lon" => coordinate(o.lon),
                "established" => o.established.map(|d| d.to_string()).unwrap_or_default(),
                "source" => text(&o.sources.join(" ")),
                "notes" => text(&o.notes),
                c => office_field(o, c)
                    .or_else(|| self.office_cell(i, c))
                    .unwrap_or_default(),
            })
            .collect()
    }

    /// The cells of an office row that replaces the built-in row `b` (whose cells are `base`).
    fn pair(&self, p: &Pair, b: &Record, base: &[String]) -> Vec<String> {
        let o = &self.office.ties[p.office].record;
        let moved = positions_disagree(o, b);
        let as_written = |c: &str| self.sheet.cell(base, c).unwrap_or("").to_string();
        let mut sources = o.sources.clone();
        sources.extend(b.sources.iter().filter(|s| !o.sources.contains(s)).cloned());
        (self.sheet.header.iter())
            .map(|c| match c.as_str() {
                "shandong_city" | "shandong_city_zh" => as_written(c),
                "lat" if moved => coordinate(o.lat),
                "lon" if moved => coordinate(o.lon),
                "lat" | "lon" => as_written(c),
                "established" => date(o.established, b.established),
                "source" => neutralise(&sources.join(" ")).into_owned(),
                "notes" => neutralise(&notes(p, &o.notes, strip(&as_written(c)))).into_owned(),
                // The GeoNames id goes with the coordinates written.
                c if OF_COORDINATES.contains(&c) && !moved => as_written(c),
                c if OF_COORDINATES.contains(&c) => {
                    self.office_cell(p.office, c).unwrap_or_default()
                }
                c => office_field(o, c)
                    .or_else(|| self.office_cell(p.office, c))
                    .unwrap_or_else(|| as_written(c)),
            })
            .collect()
    }
}

/// The office row's value of a field the merge writes from the record, if `column` is one.
fn office_field(o: &Record, column: &str) -> Option<String> {
    let text = |s: &str| Some(neutralise(s).into_owned());
    match column {
        "partner" => text(&o.partner),
        "partner_zh" => text(&o.partner_zh),
        "country" => text(&o.country),
        "level" => text(o.level.as_str()),
        "kind" => text(o.kind.as_str()),
        "evidence" => text(Evidence::Official.as_str()),
        "signed_by" => text(o.signed_by.as_deref().unwrap_or("")),
        // An office's agreement or letter of intent says so; an office row read as established
        // (a list without the column) leaves the built-in row's stage unless its cell says it.
        "stage" if !o.stage.is_established() => text(o.stage.cell()),
        _ => None,
    }
}

/// A coordinate as the built-in file writes them: 4 decimals, more when reading them back to
/// the same number takes more.
fn coordinate(x: f64) -> String {
    let four = crate::number::fixed(x, 4);
    if crate::number::parse(&four) == Some(x) {
        four
    } else {
        crate::number::exact(x, 4)
    }
}

/// The date written: the office's, unless it gives none, or gives less of a date that agrees
/// with the built-in one (then the built-in one).
fn date(office: Option<Date>, builtin: Option<Date>) -> String {
    let parts = |d: &Date| usize::from(d.month.is_some()) + usize::from(d.day.is_some());
    let chosen = match (office, builtin) {
        (Some(o), Some(b)) if dates_agree(o, b) && parts(&b) > parts(&o) => Some(b),
        (None, b) => b,
        (o, _) => o,
    };
    chosen.map(|d| d.to_string()).unwrap_or_default()
}

/// The note of what an office row changed in its built-in row (every conflict, and the names
/// it writes otherwise), as the merged file's `notes` begin: `office: established 1995;
/// earlier sources: established 1996`. `None` when it changed nothing.
pub fn change_note(p: &Pair) -> Option<String> {
    let renamed = |d: &&Difference| matches!(d.field, "partner" | "partner_zh");
    let changed: Vec<&Difference> = (p.conflicts.iter())
        .chain(p.remarks.iter().filter(renamed))
        .collect();
    if changed.is_empty() {
        return None;
    }
    let side = |value: fn(&Difference) -> &str| {
        let each = changed.iter().map(|d| format!("{} {}", d.field, value(d)));
        each.collect::<Vec<_>>().join(", ")
    };
    Some(format!(
        "office: {}; earlier sources: {}",
        side(|d| &d.office),
        side(|d| &d.builtin)
    ))
}

/// The notes of a merged pair: [`change_note`], then the office's notes, then the built-in
/// row's.
fn notes(p: &Pair, office: &str, builtin: &str) -> String {
    let own = [office, builtin].into_iter().filter(|s| !s.is_empty());
    let parts: Vec<String> = change_note(p)
        .into_iter()
        .chain(own.map(str::to_string))
        .collect();
    parts.join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::record::parse_date;

    #[test]
    fn the_fuller_of_two_agreeing_dates_is_kept() {
        let d = |s: &str| parse_date(s, 2030).expect("a date");
        assert_eq!(date(d("1983"), d("1983-10-03")), "1983-10-03");
        assert_eq!(date(d("1983-10-03"), d("1983")), "1983-10-03");
        assert_eq!(date(d("2006-07-31"), d("2004-09")), "2006-07-31");
        assert_eq!(date(None, d("2004-09")), "2004-09");
        assert_eq!(date(d("1995"), None), "1995");
    }

    #[test]
    fn columns_are_carried_by_name_and_geonames_ids_follow_the_coordinates() {
        let base = "shandong_city,shandong_city_zh,partner,partner_zh,country,level,kind,established,lat,lon,source,evidence,signed_by,notes,geonameid
Jinan,济南市,Vantaa,万塔市,FI,city,sister,2001-08-27,60.2941,25.0410,https://a.example/1,partner-side,,first note,632453
Jinan,济南市,Rennes,雷恩市,FR,city,sister,2002,48.1111,-1.6743,https://a.example/2,news,,,2983990
";
        let office_csv = "geonameid,shandong_city,shandong_city_zh,partner,partner_zh,country,level,kind,established,lat,lon,source
111,Jinan,济南市,Vantaa,万塔市,FI,city,sister,2001,61.0,25.0,https://b.example/1 https://a.example/1
222,Jinan,济南市,Rennes,雷恩市,FR,city,sister,2002,48.12,-1.67,https://b.example/2
333,Jinan,济南市,Graz,格拉茨,AT,city,sister,,47.07,15.44,https://b.example/3
";
        let (builtin, errors) = Dataset::from_csv(base, 2030);
        assert!(errors.is_empty(), "{errors:?}");
        let mut office = Dataset::default();
        let options = crate::import::Preset::Standard.options();
        assert!(office.add_csv(office_csv, 2030, &options).is_empty());
        let report = super::super::compare(&builtin, &office);
        let sheet = Sheet::read(office_csv);
        let merged = merged_csv(base, &builtin, &office, &report, Some(&sheet));
        let lines: Vec<&str> = merged.lines().collect();
        assert_eq!(lines[0], base.lines().next().expect("header"));
        // Vantaa: moved 78 km (the office's position and id), the fuller date kept, sources once.
        assert_eq!(lines[1], "Jinan,济南市,Vantaa,万塔市,FI,city,sister,2001-08-27,61.0000,25.0000,https://b.example/1 https://a.example/1,official,,\"office: lat/lon 61, 25; earlier sources: lat/lon 60.2941, 25.041; first note\",111");
        // Rennes: within 15 km, so the built-in position and its id.
        assert_eq!(lines[2], "Jinan,济南市,Rennes,雷恩市,FR,city,sister,2002,48.1111,-1.6743,https://b.example/2 https://a.example/2,official,,,2983990");
        assert_eq!(lines[3], "Jinan,济南市,Graz,格拉茨,AT,city,sister,,47.0700,15.4400,https://b.example/3,official,,,333");
        assert_eq!(lines.len(), 4);
    }

    #[test]
    fn coordinates_are_written_as_the_file_writes_them() {
        assert_eq!(coordinate(49.9818), "49.9818");
        assert_eq!(coordinate(-1.5), "-1.5000");
        assert_eq!(coordinate(47.0), "47.0000");
        assert_eq!(coordinate(9.86311), "9.86311");
    }
}
