//! The Slack workspace export (a ZIP) and Debrief's own Markdown read back:
//! the ZIP container checked entry by entry, a channel's messages as
//! candidates with their authors and threads, the noise left out with why,
//! a damaged archive named, and an exported report reading back whole.

use std::collections::HashMap;

use chrono::{DateTime, TimeZone, Utc};
use debrief::domain::example::example;
use debrief::domain::import::markdown::read_markdown;
use debrief::domain::import::slack::{index, parse_ts, plain_text, read_channel, read_users};
use debrief::domain::import::zip::{crc32, read_zip, Entry, Method};
use debrief::domain::import::{Import, ImportError};
use debrief::domain::paste::guess_kind;
use debrief::domain::LessonKind;
use debrief::export::markdown::{to_markdown, MarkdownOptions};

const SLACK: &[u8] = include_bytes!("fixtures/import/slack.zip");

/// Stands in for the browser's `DecompressionStream` in native tests.
fn inflate(archive: &[u8], e: &Entry) -> Result<Vec<u8>, ImportError> {
    let data = match e.stored(archive) {
        Some(r) => return r,
        None => miniz_oxide::inflate::decompress_to_vec(e.compressed(archive)).map_err(|_| {
            ImportError {
                at: Some(e.name.clone()),
                message: "not deflate data".into(),
            }
        })?,
    };
    e.check(&data)?;
    Ok(data)
}

fn text_of(archive: &[u8], e: &Entry) -> String {
    String::from_utf8(inflate(archive, e).unwrap()).unwrap()
}

fn at(h: u32, m: u32, s: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2024, 3, 12, h, m, s).unwrap()
}

/// The fixture's incident channel between 13:55 and 15:00 UTC.
fn incident_channel(archive: &[u8]) -> Import {
    let entries = read_zip(archive).unwrap();
    let idx = index(&entries).unwrap();
    let users = read_users(&text_of(archive, &entries[idx.users.unwrap()]));
    let (from, to) = (Some(at(13, 55, 0)), Some(at(15, 0, 0)));
    let days: Vec<(String, String)> = idx
        .days_between("inc-payments", from, to)
        .into_iter()
        .map(|i| (entries[i].name.clone(), text_of(archive, &entries[i])))
        .collect();
    read_channel("inc-payments", &days, &users, from, to).unwrap()
}

#[test]
fn crc32_is_zips() {
    assert_eq!(crc32(b""), 0);
    assert_eq!(crc32(b"123456789"), 0xcbf4_3926);
}

#[test]
fn the_zip_lists_its_files_with_their_methods() {
    let entries = read_zip(SLACK).unwrap();
    let names: Vec<&str> = entries.iter().map(|e| e.name.as_str()).collect();
    // Folders are not files.
    assert_eq!(
        names,
        [
            "users.json",
            "channels.json",
            "general/2024-03-12.json",
            "inc-payments/2024-03-12.json",
            "inc-payments/2024-03-13.json"
        ]
    );
    assert_eq!(entries[0].method, Method::Stored);
    assert_eq!(entries[3].method, Method::Deflate);
    for e in &entries {
        let data = inflate(SLACK, e).unwrap();
        assert_eq!(data.len() as u64, e.size);
    }
}

#[test]
fn channels_are_listed_with_their_days_and_the_window_picks_the_files() {
    let entries = read_zip(SLACK).unwrap();
    let idx = index(&entries).unwrap();
    let names: Vec<&str> = idx.channels.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["general", "inc-payments"]);
    assert_eq!(idx.channels[1].days.len(), 2);
    // A day either side of the window is read; the times decide.
    assert_eq!(
        idx.days_between("inc-payments", Some(at(14, 0, 0)), Some(at(15, 0, 0)))
            .len(),
        2
    );
    let far = Utc.with_ymd_and_hms(2024, 3, 20, 0, 0, 0).unwrap();
    assert!(idx.days_between("inc-payments", Some(far), None).is_empty());
    assert_eq!(idx.days_between("inc-payments", None, None).len(), 2);
    assert!(idx.days_between("no-such", None, None).is_empty());
}

