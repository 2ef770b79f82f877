using System.Net.Http;
using Kasify.Infrastructure.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Kasify.Infrastructure.Calendars.Feeds;

/// <summary>
/// The feed client's resilience pipeline, one per host (scheme, host and port), outermost first: total timeout
/// (<see cref="CalendarFeedsOptions.FetchTimeoutSeconds"/>), retries of transient failures (exponential back-off with
/// jitter, or the server's <c>Retry-After</c> when it asks for a short wait), a circuit breaker that stops calling a host
/// that keeps failing, and a timeout per attempt (until the response headers; three quarters of the total, so a hung
/// connection leaves time for one more try while a slow but working host still gets most of the budget). A feed GET is safe to repeat; the sync job's own back-off covers longer outages.
/// </summary>
internal static class FeedResilience
{
    public const int MaxRetries = 2;
    public static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(200);
    /// <summary>A server asking for a longer pause gets it from the sync job's back-off, not from a worker waiting here.</summary>
    public static readonly TimeSpan LongestRetryAfter = TimeSpan.FromSeconds(10);

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, CalendarFeedsOptions options, TimeProvider time)
    {
        var total = TimeSpan.FromSeconds(options.FetchTimeoutSeconds);
        pipeline.TimeProvider = time;
        pipeline
            .AddTimeout(new HttpTimeoutStrategyOptions { Name = "feed-total", Timeout = total })
            .AddRetry(new HttpRetryStrategyOptions
            {
                Name = "feed-retry",
                MaxRetryAttempts = MaxRetries,
                Delay = FirstRetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldRetryAfterHeader = true,
                ShouldHandle = args => ValueTask.FromResult(IsHostFailure(args.Outcome) && !AsksForLongPause(args.Outcome, time)),
            })
            .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                Name = "feed-breaker",
                FailureRatio = 0.5,
                MinimumThroughput = 10,
                SamplingDuration = TimeSpan.FromSeconds(60),
                BreakDuration = TimeSpan.FromSeconds(30),
                ShouldHandle = args => ValueTask.FromResult(IsHostFailure(args.Outcome)),
            })
            .AddTimeout(new HttpTimeoutStrategyOptions { Name = "feed-attempt", Timeout = total * 0.75 });
    }

    /// <summary>5xx, 408, 429, network errors and attempt timeouts; never our own refusal of a private address.</summary>
    private static bool IsHostFailure(Outcome<HttpResponseMessage> outcome) =>
        HttpClientResiliencePredicates.IsTransient(outcome) && PrivateAddressRefusedException.FindIn(outcome.Exception) is null;

    private static bool AsksForLongPause(Outcome<HttpResponseMessage> outcome, TimeProvider time)
    {
        var retryAfter = outcome.Result?.Headers.RetryAfter;
        var wait = retryAfter?.Delta ?? (retryAfter?.Date is { } date ? date - time.GetUtcNow() : null);
        return wait > LongestRetryAfter;
    }

    /// <summary>Describes what the pipeline refused, in words for the calendar's last error.</summary>
    public static string? Describe(Exception ex, CalendarFeedsOptions options) => ex switch
    {
        TimeoutRejectedException => $"timed out after {options.FetchTimeoutSeconds}s",
        BrokenCircuitException => "not tried: the feed's host failed repeatedly just now, so it is given a short rest",
        _ => null,
    };
}
