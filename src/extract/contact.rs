//! Contact details wherever they are: e-mail addresses, phone numbers in national and
//! international forms, web addresses, and profiles on known networks with their usernames.

use super::contact_scan;
use super::lexicon::{NETWORKS, URL_LABELS};
use crate::model::Profile;
use std::ops::Range;

/// One contact detail found in a piece of text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    Email(String),
    Phone(String),
    /// A web address; the label in front of it ("blog:"), if any.
    Url {
        url: String,
        label: Option<String>,
    },
}

/// Every contact detail in `text`, in order, with the byte ranges they occupy.
pub fn find(text: &str) -> Vec<(std::ops::Range<usize>, Item)> {
    let mut out: Vec<(std::ops::Range<usize>, Item)> = Vec::new();
    if text.contains('@') {
        for e in contact_scan::emails(text) {
            out.push((e.all, Item::Email(text[e.address].to_string())));
        }
    }
    // A web address may hold balanced parentheses ("…/wiki/Silicon_Valley_(TV_series)"), as
    // in Wikipedia's addresses; a parenthesis around it is not part of it.
    let email_ranges: Vec<Range<usize>> = out.iter().map(|(r, _)| r.clone()).collect();
    let urls = if text.contains('.') {
        contact_scan::urls(text)
    } else {
        Vec::new()
    };
    for found in urls {
        let u = found.url;
        if covered(&email_ranges, u.start) {
            continue; // the domain of an e-mail address
        }
        if text[..u.start].ends_with('@') {
            continue;
        }
        let raw = text[u.clone()].trim_end_matches(['.', ',', ';', ':', '!', '?', '\'', '"']);
        let label = found
            .label
            .as_ref()
            .map(|l| text[l.clone()].trim().to_lowercase());
        let start = found.label.map_or(u.start, |l| l.start);
        out.push((
            start..u.start + raw.len(),
            Item::Url {
                url: raw.to_string(),
                label,
            },
        ));
    }
    let url_ranges: Vec<Range<usize>> = out
        .iter()
        .filter(|(_, i)| matches!(i, Item::Url { .. }))
        .map(|(r, _)| r.clone())
        .collect();
    let enough_digits = text.bytes().filter(u8::is_ascii_digit).count() >= 7;
    let phones = if enough_digits {
        contact_scan::phones(text)
    } else {
        Vec::new()
    };
    for p in phones {
        let s = text[p.clone()].trim();
        let digits = s.chars().filter(char::is_ascii_digit).count();
        if !(7..=15).contains(&digits)
            || covered(&email_ranges, p.start)
            || covered(&url_ranges, p.start)
        {
            continue;
        }
        // A year range (2010-2014, 2013 - 2019) or a date is not a phone number.
        if super::dates::find_range(s).is_some_and(|r| r.span.len() + 2 >= s.len()) {
            continue;
        }
        out.push((p.start..p.start + s.len(), Item::Phone(s.to_string())));
    }
    out.sort_by_key(|(r, _)| r.start);
    out
}

/// True when `pos` falls inside one of `ranges` (sorted, not overlapping): a binary search,
/// so a line with thousands of addresses stays linear.
fn covered(ranges: &[Range<usize>], pos: usize) -> bool {
    let i = ranges.partition_point(|r| r.start <= pos);
    i > 0 && ranges.get(i - 1).is_some_and(|r| pos < r.end)
}

/// Adds a scheme to a bare address (`bessey.dev` → `https://bessey.dev`).
pub fn absolute_url(u: &str) -> String {
    if u.contains("://") || u.starts_with("mailto:") {
        u.to_string()
    } else {
        format!("https://{u}")
    }
}

/// A URL of a repository on a code host ("github.com/org/project"): a person's profile
/// there has one path segment, a repository two or more.
pub fn is_repository(url: &str) -> bool {
    let lower = url.to_lowercase();
    let rest = lower.split_once("://").map_or(lower.as_str(), |(_, r)| r);
    let rest = rest.strip_prefix("www.").unwrap_or(rest);
    [
        "github.com/",
        "gitlab.com/",
        "bitbucket.org/",
        "codeberg.org/",
    ]
    .iter()
    .find_map(|h| rest.strip_prefix(h))
    .is_some_and(|path| {
        path.split(['?', '#'])
            .next()
            .unwrap_or("")
            .split('/')
            .filter(|s| !s.is_empty())
            .count()
            >= 2
    })
}

