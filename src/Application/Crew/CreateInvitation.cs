using Kasify.Application.Access;
using Kasify.Application.Common;
using Kasify.Application.Timeline;
using Kasify.Domain.Crew;
using Mapster;

namespace Kasify.Application.Crew;

/// <summary>Owner or manager; only the owner invites a manager. Defaults: one use, seven days.</summary>
[PropertyScope(AccessLevel.Owner, AccessLevel.Manager)]
public sealed class CreateInvitationHandler(IKasifyDb db, UseCaseCaller caller, PropertyAccess access, ActivityLog log, TimeProvider time,
    TypeAdapterConfig mapping)
{
    public const int MaxUsesLimit = 100;
    private static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(90);

    public async Task<InvitationResponse> HandleAsync(Guid propertyId, InvitationRequest request, CancellationToken ct)
    {
        var user = caller.User;
        var role = caller.RoleOn(propertyId);
        var property = await access.LoadForChangeAsync(propertyId, ct);
        var now = time.GetUtcNow().UtcDateTime;

        var v = new Validation();
        if (request.AccessLevel is null) v.Add("accessLevel", "accessLevel is required: manager, staff or contractor.");
        else if (request.AccessLevel == AccessLevel.Owner) v.Add("accessLevel", "Nobody can be invited as owner: use manager, staff or contractor.");
        var maxUses = request.MaxUses ?? PropertyInvitation.DefaultMaxUses;
        if (maxUses is < 1 or > MaxUsesLimit) v.Add("maxUses", $"maxUses must be between 1 and {MaxUsesLimit}.");
        var expiresAt = request.ExpiresAt ?? now + PropertyInvitation.DefaultLifetime;
        if (expiresAt <= now) v.Add("expiresAt", "expiresAt must be in the future.");
        else if (expiresAt > now + MaxLifetime) v.Add("expiresAt", "expiresAt must be within 90 days.");
        var email = v.Optional("email", request.Email, 320);
        if (email is not null && (!email.Contains('@') || email.StartsWith('@') || email.EndsWith('@')))
            v.Add("email", "email must be an email address.");
        var locale = v.Optional("locale", request.Locale, 5)?.ToLowerInvariant() ?? user.Locale;
        if (locale is not ("en" or "es")) v.Add("locale", "locale must be en or es.");
        v.ThrowIfInvalid();

        PropertyAccess.RequireMayInvite(role, request.AccessLevel!.Value);
        var invitation = new PropertyInvitation(propertyId, request.AccessLevel.Value, request.Service, email, maxUses, expiresAt, locale, user.Id, now);
        db.PropertyInvitations.Add(invitation);
        var level = invitation.AccessLevel.ToString().ToLowerInvariant();
        await log.WriteAsync("member.invited", email is null ? $"Invitation as {level} created" : $"{email} invited as {level}",
            "invitation", invitation.Id, propertyId, property.Name, ct);
        await db.SaveChangesAsync(ct);
        return invitation.Adapt<InvitationResponse>(mapping);
    }
}
