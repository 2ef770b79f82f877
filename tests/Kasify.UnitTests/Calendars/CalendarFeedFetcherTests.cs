using System.Diagnostics;
using System.Net;
using Kasify.Application.Calendars.Feeds;
using Kasify.Infrastructure.Calendars.Feeds;
using Kasify.TestFakes.Calendars;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Kasify.UnitTests.Calendars;

public sealed class CalendarFeedFetcherTests
{
    private const string FeedPath = "/calendar/ical/12345.ics";
    private static readonly DateTimeOffset LastModified = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private FakeFeedServer _server = null!;
    private ServiceProvider? _services;

    [SetUp]
    public void StartServer() => _server = new FakeFeedServer();

    [TearDown]
    public void StopServer()
    {
        _server.Dispose();
        _services?.Dispose();
    }

    [Test]
    public async Task A_healthy_feed_is_fetched_with_its_validators()
    {
        var body = new AirbnbFeed().WithReservation(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 5)).Build();
        _server.ServeOk(FeedPath, body, etag: "\"abc\"", lastModified: LastModified);

        var result = await Fetcher().FetchAsync(_server.UrlFor(FeedPath), null, null, CancellationToken.None);

        result.Should().Be(new FeedFetchResult.Fetched(body, "\"abc\"", LastModified));
    }

    [Test]
    public async Task A_matching_etag_gets_not_modified()
    {
        _server.ServeOk(FeedPath, FakeFeedServer.EmptyCalendar, etag: "\"abc\"");

        var result = await Fetcher().FetchAsync(_server.UrlFor(FeedPath), "\"abc\"", null, CancellationToken.None);

        result.Should().BeOfType<FeedFetchResult.NotModified>();
        _server.ConditionalHeaders(FeedPath).Single().IfNoneMatch.Should().Be("\"abc\"");
    }

    [Test]
    public async Task A_matching_last_modified_gets_not_modified()
    {
        _server.ServeOk(FeedPath, FakeFeedServer.EmptyCalendar, lastModified: LastModified);

        var result = await Fetcher().FetchAsync(_server.UrlFor(FeedPath), null, LastModified, CancellationToken.None);

        result.Should().BeOfType<FeedFetchResult.NotModified>();
    }

    [Test]
    public async Task A_stale_etag_gets_the_new_body()
    {
        _server.ServeOk(FeedPath, FakeFeedServer.EmptyCalendar, etag: "\"v2\"");

        var result = await Fetcher().FetchAsync(_server.UrlFor(FeedPath), "\"v1\"", null, CancellationToken.None);

        result.Should().BeOfType<FeedFetchResult.Fetched>().Which.ETag.Should().Be("\"v2\"");
    }

    [Test]
    public async Task A_server_error_is_a_transient_failure_after_two_retries()
    {
        _server.ServeStatus(FeedPath, 500);

        var result = await Fetcher().FetchAsync(_server.UrlFor(FeedPath), null, null, CancellationToken.None);

        result.Should().Be(new FeedFetchResult.Failed("HTTP 500 Internal Server Error", IsTransient: true));
        _server.RequestCount(FeedPath).Should().Be(3);
    }

    [Test]
    public async Task A_missing_feed_is_a_permanent_failure_without_retries()
    {
        _server.ServeStatus(FeedPath, 404);

        var result = await Fetcher().FetchAsync(_server.UrlFor(FeedPath), null, null, CancellationToken.None);

        result.Should().Be(new FeedFetchResult.Failed("HTTP 404 Not Found", IsTransient: false));
        _server.RequestCount(FeedPath).Should().Be(1);
    }

    [Test]
    public async Task A_feed_that_recovers_is_fetched_by_a_retry()
    {
        _server.ServeStatus(FeedPath, 503);
        var fetch = Fetcher().FetchAsync(_server.UrlFor(FeedPath), null, null, CancellationToken.None);
        await WaitUntil(() => _server.RequestCount(FeedPath) >= 1);
        _server.ServeOk(FeedPath, FakeFeedServer.EmptyCalendar);

        var result = await fetch;

        result.Should().BeOfType<FeedFetchResult.Fetched>();
    }

    [Test]
    public async Task A_slow_feed_times_out_after_the_configured_seconds()
    {
        // Kept short: stopping the server waits for the delayed response to finish.
        _server.ServeSlow(FeedPath, TimeSpan.FromSeconds(3));
        var clock = Stopwatch.StartNew();

        var result = await Fetcher(("FetchTimeoutSeconds", "1")).FetchAsync(_server.UrlFor(FeedPath), null, null, CancellationToken.None);

        result.Should().Be(new FeedFetchResult.Failed("timed out after 1s", IsTransient: true));
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(2.5));
    }

    [Test]
    public async Task A_feed_bigger_than_the_cap_is_refused()
    {
        _server.ServeBigBody(FeedPath, 10 * 1024 * 1024);

        var result = await Fetcher().FetchAsync(_server.UrlFor(FeedPath), null, null, CancellationToken.None);

        result.Should().Be(new FeedFetchResult.Failed("feed larger than 2097152 bytes", IsTransient: false));
    }

    [Test]
    public async Task A_body_without_content_length_is_cut_off_at_the_cap()
    {
        var options = Options.Create(new CalendarFeedsOptions { MaxFeedBytes = 1000 });
        using var client = new HttpClient(new UnsizedBodyHandler(5000));
        var fetcher = new HttpCalendarFeedFetcher(client, options, TimeProvider.System);

        var result = await fetcher.FetchAsync(new Uri("https://feeds.example/x.ics"), null, null, CancellationToken.None);

        result.Should().Be(new FeedFetchResult.Failed("feed larger than 1000 bytes", IsTransient: false));
    }

    [Test]
    public async Task A_feed_on_a_private_address_is_refused_at_connect_time()
    {
        _server.ServeOk(FeedPath, FakeFeedServer.EmptyCalendar);

        var result = await Fetcher(("AllowPrivateAddresses", "false")).FetchAsync(_server.UrlFor(FeedPath), null, null, CancellationToken.None);

        result.Should().BeOfType<FeedFetchResult.Failed>()
            .Which.Should().Match<FeedFetchResult.Failed>(f => f.Reason.StartsWith("refused") && !f.IsTransient);
        _server.RequestCount(FeedPath).Should().Be(0);
    }

    [Test]
    public async Task A_feed_on_a_private_address_is_fetched_when_private_addresses_are_allowed()
    {
        _server.ServeOk(FeedPath, FakeFeedServer.EmptyCalendar);

        var result = await Fetcher(("AllowPrivateAddresses", "true")).FetchAsync(_server.UrlFor(FeedPath), null, null, CancellationToken.None);

        result.Should().BeOfType<FeedFetchResult.Fetched>().Which.Body.Should().Be(FakeFeedServer.EmptyCalendar);
    }

    [Test]
    public async Task A_malformed_feed_is_still_fetched_and_left_to_the_parser()
    {
        _server.ServeMalformed(FeedPath);

        var result = await Fetcher().FetchAsync(_server.UrlFor(FeedPath), null, null, CancellationToken.None);

        result.Should().BeOfType<FeedFetchResult.Fetched>().Which.Body.Should().Be(FakeFeedServer.MalformedText);
    }

    [Test]
    public async Task Only_http_and_https_urls_are_fetched()
    {
        var result = await Fetcher().FetchAsync(new Uri("file:///etc/passwd"), null, null, CancellationToken.None);

        result.Should().BeOfType<FeedFetchResult.Failed>().Which.IsTransient.Should().BeFalse();
    }

    [Test]
    public async Task Cancellation_by_the_caller_is_not_reported_as_a_timeout()
    {
        _server.ServeSlow(FeedPath, TimeSpan.FromSeconds(2));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var fetch = () => Fetcher().FetchAsync(_server.UrlFor(FeedPath), null, null, cancellation.Token);

        await fetch.Should().ThrowAsync<OperationCanceledException>();
    }

    [Test]
    public void The_options_default_to_twenty_seconds_two_mebibytes_and_no_private_addresses()
    {
        var configuration = new ConfigurationBuilder().Build();
        using var services = new ServiceCollection().AddCalendarFeeds(configuration).BuildServiceProvider();

        var options = services.GetRequiredService<IOptions<CalendarFeedsOptions>>().Value;

        options.FetchTimeoutSeconds.Should().Be(20);
        options.MaxFeedBytes.Should().Be(2 * 1024 * 1024);
        options.AllowPrivateAddresses.Should().BeFalse();
        options.UserAgent.Should().NotBeNullOrWhiteSpace();
    }

    private ICalendarFeedFetcher Fetcher(params (string Key, string Value)[] settings) =>
        Services(settings).GetRequiredService<ICalendarFeedFetcher>();

    // The fake server listens on localhost, so tests allow private addresses unless they say otherwise.
    private ServiceProvider Services(params (string Key, string Value)[] settings)
    {
        var values = new Dictionary<string, string?> { ["Calendars:AllowPrivateAddresses"] = "true" };
        foreach (var (key, value) in settings)
        {
            values[$"Calendars:{key}"] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        _services?.Dispose();
        _services = new ServiceCollection().AddCalendarFeeds(configuration).BuildServiceProvider();
        return _services;
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition() && deadline.Elapsed < TimeSpan.FromSeconds(5))
        {
            await Task.Delay(10);
        }
    }

    private sealed class UnsizedBodyHandler(int bytes) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StreamContent(new UnseekableStream(new byte[bytes])),
            });
    }

    // StreamContent reports Content-Length for seekable streams; this one forces the streaming cap to do the work.
    private sealed class UnseekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
