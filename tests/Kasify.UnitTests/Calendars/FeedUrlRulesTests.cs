using Kasify.Infrastructure.Calendars.Feeds;

namespace Kasify.UnitTests.Calendars;

public sealed class FeedUrlRulesTests
{
    [TestCase("https://www.airbnb.com/calendar/ical/12345.ics?s=abc")]
    [TestCase("https://ical.booking.com/v1/export?t=8f6c2f0e-5b1a-4c1e-9e1e-3a2b1c0d9e8f")]
    [TestCase("http://8.8.8.8/feed.ics")]
    [TestCase("https://[2001:4860:4860::8888]/feed.ics")]
    public async Task Public_http_and_https_urls_are_accepted(string url)
    {
        (await FeedUrlRules.CheckAsync(url, allowPrivate: false)).Should().BeNull();
    }

    [TestCase("http://127.0.0.1/feed.ics")]
    [TestCase("http://10.0.0.8/feed.ics")]
    [TestCase("http://172.16.5.4/feed.ics")]
    [TestCase("http://172.31.255.255/feed.ics")]
    [TestCase("http://192.168.1.10/feed.ics")]
    [TestCase("http://169.254.169.254/latest/meta-data/")]
    [TestCase("http://0.0.0.0/feed.ics")]
    [TestCase("http://[::1]/feed.ics")]
    [TestCase("http://[::]/feed.ics")]
    [TestCase("http://[fd12:3456::1]/feed.ics")]
    [TestCase("http://[fe80::1]/feed.ics")]
    [TestCase("http://[::ffff:127.0.0.1]/feed.ics")]
    [TestCase("http://localhost:8080/feed.ics")]
    [TestCase("http://100.64.0.1/feed.ics")]
    [TestCase("http://192.0.0.8/feed.ics")]
    [TestCase("http://198.18.0.1/feed.ics")]
    [TestCase("http://198.19.255.1/feed.ics")]
    [TestCase("http://[64:ff9b::a00:5]/feed.ics")]
    [TestCase("http://[2002:a00:5::1]/feed.ics")]
    [TestCase("http://224.0.0.1/feed.ics")]
    public async Task Urls_reaching_loopback_private_or_link_local_addresses_are_refused(string url)
    {
        (await FeedUrlRules.CheckAsync(url, allowPrivate: false)).Should().Contain("private").And.NotContain("127.0.0.1");
    }

    [Test]
    public async Task Private_addresses_are_accepted_when_allowed()
    {
        (await FeedUrlRules.CheckAsync("http://localhost:8080/feed.ics", allowPrivate: true)).Should().BeNull();
    }

    [TestCase("ftp://example.com/feed.ics")]
    [TestCase("file:///etc/passwd")]
    [TestCase("webcal://example.com/feed.ics")]
    public async Task Other_schemes_are_refused_even_when_private_addresses_are_allowed(string url)
    {
        (await FeedUrlRules.CheckAsync(url, allowPrivate: true)).Should().Contain("http");
    }

    [TestCase("")]
    [TestCase("not a url")]
    [TestCase("/calendar/ical/12345.ics")]
    public async Task Relative_or_garbled_urls_are_refused(string url)
    {
        (await FeedUrlRules.CheckAsync(url, allowPrivate: false)).Should().NotBeNullOrEmpty();
    }

    [Test]
    public async Task A_host_that_does_not_resolve_is_accepted_because_the_fetcher_checks_again()
    {
        (await FeedUrlRules.CheckAsync("https://feeds.kasify-test.invalid/x.ics", allowPrivate: false)).Should().BeNull();
    }
}
