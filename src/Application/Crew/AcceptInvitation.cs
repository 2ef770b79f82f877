using Kasify.Application.Access;
using Kasify.Application.Common;
using Kasify.Application.Timeline;
using Kasify.Domain.Crew;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kasify.Application.Crew;

/// <summary>
/// Joins the property. A use is taken with one conditional UPDATE (<c>uses &lt; maxUses</c> and not expired), so two
/// concurrent accepts of a single-use invitation cannot both succeed: the database lets one update through and the
/// other sees zero rows and gets a 409. Someone already on the property gets 200 and no use is spent.
/// An invitation sent to an email address trusts only an interactive sign-in whose provider vouches for that address.
/// </summary>
[CallerScope]
public sealed class AcceptInvitationHandler(IKasifyDb db, UseCaseCaller caller, ICurrentUser current, PropertyAccess access, ActivityLog log,
    IOptions<InvitationOptions> options, TimeProvider time)
{
    public async Task<InvitationAccepted> HandleAsync(string token, CancellationToken ct)
    {
        var user = caller.User;
        var now = time.GetUtcNow().UtcDateTime;
        var invitation = await FindAsync(token, ct) ?? throw new NotFoundException("Invitation");
        var property = await db.Properties.AsNoTracking().Where(p => p.Id == invitation.PropertyId && p.ArchivedAt == null)
            .Select(p => new { p.Id, p.Name }).SingleOrDefaultAsync(ct) ?? throw new NotFoundException("Invitation"); // property deleted
        var accepted = new InvitationAccepted(property.Id, property.Name);

        if (await access.RoleAsync(user, property.Id, ct) is not null) return accepted;
        if (invitation.Email is not null) ThrowIfEmailNotProven(invitation, user.Email);
        ThrowIfUnusable(invitation, now);

        var claimed = await db.PropertyInvitations
            .Where(i => i.Id == invitation.Id && i.Uses < i.MaxUses && i.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Uses, i => i.Uses + 1).SetProperty(i => i.AcceptedAt, now), ct);
        if (claimed == 0)
        {
            var latest = await FindAsync(token, ct) ?? throw new NotFoundException("Invitation");
            ThrowIfUnusable(latest, now);
            throw new ConflictException("This invitation has been used up.");
        }

        db.PropertyMembers.Add(new PropertyMember(property.Id, user.Id, invitation.AccessLevel, invitation.Service, now));
        await log.WriteAsync("member.joined", $"{user.DisplayName} joined as {invitation.AccessLevel.ToString().ToLowerInvariant()}",
            "member", user.Id, property.Id, property.Name, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same user accepted twice at once: the other request made the membership; give the use back.
            if (!await IsMemberAsync(property.Id, user.Id, ct)) throw;
            await db.PropertyInvitations.Where(i => i.Id == invitation.Id && i.Uses > 0)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.Uses, i => i.Uses - 1), ct);
        }
        return accepted;
    }

    private Task<PropertyInvitation?> FindAsync(string token, CancellationToken ct) =>
        db.PropertyInvitations.AsNoTracking().SingleOrDefaultAsync(i => i.Token == token, ct);

    private Task<bool> IsMemberAsync(Guid propertyId, Guid userId, CancellationToken ct) =>
        db.PropertyMembers.AsNoTracking().AnyAsync(m => m.PropertyId == propertyId && m.UserId == userId, ct);

    private void ThrowIfEmailNotProven(PropertyInvitation invitation, string registeredEmail)
    {
        // A personal access token carries no fresh word from the identity provider about the address.
        if (current.IsPersonalAccessToken)
            throw new ForbiddenException("An invitation sent to an email address must be accepted after signing in, not with a personal access token.");
        var profile = current.Profile;
        if (invitation.IsBoundToAnotherEmail(profile.Email ?? registeredEmail))
            throw new ForbiddenException("This invitation was sent to another email address; sign in with that address to accept it.");
        if (profile.EmailVerified == false || profile.EmailVerified is null && options.Value.RequireVerifiedEmail)
            throw new ForbiddenException("Your sign-in does not show this email address as verified; verify it with your identity provider and sign in again.");
    }

    private static void ThrowIfUnusable(PropertyInvitation invitation, DateTime now)
    {
        if (invitation.IsExpired(now)) throw new ConflictException("This invitation has expired; ask for a new one.");
        if (invitation.IsUsedUp) throw new ConflictException("This invitation has been used up; ask for a new one.");
    }
}
