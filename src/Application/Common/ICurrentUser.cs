using Kasify.Domain.Accounts;

namespace Kasify.Application.Common;

/// <summary>Who is calling. Outside a request (jobs) nobody is.</summary>
public interface ICurrentUser
{
    bool IsAuthenticated { get; }
    string? Subject { get; }

    /// <summary>The token's issuer (<c>iss</c>): users are keyed by issuer and subject together.</summary>
    string? Issuer { get; }

    /// <summary>True for a <c>kas_pat_</c> token: never an interactive sign-in, never a platform admin.</summary>
    bool IsPersonalAccessToken { get; }
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

/// <param name="EmailVerified">The provider's <c>email_verified</c> claim; null when it sent none.</param>
public sealed record TokenProfile(string? Email, string? Name, string? LastName, bool? EmailVerified = null);