#[test]
fn a_channel_gives_authors_times_threads_and_current_text() {
    let import = incident_channel(SLACK);
    let got: Vec<(DateTime<Utc>, &str, bool, &str)> = import
        .events
        .iter()
        .map(|e| (e.time, e.author.as_str(), e.reply, e.description.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (
                at(14, 3, 0),
                "Amara Okafor",
                false,
                "Paging: charge-api 5xx above 2 % & rising"
            ),
            // Replies right after their parent, in their own order.
            (
                at(14, 5, 0),
                "Mei",
                true,
                "Ack, looking at the pool dashboard (https://grafana.example/d/pool)"
            ),
            (
                at(14, 20, 0),
                "Amara Okafor",
                true,
                "@Mei pool is at 400/400"
            ),
            // Nobody in users.json: shown by id.
            (
                at(14, 4, 0),
                "UZZZ9",
                false,
                "Is checkout down for everyone?"
            ),
            // A bot by the name it posts under.
            (
                at(14, 11, 0),
                "statuspage",
                false,
                "Status page updated: investigating elevated payment errors"
            ),
            (
                at(14, 14, 0),
                "Mei",
                false,
                "Restarted two pods; errors stop for three minutes"
            ),
            // Edited afterwards (a message_changed record): the text as it reads now.
            (
                at(14, 37, 0),
                "tomas",
                false,
                "Confirmed: the new intermediate is missing from the loaded trust bundle"
            ),
        ]
    );
    assert!(import
        .events
        .iter()
        .all(|e| e.source == "Slack #inc-payments"));
    // Kinds are guessed from the words, as for a pasted chat log.
    for e in &import.events {
        assert_eq!(e.kind, guess_kind(&e.description));
    }
    assert_eq!(
        import.events[0].to_event("x").description,
        "Amara Okafor: Paging: charge-api 5xx above 2 % & rising",
        "the author goes into the event's text"
    );
    let left: Vec<(&str, &str)> = import
        .left_out
        .iter()
        .map(|l| (l.at.as_str(), l.reason.as_str()))
        .collect();
    assert_eq!(
        left,
        [
            (
                "2024-03-12.json #1",
                "someone joined the channel, not part of the incident"
            ),
            ("2024-03-12.json #7", "a deleted message"),
            ("2024-03-12.json #9", "a deleted message"),
            (
                "2024-03-12.json #13",
                "someone left the channel, not part of the incident"
            ),
            ("2024-03-12.json #8", "a deleted message"),
            (
                "the rest of the channel",
                "1 message outside the time window"
            ),
        ]
    );
}

#[test]
fn without_users_json_everyone_is_shown_by_id() {
    let entries = read_zip(SLACK).unwrap();
    let day = &entries[3];
    let days = vec![(day.name.clone(), text_of(SLACK, day))];
    let import = read_channel("inc-payments", &days, &HashMap::new(), None, None).unwrap();
    assert_eq!(import.events[0].author, "U01");
    assert_eq!(import.events[2].description, "@U02 pool is at 400/400");
    assert!(read_users("not json").is_empty());
}

#[test]
fn slack_times_and_markup() {
    assert_eq!(
        parse_ts("1710252180.000100").unwrap(),
        at(14, 3, 0) + chrono::TimeDelta::microseconds(100)
    );
    assert_eq!(parse_ts("1710252180").unwrap(), at(14, 3, 0));
    assert!(parse_ts("soon").is_none());
    assert!(parse_ts("1.2345678").is_none());
    let users = HashMap::from([("U1".to_string(), "Amara".to_string())]);
    assert_eq!(
        plain_text(
            "<@U1> see <#C9|incidents> and <https://x.example> &lt;b&gt; <!here>",
            &users
        ),
        "@Amara see #incidents and https://x.example <b> @here"
    );
    assert_eq!(plain_text("a < b", &users), "a < b");
}

