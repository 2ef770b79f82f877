using System.Collections.Concurrent;
using Kasify.Application.Common;

namespace Kasify.Application.Integrations;

/// <summary>
/// Each POST/PUT of an integration makes us log in to a vendor with the given credentials: without a limit an account
/// could use us to guess passwords against SES or a console. Per account, <see cref="PerMinute"/> checks a minute
/// (fixed window on the injected clock; in memory, so per instance).
/// </summary>
public sealed class CredentialCheckLimiter(TimeProvider time)
{
    public const int PerMinute = 10;
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<Guid, (DateTimeOffset Start, int Count)> _windows = new();

    /// <summary>Counts one credential check of the account, or throws 429 when its minute is used up.</summary>
    public void Acquire(Guid accountId)
    {
        var now = time.GetUtcNow();
        var window = _windows.AddOrUpdate(accountId, _ => (now, 1),
            (_, w) => now - w.Start >= Window ? (now, 1) : (w.Start, w.Count + 1));
        if (window.Count > PerMinute)
            throw new TooManyRequestsException($"At most {PerMinute} credential checks a minute per account; try again shortly.",
                window.Start + Window - now);
        if (_windows.Count > 10_000) Prune(now);
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (id, w) in _windows)
            if (now - w.Start >= Window) _windows.TryRemove(id, out _);
    }
}
