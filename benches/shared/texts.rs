//! The benches' text corpus, shared by benches/text.rs and benches/sizes.rs.

/// Messages from tests/data/texts.tsv (scams and legitimate ones alike), repeated to `bytes`.
pub fn text_of(bytes: usize) -> String {
    let messages: Vec<&str> = include_str!("../../tests/data/texts.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split('\t').next().unwrap())
        .collect();
    let mut text = String::with_capacity(bytes + 512);
    for message in messages.iter().cycle() {
        if text.len() >= bytes {
            break;
        }
        text.push_str(message);
        text.push('\n');
    }
    let end = (0..=bytes).rev().find(|&i| text.is_char_boundary(i)).unwrap();
    text.truncate(end);
    text
}