#[test]
fn a_cut_or_damaged_zip_says_what_and_where() {
    // Cut short anywhere: the directory at the end is gone.
    for keep in [0, 10, 100, SLACK.len() / 2, SLACK.len() - 1] {
        let err = read_zip(&SLACK[..keep]).unwrap_err();
        assert!(
            err.message.contains("end of central directory"),
            "cut at {keep}: {err}"
        );
    }
    assert!(read_zip(&SLACK[..SLACK.len() / 2])
        .unwrap_err()
        .message
        .contains("cut short"));
    assert!(read_zip(b"time,description\n14:00,x\n")
        .unwrap_err()
        .message
        .contains("not a ZIP"));
    // One byte of a stored file changed: its checksum names it.
    let mut bad = SLACK.to_vec();
    let entries = read_zip(SLACK).unwrap();
    let users = &entries[0];
    let pos = SLACK
        .windows(users.compressed(SLACK).len())
        .position(|w| w == users.compressed(SLACK))
        .unwrap();
    bad[pos + 20] ^= 0x20;
    let entries = read_zip(&bad).unwrap();
    let err = inflate(&bad, &entries[0]).unwrap_err();
    assert_eq!(err.at.as_deref(), Some("users.json"));
    assert!(err.message.contains("CRC-32"), "{err}");
    // The central directory pointing past its end record.
    let mut moved = SLACK.to_vec();
    let eocd = moved.len() - 22;
    moved[eocd + 16..eocd + 20].copy_from_slice(&u32::MAX.wrapping_sub(5).to_le_bytes());
    assert!(read_zip(&moved)
        .unwrap_err()
        .message
        .contains("central directory"));
}

#[test]
fn a_zip_that_is_no_slack_export_says_so() {
    let entries = read_zip(SLACK).unwrap();
    let only_users: Vec<Entry> = entries[..2].to_vec();
    assert!(index(&only_users)
        .unwrap_err()
        .message
        .contains("no Slack channels"));
    let bad_day = vec![("c/2024-03-12.json".to_string(), "[{,".to_string())];
    let err = read_channel("c", &bad_day, &HashMap::new(), None, None).unwrap_err();
    assert!(err.at.unwrap().starts_with("c/2024-03-12.json, line 1"));
}

#[test]
fn the_example_read_back_from_its_markdown_keeps_every_part() {
    let mut doc = example();
    // Tags on some factors and events, so the read-back of those is checked.
    doc.reason.factors[0].tags = vec!["tls".into(), "certificates".into()];
    doc.timeline[2].tags = vec!["pool".into()];
    doc.timeline[3].tags = vec!["tls".into(), "alerting".into()];
    let md = to_markdown(
        &doc,
        &MarkdownOptions {
            front_matter: true,
            ..Default::default()
        },
    );
    let back = read_markdown(&md).unwrap();
    assert!(back.left_out.is_empty(), "{:?}", back.left_out);
    assert_eq!(back.title, doc.context.title);
    assert_eq!(back.events.len(), doc.timeline.len());
    for (got, want) in back.events.iter().zip(&doc.timeline) {
        assert_eq!(got.time, want.time, "{}", want.description);
        assert_eq!(got.precision, want.precision);
        assert_eq!(got.kind, want.kind);
        assert_eq!(got.description, want.description);
        assert_eq!(got.source, want.source);
        assert_eq!(got.tags, want.tags, "{}", want.description);
    }
    assert_eq!(back.factors.len(), doc.reason.factors.len());
    for (got, want) in back.factors.iter().zip(&doc.reason.factors) {
        assert_eq!(got.description, want.description);
        assert_eq!(got.category, want.category);
        assert_eq!(got.tags, want.tags, "{}", want.description);
    }
    // Each item's factors, by position among the factors read back.
    let position = |ids: &[String], list: &[String]| -> Vec<usize> {
        ids.iter()
            .filter_map(|id| list.iter().position(|f| f == id))
            .collect()
    };
    let want_ids: Vec<String> = doc.reason.factors.iter().map(|f| f.id.clone()).collect();
    let got_ids: Vec<String> = back.factors.iter().map(|f| f.id.clone()).collect();
    assert_eq!(back.items.len(), doc.remedy.items.len());
    for (got, want) in back.items.iter().zip(&doc.remedy.items) {
        assert_eq!(got.action, want.action);
        assert_eq!(got.owner, want.owner);
        assert_eq!(got.due, want.due);
        assert_eq!(got.priority, want.priority);
        assert_eq!(got.status, want.status);
        assert_eq!(got.ticket, want.ticket);
        assert_eq!(got.kind, want.kind);
        assert_eq!(got.agreed, want.agreed);
        assert_eq!(got.measure, want.measure);
        assert_eq!(got.status_reason, want.status_reason);
        assert_eq!(got.accepted_by, want.accepted_by);
        assert_eq!(got.cost_benefit, want.cost_benefit);
        assert_eq!(got.completed, want.completed);
        let mut g = position(&got.factor_ids, &got_ids);
        let mut w = position(&want.factor_ids, &want_ids);
        g.sort();
        w.sort();
        assert_eq!(g, w, "{}", want.action);
    }
    let want_lessons: Vec<(LessonKind, String)> = LessonKind::ALL
        .iter()
        .flat_map(|k| k.list(&doc.lessons).iter().map(|e| (*k, e.text.clone())))
        .filter(|(_, t)| !t.trim().is_empty())
        .collect();
    assert_eq!(back.lessons, want_lessons);
}

