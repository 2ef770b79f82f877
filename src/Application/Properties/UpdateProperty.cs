using Kasify.Application.Access;
using Kasify.Application.Common;
using Kasify.Domain.Crew;

namespace Kasify.Application.Properties;

/// <summary>
/// PUT: replaces the published fields (left out = null) and keeps our additive fields when left out.
/// Managers cannot see owner-only fields, so theirs are kept as they are rather than wiped (docs/api-notes.md).
/// </summary>
[PropertyScope(AccessLevel.Owner, AccessLevel.Manager)]
public sealed class UpdatePropertyHandler(IKasifyDb db, UseCaseCaller caller, PropertyAccess access,
    PropertyRequestValidator validator, PropertyReader reader)
{
    public async Task<PropertyResponse> HandleAsync(Guid propertyId, PropertyRequest request, CancellationToken ct)
    {
        var role = caller.RoleOn(propertyId);
        var property = await access.LoadForChangeAsync(propertyId, ct);
        var valid = await validator.ValidateAsync(request, new(property.Country, property.TimeZone, property.CheckinTime, property.CheckoutTime), ct);
        var isOwner = role == AccessLevel.Owner;

        var details = isOwner
            ? valid.Details
            : valid.Details with { SesEstablishmentCode = property.SesEstablishmentCode, SesEstablishmentType = property.SesEstablishmentType };
        if (details.DefaultCleanerId is { } cleanerId && !await access.IsOwnerOrMemberAsync(propertyId, cleanerId, ct))
            throw new ValidationFailedException("default_cleaner_id", "default_cleaner_id must be a member of the property or its owner.");

        property.Update(details, valid.Settings);
        PropertyCalendars.Apply(property, valid, canChangeCalendars: isOwner);
        await db.SaveChangesAsync(ct);
        return await reader.ReadOneAsync(caller.User, propertyId, ct);
    }
}
