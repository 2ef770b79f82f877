using Kasify.Application.Common;
using Kasify.Domain.Properties;

namespace Kasify.Application.Properties;

[CallerScope]
public sealed class CreatePropertyHandler(IKasifyDb db, UseCaseCaller caller, PropertyRequestValidator validator,
    PropertyReader reader, TimeProvider time)
{
    public async Task<PropertyResponse> HandleAsync(PropertyRequest request, CancellationToken ct)
    {
        var user = caller.User;
        var valid = await validator.ValidateAsync(request, PropertySettings.Default, ct);
        // A new property has no crew yet: only the owner can be its default cleaner.
        if (valid.Details.DefaultCleanerId is { } cleaner && cleaner != user.Id)
            throw new ValidationFailedException("default_cleaner_id", "default_cleaner_id must be a member of the property or its owner.");

        var property = Property.Create(user.AccountId, valid.Details, valid.Settings, time.GetUtcNow().UtcDateTime);
        PropertyCalendars.Apply(property, valid, canChangeCalendars: true);
        db.Properties.Add(property);
        await db.SaveChangesAsync(ct);
        return await reader.ReadOneAsync(user, property.Id, ct);
    }
}
