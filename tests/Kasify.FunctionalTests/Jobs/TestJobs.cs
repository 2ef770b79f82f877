using Kasify.Application.Jobs;

namespace Kasify.FunctionalTests.Jobs;

/// <summary>A job that always fails, as a vendor outage would.</summary>
public sealed class FailingJob : IOutboxJobHandler
{
    public const string JobKind = "test.fail";

    public string Kind => JobKind;

    public Task HandleAsync(string payload, CancellationToken ct) => throw new HttpRequestException("vendor unavailable");
}

/// <summary>
/// A long feed fetch: runs on the calendars queue (its kind starts with <c>calendar.</c>) and holds its worker until
/// <see cref="Release"/>. Counts how often it was started.
/// </summary>
public sealed class BlockingJob : IOutboxJobHandler
{
    public const string JobKind = "calendar.test_blocking";
    private static SemaphoreSlim _gate = new(0);
    private static int _starts;

    public static int Starts => _starts;

    public static void Reset()
    {
        _gate = new SemaphoreSlim(0);
        _starts = 0;
    }

    public static void Release() => _gate.Release(100);

    public string Kind => JobKind;

    public async Task HandleAsync(string payload, CancellationToken ct)
    {
        Interlocked.Increment(ref _starts);
        await _gate.WaitAsync(TimeSpan.FromSeconds(60), ct);
    }
}