/// The profile a URL is, when it points at a known network.
pub fn profile(url: &str) -> Option<Profile> {
    let lower = url.to_lowercase();
    let without_scheme = lower.split_once("://").map_or(lower.as_str(), |(_, r)| r);
    let without_www = without_scheme
        .strip_prefix("www.")
        .unwrap_or(without_scheme);
    let offset = url.len() - without_www.len();
    for (network, host, prefix) in NETWORKS {
        let Some(rest) = without_www.strip_prefix(host) else {
            continue;
        };
        let Some(path) = rest.strip_prefix('/') else {
            continue;
        };
        let Some(after) = path.strip_prefix(prefix) else {
            continue;
        };
        let start = offset + host.len() + 1 + prefix.len();
        let original = url.get(start..).unwrap_or(after);
        let mut username: String = original
            .split(['/', '?', '#'])
            .next()
            .unwrap_or("")
            .to_string();
        if *prefix == "users/" {
            // stackoverflow.com/users/123/name: the name, not the number.
            let parts: Vec<&str> = original.split('/').collect();
            username = parts
                .get(1)
                .filter(|s| !s.is_empty())
                .or(parts.first())
                .map(|s| s.to_string())
                .unwrap_or_default();
        }
        if username.is_empty() || (username.len() < 2 && *host != "x.com") {
            continue;
        }
        if *prefix == "@" {
            username = format!("@{username}");
        }
        return Some(Profile {
            network: Some(network.to_string()),
            username: Some(username),
            url: Some(absolute_url(url)),
            ..Profile::default()
        });
    }
    // Mastodon and other fediverse handles: host/@user.
    if let Some((host, user)) = without_scheme.split_once("/@") {
        if host.contains('.') && !user.is_empty() && !user.contains('/') {
            return Some(Profile {
                network: Some("Mastodon".into()),
                username: Some(user.to_string()),
                url: Some(absolute_url(url)),
                ..Profile::default()
            });
        }
    }
    None
}

/// The profile for a network named in words and a username ("GitHub" + "analindqvist").
/// The address is not written in such a CV, so none is invented.
pub fn profile_for(network: &str, username: &str) -> Option<Profile> {
    let (name, _, _) = NETWORKS
        .iter()
        .find(|(n, _, _)| n.eq_ignore_ascii_case(network))?;
    Some(Profile {
        network: Some(name.to_string()),
        username: Some(username.to_string()),
        ..Profile::default()
    })
}

/// The network name a URL label means ("blog" → "Blog").
pub fn label_network(label: &str) -> Option<&'static str> {
    URL_LABELS
        .iter()
        .find(|(l, _)| *l == label)
        .map(|(_, n)| *n)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(s: &str) -> Vec<Item> {
        find(s).into_iter().map(|(_, i)| i).collect()
    }

    #[test]
    fn emails_phones_urls() {
        assert_eq!(
            items(
                "Greater Boston\t603.731.5283\t jessekoconnor@gmail.com\tSite: http://www.jessekoconnor.com/"
            ),
            vec![
                Item::Phone("603.731.5283".into()),
                Item::Email("jessekoconnor@gmail.com".into()),
                Item::Url {
                    url: "http://www.jessekoconnor.com/".into(),
                    label: Some("site".into())
                },
            ]
        );
        assert_eq!(
            items("+44 7957 151 787"),
            vec![Item::Phone("+44 7957 151 787".into())]
        );
        assert_eq!(
            items("Tel: 1-650-999-7777"),
            vec![Item::Phone("1-650-999-7777".into())]
        );
        assert_eq!(
            items("(999) 888-7777"),
            vec![Item::Phone("(999) 888-7777".into())]
        );
        assert_eq!(
            items("+00 (0)00 000 0000 • XX"),
            vec![Item::Phone("+00 (0)00 000 0000".into())]
        );
        assert_eq!(items("2010-2014 and 2013 - 2019"), vec![]);
        assert_eq!(
            items("blog: lowlevelmanager.com splash: rockstär.dev"),
            vec![
                Item::Url {
                    url: "lowlevelmanager.com".into(),
                    label: Some("blog".into())
                },
                Item::Url {
                    url: "rockstär.dev".into(),
                    label: Some("splash".into())
                },
            ]
        );
    }

    #[test]
    fn profiles() {
        let p = profile("linkedin.com/in/mattbessey").unwrap();
        assert_eq!(p.network.as_deref(), Some("LinkedIn"));
        assert_eq!(p.username.as_deref(), Some("mattbessey"));
        assert_eq!(p.url.as_deref(), Some("https://linkedin.com/in/mattbessey"));
        assert_eq!(
            profile("https://github.com/bessey")
                .unwrap()
                .username
                .as_deref(),
            Some("bessey")
        );
        assert_eq!(
            profile("https://fosstodon.org/@ana")
                .unwrap()
                .network
                .as_deref(),
            Some("Mastodon")
        );
        assert!(profile("https://bessey.dev").is_none());
    }

    #[test]
    fn repositories_are_not_accounts() {
        for u in [
            "https://github.com/BuzzTech-API/API_ADS_6SEMESTE_2025.1",
            "gitlab.com/group/sub/project",
            "https://www.bitbucket.org/team/repo?tab=source",
        ] {
            assert!(is_repository(u), "{u}");
        }
        for u in [
            "https://github.com/KhovetS2",
            "github.com/ana/",
            "https://github.com/ana?tab=repositories",
            "https://linkedin.com/in/ana/details",
        ] {
            assert!(!is_repository(u), "{u}");
        }
    }
}
