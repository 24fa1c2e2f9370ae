//! Month names in the languages résumés are written in, full and abbreviated, as data: the
//! date grammar ([`super::dates`]) lets any word stand for a month and checks it here.
//! Matching is case-insensitive; a dot after an abbreviation is allowed by the grammar. Adding
//! a language is adding its row.

/// (language, the twelve months: each a list of spellings).
pub const MONTHS: &[(&str, [&[&str]; 12])] = &[
    (
        "en",
        [
            &["january", "jan"],
            &["february", "feb"],
            &["march", "mar"],
            &["april", "apr"],
            &["may"],
            &["june", "jun"],
            &["july", "jul"],
            &["august", "aug"],
            &["september", "sept", "sep"],
            &["october", "oct"],
            &["november", "nov"],
            &["december", "dec"],
        ],
    ),
    (
        "de",
        [
            &["januar", "jänner", "jaenner", "jan"],
            &["februar", "feber", "feb"],
            &["märz", "maerz", "mär", "mrz"],
            &["april", "apr"],
            &["mai"],
            &["juni", "jun"],
            &["juli", "jul"],
            &["august", "aug"],
            &["september", "sept", "sep"],
            &["oktober", "okt"],
            &["november", "nov"],
            &["dezember", "dez"],
        ],
    ),
    (
        "fr",
        [
            &["janvier", "janv"],
            &["février", "fevrier", "févr", "fevr", "fév", "fev"],
            &["mars"],
            &["avril", "avr"],
            &["mai"],
            &["juin"],
            &["juillet", "juil"],
            &["août", "aout"],
            &["septembre", "sept"],
            &["octobre", "oct"],
            &["novembre", "nov"],
            &["décembre", "decembre", "déc", "dec"],
        ],
    ),
    (
        "es",
        [
            &["enero", "ene"],
            &["febrero", "feb"],
            &["marzo", "mar"],
            &["abril", "abr"],
            &["mayo", "may"],
            &["junio", "jun"],
            &["julio", "jul"],
            &["agosto", "ago"],
            &["septiembre", "setiembre", "sept", "sep", "set"],
            &["octubre", "oct"],
            &["noviembre", "nov"],
            &["diciembre", "dic"],
        ],
    ),
    (
        "pt",
        [
            &["janeiro", "jan"],
            &["fevereiro", "fev"],
            &["março", "marco", "mar"],
            &["abril", "abr"],
            &["maio", "mai"],
            &["junho", "jun"],
            &["julho", "jul"],
            &["agosto", "ago"],
            &["setembro", "set"],
            &["outubro", "out"],
            &["novembro", "nov"],
            &["dezembro", "dez"],
        ],
    ),
    (
        "it",
        [
            &["gennaio", "gen"],
            &["febbraio", "feb"],
            &["marzo", "mar"],
            &["aprile", "apr"],
            &["maggio", "mag"],
            &["giugno", "giu"],
            &["luglio", "lug"],
            &["agosto", "ago"],
            &["settembre", "set"],
            &["ottobre", "ott"],
            &["novembre", "nov"],
            &["dicembre", "dic"],
        ],
    ),
    (
        "nl",
        [
            &["januari", "jan"],
            &["februari", "feb"],
            &["maart", "mrt"],
            &["april", "apr"],
            &["mei"],
            &["juni", "jun"],
            &["juli", "jul"],
            &["augustus", "aug"],
            &["september", "sep"],
            &["oktober", "okt"],
            &["november", "nov"],
            &["december", "dec"],
        ],
    ),
    (
        "pl",
        [
            &["styczeń", "stycznia", "styczen", "sty"],
            &["luty", "lutego", "lut"],
            &["marzec", "marca", "mar"],
            &["kwiecień", "kwietnia", "kwiecien", "kwi"],
            &["maj", "maja"],
            &["czerwiec", "czerwca", "cze"],
            &["lipiec", "lipca", "lip"],
            &["sierpień", "sierpnia", "sierpien", "sie"],
            &["wrzesień", "września", "wrzesien", "wrz"],
            &["październik", "października", "pazdziernik", "paź", "paz"],
            &["listopad", "listopada", "lis"],
            &["grudzień", "grudnia", "grudzien", "gru"],
        ],
    ),
    (
        "ru",
        [
            &["январь", "января", "янв"],
            &["февраль", "февраля", "фев"],
            &["март", "марта", "мар"],
            &["апрель", "апреля", "апр"],
            &["май", "мая"],
            &["июнь", "июня", "июн"],
            &["июль", "июля", "июл"],
            &["август", "августа", "авг"],
            &["сентябрь", "сентября", "сент", "сен"],
            &["октябрь", "октября", "окт"],
            &["ноябрь", "ноября", "ноя"],
            &["декабрь", "декабря", "дек"],
        ],
    ),
];

/// The month (1–12) a word names, in any language of the table.
pub fn number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    MONTHS.iter().find_map(|(_, months)| {
        months
            .iter()
            .position(|spellings| spellings.contains(&w.as_str()))
            .and_then(|i| u32::try_from(i + 1).ok())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_in_every_language() {
        for (w, n) in [
            ("Février", 2),
            ("févr.", 2),
            ("März", 3),
            ("março", 3),
            ("mai", 5),
            ("Maggio", 5),
            ("Juni", 6),
            ("juil.", 7),
            ("Ago", 8),
            ("SEPT", 9),
            ("out", 10),
            ("października", 10),
            ("Dez", 12),
            ("декабря", 12),
            ("mrt", 3),
        ] {
            assert_eq!(number(w), Some(n), "{w}");
        }
        assert_eq!(number("monday"), None);
    }
}
