using Kasify.Application.Common;
using Kasify.Domain.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Simulation.Hosting;

/// <summary>Whose "request" the simulation is making now (the host of one property); nobody while jobs run.</summary>
public sealed class ActingUser
{
    private readonly AsyncLocal<string?> _subject = new();

    public string? Subject
    {
        get => _subject.Value;
        set => _subject.Value = value;
    }
}

/// <summary>The <see cref="ICurrentUser"/> of the simulation: the acting host, looked up by subject like the API does.</summary>
internal sealed class SimulatedUser(ActingUser acting, IKasifyDb db) : ICurrentUser
{
    public bool IsAuthenticated => acting.Subject is not null;
    public string? Subject => acting.Subject;
    public string? Issuer => null;
    public bool IsPersonalAccessToken => false;
    public bool IsPlatformAdmin => false;
    public TokenProfile Profile => new($"{acting.Subject}@sim.test", "Host", acting.Subject);

    public Task<User?> FindAsync(CancellationToken ct = default) =>
        acting.Subject is null ? Task.FromResult<User?>(null) : db.Users.SingleOrDefaultAsync(u => u.Subject == acting.Subject, ct);
}

internal sealed class SimulatedUrls : IPublicUrls
{
    public string File(Guid fileId) => $"http://sim.test/files/{fileId}";
    public string CalendarExport(Guid propertyId, string token) => $"http://sim.test/calendars/{propertyId}/{token}.ics";
    public string PublicTask(string token) => $"http://sim.test/tasks/{token}";
}
