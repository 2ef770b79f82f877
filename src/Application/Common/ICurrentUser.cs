using Kasify.Domain.Accounts;

namespace Kasify.Application.Common;

/// <summary>Who is calling. Outside a request (jobs) nobody is.</summary>
public interface ICurrentUser
{
    bool IsAuthenticated { get; }
    string? Subject { get; }
    bool IsPlatformAdmin { get; }

    /// <summary>Profile claims of the token (<c>email</c>, <c>name</c>/<c>given_name</c>, <c>family_name</c>).</summary>
    TokenProfile Profile { get; }

    /// <summary>The registered user behind the token, loaded once per request; null when not registered.</summary>
    Task<User?> FindAsync(CancellationToken ct = default);
}

public static class CurrentUserExtensions
{
    public static async Task<User> RequireAsync(this ICurrentUser current, CancellationToken ct = default) =>
        await current.FindAsync(ct) ?? throw new NotRegisteredException();
}

public sealed record TokenProfile(string? Email, string? Name, string? LastName);
