using Kasify.Infrastructure.Calendars.Feeds;

namespace Kasify.UnitTests.Calendars;

public sealed class FeedUrlRulesTests
{
    [TestCase("https://www.airbnb.com/calendar/ical/12345.ics?s=abc")]
    [TestCase("https://ical.booking.com/v1/export?t=8f6c2f0e-5b1a-4c1e-9e1e-3a2b1c0d9e8f")]
    [TestCase("http://8.8.8.8/feed.ics")]
    [TestCase("https://[2001:4860:4860::8888]/feed.ics")]
    public void Public_http_and_https_urls_are_accepted(string url)
    {
        FeedUrlRules.Validate(url, allowPrivate: false, out var error).Should().BeTrue(error);
        error.Should().BeNull();
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
    public void Urls_reaching_loopback_private_or_link_local_addresses_are_refused(string url)
    {
        FeedUrlRules.Validate(url, allowPrivate: false, out var error).Should().BeFalse();
        error.Should().Contain("private");
    }

    [Test]
    public void Private_addresses_are_accepted_when_allowed()
    {
        FeedUrlRules.Validate("http://localhost:8080/feed.ics", allowPrivate: true, out var error).Should().BeTrue();
        error.Should().BeNull();
    }

    [TestCase("ftp://example.com/feed.ics")]
    [TestCase("file:///etc/passwd")]
    [TestCase("webcal://example.com/feed.ics")]
    public void Other_schemes_are_refused_even_when_private_addresses_are_allowed(string url)
    {
        FeedUrlRules.Validate(url, allowPrivate: true, out var error).Should().BeFalse();
        error.Should().Contain("http");
    }

    [TestCase("")]
    [TestCase("not a url")]
    [TestCase("/calendar/ical/12345.ics")]
    public void Relative_or_garbled_urls_are_refused(string url)
    {
        FeedUrlRules.Validate(url, allowPrivate: false, out var error).Should().BeFalse();
        error.Should().NotBeNullOrEmpty();
    }

    [Test]
    public void A_host_that_does_not_resolve_is_accepted_because_the_fetcher_checks_again()
    {
        FeedUrlRules.Validate("https://feeds.kasify-test.invalid/x.ics", allowPrivate: false, out var error).Should().BeTrue();
        error.Should().BeNull();
    }
}
