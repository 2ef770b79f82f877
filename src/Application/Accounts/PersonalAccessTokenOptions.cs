namespace Kasify.Application.Accounts;

/// <summary>Settings section <c>PersonalAccessTokens</c>.</summary>
public sealed class PersonalAccessTokenOptions
{
    public const string SectionName = "PersonalAccessTokens";

    /// <summary>
    /// The longest a token lives: a token created without <c>expires_at</c> expires after this, a later
    /// <c>expires_at</c> is refused, and tokens from before this limit existed stop working this long after creation.
    /// </summary>
    public int MaxLifetimeDays { get; set; } = 365;

    public TimeSpan MaxLifetime => TimeSpan.FromDays(MaxLifetimeDays);
}
