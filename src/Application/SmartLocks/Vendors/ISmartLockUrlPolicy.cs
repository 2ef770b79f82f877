namespace Kasify.Application.SmartLocks.Vendors;

/// <summary>Decides whether a console URL a user gave may be contacted (no private addresses by default: no SSRF).</summary>
public interface ISmartLockUrlPolicy
{
    /// <returns>null when acceptable, else the reason.</returns>
    Task<string?> CheckAsync(Uri url, CancellationToken ct);
}
