namespace Kasify.Application.Calendars;

/// <summary>Decides whether a feed URL may be saved (http/https only, no private addresses: no SSRF).</summary>
public interface ICalendarUrlPolicy
{
    /// <returns>null when acceptable, else the reason. Resolves the host asynchronously (no blocked request thread).</returns>
    Task<string?> CheckAsync(string url, CancellationToken ct);
}
