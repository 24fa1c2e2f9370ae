//! The social networks RenderCV's `cv.social_networks` accepts, with the address each one's
//! profile has (RenderCV builds the link from the network and the username; so do we, and we
//! take the username back out of a JSON Resume profile's address the same way).

/// RenderCV's name for a network, the names JSON Resume files use for it, and its profile
/// address with `{}` for the username.
#[rustfmt::skip]
const NETWORKS: &[(&str, &[&str], &str)] = &[
    ("LinkedIn", &["linkedin"], "https://linkedin.com/in/{}"),
    ("GitHub", &["github"], "https://github.com/{}"),
    ("GitLab", &["gitlab"], "https://gitlab.com/{}"),
    ("Instagram", &["instagram"], "https://instagram.com/{}"),
    ("ORCID", &["orcid"], "https://orcid.org/{}"),
    ("Mastodon", &["mastodon"], ""),
    ("StackOverflow", &["stackoverflow", "stack overflow"], "https://stackoverflow.com/users/{}"),
    ("ResearchGate", &["researchgate"], "https://researchgate.net/profile/{}"),
    ("YouTube", &["youtube"], "https://youtube.com/@{}"),
    ("Google Scholar", &["google scholar", "googlescholar", "scholar"], "https://scholar.google.com/citations?user={}"),
    ("Telegram", &["telegram"], "https://t.me/{}"),
    ("Leetcode", &["leetcode"], "https://leetcode.com/u/{}"),
    ("X", &["x", "twitter"], "https://x.com/{}"),
    ("IMDB", &["imdb"], "https://imdb.com/name/{}"),
    ("Bluesky", &["bluesky"], "https://bsky.app/profile/{}"),
];

/// RenderCV's name for a network a JSON Resume profile names ("twitter" → "X"), if RenderCV
/// knows it.
pub fn rendercv_name(network: &str) -> Option<&'static str> {
    let n = network.trim().to_lowercase();
    NETWORKS
        .iter()
        .find(|(name, aliases, _)| name.to_lowercase() == n || aliases.contains(&n.as_str()))
        .map(|(name, _, _)| *name)
}

/// The address of a profile on a network RenderCV knows. Mastodon usernames are
/// `@user@server` and their address is `https://server/@user`.
pub fn profile_url(network: &str, username: &str) -> Option<String> {
    let name = rendercv_name(network)?;
    let user = username.trim();
    if name == "Mastodon" {
        let (user, server) = user.trim_start_matches('@').split_once('@')?;
        return Some(format!("https://{server}/@{user}"));
    }
    let (_, _, pattern) = NETWORKS.iter().find(|(n, _, _)| *n == name)?;
    Some(pattern.replace("{}", user))
}

/// The username in a profile address on a network RenderCV knows ("https://www.github.com/ana/"
/// → "ana").
pub fn username_in(network: &str, url: &str) -> Option<String> {
    let name = rendercv_name(network)?;
    let bare = |u: &str| {
        u.trim()
            .trim_start_matches("https://")
            .trim_start_matches("http://")
            .trim_start_matches("www.")
            .trim_end_matches('/')
            .to_string()
    };
    let url = bare(url);
    if name == "Mastodon" {
        let (server, user) = url.split_once("/@")?;
        return Some(format!("@{user}@{server}"));
    }
    let (_, _, pattern) = NETWORKS.iter().find(|(n, _, _)| *n == name)?;
    let pattern = bare(pattern);
    let (before, after) = pattern.split_once("{}")?;
    let rest = url.strip_prefix(before)?;
    let user = rest.strip_suffix(after).unwrap_or(rest);
    let mut parts = user.split(['/', '?', '#']);
    let first = parts.next().unwrap_or_default();
    // A StackOverflow profile is named by its number and its name: "users/123/ana".
    let user = match (name, parts.next()) {
        ("StackOverflow", Some(second)) if !second.is_empty() => format!("{first}/{second}"),
        _ => first.to_string(),
    };
    (!user.is_empty()).then_some(user)
}

/// Whether a username has the form RenderCV requires on the networks where it checks one.
pub fn username_ok(network: &str, user: &str) -> bool {
    match network {
        "StackOverflow" => user.split_once('/').is_some_and(|(id, name)| {
            !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()) && !name.is_empty()
        }),
        "Mastodon" => user
            .strip_prefix('@')
            .and_then(|u| u.split_once('@'))
            .is_some_and(|(u, server)| !u.is_empty() && server.contains('.')),
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_addresses_and_usernames() {
        assert_eq!(rendercv_name("twitter"), Some("X"));
        assert_eq!(rendercv_name("Stack Overflow"), Some("StackOverflow"));
        assert_eq!(rendercv_name("Dribbble"), None);
        assert_eq!(
            profile_url("GitHub", "ana").as_deref(),
            Some("https://github.com/ana")
        );
        assert_eq!(
            profile_url("Mastodon", "@ana@social.example").as_deref(),
            Some("https://social.example/@ana")
        );
        assert_eq!(
            username_in("github", "https://www.github.com/ana/").as_deref(),
            Some("ana")
        );
        assert_eq!(
            username_in("LinkedIn", "https://linkedin.com/in/ana-lima").as_deref(),
            Some("ana-lima")
        );
        assert_eq!(
            username_in("Mastodon", "https://social.example/@ana").as_deref(),
            Some("@ana@social.example")
        );
        assert_eq!(username_in("GitHub", "https://gitlab.com/ana"), None);
        assert_eq!(
            username_in("StackOverflow", "https://stackoverflow.com/users/4711/ana").as_deref(),
            Some("4711/ana")
        );
        assert!(username_ok("StackOverflow", "4711/ana"));
        assert!(!username_ok("StackOverflow", "ana"));
        assert!(username_ok("Mastodon", "@ana@social.example"));
        assert!(!username_ok("Mastodon", "ana"));
    }
}
