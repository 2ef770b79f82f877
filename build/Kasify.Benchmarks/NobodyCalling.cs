using Kasify.Application.Common;
using Kasify.Domain.Accounts;

namespace Kasify.Benchmarks;

/// <summary>Jobs run outside any request: nobody is calling.</summary>
internal sealed class NobodyCalling : ICurrentUser
{
    public bool IsAuthenticated => false;
    public string? Subject => null;
    public string? Issuer => null;
    public bool IsPersonalAccessToken => false;
    public bool IsPlatformAdmin => false;
    public TokenProfile Profile => new(null, null, null);
    public Task<User?> FindAsync(CancellationToken ct = default) => Task.FromResult<User?>(null);
}

internal sealed class NoPublicUrls : IPublicUrls
{
    public string File(Guid fileId) => $"/files/{fileId}";
    public string CalendarExport(Guid propertyId, string token) => $"/properties/{propertyId}/calendar.ics?token={token}";
    public string PublicTask(string token) => $"/public/tasks/{token}";
}