#[test]
fn markdown_that_is_not_a_debrief_export_says_so_and_odd_lines_are_named() {
    assert!(read_markdown("# Notes\n\nJust some text.\n")
        .unwrap_err()
        .message
        .contains("not a Debrief Markdown export"));
    let md = "# T\n\n## Timeline\n\n| Time (UTC) | Kind | What happened |\n| --- | --- | --- |\n\
              | 2024-03-12 14:03 | Detected | Pager \\| fires |\n| yesterday | Note | x |\n\
              | 2024-03-12 14:05 | Mood | y |\n\n## Lessons\n\n### Where we got lucky\n\n- It was a Tuesday\nnot a list\n";
    let back = read_markdown(md).unwrap();
    assert_eq!(back.events.len(), 1);
    assert_eq!(back.events[0].description, "Pager | fires");
    assert_eq!(back.events[0].source, "");
    assert_eq!(
        back.lessons,
        [(LessonKind::Lucky, "It was a Tuesday".to_string())]
    );
    let left: Vec<&str> = back.left_out.iter().map(|l| l.at.as_str()).collect();
    assert_eq!(left, ["line 8", "line 9", "line 16"]);
}

#[test]
fn a_small_report_reads_every_part_with_its_links() {
    let back = read_markdown(include_str!("fixtures/import/report.md")).unwrap();
    assert!(back.left_out.is_empty(), "{:?}", back.left_out);
    assert_eq!(back.events.len(), 4);
    assert_eq!(back.events[0].source, "https://grafana.example/d/search");
    assert_eq!(
        back.events[2].precision,
        debrief::domain::Precision::Approximate
    );
    assert_eq!(back.factors.len(), 2);
    assert_eq!(
        back.factors[1].description,
        "The swap checklist had no step to compare document counts."
    );
    assert_eq!(back.items.len(), 2);
    assert_eq!(back.items[0].factor_ids, ["md-f1"]);
    assert_eq!(back.items[1].factor_ids, ["md-f2"]);
    assert_eq!(
        back.items[0].measure,
        "A swap on a fresh index waits until its count matches."
    );
    assert_eq!(back.lessons.len(), 2);
}

#[test]
fn an_export_zipped_with_its_folder_reads_the_same() {
    let mut zip = zip_writer::Zip::default();
    zip.add("Acme Slack export/channels.json", b"[]");
    zip.add("Acme Slack export/inc/2024-03-12.json", b"[]");
    zip.add("Acme Slack export/inc/notes.txt", b"x");
    let bytes = zip.finish();
    let entries = read_zip(&bytes).unwrap();
    let idx = index(&entries).unwrap();
    assert_eq!(idx.channels.len(), 1);
    assert_eq!(idx.channels[0].name, "inc");
    assert_eq!(idx.users, None);
}

/// A stored-only ZIP writer, enough to build archives of any layout.
mod zip_writer {
    use debrief::domain::import::zip::crc32;

    #[derive(Default)]
    pub struct Zip {
        data: Vec<u8>,
        central: Vec<u8>,
        count: u16,
    }

