using System.Diagnostics;
using System.Net;
using Kasify.Application.Calendars.Feeds;
using Kasify.Infrastructure.Calendars.Feeds;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Kasify.UnitTests.Calendars;

/// <summary>The feed client's resilience pipeline (retries, Retry-After, per-host circuit breaker) over a scripted server.</summary>
public sealed class CalendarFeedResilienceTests
{
    private const string Calendar = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n";

    private ServiceProvider? _services;

    [TearDown]
    public void Dispose() => _services?.Dispose();

    [Test]
    public async Task A_short_retry_after_is_waited_for_and_the_fetch_retried()
    {
        var server = new ScriptedServer(_ => Status(HttpStatusCode.ServiceUnavailable, retryAfterSeconds: 1), _ => Ok());
        var clock = Stopwatch.StartNew();

        var result = await Fetcher(server).FetchAsync(new Uri("https://feeds.example/a.ics"), null, null, CancellationToken.None);

        result.Should().BeOfType<FeedFetchResult.Fetched>();
        server.Requests.Should().HaveCount(2);
        clock.Elapsed.Should().BeGreaterThan(TimeSpan.FromSeconds(0.9), "the server asked for a second");
    }

    [Test]
    public async Task A_long_retry_after_is_left_to_the_sync_jobs_back_off()
    {
        var server = new ScriptedServer(_ => Status(HttpStatusCode.TooManyRequests, retryAfterSeconds: 120));

        var result = await Fetcher(server).FetchAsync(new Uri("https://feeds.example/a.ics"), null, null, CancellationToken.None);

        result.Should().Be(new FeedFetchResult.Failed("HTTP 429 Too Many Requests", IsTransient: true));
        server.Requests.Should().HaveCount(1, "no worker waits two minutes for one feed");
    }

    [Test]
    public async Task A_host_that_keeps_failing_is_given_a_rest_while_other_hosts_are_still_fetched()
    {
        var server = new ScriptedServer(request => request.RequestUri!.Host == "down.example" ? Status(HttpStatusCode.BadGateway) : Ok());
        var fetcher = Fetcher(server);
        var down = new Uri("https://down.example/feed.ics");

        for (var i = 0; i < 4; i++) await fetcher.FetchAsync(down, null, null, CancellationToken.None);
        var requestsBefore = server.Requests.Count;
        var rested = await fetcher.FetchAsync(down, null, null, CancellationToken.None);

        requestsBefore.Should().Be(10, "three fetches of three attempts, then the tenth failure opened the circuit");
        server.Requests.Should().HaveCount(requestsBefore, "an open circuit sends nothing");
        rested.Should().BeOfType<FeedFetchResult.Failed>().Which.Should().Match<FeedFetchResult.Failed>(f => f.IsTransient && f.Reason.StartsWith("not tried"));
        (await fetcher.FetchAsync(new Uri("https://up.example/feed.ics"), null, null, CancellationToken.None))
            .Should().BeOfType<FeedFetchResult.Fetched>("the circuit is per host");
    }

    [Test]
    public async Task A_missing_feed_is_not_retried_and_does_not_count_against_its_host()
    {
        var server = new ScriptedServer(request => request.RequestUri!.AbsolutePath == "/gone.ics" ? Status(HttpStatusCode.NotFound) : Ok());
        var fetcher = Fetcher(server);

        for (var i = 0; i < 12; i++) await fetcher.FetchAsync(new Uri("https://feeds.example/gone.ics"), null, null, CancellationToken.None);

        server.Requests.Should().HaveCount(12);
        (await fetcher.FetchAsync(new Uri("https://feeds.example/ok.ics"), null, null, CancellationToken.None)).Should().BeOfType<FeedFetchResult.Fetched>();
    }

    private ICalendarFeedFetcher Fetcher(ScriptedServer server)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>()).Build();
        var services = new ServiceCollection().AddCalendarFeeds(configuration);
        services.AddHttpClient(CalendarFeedsServiceCollectionExtensions.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => server);
        _services = services.BuildServiceProvider();
        return _services.GetRequiredService<ICalendarFeedFetcher>();
    }

    private static HttpResponseMessage Ok() => new(HttpStatusCode.OK) { Content = new StringContent(Calendar) };

    private static HttpResponseMessage Status(HttpStatusCode status, int? retryAfterSeconds = null)
    {
        var response = new HttpResponseMessage(status);
        if (retryAfterSeconds is { } seconds) response.Headers.RetryAfter = new(TimeSpan.FromSeconds(seconds));
        return response;
    }

    /// <summary>Answers the n-th request with the n-th script entry (the last one repeats).</summary>
    private sealed class ScriptedServer(params Func<HttpRequestMessage, HttpResponseMessage>[] script) : HttpMessageHandler
    {
        private readonly List<Uri> _requests = [];

        public IReadOnlyList<Uri> Requests
        {
            get { lock (_requests) return [.. _requests]; }
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            int n;
            lock (_requests)
            {
                _requests.Add(request.RequestUri!);
                n = _requests.Count;
            }
            return Task.FromResult(script[Math.Min(n, script.Length) - 1](request));
        }
    }
}
