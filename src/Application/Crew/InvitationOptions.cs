namespace Kasify.Application.Crew;

/// <summary>Settings section <c>Invitations</c>.</summary>
public sealed class InvitationOptions
{
    public const string SectionName = "Invitations";

    /// <summary>
    /// Accept an invitation sent to an email address only with a token that says <c>email_verified: true</c>.
    /// When false (the default), a token that says <c>false</c> is still refused, but one without the claim is trusted
    /// (some providers only issue verified addresses and never send it).
    /// </summary>
    public bool RequireVerifiedEmail { get; set; }
}