    impl Zip {
        pub fn add(&mut self, name: &str, body: &[u8]) {
            let offset = self.data.len() as u32;
            let crc = crc32(body);
            let len = body.len() as u32;
            let n = name.len() as u16;
            let d = &mut self.data;
            d.extend(0x0403_4b50u32.to_le_bytes());
            d.extend([20, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
            d.extend(crc.to_le_bytes());
            d.extend(len.to_le_bytes());
            d.extend(len.to_le_bytes());
            d.extend(n.to_le_bytes());
            d.extend(0u16.to_le_bytes());
            d.extend(name.as_bytes());
            d.extend(body);
            let c = &mut self.central;
            c.extend(0x0201_4b50u32.to_le_bytes());
            c.extend([20, 0, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
            c.extend(crc.to_le_bytes());
            c.extend(len.to_le_bytes());
            c.extend(len.to_le_bytes());
            c.extend(n.to_le_bytes());
            c.extend([0u8; 12]);
            c.extend(offset.to_le_bytes());
            c.extend(name.as_bytes());
            self.count += 1;
        }

        pub fn finish(mut self) -> Vec<u8> {
            let start = self.data.len() as u32;
            let size = self.central.len() as u32;
            self.data.extend(&self.central);
            self.data.extend(0x0605_4b50u32.to_le_bytes());
            self.data.extend([0u8; 4]);
            self.data.extend(self.count.to_le_bytes());
            self.data.extend(self.count.to_le_bytes());
            self.data.extend(size.to_le_bytes());
            self.data.extend(start.to_le_bytes());
            self.data.extend(0u16.to_le_bytes());
            self.data
        }
    }
}

#[test]
fn what_is_kept_from_a_report_is_added_in_time_order_with_fresh_ids() {
    let mut source = example();
    source.remedy.items[0].factor_ids = source
        .reason
        .factors
        .iter()
        .take(2)
        .map(|f| f.id.clone())
        .collect();
    let md = to_markdown(&source, &MarkdownOptions::default());
    let report = read_markdown(&md).unwrap();

    // A post-mortem that already has one event, in the middle of the
    // report's timeline.
    let mut doc = debrief::domain::PostMortem::default();
    let middle = report.events[report.events.len() / 2].time;
    doc.timeline.push(debrief::domain::TimelineEvent {
        id: "mine".into(),
        time: middle,
        precision: report.events[0].precision,
        description: "Already here".into(),
        ..Default::default()
    });
    // The first factor and the first lesson are left out.
    let left_out: std::collections::HashSet<String> = ["f0".to_string(), "l0".to_string()].into();
    let mut next = 0;
    let n = report.add_to(&mut doc, &left_out, || {
        next += 1;
        format!("new-{next}")
    });

    let lessons: usize = LessonKind::ALL
        .iter()
        .map(|k| k.list(&doc.lessons).len())
        .sum();
    assert_eq!(doc.timeline.len(), report.events.len() + 1);
    assert_eq!(doc.reason.factors.len(), report.factors.len() - 1);
    assert_eq!(doc.remedy.items.len(), report.items.len());
    assert_eq!(lessons, report.lessons.len() - 1);
    assert_eq!(
        n,
        report.events.len() + report.factors.len() - 1 + report.items.len() + report.lessons.len()
            - 1
    );
    // Time order kept across what was there and what came in.
    let times: Vec<_> = doc
        .timeline
        .iter()
        .filter(|e| e.precision != debrief::domain::Precision::Unknown)
        .map(|e| e.time)
        .collect();
    assert!(times.windows(2).all(|w| w[0] <= w[1]), "{times:?}");
    // Fresh ids everywhere; the item answers only the factor that came along.
    assert!(doc.reason.factors.iter().all(|f| f.id.starts_with("new-")));
    let kept: Vec<&String> = doc.reason.factors.iter().map(|f| &f.id).collect();
    let first = &doc.remedy.items[0];
    assert!(first.id.starts_with("new-"));
    assert_eq!(first.factor_ids.len(), 1);
    assert!(kept.contains(&&first.factor_ids[0]));
}
